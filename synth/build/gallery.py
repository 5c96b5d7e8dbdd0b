"""build_gallery: which pictures each personal-services ad and profile shows, and the files themselves.

- Each independent advertiser has one or two pictures of her own; some add a free stock picture (a few
  stock pictures are very popular, most are rare). Half
  of those upload the stock file unchanged (byte-identical across strangers), the others their own
  copy (cropped and compressed a little differently: other bytes, nearly the same perceptual hash).
- Each ring controller uploads pictures of the rooms he uses for all the people he advertises, and the
  most popular stock picture (his own copy); each victim also has a picture of her own. So
  pictures link the ring's ads across names and cities, while stock pictures link strangers: photo
  links must be weighed.
- Reposts and the directory reuse the same files. The first posting of an offer (of each city stay,
  for the ring) shows all its pictures; later copies sometimes drop or reorder one. Jobs and travel
  ads have no pictures.

Scenes are drawn until each is at least MIN_APART bits (perceptual hash, of 64) from every file so far,
and a re-encoded copy is kept only within NEAR_COPY bits of its original and more than SAME_PICTURE bits
from every other scene's files. So "within SAME_PICTURE bits" means "the same picture" in every world,
which the image search and the exercises rely on. Draws come from the "photos" stream.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable

from PIL import Image

from synth.build.network import SEX_OP
from synth.build.photos import (
    KINDS,
    SAME_PICTURE,
    STOCK_KINDS,
    Copy,
    Scene,
    encode,
    file_name,
    phash_bits,
    random_copy,
    render,
)
from synth.config import Preset
from synth.streams import Streams
from synth.world.model import Ad, Gallery, Listing, Operation, Person, Photo

MIN_APART = 16  # bits at least between a new scene and every file drawn before
NEAR_COPY = 5  # bits at most between a copy and its original (so two copies are within SAME_PICTURE)
OWN_KINDS = tuple(k for k in KINDS if k != "room")


class Studio:
    """Draws distinct scenes and stores each upload once under its content hash."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        # The original upload of each scene as JPEG bytes (a few KiB, where a decoded picture takes 230 KiB).
        self.originals: dict[str, tuple[bytes, int]] = {}
        # (scene, hash) of every scene and file so far; a stock scene counts before anyone uploads it.
        self.hashes: list[tuple[str, int]] = []
        self.files: dict[str, bytes] = {}
        self.photos: dict[str, Photo] = {}

    def scene(self, kinds: tuple[str, ...], scene_id: str) -> str:
        """A new scene of one of ``kinds``, at least MIN_APART bits from every file drawn before."""
        for _ in range(500):
            data = encode(render(Scene(self.rng.choice(kinds), self.rng.getrandbits(32))))
            h = phash_bits(data)
            if all((h ^ other).bit_count() >= MIN_APART for _, other in self.hashes):
                self.originals[scene_id] = (data, h)
                self.hashes.append((scene_id, h))
                return scene_id
        raise RuntimeError(f"could not draw a scene distinct from {len(self.hashes)} pictures")

    def upload(self, scene_id: str, source: str, copy: Copy | None = None) -> str:
        """Store one upload of ``scene_id`` (the original unless ``copy`` says otherwise); its file name."""
        data, bits = self.originals[scene_id]
        if copy is not None:  # somebody downloaded the original and saved it again, cropped and resized
            with Image.open(io.BytesIO(data)) as img:
                data = encode(img.convert("RGB"), copy)
            bits = None
        return self._store(scene_id, source, data, bits)

    def _store(self, scene_id: str, source: str, data: bytes, bits: int | None) -> str:
        """Keep ``data`` once under its content hash; ``bits`` is its perceptual hash when already known."""
        name = file_name(data)
        if name not in self.files:
            self.files[name] = data
            self.photos[name] = Photo(file=name, source=source, scene=scene_id)
            self.hashes.append((scene_id, phash_bits(data) if bits is None else bits))
        return name

    def own_copy(self, scene_id: str, source: str, maker: Callable[[random.Random], Copy] = random_copy) -> str:
        """Somebody else's copy of ``scene_id``: other bytes, within NEAR_COPY bits of the original and
        more than SAME_PICTURE bits from every other scene's files (else the original file itself).
        ``maker`` draws how the copy differs (synth.build.photos.random_copy, or recrop for a profile picture)."""
        data, original = self.originals[scene_id]
        with Image.open(io.BytesIO(data)) as img:
            img = img.convert("RGB")
        for _ in range(50):
            copy = encode(img, maker(self.rng))
            h = phash_bits(copy)
            if (h ^ original).bit_count() <= NEAR_COPY and all(
                    (h ^ other).bit_count() > SAME_PICTURE for s, other in self.hashes if s != scene_id):
                return self._store(scene_id, source, copy, h)
        return self.upload(scene_id, source)


def build_gallery(streams: Streams, preset: Preset, people: list[Person], operations: list[Operation],
                  ads: list[Ad], listings: list[Listing], studio: Studio | None = None) -> Gallery:
    """Pictures of the ads and profiles; ``studio`` (drawing from the "photos" stream) may be passed in so
    that later stages (synth.build.social.pictures) keep their scenes far from these."""
    rng = streams.get("photos")
    cues = preset.indicators
    studio = studio or Studio(rng)
    stock = [studio.scene(STOCK_KINDS, f"stock-{n:02d}") for n in range(max(4, preset.independent_advertisers // 9))]
    # Free pictures are as unequally popular as anything online: the n-th is chosen with weight 1/n.
    popularity = [1 / rank for rank in range(1, len(stock) + 1)]
    sets: dict[str, list[str]] = {}
    for person in sorted(people, key=lambda p: p.person_id):
        if person.role != "independent_advertiser":
            continue
        pid = person.person_id
        files = [studio.upload(studio.scene(OWN_KINDS + ("room",), f"own-{pid}-{k}"), "own")
                 for k in range(rng.randint(1, 2))]
        if rng.random() < cues.stock_photo_share:
            scene = rng.choices(stock, popularity)[0]
            picture = (studio.upload(scene, "stock") if rng.random() < cues.stock_photo_unchanged
                       else studio.own_copy(scene, "stock"))
            files.insert(rng.randrange(len(files) + 1), picture)
        sets[pid] = files
    ring = next(o for o in operations if o.operation_id == SEX_OP)
    for c, controller in enumerate(ring.controllers):
        # The main room appears in every one of his victims' ads, the second room in every other one's.
        rooms = [studio.upload(studio.scene(("room",), f"ring-{controller}-room-{k}"), "ring") for k in range(2)]
        borrowed = studio.own_copy(stock[0], "stock")  # the most popular free picture, as everybody's
        mine = [v for i, v in enumerate(ring.victims) if i % len(ring.controllers) == c]
        for i, victim in enumerate(mine):
            files = [studio.upload(studio.scene(OWN_KINDS, f"ring-{victim}-0"), "ring"), *rooms[:1 + i % 2]]
            files.insert(rng.randrange(len(files) + 1), borrowed)
            sets[victim] = files
    shown: dict[tuple[str, int], tuple[str, ...]] = {}
    offers_seen: set[tuple[str, str | None]] = set()
    for ad in sorted(ads, key=lambda a: a.ad_id):
        if ad.category == "personal-services" and ad.advertised in sets:
            offer = (ad.advertised, ad.city if ad.operation else None)
            first = offer not in offers_seen
            offers_seen.add(offer)
            shown[(ad.site, ad.ad_id)] = tuple(sets[ad.advertised]) if first else _pick(rng, sets[ad.advertised])
    for listing in sorted(listings, key=lambda x: (x.site, x.listing_id)):
        if listing.site == "companions" and listing.advertised in sets:
            shown[(listing.site, listing.listing_id)] = tuple(sets[listing.advertised])
    return Gallery(files=dict(sorted(studio.files.items())), photos=dict(sorted(studio.photos.items())),
                   shown=shown)


def _pick(rng: random.Random, files: list[str]) -> tuple[str, ...]:
    """The pictures of one copy of an ad: usually all, sometimes one fewer or in another order."""
    chosen = list(files)
    if len(chosen) > 1 and rng.random() < 0.25:
        chosen.pop(rng.randrange(len(chosen)))
    if rng.random() < 0.2:
        rng.shuffle(chosen)
    return tuple(chosen)
