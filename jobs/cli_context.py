"""The Context a command receives: built by the top-level group, or on first use after --help.

`rekisteri <command> --help` must not load the settings (pydantic, the config file, the
identity check): the group skips building the Context when help is on the line and leaves a
builder instead. A command body that still runs (`--help` was an option's value after all)
builds it here, so it gets the same checks as always.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import update_wrapper
from typing import Any, TypeVar

import click

from jobs.context import Context

F = TypeVar("F", bound=Callable[..., Any])
_BUILDER = "rekisteri.build_context"


def defer_context(click_ctx: click.Context, build: Callable[[], Context]) -> None:
    """Remember how to build the Context; `pass_ctx` builds it when a command body runs."""
    click_ctx.meta[_BUILDER] = build


def pass_ctx(command: F) -> F:
    """Like `click.make_pass_decorator(Context)`, building a deferred Context on first use."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        click_ctx = click.get_current_context()
        obj = click_ctx.find_object(Context)
        if obj is None:
            build = click_ctx.meta.get(_BUILDER)
            if build is None:
                raise RuntimeError(f"{click_ctx.command_path}: no Context and no builder")
            obj = build()
            click_ctx.find_root().obj = obj
        return click_ctx.invoke(command, obj, *args, **kwargs)

    return update_wrapper(wrapper, command)  # type: ignore[return-value]
