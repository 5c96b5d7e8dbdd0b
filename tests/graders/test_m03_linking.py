"""Module 03's hidden checks, selector reading and self-check, against generated worlds.

Every score must be a float rounded to 2 decimals, print nothing to stderr (nbgrader gives such a
cell 0) and never print an expected value; the self-check must agree with the hidden grader.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pandas as pd
import pytest

from graders.lab.selfcheck import check
from graders.modules.m03_linking_ads import answers as linkanswers
from graders.modules.m03_linking_ads import checks as m03
from graders.modules.m03_linking_ads import method as m03_method
from synth.vocab.selectors import PHONE_STYLES, handle_text, obscured_phone

M03 = m03.MODULE
NUMBERS = [("+48491815127", "GB"), ("+447700900628", "GB"), ("+447700900628", "PL"), ("+380602173602", "UA"),
           ("+40714459153", "RO"), ("+40714459153", "NL")]


@pytest.mark.parametrize(("e164", "country"), NUMBERS)
@pytest.mark.parametrize("style", PHONE_STYLES)
def test_every_obscured_style_reads_back(e164: str, country: str, style: str) -> None:
    rng = random.Random(f"{e164}{style}")
    for lang in ("en", "pl", "ro", "uk", "ru"):
        for _ in range(5):
            written = obscured_phone(e164, style, rng, lang, country)
            handle = handle_text("telegram", "lux_lon67", rng)
            found = m03_method.read_selectors(f"{written} · {handle}", country)
            assert found == ([e164], ["telegram:lux_lon67"]), written


def test_emails_and_labels_are_not_phones() -> None:
    assert m03_method.read_selectors("Bookings through our reception: +44 77OO 9OO925", "GB") == (["+447700900925"], [])
    # The "oo" of "Bookings" is not a run of zeros.
    assert m03_method.read_selectors("Bookings through our reception: 07700-900148", "GB") == (["+447700900148"], [])
    assert m03_method.read_selectors("Rezerwacje przez recepcję: 49O 1OO 2OO", "PL") == (["+48490100200"], [])
    assert m03_method.read_selectors("0715 995 210 · ioan599 [at] mailhub.example", "RO") == (["+40715995210"], [])
    assert m03_method.read_selectors("", "GB") == ([], [])


@pytest.mark.parametrize("names", [("Alina", "Alyna", "Аліна"), ("Ksenia", "Kseniya", "Xenia", "Ксенія"),
                                   ("Daria", "Dariya", "Darya"), ("Eva", "Yeva", "Єва"), ("Elena", "Olena", "Олена"),
                                   ("Polina", "Paulina"), ("Sofia", "Sofiya", "Sophia", "Софія"), ("Clara", "Клара"),
                                   ("Ruby", "Рубі"), ("Yana", "Jana", "Яна"), ("Vika", "Wika")])
def test_spellings_of_one_name_share_a_key(names: tuple[str, ...]) -> None:
    assert len({m03_method.name_key(n) for n in names}) == 1


def test_different_names_keep_different_keys() -> None:
    assert len({m03_method.name_key(n) for n in ("Mila", "Lina", "Nika", "Kira", "Dana", "Ada", "Ana")}) == 7


@pytest.fixture(scope="module")
def world(world_factory) -> Path:
    return world_factory(2026, "default")


@pytest.fixture
def solved(world: Path, monkeypatch: pytest.MonkeyPatch) -> m03_method.Findings:
    monkeypatch.setenv("OSINTLAB_WORLD", str(world))
    return m03_method.reference_solution(m03_method.items_from_public_db())


def _score(capsys, function, answer) -> tuple[float, str]:
    points = function(answer)
    out, err = capsys.readouterr()
    assert err == "", "a scoring function must not write to stderr"
    assert isinstance(points, float) and points == round(points, 2)
    return points, out


def _key(world: Path) -> dict:
    return json.loads((world / "key" / "answer_key.json").read_text(encoding="utf-8"))["modules"][M03]


def test_the_method_gets_full_marks_and_blank_answers_none(world, solved, capsys) -> None:
    table = pd.DataFrame({"ref": list(solved.clusters), "person": list(solved.clusters.values())})
    assert _score(capsys, m03.score_clusters, table)[0] >= 0.99 * m03.POINTS["clusters"]
    assert _score(capsys, m03.score_operation_items, solved.operation_items)[0] == m03.POINTS["operation_items"]
    assert _score(capsys, m03.score_victim_count, solved.victim_count)[0] == m03.POINTS["victim_count"]
    assert _score(capsys, m03.score_circuit, solved.circuit)[0] == m03.POINTS["circuit"]
    assert _score(capsys, m03.score_clusters, table.iloc[:0])[0] == 0.0
    assert _score(capsys, m03.score_operation_items, [])[0] == 0.0
    assert _score(capsys, m03.score_circuit, pd.DataFrame(columns=["city", "first_seen", "last_seen"]))[0] == 0.0


def test_feedback_never_shows_the_answer(world, solved, capsys) -> None:
    key = _key(world)
    _, out = _score(capsys, m03.score_victim_count, key["victim_count"] + 5)
    assert str(key["victim_count"]) not in out
    _, out = _score(capsys, m03.score_operation_items, solved.operation_items[:3])
    assert not any(ref in out for ref in key["operation_items"][3:])
    _, out = _score(capsys, m03.score_circuit, ["london"])
    assert "|" not in out and key["circuit"][0]["first_seen"] not in out


def test_partial_credit(world, solved, capsys) -> None:
    key = _key(world)
    assert _score(capsys, m03.score_victim_count, key["victim_count"] + 1)[0] == m03.POINTS["victim_count"] / 2
    assert _score(capsys, m03.score_victim_count, str(key["victim_count"] - 2))[0] == round(
        m03.POINTS["victim_count"] / 4, 2)
    assert _score(capsys, m03.score_victim_count, key["victim_count"] + 3)[0] == 0.0
    cities_only = [stay["city"] for stay in key["circuit"]]
    assert _score(capsys, m03.score_circuit, cities_only)[0] == round(m03.POINTS["circuit"] * m03.CIRCUIT_CITY_SHARE, 2)
    half = solved.operation_items[: len(solved.operation_items) // 2]
    points, out = _score(capsys, m03.score_operation_items, half)
    assert 0 < points < m03.POINTS["operation_items"] and "precision 1.00" in out
    # One label for everything: every true pair found, precision tiny.
    everything = {ref: "one" for ref in solved.clusters}
    assert 0 < _score(capsys, m03.score_clusters, everything)[0] < 1


def test_answers_in_other_forms_read_the_same(world, solved, capsys) -> None:
    spelled = [ref.replace(":", " ").title() for ref in solved.operation_items]  # "Quickads 75"
    assert _score(capsys, m03.score_operation_items, spelled)[0] == m03.POINTS["operation_items"]
    circuit = solved.circuit.assign(city=solved.circuit["city"].str.title(),
                                    first_seen=pd.to_datetime(solved.circuit["first_seen"]))
    assert _score(capsys, m03.score_circuit, circuit)[0] == m03.POINTS["circuit"]
    assert _score(capsys, m03.score_clusters, pd.Series(solved.clusters))[0] >= 0.99 * m03.POINTS["clusters"]


@pytest.mark.parametrize(("function", "answer"), [(m03.score_operation_items, "quickads:1"),
                                                   (m03.score_victim_count, "eight"),
                                                   (m03.score_victim_count, None),
                                                   (m03.score_clusters, ["quickads:1"]),
                                                   (m03.score_circuit, 42)])
def test_unusable_types_raise_a_clear_message(world, monkeypatch, function, answer) -> None:
    monkeypatch.setenv("OSINTLAB_WORLD", str(world))
    with pytest.raises(TypeError, match="Expected"):
        function(answer)


def test_self_check_agrees_with_the_grader(world, solved, capsys) -> None:
    check(f"{M03}/operation-items", solved.operation_items)
    check(f"{M03}/victim-count", solved.victim_count)
    check(f"{M03}/circuit-cities", solved.circuit)
    out, err = capsys.readouterr()
    assert err == "" and out.count("Well done") == 3, out
    check(f"{M03}/victim-count", solved.victim_count + 1)
    check(f"{M03}/operation-items", "not a list")
    out, err = capsys.readouterr()
    assert err == "" and "Not quite" in out and "Expected a list" in out


def test_refs_are_read_leniently() -> None:
    assert linkanswers.canonical_ref("QuickAds #0075") == "quickads:75"
    assert linkanswers.canonical_ref("companions/12") == "companions:12"
    assert linkanswers.canonical_ref("jobboard:3") is None
    assert linkanswers.city_slug("Kraków") == "krakow"
