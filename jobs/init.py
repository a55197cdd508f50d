"""`rekisteri init`: register database, folders and the suppression key file. Idempotent."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from jobs.context import Context

log = logging.getLogger(__name__)


def ensure_key_file(path: Path) -> bool:
    """Create a 0600 file with a random 64-hex-char key unless one exists. True if created."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    return True


def run_init(ctx: Context) -> list[str]:
    settings = ctx.settings
    done: list[str] = []
    conn = ctx.open_register()
    conn.close()
    done.append(f"register {settings.register.database}")
    for folder in (settings.register.inbox, settings.reports.dir):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        done.append(f"folder {folder}")
    if ctx.secrets.suppression_key is None:
        created = ensure_key_file(settings.register.suppression_key_file)
        state = "created" if created else "kept"
        done.append(f"suppression key {settings.register.suppression_key_file} ({state})")
    else:
        done.append("suppression key from the environment")
    for line in done:
        log.info("init: %s", line)
    return done
