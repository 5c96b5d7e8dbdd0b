"""search.example ("Seekr"): a search engine over every site of the fake internet.

``/search/?q=…&page=N``, 10 results a page. It finds a phone, e-mail or messaging handle in whatever
form an ad wrote it ("07700 900123", "+44 7700 900123", "seven seven zero zero …", "O77OO 9OO123",
emoji keycaps, "anna at postbox dot example", "TG: x"), the way investigators pivot on a selector:
queries and documents are normalised alike by ``synth.web.textnorm``. The index is built in memory
when the app starts (``synth.web.searchindex``); it reads only public/site.sqlite.
"""

from __future__ import annotations

import math

from flask import Blueprint, Flask, Response, abort, current_app, render_template, request, url_for
from flask.blueprints import BlueprintSetupState

from synth.web.context import lab_world, robots_lines
from synth.web.pages import page_window, parse_page
from synth.web.searchindex import SearchIndex
from synth.web.textnorm import parse_query

bp = Blueprint("search", __name__, url_prefix="/search")

ROBOTS_DISALLOW: tuple[str, ...] = ()  # results pages may be crawled: that is how trainees use Seekr
PER_PAGE = 10
MAX_QUERY_CHARS = 200


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
    return render_template(
        "search/results.html", q=q, query=query, hits=hits, total=total, page=page, pages=pages,
        window=page_window(page, pages), first=(page - 1) * PER_PAGE + 1, sites=sites, result_url=result_url,
        page_url=lambda n: url_for("search.results", q=q, page=n if n > 1 else None))


@bp.get("/robots.txt")
def robots() -> Response:
    """This site's rules (the root /robots.txt holds the same lines for every site)."""
    return Response("\n".join(robots_lines(ROBOTS_DISALLOW)) + "\n", mimetype="text/plain")
