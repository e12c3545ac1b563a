"""Dutch words of targets and alert limits, for the app and the exports alike (phr.monitoring.target_words).

The app speaks to the person ("uw zorgverlener"); a document is read by others too ("de zorgverlener").
"""

DUTCH: dict[str, str] = {
    "{low} to {high}": "{low} tot {high}",
    "at most {high}": "hoogstens {high}",
    "at least {low}": "minstens {low}",
    "target {range}": "streefwaarde {range}",
    "Target: {limits}.": "Streefwaarde: {limits}.",
    "Agreed with {name} on {date}.": "Afgesproken met {name} op {date}.",
    "Agreed with {name}.": "Afgesproken met {name}.",
    "Agreed on {date}.": "Afgesproken op {date}.",
    "Call your care team below {low} or above {high}.": "Bel uw zorgverlener bij minder dan {low} of meer dan {high}.",
    "Call your care team below {low}.": "Bel uw zorgverlener bij minder dan {low}.",
    "Call your care team above {high}.": "Bel uw zorgverlener bij meer dan {high}.",
    "Call the care team below {low} or above {high}.": "Bel de zorgverlener bij minder dan {low} of meer dan {high}.",
    "Call the care team below {low}.": "Bel de zorgverlener bij minder dan {low}.",
    "Call the care team above {high}.": "Bel de zorgverlener bij meer dan {high}.",
}
