"""The extras of a chart envelope (readings per pixel column, the sensor's Low and High readings), for the chart source.

A thin layer over phr.storage.repos.reading_columns so the UI never reaches the database itself.
"""

from phr.storage.repos import reading_columns
from phr.storage.repos.readings import ReadingRepository


class ChartColumns:
    def __init__(self, session):
        self._session = session

    def span(self, measure: str) -> tuple[int, int] | None:
        """(first, last) epoch of the readings not deleted, found through the hour summaries."""
        return ReadingRepository(self._session.db).span(measure)

    def counts(self, measure: str, first: int, last: int, columns: int) -> dict[int, int]:
        """Column number -> readings in it (see reading_columns.column_of for the numbering)."""
        return reading_columns.counts(self._session.db, measure, first, last, columns)

    def flagged(self, measure: str) -> list[tuple[int, str]]:
        """(epoch, 'below_range' | 'above_range') of every sensor Low and High of a measure, in time order."""
        return reading_columns.flagged(self._session.db, measure)


column_of = reading_columns.column_of
