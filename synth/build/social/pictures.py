"""Profile pictures, Circle photo albums and check-ins.

Pictures are synth.build.photos' drawn scenes (never people), stored by synth.build.gallery's Studio, so every
scene stays far from every other picture of the world by perceptual hash. A persona shows one picture
across its accounts: the same file, or its own slightly re-cropped copy (other bytes, nearly the same
hash). A campaign's new accounts share a picture of their own, which the recruiter's work profile on a
light platform shows too; a controller's album shows his copy of the room picture his ads use.
Draws come from the "social-photos" stream.
"""

from __future__ import annotations

from datetime import timedelta

from synth.build.gallery import Studio
from synth.build.photos import recrop as recrop_copy
from synth.build.social.builder import AccountDraft, SocialBuilder
from synth.build.social.personas import CRIMINAL, ORG_KINDS
from synth.vocab.chatter import ALBUMS, PLACES
from synth.vocab.places import CITY_BY_SLUG
from synth.vocab.platforms import CIRCLE

AVATAR_KINDS = ("flowers", "sea", "sunset")
ALBUM_KINDS = ("sea", "flowers", "sunset", "room")  # the cheaper scenes to draw: generation stays fast


def _show(studio: Studio, rng, scene: str, accounts: list[AccountDraft], recrop: float) -> None:
    """``scene`` on each of ``accounts``: the original file first, then the same file or a re-cropped copy."""
    for i, account in enumerate(accounts):
        account.avatar = studio.own_copy(scene, "avatar", recrop_copy) if i and rng.random() < recrop else \
            studio.upload(scene, "avatar")


def pictures_and_checkins(b: SocialBuilder, studio: Studio) -> None:
    rng = b.streams.get("social-photos")
    studio.rng = rng
    share = b.preset.social.avatar_share
    for persona in b.personas:
        pid = persona.person.person_id
        criminal = persona.kind in CRIMINAL
        if persona.kind == "victim":
            continue
        if criminal or rng.random() < share * (2 if persona.kind in ORG_KINDS else 1):
            own = [a for a in persona.accounts
                   if not a.new and not _work_profile(a) and (criminal or rng.random() < 0.8)]
            if own:
                _show(studio, rng, studio.scene(AVATAR_KINDS, f"avatar-{pid}"), own, 0.3)
        work = [a for a in persona.accounts if a.new or _work_profile(a)]
        if work and any(a.new for a in work):
            _show(studio, rng, studio.scene(AVATAR_KINDS, f"avatar-{pid}-work"), work, 0.5)
    for account in [a for a in b.accounts if a.platform == CIRCLE and not a.new]:
        pid = account.persona.person.person_id
        start = max(account.created_at, b.epoch - timedelta(days=700))
        if account.avatar and rng.random() < 0.4:
            b.albums.append((account, "Profile pictures", account.created_at + timedelta(hours=1), (account.avatar,)))
        if account.persona.kind != "victim" and rng.random() < b.preset.social.album_share:
            files = tuple(studio.upload(studio.scene(ALBUM_KINDS, f"album-{pid}-{k}"), "album")
                          for k in range(rng.randint(1, 2)))
            b.albums.append((account, rng.choice(ALBUMS), start + timedelta(days=rng.randrange(600)), files))
        if account.persona.kind == "controller":
            room = f"ring-{pid}-room-0"
            if room in studio.originals:
                b.albums.append((account, "Home", b.epoch - timedelta(days=rng.randint(10, 60)),
                                 (studio.own_copy(room, "ring", recrop_copy),)))
        if account.persona.kind in ("ordinary", "volunteer") and rng.random() < 0.25:
            city = account.persona.city
            for _ in range(rng.randint(1, 4)):
                when = account.persona.when(rng, b.day(rng, max(0, (account.created_at - b.epoch).days + 1)))
                b.checkins.append((account, f"{rng.choice(PLACES)}, {CITY_BY_SLUG[city].name}", city, when))


def _work_profile(account: AccountDraft) -> bool:
    """A member's light-platform profile written for his work (it shows his campaign picture)."""
    return account.persona.kind == "recruiter" and account.platform in ("staffspot", "giglane")
