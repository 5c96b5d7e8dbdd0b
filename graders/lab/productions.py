"""Read every production in public/productions/ into one pandas table (module 07's loader).

Written from the institutions' cover letters (README.txt in each folder), not from the generator: it is
what a careful analyst writes after reading them, and the round-trip test proves letters and files agree.
Trainee-facing: it reads only ``public/`` and never imports the generator or the answer key.

``load_statements()`` gives one row per transaction and account, with these columns:

- ``institution`` — folder name (``thamesbank``, ``zapply``, …)
- ``account`` — the account number as banks print it (``ZZ00 THMS 0123 4567 89``) or the app handle
- ``date`` — the calendar day the institution printed (its local day; UTC for the app, the card programme)
- ``ts`` — the moment in UTC when the institution gives a time, else NaT (Thameside and Rheinwerk give
  dates only); local times are converted with the bank's time zone
- ``amount_cents`` — signed integer: negative when money left the account, in the account's currency
- ``currency``, ``type`` (the institution's own transaction type), ``counterparty_name``,
  ``counterparty_account`` (account number or handle, "" when not given), ``place`` (cash rows' town),
  ``description`` (reference, note or card descriptor, as printed)
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from graders.lab.world import resolve

ZONES = {"thamesbank": "Europe/London", "vistulabank": "Europe/Warsaw", "carpatbank": "Europe/Bucharest",
         "dniprobank": "Europe/Kyiv", "rheinbank": "Europe/Berlin", "polderbank": "Europe/Amsterdam"}
COLUMNS = ["institution", "account", "date", "ts", "amount_cents", "currency", "type", "counterparty_name",
           "counterparty_account", "place", "description"]
ACCOUNT = r"ZZ00 [A-Z]{4} \d{4} \d{4} \d{2}"
AMOUNT = re.compile(r"^(-?)(\d+)[.,](\d{2})$")


def cents(text: pd.Series, thousands: str = "") -> pd.Series:
    """Exact integer cents from printed amounts ("-1.234,56", "1,234.56", "12.50"); "" gives 0."""
    clean = text.fillna("").astype(str).str.strip()
    if thousands:
        clean = clean.str.replace(thousands, "", regex=False)
    parts = clean.str.extract(AMOUNT)
    bad = clean.ne("") & parts[1].isna()
    if bad.any():
        raise ValueError(f"unreadable amounts: {clean[bad].head(3).tolist()}")
    value = parts[1].fillna("0").astype("int64") * 100 + parts[2].fillna("0").astype("int64")
    return value.where(parts[0] != "-", -value)


def to_utc(local: pd.Series, zone: str) -> pd.Series:
    """Local wall-clock times of ``zone`` as UTC (the repeated hour when clocks go back becomes NaT)."""
    return local.dt.tz_localize(zone, ambiguous="NaT", nonexistent="NaT").dt.tz_convert("UTC")


def _frame(institution: str, **cols) -> pd.DataFrame:
    frame = pd.DataFrame(cols)
    frame.insert(0, "institution", institution)
    if "ts" not in cols:
        frame["ts"] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns, UTC]")
    for name in ("counterparty_name", "counterparty_account", "place", "description", "type"):
        if name not in frame:
            frame[name] = ""
        frame[name] = frame[name].fillna("").astype(str)
    frame["date"] = pd.to_datetime(frame["date"]).dt.normalize()
    frame["amount_cents"] = frame["amount_cents"].astype("int64")
    return frame[COLUMNS]


def read_csv(path: Path, **kwargs) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, **kwargs)


def read_thamesbank(folder: Path) -> pd.DataFrame:
    raw = read_csv(folder / "transactions.csv")
    desc = raw["Description"]
    transfer = desc.str.extract(rf"^(?P<name>.*) (?P<account>{ACCOUNT}) REF (?P<ref>.*)$")
    cash = raw["Type"].isin(["CPT", "CR"])
    at = desc.str.extract(r"^(?P<what>.*) AT (?P<place>[^@]*)$")
    return _frame("thamesbank", account=raw["Account number"], date=pd.to_datetime(raw["Date"], format="%d/%m/%Y"),
                  amount_cents=cents(raw["Paid in"], ",") - cents(raw["Paid out"], ","), currency="GBP",
                  type=raw["Type"], counterparty_name=transfer["name"], counterparty_account=transfer["account"],
                  place=at["place"].where(cash, ""),
                  description=transfer["ref"].fillna(at["what"].where(cash)).fillna(desc))


def read_vistulabank(folder: Path) -> pd.DataFrame:
    raw = read_csv(folder / "wyciag.csv", sep=";", encoding="utf-8-sig")
    local = pd.to_datetime(raw["Data operacji"] + " " + raw["Godzina"], format="%Y-%m-%d %H:%M:%S")
    return _frame("vistulabank", account=raw["Numer rachunku"], date=local, ts=to_utc(local, ZONES["vistulabank"]),
                  amount_cents=cents(raw["Kwota"]), currency=raw["Waluta"], type=raw["Typ operacji"],
                  counterparty_name=raw["Nadawca/Odbiorca"], counterparty_account=raw["Rachunek nadawcy/odbiorcy"],
                  place=raw["Miejsce"], description=raw["Tytuł"])


def read_carpatbank(folder: Path) -> pd.DataFrame:
    raw = pd.read_excel(folder / "extras_de_cont.xlsx", skiprows=5)
    local = pd.to_datetime(raw["Data și ora"])
    amount = (raw["Credit"].fillna(0) - raw["Debit"].fillna(0)).mul(100).round().astype("int64")
    return _frame("carpatbank", account=raw["IBAN cont"], date=local, ts=to_utc(local, ZONES["carpatbank"]),
                  amount_cents=amount, currency="RON", type=raw["Tip tranzacție"],
                  counterparty_name=raw["Beneficiar / Ordonator"],
                  counterparty_account=raw["Cont beneficiar / ordonator"],
                  place=raw["Localitate"], description=raw["Detalii"])


def read_dniprobank(folder: Path) -> pd.DataFrame:
    raw = read_csv(folder / "vypyska.csv", sep=";", encoding="cp1251")
    local = pd.to_datetime(raw["Дата"] + " " + raw["Час"], format="%d.%m.%Y %H:%M:%S")
    return _frame("dniprobank", account=raw["Рахунок"], date=local, ts=to_utc(local, ZONES["dniprobank"]),
                  amount_cents=cents(raw["Сума"]), currency=raw["Валюта"], type=raw["Категорія"],
                  counterparty_name=raw["Контрагент"], counterparty_account=raw["Рахунок контрагента"],
                  place=raw["Місце"], description=raw["Опис операції"])


def read_rheinbank(folder: Path) -> pd.DataFrame:
    raw = read_csv(folder / "umsaetze.csv", sep=";", skiprows=5)
    return _frame("rheinbank", account=raw["Konto"], date=pd.to_datetime(raw["Buchungstag"], format="%d.%m.%Y"),
                  amount_cents=cents(raw["Betrag"], "."), currency=raw["Waehrung"], type=raw["Buchungstext"],
                  counterparty_name=raw["Beguenstigter/Zahlungspflichtiger"],
                  counterparty_account=raw["IBAN Gegenkonto"], place=raw["Ort"], description=raw["Verwendungszweck"])


NOTES = re.compile(r"^Omschrijving: (?P<desc>.*) Datum/Tijd: (?P<when>\d\d-\d\d-\d{4} \d\d:\d\d:\d\d)"
                   r"(?: Locatie: (?P<place>.*))?$")


def read_polderbank(folder: Path) -> pd.DataFrame:
    raw = read_csv(folder / "mutaties.csv")
    notes = raw["Mededelingen"].str.extract(NOTES)
    local = pd.to_datetime(notes["when"], format="%d-%m-%Y %H:%M:%S")
    amount = cents(raw["Bedrag (EUR)"])
    return _frame("polderbank", account=raw["Rekening"], date=pd.to_datetime(raw["Datum"], format="%Y%m%d"),
                  ts=to_utc(local, ZONES["polderbank"]), amount_cents=amount.where(raw["Af Bij"] == "Bij", -amount),
                  currency="EUR", type=raw["Mutatiesoort"], counterparty_name=raw["Naam / Omschrijving"],
                  counterparty_account=raw["Tegenrekening"], place=notes["place"], description=notes["desc"])


def read_zapply(folder: Path) -> pd.DataFrame:
    raw = pd.read_json(folder / "transactions.jsonl", lines=True, dtype=False)
    ts = pd.to_datetime(raw["time"], utc=True)
    amount = cents(raw["amount"])
    return _frame("zapply", account=raw["handle"], date=ts.dt.tz_localize(None), ts=ts,
                  amount_cents=amount.where(raw["direction"] == "in", -amount), currency=raw["currency"],
                  type=raw["type"], counterparty_name=raw["counterparty_name"],
                  counterparty_account=raw["counterparty_handle"].fillna(raw["bank_account"]),
                  description=raw["note"])


def read_loadup(folder: Path) -> pd.DataFrame:
    raw = read_csv(folder / "card_transactions.csv")
    ts = pd.to_datetime(raw["Date/time (UTC)"], format="%Y-%m-%d %H:%M:%S").dt.tz_localize("UTC")
    return _frame("loadup", account=raw["Card account"], date=ts.dt.tz_localize(None), ts=ts,
                  amount_cents=cents(raw["Amount"]), currency=raw["Currency"], type=raw["Type"],
                  counterparty_name=raw["Merchant or source"], counterparty_account=raw["Source account"],
                  place=raw["Location"].where(raw["Type"] == "CASH LOAD", ""), description=raw["Description"])


READERS = {"thamesbank": read_thamesbank, "vistulabank": read_vistulabank, "carpatbank": read_carpatbank,
           "dniprobank": read_dniprobank, "rheinbank": read_rheinbank, "polderbank": read_polderbank,
           "zapply": read_zapply, "loadup": read_loadup}


def productions_dir(world_dir: str | os.PathLike[str] | None = None) -> Path:
    """``<world>/public/productions`` (``world_dir`` may also be a public/ or productions/ folder)."""
    base = resolve(world_dir)
    for candidate in (base / "public" / "productions", base / "productions", base):
        if (candidate / "README.txt").exists() and (candidate / "thamesbank").exists():
            return candidate
    raise FileNotFoundError(f"No productions under {base}: generate the world first (osintlab generate)")


def load_statements(world_dir: str | os.PathLike[str] | None = None,
                    institutions: list[str] | None = None) -> pd.DataFrame:
    """Every statement row of every production (or of ``institutions``) in one normalised table."""
    root = productions_dir(world_dir)
    frames = [READERS[name](root / name) for name in institutions or READERS]
    return pd.concat(frames, ignore_index=True)


CUSTOMER_FILES = {
    "thamesbank": ("customers.csv", {}, ["Account number", "Account holder", "Account type", "Date opened",
                                         "Telephone", "Town"], "%d/%m/%Y"),
    "vistulabank": ("klienci.csv", {"sep": ";", "encoding": "utf-8-sig"}, ["Numer rachunku", "Posiadacz",
                    "Rodzaj klienta", "Data otwarcia", "Telefon", "Miejscowość"], "%Y-%m-%d"),
    "dniprobank": ("kliienty.csv", {"sep": ";", "encoding": "cp1251"}, ["Рахунок", "Клієнт", "Тип клієнта",
                   "Дата відкриття", "Телефон", "Місто"], "%d.%m.%Y"),
    "rheinbank": ("kunden.csv", {"sep": ";"}, ["Konto", "Kontoinhaber", "Kundenart", "Eröffnet am", "Telefon",
                                               "Wohnort"], "%d.%m.%Y"),
    "polderbank": ("klanten.csv", {}, ["Rekening", "Tenaamstelling", "Soort", "Geopend", "Telefoon", "Woonplaats"],
                   "%d-%m-%Y"),
}
BUSINESS_WORDS = {"Business", "firma", "Persoană juridică", "юридична особа", "Geschäft", "Zakelijk"}


def load_customers(world_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Every bank's, the app's and the card programme's customer records: institution, account, name, kind
    (personal/business), opened, phone, city."""
    root = productions_dir(world_dir)
    names = ["account", "name", "kind", "opened", "phone", "city"]
    frames = []
    for bank, (file, options, columns, fmt) in CUSTOMER_FILES.items():
        raw = read_csv(root / bank / file, **options)[columns].set_axis(names, axis=1)
        raw["opened"] = pd.to_datetime(raw["opened"], format=fmt)
        frames.append(raw.assign(institution=bank))
    ro = pd.read_excel(root / "carpatbank" / "clienti.xlsx", skiprows=2, dtype={"Telefon": str})
    ro = ro.set_axis(names, axis=1).assign(institution="carpatbank", opened=lambda f: pd.to_datetime(f["opened"]))
    frames.append(ro.fillna({"phone": "", "city": ""}))
    app = pd.read_json(root / "zapply" / "users.jsonl", lines=True, dtype=False)
    frames.append(pd.DataFrame({"institution": "zapply", "account": app["handle"], "name": app["name"],
                                "kind": "personal", "opened": pd.to_datetime(app["joined"]),
                                "phone": app["phone"].fillna(""), "city": app["city"].fillna("")}))
    cards = read_csv(root / "loadup" / "cardholders.csv")
    frames.append(pd.DataFrame({"institution": "loadup", "account": cards["Card account"], "name": cards["Cardholder"],
                                "kind": "personal", "opened": pd.to_datetime(cards["Issued"]),
                                "phone": cards["Phone"], "city": cards["City"]}))
    out = pd.concat(frames, ignore_index=True)
    out["kind"] = out["kind"].map(lambda k: "business" if k in BUSINESS_WORDS else "personal")
    return out[["institution", *names]]


def load_exchange(world_dir: str | os.PathLike[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Coinbridge's answer: (customers with one row per deposit address, euro ledger with amount_cents)."""
    root = productions_dir(world_dir) / "coinbridge"
    customers = read_csv(root / "customers.csv")
    customers["Deposit address"] = customers["Deposit address"].str.split()
    customers = customers.explode("Deposit address").fillna({"Deposit address": ""}).reset_index(drop=True)
    fiat = read_csv(root / "fiat_ledger.csv")
    fiat["ts"] = pd.to_datetime(fiat["Time (UTC)"], utc=True)
    fiat["amount_cents"] = cents(fiat["Amount (EUR)"])
    return customers, fiat
