"""Dutch words of the visit export (see phr/words/catalogue.py)."""

DUTCH: dict[str, str] = {
    # title and period
    "Visit brief": "Voorbereiding afspraak",
    "Visit on {date}": "Afspraak op {date}",
    "Since the last visit with {who} on {start} (up to {end}).":
        "Sinds het vorige bezoek bij {who} op {start} (tot en met {end}).",
    "Since the last visit on {start}, with {who} (up to {end}).":
        "Sinds het vorige bezoek op {start}, bij {who} (tot en met {end}).",
    "Since the last visit on {start} (up to {end}).": "Sinds het vorige bezoek op {start} (tot en met {end}).",
    "This brief covers {start} to {end} (the period you chose).":
        "Dit overzicht gaat over {start} tot en met {end} (de periode die u koos).",
    "This brief covers the last {months} months: {start} to {end}. There is no earlier visit in the record.":
        "Dit overzicht gaat over de laatste {months} maanden: {start} tot en met {end}. Er staat geen eerder "
        "bezoek in het dossier.",
    # what always holds
    "In short: diagnoses, medicines, allergies": "In het kort: diagnoses, medicijnen, allergieën",
    "And {count} more: see the overview.": "En nog {count}: zie het totaaloverzicht.",
    # what did not fit
    "Left out to keep this brief to two pages: {sections}. You find them in the overview.":
        "Weggelaten om deze voorbereiding op twee pagina's te houden: {sections}. Dit staat in het "
        "totaaloverzicht.",
    # the appointment
    "No appointment is planned in the record.": "Er staat geen afspraak gepland in het dossier.",
    "When": "Wanneer",
    "With": "Met",
    "Where": "Waar",
    "Purpose": "Waarvoor",
    "My notes": "Mijn aantekeningen",
    "Last visit": "Vorig bezoek",
    "no outcome written down": "geen uitkomst opgeschreven",
    # diagnoses
    "New or changed diagnoses": "Nieuwe of veranderde diagnoses",
    "No new or changed diagnoses since then.": "Geen nieuwe of veranderde diagnoses sindsdien.",
    "diagnosis date {date}": "datum diagnose {date}",
    "genetic test {date}": "DNA-onderzoek {date}",
    "changed in the record on {date}": "veranderd in het dossier op {date}",
    "added to the record on {date}": "toegevoegd aan het dossier op {date}",
    # medicines
    "Medication changes": "Veranderingen in medicijnen",
    "No medication changes since then.": "Geen veranderingen in medicijnen sindsdien.",
    "Date": "Datum",
    "Medicine": "Medicijn",
    "What changed": "Wat is veranderd",
    "Reason": "Reden",
    "Was: {before}\nNow: {after}": "Was: {before}\nNu: {after}",
    "Now: {after}": "Nu: {after}",
    "Started: {dose}": "Gestart: {dose}",
    "For: {diagnosis}": "Voor: {diagnosis}",
    # events
    "Events": "Gebeurtenissen",
    "No visits, admissions or other events since then.": "Geen bezoeken, opnames of andere gebeurtenissen sindsdien.",
    "Outcome: {outcome}": "Uitkomst: {outcome}",
    "And {count} earlier events: see the overview.": "En nog {count} eerdere gebeurtenissen: zie het totaaloverzicht.",
    "And {count} earlier changes: see the overview.": "En nog {count} eerdere veranderingen: zie het totaaloverzicht.",
    # measurements
    "And {count} other measures: see the overview.": "En nog {count} andere metingen: zie het totaaloverzicht.",
    "Measurements against targets": "Metingen en streefwaarden",
    "No measurements in this period.": "Geen metingen in deze periode.",
    "Measure": "Meting",
    "Target": "Streefwaarde",
    "Readings": "Aantal",
    "Mean": "Gemiddelde",
    "Latest": "Laatste",
    "In target": "Binnen streefwaarde",
    "Compared with before": "Vergeleken met daarvoor",
    "none agreed": "niet afgesproken",
    "{target} (standard)": "{target} (standaard)",
    "{percent}% in range": "{percent}% in 3,9–10,0",  # a narrow column; the line under the table names the range
    "{percent}% below {low}": "{percent}% onder {low}",
    "{value}\nseries from {date}": "{value}\nserie vanaf {date}",
    "no readings before": "daarvoor geen metingen",
    "about the same (was {value})": "ongeveer gelijk (was {value})",
    "better (was {value})": "beter (was {value})",
    "worse (was {value})": "slechter (was {value})",
    "higher (was {value})": "hoger (was {value})",
    "lower (was {value})": "lager (was {value})",
    "Compared with the {days} days before: {start} to {end}.":
        "Vergeleken met de {days} dagen daarvoor: {start} tot en met {end}.",
    "Blood pressure: mean of the home measuring series; the first day of each series does not count.":
        "Bloeddruk: gemiddelde van de meetseries thuis; de eerste dag van elke serie telt niet mee.",
    "Glucose: time in range {low}–{high} mmol/L, from sensor readings when there are any.":
        "Glucose: tijd in het standaardgebied {low}–{high} mmol/L, uit de sensormetingen als die er zijn.",
    # goals
    "Goals to evaluate": "Doelen om te bespreken",
    "No goals are due for evaluation.": "Er zijn geen doelen om nu te evalueren.",
    "evaluation overdue (was {date})": "evaluatie te laat (was {date})",
    "evaluation on {date}": "evaluatie op {date}",
    "agreed with {who}": "afgesproken met {who}",
    "No evaluation yet.": "Nog geen evaluatie.",
    "And {count} other goals to evaluate: see the overview.":
        "En nog {count} andere doelen om te evalueren: zie het totaaloverzicht.",
    "Last evaluation ({date}): {progress}. {how}": "Laatste evaluatie ({date}): {progress}. {how}",
    "Next step: {step}": "Volgende stap: {step}",
    # questions
    "Questions for this visit": "Vragen voor deze afspraak",
    "No questions written down for this visit.": "Geen vragen opgeschreven voor deze afspraak.",
    "No appointment, so no questions.": "Geen afspraak, dus geen vragen.",
    "Already answered": "Al beantwoord",
    "(no answer written down)": "(geen antwoord opgeschreven)",
    # lab results of the period
    "{count} of {total} results lie outside the lab's range (in bold).":
        "{count} van de {total} uitslagen liggen buiten de normaalwaarden van het lab (vetgedrukt).",
    "No lab results in this period.": "Geen uitslagen in deze periode.",
    "And {count} other results: see the overview.": "En nog {count} andere uitslagen: zie het totaaloverzicht.",
}
