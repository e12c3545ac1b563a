"""What both readers raise when a file cannot be imported."""

from phr.core.errors import InvalidInput


class InvalidImport(InvalidInput):
    """The file is not one Regie can import, or part of it cannot be stored. Nothing was changed."""
