"""The scenario as data: presets and designers' configs are TOML files, read into synth.config's dataclasses.

Why: a course designer changes how big a world is, how hard each module is and where it happens without
editing Python. A TOML file mirrors the dataclasses field by field (nested tables ``[social]``,
``[indicators]``, ``[social_cues]``, ``[finance]``; a range is a 2-element array); ``base = "default"``
(a built-in preset, or a path relative to the file) starts from another file and overrides only what
differs. Tables merge key by key; ``[[cities]]`` and ``[[countries]]`` add to the lab's table of places
(synth.places) instead of replacing it. Every mistake is one ConfigError sentence naming the file, the key
and what is allowed, because a designer reads it in a terminal, not in a traceback.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import typing
from datetime import date
from pathlib import Path
from typing import Any

import tomllib

from synth import config
from synth.config import ConfigError, Preset

PRESET_DIR = Path(__file__).resolve().parent / "presets"
BUILTIN = ("tiny", "small", "default", "large")
LISTS: tuple[str, ...] = ()  # arrays of tables that extend the base's instead of replacing it

# Allowed ranges beyond the general rules (floats are shares in [0, 1], whole numbers are >= 0).
RANGES: dict[str, tuple[float, float]] = {
    "people": (1, 10**7), "days": (30, 3650), "controllers": (1, 100), "victims": (1, 1000),
    "labour_recruiters": (1, 100), "finance.activity": (0, 10), "finance.window_days": (1, 365),
    "social.online": (1, 10**6), "social_cues.min_cues_criminal": (0, 5),
}


def builtin_presets() -> dict[str, Preset]:
    """The presets shipped in synth/presets/, in the order the CLI lists them."""
    return {name: load_file(PRESET_DIR / f"{name}.toml", name=name) for name in BUILTIN}


def load_file(path: Path, name: str | None = None) -> Preset:
    """The Preset a TOML file describes (its ``base`` chain resolved); ``name`` defaults to the file's stem."""
    path = Path(path)
    data = _resolve(path, ())
    return build_preset(data, name or path.stem, path.name)


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"No scenario file at {path}; give the path of a .toml file.") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path.name} is not valid TOML ({err}).") from None


def _resolve(path: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    """The file's keys over its base's (recursively); ``seen`` stops a chain of bases that loops."""
    path = path.resolve()
    if path in seen:
        raise ConfigError(f"{path.name} is its own base (through {' -> '.join(p.name for p in seen)}).")
    data = _read(path)
    base = data.pop("base", None)
    if base is None:
        return data
    if not isinstance(base, str):
        raise ConfigError(f"'base' in {path.name} must be a preset name or a file path in quotes.")
    if base in BUILTIN:
        base_path = PRESET_DIR / f"{base}.toml"
    elif base.endswith(".toml"):
        base_path = path.parent / base
    else:
        raise ConfigError(f"Unknown base {base!r} in {path.name}. Use one of: {', '.join(BUILTIN)}, "
                          f"or the path of another .toml file.")
    return merge(_resolve(base_path, (*seen, path)), data)


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` on top of ``base``: tables merge key by key, [[cities]]/[[countries]] append, the rest replaces."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        elif key in LISTS and isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


def build_preset(data: dict[str, Any], name: str, source: str) -> Preset:
    """Validate ``data`` against the Preset dataclass and build it; ConfigError names the first mistake."""
    if "name" in data:
        raise ConfigError(f"'name' in {source} is not a key: a scenario is named after its file.")
    values = _fields(Preset, data, "", source, skip=frozenset({"name"}))
    return Preset(name=name, **values)


def _fields(cls: type, data: Any, prefix: str, source: str, skip: frozenset[str] = frozenset(),
            required: bool = True) -> dict[str, Any]:
    """Keyword arguments for dataclass ``cls`` from TOML table ``data`` (``prefix`` names the table)."""
    table = prefix[:-1]
    if not isinstance(data, dict):
        raise ConfigError(f"'{table}' in {source} must be a table, written [{table}] with keys under it.")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name not in skip}
    extra = set(LISTS) if not prefix else set()
    for key in data:
        if key not in fields and key not in extra:
            where = f" in [{table}]" if prefix else ""
            raise ConfigError(f"Unknown key '{prefix}{key}' in {source}. Valid keys{where}: "
                              f"{', '.join(sorted([*fields, *extra]))}.")
    out: dict[str, Any] = {}
    for key, f in fields.items():
        hint = hints[key]
        if dataclasses.is_dataclass(hint):
            if key not in data:
                continue  # the dataclass default (a base file normally gives every table)
            start = {} if f.default is dataclasses.MISSING else dataclasses.asdict(f.default)
            values = {**start, **_fields(hint, data[key], f"{prefix}{key}.", source, required=False)}
            _check_complete(hint, values, f"{prefix}{key}.", source)
            out[key] = hint(**values)
        elif key in data:
            out[key] = _value(hint, data[key], f"{prefix}{key}", source)
    if required:
        _check_complete(cls, {**out, **{k: None for k in skip}}, prefix, source)
    return out


def _check_complete(cls: type, values: dict[str, Any], prefix: str, source: str) -> None:
    for f in dataclasses.fields(cls):
        no_default = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if no_default and f.name not in values:
            raise ConfigError(f"Missing key '{prefix}{f.name}' in {source}; give it, or start the file with "
                              f"base = \"default\" to inherit it.")


def _value(hint: Any, value: Any, key: str, source: str) -> Any:
    """One checked value: the right type, inside its range."""
    lo, hi = RANGES.get(key, (None, None))
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"'{key}' in {source} must be a number; got {value!r}.")
        lo, hi = (0.0, 1.0) if lo is None else (lo, hi)
        if not lo <= value <= hi:
            raise ConfigError(f"'{key}' in {source} must be between {lo:g} and {hi:g} (a share); got {value!r}.")
        return float(value)
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"'{key}' in {source} must be a whole number; got {value!r}.")
        lo, hi = (0, 10**9) if lo is None else (lo, hi)
        if not lo <= value <= hi:
            raise ConfigError(f"'{key}' in {source} must be a whole number from {lo} to {hi}; got {value!r}.")
        return value
    if hint is date:
        if not isinstance(value, date) or hasattr(value, "hour"):
            raise ConfigError(f"'{key}' in {source} must be a date without quotes, like 2026-03-02; got {value!r}.")
        return value
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, list) or len(value) != len(args):
            raise ConfigError(f"'{key}' in {source} must be a list of {len(args)} whole numbers, like "
                              f"[2, 5]; got {value!r}.")
        items = tuple(_value(a, v, key + "[]", source) for a, v in zip(args, value, strict=True))
        if len(items) == 2 and items[0] > items[1]:
            raise ConfigError(f"'{key}' in {source} is a range [low, high] with low <= high; got {value!r}.")
        return items
    raise AssertionError(f"no rule for {key}: {hint!r}")


def canonical(preset: Preset) -> dict[str, Any]:
    """The resolved config as plain JSON data (dates as ISO text), for the manifest and the world id."""
    def plain(x: Any) -> Any:
        if dataclasses.is_dataclass(x):
            return {f.name: plain(getattr(x, f.name)) for f in dataclasses.fields(x)}
        if isinstance(x, (tuple, list)):
            return [plain(v) for v in x]
        return x.isoformat() if isinstance(x, date) else x
    return plain(preset)


def config_digest(preset: Preset) -> str:
    """sha256 of the canonical resolved config: equal configs, equal digests, whatever the files looked like."""
    text = json.dumps(canonical(preset), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def is_builtin(preset: Preset) -> bool:
    """Whether ``preset`` is exactly a shipped preset (its world keeps the preset-name world id)."""
    return config.PRESETS.get(preset.name) == preset


def world_label(preset: Preset) -> str:
    """What the world id is derived from: a built-in preset's name, else the config's digest."""
    return preset.name if is_builtin(preset) else f"config:{config_digest(preset)[:16]}"
