"""The grading batch's fake internet: started, found by the kernels' environment, always stopped.

A stub server (a few lines of http.server answering /healthz like synth.web does) stands in for the
real one, so these tests need no generated world.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import urllib.request

import pytest

from graders.grading.gradingweb import PROJECT_ROOT, FakeInternetError, fake_internet, free_port, kernel_environment

STUB = '''\
import http.server, json, sys
world_id = json.load(open(sys.argv[1] + "/manifest.json"))["world_id"]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"world_id": world_id}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[2])), H).serve_forever()
'''


@pytest.fixture
def world(tmp_path):
    folder = tmp_path / "world"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({"world_id": "w-0123456789ab", "files": {}}))
    return folder


@pytest.fixture
def stub(tmp_path):
    path = tmp_path / "stub_server.py"
    path.write_text(STUB)
    return [sys.executable, str(path), "{world}", "{port}"]


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _health(url: str) -> dict:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url + "/healthz", timeout=5) as resp:
        return json.loads(resp.read())


def test_the_server_runs_for_the_batch_and_is_stopped_after(world, stub):
    with fake_internet(world, command=stub, timeout=20) as url:
        port = int(url.rsplit(":", 1)[1])
        assert _health(url)["world_id"] == "w-0123456789ab"
    assert not _listening(port)


def test_the_server_is_stopped_even_when_grading_fails(world, stub):
    port = free_port()
    with pytest.raises(ZeroDivisionError), fake_internet(world, port, command=stub, timeout=20):
        assert _listening(port)
        1 / 0  # noqa: B018
    assert not _listening(port)


def test_a_server_that_cannot_start_is_reported_with_its_log(world):
    cmd = [sys.executable, "-c", "import sys; print('port already taken, giving up'); sys.exit(3)"]
    with pytest.raises(FakeInternetError, match="port already taken"), fake_internet(world, command=cmd):
        pass


def test_a_port_used_by_another_program_is_refused(world):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        # Something listens but answers nothing a browser would call HTTP: not our world.
        with pytest.raises(FakeInternetError, match="used by another program"), \
                fake_internet(world, port, command=["true"], timeout=3):
            pass


def test_a_running_server_for_the_same_world_is_reused_and_left_running(world, stub):
    with fake_internet(world, command=stub, timeout=20) as url:
        port = int(url.rsplit(":", 1)[1])
        with fake_internet(world, port, command=["false"]) as again:
            assert again == url
        assert _listening(port)


def test_kernels_inherit_the_world_and_port_and_the_environment_is_restored(world, monkeypatch):
    monkeypatch.delenv("OSINTLAB_PORT", raising=False)
    monkeypatch.setenv("OSINTLAB_WORLD", "/somewhere/else")
    with kernel_environment(world, 8123):
        assert os.environ["OSINTLAB_WORLD"] == str(world.resolve())
        assert os.environ["OSINTLAB_PORT"] == "8123"
        assert os.environ["PYTHONPATH"].split(os.pathsep)[0] == str(PROJECT_ROOT)
    assert os.environ["OSINTLAB_WORLD"] == "/somewhere/else"
    assert "OSINTLAB_PORT" not in os.environ
