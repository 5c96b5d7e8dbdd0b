"""The trainee's self-check: right counts, plain words, never an exception, never the answer key."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from graders.lab.selfcheck import check, check_parse_ad

Q2 = "01-scraping-ad-sites/q2-city-ads"
Q3 = "01-scraping-ad-sites/q3-shared-phones"


def run(capsys: pytest.CaptureFixture[str], question: str, answer: object) -> str:
    check(question, answer)
    out, err = capsys.readouterr()
    assert err == "", "the self-check must print to stdout only"
    return out


def test_all_ads_found(world, capsys) -> None:
    ads = pd.DataFrame({"ad_id": world.brief_ids, "title": "x"})
    out = run(capsys, Q2, ads)
    assert f"You found {len(world.brief_ids)} of {len(world.brief_ids)} ads" in out
    assert "Well done" in out


def test_missing_extra_and_duplicate_ads_are_counted(world, capsys) -> None:
    given = world.brief_ids[:5] + [9, 10, world.brief_ids[0]]  # 9 is a job ad, 10 is in Warsaw
    out = run(capsys, Q2, pd.DataFrame({"ad_id": given}))
    assert f"You found 5 of {len(world.brief_ids)} ads" in out
    assert "2 of your ads are not in the brief's city and category" in out
    assert "1 ad appears more than once" in out
    assert "pagination" in out
    assert "Well done" not in out


def test_ad_ids_in_any_form(world, capsys) -> None:
    given = [str(i) for i in world.brief_ids[:2]] + [float(world.brief_ids[2]), f"#{world.brief_ids[3]}"]
    assert "You found 4 of" in run(capsys, Q2, given)
    assert "You found 2 of" in run(capsys, Q2, pd.Series(world.brief_ids[:2]))
    indexed = pd.DataFrame({"ad_id": world.brief_ids}).set_index("ad_id")
    assert "Well done" in run(capsys, Q2, indexed)


@pytest.mark.parametrize("answer", ["1, 2, 3", 42, None, {"ad_id": 1}])
def test_wrong_shape_explains_the_expected_shape(world, capsys, answer) -> None:
    out = run(capsys, Q2, answer)
    assert "Expected a list of ad ids" in out


def test_table_without_ad_id_column(world, capsys) -> None:
    out = run(capsys, Q2, pd.DataFrame({"id": [1, 2]}))
    assert "no 'ad_id' column" in out and "id" in out


def test_shared_phones_written_in_different_ways(world, capsys) -> None:
    # The Polish ring number in national digits-only form, the UK one in international form.
    out = run(capsys, Q3, ["490972860", "+44 7700 900456"])
    assert "2 of them are among the 2 numbers" in out
    assert "Well done" in out


def test_shared_phones_partial_and_extra(world, capsys) -> None:
    out = run(capsys, Q3, ["07700 900123", "48490972860", "48 490 972 860"])
    assert "You listed 2 different numbers; 1 of them is among the 2" in out
    assert "1 number is not shared" in out
    assert "Some shared numbers are missing" in out


def test_shared_phones_single_string_is_a_shape_error(world, capsys) -> None:
    assert "Expected a list of phone numbers" in run(capsys, Q3, "07700 900456")


def test_empty_items_are_reported(world, capsys) -> None:
    assert "1 item was empty or unreadable" in run(capsys, Q3, ["", "490972860"])


def test_unknown_question_and_missing_world_do_not_raise(world, capsys, monkeypatch, tmp_path) -> None:
    assert "There is no self-check called" in run(capsys, "01-scraping-ad-sites/q9", [1])
    monkeypatch.setenv("OSINTLAB_WORLD", str(tmp_path / "nowhere"))
    out = run(capsys, Q2, [1, 2])
    assert "could not run" in out and "does not change your grade" in out


def test_check_parse_ad_perfect_and_wrong(web, parse_ad, capsys) -> None:
    check_parse_ad(parse_ad)
    out, err = capsys.readouterr()
    assert err == ""
    assert "parse_ad reads every field of these pages" in out

    def sloppy(html: str) -> dict[str, object]:
        result = parse_ad(html)
        result["phone"] = "000"
        del result["posted_at"]
        return result

    check_parse_ad(sloppy)
    out = capsys.readouterr().out
    assert "4 of 6 fields are right" in out
    assert "'posted_at' is missing" in out
    assert "'phone': you returned '000', the page shows" in out


def test_check_parse_ad_survives_a_crashing_or_unfinished_function(web, capsys) -> None:

    def unfinished(html: str) -> dict[str, object]:
        raise NotImplementedError()

    check_parse_ad(unfinished)
    check_parse_ad(lambda html: "not a dict")
    check_parse_ad("parse_ad")
    out, err = capsys.readouterr()
    assert err == ""
    assert "stopped with NotImplementedError" in out
    assert "should return a dictionary" in out
    assert "should be a function" in out


def test_trainee_facing_modules_never_import_the_key() -> None:
    """Importing and running the self-check must not load graders.grading.key (docs/design.md §6)."""
    code = textwrap.dedent("""
        import sys
        import graders.lab.selfcheck, synth.vocab.canon, graders.lab.world, graders.lab.answers
        import graders.modules.m01_scraping_ad_sites.quickads
        key = ("graders.grading.key", "graders.modules.m01_scraping_ad_sites.checks")
        leaked = sorted(m for m in sys.modules if m in key)
        print(",".join(leaked))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_empty_phone_list_and_selector_hint(world, web, parse_ad, capsys) -> None:
    assert "Your list is empty" in run(capsys, Q3, [])

    def typo(html: str) -> dict[str, object]:
        from bs4 import BeautifulSoup

        return {"city": BeautifulSoup(html, "html.parser").select_one(".field-cty").get_text()}

    check_parse_ad(typo)
    assert "one of your selectors finds nothing" in capsys.readouterr().out
