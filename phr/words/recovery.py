"""Dutch words of the recovery sheet (see phr/words/catalogue.py)."""

DUTCH: dict[str, str] = {
    "Recovery sheet": "Herstelblad",
    "Keep this sheet on paper, in a safe place (for example with your passport). Do not keep it on this computer "
    "and not next to the record.": "Bewaar dit blad op papier, op een veilige plek (bijvoorbeeld bij uw paspoort). "
                                   "Bewaar het niet op deze computer en niet bij het dossier.",
    "Record of": "Dossier van",
    "Record folder": "Map van het dossier",
    "Code made on": "Code gemaakt op",
    "Start Regie and choose the record (or open its folder).":
        "Start Regie en kies het dossier (of open de map van het dossier).",
    "Choose \u201cForgot your passphrase?\u201d and type this code. Capitals, spaces and dashes do not matter; a typing "
    "error is noticed.": "Kies \u201cWachtwoord vergeten?\u201d en typ deze code. Hoofdletters, spaties en streepjes "
                         "maken niet uit; een typfout wordt opgemerkt.",
    "Choose a new passphrase. This code keeps working.": "Kies een nieuw wachtwoord. Deze code blijft werken.",
    "Has someone else seen this sheet? Make a new recovery code in the settings: this one then stops working.":
        "Heeft iemand anders dit blad gezien? Maak dan een nieuwe herstelcode in de instellingen: deze code werkt "
        "daarna niet meer.",
    "If you forget your passphrase": "Als u uw wachtwoord vergeet",
    "The code is shown and printed only when it is made. Regie does not keep it: without this sheet and without "
    "your passphrase, nobody can open the record, not even the makers of Regie.":
        "De code is alleen te zien en af te drukken als hij gemaakt wordt. Regie bewaart hem niet: zonder dit blad "
        "en zonder uw wachtwoord kan niemand het dossier openen, ook de makers van Regie niet.",
}
