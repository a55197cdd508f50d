"""Errors the jobs raise, and the exit code each one maps to (SPEC section 2)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    DONE = 0
    REVIEW = 1
    USAGE = 2
    ACTIVECAMPAIGN = 3
    INPUT = 4
    SAFETY = 5
    LOCKED = 6
    INTERNAL = 70


class JobError(Exception):
    """A failure with a one-line message meant for the person running the job."""

    exit_code = ExitCode.INTERNAL


class ConfigError(JobError):
    exit_code = ExitCode.USAGE

    def __init__(self, message: str, *, key: str | None) -> None:
        super().__init__(message)
        self.key = key


class SafetyStop(JobError):
    """A destructive step refused to run: partial pull, plan above the limit, plan changed."""

    exit_code = ExitCode.SAFETY


class LockHeld(JobError):
    exit_code = ExitCode.LOCKED
