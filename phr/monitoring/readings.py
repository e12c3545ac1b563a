"""Readings: what the person measures. Typed in one at a time, or imported from a device by the thousand.

Values are stored in the measure's canonical unit, times as UTC with the original offset.
A typed reading is its own batch; an import is one batch, in one transaction, which adds
nothing that is already there (so importing a file twice adds nothing the second time).
"""

from contextlib import contextmanager
from dataclasses import KW_ONLY, dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Callable, Iterable, Iterator, Sequence

from phr.core import validation
from phr.core.bulk import bulk
from phr.core.clock import utc_now
from phr.core.entries import ADDED, DELETED, RESTORED, UPDATED, Change, EntryInvalid, FieldError
from phr.core.errors import ConstraintViolation
from phr.core.session import Session
from phr.core.vocabulary import ChangeKind, ReadingMethod, Section
from phr.monitoring import validity
from phr.monitoring.custom_measures import MeasureService
from phr.monitoring.measures import BLOOD_PRESSURE, CONTEXTS, FLAGS, GLUCOSE_METHODS, Measure
from phr.storage.repos.reading_rows import EnvelopeRows, HourSums, ReadingRow, joined
from phr.storage.repos.readings import ReadingRepository

SECTION = Section.MONITORING
PROGRESS_EVERY = 5000


class ImportCancelled(Exception):
    """The person pressed Cancel: the transaction rolled back, nothing changed."""


@dataclass(frozen=True)
class ReadingProvenance:
    entered_by: str
    entered_by_role: str
    source: str            # typed | device_import | fhir_import | json_import
    source_detail: str     # e.g. the device file's name
    created_at: str
    changed_at: str


@dataclass(frozen=True)
class Reading:
    measure: str
    taken_at: datetime                 # timezone-aware
    value: float | None = None
    value2: float | None = None        # blood pressure: diastolic
    value3: float | None = None        # blood pressure: pulse
    _: KW_ONLY                         # the rest by name: a row of nine positional values reads as noise
    flag: str = ""                     # '' | below_range | above_range (a sensor's Low / High)
    method: str = ""                   # '' (not known) | sensor | scan | fingerstick | lab | typed
    context: str = ""                  # fasting | after_meal | at_rest | after_exercise
    note: str = ""
    device_flags: int = 0              # what the device noticed: phr.core.vocabulary.DeviceFlag bits
    id: int | None = None
    provenance: ReadingProvenance | None = field(default=None, compare=False)


@dataclass(frozen=True)
class BatchResult:
    added: int
    already_present: int


@dataclass(frozen=True)
class Correction:
    """A reading of a restored batch was corrected: by whom (an author id here) and when."""

    taken_at: datetime
    measure: str
    changed_by: int
    changed_at: str


@dataclass(frozen=True)
class BatchAsWas:
    """A batch from Regie's own file with the provenance it had there (the author as an id here)."""

    uid: str
    entered_by: int
    source: str
    source_detail: str | None
    created_at: str
    readings: list[Reading]
    corrections: list[Correction] = field(default_factory=list)


def as_row(reading) -> tuple:
    """A Reading (or a parsed device reading) as a storage row."""
    offset = reading.taken_at.utcoffset()
    if offset is None:
        raise ValueError("a reading's time must carry its UTC offset")
    return (reading.measure, int(reading.taken_at.timestamp()), int(offset.total_seconds() // 60), reading.value,
            reading.value2, reading.value3, reading.flag or "", reading.method or "",
            getattr(reading, "context", "") or "", reading.note or None)


def from_row(row: dict) -> Reading:
    moment = datetime.fromtimestamp(row["taken_at"], timezone(timedelta(minutes=row["utc_offset"])))
    provenance = ReadingProvenance(row["entered_by_name"], row["entered_by_role"], row["source"],
                                   row["source_detail"] or "", row["created_at"], row["changed_at"] or "")
    return Reading(row["measure"], moment, row["value"], row["value2"], row["value3"], flag=row["flag"],
                   method=row["method"], context=row["context"], note=row["note"] or "",
                   device_flags=row.get("device_flags") or 0, id=row["id"], provenance=provenance)


class ReadingService:
    def __init__(self, session: Session) -> None:
        self._session = session
        self.measures = MeasureService(session)

    @property
    def _repo(self) -> ReadingRepository:
        return ReadingRepository(self._session.db)

    # --- checking ---------------------------------------------------------------------------

    def validate(self, reading: Reading) -> list[FieldError]:
        checks = validation.Checks()
        measure = self.measures.find(reading.measure)
        if measure is None:
            checks.add("measure", "invalid_choice")
            return checks.errors
        # The rules of every way in (phr.monitoring.validity); typed, the person was asked about an unusual value.
        for problem in validity.reading_problems(measure, reading, kept=True):
            checks.add(problem.field, problem.problem)
        if measure.kind == BLOOD_PRESSURE and reading.value3 is None:  # typed, a blood pressure has its pulse too
            checks.add("value3", "required")
        checks.choice("flag", reading.flag, ("",) + FLAGS)
        checks.choice("method", reading.method, ("",) + GLUCOSE_METHODS)
        checks.choice("context", reading.context, ("",) + CONTEXTS)
        return checks.errors

    def implausible(self, reading: Reading) -> list[str]:
        """Fields whose value lies outside the measure's plausible bounds: to be questioned, not refused."""
        measure = self.measures.find(reading.measure)
        if measure is None:
            return []
        return [name for index, name in enumerate(_value_fields(measure))
                if isinstance(getattr(reading, name), (int, float))
                and not measure.plausible(getattr(reading, name), index if measure.components else 0)]

    # --- writing ----------------------------------------------------------------------------

    def add(self, reading: Reading) -> Change:
        """One typed reading (its own batch, with the person who typed it); its method is 'typed' unless
        the caller says another (a value read off a finger-prick meter may say 'fingerstick')."""
        if not reading.method:
            reading = replace(reading, method=ReadingMethod.TYPED.value)
        self._refuse_invalid(reading)
        db, now = self._session.db, utc_now()
        with db.transaction():
            batch = self._repo.new_batch(self._session.author.id, "typed", None, now)
            added, _spans = self._repo.insert_readings(batch, [reading])
            if not added:  # raised inside: the batch made for it is rolled back too
                raise _duplicate()
            self._refresh(reading.measure, [reading.taken_at])
        return Change(SECTION, ADDED, self._last_id())

    def add_batch(self, readings: Iterable, source: str, source_detail: str | None,
                  progress: Callable[[int], bool] | None = None, also: Callable[[], None] | None = None) -> BatchResult:
        """Many readings (already checked by their parser) in ONE transaction; `progress(done)` may
        return False to cancel, which raises ImportCancelled with nothing changed. `also()` runs in
        the same transaction after the readings (e.g. storing a streamed device file's notes, complete
        only once its readings are read); what it raises rolls everything back."""
        with self.writing(source, source_detail, progress) as writer:
            writer.add(readings)
            if also is not None:
                also()
        return writer.result

    @contextmanager
    def writing(self, source: str, source_detail: str | None,
                progress: Callable[[int], bool] | None = None) -> Iterator["BatchWriter"]:
        """ONE transaction and one batch, for readings handed over in parts while a file is still being
        read (BatchWriter.add, any number of times). What the block raises rolls everything back."""
        with self._session.db.transaction(), bulk():
            writer = self.batch_writer(source, source_detail, progress)
            yield writer
            writer.finish()

    def add_batch_within(self, readings: Iterable, source: str, source_detail: str | None,
                         progress: Callable[[int], bool] | None = None) -> BatchResult:
        """As add_batch, inside the caller's transaction (an import that writes entries and readings together)."""
        writer = self.batch_writer(source, source_detail, progress)
        writer.add(readings)
        writer.finish()
        return writer.result

    def batch_writer(self, source: str, source_detail: str | None,
                     progress: Callable[[int], bool] | None = None) -> "BatchWriter":
        """A new batch to add readings to, inside the caller's transaction; finish() when all are added."""
        batch = self._repo.new_batch(self._session.author.id, source, source_detail, utc_now())
        return BatchWriter(self._repo, batch, progress)

    def restore_batches(self, batches: list[BatchAsWas]) -> BatchResult:
        """Batches of Regie's own file as they were (uid, author, source, times, corrections), inside the
        importer's transaction. A batch the record holds already (same uid) is left alone."""
        restorer = self.restorer()
        for batch in batches:
            restorer.start(batch)
            restorer.add(batch.readings, batch.corrections)
        return restorer.finish()

    def restorer(self) -> "BatchRestorer":
        """restore_batches a chunk of readings at a time (a lifetime's file), inside the importer's transaction."""
        return BatchRestorer(self._repo)

    def update(self, reading: Reading) -> Change:
        self._refuse_invalid(reading)
        reading_id = reading.id
        stored = self._repo.get(reading_id) if reading_id is not None else None
        if reading_id is None or stored is None:
            raise EntryInvalid([FieldError("id", "not_found")])
        row = dict(zip(("measure", "taken_at", "utc_offset", "value", "value2", "value3", "flag", "method",
                        "context", "note"), as_row(reading)))
        row.pop("measure")  # a reading stays with its measure
        with self._session.db.transaction():
            try:
                self._repo.update(reading_id, row, self._session.author.id, utc_now())
            except ConstraintViolation:  # validated already, so only the one-reading-once index is left
                raise _duplicate() from None
            self._refresh(stored["measure"], [reading.taken_at], [stored["taken_at"]])
        return Change(SECTION, UPDATED, reading_id)

    def delete(self, reading_id: int) -> Change:
        """Undoable with `undo_delete` until the record is locked."""
        return self._set_deleted(reading_id, utc_now(), DELETED)

    def undo_delete(self, reading_id: int) -> Change:
        return self._set_deleted(reading_id, None, RESTORED)

    def _set_deleted(self, reading_id: int, deleted_at: str | None, kind: ChangeKind) -> Change:
        where = self._repo.locate(reading_id)
        if where is None:
            raise EntryInvalid([FieldError("id", "not_found")])
        with self._session.db.transaction():
            self._repo.set_deleted(reading_id, deleted_at)
            self._repo.refresh_buckets(where[0], where[1], where[1])
        return Change(SECTION, kind, reading_id)

    def _refresh(self, measure: str, moments: list[datetime], epochs: Sequence[int] = ()) -> None:
        for at in [int(m.timestamp()) for m in moments] + list(epochs):
            self._repo.refresh_buckets(measure, at, at)

    def _refuse_invalid(self, reading: Reading) -> None:
        errors = self.validate(reading)
        if errors:
            raise EntryInvalid(errors)

    def _last_id(self) -> int:
        return self._repo.last_inserted_id()

    # --- reading ----------------------------------------------------------------------------

    def get(self, reading_id: int) -> Reading | None:
        row = self._repo.get(reading_id)
        return from_row(row) if row else None

    def page(self, measure: str, offset: int, limit: int) -> list[Reading]:
        """Newest first."""
        return [from_row(row) for row in self._repo.page(measure, limit, offset)]

    def count(self, measure: str | None = None) -> int:
        return self._repo.count(measure)

    def counts(self) -> dict[str, int]:
        """Readings per measure, for the list of measures."""
        return self._repo.counts_by_measure()

    def latest(self, measure: str) -> Reading | None:
        rows = self._repo.latest(measure, 1)
        return from_row(rows[0]) if rows else None

    def between(self, measure: str, first: datetime, last: datetime) -> list[ReadingRow]:
        """(taken_at epoch, utc_offset minutes, value, value2, value3, flag, method, context), in time order."""
        return self._repo.between(measure, int(first.timestamp()), int(last.timestamp()))

    def coded_between(self, measure: str, first: datetime, last: datetime) -> list:
        """Like `between`, flag and method as stored codes, no context: for statistics (phr.monitoring.samples)."""
        return self._repo.coded_between(measure, int(first.timestamp()), int(last.timestamp()))

    def stream(self, measure: str, first: datetime, last: datetime):
        """Like `between`, plus the note, as a generator: for exports of any size."""
        return self._repo.stream(measure, int(first.timestamp()), int(last.timestamp()))

    def span(self, measure: str) -> tuple[int, int] | None:
        return self._repo.span(measure)

    def envelope(self, measure: str, first: float, last: float, columns: int, component: int = 0) -> EnvelopeRows:
        return self._repo.envelope(measure, int(first), int(last), columns, component)


class BatchWriter:
    """Adds readings to one batch in chunks (deduplicated: what is there already is counted, not added)
    and keeps the hour and day summaries right; inside the caller's transaction."""

    def __init__(self, repo: ReadingRepository, batch: int, progress: Callable[[int], bool] | None):
        self._repo, self._batch, self._progress = repo, batch, progress
        self._sums = HourSums()
        self._spans: dict[str, tuple[int, int]] = {}
        self.added = self.total = 0

    @property
    def result(self) -> BatchResult:
        return BatchResult(self.added, self.total - self.added)

    def add(self, readings: Iterable) -> None:
        """`progress(readings so far)` after each chunk; False cancels (ImportCancelled)."""
        repo = self._repo
        for chunk in _chunks(readings, PROGRESS_EVERY):
            new, chunk_spans = repo.insert_readings(self._batch, chunk, self._sums)
            self.added, self.total = self.added + new, self.total + len(chunk)
            self._spans = joined(self._spans, chunk_spans)
            repo.add_hours(self._sums)  # memory stays flat: a lifetime's hour sums are not held until the end
            if self._progress is not None and self._progress(self.total) is False:
                raise ImportCancelled()

    def finish(self) -> None:
        # A measure whose readings were all new and plain: the summaries need not read them back.
        self._repo.update_buckets(self._sums, self._spans)


def _duplicate() -> EntryInvalid:
    """The record holds this reading already: same measure, moment, method and values."""
    return EntryInvalid([FieldError("taken_at", "duplicate_reading")])


def _chunks(readings: Iterable, size: int):
    if isinstance(readings, list):  # a parser's result: slices, no copying reading by reading
        for start in range(0, len(readings), size):
            yield readings[start:start + size]
        return
    chunk = []
    for reading in readings:
        chunk.append(reading)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class BatchRestorer:
    """Batches of Regie's own file restored as they were, a chunk of readings at a time: `start` each batch
    (made once; left alone when the record holds its uid already, its readings then count as already present),
    `add` its readings and corrections chunk by chunk, `finish` once: the summaries of every span written."""

    def __init__(self, repo: ReadingRepository) -> None:
        self._repo = repo
        self._batch_id: int | None = None
        self._spans: dict[str, tuple[int, int]] = {}
        self._added = self._present = 0

    def start(self, batch: BatchAsWas) -> None:
        """`batch`'s provenance (its readings are added with `add`)."""
        repo = self._repo
        held = repo.batch_of_uid(batch.uid) is not None
        self._batch_id = None if held else repo.new_batch(batch.entered_by, batch.source, batch.source_detail,
                                                          batch.created_at, uid=batch.uid)

    def add(self, readings: list[Reading], corrections: list[Correction]) -> None:
        """Readings of the batch started last, and the corrections among them."""
        if self._batch_id is None:
            self._present += len(readings)
            return
        new, stored = self._repo.insert_readings(self._batch_id, readings)
        for correction in corrections:
            self._repo.mark_changed(self._batch_id, int(correction.taken_at.timestamp()), correction.measure,
                                    correction.changed_by, correction.changed_at)
        self._added, self._present = self._added + new, self._present + len(readings) - new
        self._spans = joined(self._spans, stored)

    def finish(self) -> BatchResult:
        for measure, (first, last) in self._spans.items():
            self._repo.refresh_buckets(measure, first, last)
        return BatchResult(self._added, self._present)


def _value_fields(measure: Measure) -> tuple[str, ...]:
    return ("value", "value2", "value3") if measure.kind == BLOOD_PRESSURE else ("value",)
