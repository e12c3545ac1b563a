"""Dutch words of the overview export (see phr/export/words.py)."""

DUTCH: dict[str, str] = {
}
