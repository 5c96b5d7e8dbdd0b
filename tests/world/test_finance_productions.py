"""The productions (docs/finance.md §9): they parse back to the world's ledger, are byte-identical for the
same world, carry nothing key-only, and pass the safety scanner."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from graders.lab.productions import load_customers, load_exchange, load_statements
from synth.build.pipeline import build_world
from synth.build.social.personas import utc_offset
from synth.render.productions.orders import render_productions
from synth.render.productions.statements import ACCOUNT_CHANNELS, STAND_IN, ZONES, encodable
from synth.scan import document_text, scan_world
from synth.vocab.institutions import BANKS, BY_SLUG, CHANNELS, CURRENCIES
from synth.vocab.places import CITIES
from synth.vocab.schemes import format_account, is_safe_account_number, is_safe_handle, is_safe_wallet_address
from synth.vocab.translit import ascii_fold

SEED = 2026


@pytest.fixture(scope="module")
def world():
    return build_world(SEED, "small")


@pytest.fixture(scope="module")
def rendered(world, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("productions") / "public"
    render_productions(world, out)
    return out


@pytest.fixture(scope="module")
def statements(rendered) -> pd.DataFrame:
    return load_statements(rendered)


def canon(text: str) -> str:
    """Letters and digits only, accents and scripts folded: how two spellings of one name compare."""
    return re.sub(r"[^A-Z0-9]", "", ascii_fold(text).upper())


def expected_rows(world, institution: str) -> pd.DataFrame:
    """What ``institution``'s production must show, computed row by row from the ledger (not the renderer)."""
    f = world.finance
    c = f.ledger.columns
    stand_in = {a.holder: a for a in f.accounts}
    bank = BY_SLUG[institution].kind == "bank"
    zone = ZoneInfo(ZONES[BY_SLUG[institution].country]) if bank else timezone.utc
    ours = {a.account_id for a in f.accounts if a.institution == institution and a.kind != "merchant"}
    rows = []
    for i in range(len(f.ledger)):
        debit, credit = int(c["debit"][i]), int(c["credit"][i])
        for own, other, sign in ((debit, credit, -1), (credit, debit, 1)):
            if own not in ours:
                continue
            channel = CHANNELS[int(c["channel"][i])]
            amount = int(c["amount"][i] if sign < 0 else c["credit_amount"][i]) * sign
            currency = CURRENCIES[int(c["currency"][i] if sign < 0 else c["credit_currency"][i])]
            when = f.ledger.timestamp(i)
            peer = f.account(other) if other > 0 else None
            if bank and peer is not None and peer.institution in STAND_IN:
                peer = stand_in[STAND_IN[peer.institution]]
            if peer is None:
                cp_account = ""
            elif not bank:
                funding = peer.kind in ("personal", "business") and (sign > 0 or institution == "zapply")
                cp_account = peer.number if peer.kind == "app" else format_account(peer.number) if funding else ""
            else:
                cp_account = format_account(peer.number) if channel in ACCOUNT_CHANNELS else ""
            rows.append({"account": f.account(own).number if institution == "zapply" else
                         format_account(f.account(own).number), "ts": when, "date": when.astimezone(zone).date(),
                         "amount_cents": amount, "currency": currency, "counterparty_account": cp_account,
                         "cp_name": "" if peer is None or peer.kind == "app" else peer.holder_name,
                         "place": CITIES[int(c["city"][i])].name if peer is None and institution != "zapply" else "",
                         "description": f.ledger.descriptions[int(c["desc"][i])], "channel": channel})
    return pd.DataFrame(rows)


def _keys(frame: pd.DataFrame, with_time: bool) -> list[tuple]:
    when = frame["ts"].map(lambda t: t.strftime("%Y-%m-%dT%H:%M:%S")) if with_time else frame["date"].astype(str)
    return list(zip(frame["account"], when, frame["amount_cents"].astype(int), frame["currency"],
                    frame["counterparty_account"], strict=True))


@pytest.mark.parametrize("institution", [*BANKS, "zapply", "loadup"])
def test_every_production_parses_back_to_the_ledger(world, statements, institution) -> None:
    got = statements[statements["institution"] == institution].copy()
    want = expected_rows(world, institution)
    assert len(want) > 0
    with_time = institution not in ("thamesbank", "rheinbank")  # these two banks print dates only
    got["date"] = got["date"].dt.date.astype(str)
    want["date"] = want["date"].astype(str)
    assert Counter(_keys(got, with_time)) == Counter(_keys(want, with_time))
    if not with_time:
        assert got["ts"].isna().all()
    # Texts: aligned on the keys (ties broken by the text), then compared as each bank prints them.
    got = got.assign(k=_keys(got, with_time)).sort_values(["k", "description"], key=lambda s: s.map(str))
    want = want.assign(k=_keys(want, with_time))
    shown = {"thamesbank": str.upper, "dniprobank": lambda s: encodable(s, "cp1251")}.get(institution, lambda s: s)
    want["printed"] = want["description"].map(shown)
    want = want.sort_values(["k", "printed"], key=lambda s: s.map(str))
    for g, w in zip(got.itertuples(), want.itertuples(), strict=True):
        if institution == "thamesbank":
            assert w.printed in g.description
        else:
            assert g.description == w.printed
        assert canon(g.place) == canon(w.place)
        if g.counterparty_name or (institution != "thamesbank" and w.cp_name):
            assert canon(g.counterparty_name) == canon(w.cp_name)


def test_every_ledger_row_is_in_some_production(world, statements) -> None:
    f = world.finance
    customer = {a.account_id for a in f.accounts if a.kind != "merchant"}
    c = f.ledger.columns
    sides = sum(int(d in customer) + int(k in customer) for d, k in zip(c["debit"].tolist(), c["credit"].tolist(),
                                                                          strict=True))
    touched = sum(1 for d, k in zip(c["debit"].tolist(), c["credit"].tolist(), strict=True)
                  if d in customer or k in customer)
    assert touched == len(f.ledger)  # no row runs only between merchants and cash
    assert len(statements) == sides


def test_emoji_notes_survive_exactly_in_the_app_statement(world, statements) -> None:
    notes = set(statements.loc[statements["institution"] == "zapply", "description"])
    emoji = {t for t in world.finance.ledger.descriptions if any(ord(ch) > 0x2000 for ch in t)}
    assert emoji and emoji <= notes | {t for t in emoji if t not in set(_app_notes(world))}


def _app_notes(world) -> list[str]:
    f = world.finance
    app = {a.account_id for a in f.accounts if a.kind == "app"}
    c = f.ledger.columns
    return [f.ledger.descriptions[int(c["desc"][i])] for i in range(len(f.ledger))
            if int(c["debit"][i]) in app or int(c["credit"][i]) in app]


def test_customers_and_exchange(world, rendered) -> None:
    f = world.finance
    customers = load_customers(rendered)
    legacy = {"dniprobank": lambda name: encodable(name, "cp1251")}  # the Ukrainian bank's Windows-1251
    want = {(a.institution, format_account(a.number) if a.kind != "app" else a.number,
             legacy.get(a.institution, str)(a.holder_name))
            for a in f.accounts if a.kind != "merchant" and a.institution != "coinbridge"}
    assert set(zip(customers["institution"], customers["account"], customers["name"], strict=True)) == want
    kinds = {format_account(a.number): a.kind for a in f.accounts if a.kind in ("personal", "business")}
    banks = customers[customers["institution"].isin(BANKS)]
    assert all(kinds[n] == k for n, k in zip(banks["account"], banks["kind"], strict=True))
    register, fiat = load_exchange(rendered)
    names = {a.holder: a.holder_name for a in f.accounts if a.kind == "personal"}
    by_address = dict(zip(register["Deposit address"], register["Full name"], strict=True))
    assert {a: by_address[a] for a in f.exchange_customers} == {a: names[h] for a, h in f.exchange_customers.items()}
    exchange = next(a.account_id for a in f.accounts if a.holder == "merchant:coinbridge")
    c = f.ledger.columns
    rows = [(f.ledger.timestamp(i).strftime("%Y-%m-%dT%H:%M:%SZ"),
             int(c["credit_amount"][i] if c["credit"][i] == exchange else c["amount"][i]))
            for i in range(len(f.ledger)) if exchange in (c["debit"][i], c["credit"][i])]
    assert Counter(zip(fiat["Time (UTC)"], fiat["amount_cents"], strict=True)) == Counter(rows)


def test_bank_clocks_agree_with_the_worlds_local_time() -> None:
    for country, zone in ZONES.items():
        for day in range(0, 365, 5):
            for hour in (0, 1, 2, 13):
                when = datetime(2026, 1, 1, hour, 30, tzinfo=timezone.utc) + timedelta(days=day)
                assert when.astimezone(ZoneInfo(zone)).utcoffset() == timedelta(hours=utc_offset(country, when))


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_byte_identical_for_the_same_world(world, rendered, tmp_path) -> None:
    again = tmp_path / "public"
    render_productions(build_world(SEED, "small"), again)
    first, second = _files(rendered), _files(again)
    assert first.keys() == second.keys() and first == second
    for name in (n for n in first if n.endswith(".xlsx")):
        with zipfile.ZipFile(rendered / name) as archive:
            assert {info.date_time for info in archive.infolist()} == {(2026, 6, 30, 9, 0, 0)}
            core = archive.read("docProps/core.xml").decode()
            assert core.count("2026-06-30T09:00:00Z") == 2  # created and modified: the day after the period


def _texts(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): document_text(p) for p in sorted(root.rglob("*")) if p.is_file()}


def test_nothing_key_only_in_the_productions(world, rendered, statements) -> None:
    texts = _texts(rendered)
    words = ["funnel", "mule", "controller", "organiser", "collector", "recruiter", "sole_trader", "remitter",
             "salaried", "illicit", "typology", "operation", "flow", "account_id", "txn_id", "victim"]
    words += sorted({f.typology for f in world.finance.flows if f.typology})
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b|\bP\d{5}\b|\bOP\d\b|biz:|merchant:",
                         re.IGNORECASE)
    for name, text in texts.items():
        hits = {m.group(0) for m in pattern.finditer(text)}
        assert not hits, f"{name}: {sorted(hits)[:5]}"
    # No column of bare integers (an internal id) anywhere: digits only is allowed just for yyyymmdd dates.
    for name in (n for n in texts if n.endswith(".csv") and "umsaetze" not in n):
        bank = Path(name).parent.name
        raw = pd.read_csv(rendered / name, dtype=str, keep_default_na=False,
                          sep=";" if bank in ("vistulabank", "dniprobank", "rheinbank") else ",",
                          encoding="cp1251" if bank == "dniprobank" else "utf-8-sig")
        for column in raw:
            values = raw[column][raw[column] != ""]
            if len(values) and values.str.fullmatch(r"\d+").all():
                assert values.str.fullmatch(r"20\d{6}").all(), f"{name}:{column} looks like an id"
    # References are random: their order says nothing about time.
    pl = pd.read_csv(rendered / "productions/vistulabank/wyciag.csv", sep=";", dtype=str, encoding="utf-8-sig")
    ranks = pd.DataFrame({"ref": pl["Numer referencyjny"].rank(),
                          "time": (pl["Data operacji"] + pl["Godzina"]).rank()})
    assert abs(ranks.corr(method="spearman").iloc[0, 1]) < 0.05


def test_rows_come_by_account_then_time(statements) -> None:
    for institution in ("vistulabank", "dniprobank", "carpatbank", "zapply"):
        part = statements[statements["institution"] == institution].reset_index(drop=True)
        order = part.sort_values(["account", "ts"], kind="mergesort").index
        assert (order == part.index).all()
    nl = statements[statements["institution"] == "polderbank"]
    assert nl["ts"].is_monotonic_decreasing  # the Dutch bank lists the newest rows first


def test_identifiers_follow_the_lab_schemes_and_the_scanner_accepts_the_files(rendered) -> None:
    texts = "\n".join(_texts(rendered).values())
    numbers = set(re.findall(r"ZZ\d\d [A-Z]{4} \d{4} \d{4} \d{2}", texts))
    assert numbers and all(is_safe_account_number(n) for n in numbers)
    assert all(is_safe_handle(h) for h in set(re.findall(r"~[a-z0-9.]+[a-z0-9]", texts)))
    assert all(is_safe_wallet_address(a) for a in set(re.findall(r"\blab1[0-9a-z]+", texts)))
    assert not re.search(r"\b[A-Y][A-Z]\d\d(?: ?[A-Z0-9]{4}){3}", texts)  # nothing IBAN-shaped outside ZZ
    violations = scan_world(rendered)
    assert not violations, "\n".join(map(str, violations[:10]))


def test_scanner_reads_workbooks_and_legacy_encodings(tmp_path) -> None:
    from synth.render.productions.xlsx import Sheet, write_workbook

    real = "call +44 20 7123 4567"  # a valid London number outside the fiction ranges: must be caught
    write_workbook(tmp_path / "x.xlsx", [Sheet("S", [["a", real]])], datetime(2026, 1, 1), "test")
    (tmp_path / "y.csv").write_bytes(("Телефон;" + real).encode("cp1251"))
    found = {v.where for v in scan_world(tmp_path)}
    assert found == {"x.xlsx", "y.csv"}


def test_another_seed_renders_and_reads_back_completely(tmp_path) -> None:
    world = build_world(7, "tiny")
    render_productions(world, tmp_path)
    got = load_statements(tmp_path)
    f = world.finance
    customer = {a.account_id for a in f.accounts if a.kind != "merchant"}
    c = f.ledger.columns
    assert len(got) == int(pd.Series(c["debit"]).isin(customer).sum() + pd.Series(c["credit"]).isin(customer).sum())
    assert str(got["amount_cents"].dtype) == "int64"  # exact cents, never floats
    assert set(got["institution"]) == {*BANKS, "zapply", "loadup"}
