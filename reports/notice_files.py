"""The privacy notice's files and its version: a content hash plus the date that content first
appeared. The same config gives the same version; any change a reader could see gives a new one."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from reports.files import write_text
from reports.i18n import get_lang
from reports.notice_text import describe_notice
from reports.render import render

HASH_CHARS = 12
PUBLIC_FILE = 0o644  # the notice is published on the website: no personal data in it
PUBLIC_DIR = 0o755
_DIR_RE = re.compile(r"^notice-(\d{4}-\d{2}-\d{2})-([0-9a-f]{" + str(HASH_CHARS) + "})$")


def documents(
    notice: Mapping[str, Any], *, language: str, version: str | None, day: date | None
) -> dict[str, str]:
    """notice.fi.html, notice.en.html and notice.md (in `language`); without a version line
    when `version` is None (what the content hash is taken over)."""
    out: dict[str, str] = {}
    for code in ("fi", "en"):
        lang = get_lang(code)
        line = lang.t("notice.version", version=version, date=lang.dt(day)) if version else None
        doc = describe_notice(notice, lang)
        name = str(notice["controller"]["name"])
        out[f"notice.{code}.html"] = render(
            "notice.html.j2", lang=lang, doc=doc, version=line, name=name
        )
        if code == language:
            out["notice.md"] = (
                render("notice.md.j2", lang=lang, doc=doc, version=line, name=name).strip() + "\n"
            )
    return out


def content_hash(notice: Mapping[str, Any], *, language: str) -> str:
    """A hash of everything a reader sees, apart from the version line itself."""
    digest = hashlib.sha256()
    for name, text in sorted(documents(notice, language=language, version=None, day=None).items()):
        digest.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()[:HASH_CHARS]


def issued_versions(root: Path) -> dict[str, str]:
    """{version: first date} of the notices already written under `root` (reports.dir)."""
    found: dict[str, str] = {}
    if root.is_dir():
        for item in root.iterdir():
            match = _DIR_RE.match(item.name)
            if match and item.is_dir():
                found[f"{match.group(1)}-{match.group(2)}"] = match.group(1)
    return found


def version_for(content: str, *, today: date, issued: Mapping[str, str]) -> str:
    """The version of this content: its earliest issued version, else today's date plus hash."""
    same = sorted(v for v in issued if v.endswith("-" + content))
    return same[0] if same else f"{today.isoformat()}-{content}"


def write_notice(
    notice: Mapping[str, Any], *, root: Path, language: str, today: date
) -> tuple[str, Path, list[Path]]:
    """Write the three files into root/notice-<version>/; returns (version, folder, files).
    Writing the same version again rewrites identical files."""
    content = content_hash(notice, language=language)
    version = version_for(content, today=today, issued=issued_versions(root))
    day = date.fromisoformat(version[:10])
    folder = root / f"notice-{version}"
    paths = []
    for name, text in documents(notice, language=language, version=version, day=day).items():
        path = write_text(folder / name, text)
        os.chmod(path, PUBLIC_FILE)
        paths.append(path)
    os.chmod(folder, PUBLIC_DIR)
    return version, folder, paths
