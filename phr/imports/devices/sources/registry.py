"""The sources device_import tries, in order, before the CSV pipeline (see sources/__init__.py)."""

from phr.imports.devices.sources import FileInput, Source, head_of, nightscout_json

SOURCES: tuple[Source, ...] = (nightscout_json.SOURCE,)


def source_of(file: FileInput) -> Source | None:
    """The source that reads this file, or None (a table: the CSV pipeline reads it)."""
    head = head_of(file)
    return next((source for source in SOURCES if source.looks_like(head)), None)


def streamed(file: FileInput) -> bool:
    """True for a file that is read from its path in bounded memory (the caller must not read it whole)."""
    source = source_of(file)
    return source is not None and source.streamed
