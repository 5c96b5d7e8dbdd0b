"""Headless Chromium screenshots: the quickads listing and the Companions listing render, with local
CSS only; the Companions cards, which its local script loads from the JSON API, appear in the DOM.

Skipped (with the reason) where Chromium is absent, except under CI (env CI set), where it must exist.
The PNG is checked with the standard library only (Pillow is not a dependency).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import threading
import urllib.request
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


def chromium_cmd(chromium: str, artifacts: Path, *args: str) -> list[str]:
    """Chromium headless, isolated (own profile, no background traffic), rendering JS for up to 3 s."""
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={artifacts / 'profile'}", f"--window-size={WIDTH},{HEIGHT}",
            "--virtual-time-budget=3000", *args]


@pytest.mark.parametrize(("name", "path"), [("quickads-listing", "/quickads/ads"),
                                            ("companions-listing", "/companions/")])
def test_listing_screenshot_is_not_blank(chromium: str, site_url: str, name: str, path: str,
                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    artifacts = tmp_path_factory.mktemp("browser-artifacts")
    shot = artifacts / f"{name}.png"
    cmd = chromium_cmd(chromium, artifacts, f"--screenshot={shot}", f"{site_url}{path}")
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


def test_companions_script_loads_the_cards_from_the_api(chromium: str, site_url: str,
                                                        tmp_path_factory: pytest.TempPathFactory) -> None:
    """The page source has no profiles; after the script ran, the DOM has one card per API item."""
    artifacts = tmp_path_factory.mktemp("browser-dom")
    cmd = chromium_cmd(chromium, artifacts, "--dump-dom", f"{site_url}/companions/?city=london")
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    dom = result.stdout
    assert 'id="profile-grid"' in dom, f"no DOM dumped (exit {result.returncode}): {result.stderr[-2000:]}"
    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only, never a proxy
    with no_proxy.open(f"{site_url}/companions/api/v1/profiles?city=london", timeout=10) as resp:
        expected = [item["id"] for item in json.load(resp)["items"]]
    assert expected, "the tiny world has no London profiles"
    assert re.findall(r'class="profile-card" data-profile-id="(\d+)"', dom) == [str(i) for i in expected]
    assert "Could not load profiles" not in dom and "Loading profiles" not in dom
