"""The euro-area banks' layouts (Rheinwerk Bank, DE; Polder Spaarbank, NL) and the registry of all six.

Two euro banks, two very different files: the German one puts a preamble above a semicolon table with
1.234,56 amounts and booking dates only; the Dutch one quotes every field, writes dates as yyyymmdd,
keeps amounts unsigned with an "Af/Bij" direction column, lists the newest rows first and hides the time
of day inside its free-text "Mededelingen" column — as such exports do.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from synth.render.productions.banks import (
    ACCOUNT_DOC,
    CP_ACCOUNT_DOC,
    PLACE_DOC,
    carpatbank,
    customer_table,
    dniprobank,
    label,
    send,
    thamesbank,
    vistulabank,
)
from synth.render.productions.letters import FileDoc
from synth.render.productions.statements import Production, money, write_csv

DE_TYPES = {"card": "Kartenzahlung", "app_topup": "Kartenzahlung", "prepaid_load": "Kartenzahlung",
            "transfer": ("Überweisung", "Gutschrift"), "wire": ("Auslandsüberweisung", "Auslandsgutschrift"),
            "direct_debit": "Lastschrift", "salary": ("Sammelüberweisung", "Lohn/Gehalt"), "pension": "Rente",
            "cash_withdrawal": "Bargeldauszahlung", "cash_deposit": "Bareinzahlung",
            "exchange_buy": "Überweisung", "exchange_payout": "Gutschrift", "app": "Überweisung"}
DE_PREAMBLE_LINES = 5


def rheinbank(p: Production) -> list[Path]:
    """DE: five preamble lines, then a ; table with signed 1.234,56 amounts and booking dates only."""
    r = p.rows
    statement = pd.DataFrame({
        "Konto": r["account"], "Buchungstag": r["local"].dt.strftime("%d.%m.%Y"), "Buchungstext": label(r, DE_TYPES),
        "Verwendungszweck": r["text"], "Beguenstigter/Zahlungspflichtiger": r["cp_name"],
        "IBAN Gegenkonto": r["cp_account"], "Ort": r["place"], "Betrag": money(r["cents"], ",", "."),
        "Waehrung": r["currency"]})
    preamble = [p.institution.name + " AG", f"Auskunft aufgrund Herausgabeanordnung;{p.order_ref}",
                f"Zeitraum;{p.period('%d.%m.%Y')}", "Waehrung;EUR", ""]
    assert len(preamble) == DE_PREAMBLE_LINES
    c = p.customers
    customers = customer_table(
        c, ("Konto", "Kontoinhaber", "Kundenart", "Eröffnet am", "Telefon", "Wohnort"),
        ("Privat", "Geschäft"), "%d.%m.%Y")
    fmt = "UTF-8, separator ; (semicolon), Unix line ends, amounts 1.234,56 (dot thousands, decimal comma). "
    files = [FileDoc("umsaetze.csv", fmt + "The first five lines are a preamble (bank, order, period, currency, an "
                     "empty line); the table's header is line 6. Booking dates only, German calendar days "
                     "(CET/CEST). One row per transaction, by account then booking date.", (
        ("Konto", ACCOUNT_DOC), ("Buchungstag", "booking date dd.mm.yyyy"),
        ("Buchungstext", "type (Kartenzahlung card payment, Überweisung transfer out, Gutschrift money in, ...)"),
        ("Verwendungszweck", "purpose: the payment reference or the card merchant's descriptor"),
        ("Beguenstigter/Zahlungspflichtiger", "payee or payer: the other side's name or the merchant; empty "
                                              "for cash"), ("IBAN Gegenkonto", CP_ACCOUNT_DOC), ("Ort", PLACE_DOC),
        ("Betrag", "amount in EUR, negative for money leaving the account: -1.234,56"), ("Waehrung", "EUR")))]
    files.append(FileDoc("kunden.csv", fmt + "No preamble.", (
        ("Konto", "account number"), ("Kontoinhaber", "holder"), ("Kundenart", "Privat or Geschäft (business)"),
        ("Eröffnet am", "date opened dd.mm.yyyy"), ("Telefon", "phone on file"),
        ("Wohnort", "town of the registered address"))))
    notes = ("Foreign-currency payments are shown as the EUR amount booked.",)
    written = [write_csv(p.out_dir / "umsaetze.csv", statement, sep=";", preamble=preamble, newline="\n"),
               write_csv(p.out_dir / "kunden.csv", customers, sep=";", newline="\n")]
    return send(p, files, notes, "%d.%m.%Y", written)


NL_CODES = {"card": ("BA", "Betaalautomaat"), "app_topup": ("BA", "Betaalautomaat"),
            "prepaid_load": ("BA", "Betaalautomaat"), "transfer": ("OV", "Overschrijving"),
            "wire": ("BU", "Buitenlandse overboeking"), "direct_debit": ("IC", "Incasso"),
            "salary": ("VZ", "Verzamelbetaling"), "pension": ("OV", "Overschrijving"),
            "cash_withdrawal": ("GM", "Geldautomaat"), "cash_deposit": ("ST", "Storting"),
            "exchange_buy": ("OV", "Overschrijving"), "exchange_payout": ("OV", "Overschrijving"),
            "app": ("OV", "Overschrijving")}


def polderbank(p: Production) -> list[Path]:
    """NL: every field quoted, yyyymmdd, unsigned amounts with Af/Bij, newest first, the time in the notes."""
    r = p.rows.sort_values(["utc", "account", "txn"], ascending=[False, True, False], kind="mergesort")
    notes_col = ("Omschrijving: " + r["text"] + " Datum/Tijd: " + r["local"].dt.strftime("%d-%m-%Y %H:%M:%S")
                 + np.where(r["place"] != "", " Locatie: " + r["place"], ""))
    codes = [NL_CODES[ch] for ch in r["channel"]]
    statement = pd.DataFrame({
        "Datum": r["local"].dt.strftime("%Y%m%d"), "Naam / Omschrijving": r["cp_name"], "Rekening": r["account"],
        "Tegenrekening": r["cp_account"], "Code": [c[0] for c in codes],
        "Af Bij": np.where(r["direction"] == "out", "Af", "Bij"), "Bedrag (EUR)": money(r["cents"].abs(), ","),
        "Mutatiesoort": [c[1] for c in codes], "Mededelingen": notes_col})
    c = p.customers
    customers = customer_table(
        c, ("Rekening", "Tenaamstelling", "Soort", "Geopend", "Telefoon", "Woonplaats"),
        ("Particulier", "Zakelijk"), "%d-%m-%Y")
    fmt = "UTF-8, comma-separated, every field in double quotes, Windows line ends. "
    files = [FileDoc("mutaties.csv", fmt + "Newest rows first (all accounts together). Amounts have a decimal "
                     "comma inside the quotes: 1234,56. Dates yyyymmdd (Dutch calendar day, CET/CEST).", (
        ("Datum", "date yyyymmdd"), ("Naam / Omschrijving", "the other side's name or the merchant; empty for cash"),
        ("Rekening", ACCOUNT_DOC), ("Tegenrekening", CP_ACCOUNT_DOC),
        ("Code", "BA card, OV transfer, BU foreign transfer, IC direct debit, VZ salary batch, GM cash machine, "
                 "ST cash deposit"), ("Af Bij", "Af = money out of the account, Bij = money in"),
        ("Bedrag (EUR)", "amount, always positive: 1234,56"), ("Mutatiesoort", "the code in words"),
        ("Mededelingen", "notes: 'Omschrijving: <reference or card descriptor> Datum/Tijd: dd-mm-yyyy hh:mm:ss' "
                         "(the time the transaction was made, Dutch time), and ' Locatie: <town>' for cash")))]
    files.append(FileDoc("klanten.csv", fmt, (
        ("Rekening", "account number"), ("Tenaamstelling", "holder"), ("Soort", "Particulier or Zakelijk (business)"),
        ("Geopend", "date opened dd-mm-yyyy"), ("Telefoon", "phone on file"),
        ("Woonplaats", "town of the registered address"))))
    notes = ("Foreign-currency payments are shown as the EUR amount booked.",)
    written = [write_csv(p.out_dir / "mutaties.csv", statement, quoting=csv.QUOTE_ALL),
               write_csv(p.out_dir / "klanten.csv", customers, quoting=csv.QUOTE_ALL)]
    return send(p, files, notes, "%d-%m-%Y", written)


LAYOUTS = {"thamesbank": thamesbank, "vistulabank": vistulabank, "carpatbank": carpatbank, "dniprobank": dniprobank,
           "rheinbank": rheinbank, "polderbank": polderbank}
