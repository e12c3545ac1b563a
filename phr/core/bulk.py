"""Pausing Python's cycle collector while a million small objects are made and stored.

An import makes millions of tuples and no reference cycles; the collector would walk all of
them again and again (seconds per million). It is paused for the whole process meanwhile:
imports run off the GUI thread, and nothing else makes cycles that must be freed at once.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bulk() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
