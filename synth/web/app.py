"""The Flask app of the fake internet: portal, health check, robots.txt, errors, rate limit.

Each site is a blueprint in its own module (``quickads.py`` …) exposing ``bp`` and
``ROBOTS_DISALLOW``; the light platforms are several small sites made by ``light.py``. A site is mounted
only when the world lists it (the ``sites`` table; social sites also when the world has their tables,
see ``synth.web.world``) and has the tables it reads, so the portal never links to a site the world has
no data for and an old world without the social tables simply lacks those sites. A site with a JSON API
also lists the path prefixes of its API in ``JSON_PREFIXES``: errors there (400, 401, 403, 404, 405,
429, 500) are JSON, not HTML pages.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType

from flask import Blueprint, Flask, Response, abort, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from synth.vocab.platforms import CHIRP, CIRCLE, LIGHT_BY_SLUG
from synth.web.context import SiteSpec, close_db, content_security_policy, lab_world, robots_lines
from synth.web.pace import BURST, POLITE_REQUEST_RATE, RATE_LIMIT
from synth.web.ratelimit import TokenBucketLimiter
from synth.web.sites import companions, jobboard, light, quickads
from synth.web.sites.chirp import pages as chirp
from synth.web.sites.circle import pages as circle
from synth.web.sites.explorer import pages as explorer
from synth.web.sites.search import pages as search
from synth.web.world import EXPLORER, SITE_TABLES, SOCIAL_TABLES, World, load_world

log = logging.getLogger(__name__)

# slug in the `sites` table -> module with `bp` (a Blueprint) and `ROBOTS_DISALLOW`.
SITE_MODULES: dict[str, ModuleType] = {
    "quickads": quickads, "companions": companions, "jobboard": jobboard, "search": search,
    CHIRP: chirp, CIRCLE: circle, EXPLORER: explorer,
}
# Every site the app can mount: the modules above and the light platforms.
SITE_SPECS: dict[str, SiteSpec] = {**{slug: SiteSpec.of(m) for slug, m in SITE_MODULES.items()}, **light.SPECS}

# Plain-language titles and messages for the errors a trainee's scraper will meet.
ERROR_TEXT: dict[int, tuple[str, str]] = {
    400: ("Bad request", "The address asks for something this site cannot show."),
    403: ("Access denied", "You are not allowed to see this page."),
    404: ("Page not found", "There is no page at this address. Check the link, or start from the home page."),
    405: ("Method not allowed", "This page can only be read (GET), not sent to."),
    429: ("Too many requests", "You are sending requests too fast."),
    500: ("Something went wrong", "The training site hit an unexpected problem. Please tell your instructor."),
}

SECURITY_HEADERS = {
    # The CSP is also the guarantee that a browser loads nothing from outside the lab.
    "Content-Security-Policy": content_security_policy(),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}

root = Blueprint("root", __name__)


def create_app(world_dir: Path, *, rate_limit: float | None = RATE_LIMIT, burst: int = BURST,
               request_rate: int = POLITE_REQUEST_RATE) -> Flask:
    """The fake internet for ``world_dir``; ``rate_limit=None`` switches the rate limit off.

    ``request_rate`` is what robots.txt asks of polite robots (requests per second).
    """
    world = load_world(world_dir)
    app = Flask(__name__, static_folder="static", static_url_path="/static")
    app.extensions["osintlab.world"] = world
    app.json.sort_keys = False  # type: ignore[attr-defined]  # healthz reads status first
    app.register_blueprint(root)
    mounted = [s.slug for s in world.sites if can_mount(world, s.slug)]
    for slug in mounted:
        app.register_blueprint(SITE_SPECS[slug].bp)
    app.extensions["osintlab.mounted"] = tuple(mounted)
    app.extensions["osintlab.request_rate"] = request_rate

    app.before_request(_refuse_dot_segments)
    if rate_limit is not None:
        limiter = TokenBucketLimiter(rate_limit, burst)
        app.before_request(lambda: _check_rate(limiter))

    app.teardown_appcontext(close_db)
    app.after_request(_security_headers)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)
    template_globals = {"world": world, "mounted_sites": tuple(mounted),
                        "sites_by_slug": {s.slug: s for s in world.sites}}
    app.context_processor(lambda: template_globals)
    return app


def can_mount(world: World, slug: str) -> bool:
    """Whether this app can serve site ``slug`` of ``world``: a site it knows, and the world has its tables."""
    return slug in SITE_SPECS and world.has_tables(*SITE_TABLES.get(slug, ()))


def _refuse_dot_segments() -> None:
    """404 for any path with a ``.`` or ``..`` segment (also when sent as ``%2e%2e``).

    No route needs one, and refusing them here means no view or static lookup ever sees one.
    """
    if any(seg in (".", "..") for seg in request.path.split("/")):
        abort(404)


def _check_rate(limiter: TokenBucketLimiter) -> Response | None:
    """Before every request except /healthz and static files: 429 when the client's bucket is empty."""
    if request.path == "/healthz" or request.path.startswith("/static/"):
        return None
    wait = limiter.acquire(request.remote_addr or "unknown")
    if wait <= 0:
        return None
    seconds = limiter.retry_after(wait)
    title, _ = ERROR_TEXT[429]
    message = (f"You are sending requests too fast: this site allows about {limiter.rate:g} per second. "
               f"Wait {seconds} second{'s' if seconds != 1 else ''} and try again; a polite scraper "
               "pauses between requests (for example time.sleep(1)) and honours Retry-After.")
    resp = _error_response(429, title, message)
    resp.headers["Retry-After"] = str(seconds)
    return resp


def _security_headers(resp: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        resp.headers.setdefault(name, value)
    return resp


def _site_for_path(path: str) -> str | None:
    """The mounted site a path belongs to, so an error page keeps that site's header."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in current_app.extensions.get("osintlab.mounted", ()) else None


def _is_api_path(path: str) -> bool:
    """Whether ``path`` belongs to a site's JSON API (see the module docstring)."""
    site = _site_for_path(path)
    return site is not None and any(path.startswith(p) for p in SITE_SPECS[site].json_prefixes)


def _error_response(code: int, title: str, message: str) -> Response:
    """The error as the client expects it: JSON ``{"error", "status"}`` on an API path, else a styled page."""
    if _is_api_path(request.path):
        resp = jsonify(error=message, status=code)
        resp.status_code = code
        return resp
    site = _site_for_path(request.path)
    layout = ("light/layout.html" if site in LIGHT_BY_SLUG else f"{site}/layout.html") if site else "base.html"
    page = render_template("error.html", layout=layout, site_home=f"/{site}/" if site else None,
                           code=code, title=title, message=message)
    return Response(page, status=code, mimetype="text/html")


def _http_error(exc: HTTPException) -> Response:
    """Every HTTP error as a styled page; our own ``abort(400, msg)`` messages are shown as written."""
    code = exc.code or 500
    title, default = ERROR_TEXT.get(code, (exc.name, exc.description or ""))
    explicit = exc.description and exc.description != type(exc).description
    resp = _error_response(code, title, exc.description if explicit else default)
    for name, value in exc.get_response().headers.items():  # e.g. Allow on a 405
        if name.lower() not in ("content-type", "content-length"):
            resp.headers.setdefault(name, value)
    return resp


def _unexpected_error(exc: Exception) -> Response:
    """A friendly page instead of a traceback; logged so the bug can be found and fixed."""
    log.exception("unexpected error serving %s", request.path)
    title, message = ERROR_TEXT[500]
    return _error_response(500, title, message)


@root.get("/")
def portal() -> str:
    """The list of sites, the social platforms and the smaller platforms: where a trainee's browser lands."""
    sites = lab_world().sites
    groups = [("Sites", [s for s in sites if s.slug not in SOCIAL_TABLES]),
              ("Social networks", [s for s in sites if s.slug in (CHIRP, CIRCLE)]),
              ("More platforms", [s for s in sites if s.slug in LIGHT_BY_SLUG])]
    return render_template("portal.html", sites=sites, groups=[(title, group) for title, group in groups if group])


@root.get("/healthz")
def healthz() -> Response:
    """Which world is served, so ``ensure_fake_internet`` can tell its own server from another."""
    w = lab_world()
    return jsonify(status="ok", world_id=w.world_id, seed=w.seed, preset=w.preset)


@root.get("/robots.txt")
def robots() -> Response:
    """One robots.txt for the whole fake internet: the rules of every mounted site."""
    mounted = current_app.extensions["osintlab.mounted"]
    disallow = tuple(p for slug in mounted for p in SITE_SPECS[slug].robots_disallow)
    rate = current_app.extensions["osintlab.request_rate"]
    return Response("\n".join(robots_lines(disallow, rate)) + "\n", mimetype="text/plain")
