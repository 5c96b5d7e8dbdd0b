"""A small hand-made world with the social platforms, built from the real schemas (render, platforms).

Until the generator fills the social tables, the web tests of Chirp, Circle, the light platforms, the
WhatsMyName file and Seekr's social documents run on this world. It has the cases the pages must
survive: more than a page of posts, followers, friends, members, comments, groups and check-ins;
replies, reposts (with and without text, one of a deleted post), hashtags in several cases, @mentions;
selectors (phones, e-mails, handles) in bios, posts and comments; HTML and non-ASCII text; a NULL city;
accounts on some platforms and not others; usernames that differ only in case; avatars and albums.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image

from synth.render import public as render
from synth.vocab import platforms

WORLD_ID = "w-social000001"
EPOCH = datetime(2026, 2, 2, 9, 0, tzinfo=timezone.utc)
CITIES = [("berlin", "Berlin", "DE"), ("lodz", "Łódź", "PL"), ("warsaw", "Warsaw", "PL"), ("lviv", "Lviv", "UA")]
ANNA = "anna_k"  # on Chirp, Circle and some light platforms
ANNA_PHONE = "+44 7700 900123"  # Ofcom's drama range: fictional
ANNA_EMAIL = "anna.k@postbox.example"
ANNA_HANDLE = "anna_work_de"
LIGHT_WITH_ANNA = ("talkhub", "tunecloud", "staffspot", "snapfolio")
N_CHIRP, N_CIRCLE = 45, 30
N_ANNA_POSTS, N_FOLLOWERS = 25, 30
N_GROUPS, N_GROUP1_POSTS, N_GROUP1_MEMBERS = 25, 23, 25
N_COMMENTS, N_FRIENDS, N_CHECKINS = 22, 22, 21
KINDS = ("jobs", "refugee-help", "rides")
BASE_SITES = ("quickads", "companions", "jobboard", "search")  # the social sites are left to the web layer


def iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def jpeg(rng: random.Random) -> bytes:
    img = Image.new("RGB", (64, 48), tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80)
    return out.getvalue()


def build_social_world(out: Path, *, list_social: bool = False, seed: int = 5, world_id: str = WORLD_ID) -> Path:
    """Write the world to ``out`` and return it. ``list_social`` also lists the social sites in ``sites``."""
    rng = random.Random(seed)
    (out / "public" / "photos").mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(out / "public" / "site.sqlite")
    conn.executescript(render.SCHEMA + platforms.SCHEMA)
    conn.executemany("INSERT INTO sites VALUES (?, ?, ?, ?)", [s for s in render.SITES if s[0] in BASE_SITES])
    if list_social:
        conn.execute("INSERT INTO sites VALUES ('chirp', 'chirp.example', 'Chirp (listed)', 'Listed by the world')")
    conn.executemany("INSERT INTO cities VALUES (?, ?, ?)", CITIES)
    conn.executemany("INSERT INTO categories VALUES (?, ?)", render.CATEGORIES)
    conn.execute("INSERT INTO quickads_ads VALUES (1, 'jobs', 'berlin', 'Warehouse work', 'Call 07700 900777', "
                 "'Olek', NULL, '€12 / hour', '07700 900777', NULL, NULL, ?)", (iso(EPOCH),))
    t = EPOCH
    accounts: dict[str, list[int]] = {}

    def account(platform: str, username: str, name: str, bio: str, city: str | None) -> int:
        nonlocal t
        t += timedelta(hours=3)
        ids = accounts.setdefault(platform, [])
        ids.append(len(ids) + 1)
        conn.execute("INSERT INTO social_accounts VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (platform, ids[-1], username, name, bio, city, iso(t)))
        return ids[-1]

    anna_bio = f"Recruiter for jobs in Germany. WhatsApp {ANNA_PHONE} · {ANNA_EMAIL} · Telegram @{ANNA_HANDLE}"
    for platform, n in (("chirp", N_CHIRP), ("circle", N_CIRCLE)):
        account(platform, ANNA, "Anna K.", anna_bio, "berlin")
        account(platform, "Mixed.Case", "Mixed Case", '<b>not bold</b> & "quoted"', None)
        account(platform, "mixed.case", "Other Mixed", "Only differs in case", "lodz")
        for i in range(4, n + 1):
            account(platform, f"user{i:02d}", f"Użytkownik {i}", f"Bio {i} #life", CITIES[i % 4][0])
    for p in platforms.LIGHT_PLATFORMS:
        if p.slug in LIGHT_WITH_ANNA:
            account(p.slug, ANNA, "Anna K", anna_bio, "berlin")
        account(p.slug, f"{p.slug}_fan", f"{p.name} Fan", "Here for the community.", None)
        account(p.slug, "olek.d", "Olek D", "Drivers wanted, call 07700 900555", "lviv")
    _chirp(conn, rng)
    _circle(conn, rng)
    _photos(conn, rng, out)
    conn.commit()
    conn.close()
    (out / "public" / "briefs.json").write_text("{}\n")
    (out / "manifest.json").write_text(json.dumps({"world_id": world_id, "seed": seed, "preset": "social-fixture",
                                                   "generator_version": "test", "packages": {}, "files": {}}))
    return out


def _chirp(conn: sqlite3.Connection, rng: random.Random) -> None:
    t = EPOCH + timedelta(days=10)
    post_id = 0

    def post(account_id: int, text: str, reply_to: int | None = None, repost_of: int | None = None) -> int:
        nonlocal t, post_id
        t += timedelta(minutes=rng.randint(10, 300))
        post_id += 1
        conn.execute("INSERT INTO chirp_posts VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (post_id, account_id, text, "en", iso(t), reply_to, repost_of))
        return post_id

    first = post(1, f"Good jobs in Berlin, no German needed! #Jobs #Berlin Write {ANNA_PHONE}")
    for i in range(2, N_ANNA_POSTS):
        post(1, f"Post {i} from Anna #jobs{' #praca' if i % 3 == 0 else ''} @user0{i % 9 + 1}")
    post(1, "", repost_of=first)  # a plain repost of her own post
    reply = post(4, "Is this real? #jobs", reply_to=first)
    post(1, "Yes, write me on Telegram", reply_to=reply)
    post(5, "Sharing this 👇 <b>not bold</b> & \"quoted\"", repost_of=first)
    post(6, "", repost_of=9999)  # the original was deleted
    for i in range(4, N_CHIRP + 1):
        post(i, f"Hello from user {i} #life")
    for i in range(2, N_FOLLOWERS + 2):
        conn.execute("INSERT INTO chirp_follows VALUES (?, 1, ?)", (i, iso(EPOCH + timedelta(days=i))))
    for i in range(40, 45):
        conn.execute("INSERT INTO chirp_follows VALUES (1, ?, ?)", (i, iso(EPOCH + timedelta(days=i))))


def _circle(conn: sqlite3.Connection, rng: random.Random) -> None:
    t = EPOCH + timedelta(days=5)
    for g in range(1, N_GROUPS + 1):
        city, kind = CITIES[g % 4][0], KINDS[g % 3]
        name = "Praca Berlin — jobs for Ukrainians" if g == 1 else f"Group {g:02d} {kind}"
        conn.execute("INSERT INTO circle_groups VALUES (?, ?, ?, ?, ?, ?)",
                     (g, name, "berlin" if g == 1 else city, "jobs" if g == 1 else kind,
                      f"A group about {kind} in {city}.", iso(t + timedelta(hours=g))))
    for a in range(1, N_GROUP1_MEMBERS + 1):
        conn.execute("INSERT INTO circle_members VALUES (1, ?, ?)", (a, iso(t + timedelta(hours=a))))
    conn.execute("INSERT INTO circle_members VALUES (2, 1, ?)", (iso(t),))
    pid = 0
    for i in range(1, N_GROUP1_POSTS + 1):
        pid += 1
        text = (f"Work in a Berlin warehouse, €2,400/month, flat included. Call {ANNA_PHONE}" if i == 1
                else f"Group post {i}: looking for drivers")
        conn.execute("INSERT INTO circle_posts VALUES (?, 1, ?, ?, 'en', ?)",
                     (pid, 1 if i == 1 else 4 + i % 20, text, iso(t + timedelta(days=1, hours=i))))
    for i in range(3):
        pid += 1
        conn.execute("INSERT INTO circle_posts VALUES (?, NULL, 1, ?, 'en', ?)",
                     (pid, f"Wall post {i} by Anna <i>not italic</i>", iso(t + timedelta(days=2, hours=i))))
    for c in range(1, N_COMMENTS + 1):
        text = "Interested! my mail: olena.v@mail.example" if c == 1 else f"Comment {c}"
        conn.execute("INSERT INTO circle_comments VALUES (?, 1, ?, ?, ?)",
                     (c, 2 + c % 25, text, iso(t + timedelta(days=3, minutes=c))))
    for f in range(2, N_FRIENDS + 2):
        conn.execute("INSERT INTO circle_friends VALUES (1, ?, ?)", (f, iso(t + timedelta(hours=f))))
    conn.execute("INSERT INTO circle_friends VALUES (2, 3, ?)", (iso(t),))
    conn.execute("INSERT INTO circle_albums VALUES (1, 1, 'Berlin flat', ?)", (iso(t),))
    conn.execute("INSERT INTO circle_albums VALUES (2, 1, 'Empty album', ?)", (iso(t + timedelta(days=1)),))
    for c in range(1, N_CHECKINS + 1):
        conn.execute("INSERT INTO circle_checkins VALUES (?, 1, ?, ?, ?)",
                     (c, f"Hotel Central {c}", CITIES[c % 4][0], iso(t + timedelta(hours=c))))


def _photos(conn: sqlite3.Connection, rng: random.Random, out: Path) -> None:
    """Avatars on Chirp, Circle and TalkHub for anna_k (account 1 there), and three album pictures."""
    talkhub_anna = conn.execute("SELECT account_id FROM social_accounts WHERE platform = 'talkhub' "
                                "AND username = ?", (ANNA,)).fetchone()[0]
    rows = [("chirp-avatar", 1, 1), ("circle-avatar", 1, 1), ("talkhub-avatar", talkhub_anna, 1),
            ("circle-album", 1, 1), ("circle-album", 1, 2), ("circle-album", 1, 3), ("quickads", 1, 1)]
    for site, item, position in rows:
        data = jpeg(rng)
        name = hashlib.sha256(data).hexdigest()[:20] + ".jpg"
        (out / "public" / "photos" / name).write_bytes(data)
        conn.execute("INSERT INTO photos VALUES (?, ?, ?, ?, ?)", (f"{rng.getrandbits(64):016x}", site, item,
                                                                   position, name))
