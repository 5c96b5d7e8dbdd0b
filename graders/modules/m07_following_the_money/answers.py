"""Reading module 07's answers (flagged accounts, the organiser's total, typology labels) — shared by self-check
and grader, so "all right" offline means full marks later. Trainee-facing: nothing here reads the answer key.

- Accounts are written as the productions print them, with or without spaces ("ZZ00 THMS 0123 4567 89",
  "zz00thms0123456789") or as app handles ("~olena.k93", "olena.k93"); a list, a Series, or a table with an
  ``account`` column. ``synth.vocab.canon.canonical_account`` gives both sides one form.
- The total is a number of euros (``1234.56``, ``"EUR 1,234.56"``), or a dictionary by currency
  (``{"GBP": 120.5, "UAH": 11646.02}``, amounts in units, not cents), converted at the brief's fixed rates.
- Labels are a dictionary id → label (``{"T01": "structuring"}``), a list of (id, label) pairs, or a table
  with ``id`` and ``label`` columns; labels are compared without case, spaces, hyphens or underscores, and a
  few plain-language synonyms are accepted ("funnel account", "legitimate").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from graders.lab.answers import AnswerShapeError, is_missing, list_items
from graders.lab.checking import CustomQuestion, Question
from graders.modules.m03_linking_ads.answers import set_feedback
from graders.modules.m07_following_the_money.spec import SPEC
from synth.vocab.canon import canonical_account

M07 = SPEC.id
ACCOUNTS_EXAMPLE = "['ZZ00 THMS 0123 4567 89', '~olena.k93']"
ACCOUNT_COLUMNS = ("account", "account_number", "accounts", "handle")
TOTAL_EXAMPLE = "12345.67 (euros) or {'GBP': 1200.50, 'UAH': 45000.00}"
LABELS_EXAMPLE = "{'T01': 'structuring', 'T02': 'benign'}"
SYNONYMS = {"funnel": "funnel_account", "funnelaccounts": "funnel_account", "legit": "benign",
            "legitimate": "benign", "notsuspicious": "benign", "none": "benign", "normal": "benign",
            "adfee": "ad_fees", "adsitefees": "ad_fees", "fanin": "fan_in", "lodging": "lodging_one_payer",
            "transport": "transport_one_payer", "livingcosts": "living_costs_one_payer",
            "wire": "wire_to_origin", "wiretoorigin": "wire_to_origin", "prepaid": "prepaid_cards",
            "recruitmentfee": "recruitment_fees", "nopayroll": "no_payroll"}
_AMOUNT = re.compile(r"-?\d[\d\s,.'’]*")


# ---- accounts --------------------------------------------------------------------------------------------------

def _account_values(answer: Any) -> list[Any]:
    """The listed accounts: a list or Series, or the account column of a table (any of ACCOUNT_COLUMNS)."""
    if isinstance(answer, pd.DataFrame):
        column = next((c for c in ACCOUNT_COLUMNS if c in answer.columns), None)
        if column is None:
            raise AnswerShapeError(f"Your table has no 'account' column (its columns: "
                                   f"{', '.join(map(str, answer.columns))}). Give a list such as {ACCOUNTS_EXAMPLE}.")
        return answer[column].tolist()
    return list_items(answer, "account", "accounts", ACCOUNTS_EXAMPLE)


def account_items(answer: Any) -> list[list[str]]:
    """One list of readings per listed account (empty when an entry names no account)."""
    out = []
    for value in _account_values(answer):
        text = "" if is_missing(value) else canonical_account(value)
        out.append([text] if text else [])
    return out


def accounts(answer: Any) -> set[str]:
    """The distinct accounts an answer names, in canonical form."""
    return {r[0] for r in account_items(answer) if r}


# ---- the organiser's total -------------------------------------------------------------------------------------

def _number(value: Any) -> float:
    """A number from 1234.5, "1,234.50", "1.234,50", "EUR 1 234.50" (the last separator followed by 1-2 digits
    is the decimal mark)."""
    if isinstance(value, bool):
        raise AnswerShapeError("An amount should be a number, not True or False.")
    if isinstance(value, (int, float)) and not is_missing(value):
        return float(value)
    match = _AMOUNT.search(str(value)) if isinstance(value, str) else None
    if match is None:
        raise AnswerShapeError(f"Could not read an amount from {value!r}; give a number such as 1234.56.")
    text = re.sub(r"[\s'’]", "", match.group(0))
    last = max(text.rfind(","), text.rfind("."))
    if last >= 0 and len(text) - last - 1 in (1, 2):
        whole, decimals = re.sub(r"[,.]", "", text[:last]), text[last + 1:]
        return float(f"{whole or '0'}.{decimals}")
    return float(re.sub(r"[,.]", "", text))


def total_eur(answer: Any, eur_per_unit: Mapping[str, float]) -> float:
    """The answer in euros: a number is euros; a dictionary by currency is converted at ``eur_per_unit``."""
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if isinstance(answer, Mapping):
        total = 0.0
        for currency, amount in answer.items():
            rate = eur_per_unit.get(str(currency).strip().upper())
            if rate is None:
                raise AnswerShapeError(f"Unknown currency {currency!r}: use the codes of the statements "
                                       f"({', '.join(sorted(eur_per_unit))}).")
            total += _number(amount) * rate
        return total
    if isinstance(answer, (list, tuple, set)) or answer is None:
        raise AnswerShapeError(f"Expected the total as {TOTAL_EXAMPLE}; got a {type(answer).__name__}.")
    return _number(answer)


# ---- typology labels --------------------------------------------------------------------------------------------

def canonical_label(value: Any) -> str:
    """'Funnel account', 'funnel-account' and 'FUNNEL_ACCOUNT' → 'funnel_account'; '' for no label."""
    if is_missing(value):
        return ""
    compact = re.sub(r"[\s\-_]+", "", str(value).strip().lower())
    if compact in SYNONYMS:
        return SYNONYMS[compact]
    return re.sub(r"[\s\-]+", "_", str(value).strip().lower())


def canonical_qid(value: Any) -> str:
    """'T01', 't1', 1 → 'T01'."""
    match = re.search(r"\d+", str(value))
    return f"T{int(match.group(0)):02d}" if match else ""


def label_pairs(answer: Any) -> dict[str, str]:
    """{question id: canonical label} from any accepted shape; later entries win, empty labels are dropped."""
    if isinstance(answer, pd.DataFrame):
        cols = [str(c) for c in answer.columns]
        qid = next((c for c in ("id", "qid", "question", "row") if c in cols), None)
        lab = next((c for c in ("label", "typology", "answer") if c in cols), None)
        if qid is None or lab is None:
            raise AnswerShapeError(f"Expected a table with 'id' and 'label' columns (its columns: "
                                   f"{', '.join(cols) or 'none'}), or labels such as {LABELS_EXAMPLE}.")
        rows = list(zip(answer[qid], answer[lab], strict=True))
    elif isinstance(answer, pd.Series):
        rows = list(answer.items())
    elif isinstance(answer, Mapping):
        rows = list(answer.items())
    elif isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        raise AnswerShapeError(f"Expected labels such as {LABELS_EXAMPLE}; got a {type(answer).__name__}.")
    else:
        rows = []
        for row in answer:
            if not isinstance(row, (tuple, list)) or len(row) != 2:
                raise AnswerShapeError(f"Each entry should be a pair (id, label); one is {row!r}. "
                                       f"Expected labels such as {LABELS_EXAMPLE}.")
            rows.append((row[0], row[1]))
    out: dict[str, str] = {}
    for q, label in rows:
        key, value = canonical_qid(q), canonical_label(label)
        if key and value:
            out[key] = value
    return out


def label_share(given: Mapping[str, str], accepted: Mapping[str, Iterable[str]]) -> tuple[int, int]:
    """(right, asked): a row is right when its label is one of the labels accepted for it."""
    right = sum(1 for q, labels in accepted.items() if given.get(q) in set(labels))
    return right, len(accepted)


# ---- self-check ----------------------------------------------------------------------------------------------

def feedback_flagged_accounts(t: Any) -> list[str]:
    return set_feedback(
        t, f"You listed {t.given} different accounts; {t.found} of the {t.total} accounts the operations control "
        "and use are among them.",
        "accounts are not the operations'. Did you flag a sole trader, a student, a landlord or a traveller on one "
        "cue? Look for cues in combination: cash in one city and out in another, food and hotels on the circuit "
        "away from home, ad fees minutes before the ring's ads.",
        "Some are missing: did you follow the money from the brief's accounts (same holder, who pays whom, who "
        "receives the wires abroad) and check the mules' cards that pay for the circuit?",
        "Every account is there and nothing else. Well done.")


def total_lines(answer: Any, salt: str, questions: Mapping[str, Any]) -> list[str]:
    """The self-check of the total: is it within about 5 % (hashed 1 % buckets around the truth)?"""
    from graders.lab.world import load_brief
    from synth.vocab.canon import item_hash, money_bucket

    spec = questions.get(f"{M07}/organiser-total")
    if spec is None:
        return [f"This world has no self-check data for {M07}/organiser-total; your instructor can still grade it."]
    try:
        eur = total_eur(answer, load_brief(M07).get("eur_per_unit", {}))
    except AnswerShapeError as error:
        return [str(error)]
    hit = item_hash(salt, f"{M07}/organiser-total", money_bucket(eur * 100)) in set(spec["hashes"])
    if hit:
        return [f"EUR {eur:,.2f} is within about 5 % of what reached the organisers. Well done."]
    return [f"EUR {eur:,.2f} is not within 5 % of what reached the organisers. Did you count only payments from "
            "the operations' accounts (not salaries or rents the organisers also receive), in every currency?"]


def labels_lines(answer: Any, salt: str, questions: Mapping[str, Any]) -> list[str]:
    """The self-check of the typology labels: how many of the brief's rows carry a right label."""
    from graders.lab.world import load_brief
    from synth.vocab.canon import item_hash

    spec = questions.get(f"{M07}/typology-labels")
    if spec is None:
        return [f"This world has no self-check data for {M07}/typology-labels; your instructor can still grade it."]
    try:
        given = label_pairs(answer)
    except AnswerShapeError as error:
        return [str(error)]
    asked = [q["id"] for q in load_brief(M07).get("typology_questions", [])]
    truth = set(spec["hashes"])
    right = sum(1 for q in asked if item_hash(salt, f"{M07}/typology-labels", f"{q}|{given.get(q, '')}") in truth)
    lines = [f"You labelled {sum(1 for q in asked if q in given)} of the {len(asked)} rows; {right} labels are right."]
    if right < len(asked):
        lines.append("For each row ask: is the account the operation's, and what does the row do — cash in under "
                     "10,000, cash moved on, a fee to an ad site, a hotel or ticket for others, a wire abroad? "
                     "Rows of honest customers are \"benign\".")
    return lines


# Self-checked questions (graders.lab.selfcheck finds them here); the hidden grader reads answers the same way.
SELFCHECKS = {
    f"{M07}/flagged-accounts": Question(lambda a, _q: account_items(a), feedback_flagged_accounts),
    f"{M07}/organiser-total": CustomQuestion(total_lines),  # within about 5 %
    f"{M07}/typology-labels": CustomQuestion(labels_lines),  # right labels per row
}
