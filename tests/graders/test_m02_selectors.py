"""Module 02's hidden checks, self-check and taught method against a hand-made world.

Every profile below writes its selectors in one of the disguises of ``synth.vocab.selectors``, and the
selectors it holds are written next to it, so a failure says which disguise broke. The checks must
return points rounded to 2 decimals, print nothing to stderr (nbgrader gives such a cell 0), never
print an expected value, and agree with the self-check.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from graders.lab.selfcheck import check
from graders.modules.m02_selectors_and_normalisation import answers as selectors
from graders.modules.m02_selectors_and_normalisation import checks as m02
from graders.modules.m02_selectors_and_normalisation import method as m02_method
from synth.vocab.canon import item_hash

M02 = "02-selectors-and-normalisation"
SALT = "0bfu5ca7"
CITIES = [("london", "London", "GB"), ("warsaw", "Warsaw", "PL"), ("krakow", "Kraków", "PL"),
          ("kyiv", "Kyiv", "UA"), ("bucharest", "Bucharest", "RO"), ("cluj-napoca", "Cluj-Napoca", "RO")]

# (profile_id, city, text, {kind: [selectors in standard form]})
PROFILES = [
    (1, "london", "I'm Mila, based in London. Calm and discreet. Contact: 07700 900123 · "
                  "mila.k at postbox dot example",
     {"phone": ["+447700900123"], "email": ["mila.k@postbox.example"], "handle": []}),
    (2, "london", "Clara, 25, Polish, young and sweet. 100% real photos. Dinner dates in London, 24/7. "
                  "+4️⃣8️⃣ 4️⃣9️⃣ 1️⃣6️⃣9️⃣ 7️⃣5️⃣ 3️⃣0️⃣ · TG: Lux_Lon92",
     {"phone": ["+48491697530"], "email": [], "handle": ["telegram:lux_lon92"]}),
    (3, "warsaw", "Jestem Ada, pracuję samodzielnie w mieście Warsaw. Kontakt: cztery dziewięć 1 - trzy sześć "
                  "dziewięć - dwa cztery trzy",
     {"phone": ["+48491369243"], "email": [], "handle": []}),
    (4, "london", "Ioana (28) — new in town! Dinner dates, London centre. +484918 … and then 15127 · "
                  "@lux_lon67 on Telegram",
     {"phone": ["+48491815127"], "email": [], "handle": ["telegram:lux_lon67"]}),
    (5, "kyiv", "Я Олена, працюю самостійно, Kyiv. Контакт: нуль сім нуль - вісім 3 один - шість два нуль шість · "
                "olena(at)posta(dot)example",
     {"phone": ["+380708316206"], "email": ["olena@posta.example"], "handle": []}),
    (6, "bucharest", "Sunt Ana, în Bucharest. Contact: +4O 714 49O 166 · ana [at] mailhub.example · "
                     "telegram: @vip_buc12",
     {"phone": ["+40714490166"], "email": ["ana@mailhub.example"], "handle": ["telegram:vip_buc12"]}),
    (7, "london", "Nataliya, 28, Ukrainian. Relaxing massage in London, 24/7. zero zero four eight four nine zero "
                  "nine seven two eight six zero · Telegram @angels_lon75",
     {"phone": ["+48490972860"], "email": [], "handle": ["telegram:angels_lon75"]}),
    (8, "cluj-napoca", "Sunt Ruby, în Cluj-Napoca. Contact: 071_562_664_3 · Ruby.Lee@Inbox.Example",
     {"phone": ["+40715626643"], "email": ["ruby.lee@inbox.example"], "handle": []}),
    (9, "london", "I'm Yana, based in London. Bookings through our reception: 07700 900148",
     {"phone": ["+447700900148"], "email": [], "handle": []}),
    (10, "krakow", "Jestem Dana, Kraków. Kontakt: + 4 4 7 7 0 0 9 0 0 7 1 9",
     {"phone": ["+447700900719"], "email": [], "handle": []}),
]
REGION = {slug: country for slug, _, country in CITIES}


def _expected_rows() -> list[dict[str, object]]:
    return [{"profile_id": pid, "kind": kind, "value": value}
            for pid, _, _, found in PROFILES for kind, values in found.items() for value in values]


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def build_m02_world(root: Path) -> Path:
    """A world with the Companions profiles above, its key and its self-check hashes."""
    (root / "public").mkdir(parents=True)
    db = sqlite3.connect(root / "public" / "site.sqlite")
    db.executescript("""
        CREATE TABLE cities (slug TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL);
        CREATE TABLE companions_profiles (profile_id INTEGER PRIMARY KEY, city TEXT, name TEXT, age INTEGER,
          nationality TEXT, languages TEXT, headline TEXT, text TEXT, contact TEXT, rate TEXT, posted_at TEXT,
          bumped_at TEXT);
    """)
    db.executemany("INSERT INTO cities VALUES (?, ?, ?)", CITIES)
    db.executemany("INSERT INTO companions_profiles VALUES (?, ?, 'X', NULL, NULL, 'en', 'h', ?, ?, '€1', "
                   "'2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z')",
                   [(pid, city, text, text.split(": ")[-1]) for pid, city, text, _ in PROFILES])
    db.commit()
    db.close()
    _write_json(root / "public" / "briefs.json", {M02: {"site": "companions", "text": "Extract every selector."}})
    key_selectors = {str(pid): {f"{k}s": sorted(v) for k, v in found.items()} for pid, _, _, found in PROFILES}
    _write_json(root / "key" / "answer_key.json", {
        "world_id": "w-m02", "seed": 0, "preset": "tiny", "people": {}, "operations": {}, "ads": {},
        "modules": {M02: {"site": "companions", "profile_ids": [p[0] for p in PROFILES],
                          "selectors": key_selectors}}})
    questions = {}
    for kind, qid in selectors.QUESTION_IDS.items():
        items = sorted({f"{pid}|{v}" for pid, found in key_selectors.items() for v in found[f"{kind}s"]})
        questions[qid] = {"kind": "set", "count": len(items), "hashes": sorted(item_hash(SALT, qid, i) for i in items)}
    _write_json(root / "selfcheck.json", {"world_id": "w-m02", "salt": SALT, "questions": questions})
    _write_json(root / "manifest.json", {"world_id": "w-m02", "seed": 0, "preset": "tiny", "files": {}})
    return root


@pytest.fixture
def m02_world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    world = build_m02_world(tmp_path / "world")
    monkeypatch.setenv("OSINTLAB_WORLD", str(world))
    return world


def score(capsys: pytest.CaptureFixture[str], function, answer) -> tuple[float, str]:
    points = function(answer)
    out, err = capsys.readouterr()
    assert err == "", "a scoring function must not write to stderr"
    assert isinstance(points, float) and points == round(points, 2)
    return points, out


# --- the taught method --------------------------------------------------------------------------

@pytest.mark.parametrize(("profile_id", "city", "text", "expected"), PROFILES, ids=[str(p[0]) for p in PROFILES])
def test_reference_extract_undoes_each_disguise(profile_id: int, city: str, text: str,
                                                expected: dict[str, list[str]]) -> None:
    assert m02_method.reference_extract(text, REGION[city]) == expected


def test_reference_extract_recovers_every_generated_phone_form() -> None:
    """synth.vocab.selectors' every style, language and ad country, for numbers of each lab country."""
    from synth.vocab.selectors import DIGIT_WORDS, PHONE_STYLES, obscured_phone

    rng = random.Random(3)
    numbers = ["+447700900553", "+48491815127", "+40714496426", "+380708316206", "+380602173602"]
    for e164 in numbers:
        for country in ("GB", "PL", "RO", "UA", "DE", "NL"):
            for style in PHONE_STYLES:
                for lang in DIGIT_WORDS:
                    for _ in range(4):
                        written = obscured_phone(e164, style, rng, lang, country)
                        text = f"Relaxing massage, 24/7. {written} · TG: vip_lon12"
                        assert m02_method.find_phones(text, country) == [e164], (style, lang, country, written)


def test_reference_extract_recovers_every_generated_email_and_handle_form() -> None:
    from synth.vocab.selectors import handle_text, obscured_email

    rng = random.Random(5)
    for _ in range(40):
        written = obscured_email("Olena-K.22@posta.example", rng)
        assert m02_method.find_emails(f"Contact: 0714 203 131 · {written}. Thanks") == ["olena-k.22@posta.example"]
        handle = handle_text("telegram", "@Lux_Lon67", rng)
        assert m02_method.find_handles(f"+48 49 181 51 27 · {handle}") == ["telegram:lux_lon67"]


@pytest.mark.parametrize("text", [
    "Ioana, 28, Romanian, young and sweet. 100% real photos, verified and professional. 24/7.",
    "Someone to talk to at night: one evening, two hours, from 19 to 23. Dinner at 8, drinks at 10.",
    "Jestem Ada. Spotkania po wcześniejszym umówieniu, dwa dni w tygodniu. O mnie: 23 lata.",
    "Telegram only, no calls. Write on Telegram.",
])
def test_reference_extract_finds_nothing_in_ordinary_text(text: str) -> None:
    assert m02_method.reference_extract(text, "GB") == {"phone": [], "email": [], "handle": []}


def test_naive_extract_sees_only_plain_forms() -> None:
    text = PROFILES[0][2] + " " + PROFILES[7][2]
    assert m02_method.naive_extract(text, "RO") == {"phone": [], "email": ["ruby.lee@inbox.example"], "handle": []}
    assert m02_method.naive_extract("Contact: 07700900123")["phone"] == ["07700900123"]
    assert m02_method.naive_extract("Contact: 07700900123", "GB")["phone"] == ["+447700900123"]


# --- scoring ------------------------------------------------------------------------------------

def test_full_marks_for_the_expected_table(m02_world, capsys) -> None:
    table = pd.DataFrame(_expected_rows())
    assert score(capsys, m02.score_phones, table)[0] == 4.0
    assert score(capsys, m02.score_emails, table)[0] == 2.0
    points, out = score(capsys, m02.score_handles, table)
    assert points == 2.0 and "F1 1.00" in out


def test_the_taught_method_on_the_public_profiles_gets_full_marks(m02_world) -> None:
    result = m02.score_method(m02_method.reference_extract, m02_world)
    assert result["total"] == 8.0 and result["share"] == 1.0
    assert m02.score_method(m02_method.naive_extract, m02_world)["share"] <= 0.5


def test_empty_answers_score_zero(m02_world, capsys) -> None:
    empty = pd.DataFrame(columns=["profile_id", "kind", "value"])
    for function in (m02.score_phones, m02.score_emails, m02.score_handles):
        assert score(capsys, function, empty)[0] == 0.0
        assert score(capsys, function, [])[0] == 0.0


def test_partial_credit_is_f1(m02_world, capsys) -> None:
    phones = [r for r in _expected_rows() if r["kind"] == "phone"][:5]
    wrong_profile = {"profile_id": 1, "kind": "phone", "value": "+48491697530"}  # profile 2's number
    points, out = score(capsys, m02.score_phones, phones + [wrong_profile])
    precision, recall = 5 / 6, 5 / 10
    assert points == round(4 * 2 * precision * recall / (precision + recall), 2)
    assert "+48491697530" not in out and "+447700900123" not in out  # no value is ever printed


def test_a_phone_without_country_code_does_not_count(m02_world, capsys) -> None:
    rows = [{"profile_id": 1, "kind": "phone", "value": "07700 900123"},
            {"profile_id": 2, "kind": "phone", "value": "+48 491 697 530"},   # spaces are fine
            {"profile_id": 4, "kind": "phone", "value": "0048-491-815-127"}]  # 00 is a country code too
    points, out = score(capsys, m02.score_phones, rows)
    precision, recall = 2 / 3, 2 / 10
    assert points == round(4 * 2 * precision * recall / (precision + recall), 2)
    assert "1 of your phones is not written as E.164" in out


def test_forms_and_shapes_that_read_the_same(m02_world, capsys) -> None:
    rows = _expected_rows()
    as_tuples = [(str(r["profile_id"]), r["kind"].upper() + "S", r["value"]) for r in rows]
    handles = [(r["profile_id"], "@" + str(r["value"]).split(":")[1].upper()) for r in rows if r["kind"] == "handle"]
    emails = pd.DataFrame([{"profile_id": float(r["profile_id"]), "selector": str(r["value"]).upper()}
                           for r in rows if r["kind"] == "email"])
    assert score(capsys, m02.score_phones, as_tuples)[0] == 4.0
    assert score(capsys, m02.score_handles, handles)[0] == 2.0      # no kind column: every row is a handle
    assert score(capsys, m02.score_emails, emails)[0] == 2.0        # 'selector' for 'value', upper case
    assert score(capsys, m02.score_emails, pd.DataFrame(rows).set_index("profile_id"))[0] == 2.0


def test_disguised_values_and_unknown_kinds_are_reported(m02_world, capsys) -> None:
    rows = [{"profile_id": 1, "kind": "email", "value": "mila.k at postbox dot example"},
            {"profile_id": 1, "kind": "website", "value": "mila.example"}]
    points, out = score(capsys, m02.score_emails, rows)
    assert points == 0.0
    assert "not written as a plain address" in out and "1 row has a 'kind'" in out


@pytest.mark.parametrize("answer", [None, "+48491697530", 42, {"phone": ["+48491697530"]}, [("only one",)]])
def test_unusable_types_raise_a_clear_message(m02_world, answer) -> None:
    with pytest.raises(TypeError, match="profile_id"):
        m02.score_phones(answer)


def test_table_without_the_needed_columns_raises_a_clear_message(m02_world) -> None:
    with pytest.raises(TypeError, match="'profile_id' and 'value'"):
        m02.score_phones(pd.DataFrame({"phone": ["+48491697530"]}))


# --- the self-check agrees with the grader ------------------------------------------------------

def test_self_check_says_well_done_for_the_expected_table(m02_world, capsys) -> None:
    table = pd.DataFrame(_expected_rows())
    for question in selectors.QUESTION_IDS.values():
        check(question, table)
    out, err = capsys.readouterr()
    assert err == "" and out.count("Well done") == 3, out
    assert "You listed 10 different (profile, phone) pairs; 10 of them are among the 10" in out


def test_self_check_counts_missing_extra_and_duplicates(m02_world, capsys) -> None:
    rows = [{"profile_id": 1, "kind": "phone", "value": "+447700900123"},
            {"profile_id": 1, "kind": "phone", "value": "+44 7700 900123"},
            {"profile_id": 3, "kind": "phone", "value": "491369243"}]
    check(selectors.QUESTION_IDS["phone"], rows)
    out = capsys.readouterr().out
    assert "1 of them are among the 10" in out
    assert "1 of your pairs is not in the profiles" in out and "E.164" in out
    assert "1 row repeats a pair" in out and "contact lines" in out
    check(selectors.QUESTION_IDS["handle"], rows)
    assert "You listed no Telegram handles" in capsys.readouterr().out


@pytest.mark.parametrize("answer", [None, "text", 3, {"a": 1}])
def test_self_check_explains_a_wrong_shape_and_never_raises(m02_world, capsys, answer) -> None:
    check(selectors.QUESTION_IDS["email"], answer)
    out, err = capsys.readouterr()
    assert err == "" and "'profile_id', 'kind' and 'value'" in out


def test_selector_reading_never_imports_the_key() -> None:
    """Module 02's answers module is trainee-facing: loading it and the self-check must not load the key."""
    code = textwrap.dedent("""
        import sys
        import graders.modules.m02_selectors_and_normalisation.answers, graders.lab.selfcheck
        key = ("graders.grading.key", "graders.modules.m02_selectors_and_normalisation.checks")
        print(",".join(sorted(m for m in sys.modules if m in key)))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


# --- the notebook teaches the calibrated method --------------------------------------------------

NOTEBOOK = (Path(__file__).resolve().parents[2] / "exercises" / "source" / M02 / f"{M02}.ipynb")
METHOD_CELLS = ("normaliser-keycaps", "digit-words", "normaliser-words", "normaliser-halves", "normaliser-clean",
                "phone-run", "q1-find-phones-solution", "email-patterns", "q2-find-emails-solution",
                "handle-patterns", "q3-find-handles-solution")


def _notebook_method() -> dict[str, object]:
    """The source notebook's normaliser cells, run in a namespace of their own (no server needed)."""
    import nbformat
    import phonenumbers

    nb = nbformat.read(NOTEBOOK, as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in nb.cells}
    assert set(METHOD_CELLS) <= set(cells), "a normaliser cell of the notebook was renamed or removed"
    contacts = [text for _, _, text, _ in PROFILES]
    namespace: dict[str, object] = {"re": __import__("re"), "pd": pd, "phonenumbers": phonenumbers,
                                    "profiles": pd.DataFrame({"contact": contacts})}
    for grade_id in METHOD_CELLS:
        exec(compile(cells[grade_id], f"<{grade_id}>", "exec"), namespace)  # the project's own notebook cells
    return namespace


def test_the_notebook_solution_is_the_calibrated_method(world_factory, capsys) -> None:
    """Same selectors as ``reference_extract`` on every profile of a generated world and of the hand-made one."""
    method = _notebook_method()
    capsys.readouterr()  # the cells' demonstration output
    world = world_factory(2026, "default")
    with sqlite3.connect(world / "public" / "site.sqlite") as db:
        profiles = m02_method.public_profiles(db)
    profiles += [(pid, text, REGION[city]) for pid, city, text, _ in PROFILES]
    for profile_id, text, region in profiles:
        taught = {"phone": method["find_phones"](text, region), "email": method["find_emails"](text),
                  "handle": method["find_handles"](text)}
        assert taught == m02_method.reference_extract(text, region), profile_id
