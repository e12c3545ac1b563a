"""Dutch words of the measurement figures in the exports: glucose basis, what a blood pressure monitor noticed, the
glucose profile (AGP)."""

DUTCH: dict[str, str] = {
    # which readings the glucose figures rest on
    "Time in ranges, mean, CV and GMI from the {count} sensor readings: a sensor reads at even times, so a share of "
    "its readings is a share of time.":
        "De tijd in elk gebied, het gemiddelde, de schommeling en de geschatte HbA1c komen uit de {count} metingen "
        "van de sensor. "
        "Een sensor meet op vaste tijden. Daarom is een deel van de metingen ook een deel van de tijd.",
    "There are no sensor readings in this period: the shares are shares of the {count} readings, not of time. GMI "
    "is only worked out from sensor readings.":
        "Er zijn geen metingen van een sensor in deze periode. De delen zijn delen van de {count} metingen, niet van "
        "de tijd. De geschatte HbA1c (GMI) wordt alleen uit sensormetingen berekend.",
    "The {count} other readings (finger prick, lab, typed in or not known) are not in these figures; their own "
    "shares are in the right-hand column.":
        "De {count} andere metingen (vingerprik, laboratorium, ingetypt of onbekend) zitten niet in deze cijfers. "
        "Hun eigen delen staan in de kolom rechts.",
    "Other readings": "Andere metingen",
    "All readings": "Alle metingen",
    "Glucose: the bar is from {count} sensor readings. The {other} other readings (finger prick, lab, typed in or "
    "not known): {below}% below {low}, {very_low}% below {very}.":
        "Glucose: de balk komt uit {count} metingen van de sensor. De {other} andere metingen (vingerprik, "
        "laboratorium, ingetypt of onbekend): {below}% onder {low}, {very_low}% onder {very}.",
    "< {value}": "< {value}",
    "> {value}": "> {value}",
    "{low}–{high}": "{low}–{high}",
    # what the blood pressure monitor noticed (overview, visit brief, emergency letter)
    "The blood pressure monitor flagged {flagged} of the {total} readings.":
        "De bloeddrukmeter gaf bij {flagged} van de {total} metingen een melding.",
    "Flagged readings are included in the figures.": "Ook de metingen met een melding tellen mee in de cijfers.",
    # the FHIR summary
    "Glucose sensor summary": "Samenvatting glucosesensor",
    "in range {share}%": "in het standaardgebied {share}%",
    "{start} to {end}": "{start} tot en met {end}",
    # the glucose profile (AGP)
    "Ambulatory glucose profile (AGP)": "Glucosedagprofiel (AGP)",
    "{days} days, {start} to {end}: {count} sensor readings, about one every {interval} minutes. The sensor read "
    "{active}% of the time (goal: more than {goal}%).":
        "{days} dagen, {start} tot en met {end}: {count} metingen van de sensor, ongeveer één per {interval} "
        "minuten. De sensor mat {active}% van de tijd (doel: meer dan {goal}%).",
    "With less than {goal}% the figures below may not show the usual days.":
        "Met minder dan {goal}% laten de cijfers hieronder misschien niet de gewone dagen zien.",
    "goal": "doel",
    "less than {goal}%": "minder dan {goal}%",
    "more than {goal}%": "meer dan {goal}%",
    "{goal}% or less": "{goal}% of minder",
    "Below 3.9 in total": "Onder 3,9 samen",
    "Above 10.0 in total": "Boven 10,0 samen",
    "Sensor readings": "Metingen van de sensor",
    "Modal day: all days laid over one day": "Modale dag: alle dagen over één dag gelegd",
    "The line is the median: half of the readings at that time of day were lower. The dark band holds the middle "
    "half of the readings (25–75%), the light band 90% of them (5–95%). The green band is the target range "
    "3.9–10.0 mmol/L.":
        "De lijn is het midden (de mediaan): de helft van de metingen op dat uur van de dag was lager. In de donkere "
        "band ligt de middelste helft van de metingen (25–75%), in de lichte band 9 van de 10 metingen (5–95%). De "
        "groene band is het standaardgebied 3,9–10,0 mmol/L.",
    "median": "mediaan",
    "Each day": "Elke dag",
}
