"""search.example ("Seekr"): a search engine over every site of the fake internet.

``/search/?q=…&page=N``, 10 results a page. It finds a phone, e-mail or messaging handle in whatever
form an ad wrote it ("07700 900123", "+44 7700 900123", "seven seven zero zero …", "O77OO 9OO123",
emoji keycaps, "anna at postbox dot example", "TG: x"), the way investigators pivot on a selector:
queries and documents are normalised alike by ``synth.web.textnorm``. The index is built in memory
when the app starts (``synth.web.sites.search.index``); it reads only public/site.sqlite.

``/search/image?url=…`` (and ``/search/api/v1/image``, JSON) is a reverse image search: every ad,
profile, avatar and album showing a picture that looks like the one at ``url`` (``synth.web.sites.search.images``,
``synth.web.sites.search.imageitems``), which is how an investigator tells an advertiser's own picture from a reused
or a stock one, and finds one person's accounts by the avatar they reuse.

``/search/username?u=…`` (and ``/search/api/v1/username``) checks a username on every social platform
the way Sherlock-style tools do (``synth.web.sites.search.usernames``); ``/search/api/v1/wmn-data.json`` is the same
rules as a WhatsMyName file for this server's address (``synth.web.wmn``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Flask, Response, abort, current_app, jsonify, render_template, request, url_for
from flask.blueprints import BlueprintSetupState

from synth.vocab.platforms import ALL_PLATFORMS
from synth.web.context import db, lab_world, robots_lines
from synth.web.pages import page_window, parse_page
from synth.web.pictures import PICTURE_SITES, Picture, owner_site
from synth.web.sites.explorer.input import ledger_mentions
from synth.web.sites.search.imageitems import Item, describe
from synth.web.sites.search.images import MAX_DISTANCE, image_index
from synth.web.sites.search.index import SearchIndex
from synth.web.sites.search.usernames import check_username, parse_username
from synth.web.textnorm import parse_query
from synth.web.wmn import KNOWN_PER_SITE, PROFILE_RULES, wmn_data
from synth.web.world import EXPLORER

bp = Blueprint("search", __name__, url_prefix="/search")

ROBOTS_DISALLOW: tuple[str, ...] = ()  # results pages may be crawled: that is how trainees use Seekr
JSON_PREFIXES = ("/search/api/v1/",)
PER_PAGE = 10
MAX_QUERY_CHARS = 200
IMAGE_PER_PAGE = 20
MAX_URL_CHARS = 500
PICTURE_PATH = re.compile(rf"/({'|'.join((*PICTURE_SITES, *ALL_PLATFORMS))})/img/([^/]*)\.jpg")
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@bp.record_once
def _build_index(state: BlueprintSetupState) -> None:
    """Build the index once, when the site is mounted, so the first search is as fast as the rest."""
    app: Flask = state.app
    app.extensions["osintlab.search"] = SearchIndex.build(app.extensions["osintlab.world"])


def search_index() -> SearchIndex:
    return current_app.extensions["osintlab.search"]


def result_url(path: str) -> str:
    """How a result's address is shown: the site's domain, then the page ("quickads.example › ad › 12")."""
    slug, _, rest = path.strip("/").partition("/")
    site = next((s for s in lab_world().sites if s.slug == slug), None)
    return " › ".join([site.domain if site else slug, *[p for p in rest.split("/") if p]])


@bp.get("/")
def results() -> str:
    """The search page: a search box, and with ``q`` the results of one page."""
    q = " ".join(request.args.get("q", "").split())
    page = parse_page(request.args.get("page"))
    if len(q) > MAX_QUERY_CHARS:
        abort(400, f"Search for at most {MAX_QUERY_CHARS} characters.")
    sites = {s.slug: s for s in lab_world().sites}
    if not q:
        return render_template("search/home.html", q="", indexed=[sites[s] for s in search_index().sites],
                               documents=search_index().count())
    query = parse_query(q)
    total, hits = search_index().search(query, page, PER_PAGE)
    pages = max(1, math.ceil(total / PER_PAGE))
    if page > pages:
        abort(404, f"There are only {pages} page{'s' if pages != 1 else ''} of results; page {page} does not exist.")
    # A wallet address or transaction id in the query (copied from an ad, say) also leads to the explorer.
    ledger = ledger_mentions(q) if page == 1 and EXPLORER in current_app.extensions["osintlab.mounted"] else []
    return render_template(
        "search/results.html", q=q, query=query, hits=hits, total=total, page=page, pages=pages, ledger=ledger,
        window=page_window(page, pages), first=(page - 1) * PER_PAGE + 1, sites=sites, result_url=result_url,
        page_url=lambda n: url_for("search.results", q=q, page=n if n > 1 else None))


@dataclass(frozen=True)
class ImageQuery:
    """A reverse image search, as the shared pagination macro wants it: ``url(page=n)`` links a page."""

    picture: Picture

    def url(self, page: int = 1) -> str:
        return url_for("search.image", url=self.picture.src, page=page if page > 1 else None)


def _how_to(problem: str) -> str:
    example = request.host_url.rstrip("/") + "/quickads/img/<token>.jpg"
    return (f"{problem} Pass url= the address of a picture on the training internet, as an ad, profile or "
            f"album shows it: /quickads/img/<token>.jpg, /circle/img/<token>.jpg … or the full address, such as "
            f"{example} (right-click a picture and copy its address).")


def parse_picture_url(raw: str | None) -> Picture:
    """The picture ``url`` names: a site-absolute path or an http(s) address on this lab; else a 400."""
    raw = (raw or "").strip()
    if not raw:
        abort(400, _how_to("Say which picture to search for."))
    if len(raw) > MAX_URL_CHARS:
        abort(400, _how_to(f"That address is longer than {MAX_URL_CHARS} characters."))
    try:
        parts = urlsplit(raw)
        host = parts.hostname
    except ValueError:
        abort(400, _how_to("That is not a web address."))
    if parts.scheme or parts.netloc:
        ours = LOOPBACK_HOSTS | {urlsplit("//" + request.host).hostname}
        if parts.scheme not in ("http", "https") or host not in ours:
            abort(400, _how_to("Seekr searches pictures of the training internet only, and that address is "
                               "not on it."))
    match = PICTURE_PATH.fullmatch(parts.path)
    if match is None:
        abort(400, _how_to("That address is not a picture's address."))
    site, token = match.groups()
    picture = image_index().by_token.get(token)
    if picture is None or owner_site(picture.site) != site or site not in current_app.extensions["osintlab.mounted"]:
        abort(400, _how_to("No picture has that address."))
    return picture


def image_results(picture: Picture, page: int) -> dict[str, Any]:
    """One page of a reverse image search; a page past the last is a 404 (page 1 always exists)."""
    mounted = current_app.extensions["osintlab.mounted"]
    matches = [m for m in image_index().similar(picture) if owner_site(m.site) in mounted]
    pages = max(1, math.ceil(len(matches) / IMAGE_PER_PAGE))
    if page > pages:
        abort(404, f"There are only {pages} page{'s' if pages != 1 else ''} of results; page {page} does not exist.")
    shown = matches[(page - 1) * IMAGE_PER_PAGE:page * IMAGE_PER_PAGE]
    items = describe((m.site, m.item_id) for m in shown)
    results = []
    for m in shown:
        item = items.get((m.site, m.item_id)) or Item(owner_site(m.site), m.site, "", f"{m.site} #{m.item_id}")
        results.append({"site": item.site, "kind": item.kind, "id": m.item_id, "url": item.url, "title": item.title,
                        "image": m.picture.src, "distance": m.distance, "identical": m.identical})
    return {"query": picture.src, "total": len(matches), "page": page, "pages": pages, "results": results}


@bp.get("/image")
def image() -> str:
    """Reverse image search: without ``url`` the form, with it one page of look-alike pictures."""
    if "url" not in request.args:
        return render_template("search/image.html", url="", found=None, max_distance=MAX_DISTANCE)
    picture = parse_picture_url(request.args.get("url"))
    found = image_results(picture, parse_page(request.args.get("page")))
    return render_template(
        "search/image.html", url=request.args.get("url", "").strip(), found=found, query=ImageQuery(picture),
        window=page_window(found["page"], found["pages"]), first=(found["page"] - 1) * IMAGE_PER_PAGE + 1,
        sites={s.slug: s for s in lab_world().sites}, result_url=result_url, max_distance=MAX_DISTANCE)


@bp.get("/api/v1/image")
def api_image() -> Response:
    """``?url=&page=``: the reverse image search as JSON; ``next`` is the next page's full address or null."""
    picture = parse_picture_url(request.args.get("url"))
    found = image_results(picture, parse_page(request.args.get("page")))
    nxt = (url_for("search.api_image", url=picture.src, page=found["page"] + 1, _external=True)
           if found["page"] < found["pages"] else None)
    return jsonify({"query": found["query"], "total": found["total"], "page": found["page"],
                    "pages": found["pages"], "next": nxt, "results": found["results"]})


@bp.get("/username")
def username() -> str:
    """Username lookup: without ``u`` the form, with it every platform's verdict."""
    if "u" not in request.args:
        return render_template("search/username.html", u="", checks=None)
    u = parse_username(request.args.get("u"))
    return render_template("search/username.html", u=u, checks=check_username(u))


@bp.get("/api/v1/username")
def api_username() -> Response:
    """``?u=``: the username lookup as JSON, one result per platform."""
    u = parse_username(request.args.get("u"))
    checks = check_username(u)
    return jsonify({"username": u, "checked": len(checks), "found": sum(c.found for c in checks),
                    "results": [c.as_json() for c in checks]})


@bp.get("/api/v1/wmn-data.json")
def api_wmn() -> Response:
    """The platforms' rules as a WhatsMyName file, with this server's address and this world's usernames."""
    mounted = current_app.extensions["osintlab.mounted"]
    known = {slug: [r[0] for r in db().execute("SELECT username FROM social_accounts WHERE platform = ? "
                                                "ORDER BY account_id LIMIT ?", (slug, KNOWN_PER_SITE))]
             for slug in PROFILE_RULES if slug in mounted}
    return jsonify(wmn_data(known, base=request.host_url, platforms=known))


@bp.get("/robots.txt")
def robots() -> Response:
    """This site's rules (the root /robots.txt holds the same lines for every site)."""
    return Response("\n".join(robots_lines(ROBOTS_DISALLOW)) + "\n", mimetype="text/plain")
