"""What each `osintlab` verb does; synth.cli only parses arguments and reports errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from synth.worldio import DEFAULT_PRESET, DEFAULT_SEED, find_world, project_root, read_manifest, verify_world


def course_dir(given: Path | None = None) -> Path:
    return Path(given) if given else project_root() / "exercises"


def resolve_world(given: Path | None) -> Path:
    """--world if given (it must be a complete world), else the usual rule (OSINTLAB_WORLD, datasets/default)."""
    if given is None:
        return find_world()
    if read_manifest(given) is None:
        from synth.worldio import WorldNotFoundError

        raise WorldNotFoundError(f"{given} is not a complete world. Create it with `osintlab generate --out {given}`.")
    return Path(given)


def generate(seed: int, preset: str, out: Path | None, force: bool, progress: bool,
             config: Path | None = None) -> int:
    """Generate from a built-in preset, or from a designer's scenario file (``config``, synth.scenario)."""
    from synth.generate import generate_world

    scenario: object = preset
    what = f"preset {preset}"
    if config is not None:
        from synth.scenario import load_file

        scenario, what = load_file(config), f"config {config}"
    if out is None:
        stem = Path(config).stem if config is not None else preset
        name = "default" if config is None and (seed, preset) == (DEFAULT_SEED, DEFAULT_PRESET) else f"{stem}-{seed}"
        out = project_root() / "datasets" / name
    started = time.perf_counter()
    before = read_manifest(out)
    generate_world(seed, scenario, out, force=force, progress=progress)
    manifest = read_manifest(out)
    if before is not None and before["world_id"] == manifest["world_id"] and not force:
        print(f"{out} already holds world {manifest['world_id']} (seed {seed}, {what}); nothing to do.")
    else:
        print(f"Wrote world {manifest['world_id']} (seed {seed}, {what}) to {out} "
              f"in {time.perf_counter() - started:.1f} s.")
    return 0


def verify(world: Path | None) -> int:
    path = resolve_world(world)
    changed = verify_world(path)
    if changed:
        print(f"{path}: {len(changed)} file(s) differ from the manifest: {', '.join(changed)}. "
              f"Regenerate with `osintlab generate --force --out {path}`.", file=sys.stderr)
        return 1
    print(f"{path}: every file matches its manifest.")
    return 0


def serve(world: Path | None, host: str, port: int, rate: float, allow_remote: bool) -> int:
    from synth.web.server import RemoteHostRefused, check_host
    from synth.web.server import serve as run_server

    path = resolve_world(world)
    try:
        check_host(host, allow_remote)
    except RemoteHostRefused as err:
        print(f"osintlab: {err}", file=sys.stderr)
        return 2
    print(f"Serving world {read_manifest(path)['world_id']} from {path} on http://{host}:{port}/ (Ctrl-C stops).")
    try:
        run_server(path, host=host, port=port, rate_limit=rate or None, allow_remote=allow_remote)
    except RemoteHostRefused as err:
        print(f"osintlab: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"osintlab: cannot listen on {host}:{port} ({err.strerror or err}). Another program, perhaps "
              f"another lab, uses this port: stop it or choose another with --port.", file=sys.stderr)
        return 1
    return 0


def start_fake_internet(world: Path, port: int, log_path: Path) -> subprocess.Popen | None:
    """Start the fake internet for ``world`` as a child process and wait until it answers /healthz.

    When the same world is already served on ``port`` (a notebook started it earlier), it is reused
    and None is returned; another world or program on the port is an error that says what to do.
    """
    from synth.web.launch import _check_same_world, probe, read_world_id

    url = f"http://127.0.0.1:{port}"
    want = read_world_id(world)
    health = probe(url)
    if health is not None:
        _check_same_world(health, want, port, world)
        return None
    with open(log_path, "ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "synth.web", "--world", str(world), "--port", str(port)],
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"The fake internet stopped at start (is port {port} in use?). See {log_path}.")
        health = probe(url, timeout=1.0)
        if health is not None:
            _check_same_world(health, want, port, world)
            return proc
        time.sleep(0.2)
    proc.terminate()
    raise RuntimeError(f"The fake internet did not answer on port {port} within 30 s. See {log_path}.")


def stop(proc: subprocess.Popen | None) -> None:
    """Terminate a child politely, then firmly (JupyterLab may take a while to shut its kernels)."""
    from synth.web.launch import stop_process

    stop_process(proc, grace=15)


def prepare_my_work(course: Path) -> Path:
    """Copy each released module into exercises/my-work/ once; a trainee's own edits are never overwritten."""
    release = course / "release"
    if not release.exists():
        from graders.course import release as release_modules

        release_modules(course)
    work = course / "my-work"
    for module in sorted(p for p in release.iterdir() if p.is_dir()):
        for src in module.rglob("*"):
            dest = work / module.name / src.relative_to(module)
            if src.is_dir():
                dest.mkdir(parents=True, exist_ok=True)
            elif not dest.exists():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest)
    return work


def lab(world: Path | None, port: int, jupyter_port: int, headless: bool, course: Path | None = None,
        instructor: bool = False) -> int:
    """World, fake internet and JupyterLab; trainees see only their my-work/ copies (no solutions)."""
    path = resolve_world(world)
    course = course_dir(course)
    work = prepare_my_work(course)
    env = dict(os.environ, OSINTLAB_WORLD=str(path), OSINTLAB_PORT=str(port))
    server = start_fake_internet(path, port, path.parent / f"fake-internet-{port}.log")
    print(f"Fake internet: http://127.0.0.1:{port}/  (world {read_manifest(path)['world_id']})", flush=True)
    root = course if instructor else work
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}", f"--port={jupyter_port}",
           "--ServerApp.ip=127.0.0.1"]
    if headless:
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and CI run as root; JupyterLab refuses otherwise
    # From the course folder, so that nbgrader's extensions find exercises/nbgrader_config.py.
    jupyter = subprocess.Popen(cmd, env=env, cwd=course)
    try:
        return jupyter.wait()
    except KeyboardInterrupt:
        # Ctrl-C: JupyterLab would ask "Shutdown this Jupyter server (y/[n])?"; SIGTERM shuts it down
        # cleanly (kernels included) without asking.
        stop(jupyter)
        return 0
    finally:
        stop(jupyter)
        stop(server)
        print("Stopped JupyterLab" + (" and the fake internet." if server else "."), flush=True)


def course_release(course: Path | None, modules: list[str]) -> int:
    from graders.course import release

    done = release(course_dir(course), modules or None)
    print(f"Released {len(done)} module(s) into {course_dir(course) / 'release'}: {', '.join(done)}")
    return 0


def course_grade(course: Path | None, module: str | None, world: Path | None, port: int | None) -> int:
    from graders.course import grade

    # Without --world, grade() finds the world itself after checking the module name, so a typo in the
    # module does not first generate a default world.
    report = grade(course_dir(course), module=module, world_dir=resolve_world(world) if world else None, port=port)
    print(report.summary())
    return 0 if report.ok else 1
