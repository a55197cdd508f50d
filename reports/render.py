"""The one jinja2 environment: templates ship inside the package, everything is autoescaped."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from reports.i18n import Lang


@cache
def _environment() -> Environment:
    # autoescape always on: every value (names, notes, AC field values) is untrusted text;
    # StrictUndefined turns a typo in a template into a test failure instead of a blank cell.
    return Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, *, lang: Lang, **context: Any) -> str:
    """Render `template` with the language object (`lang`, and `t` for `lang.t`) in scope."""
    return _environment().get_template(template).render(lang=lang, t=lang.t, **context)
