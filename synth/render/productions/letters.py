"""The cover letters (README.txt) that come with each production, and the index of all productions.

A bank answering a production order sends a letter saying what it was asked for, what it sends and how to
read the files: encoding, separator, decimal mark, date and time formats, time zone, and what each column
means. Trainees need exactly that to parse the files correctly, so every layout documents itself here
through ``FileDoc`` records written next to the code that produces the file (synth.render.productions.banks).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class FileDoc:
    """One delivered file: its name, a paragraph on its format, and (column, meaning) pairs."""

    name: str
    fmt: str
    columns: tuple[tuple[str, str], ...]


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=indent)


def letter(sender: str, domain: str, order_ref: str, produced: datetime, scope: str, period: str,
           files: list[FileDoc], notes: tuple[str, ...] = ()) -> str:
    """The cover letter: sender, order, scope, period, then each file's format and columns, then notes."""
    lines = [sender, f"Disclosure unit - disclosure@{domain}", "",
             f"Your order: {order_ref}", f"Date of this reply: {produced.strftime('%d %B %Y')}", "",
             _wrap(f"In answer to the production order above we enclose {scope}."), "",
             f"Period covered: {period}", ""]
    for doc in files:
        lines += [f"FILE {doc.name}", _wrap(doc.fmt, "  "), "  Columns:"]
        width = max(len(name) for name, _ in doc.columns) + 2
        for name, meaning in doc.columns:
            lines.append(textwrap.fill(meaning, width=100, initial_indent=f"    {name.ljust(width)}",
                                       subsequent_indent=" " * (4 + width)))
        lines.append("")
    if notes:
        lines.append("NOTES")
        lines += [_wrap(f"- {note}", "  ") for note in notes]
        lines.append("")
    lines.append("This information is disclosed for the purposes of the investigation named in the order only.")
    return "\n".join(lines) + "\n"


INDEX_INTRO = (
    "Productions received from financial institutions (OSINT Lab training world - every name, account "
    "number, phone and address in these files is invented).",
    "Each folder holds one institution's answer to a production order: its cover letter (README.txt, read it "
    "first: every institution uses its own file format), the customer (KYC) records and the transactions.",
    "Banks list every customer account (personal and business) they hold with all transactions in the "
    "period; the payment app, the prepaid programme and the exchange list their users. Join the files on "
    "account numbers (ZZ00 XXXX ...) and app handles (~word.word), which is how the institutions refer to "
    "each other.",
)


def index_letter(root: Path, start: datetime, end: datetime) -> str:
    """productions/README.txt: one paragraph, then each folder's files and the first line of its letter."""
    lines = [_wrap(INDEX_INTRO[0]), "", f"Period: {start:%Y-%m-%d} to {end:%Y-%m-%d}", ""]
    lines += [_wrap(p) + "\n" for p in INDEX_INTRO[1:]]
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        sender = (folder / "README.txt").read_text(encoding="utf-8").splitlines()[0]
        files = ", ".join(sorted(f.name for f in folder.iterdir() if f.name != "README.txt"))
        lines.append(f"{folder.name}/  {sender}: README.txt, {files}")
    return "\n".join(lines) + "\n"
