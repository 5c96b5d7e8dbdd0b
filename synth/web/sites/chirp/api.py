"""Chirp's JSON API (``/chirp/api/v1/``): users, their posts and follows, one post, post search.

Every call needs a key from ``/chirp/developers`` (synth.web.sites.chirp.apikeys) in ``Authorization: Bearer <key>``
or ``X-API-Key: <key>``: none is a 401 that says where to get one, a wrong one a 403. Each key may make
RATE_LIMIT calls per WINDOW seconds; every keyed answer carries ``X-RateLimit-Limit``, ``-Remaining`` and
``-Reset`` (Unix time when the window ends), and a call beyond the limit is a 429 with ``Retry-After``.
Lists are paginated like the Companions API: ``page``, ``per_page``, ``total``, ``pages`` and ``next``,
the next page's absolute URL or null. Errors are JSON ``{"error", "status"}`` (synth.web.app).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, abort, current_app, g, jsonify, request, url_for
from flask.blueprints import BlueprintSetupState

from synth.vocab.platforms import CHIRP
from synth.web.context import lab_world
from synth.web.pages import bad_words, keyword_clauses, parse_page
from synth.web.pictures import Picture
from synth.web.ratelimit import WindowLimiter
from synth.web.sites.chirp.apikeys import api_secret, key_is_valid
from synth.web.sites.chirp.data import Post, count, counts, follow_count, follow_page, get_post, page_of, reactions
from synth.web.social import Account, Paging, avatars, find_account, paging, parse_per_page

bp = Blueprint("api", __name__, url_prefix="/api/v1")

RATE_LIMIT = 300  # calls per key per window
WINDOW = 60  # seconds
PER_PAGE_DEFAULT = 20
PER_PAGE_MAX = 100


@bp.record_once
def _make_limiter(state: BlueprintSetupState) -> None:
    app: Flask = state.app
    app.extensions["osintlab.chirp_limiter"] = WindowLimiter(RATE_LIMIT, WINDOW)


def limiter() -> WindowLimiter:
    """This app's per-key limiter (tests swap in one with a small limit or a fake clock)."""
    return current_app.extensions["osintlab.chirp_limiter"]


def _json_error(status: int, message: str, **headers: str) -> Response:
    resp = jsonify(error=message, status=status)
    resp.status_code = status
    resp.headers.update(headers)
    return resp


def presented_key() -> str | None:
    """The key of this request: ``Authorization: Bearer <key>``, else ``X-API-Key``; None when neither is sent."""
    scheme, _, value = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("X-API-Key", "").strip() or None


@bp.before_request
def _authorize() -> Response | None:
    """401 without a key, 403 for a key this server never issued, 429 past the key's window; else count the call."""
    developers = url_for("chirp.developers", _external=True)
    key = presented_key()
    if key is None:
        return _json_error(401, f"The Chirp API needs an API key. Get one free at {developers} and send it "
                                "in the header 'Authorization: Bearer <your key>'.",
                           **{"WWW-Authenticate": 'Bearer realm="Chirp API"'})
    if not key_is_valid(api_secret(lab_world().world_id), key):
        return _json_error(403, f"That API key is not valid. Copy it exactly as {developers} shows it (it starts "
                                "with chirp_ and has 46 characters), or get a new one there.")
    state = limiter().hit(key)
    g.chirp_rate = state
    if not state.allowed:
        wait = limiter().seconds_left(state)
        return _json_error(429, f"This key has made its {state.limit} calls for this {int(limiter().window)}-second "
                                f"window. Wait {wait} seconds (Retry-After, X-RateLimit-Reset) and try again.",
                           **{"Retry-After": str(wait)})
    return None


@bp.after_request
def _rate_headers(resp: Response) -> Response:
    state = g.get("chirp_rate")
    if state is not None:
        resp.headers["X-RateLimit-Limit"] = str(state.limit)
        resp.headers["X-RateLimit-Remaining"] = str(state.remaining)
        resp.headers["X-RateLimit-Reset"] = str(int(-(-state.reset // 1)))
    return resp


def _abs(endpoint: str, **values: Any) -> str:
    return url_for(endpoint, _external=True, **{k: v for k, v in values.items() if v is not None})


def user_json(a: Account, avatar: Picture | None, numbers: dict[str, int] | None = None) -> dict[str, Any]:
    """An account as the API shows it; ``numbers`` (posts, followers, following) on the single-user call."""
    out: dict[str, Any] = {"id": a.account_id, "username": a.username, "display_name": a.display_name,
                           "bio": a.bio, "city": a.city, "created_at": a.created_at,
                           "url": _abs("chirp.profile", username=a.username), "avatar": avatar.src if avatar else None}
    if numbers is not None:
        out.update({f"{k}_count": v for k, v in numbers.items()})
    return out


def post_json(p: Post) -> dict[str, Any]:
    """A post: its author in brief, its text and hashtags, what it replies to or reposts, its page."""
    author = p.author
    return {"id": p.post_id,
            "author": {"id": p.account_id, "username": author.username if author else None,
                       "display_name": author.display_name if author else None},
            "text": p.text, "language": p.language, "posted_at": p.posted_at, "reply_to": p.reply_to,
            "repost_of": p.repost_of, "hashtags": p.tags,
            "url": _abs("chirp.status", username=author.username, post_id=p.post_id) if author else None}


def _listing(pg: Paging, items: list[dict[str, Any]], endpoint: str, **values: Any) -> Response:
    nxt = _abs(endpoint, **values, page=pg.page + 1, per_page=pg.per_page) if pg.page < pg.pages else None
    return jsonify({"page": pg.page, "per_page": pg.per_page, "total": pg.total, "pages": pg.pages, "next": nxt,
                    "items": items})


def _page_args(total: int, what: str) -> Paging:
    per_page = parse_per_page(request.args.get("per_page"), PER_PAGE_DEFAULT, PER_PAGE_MAX)
    return paging(total, parse_page(request.args.get("page")), per_page, what)


def _account(username: str) -> Account:
    account = find_account(CHIRP, username)
    if account is None:
        abort(404, f"No Chirp account is called {username[:64]!r}. Usernames are in profile addresses: "
                   "/chirp/<username>.")
    return account


@bp.get("/users/<username>")
def user(username: str) -> Response:
    """One account with its counts."""
    a = _account(username)
    return jsonify(user_json(a, avatars(CHIRP, [a.account_id]).get(a.account_id), counts(a.account_id)))


@bp.get("/users/<username>/posts")
def user_posts(username: str) -> Response:
    """An account's posts and reposts, newest first."""
    a = _account(username)
    where = (" WHERE account_id = ?", (a.account_id,))
    pg = _page_args(count(*where), "posts")
    posts = page_of(*where, pg.per_page, pg.offset)
    return _listing(pg, [post_json(p) for p in posts], "chirp.api.user_posts", username=a.username)


@bp.get("/users/<username>/<any(followers, following):side>")
def follows(username: str, side: str) -> Response:
    """Who follows an account, or whom it follows, most recent first; ``since`` is when the follow began."""
    a = _account(username)
    pg = _page_args(follow_count(a.account_id, side), "accounts")
    items = [{**user_json(other, face), "since": since}
             for other, since, face in follow_page(a.account_id, side, pg.per_page, pg.offset)]
    return _listing(pg, items, "chirp.api.follows", username=a.username, side=side)


@bp.get("/posts/<int:post_id>")
def post(post_id: int) -> Response:
    """One post, with how many replies and reposts it has."""
    p = get_post(post_id)
    if p is None:
        abort(404, f"Post {post_id} does not exist, or it has been deleted.")
    numbers = reactions(post_id)
    return jsonify({**post_json(p), "replies_count": numbers["replies"], "reposts_count": numbers["reposts"]})


@bp.get("/search")
def search() -> Response:
    """``?q=``: posts containing every word of ``q`` (case-insensitive; ``#tag`` is a word), newest first."""
    q = " ".join(request.args.get("q", "").split())
    if not q:
        abort(400, "Say what to search for: ?q=<words>, for example ?q=%23jobs (a hashtag) or ?q=Berlin.")
    problem = bad_words(q)
    if problem:
        abort(400, problem)
    clauses, params = keyword_clauses(q, "text")
    where = (" WHERE " + " AND ".join(clauses), tuple(params))
    pg = _page_args(count(*where), "results")
    return _listing(pg, [post_json(p) for p in page_of(*where, pg.per_page, pg.offset)], "chirp.api.search", q=q)


@bp.get("/", defaults={"rest": ""})
@bp.get("/<path:rest>")
def unknown(rest: str) -> Response:
    """Anything else under the API: a JSON 404 that points at the documentation."""
    abort(404, "Unknown API endpoint. The documentation is at /chirp/developers.")
