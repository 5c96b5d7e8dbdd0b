"""Hidden checks of module 01 against a hand-made key: full, none, partial, and unusable answers.

Every check must return points rounded to 2 decimals, print nothing to stderr (nbgrader would give
the cell 0) and never print an expected value.
"""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

from graders.modules.m01_scraping_ad_sites import checks as m01


def _table(world, ids: list[int]) -> pd.DataFrame:
    """The rows a perfect scraper would collect for ``ids``, straight from the public database."""
    db = sqlite3.connect(world.path / "public" / "site.sqlite")
    rows = [db.execute("SELECT ad_id, title, display_name, phone, city, posted_at FROM quickads_ads "
                       "WHERE ad_id = ?", (i,)).fetchone() for i in ids]
    db.close()
    return pd.DataFrame(rows, columns=["ad_id", "title", "name", "phone", "city", "posted_at"])


def score(capsys, function, answer) -> tuple[float, str]:
    points = function(answer)
    out, err = capsys.readouterr()
    assert err == "", "a scoring function must not write to stderr"
    assert isinstance(points, float) and points == round(points, 2)
    return points, out


def test_city_ads_full_marks(world, capsys) -> None:
    points, out = score(capsys, m01.score_city_ads, _table(world, world.brief_ids))
    assert points == 4.0
    assert "F1 1.00" in out and "100%" in out


def test_city_ads_accepts_a_list_of_dicts_and_other_id_forms(world, capsys) -> None:
    table = _table(world, world.brief_ids)
    table["ad_id"] = table["ad_id"].astype(str)
    table["posted_at"] = pd.to_datetime(table["posted_at"])  # a parsed time is still the same time
    assert score(capsys, m01.score_city_ads, table.to_dict("records"))[0] == 4.0


def test_city_ads_empty_scores_zero(world, capsys) -> None:
    empty = pd.DataFrame(columns=["ad_id", "title", "phone", "posted_at"])
    assert score(capsys, m01.score_city_ads, empty)[0] == 0.0


def test_city_ads_half_scores_partially(world, capsys) -> None:
    half = world.brief_ids[: len(world.brief_ids) // 2]
    points, _ = score(capsys, m01.score_city_ads, _table(world, half))
    # F1 of half the ads is 2/3 -> 2 of 3 points; fields right for half the ads -> 0.5 of 1.
    assert points == 2.5


def test_city_ads_wrong_fields_and_extra_ads_cost_points(world, capsys) -> None:
    table = _table(world, world.brief_ids + [9, 10])
    table["phone"] = "unknown"
    points, out = score(capsys, m01.score_city_ads, table)
    f1 = 2 * 0.8 * 1.0 / 1.8  # 8 of 10 listed ads are right, all 8 found
    assert points == round(3 * f1 + 2 / 3, 2)
    assert "67%" in out  # title and posted_at right, phone wrong


def test_city_ads_missing_columns_lose_only_the_field_point(world, capsys) -> None:
    points, out = score(capsys, m01.score_city_ads, pd.DataFrame({"ad_id": world.brief_ids}))
    assert points == 3.0
    assert "no column 'title', 'phone', 'posted_at'" in out


@pytest.mark.parametrize("answer", [None, "1, 2, 3", 42, [1, 2, 3]])
def test_city_ads_unusable_type_raises_a_clear_message(world, answer) -> None:
    with pytest.raises(TypeError, match="DataFrame"):
        m01.score_city_ads(answer)


def test_city_ads_without_ad_id_column_raises_a_clear_message(world) -> None:
    with pytest.raises(TypeError, match="no 'ad_id' column"):
        m01.score_city_ads(pd.DataFrame({"id": [1]}))


def test_shared_phones_full_marks_in_any_written_form(world, capsys) -> None:
    points, out = score(capsys, m01.score_shared_phones, ["490 972 860", "07700-900456"])
    assert points == 3.0
    for phone in world.shared_phones:
        assert phone not in out
    assert score(capsys, m01.score_shared_phones, pd.Series(["48490972860", "447700900456"]))[0] == 3.0
    assert score(capsys, m01.score_shared_phones, {"+48490972860", "+447700900456"})[0] == 3.0


def test_shared_phones_empty_half_and_extra(world, capsys) -> None:
    assert score(capsys, m01.score_shared_phones, [])[0] == 0.0
    assert score(capsys, m01.score_shared_phones, ["490972860"])[0] == 2.0  # F1 2/3
    # one right, one wrong, written twice: precision 1/2, recall 1/2
    assert score(capsys, m01.score_shared_phones, ["490972860", "07700 900123", "+44 7700 900123"])[0] == 1.5


@pytest.mark.parametrize("answer", [None, "07700 900456", 447700900456])
def test_shared_phones_unusable_type_raises_a_clear_message(world, answer) -> None:
    with pytest.raises(TypeError, match="list of phone numbers"):
        m01.score_shared_phones(answer)


def test_parse_ad_full_marks(web, parse_ad, capsys) -> None:
    points, out = score(capsys, m01.score_parse_ad, parse_ad)
    assert points == 2.0
    assert f"read {6 * m01.PARSE_SAMPLE} of {6 * m01.PARSE_SAMPLE} fields correctly" in out


def test_parse_ad_partial_and_broken(web, parse_ad, capsys) -> None:
    def no_phone(html: str) -> dict[str, object]:
        result = parse_ad(html)
        result.pop("phone")
        return result

    points, out = score(capsys, m01.score_parse_ad, no_phone)
    assert points == round(2 * 5 / 6, 2)
    assert "'phone' is missing or differs" in out

    def unfinished(html: str) -> dict[str, object]:
        raise NotImplementedError()

    points, out = score(capsys, m01.score_parse_ad, unfinished)
    assert points == 0.0
    assert "stopped with NotImplementedError" in out


def test_parse_ad_noisy_function_does_not_write_to_stderr(web, parse_ad, capsys) -> None:
    import sys
    import warnings

    def noisy(html: str) -> dict[str, object]:
        warnings.warn("a trainee's warning", stacklevel=1)
        print("debugging", file=sys.stderr)
        return parse_ad(html)

    assert score(capsys, m01.score_parse_ad, noisy)[0] == 2.0


def test_parse_ad_not_a_function(world) -> None:
    with pytest.raises(TypeError, match="must be a function"):
        m01.score_parse_ad("parse_ad")


def test_parse_sample_is_deterministic_and_mixes_brief_and_other_ads(world) -> None:
    from graders.grading.key import load_public_db
    from graders.modules.m01_scraping_ad_sites.quickads import PublicAds

    with load_public_db() as db:
        public = PublicAds(db)
        key = {"city": "london", "category": "personal-services"}
        first = m01._parse_sample(public, key, "w-1")
        assert first == m01._parse_sample(public, key, "w-1")
        assert len(first) == m01.PARSE_SAMPLE == len(set(first))
        assert sum(i in world.brief_ids for i in first) == m01.PARSE_SAMPLE // 2
