"""Dutch words of the emergency export (see phr/words/catalogue.py).

The letter speaks to whoever treats the person in an emergency ("u"); the card page speaks
to the person who prints it ("u" as well). The person's own voice is "ik".
"""

DUTCH: dict[str, str] = {
    # the card page
    "Emergency card and letter": "Noodkaart en noodbrief",
    "Emergency card": "Noodkaart",
    "MEDICAL EMERGENCY CARD": "MEDISCHE NOODKAART",
    "Cut out along the dashed line": "Knip uit langs de streepjeslijn",
    "Fold": "Vouwen",
    "Print this page at actual size (100%), not 'fit to page'. Cut the card out along the dashed line "
    "and fold it along the dotted line, with the printed sides outwards. Glue the halves together or "
    "laminate the card, and keep it in your wallet. Make a new card when something changes.":
        "Druk deze pagina af op ware grootte (100%), niet 'passend op pagina'. Knip de kaart uit langs de "
        "streepjeslijn en vouw hem dubbel langs de puntjeslijn, met de bedrukte kanten naar buiten. Plak de "
        "helften op elkaar of laat de kaart lamineren. Bewaar hem in uw portemonnee. Maak een nieuwe kaart als "
        "er iets verandert.",
    "The emergency letter on the next pages has the full details.":
        "In de noodbrief op de volgende pagina's staat alles uitgebreider.",
    "In an emergency": "In een noodgeval",
    "in my own words": "in mijn eigen woorden",
    "What to do": "Wat te doen",
    "Not filled in": "Niet ingevuld",
    "Not filled in.": "Niet ingevuld.",
    "Issued {date}": "Gemaakt op {date}",
    "Treating physician": "Behandelend arts",
    "Next of kin": "Familie of partner",
    "no phone number": "geen telefoonnummer",
    "Emergency guideline": "Richtlijn voor noodgevallen",
    "Orphanet page": "Orphanet-pagina",
    "Call day and night": "Dag en nacht bellen",
    "More: see my emergency letter.": "Meer: zie mijn noodbrief.",
    # the letter
    "Emergency letter": "Noodbrief",
    "This is important if you treat me in an emergency. It comes from my own health record; check it with "
    "me or my family when you can.":
        "Dit is belangrijk als u mij met spoed behandelt. Het komt uit mijn eigen gezondheidsdossier. "
        "Controleer het bij mij of mijn familie als dat kan.",
    "Who I am": "Wie ik ben",
    "My diagnoses": "Mijn diagnoses",
    "For doctors and nurses: what to do": "Voor artsen en verpleegkundigen: wat te doen",
    "What to avoid": "Wat u moet vermijden",
    "In my own words": "In mijn eigen woorden",
    "Where to find more": "Waar u meer vindt",
    "What I typed myself is printed as I wrote it, and marked: {mark}.":
        "Wat ik zelf heb getypt, staat er zoals ik het schreef, met de aantekening: {mark}.",
    "Signs of a crisis:": "Tekenen van een crisis:",
    "What to do:": "Wat te doen:",
    "Emergency guideline:": "Richtlijn voor noodgevallen:",
    "What they can do": "Wat zij kunnen doen",
    "Other number": "Ander nummer",
    "Trusted websites": "Betrouwbare websites",
    "Medicines I take now": "Medicijnen die ik nu gebruik",
    "Allergies": "Allergieën",
    "Who to call, day and night": "Wie u kunt bellen, dag en nacht",
    "Name": "Naam",
    "Date of birth": "Geboortedatum",
    "{date} ({years} years old)": "{date} ({years} jaar)",
    "Sex": "Geslacht",
    "Language I speak": "Taal die ik spreek",
    "Code": "Code",
    "Status": "Status",
    "Since": "Sinds",
    "Medicine": "Medicijn",
    "Dose": "Dosis",
    "When": "Wanneer",
    "Notes": "Notities",
    "No known allergies.": "Geen bekende allergieën.",
    "Not filled in: it is not known whether I have allergies.":
        "Niet ingevuld: het is niet bekend of ik allergieën heb.",
    "Substance": "Stof",
    "Kind": "Soort",
    "Reaction": "Reactie",
    "Severity": "Ernst",
    "Who": "Wie",
    "Day and night": "Dag en nacht",
    "Office hours": "Tijdens kantoortijd",
    "Call for": "Bellen voor",
    "No out-of-hours numbers in my record.": "Geen nummers voor buiten kantoortijd in mijn dossier.",
    "For": "Voor",
    "Speciality": "Specialisme",
    "Address": "Adres",
    "Website": "Website",
    "Earlier operations and procedures": "Eerdere operaties en ingrepen",
    "And {count} earlier ones in my record.": "En nog {count} eerdere in mijn dossier.",
    "My blood pressure monitor at home noticed possible atrial fibrillation (AFib) in {count} of {total} readings "
    "in the past year, the last time on {date}. This is a signal from the monitor, not a diagnosis.":
        "Mijn bloeddrukmeter thuis zag in het afgelopen jaar bij {count} van de {total} metingen mogelijk "
        "boezemfibrilleren (AF), het laatst op {date}. Dit is een melding van de meter, geen diagnose.",
}
