"""Parse generated HTML with html.parser and collect what the offline/privacy checks need."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

EMAIL = re.compile(r"([\w.+*-]+)@([\w-]+(?:\.[\w-]+)+)")
REMOTE = re.compile(r"^\s*(https?:|//|ftp:)", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(https?:|//)", re.IGNORECASE)


@dataclass
class Page:
    """What a generated document contains, as seen by a browser."""

    lang: str | None = None
    refs: list[str] = field(default_factory=list)  # every href/src/action/srcset value
    images: list[dict[str, str | None]] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # <style> bodies and style="" attributes
    text: str = ""
    tags: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_style = False
        self._chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.page.tags.append(tag)
        if tag == "html":
            self.page.lang = values.get("lang")
        if tag == "img":
            self.page.images.append(values)
        for name in ("href", "src", "action", "srcset", "poster", "data"):
            if values.get(name):
                self.page.refs.append(str(values[name]))
        if values.get("style"):
            self.page.styles.append(str(values["style"]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.page.styles.append(data)
        else:
            self._chunks.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join(" ".join(self._chunks).split())


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.page


def external_refs(page: Page) -> list[str]:
    """References a browser would fetch from the network (links, images, CSS url())."""
    found = [ref for ref in page.refs if REMOTE.match(ref)]
    found.extend(style for style in page.styles if CSS_URL.search(style))
    return found


def unmasked_emails(text: str) -> set[str]:
    """Addresses whose local part is not masked with '*'."""
    return {m.group(0) for m in EMAIL.finditer(text) if "*" not in m.group(1)}
