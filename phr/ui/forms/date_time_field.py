"""A date and time to the minute (when an appointment starts, when a diary entry was written).

A new appointment starts empty, so that a forgotten time is noticed rather than saved as "now".
"""

from phr.core.typed_dates import Expect
from phr.ui.forms.date_input import DateInput
from phr.ui.forms.date_words import STORED, in_words
from phr.ui.forms.fields import FormField, date_input_field

__all__ = ["STORED", "date_time_field", "in_words"]  # in_words: many pages say a visit's time with it


def date_time_field(name: str, label: str) -> FormField:
    return date_input_field(name, label, DateInput(Expect.DATE_TIME))
