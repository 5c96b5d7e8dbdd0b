"""Real European cities the world's people live in and advertise in, and their countries: one table.

Cities are real so that geolocation and circuit exercises feel real; nothing else about them is.
Sources: city names and countries as in Wikipedia's list of European cities by population.

Why one table (synth/presets/places.toml): a city's country decides its currency, its ads' languages, its
pay and price levels, its banks' clock and where its fictional phones come from; kept in one place, a course
designer can add a city (and a country) with a config file and every stage agrees on it. The names below
(CITIES, CITY_BY_SLUG, COUNTRY_NAME, COUNTRIES, ``country_field``) are read-only views of the *active*
table: the lab's own, or the lab's extended by a config's [[countries]] and [[cities]] while ``using``
builds that config's world. Finance (synth.build.finance) covers the lab's own banking countries only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

import tomllib

PLACES_FILE = Path(__file__).resolve().parents[1] / "presets" / "places.toml"


@dataclass(frozen=True)
class PhoneRange:
    """National numbers ``prefix`` + ``digits`` free digits, reserved or unallocated (synth.vocab.safety)."""

    prefix: str
    digits: int
    source: str = "unallocated in libphonenumber metadata"


@dataclass(frozen=True)
class Country:
    """What a country's cities look like in the world (see places.toml for each key's meaning)."""

    code: str  # ISO 3166-1 alpha-2
    name: str
    currency: str  # ISO 4217
    money: tuple[str, str]  # prefix, suffix around an amount
    zone: str  # IANA zone of its banks' clocks
    utc_offset: int  # standard hours ahead of UTC (EU summer time adds one)
    languages: tuple[str, ...]  # of ads and profiles in its cities
    job_languages: tuple[str, ...]  # of its Circle job board
    group_language: str  # of its groups' names
    hourly: tuple[int, int]  # personal-services rate per hour
    monthly_pay: int  # an honest job ad's monthly pay
    fare: int  # a travel agent's base fare
    fare_step: int  # a fare's increments
    social_fares: tuple[int, int, int]  # low, high, step of fares in social travel posts
    price_level: float  # finance: prices relative to Germany
    phones: tuple[PhoneRange, ...]


@dataclass(frozen=True)
class City:
    slug: str
    name: str
    country: str  # ISO 3166-1 alpha-2
    # Relative weight of the city in benign advertising (rough population share).
    weight: int


@dataclass(frozen=True)
class Places:
    """Countries and cities in drawing order; ``derived`` caches the lookups the views serve."""

    countries: tuple[Country, ...]
    cities: tuple[City, ...]
    cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def derived(self, build: Callable[[Places], Any]) -> Any:
        if build not in self.cache:
            self.cache[build] = build(self)
        return self.cache[build]


def country_from(row: dict[str, Any]) -> Country:
    """A Country from a TOML row (a designer's rows are checked first by synth.scenario)."""
    values = dict(row)
    values["phones"] = tuple(PhoneRange(**p) for p in values["phones"])
    for key in ("money", "languages", "job_languages", "hourly", "social_fares"):
        values[key] = tuple(values[key])
    values["price_level"] = float(values["price_level"])
    return Country(**values)


def _load(path: Path) -> Places:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return Places(tuple(country_from(r) for r in data["countries"]), tuple(City(**r) for r in data["cities"]))


BUILTIN = _load(PLACES_FILE)
_active: list[Places] = [BUILTIN]


def active() -> Places:
    """The table in use: the lab's own, or the one ``using`` put in place."""
    return _active[-1]


@contextmanager
def using(countries: Sequence[Country] = (), cities: Sequence[City] = ()) -> Iterator[Places]:
    """The lab's table plus ``countries`` and ``cities`` while the block runs (one world's generation)."""
    table = Places(BUILTIN.countries + tuple(countries), BUILTIN.cities + tuple(cities)) \
        if countries or cities else BUILTIN
    _active.append(table)
    try:
        yield table
    finally:
        _active.pop()


class _CityView(Sequence[City]):
    """CITIES: the active table's cities, as a read-only sequence."""

    @overload
    def __getitem__(self, i: int) -> City: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[City]: ...

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return active().cities[i]

    def __len__(self) -> int:
        return len(active().cities)

    def __repr__(self) -> str:
        return f"CITIES{active().cities!r}"


class TableView(Mapping[str, Any]):
    """A read-only mapping computed from the active table (cached per table)."""

    def __init__(self, build: Callable[[Places], dict[str, Any]]) -> None:
        self._build = build

    def _d(self) -> dict[str, Any]:
        return active().derived(self._build)

    def __getitem__(self, key: str) -> Any:
        return self._d()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._d())

    def __len__(self) -> int:
        return len(self._d())

    def __repr__(self) -> str:
        return repr(self._d())


def country_field(build: Callable[[Country], Any]) -> TableView:
    """{country code: build(country)} over the active table, e.g. ``country_field(lambda c: c.hourly)``."""
    return TableView(lambda places: {c.code: build(c) for c in places.countries})


CITIES: Sequence[City] = _CityView()
CITY_BY_SLUG: Mapping[str, City] = TableView(lambda places: {c.slug: c for c in places.cities})
COUNTRIES: Mapping[str, Country] = TableView(lambda places: {c.code: c for c in places.countries})
COUNTRY_NAME: Mapping[str, str] = country_field(lambda c: c.name)

# Where each locale's people live (home cities) — the country that matches the Faker locale.
LOCALE_COUNTRY = {"en_GB": "GB", "uk_UA": "UA", "pl_PL": "PL", "ro_RO": "RO"}
LOCALE_WEIGHTS = {"en_GB": 30, "uk_UA": 30, "pl_PL": 20, "ro_RO": 20}
NATIONALITY = {"en_GB": "British", "uk_UA": "Ukrainian", "pl_PL": "Polish", "ro_RO": "Romanian"}
# Destination countries of labour recruitment and sexual-exploitation circuits.
DESTINATION_COUNTRIES = ("GB", "DE", "NL", "PL")


def cities_in(country: str) -> list[City]:
    return [c for c in CITIES if c.country == country]
