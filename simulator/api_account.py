"""Account-level endpoints: users/me, lists, fields, tags."""

from __future__ import annotations

from simulator import render_account
from simulator.api import ApiResponse, Context, Route, body_object, invalid, not_found, ok
from simulator.api_related import page_of
from simulator.state import DuplicateError


def get_me(ctx: Context) -> ApiResponse:
    return ok({"user": render_account.user_me(ctx.fmt)})


def list_lists(ctx: Context) -> ApiResponse:
    total, page = page_of(ctx, list(ctx.state.lists.values()))
    return ok(
        {"lists": [render_account.mailing_list(ctx.fmt, r) for r in page], "meta": {"total": total}}
    )


def get_list(ctx: Context) -> ApiResponse:
    (list_id,) = ctx.args
    record = ctx.state.lists.get(list_id)
    if record is None:
        return not_found(f"No Result found for _List with id {list_id}")
    return ok({"list": render_account.mailing_list(ctx.fmt, record)})


def list_fields(ctx: Context) -> ApiResponse:
    """GET /fields: fields of the page plus their fieldOptions and fieldRels."""
    total, page = page_of(ctx, list(ctx.state.fields.values()))
    return ok(
        {
            "fieldOptions": [
                option for r in page for option in render_account.field_options(ctx.fmt, r)
            ],
            "fieldRels": [render_account.field_rel(ctx.fmt, r) for r in page],
            "fields": [render_account.field(ctx.fmt, r) for r in page],
            "meta": {"total": total},
        }
    )


def list_tags(ctx: Context) -> ApiResponse:
    """GET /tags: `search` = contains (case-insensitive); `filters[search][eq]` = exact."""
    query = ctx.request.query
    items = list(ctx.state.tags.values())
    search = query.get("search", "").strip().lower()
    if search:
        items = [t for t in items if search in t.tag.lower()]
    exact = query.get("filters[search][eq]")
    if exact is not None:
        items = [t for t in items if t.tag.lower() == exact.strip().lower()]
    contains = query.get("filters[search][contains]", "").strip().lower()
    if contains:
        items = [t for t in items if contains in t.tag.lower()]
    total, page = page_of(ctx, items)
    return ok({"tags": [render_account.tag(ctx.fmt, t) for t in page], "meta": {"total": total}})


def create_tag(ctx: Context) -> ApiResponse:
    """POST /tags {"tag": {"tag", "tagType", "description"}}: 201, 422 if the name exists."""
    body = body_object(ctx.request, "tag")
    name = body.get("tag")
    if not isinstance(name, str) or not name.strip():
        raise invalid("Missing attribute", "/data/attributes/tag", "missing")
    tag_type = body.get("tagType") if body.get("tagType") in ("contact", "template") else "contact"
    description = body.get("description")
    try:
        record = ctx.state.add_tag(
            name.strip(),
            tag_type=str(tag_type),
            description=description if isinstance(description, str) else "",
        )
    except DuplicateError:
        raise invalid(
            "There is already a tag with this name", "/data/attributes/tag", "duplicate"
        ) from None
    return ok({"tag": render_account.tag(ctx.fmt, record)}, 201)


ROUTES: list[Route] = [
    ("GET", r"users/me", get_me),
    ("GET", r"lists", list_lists),
    ("GET", r"lists/(\d+)", get_list),
    ("GET", r"fields", list_fields),
    ("GET", r"tags", list_tags),
    ("POST", r"tags", create_tag),
]
