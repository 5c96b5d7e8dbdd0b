"""A headless Chromium screenshot of the quickads listing: the page renders, with local CSS only.

Skipped (with the reason) where Chromium is absent, except under CI (env CI set), where it must exist.
The PNG is checked with the standard library only (Pillow is not a dependency).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from synth.web.server import make_server

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1280, 1000


def find_chromium() -> str | None:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        message = "headless Chromium is not installed (Debian: apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; the browser tests are required when CI is set")
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def site_url(tiny_world: Path) -> Iterator[str]:
    server = make_server(tiny_world, "127.0.0.1", 0, rate_limit=None, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    server.task_dispatcher.shutdown(timeout=2)


def png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the inflated scanlines of a PNG (filter bytes included)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return width, height, zlib.decompress(idat)


def test_listing_screenshot_is_not_blank(chromium: str, site_url: str,
                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    artifacts = tmp_path_factory.mktemp("browser-artifacts")
    shot = artifacts / "quickads-listing.png"
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={artifacts / 'profile'}", f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}",
           f"{site_url}/quickads/ads"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert shot.is_file(), f"Chromium wrote no screenshot (exit {result.returncode}): {result.stderr[-2000:]}"
    print(f"screenshot: {shot}")
    data = shot.read_bytes()
    assert len(data) > 10_000, "the screenshot is suspiciously small: a blank page?"
    width, height, pixels = png_pixels(data)
    assert (width, height) == (WIDTH, HEIGHT)
    stride = len(pixels) // height  # one filter byte + width * bytes per pixel
    rows = {pixels[i:i + stride] for i in range(0, len(pixels), stride)}
    assert len(rows) > 50, "almost every row of the screenshot is identical: a blank page?"
