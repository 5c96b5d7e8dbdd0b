"""Photos for personal-services ads: drawn scenes (never people), stock images, re-encoded copies.

Why photos at all: investigators link ads by their pictures, and the most common trap is the stock
photo — one free image that many unrelated advertisers put in their ads. The world reproduces both:

- every independent advertiser has her own pictures (a room, flowers, a view), and some add a stock
  image, each in her own copy: cropped and compressed a little differently, so the files differ byte
  for byte while a perceptual hash still finds them alike;
- the ring's controllers upload the same files for several victims (the apartment's rooms), so exact
  and near-duplicate pictures link the ring's ads across names, cities and sites.

Pictures are drawn with Pillow from a few shapes: sunsets, flowers, city lights, rooms, the sea and
silk. docs/design.md §5: no people, no bodies, nothing explicit. Every draw comes from named streams; JPEG
bytes depend only on the scene and the pinned Pillow version.
"""

from __future__ import annotations

import hashlib
import io
import math
import random
from dataclasses import dataclass

import imagehash
from PIL import Image, ImageDraw, ImageFilter

from synth.streams import labelled_random

WIDTH, HEIGHT = 320, 240
# At most this many bits (of 64, imagehash.phash) apart: the same picture, perhaps resized, cropped a
# little or recompressed. synth.build.gallery keeps different scenes further apart; Seekr's image search uses it.
SAME_PICTURE = 10
KINDS = ("sunset", "flowers", "city-lights", "room", "sea", "silk")
STOCK_KINDS = ("sunset", "flowers", "city-lights", "sea", "silk")
PALETTE = ((231, 111, 81), (244, 162, 97), (233, 196, 106), (42, 157, 143), (38, 70, 83), (131, 56, 236),
           (255, 190, 11), (251, 86, 7), (58, 134, 255), (255, 0, 110), (106, 76, 147), (25, 130, 196),
           (138, 201, 38), (255, 202, 58), (241, 250, 238), (168, 218, 220), (69, 123, 157), (29, 53, 87))


@dataclass(frozen=True)
class Scene:
    """What a picture shows; ``seed`` fixes every shape and colour in it (drawn from a named stream)."""

    kind: str
    seed: int


@dataclass(frozen=True)
class Copy:
    """How one uploader's copy of a picture differs from the original: crop margins, width, quality."""

    crop: tuple[int, int, int, int] = (0, 0, 0, 0)  # pixels off left, top, right, bottom
    width: int = WIDTH
    quality: int = 85


def _gradient(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], top: tuple[int, ...],
              bottom: tuple[int, ...]) -> None:
    x0, y0, x1, y1 = box
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0 - 1)
        draw.line([(x0, y), (x1, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))


def _shade(colour: tuple[int, ...], factor: float) -> tuple[int, ...]:
    return tuple(max(0, min(255, round(c * factor))) for c in colour)


def render(scene: Scene) -> Image.Image:
    """The original picture of ``scene``, WIDTH × HEIGHT, RGB."""
    rng = labelled_random(scene.seed)
    img = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(img)
    a, b, c = rng.sample(PALETTE, 3)
    getattr(_Painter(rng, img, draw, a, b, c), scene.kind.replace("-", "_"))()
    return img


class _Painter:
    """One method per scene kind; each paints on the shared image."""

    def __init__(self, rng: random.Random, img: Image.Image, draw: ImageDraw.ImageDraw, a: tuple[int, ...],
                 b: tuple[int, ...], c: tuple[int, ...]) -> None:
        self.rng, self.img, self.draw, self.a, self.b, self.c = rng, img, draw, a, b, c

    def sunset(self) -> None:
        rng, draw = self.rng, self.draw
        horizon = rng.randint(140, 190)
        _gradient(draw, (0, 0, WIDTH, horizon), _shade(self.a, 0.6), self.b)
        sx, r = rng.randint(60, 260), rng.randint(18, 34)
        draw.ellipse((sx - r, horizon - r * 1.2, sx + r, horizon + r * 0.8), fill=(255, 214, 140))
        points = [(0, HEIGHT)] + [(x, horizon - rng.randint(0, 30)) for x in range(0, WIDTH + 40, 40)] + \
                 [(WIDTH, HEIGHT)]
        draw.polygon(points, fill=_shade(self.c, 0.3))

    def flowers(self) -> None:
        rng, draw = self.rng, self.draw
        _gradient(draw, (0, 0, WIDTH, HEIGHT), _shade(self.c, 0.5), _shade(self.c, 0.9))
        for _ in range(rng.randint(3, 7)):
            x, y, size = rng.randint(30, 290), rng.randint(30, 210), rng.randint(14, 34)
            petals, colour = rng.randint(5, 8), rng.choice([self.a, self.b])
            for k in range(petals):
                angle = 2 * math.pi * k / petals
                px, py = x + math.cos(angle) * size * 0.8, y + math.sin(angle) * size * 0.8
                draw.ellipse((px - size / 2, py - size / 2, px + size / 2, py + size / 2), fill=colour)
            draw.ellipse((x - size / 3, y - size / 3, x + size / 3, y + size / 3), fill=(250, 220, 90))

    def city_lights(self) -> None:
        rng, draw = self.rng, self.draw
        _gradient(draw, (0, 0, WIDTH, HEIGHT), (10, 12, 30), _shade(self.a, 0.35))
        for _ in range(rng.randint(25, 45)):
            x, y, r = rng.randint(0, WIDTH), rng.randint(0, HEIGHT), rng.randint(6, 22)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice([self.a, self.b, self.c, (255, 230, 170)]))
        self.img.paste(self.img.filter(ImageFilter.GaussianBlur(5)))

    def room(self) -> None:
        rng, draw = self.rng, self.draw
        floor = rng.randint(150, 180)
        draw.rectangle((0, 0, WIDTH, floor), fill=_shade(self.c, 1.1))
        _gradient(draw, (0, floor, WIDTH, HEIGHT), _shade(self.a, 0.7), _shade(self.a, 0.45))
        wx = rng.randint(20, 180)
        draw.rectangle((wx, 30, wx + 90, 110), fill=(150, 200, 235), outline=(250, 250, 250), width=5)
        draw.line([(wx + 45, 30), (wx + 45, 110)], fill=(250, 250, 250), width=4)
        bx = rng.randint(0, 140)
        draw.rectangle((bx, floor - 40, bx + 170, floor + 30), fill=_shade(self.b, 0.9))
        draw.rectangle((bx, floor - 70, bx + 24, floor + 30), fill=_shade(self.b, 0.6))
        draw.rectangle((bx + 30, floor - 48, bx + 80, floor - 30), fill=(245, 245, 240))
        lx = rng.choice([20, 280])
        draw.rectangle((lx - 3, floor - 60, lx + 3, floor), fill=(60, 60, 60))
        draw.polygon([(lx - 18, floor - 60), (lx + 18, floor - 60), (lx + 10, floor - 85), (lx - 10, floor - 85)],
                     fill=(250, 235, 190))

    def sea(self) -> None:
        rng, draw = self.rng, self.draw
        horizon = rng.randint(90, 140)
        _gradient(draw, (0, 0, WIDTH, horizon), (120, 180, 235), (225, 240, 250))
        _gradient(draw, (0, horizon, WIDTH, HEIGHT), _shade(self.a, 0.8), _shade(self.a, 0.4))
        for _ in range(rng.randint(6, 14)):
            y, x = rng.randint(horizon + 8, HEIGHT - 4), rng.randint(0, WIDTH)
            draw.line([(x, y), (x + rng.randint(20, 60), y)], fill=(235, 245, 250), width=2)
        bx = rng.randint(40, 260)
        draw.polygon([(bx, horizon - 4), (bx + 10, horizon - 34), (bx + 14, horizon - 4)], fill=(250, 250, 250))

    def silk(self) -> None:
        rng = self.rng
        phase, freq = rng.uniform(0, 6.3), rng.uniform(0.04, 0.12)
        colours = [self.a, self.b, self.c]
        # 48 shades: which colour band (v in thirds) and how bright (0.7-1.1), looked up per pixel.
        shades = [_shade(colours[min(2, level * 3 // 48)], 0.7 + 0.4 * level / 47) for level in range(48)]
        small = Image.new("RGB", (WIDTH // 4, HEIGHT // 4))
        small.putdata([shades[int((math.sin(x * freq + y * 0.08 + phase) * 0.5 + 0.5) * 47.99)]
                       for y in range(small.height) for x in range(small.width)])
        self.img.paste(small.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC))


def encode(image: Image.Image, copy: Copy = Copy()) -> bytes:
    """JPEG bytes of one uploader's copy: cropped, scaled to ``copy.width``, at ``copy.quality``, no metadata."""
    left, top, right, bottom = copy.crop
    img = image.crop((left, top, image.width - right, image.height - bottom))
    if img.width != copy.width:
        img = img.resize((copy.width, round(img.height * copy.width / img.width)), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=copy.quality, optimize=False, progressive=False)
    return buffer.getvalue()


def random_copy(rng: random.Random) -> Copy:
    """Another uploader's copy of a picture: a few pixels cropped, another width and quality."""
    return Copy(crop=tuple(rng.randint(0, 10) for _ in range(4)), width=rng.choice([320, 300, 288, 280, 256]),
                quality=rng.choice([70, 75, 80, 85, 90]))


def recrop(rng: random.Random) -> Copy:
    """A profile picture its owner re-cropped for another platform: a few pixels off, maybe a little smaller."""
    return Copy(crop=tuple(rng.randint(0, 5) for _ in range(4)), width=rng.choice([320, 300]),
                quality=rng.choice([75, 80, 85, 90]))


def file_name(data: bytes) -> str:
    """A file's name in public/photos/: its content hash, so identical uploads are stored once."""
    return hashlib.sha256(data).hexdigest()[:20] + ".jpg"


def phash_of(data: bytes) -> imagehash.ImageHash:
    """The perceptual hash (imagehash.phash, 64 bits) of JPEG bytes, as a trainee would compute it."""
    with Image.open(io.BytesIO(data)) as img:
        return imagehash.phash(img)


def phash_bits(data: bytes) -> int:
    """The same hash as an int: ``(a ^ b).bit_count()`` is then the Hamming distance, 20× faster."""
    return int(str(phash_of(data)), 16)
