"""ensure_fake_internet (the notebooks' entry point), the server's host guard and ``python -m synth.web``."""

from __future__ import annotations

import ast
import http.server
import json
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from synth.web import launch
from synth.web.__main__ import main
from synth.web.server import RemoteHostRefused, check_host, is_loopback


@pytest.fixture
def ports(free_port: Callable[[], int]) -> Iterator[Callable[[], int]]:
    """Hands out free ports; stops every server ensure_fake_internet started on them at teardown."""
    used: list[int] = []

    def take() -> int:
        used.append(free_port())
        return used[-1]

    yield take
    for port in used:
        launch.stop_fake_internet(port)


def health(url: str) -> dict:
    return launch.probe(url) or {}


def test_starts_a_server_then_reuses_it(fixture_world: Path, ports: Callable[[], int]) -> None:
    port = ports()
    url = launch.ensure_fake_internet(fixture_world, port=port, timeout=30)
    assert url == f"http://127.0.0.1:{port}"
    assert health(url)["world_id"] == "w-fixture00001"
    proc = launch._started[port]
    assert proc.poll() is None
    assert (fixture_world.parent / f"osintlab-web-{port}.log").is_file()
    assert launch.ensure_fake_internet(fixture_world, port=port) == url
    assert launch._started[port] is proc, "the second call must reuse the running server"
    assert launch.stop_fake_internet(port) is True
    assert proc.poll() is not None and launch.probe(url) is None


def test_another_world_on_the_port_is_a_clear_error(
    fixture_world: Path, other_world: Path, ports: Callable[[], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    port = ports()
    launch.ensure_fake_internet(other_world, port=port, timeout=30)
    monkeypatch.setenv("OSINTLAB_PORT", str(port))
    with pytest.raises(RuntimeError) as err:
        launch.ensure_fake_internet(fixture_world)
    message = str(err.value)
    assert f"port {port} is serving another world (w-otherworld02)" in message
    assert "Close the other lab" in message and "OSINTLAB_PORT" in message


def test_another_program_on_the_port_is_a_clear_error(fixture_world: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    server.RequestHandlerClass.log_message = lambda *a: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(RuntimeError, match="another program, not by the training internet"):
            launch.ensure_fake_internet(fixture_world, port=server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def test_a_server_that_cannot_start_reports_its_log(tmp_path: Path, ports: Callable[[], int]) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "manifest.json").write_text(json.dumps({"world_id": "w-broken", "files": {}}))
    with pytest.raises(RuntimeError, match="could not start") as err:
        launch.ensure_fake_internet(broken, port=ports(), timeout=30)
    assert "not a generated world" in str(err.value)


def test_not_a_world_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="not a complete world"):
        launch.ensure_fake_internet(tmp_path, port=1)


def test_port_comes_from_argument_then_env_then_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OSINTLAB_PORT", raising=False)
    assert launch.resolve_port() == 8022
    monkeypatch.setenv("OSINTLAB_PORT", "9123")
    assert launch.resolve_port() == 9123
    assert launch.resolve_port(8500) == 8500
    monkeypatch.setenv("OSINTLAB_PORT", "eighty")
    with pytest.raises(ValueError, match="OSINTLAB_PORT"):
        launch.resolve_port()
    with pytest.raises(ValueError):
        launch.resolve_port(70000)


def test_world_comes_from_osintlab_world(fixture_world: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OSINTLAB_WORLD", str(fixture_world))
    assert launch.resolve_world() == fixture_world.resolve()


def test_launch_imports_nothing_that_could_read_the_key() -> None:
    code = "import sys, synth.web.launch; print(sorted(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    modules = set(ast.literal_eval(out))
    # synth.worlds finds the world (the one rule) and reads only manifests: it imports no generator.
    assert {m for m in modules if m.startswith(("synth", "graders"))} == {"synth", "synth.web", "synth.web.launch",
                                                                          "synth.worlds"}
    assert "flask" not in modules


def test_server_refuses_a_public_host_unless_allowed(capsys: pytest.CaptureFixture[str]) -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.10") and not is_loopback("example.test")
    with pytest.raises(RemoteHostRefused, match="allow_remote"):
        check_host("0.0.0.0", allow_remote=False)
    check_host("0.0.0.0", allow_remote=True)
    assert "WARNING" in capsys.readouterr().err


def test_module_cli_help_and_port_in_use(world_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0 and "--world" in capsys.readouterr().out
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert main(["--world", str(world_dir), "--port", str(taken.getsockname()[1])]) == 1
    assert "choose another with --port" in capsys.readouterr().err
    assert main(["--world", str(world_dir), "--host", "0.0.0.0"]) == 2
    assert "allow-remote" in capsys.readouterr().err.replace("allow_remote", "allow-remote")
