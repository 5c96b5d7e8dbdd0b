"""Circle's groups: the directory (``/circle/groups?city=&kind=``), a group's posts and members, one post.

City job boards and refugee-help groups are where recruiters post offers and where people ask for
work and transport, so this is where module 04's trainees read. Groups are listed by name; a group's
posts newest first; a post's comments oldest first; 20 a page, a page past the last is a 404. An
unknown ``city`` or ``kind`` is a 400 that says where the valid values are.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request, url_for

from synth.web.context import db, lab_world
from synth.web.pages import parse_page
from synth.web.sites.circle.data import (
    GROUP_COLUMNS,
    Group,
    comments_page,
    count_comments,
    get_group,
    get_post,
    members_page,
    posts_page,
    with_counts,
)
from synth.web.social import Links, paging

bp = Blueprint("groups", __name__)

PAGE_SIZE = 20


def kinds() -> list[str]:
    """The group kinds this world has (the ``kind`` filter accepts these)."""
    return [r[0] for r in db().execute("SELECT DISTINCT kind FROM circle_groups ORDER BY kind")]


def kind_label(kind: str) -> str:
    """'refugee-help' → 'Refugee help'."""
    return kind.replace("-", " ").replace("_", " ").capitalize()


@bp.app_template_global("circle_kind")
def _kind_label(kind: str) -> str:
    return kind_label(kind)


@bp.get("/groups")
def directory() -> str:
    """Groups matching ``city`` and ``kind`` (both optional), by name, with members and posts counted."""
    city = request.args.get("city", "").strip()
    kind = request.args.get("kind", "").strip()
    if city and city not in lab_world().cities:
        abort(400, f"Circle has no city called “{city[:40]}”. Pick one of the cities listed on /circle/groups.")
    known_kinds = kinds()
    if kind and kind not in known_kinds:
        abort(400, f"Circle has no kind of group called “{kind[:40]}”. Pick one of: {', '.join(known_kinds)}.")
    clauses = [c for c, v in (("city = ?", city), ("kind = ?", kind)) if v]
    params = tuple(v for v in (city, kind) if v)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    total = db().execute(f"SELECT COUNT(*) FROM circle_groups{where}", params).fetchone()[0]
    p = paging(total, parse_page(request.args.get("page")), PAGE_SIZE, "groups")
    rows = db().execute(f"SELECT {GROUP_COLUMNS} FROM circle_groups{where} ORDER BY name, group_id LIMIT ? OFFSET ?",
                        (*params, PAGE_SIZE, p.offset))
    facet = "SELECT {0}, COUNT(*) FROM circle_groups{1} GROUP BY {0}"
    city_where = (" WHERE kind = ?", (kind,)) if kind else ("", ())
    kind_where = (" WHERE city = ?", (city,)) if city else ("", ())
    return render_template(
        "circle/groups.html", groups=with_counts([Group.of(r) for r in rows]), p=p, city=city, kind=kind,
        links=Links.to("circle.groups.directory", city=city, kind=kind),
        city_counts=dict(db().execute(facet.format("city", city_where[0]), city_where[1]).fetchall()),
        kind_counts=dict(db().execute(facet.format("kind", kind_where[0]), kind_where[1]).fetchall()),
        filter_url=lambda **change: url_for("circle.groups.directory",
                                            **{k: v for k, v in {"city": city, "kind": kind, **change}.items() if v}))


def _group(group_id: int) -> Group:
    group = get_group(group_id)
    if group is None:
        abort(404, f"Group {group_id} does not exist. The groups are listed on /circle/groups.")
    return group


@bp.get("/groups/<int:group_id>")
def group(group_id: int) -> str:
    """A group: what it is about, and its posts, newest first."""
    g = _group(group_id)
    p = paging(g.posts, parse_page(request.args.get("page")), PAGE_SIZE, "posts")
    return render_template("circle/group.html", group=g, p=p, tab="posts",
                           posts=posts_page(" WHERE group_id = ?", (group_id,), PAGE_SIZE, p.offset),
                           links=Links.to("circle.groups.group", group_id=group_id))


@bp.get("/groups/<int:group_id>/members")
def members(group_id: int) -> str:
    """A group's members, the most recent to join first."""
    g = _group(group_id)
    p = paging(g.members, parse_page(request.args.get("page")), PAGE_SIZE, "members")
    return render_template("circle/group.html", group=g, p=p, tab="members",
                           people=members_page(group_id, PAGE_SIZE, p.offset),
                           links=Links.to("circle.groups.members", group_id=group_id))


@bp.get("/posts/<int:post_id>")
def post(post_id: int) -> str:
    """One post, where it was posted, and its comments, oldest first."""
    entry = get_post(post_id)
    if entry is None:
        abort(404, f"Post {post_id} does not exist, or it has been removed.")
    p = paging(count_comments(post_id), parse_page(request.args.get("page")), PAGE_SIZE, "comments")
    return render_template("circle/post.html", post=entry, p=p, comments=comments_page(post_id, PAGE_SIZE, p.offset),
                           links=Links.to("circle.groups.post", post_id=post_id))
