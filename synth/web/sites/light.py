"""The light platforms (``synth.vocab.platforms.LIGHT_PLATFORMS``): small sites with a home page and profiles only.

They exist so that a username can be checked across many sites, as WhatsMyName or Sherlock do. Each
platform is its own site (``/<slug>/``, mounted when the world has ``social_accounts``) with its own
colours and wording, made here from one template. A profile (at the platform's ``profile`` path)
shows display name, bio, city, joined and avatar, and a sentence holding the platform's ``e_string``.
A missing user gets exactly what the platform's rule says (``synth.web.wmn.answer``): a 404 page, a
"soft 404" (status 200), or a 302 to the home page, whose body and target both show ``m_string``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint, Response, render_template

from synth.vocab.platforms import LIGHT_PLATFORMS, LightPlatform
from synth.web.context import SiteSpec, db, robots_lines
from synth.web.pictures import send_picture
from synth.web.social import Account, avatars, find_account, missing_account
from synth.web.wmn import answer

NEWEST_MEMBERS = 6


@dataclass(frozen=True)
class Look:
    """A platform's own wording: ``phrase`` holds its ``e_string`` ({name}, {joined}, {city} are filled in)."""

    phrase: str
    member: str  # what the platform calls an account
    notice: str  # what a visitor without an account is told under the phrase


LOOKS: dict[str, Look] = {
    "talkhub": Look("Member since {joined}", "Forum member", "Threads and replies are visible to signed-in members."),
    "snapfolio": Look("Latest photos by {name}", "Photographer", "This portfolio has no public photos yet."),
    "giglane": Look("Hire {name} for your next small job", "Freelancer", "Sign in to see rates and reviews."),
    "meetlocal": Look("Looking for new people to meet in {city}", "Member", "Sign in to send a hello."),
    "penly": Look("Stories by {name}", "Writer", "No public stories yet."),
    "tunecloud": Look("Tracks by {name}", "Artist", "No public tracks yet."),
    "swapit": Look("Items for sale by {name}", "Seller", "No items listed right now."),
    "routebook": Look("Rides offered by {name}", "Driver", "Sign in to see upcoming rides and book a seat."),
    "staffspot": Look("Experience and skills of {name}", "Professional",
                      "Work history is visible to signed-in members only."),
}


def look_of(rule: LightPlatform) -> Look:
    """The platform's look; a platform added to synth.vocab.platforms without one still shows its ``e_string``."""
    return LOOKS.get(rule.slug, Look(rule.e_string + " {name}", "Member", ""))


def phrase(rule: LightPlatform, account: Account) -> str:
    return look_of(rule).phrase.format(name=account.display_name, joined=account.joined,
                                       city=account.city_name or "your town")


def make_site(rule: LightPlatform) -> SiteSpec:
    """The blueprint of one light platform: home, profile, avatars, robots.txt."""
    bp = Blueprint(rule.slug, __name__, url_prefix=f"/{rule.slug}")

    def home() -> str:
        """Name, tagline, how many members, the newest few (and, for a redirecting platform, its m_string)."""
        total = db().execute("SELECT COUNT(*) FROM social_accounts WHERE platform = ?", (rule.slug,)).fetchone()[0]
        rows = db().execute("SELECT platform, account_id, username, display_name, bio, city, created_at "
                            "FROM social_accounts WHERE platform = ? ORDER BY created_at DESC, account_id DESC "
                            "LIMIT ?", (rule.slug, NEWEST_MEMBERS)).fetchall()
        newest = [Account.of(r) for r in rows]
        return render_template("light/home.html", rule=rule, look=look_of(rule), total=total, newest=newest,
                               faces=avatars(rule.slug, (a.account_id for a in newest)),
                               redirecting=answer(rule, exists=False).location is not None)

    def profile(username: str) -> Response | str:
        """The profile, or the platform's own "missing" answer (404, soft 404 or redirect)."""
        account = find_account(rule.slug, username)
        if account is None:
            return missing_account(rule, "light/missing.html", username)
        return render_template("light/profile.html", rule=rule, look=look_of(rule), account=account,
                               phrase=phrase(rule, account),
                               avatar=avatars(rule.slug, [account.account_id]).get(account.account_id))

    def picture(token: str) -> Response:
        return send_picture(rule.slug, token)

    def robots() -> Response:
        return Response("\n".join(robots_lines(())) + "\n", mimetype="text/plain")

    views: list[tuple[str, str, Callable[..., object]]] = [
        ("/", "home", home), ("/img/<token>.jpg", "picture", picture), ("/robots.txt", "robots", robots),
        (rule.profile.removeprefix(f"/{rule.slug}").replace("{account}", "<username>"), "profile", profile)]
    for path, endpoint, view in views:
        bp.add_url_rule(path, endpoint, view, methods=["GET"])
    return SiteSpec(bp)


SPECS: dict[str, SiteSpec] = {rule.slug: make_site(rule) for rule in LIGHT_PLATFORMS}
