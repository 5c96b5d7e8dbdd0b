"""One layout per bank: the same statement rows written the way six different banks would write them.

Each function takes a synth.render.productions.statements.Production and writes the bank's statement file, its
customer file and its cover letter. They differ the way real exports differ — column names in the
bank's language, separators, decimal marks, date formats, signed amounts or paid-in/paid-out columns or a
direction column, a preamble or a title block above the table, one legacy encoding (cp1251), dates with
or without a time — because normalising them is the first skill module 07 teaches. Balances are not
printed: the world does not model them (an opening balance would have to be invented).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from synth.render.productions.letters import FileDoc, letter
from synth.render.productions.statements import Production, money, write_csv
from synth.render.productions.xlsx import Sheet, write_workbook

SCOPE = ("the customer records and the transactions of every personal and business account held with us "
         "during the period")


def customer_table(c: pd.DataFrame, headers: tuple[str, str, str, str, str, str], kinds: tuple[str, str],
                   date_format: str) -> pd.DataFrame:
    """A bank's customer (KYC) file in its own words: account, holder, personal or business, date opened,
    phone on file, town. ``headers`` name those six columns; ``kinds`` are its words for personal and business."""
    account, holder, kind, opened, phone, town = headers
    return pd.DataFrame({account: c["account"], holder: c["name"],
                         kind: c["kind"].map({"personal": kinds[0], "business": kinds[1]}),
                         opened: pd.to_datetime(c["opened"]).dt.strftime(date_format), phone: c["phone"],
                         town: c["city"]})


def label(rows: pd.DataFrame, table: dict[str, str | tuple[str, str]]) -> pd.Series:
    """The bank's transaction type: ``table[channel]`` or, for a pair, (outgoing, incoming)."""
    out = []
    for channel, direction in zip(rows["channel"], rows["direction"], strict=True):
        entry = table[channel]
        out.append(entry if isinstance(entry, str) else entry[0 if direction == "out" else 1])
    return pd.Series(out, index=rows.index)


def send(p: Production, files: list[FileDoc], notes: tuple[str, ...], period_fmt: str, written: list[Path]) -> list:
    readme = p.out_dir / "README.txt"
    readme.write_text(letter(p.institution.name, p.institution.domain, p.order_ref, p.produced, SCOPE,
                             p.period(period_fmt), files, notes), encoding="utf-8", newline="\n")
    return [*written, readme]


ACCOUNT_DOC = "the account the row belongs to (as printed on our statements: ZZ00 + bank code + ten digits)"
CP_ACCOUNT_DOC = "the other side's account number, for transfers, wires, direct debits and salary; empty otherwise"
PLACE_DOC = "town of the branch or cash machine, for cash rows; empty otherwise"

GB_TYPES = {"card": "DEB", "app_topup": "DEB", "prepaid_load": "DEB", "transfer": ("FPO", "FPI"),
            "wire": ("INT", "INT"), "direct_debit": "DD", "salary": ("BP", "BGC"), "pension": "BGC",
            "cash_withdrawal": "CPT", "cash_deposit": "CR", "exchange_buy": "FPO", "exchange_payout": "FPI",
            "app": "TFR"}


def thamesbank(p: Production) -> list[Path]:
    """GB: comma CSV, dd/mm/yyyy dates only, codes, everything in one capitalised Description, paid out/in."""
    r = p.rows
    text, name, place = r["text"].str.upper(), r["cp_name"].str.upper(), r["place"].str.upper()
    description = np.where(r["cp_account"] != "", name + " " + r["cp_account"] + " REF " + text,
                           np.where(r["place"] != "", text + " AT " + place,
                                    np.where(r["channel"] == "card", text, name + " " + text)))
    cents = r["cents"].to_numpy()
    statement = pd.DataFrame({
        "Account number": r["account"], "Date": r["local"].dt.strftime("%d/%m/%Y"), "Type": label(r, GB_TYPES),
        "Description": description,
        "Paid out": np.where(cents < 0, money(-cents, ".", ","), ""),
        "Paid in": np.where(cents > 0, money(cents, ".", ","), "")})
    c = p.customers
    customers = customer_table(
        c, ("Account number", "Account holder", "Account type", "Date opened", "Telephone", "Town"),
        ("Personal", "Business"), "%d/%m/%Y")
    fmt = "UTF-8, comma-separated, Windows line ends, fields in double quotes where they contain a comma. "
    files = [FileDoc("transactions.csv", fmt + "One row per transaction, by account then date; we record dates "
                     "only (UK time).", (
        ("Account number", ACCOUNT_DOC), ("Date", "dd/mm/yyyy"),
        ("Type", "DEB card payment, FPO/FPI faster payment out/in, INT international payment, DD direct debit, "
                 "BP/BGC bulk payment out/bank giro credit in (salaries, pensions), CPT cash machine, CR cash "
                 "paid in at a branch"),
        ("Description", "for payments to or from an account: NAME, account number, REF and the payment "
                        "reference; for card payments the merchant's descriptor; for cash: what, AT town"),
        ("Paid out", "GBP leaving the account, 1,234.56 (comma thousands separator); empty for money in"),
        ("Paid in", "GBP arriving, same format")))]
    files.append(FileDoc("customers.csv", fmt + "One row per account.", (
        ("Account number", ACCOUNT_DOC), ("Account holder", "name of the customer"),
        ("Account type", "Personal or Business"), ("Date opened", "dd/mm/yyyy"),
        ("Telephone", "the phone number on file (E.164)"), ("Town", "town of the registered address"))))
    notes = ("All amounts are in pounds sterling; payments in other currencies are shown as the GBP amount "
             "debited or credited.", "Descriptions are printed in capitals.")
    written = [write_csv(p.out_dir / "transactions.csv", statement), write_csv(p.out_dir / "customers.csv", customers)]
    return send(p, files, notes, "%d/%m/%Y", written)


PL_TYPES = {"card": "Płatność kartą", "app_topup": "Płatność kartą", "prepaid_load": "Płatność kartą",
            "transfer": ("Przelew wychodzący", "Przelew przychodzący"), "wire": "Przelew zagraniczny",
            "direct_debit": "Polecenie zapłaty", "salary": ("Przelew wychodzący", "Wynagrodzenie"),
            "pension": "Świadczenie emerytalne", "cash_withdrawal": "Wypłata z bankomatu",
            "cash_deposit": "Wpłata gotówkowa", "exchange_buy": "Przelew wychodzący",
            "exchange_payout": "Przelew przychodzący", "app": "Przelew"}


def vistulabank(p: Production) -> list[Path]:
    """PL: semicolons, decimal comma, signed amounts, yyyy-mm-dd and a separate time, UTF-8 with a BOM."""
    r = p.rows
    statement = pd.DataFrame({
        "Numer rachunku": r["account"], "Data operacji": r["local"].dt.strftime("%Y-%m-%d"),
        "Godzina": r["local"].dt.strftime("%H:%M:%S"), "Typ operacji": label(r, PL_TYPES), "Tytuł": r["text"],
        "Nadawca/Odbiorca": r["cp_name"], "Rachunek nadawcy/odbiorcy": r["cp_account"], "Miejsce": r["place"],
        "Kwota": money(r["cents"], ","), "Waluta": r["currency"], "Numer referencyjny": r["ref"]})
    c = p.customers
    customers = customer_table(
        c, ("Numer rachunku", "Posiadacz", "Rodzaj klienta", "Data otwarcia", "Telefon", "Miejscowość"),
        ("osoba fizyczna", "firma"), "%Y-%m-%d")
    fmt = ("UTF-8 with a byte-order mark, separator ; (semicolon), decimal comma, Windows line ends. Dates "
           "yyyy-mm-dd, times hh:mm:ss Polish time (CET/CEST).")
    files = [FileDoc("wyciag.csv", fmt + " One row per transaction, by account then time.", (
        ("Numer rachunku", "account number (" + ACCOUNT_DOC + ")"), ("Data operacji", "date of the transaction"),
        ("Godzina", "time of the transaction"), ("Typ operacji", "type (card payment, transfer out/in, ...)"),
        ("Tytuł", "title: the payment reference or the card merchant's descriptor"),
        ("Nadawca/Odbiorca", "payer or payee: the other side's name or the merchant; empty for cash"),
        ("Rachunek nadawcy/odbiorcy", CP_ACCOUNT_DOC), ("Miejsce", PLACE_DOC),
        ("Kwota", "amount in PLN, negative for money leaving the account: -1234,56"), ("Waluta", "PLN"),
        ("Numer referencyjny", "our reference of the transaction")))]
    files.append(FileDoc("klienci.csv", fmt, (
        ("Numer rachunku", "account number"), ("Posiadacz", "holder"),
        ("Rodzaj klienta", "osoba fizyczna (person) or firma (business)"), ("Data otwarcia", "date opened"),
        ("Telefon", "phone on file"), ("Miejscowość", "town of the registered address"))))
    notes = ("Foreign-currency payments are shown as the PLN amount booked.",)
    written = [write_csv(p.out_dir / "wyciag.csv", statement, sep=";", encoding="utf-8-sig"),
               write_csv(p.out_dir / "klienci.csv", customers, sep=";", encoding="utf-8-sig")]
    return send(p, files, notes, "%Y-%m-%d", written)


RO_TYPES = {"card": "Plată cu cardul", "app_topup": "Plată cu cardul", "prepaid_load": "Plată cu cardul",
            "transfer": ("Transfer trimis", "Transfer primit"), "wire": ("Transfer internațional trimis",
                                                                        "Transfer internațional primit"),
            "direct_debit": "Debit direct", "salary": ("Plată salarii", "Salariu"), "pension": "Pensie",
            "cash_withdrawal": "Retragere numerar ATM", "cash_deposit": "Depunere numerar",
            "exchange_buy": "Transfer trimis", "exchange_payout": "Transfer primit", "app": "Transfer"}
RO_HEADER = ["IBAN cont", "Data și ora", "Tip tranzacție", "Detalii", "Beneficiar / Ordonator",
             "Cont beneficiar / ordonator", "Localitate", "Referință", "Debit", "Credit"]


def carpatbank(p: Production) -> list[Path]:
    """RO: an Excel workbook with a title block above the table, real date cells and debit/credit numbers."""
    r = p.rows
    title = [[p.institution.name + " S.A."], [f"Extras de cont - răspuns la ordinul {p.order_ref}"],
             [f"Perioada: {p.period('%d.%m.%Y')}"], ["Moneda: RON"], []]
    cents = r["cents"].to_numpy()
    body = [[a, t, k, x, n, ca or None, pl or None, ref, -c / 100 if c < 0 else None,
             c / 100 if c > 0 else None]
            for a, t, k, x, n, ca, pl, ref, c in zip(*(r[col].tolist() for col in ("account", "local")),
                                                     label(r, RO_TYPES).tolist(),
                                                     *(r[col].tolist() for col in ("text", "cp_name", "cp_account",
                                                                                   "place", "ref")),
                                                     cents.tolist(), strict=True)]
    c = p.customers
    people = [[a, n, "Persoană fizică" if k == "personal" else "Persoană juridică", pd.Timestamp(o).to_pydatetime(),
               ph or None, ci or None] for a, n, k, o, ph, ci in c.itertuples(index=False)]
    money_fmt = "#,##0.00"
    write_workbook(p.out_dir / "extras_de_cont.xlsx", [Sheet("Extras", title + [RO_HEADER] + body,
                                                             {1: "dd.mm.yyyy hh:mm:ss", 8: money_fmt, 9: money_fmt},
                                                             frozenset({0, 5}))], p.produced, p.institution.name)
    header = ["IBAN cont", "Titular", "Tip client", "Data deschiderii", "Telefon", "Localitate"]
    write_workbook(p.out_dir / "clienti.xlsx", [Sheet("Clienți", [[p.institution.name + " S.A. - clienți"], [], header]
                                                      + people, {3: "dd.mm.yyyy"}, frozenset({0, 2}))],
                   p.produced, p.institution.name)
    fmt = ("Excel workbook, one sheet. A title block (bank, order, period, currency) fills rows 1-5; the "
           "table's header is on row 6.")
    files = [FileDoc("extras_de_cont.xlsx", fmt + " Dates are Excel date-time cells in Romanian time "
                     "(EET/EEST). One row per transaction, by account then time.", tuple(zip(RO_HEADER, (
        ACCOUNT_DOC, "date and time of the transaction", "type (card payment, transfer sent/received, ...)",
        "details: the payment reference or the card merchant's descriptor",
        "payee or payer: the other side's name or the merchant; empty for cash", CP_ACCOUNT_DOC, PLACE_DOC,
        "our reference of the transaction", "RON leaving the account (a number)", "RON arriving (a number)"),
        strict=True)))]
    files.append(FileDoc("clienti.xlsx", "Excel workbook, one sheet; a title on row 1, the header on row 3.", (
        ("IBAN cont", "account number"), ("Titular", "holder"),
        ("Tip client", "Persoană fizică (person) or Persoană juridică (business)"),
        ("Data deschiderii", "date opened (a date cell)"), ("Telefon", "phone on file"),
        ("Localitate", "town of the registered address"))))
    notes = ("Amounts are in lei (RON); foreign-currency payments are shown as the RON amount booked.",)
    return send(p, files, notes, "%d.%m.%Y", [p.out_dir / "extras_de_cont.xlsx", p.out_dir / "clienti.xlsx"])


UA_TYPES = {"card": "Оплата карткою", "app_topup": "Оплата карткою", "prepaid_load": "Оплата карткою",
            "transfer": ("Переказ вихідний", "Переказ вхідний"), "wire": "Міжнародний переказ",
            "direct_debit": "Регулярний платіж", "salary": ("Виплата зарплати", "Заробітна плата"),
            "pension": "Пенсія", "cash_withdrawal": "Зняття готівки", "cash_deposit": "Внесення готівки",
            "exchange_buy": "Переказ вихідний", "exchange_payout": "Переказ вхідний", "app": "Переказ"}


def dniprobank(p: Production) -> list[Path]:
    """UA: the legacy Windows-1251 encoding, semicolons, decimal comma, dd.mm.yyyy and a separate time."""
    r = p.rows
    statement = pd.DataFrame({
        "Рахунок": r["account"], "Дата": r["local"].dt.strftime("%d.%m.%Y"), "Час": r["local"].dt.strftime("%H:%M:%S"),
        "Категорія": label(r, UA_TYPES), "Опис операції": r["text"], "Контрагент": r["cp_name"],
        "Рахунок контрагента": r["cp_account"], "Місце": r["place"], "Сума": money(r["cents"], ","),
        "Валюта": r["currency"]})
    c = p.customers
    customers = customer_table(
        c, ("Рахунок", "Клієнт", "Тип клієнта", "Дата відкриття", "Телефон", "Місто"),
        ("фізична особа", "юридична особа"), "%d.%m.%Y")
    fmt = ("Encoding Windows-1251 (cp1251, not UTF-8), separator ; (semicolon), decimal comma, Windows line ends. "
           "Dates dd.mm.yyyy, times hh:mm:ss Kyiv time (EET/EEST).")
    files = [FileDoc("vypyska.csv", fmt + " One row per transaction, by account then time.", (
        ("Рахунок", "account (" + ACCOUNT_DOC + ")"), ("Дата", "date"), ("Час", "time"),
        ("Категорія", "type (card payment, transfer out/in, ...)"),
        ("Опис операції", "description: the payment reference or the card merchant's descriptor"),
        ("Контрагент", "counterparty: the other side's name or the merchant; empty for cash"),
        ("Рахунок контрагента", CP_ACCOUNT_DOC), ("Місце", PLACE_DOC),
        ("Сума", "amount in UAH, negative for money leaving the account: -1234,56"), ("Валюта", "UAH")))]
    files.append(FileDoc("kliienty.csv", fmt, (
        ("Рахунок", "account number"), ("Клієнт", "holder"),
        ("Тип клієнта", "фізична особа (person) or юридична особа (business)"), ("Дата відкриття", "date opened"),
        ("Телефон", "phone on file"), ("Місто", "town of the registered address"))))
    notes = ("Our system stores text in Windows-1251: letters it lacks (Polish, Romanian, German accents) are "
             "written without their accents, and characters it cannot store at all (emoji) as '?'.",
             "Foreign-currency payments are shown as the UAH amount booked.")
    written = [write_csv(p.out_dir / "vypyska.csv", statement, sep=";", encoding="cp1251"),
               write_csv(p.out_dir / "kliienty.csv", customers, sep=";", encoding="cp1251")]
    return send(p, files, notes, "%d.%m.%Y", written)
