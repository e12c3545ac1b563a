"""What a service needs of an open record: its database, who is writing, and its folder.

The sessions themselves live in phr.access (RecordSession, and SecondSession for work on another
thread); services only rely on this shape, so they stand below access and can be given either.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from phr.storage.database import Database


@dataclass(frozen=True)
class Author:
    """Who is writing: the owner of the record or one of their carers."""

    id: int
    role: str
    name: str


class Session(Protocol):
    folder: Path

    @property
    def db(self) -> Database: ...

    @property
    def author(self) -> Author: ...

    @property
    def is_open(self) -> bool: ...

    def person_name(self) -> str: ...

    def lock(self) -> None: ...
