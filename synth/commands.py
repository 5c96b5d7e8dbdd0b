"""What each `osintlab` verb does; synth.cli only parses arguments and reports errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from synth.worlds import DEFAULT_PRESET, DEFAULT_SEED, find_world, project_root, read_manifest, verify_world


def course_dir(given: Path | None = None) -> Path:
    return Path(given) if given else project_root() / "exercises"


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
    path = find_world(world)
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

    path = find_world(world)
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


def serve_for_lab(world: Path, port: int, log_path: Path) -> subprocess.Popen | None:
    """The fake internet for ``osintlab lab``: started (and waited for) by synth.web.launch, or the one
    already serving the same world on ``port`` (a notebook started it earlier), reused: then None."""
    from synth.web.launch import _check_same_world, probe, read_world_id, start_fake_internet

    want = read_world_id(world)
    health = probe(f"http://127.0.0.1:{port}")
    if health is not None:
        _check_same_world(health, want, port, world)
        return None
    proc, health = start_fake_internet(world, port, log_path)
    _check_same_world(health, want, port, world)
    return proc


def stop(proc: subprocess.Popen | None) -> None:
    """Terminate a child politely, then firmly (JupyterLab may take a while to shut its kernels)."""
    from synth.web.launch import stop_process

    stop_process(proc, grace=15)


def prepare_my_work(course: Path) -> Path:
    """Copy each released module into exercises/my-work/ once; a trainee's own edits are never overwritten."""
    release = course / "release"
    if not release.exists() and run_course(["release", "--quiet", "--course", str(course)]) != 0:
        raise RuntimeError(f"The exercises could not be released into {release}; run `osintlab course release` "
                           "to see why.")
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
    path = find_world(world)
    course = course_dir(course)
    work = prepare_my_work(course)
    env = dict(os.environ, OSINTLAB_WORLD=str(path), OSINTLAB_PORT=str(port))
    server = serve_for_lab(path, port, path.parent / f"fake-internet-{port}.log")
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


def run_course(args: list[str]) -> int:
    """Run a course verb in the grading package's own process (the generator never imports graders)."""
    return subprocess.call([sys.executable, "-m", "graders.grading.coursecli", *args])


def course_release(course: Path | None, modules: list[str]) -> int:
    return run_course(["release", *modules, "--course", str(course_dir(course))])


def course_grade(course: Path | None, module: str | None, world: Path | None, port: int | None) -> int:
    args = ["grade", *([module] if module else []), "--course", str(course_dir(course))]
    args += ["--world", str(world)] if world else []
    args += ["--port", str(port)] if port is not None else []
    return run_course(args)
