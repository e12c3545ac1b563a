"""What a blood pressure monitor noticed in a period's readings, said the same way in the app's figures, the
overview and the visit brief: how many readings it flagged, and per flag how many (irregular heartbeat, possible AFib, movement, cuff).

The counts come ready from phr.monitoring.figures (DeviceFlagCounts); nothing is said when no reading was flagged.
"""

from phr.monitoring.statistics_bp import DeviceFlagCounts
from phr.words.catalogue import Words
from phr.words.vocabulary import label


def monitor_flags_text(w: Words, counts: DeviceFlagCounts | None) -> str:
    """'The blood pressure monitor flagged 40 of the 371 readings. Irregular heartbeat: 15; …'; '' for none."""
    if counts is None or not counts.flagged:
        return ""
    lead = w("The blood pressure monitor flagged {flagged} of the {total} readings.",
             flagged=w.number(counts.flagged, 0), total=w.number(counts.readings, 0))
    # The app's words for each flag (phr.words.vocabulary), so the PDF says what the readings tab says.
    each = "; ".join(f"{label(w, one.flag, in_sentence=bool(number))}: {w.number(one.count, 0)}"
                     for number, one in enumerate(counts.counts))
    return f"{lead} {each}. " + w("Flagged readings are included in the figures.")
