"""Dutch words of the emergency export (see phr/export/words.py)."""

DUTCH: dict[str, str] = {
}
