"""Seekr's reverse image search: which ads, profiles, avatars and albums show a picture like a given one.

Investigators ask this of every picture: is it the advertiser's own, one reused across a group's ads,
or a stock picture that strangers share? Likeness is the perceptual hash (``imagehash.phash``, 64 bits,
as ``synth.build.photos.phash_of`` and a trainee's notebook compute it): two pictures whose hashes differ in
at most MAX_DISTANCE bits are the same picture, perhaps resized, cropped a little or recompressed,
while different scenes are far apart. Byte-identical files are told apart from look-alikes with sha256.

Each file's hash is computed once, on the first image search (hundreds of JPEG decodes take most of a
second, which no page view or start-up should pay), under a lock because waitress serves from threads.
A query then compares one 64-bit integer with every file's (an XOR and a bit count each) and expands
the near files to the items that show them; the world is read-only, so the index never goes stale.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass

from flask import current_app

from synth.build.photos import SAME_PICTURE, phash_bits
from synth.web.pictures import FILE_NAME, Picture, has_photos_table, owner_site, searchable
from synth.web.world import World, connect_readonly

log = logging.getLogger(__name__)

MAX_DISTANCE = SAME_PICTURE  # bits of 64: copies stay within it, the generator keeps other scenes beyond it
_build_lock = threading.Lock()


@dataclass(frozen=True)
class Match:
    """One item that shows a picture like the query's: the nearest of its pictures, and how near."""

    site: str
    item_id: int
    picture: Picture
    distance: int
    identical: bool


class ImageIndex:
    """Every picture row of the world and each file's hash and digest; read-only once built."""

    def __init__(self, pictures: list[Picture], hashes: dict[str, int], digests: dict[str, bytes]) -> None:
        self.by_token = {p.token: p for p in pictures}
        self.by_file: dict[str, list[Picture]] = {}
        for p in pictures:
            if p.file in hashes:
                self.by_file.setdefault(p.file, []).append(p)
        self.hashes = hashes
        self.digests = digests

    @classmethod
    def build(cls, world: World) -> ImageIndex:
        """Read the ``photos`` table and hash every file it names (files missing on disk are skipped)."""
        conn = connect_readonly(world.db_uri)
        try:
            rows = (conn.execute("SELECT token, site, item_id, position, file FROM photos "
                                 "ORDER BY site, item_id, position").fetchall()
                    if has_photos_table(conn) else [])
        finally:
            conn.close()
        pictures = [Picture(r["token"], r["site"], r["item_id"], r["position"], r["file"])
                    for r in rows if searchable(r["site"])]
        folder = world.world_dir / "public" / "photos"
        hashes: dict[str, int] = {}
        digests: dict[str, bytes] = {}
        for file in sorted({p.file for p in pictures}):
            path = folder / file
            if not FILE_NAME.fullmatch(file) or not path.is_file():
                log.warning("photos table names %r, which is not in %s", file, folder)
                continue
            data = path.read_bytes()
            try:
                hashes[file] = phash_bits(data)
            except OSError:
                log.warning("%s is not a readable picture", path)
                continue
            digests[file] = hashlib.sha256(data).digest()
        return cls(pictures, hashes, digests)

    def similar(self, query: Picture, max_distance: int = MAX_DISTANCE) -> list[Match]:
        """Every item showing a picture within ``max_distance`` bits of ``query``'s file.

        Nearest first, then the site showing it and its kind (``photos.site``), then item id; an item appears
        once, with its nearest picture.
        """
        if query.file not in self.hashes:
            return []
        target, digest = self.hashes[query.file], self.digests[query.file]
        best: dict[tuple[str, int], Match] = {}
        for file, bits in self.hashes.items():
            distance = (bits ^ target).bit_count()
            if distance > max_distance:
                continue
            identical = self.digests[file] == digest
            for p in self.by_file[file]:
                key = (p.site, p.item_id)
                old = best.get(key)
                if old is None or (distance, p.position) < (old.distance, old.picture.position):
                    best[key] = Match(p.site, p.item_id, p, distance, identical)
        return sorted(best.values(), key=lambda m: (m.distance, owner_site(m.site), m.site, m.item_id))


def image_index() -> ImageIndex:
    """This app's index, built by the first image search (other threads wait for it, then share it)."""
    index = current_app.extensions.get("osintlab.imageindex")
    if index is None:
        with _build_lock:
            index = current_app.extensions.get("osintlab.imageindex")
            if index is None:
                index = ImageIndex.build(current_app.extensions["osintlab.world"])
                current_app.extensions["osintlab.imageindex"] = index
    return index
