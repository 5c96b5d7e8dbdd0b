"""companions.example: an escort-style directory whose listing loads through a paginated JSON API.

The HTML listing (``/companions/?city=&page=``) is a shell: a small local script fetches its cards
from ``/companions/api/v1/profiles``. A scraper that parses the listing HTML finds no profiles, which
is the lesson: open the browser's developer tools (Network tab) or the page source, find the API,
read its documentation page (``/companions/api/``) and call it. Profile pages
(``/companions/profile/<id>``) are plain HTML and readable without JavaScript. Personal services
only; wording is non-explicit, and the pictures (``/companions/img/<token>.jpg``, listed in the API's
``photos``) show drawn scenes, never people. The JSON shapes and the markup are a contract (docs/web.md).
"""

from __future__ import annotations

import json
import math
import sqlite3
from typing import Any

from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from synth.web.context import content_security_policy, db, lab_world, robots_lines
from synth.web.pages import MAX_ROW_ID, parse_page, posted_label
from synth.web.pictures import Picture, picture_views, pictures_of, send_picture
from synth.web.world import City

bp = Blueprint("companions", __name__, url_prefix="/companions")

ROBOTS_DISALLOW = ("/companions/account/", "/companions/messages/")
JSON_PREFIXES = ("/companions/api/v1/",)
PER_PAGE_DEFAULT = 24
PER_PAGE_MAX = 50

ITEM_COLUMNS = "profile_id, name, age, city, headline, rate, bumped_at"
PROFILE_COLUMNS = ("profile_id, city, name, age, nationality, languages, headline, text, contact, rate, "
                   "posted_at, bumped_at")
BUMPED_FIRST = "ORDER BY bumped_at DESC, profile_id ASC"


@bp.after_request
def _allow_own_scripts(resp: Response) -> Response:
    """The listing shell needs the site's own script; still nothing inline and nothing from elsewhere."""
    resp.headers["Content-Security-Policy"] = content_security_policy(script_src="'self'")
    return resp


def parse_city(args: MultiDict[str, str]) -> City | None:
    """The ``city`` filter: absent or empty means every city; an unknown slug is a 400."""
    slug = args.get("city", "").strip()
    if not slug:
        return None
    city = lab_world().cities.get(slug)
    if city is None:
        abort(400, f"Companions has no city called “{slug[:40]}”. "
                   "GET /companions/api/v1/cities lists the city slugs.")
    return city


def parse_per_page(raw: str | None) -> int:
    """``per_page``: 1 to PER_PAGE_MAX, default PER_PAGE_DEFAULT; anything else is a 400."""
    raw = (raw or "").strip()
    if not raw:
        return PER_PAGE_DEFAULT
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw[:9]) <= PER_PAGE_MAX:
        abort(400, f"per_page must be a whole number from 1 to {PER_PAGE_MAX}.")
    return int(raw)


def _abs(endpoint: str, **values: Any) -> str:
    """An absolute URL on this server, as real APIs return (``requests.get(data["next"])`` just works)."""
    return url_for(endpoint, _external=True, **{k: v for k, v in values.items() if v is not None})


def profile_item(row: sqlite3.Row, pictures: list[Picture]) -> dict[str, Any]:
    """One entry of the listing API: the fields a card shows, and the profile's picture addresses."""
    return {"id": row["profile_id"], "name": row["name"], "age": row["age"], "city": row["city"],
            "headline": row["headline"], "rate": row["rate"], "bumped_at": row["bumped_at"],
            "url": _abs("companions.profile", profile_id=row["profile_id"]), "photos": [p.src for p in pictures]}


def profile_full(row: sqlite3.Row, pictures: list[Picture]) -> dict[str, Any]:
    """Every public column of a profile; ``languages`` as a list of ISO 639-1 codes; ``photos`` in display order.

    Picture addresses are site-absolute (``/companions/img/<token>.jpg``), as a page's ``<img src>`` is.
    """
    languages = [code.strip() for code in (row["languages"] or "").split(",") if code.strip()]
    return {"id": row["profile_id"], "name": row["name"], "age": row["age"], "city": row["city"],
            "nationality": row["nationality"], "languages": languages, "headline": row["headline"],
            "text": row["text"], "contact": row["contact"], "rate": row["rate"], "posted_at": row["posted_at"],
            "bumped_at": row["bumped_at"], "url": _abs("companions.profile", profile_id=row["profile_id"]),
            "photos": [p.src for p in pictures]}


def _pictures(profile_id: int) -> list[Picture]:
    return pictures_of("companions", [profile_id]).get(profile_id, [])


def profiles_page(city: City | None, page: int, per_page: int) -> dict[str, Any]:
    """The listing API's answer; a page past the last is a 404 (page 1 always exists)."""
    where, params = (" WHERE city = ?", [city.slug]) if city else ("", [])
    total = db().execute(f"SELECT COUNT(*) FROM companions_profiles{where}", params).fetchone()[0]
    pages = max(1, math.ceil(total / per_page))
    if page > pages:
        abort(404, f"There are only {pages} page{'s' if pages != 1 else ''} of profiles; page {page} does not exist.")
    rows = db().execute(f"SELECT {ITEM_COLUMNS} FROM companions_profiles{where} {BUMPED_FIRST} LIMIT ? OFFSET ?",
                        [*params, per_page, (page - 1) * per_page]).fetchall()
    shown = pictures_of("companions", (r["profile_id"] for r in rows))
    city_slug = city.slug if city else None
    nxt = (_abs("companions.api_profiles", city=city_slug, page=page + 1, per_page=per_page)
           if page < pages else None)
    return {"page": page, "per_page": per_page, "total": total, "pages": pages, "next": nxt,
            "items": [profile_item(r, shown.get(r["profile_id"], [])) for r in rows]}


def _city_counts() -> dict[str, int]:
    return dict(db().execute("SELECT city, COUNT(*) FROM companions_profiles GROUP BY city").fetchall())


def _fetch_profile(profile_id: int) -> sqlite3.Row:
    row = None
    if profile_id <= MAX_ROW_ID:
        row = db().execute(f"SELECT {PROFILE_COLUMNS} FROM companions_profiles WHERE profile_id = ?",
                           (profile_id,)).fetchone()
    if row is None:
        abort(404, f"Profile {profile_id} does not exist, or it has been removed.")
    return row


# --- JSON API -----------------------------------------------------------------------------------

@bp.get("/api/v1/profiles")
def api_profiles() -> Response:
    """``?city=&page=&per_page=``: profiles, most recently bumped first, then by id."""
    city = parse_city(request.args)
    page = parse_page(request.args.get("page"))
    return jsonify(profiles_page(city, page, parse_per_page(request.args.get("per_page"))))


@bp.get("/api/v1/profiles/<int:profile_id>")
def api_profile(profile_id: int) -> Response:
    """One profile with every public field."""
    return jsonify(profile_full(_fetch_profile(profile_id), _pictures(profile_id)))


@bp.get("/api/v1/cities")
def api_cities() -> Response:
    """The city slugs the ``city`` parameter accepts, with how many profiles each has."""
    counts = _city_counts()
    return jsonify({"items": [{"slug": c.slug, "name": c.name, "country": c.country, "profiles": counts.get(c.slug, 0)}
                              for c in lab_world().cities.values()]})


@bp.get("/api/v1/", defaults={"rest": ""})
@bp.get("/api/v1/<path:rest>")
def api_unknown(rest: str) -> Response:
    """Anything else under the API: a JSON 404 that points at the documentation."""
    abort(404, "Unknown API endpoint. The documentation is at /companions/api/.")


# --- HTML pages ---------------------------------------------------------------------------------

@bp.get("/")
def listing() -> str:
    """The shell the script fills: city links are HTML, the profile cards come from the API."""
    city = parse_city(request.args)
    page = parse_page(request.args.get("page"))
    counts = _city_counts()
    total = sum(counts.values()) if city is None else counts.get(city.slug, 0)
    api = url_for("companions.api_profiles", city=city.slug if city else None, page=page,
                  per_page=PER_PAGE_DEFAULT)
    return render_template("companions/listing.html", city=city, page=page, counts=counts, total=total,
                           api_url=api)


@bp.get("/profile/<int:profile_id>")
def profile(profile_id: int) -> str:
    """One profile, rendered on the server: readable without JavaScript."""
    pictures = _pictures(profile_id)
    p = profile_full(_fetch_profile(profile_id), pictures)
    city = lab_world().cities.get(p["city"])
    p["city_name"] = city.name if city else p["city"]
    p["posted_label"], p["bumped_label"] = posted_label(p["posted_at"]), posted_label(p["bumped_at"])
    return render_template("companions/profile.html", p=p, photos=picture_views(pictures, "profile"))


@bp.get("/img/<token>.jpg")
def picture(token: str) -> Response:
    """A picture shown on a profile, by its address token (a token of another site is a 404 here)."""
    return send_picture("companions", token)


@bp.get("/api/")
def api_docs() -> str:
    """A developer page, as real sites publish: endpoints, parameters, a live example, errors."""
    example = profiles_page(None, 1, 2)
    first = example["items"][0]["id"] if example["items"] else None
    sample = profile_full(_fetch_profile(first), _pictures(first)) if first is not None else None
    return render_template(
        "companions/api.html", per_page_default=PER_PAGE_DEFAULT, per_page_max=PER_PAGE_MAX,
        list_example=json.dumps(example, indent=2, ensure_ascii=False),
        profile_example=json.dumps(sample, indent=2, ensure_ascii=False) if sample else None,
        base=request.host_url.rstrip("/"))


@bp.route("/<any(account, messages):area>/", defaults={"rest": ""}, methods=["GET", "POST"])
@bp.route("/<any(account, messages):area>/<path:rest>", methods=["GET", "POST"])
def login_wall(area: str, rest: str) -> tuple[str, int]:
    """Disallowed in robots.txt and behind a log-in (403: the lab has no accounts, trainees never message)."""
    return render_template("companions/login.html"), 403


@bp.get("/robots.txt")
def robots() -> Response:
    """This site's rules (the root /robots.txt holds the same lines for every site)."""
    return Response("\n".join(robots_lines(ROBOTS_DISALLOW)) + "\n", mimetype="text/plain")

