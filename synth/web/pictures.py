"""Pictures on the fake internet: serving ``/<site>/img/<token>.jpg`` and the pictures each item shows.

The world's ``photos`` table maps a random address token to a file in ``public/photos/``. A request's
token is only ever a key for that table: the file name read from the database, checked against the
generator's naming, is the only thing joined to the photos folder, so no address can reach another
file. A world generated before pictures existed has no ``photos`` table; then no item shows any.

The social platforms file their pictures under ``site`` values that say what they show
(``circle-avatar``, ``circle-album``, ``chirp-avatar``, ``<light slug>-avatar``: synth/vocab/platforms.py);
each is served under its owning site's path (``/circle/img/<token>.jpg`` …), see ``owner_site``.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from flask import Response, abort, current_app, request
from PIL import Image

from synth.web.context import db
from synth.web.world import World

TOKEN = re.compile(r"[0-9a-f]{16}")
FILE_NAME = re.compile(r"[0-9a-f]{20}\.jpg")  # synth.build.photos.file_name: a content hash, nothing else
PICTURE_SITES = ("quickads", "companions")  # the sites with items (ads, profiles) that show pictures
PHOTO_KINDS = ("avatar", "album")  # suffixes of the social platforms' ``photos.site`` values
CACHE_CONTROL = "public, max-age=86400"  # one world's pictures never change while it is served
DEFAULT_SIZE = (320, 240)  # what the generator draws; used when a file cannot be read

_store_lock = threading.Lock()


@dataclass(frozen=True)
class Picture:
    """One picture shown on an item: its address token, where it is shown, and the file behind it."""

    token: str
    site: str
    item_id: int
    position: int
    file: str

    @property
    def src(self) -> str:
        """The site-absolute address a page links to (under the owning site: ``circle-album`` → ``/circle/``)."""
        return picture_path(owner_site(self.site), self.token)


def picture_path(site: str, token: str) -> str:
    return f"/{site}/img/{token}.jpg"


def owner_site(photo_site: str) -> str:
    """The site whose ``/img/`` path serves pictures filed under ``photo_site`` ("chirp-avatar" → "chirp")."""
    base, _, kind = photo_site.rpartition("-")
    return base if base and kind in PHOTO_KINDS else photo_site


def searchable(photo_site: str) -> bool:
    """Whether Seekr's image search compares pictures filed under ``photo_site`` (items and social pictures)."""
    return photo_site in PICTURE_SITES or owner_site(photo_site) != photo_site


def photo_sites(site: str) -> tuple[str, ...]:
    """Every ``photos.site`` value that ``/<site>/img/`` serves: the site's own and its avatars and albums."""
    return (site, *(f"{site}-{kind}" for kind in PHOTO_KINDS))


def has_photos_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'photos'").fetchone() is not None


class PhotoStore:
    """The world's ``public/photos/`` folder: safe file paths and picture sizes, cached across threads."""

    def __init__(self, world: World, conn: sqlite3.Connection) -> None:
        self.folder = world.world_dir / "public" / "photos"
        self.available = has_photos_table(conn)
        self._sizes: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def path(self, file: str) -> Path | None:
        """The file's path, or None when the name is not one the generator writes or the file is missing."""
        if not FILE_NAME.fullmatch(file):
            return None
        path = self.folder / file
        return path if path.is_file() else None

    def size(self, file: str) -> tuple[int, int]:
        """(width, height) for ``<img width height>``: read from the JPEG header once, then cached."""
        with self._lock:
            if file in self._sizes:
                return self._sizes[file]
        size = DEFAULT_SIZE
        path = self.path(file)
        if path is not None:
            try:
                with Image.open(path) as img:  # reads the header only
                    size = img.size
            except OSError:
                pass
        with self._lock:
            self._sizes[file] = size
        return size


def photo_store() -> PhotoStore:
    """This app's store, made on first use (not at start-up: most requests never show a picture)."""
    store = current_app.extensions.get("osintlab.photos")
    if store is None:
        with _store_lock:
            store = current_app.extensions.get("osintlab.photos")
            if store is None:
                store = PhotoStore(current_app.extensions["osintlab.world"], db())
                current_app.extensions["osintlab.photos"] = store
    return store


def pictures_of(site: str, item_ids: Iterable[int]) -> dict[int, list[Picture]]:
    """The pictures each of ``item_ids`` shows, in display order; items without pictures are left out."""
    ids = sorted(set(item_ids))
    if not ids or not photo_store().available:
        return {}
    out: dict[int, list[Picture]] = {}
    for start in range(0, len(ids), 500):  # well below SQLite's limit on bound parameters
        chunk = ids[start:start + 500]
        rows = db().execute(
            f"SELECT token, site, item_id, position, file FROM photos WHERE site = ? "
            f"AND item_id IN ({', '.join('?' * len(chunk))}) ORDER BY item_id, position", [site, *chunk])
        for r in rows:
            picture = Picture(r["token"], r["site"], r["item_id"], r["position"], r["file"])
            out.setdefault(picture.item_id, []).append(picture)
    return out


def picture_views(pictures: list[Picture], where: str) -> list[dict[str, object]]:
    """What a template needs for each ``<img>``: address, alt text ("Picture 1 of 3 in this ad"), size."""
    out: list[dict[str, object]] = []
    for number, picture in enumerate(pictures, start=1):
        width, height = photo_store().size(picture.file)
        out.append({"src": picture.src, "token": picture.token, "width": width, "height": height,
                    "alt": f"Picture {number} of {len(pictures)} in this {where}"})
    return out


def send_picture(site: str, token: str) -> Response:
    """The JPEG behind ``token`` on ``site``; anything else (bad form, unknown, the other site's) is a 404."""
    missing = "There is no picture at this address. Picture addresses are copied from an ad or profile page."
    store = photo_store()
    if not TOKEN.fullmatch(token) or not store.available:
        abort(404, missing)
    sites = photo_sites(site)
    row = db().execute(f"SELECT file FROM photos WHERE token = ? AND site IN ({', '.join('?' * len(sites))})",
                       (token, *sites)).fetchone()
    path = store.path(row["file"]) if row else None
    if path is None:
        abort(404, missing)
    resp = Response(path.read_bytes(), mimetype="image/jpeg")
    resp.headers["Cache-Control"] = CACHE_CONTROL
    resp.set_etag(path.stem)  # the name is the content's hash: a revalidation needs no bytes
    return resp.make_conditional(request)
