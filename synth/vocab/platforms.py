"""The social platforms of the fake internet: two big ones and the light ones, and their public tables.

One module that the generator (which fills the tables), the web server (which serves them) and the
WhatsMyName-style site list (which a trainee's username lookup reads) all import, so a platform's
address, its "user missing" behaviour and its columns are defined once.

- Chirp (``chirp.example``, at ``/chirp/``): a microblog — posts, replies, reposts, followers,
  hashtags — with HTML pages and a paginated JSON API that needs an API key from its developer page.
- Circle (``circle.example``, at ``/circle/``): profiles and groups — city job boards and refugee-help
  groups, membership lists, posts and comments, friend lists, photo albums, check-ins.
- Light platforms: profile pages only. Each answers a missing user its own way, as real sites do: a
  404, a "soft 404" (status 200 with a "not found" message in the page) or a redirect.
"""

from __future__ import annotations

from dataclasses import dataclass

CHIRP, CIRCLE = "chirp", "circle"


@dataclass(frozen=True)
class LightPlatform:
    """A site with profile pages only, described the way WhatsMyName describes sites.

    ``profile`` is the path with ``{account}`` for the username. A present user answers ``e_code`` with
    ``e_string`` in the page; a missing one answers ``m_code`` with ``m_string`` in the page (for a
    redirect, ``m_code`` is 302 and the page is the redirect's target).
    """

    slug: str
    name: str
    domain: str
    category: str  # WhatsMyName's categories: social, gaming, hobby, business, dating, ...
    profile: str  # e.g. "/talkhub/members/{account}"
    e_code: int
    e_string: str
    m_code: int
    m_string: str
    tagline: str

    def profile_path(self, username: str) -> str:
        return self.profile.format(account=username)


LIGHT_PLATFORMS: tuple[LightPlatform, ...] = (
    LightPlatform("talkhub", "TalkHub", "talkhub.example", "social", "/talkhub/members/{account}",
                  200, "Member since", 404, "Page not found", "Forums for everything"),
    LightPlatform("snapfolio", "Snapfolio", "snapfolio.example", "images", "/snapfolio/{account}",
                  200, "photos by", 200, "This user does not exist", "Share your photos"),
    LightPlatform("giglane", "GigLane", "giglane.example", "business", "/giglane/freelancers/{account}",
                  200, "Hire ", 404, "Page not found", "Small jobs, fast"),
    LightPlatform("meetlocal", "MeetLocal", "meetlocal.example", "dating", "/meetlocal/profile/{account}",
                  200, "Looking for", 200, "Profile not found", "Meet people near you"),
    LightPlatform("penly", "Penly", "penly.example", "blog", "/penly/@{account}",
                  200, "Stories by", 404, "Page not found", "Write, read, share"),
    LightPlatform("tunecloud", "TuneCloud", "tunecloud.example", "music", "/tunecloud/{account}",
                  200, "Tracks by", 302, "Discover new music", "Music from everyone"),
    LightPlatform("swapit", "Swapit", "swapit.example", "shopping", "/swapit/user/{account}",
                  200, "Items for sale by", 200, "No member with that name", "Buy and sell second-hand"),
    LightPlatform("routebook", "RouteBook", "routebook.example", "social", "/routebook/drivers/{account}",
                  200, "Rides offered by", 404, "Page not found", "Share a ride across Europe"),
    LightPlatform("staffspot", "StaffSpot", "staffspot.example", "business", "/staffspot/in/{account}",
                  200, "Experience", 200, "We could not find that profile", "Your career, your network"),
)
LIGHT_BY_SLUG = {p.slug: p for p in LIGHT_PLATFORMS}
ALL_PLATFORMS = (CHIRP, CIRCLE, *LIGHT_BY_SLUG)

# Public tables (public/site.sqlite). Ids are public numbers assigned after a shuffle, in order of
# creation time, like ad ids: they say when something was created and nothing about who made it.
SCHEMA = """
CREATE TABLE social_accounts (
  platform TEXT NOT NULL, account_id INTEGER NOT NULL, username TEXT NOT NULL, display_name TEXT NOT NULL,
  bio TEXT NOT NULL, city TEXT REFERENCES cities(slug), created_at TEXT NOT NULL,
  PRIMARY KEY (platform, account_id), UNIQUE (platform, username));
CREATE TABLE chirp_posts (
  post_id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, text TEXT NOT NULL, language TEXT NOT NULL,
  posted_at TEXT NOT NULL, reply_to INTEGER REFERENCES chirp_posts(post_id),
  repost_of INTEGER REFERENCES chirp_posts(post_id));
CREATE INDEX chirp_posts_account ON chirp_posts (account_id, posted_at);
CREATE TABLE chirp_follows (follower_id INTEGER NOT NULL, followee_id INTEGER NOT NULL, since TEXT NOT NULL,
  PRIMARY KEY (follower_id, followee_id));
CREATE INDEX chirp_follows_followee ON chirp_follows (followee_id);
CREATE TABLE circle_groups (
  group_id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT REFERENCES cities(slug), kind TEXT NOT NULL,
  description TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE circle_members (group_id INTEGER NOT NULL, account_id INTEGER NOT NULL, joined_at TEXT NOT NULL,
  PRIMARY KEY (group_id, account_id));
CREATE INDEX circle_members_account ON circle_members (account_id);
CREATE TABLE circle_posts (
  post_id INTEGER PRIMARY KEY, group_id INTEGER REFERENCES circle_groups(group_id), account_id INTEGER NOT NULL,
  text TEXT NOT NULL, language TEXT NOT NULL, posted_at TEXT NOT NULL);
CREATE INDEX circle_posts_group ON circle_posts (group_id, posted_at);
CREATE INDEX circle_posts_account ON circle_posts (account_id, posted_at);
CREATE TABLE circle_comments (
  comment_id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES circle_posts(post_id),
  account_id INTEGER NOT NULL, text TEXT NOT NULL, posted_at TEXT NOT NULL);
CREATE INDEX circle_comments_post ON circle_comments (post_id, posted_at);
CREATE TABLE circle_friends (a_id INTEGER NOT NULL, b_id INTEGER NOT NULL, since TEXT NOT NULL,
  PRIMARY KEY (a_id, b_id), CHECK (a_id < b_id));
CREATE INDEX circle_friends_b ON circle_friends (b_id);
CREATE TABLE circle_albums (album_id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, title TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE circle_checkins (checkin_id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, place TEXT NOT NULL,
  city TEXT NOT NULL REFERENCES cities(slug), checked_in_at TEXT NOT NULL);
CREATE INDEX circle_checkins_account ON circle_checkins (account_id, checked_in_at);
"""
# Pictures of accounts use the existing ``photos`` table: site "chirp-avatar" / "circle-avatar" /
# "<light slug>-avatar" with item_id = account_id, and site "circle-album" with item_id = album_id.
