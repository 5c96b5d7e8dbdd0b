"""Seekr's username lookup: does an account with this name exist on each social platform of the lab?

Sherlock- and WhatsMyName-style tools ask every site for its profile address and read the answer by
the site's rule (``synth.web.wmn``): status and a string in the page. Seekr gives the same verdicts
without sending requests to itself: it asks the same question the platform's profile page asks
(``synth.web.social.find_account``) and reports the answer that page gives (``synth.web.wmn.answer``),
so the lookup and the pages cannot disagree, and a lookup costs no requests against the rate limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, current_app, request

from synth.web.sites.search.sources import profile_path
from synth.web.social import find_account
from synth.web.wmn import MAX_USERNAME_CHARS, PROFILE_RULES, Answer, answer, usable_username


@dataclass(frozen=True)
class Check:
    """One platform's verdict on one username, and the answer its profile address gives."""

    platform: str
    name: str
    domain: str
    category: str
    path: str
    found: bool
    answer: Answer

    def as_json(self) -> dict[str, object]:
        return {"platform": self.platform, "name": self.name, "domain": self.domain, "category": self.category,
                "url": request.host_url.rstrip("/") + self.path, "found": self.found,
                "status": self.answer.status, "answer": self.answer.label}


def parse_username(raw: str | None) -> str:
    """The username asked about (a leading '@' dropped); a 400 that says what a username looks like otherwise."""
    name = (raw or "").strip().removeprefix("@")
    if not name:
        abort(400, "Type a username to look up, for example ?u=anna_k (without the @).")
    if not usable_username(name):
        abort(400, f"A username has no spaces or slashes and at most {MAX_USERNAME_CHARS} characters.")
    return name


def check_username(username: str) -> list[Check]:
    """Every mounted platform's verdict on ``username``, in the order synth.web.wmn lists the platforms."""
    mounted = current_app.extensions["osintlab.mounted"]
    out = []
    for slug, rule in PROFILE_RULES.items():
        if slug not in mounted:
            continue
        found = find_account(slug, username) is not None
        out.append(Check(slug, rule.name, rule.domain, rule.category, profile_path(slug, username), found,
                         answer(rule, found)))
    return out
