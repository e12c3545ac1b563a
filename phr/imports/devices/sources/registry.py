"""The sources device_import tries, in order, before the CSV pipeline (see sources/__init__.py).

A source decides from the file's head; for a zip, from its contents instead (the names of its
members, archive.contents_of: a zip's first bytes name one member at most)."""

from phr.imports.devices.sources import FileInput, Source, apple_health, archive, head_of, nightscout_json, withings_zip

SOURCES: tuple[Source, ...] = (nightscout_json.SOURCE, apple_health.SOURCE, withings_zip.SOURCE)


def source_of(file: FileInput) -> Source | None:
    """The source that reads this file, or None (a table: the CSV pipeline reads it)."""
    head = head_of(file)
    if archive.is_zip(head):
        head = archive.contents_of(file, head)
    return next((source for source in SOURCES if source.looks_like(head)), None)


def streamed(file: FileInput) -> bool:
    """True for a file that is read from its path in bounded memory (the caller must not read it whole)."""
    source = source_of(file)
    return source is not None and source.streamed
