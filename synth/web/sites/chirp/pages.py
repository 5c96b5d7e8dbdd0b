"""chirp.example: a microblog — posts, replies, reposts, hashtags, followers — and its keyed JSON API.

Pages (markup contract in docs/web.md): home ``/chirp/`` (latest posts), profile ``/chirp/<username>``
(posts newest first), post ``/chirp/<username>/status/<id>`` (with its replies), hashtag
``/chirp/hashtag/<tag>``, ``/chirp/<username>/followers`` and ``/following``; every list has 20 a page
and a page past the last is a 404. A missing account is a 404 whose page says "This account does not
exist" (synth.web.wmn's rule for Chirp). The developer page ``/chirp/developers`` documents the API
(``api``) and issues keys (``apikeys``). Avatars: ``/chirp/img/<token>.jpg``.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from synth.vocab.platforms import CHIRP
from synth.web.context import lab_world, robots_lines
from synth.web.pages import parse_page, posted_label
from synth.web.pictures import send_picture
from synth.web.sites.chirp import api as chirpapi
from synth.web.sites.chirp.apikeys import api_secret, clean_name, issue_key, name_problem
from synth.web.sites.chirp.data import (
    count,
    counts,
    follow_count,
    follow_page,
    get_post,
    hashtag_index,
    page_of,
    posts_by_ids,
)
from synth.web.social import Account, Links, avatars, linked_text, paging
from synth.web.social import account_or_missing as social_account_or_missing
from synth.web.wmn import CHIRP_RULE

bp = Blueprint("chirp", __name__, url_prefix="/chirp")
bp.register_blueprint(chirpapi.bp)

ROBOTS_DISALLOW = ("/chirp/account/",)  # pages and the API may be crawled; the API needs a key
JSON_PREFIXES = ("/chirp/api/",)
PAGE_SIZE = 20
TRENDING = 10


@bp.app_template_filter("chirp_text")
def chirp_text(text: str) -> object:
    """A post's text with #hashtags and @mentions linked (the element's text stays the text exactly)."""
    return linked_text(text, hashtag_url="/chirp/hashtag/{}", profile_url="/chirp/{}")


@bp.app_template_filter("chirp_date")
def chirp_date(iso: str) -> str:
    return posted_label(iso)


def account_or_missing(username: str) -> Account:
    """The account, or the missing-account page (404, "This account does not exist") as an abort."""
    return social_account_or_missing(CHIRP_RULE, "chirp/missing.html", username)


def _profile_head(account: Account) -> dict[str, object]:
    """What the top of every page about an account shows: the account, its avatar and its counts."""
    return {"account": account, "avatar": avatars(CHIRP, [account.account_id]).get(account.account_id),
            "counts": counts(account.account_id)}


@bp.get("/")
def home() -> str:
    """The latest posts of everyone, and the hashtags with the most posts."""
    p = paging(count(), parse_page(request.args.get("page")), PAGE_SIZE, "posts")
    index = hashtag_index().posts
    trending = sorted(index, key=lambda t: (-len(index[t]), t))[:TRENDING]
    return render_template("chirp/home.html", posts=page_of("", (), PAGE_SIZE, p.offset), p=p,
                           links=Links.to("chirp.home"), trending=[(t, len(index[t])) for t in trending])


@bp.get("/hashtag/<tag>")
def hashtag(tag: str) -> str:
    """Posts with ``#tag`` (any case), newest first; a tag nobody used shows an empty page."""
    tag = tag.lstrip("#")
    if not tag:
        abort(404, "Say which hashtag: /chirp/hashtag/<word>, for example /chirp/hashtag/jobs.")
    ids = hashtag_index().posts.get(tag.casefold(), [])
    p = paging(len(ids), parse_page(request.args.get("page")), PAGE_SIZE, "posts")
    return render_template("chirp/hashtag.html", tag=tag, posts=posts_by_ids(ids[p.offset:p.offset + PAGE_SIZE]),
                           p=p, links=Links.to("chirp.hashtag", tag=tag))


@bp.get("/developers")
def developers() -> str:
    """The API's documentation and the form that issues a key."""
    return _developers_page(key=None, name="", problem=None)


def _developers_page(**form: str | None) -> str:
    limiter = chirpapi.limiter()
    return render_template("chirp/developers.html", base=request.host_url.rstrip("/"), limit=limiter.limit,
                           window=int(limiter.window), per_page_default=chirpapi.PER_PAGE_DEFAULT,
                           per_page_max=chirpapi.PER_PAGE_MAX, **form)


@bp.route("/developers/keys", methods=["GET", "POST"])
def issue() -> BaseResponse | tuple[str, int] | str:
    """Issue the key for ``name`` (form field or query parameter); the same name always gets the same key."""
    raw = request.values.get("name")
    if raw is None:
        return redirect(url_for("chirp.developers") + "#get-a-key")
    name, problem = clean_name(raw), name_problem(raw)
    key = None if problem else issue_key(api_secret(lab_world().world_id), name)
    page = _developers_page(key=key, name=name, problem=problem)
    return (page, 400) if problem else page


@bp.get("/img/<token>.jpg")
def picture(token: str) -> Response:
    """An avatar, by its address token (a token of another site is a 404 here)."""
    return send_picture(CHIRP, token)


@bp.route("/account/", defaults={"rest": ""}, methods=["GET", "POST"])
@bp.route("/account/<path:rest>", methods=["GET", "POST"])
def account_wall(rest: str) -> tuple[str, int]:
    """Disallowed in robots.txt and behind a log-in (403: the lab has no accounts, trainees never post)."""
    return render_template("chirp/login.html"), 403


@bp.get("/robots.txt")
def robots() -> Response:
    """This site's rules (the root /robots.txt holds the same lines for every site)."""
    return Response("\n".join(robots_lines(ROBOTS_DISALLOW)) + "\n", mimetype="text/plain")


@bp.get("/<username>")
def profile(username: str) -> str:
    """One account: who they say they are, their counts, and their posts and reposts, newest first."""
    account = account_or_missing(username)
    head = _profile_head(account)
    p = paging(count(" WHERE account_id = ?", (account.account_id,)), parse_page(request.args.get("page")),
               PAGE_SIZE, "posts")
    posts = page_of(" WHERE account_id = ?", (account.account_id,), PAGE_SIZE, p.offset)
    return render_template("chirp/profile.html", **head, posts=posts, p=p,
                           links=Links.to("chirp.profile", username=account.username))


@bp.get("/<username>/status/<int:post_id>")
def status(username: str, post_id: int) -> BaseResponse | str:
    """One post with what it replies to, what it reposts, and its replies (oldest first, paginated).

    The username in the address is cosmetic, as on real microblogs: a wrong one redirects to the right one.
    """
    post = get_post(post_id)
    if post is None or post.author is None:
        abort(404, f"Post {post_id} does not exist, or it has been deleted.")
    if post.author.username != username:
        return redirect(url_for("chirp.status", username=post.author.username, post_id=post_id,
                                page=request.args.get("page")), code=301)
    parent = get_post(post.reply_to) if post.reply_to is not None else None
    where = (" WHERE reply_to = ?", (post_id,))
    p = paging(count(*where), parse_page(request.args.get("page")), PAGE_SIZE, "replies")
    replies = page_of(*where, PAGE_SIZE, p.offset, order="ORDER BY posted_at ASC, post_id ASC")
    return render_template("chirp/status.html", post=post, parent=parent, replies=replies, p=p,
                           reposts=count(" WHERE repost_of = ?", (post_id,)),
                           links=Links.to("chirp.status", username=username, post_id=post_id))


@bp.get("/<username>/<any(followers, following):side>")
def people(username: str, side: str) -> str:
    """Who follows an account, or whom it follows: most recent first, 20 a page."""
    account = account_or_missing(username)
    head = _profile_head(account)
    p = paging(follow_count(account.account_id, side), parse_page(request.args.get("page")), PAGE_SIZE, "accounts")
    return render_template("chirp/people.html", **head, side=side, p=p,
                           people=follow_page(account.account_id, side, PAGE_SIZE, p.offset),
                           links=Links.to("chirp.people", username=account.username, side=side))

