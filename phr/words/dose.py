"""A medicine's dose and schedule in words, in any export language, from the structured fields
(amount, unit, times a day, with or without food, only when needed): '1 tablet, 3 times a day, with food'.

The patient's own words for a dose stay as typed; these are the app's words, so an English export of a
Dutch record says the schedule in English. The app shows the same words (phr.ui reads them from here).
"""

from phr.core.vocabulary import DoseUnit, FoodTiming
from phr.words.vocabulary import Translate, label_of

ONE = 1


def amount_text(w: Translate, amount: float) -> str:
    """12 -> '12', 0.5 -> '0.5' ('0,5' in Dutch), 0.0625 -> '0.0625': no trailing zeros, at most four decimals
    (phr.record.medications refuses finer amounts, so nothing is rounded away)."""
    text = f"{amount:.4f}".rstrip("0").rstrip(".")
    # The language's decimal sign, as a word of its own: a Translate is all this module gets.
    return text.replace(".", w("."))


def unit_text(w: Translate, unit: str, amount: float) -> str:
    """The unit as said after the amount: 'tablet' or 'tablets', 'mg'."""
    one = amount <= ONE  # "half a tablet" is still a tablet
    texts: dict[str, str] = {
        DoseUnit.TABLET: w("tablet") if one else w("tablets"),
        DoseUnit.CAPSULE: w("capsule") if one else w("capsules"),
        DoseUnit.MG: w("mg"),
        DoseUnit.MICROGRAM: w("microgram"),
        DoseUnit.ML: w("ml"),
        DoseUnit.UNIT: w("unit (IU)") if one else w("units (IU)"),
        DoseUnit.PUFF: w("puff") if one else w("puffs"),
        DoseUnit.DROP: w("drop") if one else w("drops"),
        DoseUnit.SACHET: w("sachet") if one else w("sachets"),
        DoseUnit.INJECTION: w("injection") if one else w("injections"),
    }
    return texts.get(unit, unit)


def dose_text(w: Translate, amount: float | None, unit: str) -> str:
    """'1 tablet', '100 mg'; '' without an amount."""
    if amount is None:
        return ""
    return f"{amount_text(w, amount)} {unit_text(w, unit, amount)}".strip()


def times_text(w: Translate, times_per_day: int | None) -> str:
    if times_per_day is None:
        return ""
    if times_per_day == 1:
        return w("once a day")
    if times_per_day == 2:
        return w("twice a day")
    return w("{times} times a day").format(times=times_per_day)  # a Translate takes no fields


def most_times_text(w: Translate, times_per_day: int | None) -> str:
    """For a medicine taken only when needed, times a day is a most, not a plan: 'at most 3 times a day'."""
    if times_per_day is None:
        return ""
    if times_per_day == 1:
        return w("at most once a day")
    return w("at most {times} times a day").format(times=times_per_day)  # a Translate takes no fields


def schedule_text(w: Translate, times_per_day: int | None, food: str, as_needed: bool) -> str:
    """'3 times a day, with food'; 'only when needed, at most 3 times a day'; '' when nothing is known."""
    if as_needed:
        parts = [w("only when needed"), most_times_text(w, times_per_day)]
    else:
        parts = [times_text(w, times_per_day)]
    if food:
        parts.append(label_of(w, FoodTiming, food, in_sentence=True))
    text = ", ".join(part for part in parts if part)
    return text[:1].upper() + text[1:] if text else ""


DUTCH: dict[str, str] = {
    ".": ",",
    "tablet": "tablet",
    "tablets": "tabletten",
    "capsule": "capsule",
    "capsules": "capsules",
    "mg": "mg",
    "microgram": "microgram",
    "ml": "ml",
    "unit (IU)": "eenheid (IE)",
    "units (IU)": "eenheden (IE)",
    "puff": "pufje",
    "puffs": "pufjes",
    "drop": "druppel",
    "drops": "druppels",
    "sachet": "zakje",
    "sachets": "zakjes",
    "injection": "injectie",
    "injections": "injecties",
    "once a day": "1 keer per dag",
    "twice a day": "2 keer per dag",
    "{times} times a day": "{times} keer per dag",
    "only when needed": "alleen als het nodig is",
    "at most once a day": "hoogstens 1 keer per dag",
    "at most {times} times a day": "hoogstens {times} keer per dag",
}
