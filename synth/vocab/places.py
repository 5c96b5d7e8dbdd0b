"""Real European cities the world's people live in and advertise in.

Cities are real so that geolocation and circuit exercises feel real; nothing else about them is.
Sources: city names and countries as in Wikipedia's list of European cities by population.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    slug: str
    name: str
    country: str  # ISO 3166-1 alpha-2
    # Relative weight of the city in benign advertising (rough population share).
    weight: int


CITIES: tuple[City, ...] = (
    City("london", "London", "GB", 9),
    City("manchester", "Manchester", "GB", 3),
    City("birmingham", "Birmingham", "GB", 3),
    City("warsaw", "Warsaw", "PL", 5),
    City("krakow", "Kraków", "PL", 3),
    City("wroclaw", "Wrocław", "PL", 2),
    City("bucharest", "Bucharest", "RO", 4),
    City("cluj-napoca", "Cluj-Napoca", "RO", 2),
    City("kyiv", "Kyiv", "UA", 5),
    City("lviv", "Lviv", "UA", 3),
    City("berlin", "Berlin", "DE", 6),
    City("munich", "Munich", "DE", 3),
    City("amsterdam", "Amsterdam", "NL", 4),
    City("rotterdam", "Rotterdam", "NL", 2),
)

CITY_BY_SLUG = {c.slug: c for c in CITIES}

# Where each locale's people live (home cities) — the country that matches the Faker locale.
LOCALE_COUNTRY = {"en_GB": "GB", "uk_UA": "UA", "pl_PL": "PL", "ro_RO": "RO"}
LOCALE_WEIGHTS = {"en_GB": 30, "uk_UA": 30, "pl_PL": 20, "ro_RO": 20}
COUNTRY_NAME = {"GB": "the United Kingdom", "UA": "Ukraine", "PL": "Poland", "RO": "Romania",
                "DE": "Germany", "NL": "the Netherlands"}
NATIONALITY = {"en_GB": "British", "uk_UA": "Ukrainian", "pl_PL": "Polish", "ro_RO": "Romanian"}
# Destination countries of labour recruitment and sexual-exploitation circuits.
DESTINATION_COUNTRIES = ("GB", "DE", "NL", "PL")


def cities_in(country: str) -> list[City]:
    return [c for c in CITIES if c.country == country]
