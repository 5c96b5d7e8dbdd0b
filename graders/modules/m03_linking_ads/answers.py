"""Reading module 03's answers (ad references, cluster labels, a circuit) — shared by self-check and grader.

A trainee may write an ad as "quickads:75", "QuickAds 75" or "quickads/75", hand in clusters as a
table or a dictionary, and a circuit as a table or a list of cities: both the self-check and the
hidden grader read them through these functions, so "all found" offline means full marks later.
Trainee-facing: nothing here reads the answer key.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import pandas as pd

from graders.lab.answers import AnswerShapeError
from graders.lab.checking import Question
from graders.modules.m03_linking_ads.spec import SPEC

M03 = SPEC.id
SITES = ("quickads", "companions")
_REF = re.compile(r"^\s*(quickads|companions)\s*[:/#\s_-]*\s*#?\s*(\d+)\s*$", re.IGNORECASE)
REF_EXAMPLE = "['quickads:75', 'companions:12']"
LABEL_COLUMNS = ("person", "cluster", "label", "person_id", "cluster_id")


def canonical_ref(value: Any) -> str | None:
    """'quickads:75' for any common way of writing QuickAds ad 75; None when it names no ad of the two sites."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    match = _REF.match(str(value))
    if not match:
        return None
    return f"{match.group(1).lower()}:{int(match.group(2))}"


def _list(answer: Any, what: str, example: str) -> list[Any]:
    if isinstance(answer, pd.DataFrame):
        if "ref" in answer.columns:
            return answer["ref"].tolist()
        raise AnswerShapeError(f"Your table has no 'ref' column (its columns: {', '.join(map(str, answer.columns))}). "
                               f"Give a list of {what}, for example {example}.")
    if isinstance(answer, pd.Series):
        return answer.tolist()
    if isinstance(answer, (str, bytes)) or isinstance(answer, Mapping) or not isinstance(answer, Iterable):
        raise AnswerShapeError(f"Expected a list of {what}, for example {example}; got a {type(answer).__name__}.")
    return list(answer)


def ref_items(answer: Any) -> list[list[str]]:
    """One list of readings per listed ad (empty when an entry names no ad), as the self-check tallies them."""
    refs = _list(answer, "ad references", REF_EXAMPLE)
    return [[ref] if (ref := canonical_ref(v)) else [] for v in refs]


def count_items(answer: Any) -> list[list[str]]:
    """A whole number given as an int, a float such as 8.0, or text such as '8'."""
    if isinstance(answer, bool) or answer is None:
        raise AnswerShapeError(f"Expected a whole number, for example 5; got {answer!r}.")
    try:
        number = float(str(answer).strip())
    except ValueError:
        raise AnswerShapeError(f"Expected a whole number, for example 5; got {answer!r}.") from None
    if not math.isfinite(number) or number != int(number):
        raise AnswerShapeError(f"Expected a whole number, for example 5; got {answer!r}.")
    return [[str(int(number))]]


def circuit_cities(answer: Any) -> list[str]:
    """The circuit's city slugs in order, from a table with a 'city' column or a list of cities."""
    if isinstance(answer, pd.DataFrame):
        if "city" not in answer.columns:
            raise AnswerShapeError("Your circuit table has no 'city' column; give one row per stay with the "
                                   "columns city, first_seen and last_seen.")
        values = answer["city"].tolist()
    elif isinstance(answer, (str, bytes)) or isinstance(answer, Mapping) or not isinstance(answer, Iterable):
        raise AnswerShapeError("Expected a table with one row per stay (columns city, first_seen, last_seen); "
                               f"got a {type(answer).__name__}.")
    else:
        values = [v.get("city") if isinstance(v, Mapping) else v for v in answer]
    return [city_slug(v) for v in values if v is not None and str(v).strip()]


def city_slug(value: Any) -> str:
    """'Kraków', 'krakow' and ' KRAKOW ' are the same city; 'Cluj Napoca' is 'cluj-napoca'."""
    import unicodedata

    text = unicodedata.normalize("NFKD", str(value).strip().lower().replace("ł", "l"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def circuit_items(answer: Any) -> list[list[str]]:
    """The circuit as one self-check item: 'london|munich|…'."""
    cities = circuit_cities(answer)
    return [["|".join(cities)]] if cities else [[]]


def cluster_labels(answer: Any) -> dict[str, str]:
    """{ref: cluster label} from a table (columns 'ref' and 'person' or 'cluster'), a dict or a Series.

    Labels are compared only with each other, so any labels work: numbers, names, 'P1'.
    """
    if isinstance(answer, pd.DataFrame):
        label = next((c for c in LABEL_COLUMNS if c in answer.columns), None)
        if "ref" not in answer.columns or label is None:
            raise AnswerShapeError("Expected your items table with a 'ref' column and a 'person' column "
                                   f"(its columns: {', '.join(map(str, answer.columns))}).")
        pairs = zip(answer["ref"].tolist(), answer[label].tolist(), strict=True)
    elif isinstance(answer, pd.Series):
        pairs = zip(answer.index.tolist(), answer.tolist(), strict=True)
    elif isinstance(answer, Mapping):
        pairs = iter(answer.items())
    else:
        raise AnswerShapeError("Expected your items table with the columns 'ref' and 'person'; "
                               f"got a {type(answer).__name__}.")
    labels: dict[str, str] = {}
    for ref, label in pairs:
        canonical = canonical_ref(ref)
        if canonical is None or label is None or (isinstance(label, float) and math.isnan(label)):
            continue
        labels[canonical] = str(label)
    return labels


class TallyLike(Protocol):
    """What the self-check's Tally tells a feedback function (see graders.lab.selfcheck.Tally)."""

    given: int
    found: int
    total: int
    extra: int
    duplicates: int


def set_feedback(t: TallyLike, listed: str, extra: str, missing: str, complete: str) -> list[str]:
    """The self-check's lines for a set answer: what was listed, then a hint for wrong items (``extra`` starts
    after "<n> of your …"), a hint for missing ones, or ``complete`` when the set is exactly right."""
    lines = [listed]
    if t.extra:
        lines.append(f"{t.extra} of your {extra}")
    if t.found < t.total:
        lines.append(missing)
    if t.found == t.total and not t.extra:
        lines.append(complete)
    return lines


def feedback_operation_items(t: TallyLike) -> list[str]:
    return set_feedback(
        t, f"You listed {t.given} different ads; {t.found} of the group's {t.total} ads are among them.",
        "ads do not belong to the group. Did you flag a cluster only because of one shared phone, or because of "
        "words like 'new in town'? Look for several indicators at once.",
        "Some of the group's ads are missing. Did you include its Companions profiles (obscured phones, Telegram "
        "handles) and the ads in every city of the brief?",
        "Every ad of the group is there and nothing else. Well done.")


def feedback_victim_count(t: TallyLike) -> list[str]:
    if t.found:
        return ["That is the number of different people the group advertises. Well done."]
    return ["Not quite. Count people, not ads or names as written: one person may appear under several "
            "spellings (Alina, Alyna, Аліна), and different people may share one phone."]


def feedback_circuit(t: TallyLike) -> list[str]:
    if t.found:
        return ["Your sequence of cities is the one the ads show. Well done."]
    return ["Your sequence of cities differs from the one the ads show. Sort her ads by posting time, and "
            "start a new stay each time the city changes (a city visited twice is two stays). Did you include "
            "her Companions profiles?"]


def as_refs(values: Iterable[Any]) -> list[str]:
    """The canonical refs among ``values`` (unreadable entries dropped)."""
    return [ref for v in values if (ref := canonical_ref(v))]


def check_clusters(items: Any) -> None:
    """Print what a person-labelled items table holds — counts only, no answer (never raises).

    Public: it reads nothing but the trainee's table, so it can sit in the visible part of a test cell.
    """
    from graders.lab.checking import quiet

    with quiet():
        try:
            labels = cluster_labels(items)
        except AnswerShapeError as error:
            print(error)
            return
        except Exception as error:  # noqa: BLE001 - a self-check must never cost the trainee points
            print(f"The self-check could not run ({type(error).__name__}: {error}).")
            return
        rows = len(items) if hasattr(items, "__len__") else len(labels)
        sizes = Counter(labels.values())
        print(f"{len(labels)} of your {rows} items have a person; {len(sizes)} different people.")
        if len(labels) < rows:
            print("Some items have no person (or no readable 'ref'): give every item a label, even if it is "
                  "alone in its cluster.")
        if sizes:
            print(f"The largest person has {max(sizes.values())} ads; {sum(n == 1 for n in sizes.values())} "
                  "people have a single ad.")


# Self-checked questions (graders.lab.selfcheck finds them here); the hidden grader reads answers the same way.
SELFCHECKS = {
    f"{M03}/operation-items": Question(lambda a, _q: ref_items(a), feedback_operation_items),
    f"{M03}/victim-count": Question(lambda a, _q: count_items(a), feedback_victim_count),
    f"{M03}/circuit-cities": Question(lambda a, _q: circuit_items(a), feedback_circuit),
}
