"""Care-plan queries that differ from the generic entry table: goals listed with the active ones first."""

from dataclasses import replace

from phr.storage.database import Database
from phr.storage.repos.entries import EntryRepository
from phr.storage.repos.tables import GOALS

# The goals table orders by status name, which puts achieved goals above active ones; in a list
# of all goals the person looks for what is still going on, so active goals come first.
_GOALS_ACTIVE_FIRST = replace(GOALS, order_by="status <> 'active', review_date NULLS LAST, id")


def goals_active_first(db: Database) -> EntryRepository:
    """A goals repository whose `rows()` lists active goals first, then the others, by review date."""
    return EntryRepository(db, _GOALS_ACTIVE_FIRST)
