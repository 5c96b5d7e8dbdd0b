"""The scenario as data: presets and designers' configs are TOML files, read into synth.config's dataclasses.

Why: a course designer changes how big a world is, how hard each module is and where it happens without
editing Python. A TOML file mirrors the dataclasses field by field (nested tables ``[social]``,
``[indicators]``, ``[social_cues]``, ``[finance]``; a range is a 2-element array); ``base = "default"``
(a built-in preset, or a path relative to the file) starts from another file and overrides only what
differs. Tables merge key by key; ``[[cities]]`` and ``[[countries]]`` add to the lab's table of places
(synth.vocab.places) instead of replacing it. Every mistake is one ConfigError sentence naming the file, the key
and what is allowed, because a designer reads it in a terminal, not in a traceback.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import typing
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import tomllib

from synth.config import ConfigError, Preset
from synth.streams import labelled_random
from synth.vocab import places
from synth.vocab.places import City, Country

PRESET_DIR = Path(__file__).resolve().parent / "presets"
BUILTIN = ("tiny", "small", "default", "large")
LISTS = ("cities", "countries")  # arrays of tables that extend the base's instead of replacing it
# Languages the generator has phrase pools for (synth.vocab.langtext, synth.vocab.socialtext): a new country's cities
# must write in these; a new language needs its pools first.
LANGUAGES = ("en", "pl", "ro", "uk", "ru")

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
    values = _fields(Preset, data, "", source, skip=frozenset({"name", *LISTS}))
    countries, cities = check_places(data.get("countries", []), data.get("cities", []), source)
    return Preset(name=name, **values, countries=countries, cities=cities)


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
    return PRESETS.get(preset.name) == preset


def world_label(preset: Preset) -> str:
    """What the world id is derived from: a built-in preset's name, else the config's digest."""
    return preset.name if is_builtin(preset) else f"config:{config_digest(preset)[:16]}"


# ---- a designer's countries and cities ---------------------------------------------------------------
COUNTRY_DEFAULTS = {"fare_step": 1, "price_level": 1.0}  # job_languages, group_language: from languages


def check_places(countries: Any, cities: Any, source: str) -> tuple[tuple[Country, ...], tuple[City, ...]]:
    """A config's [[countries]] and [[cities]], checked against the lab's table; ConfigError on the first fault."""
    for key, rows in (("countries", countries), ("cities", cities)):
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ConfigError(f"'{key}' in {source} must be written as [[{key}]] tables.")
    known = {c.code for c in places.BUILTIN.countries}
    new: list[Country] = []
    for row in countries:
        country = _country(row, source, known)
        known.add(country.code)
        new.append(country)
    slugs = {c.slug for c in places.BUILTIN.cities}
    added: list[City] = []
    for row in cities:
        _keys(row, [f.name for f in dataclasses.fields(City)], [], "[[cities]]", source)
        slug, name, country = (row[k] for k in ("slug", "name", "country"))
        if not isinstance(slug, str) or not slug.replace("-", "").isalnum() or slug != slug.lower() or slug in slugs:
            raise ConfigError(f"City slug {slug!r} in {source} must be new, lower case, letters, digits and '-'.")
        if country not in known:
            raise ConfigError(f"City {slug!r} in {source} is in country {country!r}, which is not in the table; "
                              f"add it with [[countries]] or use one of: {', '.join(sorted(known))}.")
        if not isinstance(name, str) or not name:
            raise ConfigError(f"City {slug!r} in {source} needs a name.")
        weight = _value(int, row["weight"], f"cities.{slug}.weight", source)
        slugs.add(slug)
        added.append(City(slug, name, country, weight))
    return tuple(new), tuple(added)


def _keys(row: dict[str, Any], required: list[str], optional: list[str], table: str, source: str) -> None:
    for key in row:
        if key not in required and key not in optional:
            raise ConfigError(f"Unknown key '{key}' in a {table} table of {source}. Valid keys: "
                              f"{', '.join(required + optional)}.")
    for key in required:
        if key not in row:
            raise ConfigError(f"Missing key '{key}' in a {table} table of {source}.")


def _country(row: dict[str, Any], source: str, known: set[str]) -> Country:
    """One designer's country, with a phone range that cannot ring anyone (synth.vocab.safety's rule)."""
    import phonenumbers

    optional = ["job_languages", "group_language", *COUNTRY_DEFAULTS]
    required = [f.name for f in dataclasses.fields(Country) if f.name not in optional]
    code = row.get("code")
    if "phones" not in row or not row["phones"]:
        raise ConfigError(f"Country {code!r} in {source} has no phone range safe for fiction: add phones = "
                          f"[{{prefix = \"...\", digits = 6}}] with blocks libphonenumber does not allocate "
                          f"(docs/scenario-config.md, Phones).")
    _keys(row, required, optional, "[[countries]]", source)
    if not isinstance(code, str) or len(code) != 2 or not code.isupper() or code in known:
        raise ConfigError(f"Country code {code!r} in {source} must be a new two-letter ISO code such as 'FR'.")
    if not phonenumbers.country_code_for_region(code):
        raise ConfigError(f"Country {code!r} in {source} is not a region libphonenumber knows.")
    langs = row["languages"]
    values = {**COUNTRY_DEFAULTS, "job_languages": langs, "group_language": (langs or ["en"])[0], **row}
    for key in ("languages", "job_languages"):
        if not isinstance(values[key], list) or not values[key] or not set(values[key]) <= set(LANGUAGES):
            raise ConfigError(f"'{key}' of country {code} in {source} must be a list of: {', '.join(LANGUAGES)} "
                              f"(a new language needs phrase pools in synth.vocab.langtext first).")
    if values["group_language"] not in LANGUAGES:
        raise ConfigError(f"'group_language' of country {code} in {source} must be one of: {', '.join(LANGUAGES)}.")
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(values["zone"])
    except Exception:  # noqa: BLE001 - any failure means the same thing to a designer
        raise ConfigError(f"'zone' of country {code} in {source} must be an IANA zone such as 'Europe/Paris'.") \
            from None
    where = f"countries.{code}."
    for key, hint in (("utc_offset", int), ("monthly_pay", int), ("fare", int), ("fare_step", int)):
        _value(hint, values[key], where + key, source)
    if not -12 <= values["utc_offset"] <= 14:
        raise ConfigError(f"'utc_offset' of country {code} in {source} must be from -12 to 14 hours.")
    level = values["price_level"]
    if isinstance(level, bool) or not isinstance(level, (int, float)) or not 0 < level <= 10:
        raise ConfigError(f"'price_level' of country {code} in {source} must be a number above 0 and at most 10 "
                          f"(Germany = 1.0); got {level!r}.")
    _value(tuple[int, int], values["hourly"], where + "hourly", source)
    _value(tuple[int, int, int], values["social_fares"], where + "social_fares", source)
    if not (isinstance(values["currency"], str) and len(values["currency"]) == 3 and values["currency"].isupper()):
        raise ConfigError(f"'currency' of country {code} in {source} must be an ISO 4217 code such as 'EUR'.")
    money = values["money"]
    if not (isinstance(money, list) and len(money) == 2 and all(isinstance(m, str) for m in money)):
        raise ConfigError(f"'money' of country {code} in {source} must be [prefix, suffix], e.g. [\"\", \" €\"].")
    for block in values["phones"]:
        _check_block(block, code, source)
    return places.country_from(values)


def _check_block(block: Any, code: str, source: str) -> None:
    """Every number of the block must be possible for ``code`` and valid for none (sampled, both ends)."""

    import phonenumbers

    if not isinstance(block, dict) or set(block) - {"prefix", "digits", "source"} or \
            not isinstance(block.get("prefix"), str) or not block["prefix"].isdigit() or \
            not isinstance(block.get("digits"), int) or not 3 <= block["digits"] <= 9:
        raise ConfigError(f"A phone block of country {code} in {source} must be {{prefix = \"0400\", digits = 6}} "
                          f"(prefix: digits of the national number; digits: 3 to 9 free digits).")
    rng = labelled_random(f"{code}{block['prefix']}")
    top = 10 ** block["digits"]
    for k in (0, top - 1, *(rng.randrange(top) for _ in range(200))):
        number = phonenumbers.parse(block["prefix"] + str(k).zfill(block["digits"]), code)
        if not phonenumbers.is_possible_number(number) or phonenumbers.is_valid_number(number):
            raise ConfigError(f"Phone block {block['prefix']} of country {code} in {source} is not safe: "
                              f"libphonenumber allocates or rejects some of its numbers; choose an unallocated block.")


class _Presets(Mapping[str, "Preset"]):
    """The built-in presets, read from synth/presets/*.toml on first use."""

    def __init__(self) -> None:
        self._loaded: dict[str, Preset] | None = None

    def _all(self) -> dict[str, Preset]:
        if self._loaded is None:
            self._loaded = builtin_presets()
        return self._loaded

    def __getitem__(self, name: str) -> Preset:
        return self._all()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


# tiny (tests), small, default (a class), large (default plus a streamed bank of >= 10M rows; docs/finance.md §7).
PRESETS: Mapping[str, Preset] = _Presets()


def get_preset(name: str) -> Preset:
    """The preset called ``name``, or a ConfigError listing the ones that exist."""
    try:
        return PRESETS[name]
    except KeyError:
        raise ConfigError(
            f"Unknown preset {name!r}. Choose one of: {', '.join(PRESETS)}."
        ) from None


def preset_of(world: Any) -> Preset:
    """The preset ``world`` was built from: its own scenario (a designer's config) or the built-in one."""
    return world.scenario if world.scenario is not None else get_preset(world.preset)
