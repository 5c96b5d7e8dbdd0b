"""Module 01's self-checks: the brief's ads and the shared phones (tallies), and a trainee's ad parser.

Trainee-facing: reads only the public site and selfcheck.json, never the answer key. The parser check
compares with the public site, which needs no secret at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests

from graders.lab import answers
from graders.lab.checking import Question, Tally, plural, quiet
from graders.lab.world import load_brief, load_public_db
from graders.modules.m01_scraping_ad_sites import quickads
from graders.modules.m01_scraping_ad_sites.quickads import PARSE_FIELDS, PublicAds, ad_url
from graders.modules.m01_scraping_ad_sites.spec import SPEC

M01 = SPEC.id


def _feedback_city_ads(t: Tally) -> list[str]:
    lines = [f"You found {t.found} of {t.total} ads in the brief's city and category."]
    if t.extra:
        lines.append(f"{plural(t.extra, 'of your ads is', 'of your ads are')} not in the brief's city "
                     "and category: check the city and category in the address you scraped.")
    if t.duplicates:
        lines.append(f"{plural(t.duplicates, 'ad appears', 'ads appear')} more than once in your table: "
                     "try ads.drop_duplicates(subset='ad_id').")
    if t.found < t.total:
        lines.append("Some ads are missing. Check your pagination: did you follow every page, "
                     "up to the last one?")
    if t.found == t.total and not t.extra:
        lines.append("Every ad is there and nothing else. Well done.")
    return lines


def _feedback_shared_phones(t: Tally) -> list[str]:
    if t.given == 0:
        lines = [f"Your list is empty; this world has {t.total} numbers shared by more than one name."]
    else:
        lines = [f"You listed {plural(t.given, 'different number')}; {t.found} of them "
                 f"{'is' if t.found == 1 else 'are'} among the {t.total} numbers shared by more than one name."]
    if t.extra:
        lines.append(f"{plural(t.extra, 'number is', 'numbers are')} not shared by different names in the "
                     "brief's ads. Did you keep only numbers that appear with two or more different names?")
    if t.found < t.total:
        lines.append("Some shared numbers are missing. Did you normalise every phone (digits only) before "
                     "comparing? The same number is often written in different ways.")
    if t.found == t.total and not t.extra:
        lines.append("You found every shared number and nothing else. Well done.")
    return lines


SELFCHECKS: dict[str, Question] = {
    f"{M01}/q2-city-ads": Question(lambda a, _q: answers.ad_id_items(a), _feedback_city_ads),
    f"{M01}/q3-shared-phones": Question(lambda a, _q: answers.phone_items(a, answers.brief_regions(M01)),
                                        _feedback_shared_phones),
}


def _parse_ad_examples(public: PublicAds) -> list[int]:
    """Three ads to try a parser on: two from the brief's listing and one from another category."""
    brief = load_brief(M01)
    own = public.ids(brief["city"], brief["category"])
    other = [i for i in public.ids(brief["city"]) if i not in set(own)] or public.ids()
    return own[:2] + other[:1]


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_parse_ad(parse_ad: Callable[[str], Any]) -> None:
    """Try ``parse_ad`` on a few ad pages of the running site and print which fields differ.

    The site's own data is public, so this check may show the value the page holds. Never raises.
    """
    with quiet():
        try:
            for line in _check_parse_ad_lines(parse_ad):
                print(line)
        except Exception as error:  # noqa: BLE001 - a self-check must never cost the trainee points
            print(f"The self-check could not run ({type(error).__name__}: {error}).")
            print("This does not change your grade. Is the fake internet running? Run the first cell again.")


def _check_parse_ad_lines(parse_ad: Callable[[str], Any]) -> list[str]:
    if not callable(parse_ad):
        return [f"parse_ad should be a function (def parse_ad(html): ...); it is a {type(parse_ad).__name__}."]
    base = quickads.fake_internet()
    lines: list[str] = []
    perfect = 0
    with load_public_db() as db, requests.Session() as session:
        public = PublicAds(db)
        examples = _parse_ad_examples(public)
        for ad_id in examples:
            html = quickads.polite_get(session, ad_url(base, ad_id)).text
            try:
                parsed = parse_ad(html)
            except Exception as error:  # noqa: BLE001 - report the trainee's error as feedback
                lines.append(f"Ad {ad_id}: your function stopped with {type(error).__name__}: {error}")
                if "NoneType" in str(error):
                    lines.append("  Hint: one of your selectors finds nothing on this page. Check each class "
                                 "name against the page (Inspect), with a dot before it: '.field-phone'.")
                continue
            if not isinstance(parsed, dict):
                lines.append(f"Ad {ad_id}: parse_ad should return a dictionary; it returned a "
                             f"{type(parsed).__name__}.")
                continue
            row = public.row(ad_id)
            result = public.compare_parsed(parsed, row)
            wrong = [f for f, ok in result.items() if not ok]
            if not wrong:
                perfect += 1
                lines.append(f"Ad {ad_id}: all {len(result)} fields are right.")
                continue
            lines.append(f"Ad {ad_id}: {len(result) - len(wrong)} of {len(result)} fields are right.")
            for field in wrong:
                if field not in parsed:
                    lines.append(f"  - '{field}' is missing from your dictionary.")
                else:
                    shown = row[PARSE_FIELDS[field]]
                    shown = public.cities.get(shown, shown) if field == "city" else shown
                    lines.append(f"  - '{field}': you returned {_short(parsed[field])}, "
                                 f"the page shows {_short(shown)}.")
    if perfect == len(examples):
        lines.append("parse_ad reads every field of these pages. Well done.")
    return lines
