"""Module 04's answer readers, method steps, hidden checks and self-check, against a generated world.

Every score must be a float rounded to 2 decimals, print nothing to stderr (nbgrader gives such a cell
0) and never print an expected value; blank answers score 0, the reference full marks; the self-check
must agree with the hidden grader.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from graders.lab.selfcheck import check
from graders.modules.m04_recruitment_on_social_media import answers as sa
from graders.modules.m04_recruitment_on_social_media import checks as m04
from graders.modules.m04_recruitment_on_social_media import method
from synth.vocab import socialtext as S
from synth.vocab.platforms import ALL_PLATFORMS

M04 = m04.MODULE


# ---- readers (no world needed) ------------------------------------------------------------------------------

def test_the_readers_know_every_platform() -> None:
    assert sa.PLATFORMS == ALL_PLATFORMS


@pytest.mark.parametrize("written", ["circle:12", "Circle 12", "circle/12", " CIRCLE #0012 ", "circle_12"])
def test_account_refs_are_read_leniently(written: str) -> None:
    assert sa.canonical_account(written) == "circle:12"


@pytest.mark.parametrize(("written", "expected"), [("StaffSpot 21", "staffspot:21"), ("chirp:7", "chirp:7"),
                                                   ("quickads:7", None), ("circle", None), (None, None),
                                                   (float("nan"), None), ("facebook:3", None)])
def test_account_refs_name_a_platform(written, expected) -> None:
    assert sa.canonical_account(written) == expected


@pytest.mark.parametrize(("written", "expected"), [("quickads:75", "quickads:75"), ("QuickAds 75", "quickads:75"),
                                                   ("companions/12", "companions:12"), ("WorkAbroad 3", "jobboard:3"),
                                                   ("jobboard #3", "jobboard:3"), ("circle:3", None)])
def test_item_refs_are_read_leniently(written, expected) -> None:
    assert sa.canonical_item(written) == expected


def test_accounts_from_a_table_with_platform_and_id() -> None:
    table = pd.DataFrame({"platform": ["circle", "chirp", None], "account_id": [12, 7, 3]})
    assert sa.account_items(table) == [["circle:12"], ["chirp:7"], []]
    assert sa.account_items(pd.DataFrame({"ref": ["Circle 12"]})) == [["circle:12"]]
    with pytest.raises(sa.AnswerShapeError, match="no 'ref' column"):
        sa.account_items(pd.DataFrame({"id": [1]}))


EXPECTED_LINKS = {"circle:12": {"quickads:75", "companions:3"}, "chirp:7": {"jobboard:4"}}


@pytest.mark.parametrize("answer", [
    {"circle:12": ["quickads:75", "Companions 3"], "Chirp 7": "WorkAbroad 4"},
    {"circle:12": "quickads:75, companions:3", "chirp:7": ["jobboard:4"]},
    [("circle:12", "quickads:75"), ("companions:3", "circle/12"), ["chirp:7", "jobboard:4"]],
    [{"account": "circle:12", "ad": "quickads:75"}, {"account": "circle:12", "ad": "companions:3"},
     {"account": "chirp:7", "ad": "jobboard:4"}],
    pd.DataFrame({"account": ["circle:12", "circle:12", "chirp:7"],
                  "ad": ["quickads:75", "companions:3", "jobboard:4"]}),
    pd.DataFrame({"who": ["circle:12", "chirp:7"], "ads": [["quickads:75", "companions:3"], ["jobboard:4"]]}),
    pd.DataFrame({"x": ["quickads:75", "companions:3", "jobboard:4"], "y": ["circle:12", "circle:12", "chirp:7"]}),
    pd.Series({"circle:12": ["quickads:75", "companions:3"], "chirp:7": ["jobboard:4"]}),
])
def test_links_in_any_shape_read_the_same(answer) -> None:
    assert sa.link_pairs(answer) == EXPECTED_LINKS


def test_unreadable_links_are_counted_not_raised() -> None:
    links, unreadable = sa.read_links([("circle:12", "quickads:75"), ("circle:12", "circle:13"), ("x", "y")])
    assert links == {"circle:12": {"quickads:75"}} and unreadable == 2


@pytest.mark.parametrize("answer", ["circle:12 quickads:75", 42, [("circle:12", "quickads:75", "extra")],
                                    pd.DataFrame({"a": [1], "b": [2], "c": [3]})])
def test_unusable_link_shapes_explain_the_expected_shape(answer) -> None:
    with pytest.raises(sa.AnswerShapeError, match="Expected|Each link"):
        sa.link_pairs(answer)


def test_front_names_compare_without_case_spaces_or_accents() -> None:
    assert m04.front_share(" goldenstaff  INTERNATIONAL ", "GoldenStaff International") == 1.0
    assert m04.front_share("Golden Staff International", "GoldenStaff International") == 1.0
    assert m04.front_share("GoldenStaff", "GoldenStaff International") == m04.FRONT_PART_SHARE
    assert m04.front_share("International", "GoldenStaff International") == 0.0
    assert m04.front_share("", "GoldenStaff International") == 0.0
    assert m04.front_share("GoldenStaff International Jobs Europe", "GoldenStaff International") == 0.0
    assert sa.front_items(["Nová Práce s.r.o."]) == [["novapracesro"]]
    with pytest.raises(sa.AnswerShapeError, match="Expected the agency's name"):
        sa.front_answer(None)


def test_link_scores_weigh_accounts_not_ads() -> None:
    truth = {"circle:1": ["quickads:1", "quickads:2"], "swapit:2": [f"quickads:{i}" for i in range(10, 210)]}
    one_each = {"circle:1": {"quickads:1"}, "swapit:2": {"quickads:10"}}
    assert m04.link_scores(one_each, truth) == (1.0, 1.0, 1.0)
    precision, coverage, f1 = m04.link_scores({"circle:1": {"quickads:1"}}, truth)
    assert (precision, coverage) == (1.0, 0.5) and round(f1, 3) == 0.667
    # A namesake's account (not in the key) costs precision, whatever it links to.
    precision, coverage, _ = m04.link_scores({**one_each, "talkhub:9": {"quickads:1"}}, truth)
    assert (round(precision, 3), coverage) == (0.667, 1.0)
    assert m04.link_scores({}, truth) == (0.0, 0.0, 0.0)
    assert m04.link_scores({}, {}) == (1.0, 1.0, 1.0)
    assert m04.link_scores(one_each, {}) == (0.0, 0.0, 0.0)


# ---- the method's steps ------------------------------------------------------------------------------------

def test_handles_in_prose_and_warnings_without_one() -> None:
    assert method.handles_in("Pisz tylko na TG: goldenstaff_hr76.") == {"telegram:goldenstaff_hr76"}
    assert method.handles_in("Write me on @lux_lon67 on Telegram, I will send") == {"telegram:lux_lon67"}
    assert method.handles_in("Jobs · telegram: @Novawork_HR1 · Telegram @x_y.z") == {"telegram:novawork_hr1",
                                                                                      "telegram:x_y.z"}
    warning = S.WARNING["en"][0].format(contact="+44 7700 900123")
    assert method.handles_in(warning) == set()
    assert method.handles_in(S.WARNING["ru"][0].format(contact="x")) == set()


def test_phones_in_prose_try_the_lab_countries() -> None:
    assert "+380606401466" in method.phones_in("Call 060-640-1466", ["GB", "UA"])
    assert method.phones_in("Call +44 7700 900518", ["RO"]) == {"+447700900518"}
    assert method.phones_in("Salary €3,100 per month, for women aged 19–30.", ["GB"]) == set()


@pytest.mark.parametrize("lang", S.LANGS)
def test_cues_in_combination_flag_offers_and_spare_honest_posts(lang: str) -> None:
    contact = "Telegram @goldenstaff_hr76"
    full = {"opener": 1, "job": 0, "country": "DE", "pay": 3100, "fee": 400,
            "cues": {"fee": False, "flight": True, "noexp": True}}
    from synth.build.social.campaigns import hostess_offer, labour_offer

    assert method.is_recruitment_offer(labour_offer(lang, full, contact, "GoldenStaff International", False))
    fee_only = {**full, "cues": {"fee": True, "flight": False, "noexp": False}}
    assert method.is_recruitment_offer(labour_offer(lang, fee_only, "+380 60 640 1466", "X", False))
    assert method.is_recruitment_offer(hostess_offer(lang, full, contact))
    agency = S.AGENCY[lang].format(company="Nowak Staffing", reg="KRAZ 1234", job="cleaners", country="DE",
                                   pay="€2,900", contact="jobs@nowak.example")
    volunteer = S.VOLUNTEER[lang][0].format(city="Kraków", to="Lviv", contact="TG: tola386")
    honest = S.HONEST_JOB[lang].format(company="Acme", job="cleaner", city="London", pay="£2,390",
                                       extra=S.HONEST_EXTRA[lang][1], contact="07700 900123")
    for text in (agency, volunteer, honest):
        assert not method.is_recruitment_offer(text), text


def test_username_families_and_enumeration() -> None:
    assert method.username_family("batih.ustym") == method.username_family("batih.ustim")
    assert method.username_family("hanna_yerchenko") == method.username_family("ganna_yerchenko98")
    assert method.username_family("piotrk63") != method.username_family("kornelia95")
    accounts = pd.DataFrame({"ref": ["circle:1", "talkhub:2", "penly:3"],
                             "username": ["piotrk63", "PiotrK63", "piotr.k"]})
    assert method.enumerate_username(accounts, "piotrk63")["ref"].tolist() == ["circle:1", "talkhub:2", "penly:3"]


# ---- against a generated world -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def world(world_factory) -> Path:
    return world_factory(2026, "default")


@pytest.fixture(scope="module")
def solved(world: Path) -> m04.Findings:
    return m04.reference_solution(m04.tables_from_public_db(world))


@pytest.fixture(autouse=True)
def _select_world(world: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OSINTLAB_WORLD", str(world))


def _key(world: Path) -> dict:
    return json.loads((world / "key" / "answer_key.json").read_text(encoding="utf-8"))["modules"][M04]


def _score(capsys, function, answer) -> tuple[float, str]:
    points = function(answer)
    out, err = capsys.readouterr()
    assert err == "", "a scoring function must not write to stderr"
    assert isinstance(points, float) and points == round(points, 2)
    return points, out


def test_the_method_gets_full_marks_and_blank_answers_none(solved, capsys) -> None:
    accounts = solved.recruiter_accounts
    assert _score(capsys, m04.score_recruiter_accounts, accounts)[0] == m04.POINTS["recruiter_accounts"]
    assert _score(capsys, m04.score_front, solved.front)[0] == m04.POINTS["front"]
    assert _score(capsys, m04.score_account_ads, solved.account_ads)[0] == m04.POINTS["account_ads"]
    assert _score(capsys, m04.score_recruiter_accounts, [])[0] == 0.0
    assert _score(capsys, m04.score_front, "")[0] == 0.0
    assert _score(capsys, m04.score_account_ads, {})[0] == 0.0
    assert _score(capsys, m04.score_account_ads, pd.DataFrame(columns=["account", "ad"]))[0] == 0.0


def test_the_method_finds_the_posts_and_no_namesake(world, solved) -> None:
    key = _key(world)
    assert solved.recruitment_posts == key["recruitment_posts"]
    assert not set(solved.account_ads) & set(key["namesakes"])


def test_partial_credit(world, solved, capsys) -> None:
    key = _key(world)
    half = solved.recruiter_accounts[: len(solved.recruiter_accounts) // 2]
    points, out = _score(capsys, m04.score_recruiter_accounts, half)
    assert 0 < points < m04.POINTS["recruiter_accounts"] and "precision 1.00" in out
    with_volunteers = solved.recruiter_accounts + [r for r, v in json.loads(
        (world / "key" / "answer_key.json").read_text(encoding="utf-8"))["social"].items()
        if v["persona"] == "volunteer" and r.split(":")[0] in ("chirp", "circle")][:10]
    assert 0 < _score(capsys, m04.score_recruiter_accounts, with_volunteers)[0] < m04.POINTS["recruiter_accounts"]
    assert _score(capsys, m04.score_front, key["front"].split()[0])[0] == round(m04.FRONT_PART_SHARE, 2)
    one_each = {account: items[:1] for account, items in solved.account_ads.items()}
    assert _score(capsys, m04.score_account_ads, one_each)[0] == m04.POINTS["account_ads"]
    some = dict(list(solved.account_ads.items())[:5])
    points, out = _score(capsys, m04.score_account_ads, some)
    assert 0 < points < m04.POINTS["account_ads"] and "precision 1.00" in out
    by_namesake = {**solved.account_ads, key["namesakes"][0]: solved.account_ads[next(iter(solved.account_ads))]}
    assert 0 < _score(capsys, m04.score_account_ads, by_namesake)[0] < m04.POINTS["account_ads"]


def test_answers_in_other_forms_read_the_same(solved, capsys) -> None:
    spelled = [ref.replace(":", " ").title() for ref in solved.recruiter_accounts]  # "Circle 421"
    assert _score(capsys, m04.score_recruiter_accounts, spelled)[0] == m04.POINTS["recruiter_accounts"]
    table = pd.DataFrame([ref.split(":") for ref in solved.recruiter_accounts], columns=["platform", "account_id"])
    assert _score(capsys, m04.score_recruiter_accounts, table)[0] == m04.POINTS["recruiter_accounts"]
    assert _score(capsys, m04.score_front, f"  {solved.front.upper()} ")[0] == m04.POINTS["front"]
    pairs = [(item, account) for account, items in solved.account_ads.items() for item in items]  # reversed
    assert _score(capsys, m04.score_account_ads, pairs)[0] == m04.POINTS["account_ads"]
    frame = pd.DataFrame(pairs, columns=["ad_ref", "account_ref"])
    assert _score(capsys, m04.score_account_ads, frame)[0] == m04.POINTS["account_ads"]


def test_feedback_never_shows_the_answer(world, solved, capsys) -> None:
    key = _key(world)
    _, out = _score(capsys, m04.score_front, "Jobs Europe")
    assert key["front"].split()[0].lower() not in out.lower()
    _, out = _score(capsys, m04.score_recruiter_accounts, solved.recruiter_accounts[:3])
    assert not any(ref in out for ref in key["recruiter_accounts"])
    _, out = _score(capsys, m04.score_account_ads, dict(list(solved.account_ads.items())[:2]))
    assert not any(item in out for items in key["account_ads"].values() for item in items)
    assert not any(account in out for account in key["account_ads"])


@pytest.mark.parametrize(("function", "answer"), [(m04.score_recruiter_accounts, "circle:1"),
                                                   (m04.score_recruiter_accounts, {"circle:1": 1}),
                                                   (m04.score_front, None), (m04.score_front, 42),
                                                   (m04.score_account_ads, "circle:1 quickads:2"),
                                                   (m04.score_account_ads, 42)])
def test_unusable_types_raise_a_clear_message(function, answer) -> None:
    with pytest.raises(TypeError, match="Expected"):
        function(answer)


def test_self_check_agrees_with_the_grader(world, solved, capsys) -> None:
    check(f"{M04}/recruiter-accounts", solved.recruiter_accounts)
    check(f"{M04}/front", solved.front.lower())
    check(f"{M04}/account-ads", solved.account_ads)
    out, err = capsys.readouterr()
    assert err == "" and out.count("Well done") == 3, out
    some = dict(list(solved.account_ads.items())[:5])
    check(f"{M04}/account-ads", some)
    out, _ = capsys.readouterr()
    precision, coverage, _ = m04.link_scores(some, _key(world)["account_ads"])
    assert f"Precision {precision:.2f}" in out and f"Coverage {coverage:.2f}" in out
    check(f"{M04}/front", "Jobs Europe")
    check(f"{M04}/recruiter-accounts", "not a list")
    check(f"{M04}/account-ads", 42)
    out, err = capsys.readouterr()
    assert err == "" and "Not quite" in out and out.count("Expected") == 2


def test_check_links_describes_without_the_key(solved, capsys) -> None:
    sa.check_links(solved.account_ads)
    sa.check_links([("circle:1", "nothing")])
    sa.check_links("nonsense")
    out, err = capsys.readouterr()
    assert err == "" and f"{len(solved.account_ads)} accounts linked" in out
    assert "1 entries are not one account and one ad" in out and "Expected links" in out
