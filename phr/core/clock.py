"""The one clock every stored time stamp comes from: UTC, to the second, ISO 8601."""

from datetime import datetime, timezone


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
