"""Dutch words of the visit export (see phr/export/words.py)."""

DUTCH: dict[str, str] = {
}
