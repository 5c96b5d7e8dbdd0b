"""quickads.example: the classifieds site of module 01 (scraping ad sites).

Pages: home, listing (``/quickads/ads?city=&category=&q=&page=``), ad detail, a "report this ad"
explanation, the pictures ads show (``/quickads/img/<token>.jpg``), and login walls under the paths
robots.txt disallows. The markup is a contract the notebooks teach (docs/web.md): change a class name
there and here together.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, abort, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from synth.web.context import db, lab_world, robots_lines
from synth.web.pages import MAX_ROW_ID, bad_words, keyword_clauses, page_window, parse_page, posted_label, snippet
from synth.web.pictures import picture_views, pictures_of, send_picture
from synth.web.world import Category, City

bp = Blueprint("quickads", __name__, url_prefix="/quickads")

ROBOTS_DISALLOW = ("/quickads/account/", "/quickads/post")
PAGE_SIZE = 20
LATEST_ON_HOME = 10
MAX_QUERY_CHARS = 100
MAX_QUERY_WORDS = 8

CARD_COLUMNS = "ad_id, category, city, title, body, display_name, price, posted_at"
DETAIL_COLUMNS = CARD_COLUMNS + ", age, phone, email, messenger"
NEWEST_FIRST = "ORDER BY posted_at DESC, ad_id DESC"


@dataclass(frozen=True)
class Filters:
    """The listing's filters, validated: only known slugs and a bounded keyword string get here."""

    city: City | None = None
    category: Category | None = None
    q: str = ""

    def where(self, *, skip: str = "") -> tuple[str, list[Any]]:
        """A parameterised WHERE clause (``skip`` one filter to count the options of its facet)."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.city and skip != "city":
            clauses.append("city = ?")
            params.append(self.city.slug)
        if self.category and skip != "category":
            clauses.append("category = ?")
            params.append(self.category.slug)
        words, word_params = keyword_clauses(self.q, "title || ' ' || body")
        clauses += words
        params += word_params
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def url(self, page: int = 1, **changes: str | None) -> str:
        """The listing URL for these filters with ``changes`` applied (``None`` drops a filter)."""
        args: dict[str, Any] = {
            "city": self.city.slug if self.city else None,
            "category": self.category.slug if self.category else None,
            "q": self.q or None,
        }
        args.update(changes)
        if page > 1:
            args["page"] = page
        return url_for("quickads.listing", **{k: v for k, v in args.items() if v})


def parse_filters(args: MultiDict[str, str]) -> Filters:
    """Validate the query string; 400 with a plain-language message for anything unknown."""
    world = lab_world()
    city_slug = args.get("city", "").strip()
    category_slug = args.get("category", "").strip()
    q = " ".join(args.get("q", "").split())
    if city_slug and city_slug not in world.cities:
        abort(400, f"QuickAds has no city called “{city_slug[:40]}”. Pick a city from the list on this site.")
    if category_slug and category_slug not in world.categories:
        abort(400, f"QuickAds has no category called “{category_slug[:40]}”. "
                   "Pick a category from the list on this site.")
    problem = bad_words(q, MAX_QUERY_CHARS, MAX_QUERY_WORDS)
    if problem:
        abort(400, problem)
    return Filters(world.cities.get(city_slug), world.categories.get(category_slug), q)


def _view(row: sqlite3.Row) -> dict[str, Any]:
    """A row plus what templates show: names for slugs, a date label and a snippet."""
    world = lab_world()
    ad = dict(row)
    city = world.cities.get(ad["city"])
    category = world.categories.get(ad["category"])
    ad["city_name"] = city.name if city else ad["city"]
    ad["category_name"] = category.name if category else ad["category"]
    ad["posted_label"] = posted_label(ad["posted_at"])
    ad["snippet"] = snippet(ad["body"])
    return ad


def _with_thumbnails(ads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cards show the first picture of an ad that has any (``thumb``, its address) and how many it has."""
    shown = pictures_of("quickads", (ad["ad_id"] for ad in ads))
    for ad in ads:
        pictures = shown.get(ad["ad_id"], [])
        ad["photo_count"] = len(pictures)
        ad["thumb"] = pictures[0].src if pictures else None
    return ads


def _counts(column: str, where: str = "", params: list[Any] | None = None) -> dict[str, int]:
    assert column in ("city", "category")  # never user input: a fixed column name
    sql = f"SELECT {column}, COUNT(*) FROM quickads_ads{where} GROUP BY {column}"
    return {slug: n for slug, n in db().execute(sql, params or [])}


@bp.get("/")
def home() -> str:
    """Categories and cities with their ad counts, and the latest ads."""
    rows = db().execute(f"SELECT {CARD_COLUMNS} FROM quickads_ads {NEWEST_FIRST} LIMIT ?", (LATEST_ON_HOME,))
    total = db().execute("SELECT COUNT(*) FROM quickads_ads").fetchone()[0]
    return render_template("quickads/home.html", filters=Filters(), total=total,
                           latest=_with_thumbnails([_view(r) for r in rows]),
                           city_counts=_counts("city"), category_counts=_counts("category"))


@bp.get("/ads")
def listing() -> str:
    """Ads matching the filters, newest first, PAGE_SIZE per page; past the last page is a 404."""
    filters = parse_filters(request.args)
    page = parse_page(request.args.get("page"))
    where, params = filters.where()
    total = db().execute(f"SELECT COUNT(*) FROM quickads_ads{where}", params).fetchone()[0]
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if page > pages:
        abort(404, f"This listing has only {pages} page{'s' if pages != 1 else ''}; "
                   f"page {page} does not exist.")
    rows = db().execute(f"SELECT {CARD_COLUMNS} FROM quickads_ads{where} {NEWEST_FIRST} LIMIT ? OFFSET ?",
                        [*params, PAGE_SIZE, (page - 1) * PAGE_SIZE])
    return render_template(
        "quickads/listing.html", filters=filters, ads=_with_thumbnails([_view(r) for r in rows]), total=total,
        page=page, pages=pages, window=page_window(page, pages),
        first=(page - 1) * PAGE_SIZE + 1, last=min(page * PAGE_SIZE, total),
        city_counts=_counts("city", *filters.where(skip="city")),
        category_counts=_counts("category", *filters.where(skip="category")),
    )


@bp.get("/ad/<int:ad_id>")
def ad_detail(ad_id: int) -> str:
    """One ad with all its fields; an id that does not exist is a 404."""
    row = None
    if ad_id <= MAX_ROW_ID:
        row = db().execute(f"SELECT {DETAIL_COLUMNS} FROM quickads_ads WHERE ad_id = ?", (ad_id,)).fetchone()
    if row is None:
        abort(404, f"Ad #{ad_id} does not exist, or it has been removed.")
    photos = picture_views(pictures_of("quickads", [ad_id]).get(ad_id, []), "ad")
    return render_template("quickads/ad.html", ad=_view(row), photos=photos, filters=Filters())


@bp.get("/img/<token>.jpg")
def picture(token: str) -> Response:
    """A picture shown in an ad, by its address token (a token of another site is a 404 here)."""
    return send_picture("quickads", token)


@bp.get("/report")
def report() -> str:
    """Where "Report this ad" leads: what reporting means in a real investigation."""
    return render_template("quickads/report.html", filters=Filters())


@bp.route("/account/", defaults={"rest": ""}, methods=["GET", "POST"])
@bp.route("/account/<path:rest>", methods=["GET", "POST"])
def account(rest: str) -> tuple[str, int]:
    """Disallowed in robots.txt and behind a log-in, as on a real site (403: no accounts exist)."""
    return render_template("quickads/login.html", filters=Filters(), action="see your account"), 403


@bp.route("/post", methods=["GET", "POST"])
def post_ad() -> tuple[str, int]:
    """Disallowed in robots.txt and behind a log-in: trainees observe, they do not post."""
    return render_template("quickads/login.html", filters=Filters(), action="post an ad"), 403


@bp.get("/robots.txt")
def robots() -> Response:
    """This site's rules (the root /robots.txt holds the same lines for every site)."""
    return Response("\n".join(robots_lines(ROBOTS_DISALLOW)) + "\n", mimetype="text/plain")
