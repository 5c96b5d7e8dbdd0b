"""Module 07's readers, question list and hidden checks: answers in every shape, no leak, no stderr, no raise."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from graders.lab.selfcheck import check
from graders.modules.m07_following_the_money import answers as ma
from graders.modules.m07_following_the_money import checks as m07
from synth.vocab.canon import canonical_account
from tests.graders.test_m07_calibration import tables_of, with_productions

RATES = {"EUR": 1.0, "GBP": 1.17, "PLN": 0.234, "RON": 0.201, "UAH": 0.022}


@pytest.fixture(scope="module")
def world(world_factory) -> Path:
    return with_productions(world_factory(2026, "default"), 2026)


@pytest.fixture
def selected(world, monkeypatch) -> Path:
    monkeypatch.setenv("OSINTLAB_WORLD", str(world))
    return world


def key_of(world: Path) -> dict:
    return json.loads((world / "key" / "answer_key.json").read_text(encoding="utf-8"))["modules"][m07.MODULE]


def run(fn, *args) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        value = fn(*args)
    return value, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("written", "canonical"), [
    ("ZZ00 THMS 0123 4567 89", "ZZ00THMS0123456789"), ("zz00thms0123456789", "ZZ00THMS0123456789"),
    ("ZZ00-THMS-0123-4567-89", "ZZ00THMS0123456789"), ("~Olena.K93", "~olena.k93"), ("olena.k93", "~olena.k93"),
    ("12", ""), ("", "")])
def test_accounts_are_read_as_printed_with_or_without_spaces(written, canonical) -> None:
    assert canonical_account(written) == canonical


@pytest.mark.parametrize(("answer", "eur"), [
    (1234.5, 1234.5), ("EUR 1,234.50", 1234.5), ("1.234,50", 1234.5), ({"GBP": 100, "EUR": 10}, 127.0),
    (pd.Series({"UAH": 1000.0}), 22.0)])
def test_a_total_is_euros_or_a_dictionary_by_currency(answer, eur) -> None:
    assert ma.total_eur(answer, RATES) == pytest.approx(eur)


def test_labels_are_read_from_every_shape_and_spelling() -> None:
    want = {"T01": "funnel_account", "T02": "benign", "T03": "ad_fees"}
    assert ma.label_pairs({"T01": "Funnel account", "t2": "legitimate", 3: "AD-FEES"}) == want
    assert ma.label_pairs([("T01", "funnel"), ("T02", "benign"), ("T03", "ad fees")]) == want
    table = pd.DataFrame({"id": ["T01", "T02", "T03"], "label": ["funnel_account", "benign", "ad_fees"]})
    assert ma.label_pairs(table) == want
    assert ma.label_share(want, {"T01": ["funnel_account"], "T02": ["benign"], "T03": ["fan_in"]}) == (2, 3)


def test_the_question_list_mixes_benign_rows_and_leaks_nothing(world) -> None:
    brief = json.loads((world / "public" / "briefs.json").read_text(encoding="utf-8"))[m07.MODULE]
    rows, answers = brief["typology_questions"], key_of(world)["typology_questions"]
    assert [r["id"] for r in rows] == [f"T{i:02d}" for i in range(1, len(rows) + 1)] == sorted(answers)
    benign = [r["id"] for r in rows if answers[r["id"]] == ["benign"]]
    assert 0.25 <= len(benign) / len(rows) <= 0.5
    assert {"id", "institution", "account", "date", "amount", "currency", "counterparty", "description"} == set(rows[0])
    first_half = sum(1 for q in benign if int(q[1:]) <= len(rows) // 2)
    assert 0 < first_half < len(benign)  # shuffled: benign rows are not all at one end
    s = tables_of(world)["statements"]
    s = s.assign(acct=s["account"].map(canonical_account))
    for r in rows:  # every row is in the productions, exactly once
        hit = s[(s["institution"] == r["institution"]) & (s["acct"] == canonical_account(r["account"]))
                & (s["date"] == pd.Timestamp(r["date"])) & (s["amount_cents"] == round(float(r["amount"]) * 100))]
        assert len(hit) == 1, r


def test_the_reference_answers_score_and_self_check_full(selected) -> None:
    found = m07.reference_solution(tables_of(selected))
    points, out, err = run(m07.score_flagged_accounts, found.flagged_accounts)
    assert err == "" and points >= 0.9 * m07.POINTS["flagged_accounts"] and "precision" in out
    points, out, err = run(m07.score_organiser_total, found.organiser_total)
    assert err == "" and points == m07.POINTS["organiser_total"]
    points, out, err = run(m07.score_typology_labels, found.typology_labels)
    assert err == "" and points >= 0.9 * m07.POINTS["typology_labels"]
    _, out, err = run(check, f"{m07.MODULE}/organiser-total", found.organiser_total)
    assert err == "" and "within about 5 %" in out
    _, out, err = run(check, f"{m07.MODULE}/typology-labels", found.typology_labels)
    assert err == "" and "labels are right" in out
    _, out, err = run(check, f"{m07.MODULE}/flagged-accounts", found.flagged_accounts)
    assert err == "" and "accounts the operations control" in out


def test_wrong_answers_score_zero_without_raising_or_revealing(selected) -> None:
    truth = key_of(selected)
    for fn, answer in ((m07.score_flagged_accounts, ["ZZ00 THMS 0000 0000 00"]), (m07.score_flagged_accounts, []),
                       (m07.score_organiser_total, 0.01), (m07.score_typology_labels, {"T01": "nonsense"})):
        points, out, err = run(fn, answer)
        assert points == 0 and err == ""
        assert str(round(m07.truth_total(truth), 2)) not in out
    with pytest.raises(TypeError):
        run(m07.score_organiser_total, [1, 2])  # a wrong shape is a clear error, not a silent zero
    _, out, err = run(check, f"{m07.MODULE}/organiser-total", [1, 2])
    assert err == "" and "Expected the total" in out
