"""workabroad.example: the job and travel board that caps page depth.

Listing ``/jobboard/?kind=&city=&country=&q=&page=`` shows at most MAX_PAGES pages, as many real
boards and search engines do (they will not serve result 10,000 of a query). Past the cap a polite 404
page says to narrow the search: a complete crawl has to split the board with its filters (kind, city,
country) so that every slice fits under the cap. The total is shown on every listing, so a trainee can
notice that the pages they can reach hold fewer posts than the total. Markup: docs/web.md.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from synth.web.context import db, lab_world, robots_lines
from synth.web.pages import MAX_ROW_ID, bad_words, keyword_clauses, page_window, parse_page, posted_label, snippet
from synth.web.world import City

bp = Blueprint("jobboard", __name__, url_prefix="/jobboard")

ROBOTS_DISALLOW = ("/jobboard/account/", "/jobboard/apply/")
PAGE_SIZE = 20
MAX_PAGES = 10
KINDS = {"job": "Jobs", "travel": "Travel and transport"}
CARD_COLUMNS = "post_id, kind, city, work_country, title, body, company, salary, posted_at"
DETAIL_COLUMNS = CARD_COLUMNS + ", language, contact"
NEWEST_FIRST = "ORDER BY posted_at DESC, post_id DESC"


def page_size() -> int:
    """Posts per page (``JOBBOARD_PAGE_SIZE`` in the app config overrides it, for small test worlds)."""
    return int(current_app.config.get("JOBBOARD_PAGE_SIZE", PAGE_SIZE))


def max_pages() -> int:
    """The page-depth cap (``JOBBOARD_MAX_PAGES`` in the app config overrides it)."""
    return int(current_app.config.get("JOBBOARD_MAX_PAGES", MAX_PAGES))


@dataclass(frozen=True)
class Filters:
    """The listing's filters, validated: known kinds, city slugs and country codes, bounded keywords."""

    kind: str | None = None
    city: City | None = None
    country: str | None = None
    q: str = ""

    def where(self, *, skip: str = "") -> tuple[str, list[Any]]:
        """A parameterised WHERE clause (``skip`` one filter to count the options of its facet)."""
        clauses: list[str] = []
        params: list[Any] = []
        for name, column, value in (("kind", "kind", self.kind), ("city", "city", self.city and self.city.slug),
                                    ("country", "work_country", self.country)):
            if value and skip != name:
                clauses.append(f"{column} = ?")
                params.append(value)
        words, word_params = keyword_clauses(self.q, "title || ' ' || body || ' ' || company")
        return (" WHERE " + " AND ".join(clauses + words) if clauses or words else ""), params + word_params

    def url(self, page: int = 1, **changes: str | None) -> str:
        """The listing URL for these filters with ``changes`` applied (``None`` drops a filter)."""
        args: dict[str, Any] = {"kind": self.kind, "city": self.city.slug if self.city else None,
                                "country": self.country, "q": self.q or None}
        args.update(changes)
        if page > 1:
            args["page"] = page
        return url_for("jobboard.listing", **{k: v for k, v in args.items() if v})

    @property
    def active(self) -> bool:
        return bool(self.kind or self.city or self.country or self.q)


def parse_filters(args: MultiDict[str, str]) -> Filters:
    """Validate the query string; 400 with a plain-language message for anything unknown."""
    world = lab_world()
    kind = args.get("kind", "").strip()
    city_slug = args.get("city", "").strip()
    country = args.get("country", "").strip().upper()
    q = " ".join(args.get("q", "").split())
    if kind and kind not in KINDS:
        abort(400, f"WorkAbroad has no post type “{kind[:40]}”: use kind=job or kind=travel.")
    if city_slug and city_slug not in world.cities:
        abort(400, f"WorkAbroad has no city called “{city_slug[:40]}”. Pick a city from the list on this site.")
    if country and (len(country) != 2 or not country.isalpha() or not country.isascii()):
        abort(400, "country must be a two-letter ISO 3166 code, such as DE or GB.")
    problem = bad_words(q)
    if problem:
        abort(400, problem)
    return Filters(kind or None, world.cities.get(city_slug), country or None, q)


def _view(row: sqlite3.Row) -> dict[str, Any]:
    """A row plus what templates show: names for slugs, a date label and a snippet."""
    post = dict(row)
    city = lab_world().cities.get(post["city"])
    post["city_name"] = city.name if city else post["city"]
    post["kind_name"] = KINDS.get(post["kind"], post["kind"])
    post["posted_label"] = posted_label(post["posted_at"])
    post["snippet"] = snippet(post["body"], 180)
    return post


def _counts(column: str, where: str, params: list[Any]) -> dict[str, int]:
    assert column in ("kind", "city", "work_country")  # never user input: a fixed column name
    sql = f"SELECT {column}, COUNT(*) FROM jobboard_posts{where} GROUP BY {column}"
    return {key: n for key, n in db().execute(sql, params) if key is not None}


def _options() -> dict[str, list[tuple[str, str]]]:
    """(value, label) of every option of each facet, in display order."""
    countries = db().execute("SELECT DISTINCT work_country FROM jobboard_posts WHERE work_country IS NOT NULL "
                             "ORDER BY work_country").fetchall()
    return {"kind": list(KINDS.items()), "city": [(c.slug, c.name) for c in lab_world().cities.values()],
            "country": [(r[0], r[0]) for r in countries]}


def _facets(filters: Filters) -> dict[str, dict[str, int]]:
    return {"kind": _counts("kind", *filters.where(skip="kind")),
            "city": _counts("city", *filters.where(skip="city")),
            "country": _counts("work_country", *filters.where(skip="country"))}


@bp.get("/")
def listing() -> str | tuple[str, int]:
    """Posts matching the filters, newest first; beyond MAX_PAGES a 404 that says to narrow the search."""
    filters = parse_filters(request.args)
    page = parse_page(request.args.get("page"))
    size, cap = page_size(), max_pages()
    where, params = filters.where()
    total = db().execute(f"SELECT COUNT(*) FROM jobboard_posts{where}", params).fetchone()[0]
    pages = max(1, math.ceil(total / size))
    shown = min(pages, cap)
    if page > cap:
        return render_template("jobboard/depth_cap.html", filters=filters, page=page, total=total, cap=cap,
                               facets=_facets(filters), options=_options(), kinds=KINDS), 404
    if page > pages:
        abort(404, f"This listing has only {pages} page{'s' if pages != 1 else ''}; page {page} does not exist.")
    rows = db().execute(f"SELECT {CARD_COLUMNS} FROM jobboard_posts{where} {NEWEST_FIRST} LIMIT ? OFFSET ?",
                        [*params, size, (page - 1) * size])
    return render_template(
        "jobboard/listing.html", filters=filters, posts=[_view(r) for r in rows], total=total, page=page,
        pages=pages, shown=shown, cap=cap, capped=pages > cap, reachable=min(total, cap * size),
        window=page_window(page, shown), first=(page - 1) * size + 1, last=min(page * size, total),
        facets=_facets(filters), options=_options(), kinds=KINDS)


@bp.get("/post/<int:post_id>")
def post(post_id: int) -> str:
    """One post with all its fields; an id that does not exist is a 404."""
    row = None
    if post_id <= MAX_ROW_ID:
        row = db().execute(f"SELECT {DETAIL_COLUMNS} FROM jobboard_posts WHERE post_id = ?", (post_id,)).fetchone()
    if row is None:
        abort(404, f"Post {post_id} does not exist, or it has been removed.")
    return render_template("jobboard/post.html", post=_view(row), filters=Filters())


@bp.route("/<any(account, apply):area>/", defaults={"rest": ""}, methods=["GET", "POST"])
@bp.route("/<any(account, apply):area>/<path:rest>", methods=["GET", "POST"])
def login_wall(area: str, rest: str) -> tuple[str, int]:
    """Disallowed in robots.txt and behind a log-in: trainees observe, they do not apply."""
    return render_template("jobboard/login.html", filters=Filters()), 403


@bp.get("/robots.txt")
def robots() -> Response:
    """This site's rules (the root /robots.txt holds the same lines for every site)."""
    return Response("\n".join(robots_lines(ROBOTS_DISALLOW)) + "\n", mimetype="text/plain")
