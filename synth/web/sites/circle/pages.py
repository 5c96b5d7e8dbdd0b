"""circle.example: profiles, friends, albums, check-ins and groups (the groups' pages: ``circlegroups``).

A profile's address is its username: ``/circle/<username>`` (a username is never ``groups``, ``posts``,
``img``, ``account``, ``messages`` or ``robots.txt``: those addresses are the site's own). Under it:
``/friends``, ``/groups``, ``/photos`` (albums), ``/photos/<album_id>``, ``/checkins``; lists have 20 a
page and a page past the last is a 404. A username nobody has gets Circle's "soft 404": status 200 and
a page saying "This page is not available" (synth.web.wmn's rule), on every address under it.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request

from synth.vocab.platforms import CIRCLE
from synth.web.context import db, robots_lines
from synth.web.pages import MAX_ROW_ID, parse_page, posted_label
from synth.web.pictures import picture_views, pictures_of, send_picture
from synth.web.sites.circle import groups as circlegroups
from synth.web.sites.circle.data import (
    count_friends,
    count_member_of,
    count_posts,
    friends_page,
    member_of_page,
    posts_page,
)
from synth.web.social import Account, Links, avatars, paging
from synth.web.social import account_or_missing as social_account_or_missing
from synth.web.wmn import CIRCLE_RULE

bp = Blueprint("circle", __name__, url_prefix="/circle")
bp.register_blueprint(circlegroups.bp)

ROBOTS_DISALLOW = ("/circle/account/", "/circle/messages/")
PAGE_SIZE = 20
TABS = (("profile", "Posts"), ("friends", "Friends"), ("member_of", "Groups"), ("albums", "Photos"),
        ("checkins", "Check-ins"))


@bp.app_template_filter("circle_date")
def circle_date(iso: str) -> str:
    return posted_label(iso)


def account_or_missing(username: str) -> Account:
    """The account, or Circle's soft 404 (status 200, "This page is not available") as an abort."""
    return social_account_or_missing(CIRCLE_RULE, "circle/missing.html", username)


def head(account: Account, tab: str) -> dict[str, object]:
    """What the top of every page about a person shows: avatar, name, facts, friends count, tabs."""
    return {"account": account, "tab": tab, "tabs": TABS, "friends_count": count_friends(account.account_id),
            "avatar": avatars(CIRCLE, [account.account_id]).get(account.account_id)}


@bp.get("/")
def home() -> str:
    """What Circle is, the latest group posts, and groups by city."""
    cities = db().execute("SELECT city, COUNT(*) AS n FROM circle_groups GROUP BY city ORDER BY city").fetchall()
    return render_template("circle/home.html", latest=posts_page(" WHERE group_id IS NOT NULL", (), 10, 0),
                           city_counts=[(r["city"], r["n"]) for r in cities if r["city"]],
                           people=db().execute("SELECT COUNT(*) FROM social_accounts WHERE platform = ?",
                                               (CIRCLE,)).fetchone()[0])


@bp.get("/img/<token>.jpg")
def picture(token: str) -> Response:
    """An avatar or an album picture, by its address token (a token of another site is a 404 here)."""
    return send_picture(CIRCLE, token)


@bp.route("/<any(account, messages):area>/", defaults={"rest": ""}, methods=["GET", "POST"])
@bp.route("/<any(account, messages):area>/<path:rest>", methods=["GET", "POST"])
def login_wall(area: str, rest: str) -> tuple[str, int]:
    """Disallowed in robots.txt and behind a log-in (403: the lab has no accounts, trainees never message)."""
    return render_template("circle/login.html"), 403


@bp.get("/robots.txt")
def robots() -> Response:
    """This site's rules (the root /robots.txt holds the same lines for every site)."""
    return Response("\n".join(robots_lines(ROBOTS_DISALLOW)) + "\n", mimetype="text/plain")


@bp.get("/<username>")
def profile(username: str) -> str:
    """A person's profile: about, and the posts on their own wall, newest first."""
    account = account_or_missing(username)
    where = (" WHERE account_id = ? AND group_id IS NULL", (account.account_id,))
    p = paging(count_posts(*where), parse_page(request.args.get("page")), PAGE_SIZE, "posts")
    return render_template("circle/profile.html", **head(account, "profile"), p=p,
                           posts=posts_page(*where, PAGE_SIZE, p.offset),
                           links=Links.to("circle.profile", username=account.username))


@bp.get("/<username>/friends")
def friends(username: str) -> str:
    """A person's friends, most recent friendships first."""
    account = account_or_missing(username)
    p = paging(count_friends(account.account_id), parse_page(request.args.get("page")), PAGE_SIZE, "friends")
    return render_template("circle/people.html", **head(account, "friends"), p=p, what="Friends",
                           date_label="Friends since",
                           people=friends_page(account.account_id, PAGE_SIZE, p.offset),
                           links=Links.to("circle.friends", username=account.username))


@bp.get("/<username>/groups")
def member_of(username: str) -> str:
    """The groups a person belongs to, most recently joined first."""
    account = account_or_missing(username)
    p = paging(count_member_of(account.account_id), parse_page(request.args.get("page")), PAGE_SIZE, "groups")
    return render_template("circle/member_of.html", **head(account, "member_of"), p=p,
                           groups=member_of_page(account.account_id, PAGE_SIZE, p.offset),
                           links=Links.to("circle.member_of", username=account.username))


@bp.get("/<username>/photos")
def albums(username: str) -> str:
    """A person's albums, newest first, each with its first picture as cover."""
    account = account_or_missing(username)
    rows = db().execute("SELECT album_id, title, created_at FROM circle_albums WHERE account_id = ? "
                        "ORDER BY created_at DESC, album_id DESC", (account.account_id,)).fetchall()
    shown = pictures_of("circle-album", (r["album_id"] for r in rows))
    items = [{"album_id": r["album_id"], "title": r["title"], "created_at": r["created_at"],
              "count": len(shown.get(r["album_id"], [])),
              "cover": shown[r["album_id"]][0].src if shown.get(r["album_id"]) else None} for r in rows]
    return render_template("circle/albums.html", **head(account, "albums"), albums=items)


@bp.get("/<username>/photos/<int:album_id>")
def album(username: str, album_id: int) -> str:
    """One album's pictures, in order; an album of someone else (or none) is a 404."""
    account = account_or_missing(username)
    row = db().execute("SELECT album_id, title, created_at FROM circle_albums WHERE album_id = ? AND account_id = ?",
                       (album_id, account.account_id)).fetchone() if album_id <= MAX_ROW_ID else None
    if row is None:
        abort(404, f"{account.display_name} has no album number {album_id}. Their albums are listed on "
                   f"/circle/{account.username}/photos.")
    photos = picture_views(pictures_of("circle-album", [album_id]).get(album_id, []), "album")
    return render_template("circle/album.html", **head(account, "albums"), album=row, photos=photos)


@bp.get("/<username>/checkins")
def checkins(username: str) -> str:
    """Places a person checked in at, most recent first."""
    account = account_or_missing(username)
    total = db().execute("SELECT COUNT(*) FROM circle_checkins WHERE account_id = ?", (account.account_id,))
    p = paging(total.fetchone()[0], parse_page(request.args.get("page")), PAGE_SIZE, "check-ins")
    rows = db().execute("SELECT checkin_id, place, city, checked_in_at FROM circle_checkins WHERE account_id = ? "
                        "ORDER BY checked_in_at DESC, checkin_id DESC LIMIT ? OFFSET ?",
                        (account.account_id, PAGE_SIZE, p.offset)).fetchall()
    return render_template("circle/checkins.html", **head(account, "checkins"), p=p, checkins=rows,
                           links=Links.to("circle.checkins", username=account.username))
