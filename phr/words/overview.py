"""Dutch words of the overview export and its monitoring summary (see phr/words/catalogue.py).

Plain Dutch (B1), the words the app uses: meting, streefwaarde, zorgverlener, zorgplan, doel,
afspraak, diagnose, drager, medicijn. Where the app says something already, the same words.
"""

DUTCH: dict[str, str] = {
    # title, period and sections
    "Overview of my care": "Overzicht van mijn zorg",
    "History from {start} to {end}. Current diagnoses, medicines, allergies, goals and the care team are always "
    "shown.": "Geschiedenis van {start} tot en met {end}. Diagnoses, medicijnen, allergieën, doelen en "
              "zorgverleners van nu staan er altijd in.",
    "The whole history in the record. Measurements: the last {days} days ({start} to {end}).":
        "De hele geschiedenis uit het dossier. Metingen: de laatste {days} dagen ({start} tot en met {end}).",
    "Allergies and intolerances": "Allergieën en overgevoeligheden",
    # whose record this is, and where each item came from (the visit brief says it too)
    "This is a record kept by the patient (or a carer) in Regie; a care provider has not checked it.":
        "Dit dossier houdt de patiënt zelf bij (of een mantelzorger) in Regie; een zorgverlener heeft het niet "
        "gecontroleerd.",
    "entered by the patient": "zelf ingevoerd",
    "by {name} (carer)": "door {name} (mantelzorger)",
    "from a letter: {detail}": "uit een brief: {detail}",
    "from a letter": "uit een brief",
    "read in from FHIR file {file}": "ingelezen uit FHIR-bestand {file}",
    "read in from a FHIR file": "ingelezen uit een FHIR-bestand",
    "read in from Regie file {file}": "ingelezen uit Regie-bestand {file}",
    "read in from a Regie file": "ingelezen uit een Regie-bestand",
    "read in from device file {file}": "ingelezen uit bestand van meetapparaat {file}",
    "read in from a device file": "ingelezen uit een bestand van een meetapparaat",
    # the patient's own words, in an export in another language (every PDF: phr/export/pdf/clinical.py)
    "in the patient's words, in {language}": "in de woorden van de patiënt, in het {language}",
    "in the patient's words": "in de woorden van de patiënt",
    "in {language}, as written in the record": "in het {language}, zoals het in het dossier staat",
    "as in the FHIR file it came from": "zoals in het FHIR-bestand waar het uit komt",
    "What the patient typed (notes, names, doses in their own words) is printed as they wrote it, and marked: "
    "{mark}.": "Wat de patiënt zelf typte (notities, namen, doses in eigen woorden), staat er zoals het "
               "geschreven is, met de aantekening: {mark}.",
    "{goal} (evaluation: {evaluation})": "{goal} (evaluatie: {evaluation})",
    "Care plan: goals and evaluations": "Zorgplan: doelen en evaluaties",
    # about me
    "Name": "Naam",
    "Date of birth": "Geboortedatum",
    "{date} ({years} years)": "{date} ({years} jaar)",
    "Sex": "Geslacht",
    "Language": "Taal",
    "What others must know in an emergency": "Wat anderen moeten weten in een noodgeval",
    # diagnoses
    "Status": "Status",
    "Codes": "Codes",
    "Since": "Sinds",
    "The doctors think of this, but it is not certain yet.": "De artsen denken hieraan, maar het is nog niet zeker.",
    "Carries the variant; usually no symptoms. It can be passed on to children.":
        "Draagt de variant; meestal zonder klachten. Kan het doorgeven aan kinderen.",
    "This is over, or no longer needs care.": "Dit is voorbij, of er is geen zorg meer voor nodig.",
    "Diagnosed by {name}": "Vastgesteld door {name}",
    "Expertise centre: {name}": "Expertisecentrum: {name}",
    "ICD-10: {code}": "ICD-10: {code}",
    "No current diagnoses.": "Nu geen diagnoses.",
    "Genetic details": "Gegevens over erfelijkheid",
    "Gene": "Gen",
    "Variant (HGVS)": "Variant (HGVS)",
    "Zygosity": "Zygotie",
    "Past diagnoses (resolved)": "Eerdere diagnoses (voorbij)",
    # medicines
    "Medicine": "Medicijn",
    "Dose and when": "Dosis en wanneer",
    "For": "Voor",
    "Prescribed by {name}": "Voorgeschreven door {name}",
    "No medicines in use.": "Nu geen medicijnen.",
    "Dose changes": "Wijzigingen van de dosis",
    "Date": "Datum",
    "Change": "Wijziging",
    "Reason": "Reden",
    "from {before} to {after}": "van {before} naar {after}",
    "Past medicines": "Eerdere medicijnen",
    "Used": "Gebruikt",
    "{start} to {stop}": "{start} tot {stop}",
    "Why stopped": "Waarom gestopt",
    # allergies
    "No known allergies.": "Geen bekende allergieën.",
    "Not filled in: it is not known whether there are allergies.":
        "Niet ingevuld: het is niet bekend of er allergieën zijn.",
    "Substance": "Stof",
    "Kind": "Soort",
    "Reaction": "Reactie",
    "Severity": "Ernst",
    "Known since": "Bekend sinds",
    # measurements
    "Readings from {start} to {end}. Each chart shows the readings of that period; the shaded band is the target.":
        "Metingen van {start} tot en met {end}. Elke grafiek laat de metingen van die periode zien; de gekleurde "
        "band is de streefwaarde.",
    "No target has been set for this measure.": "Voor deze meting is geen streefwaarde ingesteld.",
    "This is the usual target; no target has been agreed with the care team.":
        "Dit is de gewone streefwaarde; er is geen streefwaarde afgesproken met de zorgverlener.",
    "Target": "Streefwaarde",
    "above the target": "boven de streefwaarde",
    "below the target": "onder de streefwaarde",
    "Readings": "Aantal",
    "Mean": "Gemiddelde",
    "Lowest": "Laagste",
    "Highest": "Hoogste",
    "Standard deviation (SD)": "Hoeveel de waarden schommelen (SD)",
    "Sensor Low: {low}. Sensor High: {high}. These count as readings, but have no number: they are not in the "
    "mean, lowest, highest or SD.":
        "Sensor Laag: {low}. Sensor Hoog: {high}. Deze tellen mee als meting, maar hebben geen getal: ze tellen "
        "niet mee in het gemiddelde, de laagste, de hoogste of de schommeling (SD).",
    "Outside the target: {outside} of {total} readings ({share}%): {above} above, {below} below.":
        "Buiten de streefwaarde: {outside} van de {total} metingen ({share}%): {above} te hoog, {below} te laag.",
    "Time in ranges": "Hoeveel tijd in elk gebied",
    "Time in ranges from the {count} sensor readings; finger pricks and scans are left out.":
        "De tijd in elk gebied komt uit de {count} sensormetingen. Vingerprikken en scans tellen hier niet mee.",
    "There are no sensor readings in this period: the shares are shares of readings, not of time.":
        "Er zijn geen sensormetingen in deze periode. De percentages zijn dus delen van de metingen, niet van de "
        "tijd.",
    "Range (mmol/L)": "Gebied (mmol/L)",
    "Share": "Deel",
    "Mean, variation and GMI": "Gemiddelde, schommeling en geschatte HbA1c",
    "Mean glucose": "Gemiddelde glucose",
    "Coefficient of variation (CV)": "Schommeling vergeleken met het gemiddelde (CV)",
    "Glucose management indicator (GMI)": "HbA1c geschat uit de sensor (GMI)",
    "{percent} ({mmol} mmol/mol)": "{percent} ({mmol} mmol/mol)",
    "Days with readings": "Dagen met metingen",
    "Mean per measuring series": "Gemiddelde per meetserie",
    "The first day of each series is left out of its mean, as the home measuring protocol does: on the first day "
    "blood pressure is often higher. A series of one day has no mean.":
        "De eerste dag van elke serie telt niet mee in het gemiddelde. Zo staat het in de afspraken voor thuis meten: "
        "op de eerste dag is de bloeddruk vaak hoger. Een serie van één dag heeft geen gemiddelde.",
    "Series": "Serie",
    "Days": "Dagen",
    "In the mean": "Telt mee",
    "{first} to {last}": "{first} tot en met {last}",
    "Systolic (mmHg)": "Bovendruk (mmHg)",
    "Diastolic (mmHg)": "Onderdruk (mmHg)",
    "Pulse (/min)": "Hartslag (/min)",
    # care plan
    "Review overdue: the review date ({date}) has passed.":
        "Evaluatie te laat: de evaluatiedatum ({date}) is voorbij.",
    "For diagnosis": "Bij diagnose",
    "Agreed with": "Afgesproken met",
    "Started": "Begonnen",
    "Review date": "Evaluatiedatum",
    "What I do": "Wat ik doe",
    "What the care provider does": "Wat de zorgverlener doet",
    "Latest evaluation": "Laatste evaluatie",
    "No evaluation in this period.": "Geen evaluatie in deze periode.",
    "{date} – progress: {progress}.": "{date} – voortgang: {progress}.",
    "Next step: {step}": "Volgende stap: {step}",
    # care team
    "Role": "Rol",
    "Contact for": "Contact voor",
    "Phone": "Telefoon",
    "Out of hours / acute": "Buiten kantoortijd / spoed",
    # appointments
    "Coming appointments": "Komende afspraken",
    "Past appointments": "Eerdere afspraken",
    "No coming appointments.": "Geen komende afspraken.",
    "No past appointments in this period.": "Geen eerdere afspraken in deze periode.",
    "When": "Wanneer",
    "With": "Met",
    "What for": "Waarvoor",
    "My questions": "Mijn vragen",
    "Outcome": "Uitkomst",
    # documents
    "The documents themselves are kept in the record; this is only the list.":
        "De documenten zelf staan in het dossier; dit is alleen de lijst.",
    "Title": "Titel",
    # vaccinations, operations and procedures, lab results (the visit brief says the lab results too)
    "No vaccinations in the record.": "Geen vaccinaties in het dossier.",
    "Batch {number}": "Batchnummer {number}",
    "dose {number}": "dosis {number}",
    "No operations or procedures in the record.": "Geen operaties of ingrepen in het dossier.",
    "No lab results in the record.": "Geen uitslagen in het dossier.",
    "Latest result": "Laatste uitslag",
    "Lab's range": "Normaalwaarden lab",
    "Against the range": "Vergeleken met normaal",
    "Earlier results": "Eerdere uitslagen",
    "none": "geen",
    "last: {value} on {date}": "laatste: {value} op {date}",
    "{count} of {total} latest results lie outside the lab's range (in bold).":
        "{count} van de {total} laatste uitslagen liggen buiten de normaalwaarden van het lab (vetgedrukt).",
    "No result lies outside the lab's range.": "Geen enkele uitslag ligt buiten de normaalwaarden van het lab.",
    "not compared (the range is in words)": "niet vergeleken (normaalwaarden in woorden)",
}
