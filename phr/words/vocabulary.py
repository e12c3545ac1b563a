"""The words of every fixed vocabulary (phr.core.vocabulary), once for the app and the exports alike.

One table per vocabulary gives each value its label in English; DUTCH (merged by phr.words.catalogue)
translates them. Why not Qt translation: the exports need the same words without Qt, in a language
chosen per export; the app shows them in its own language through phr.ui.text.vocabulary.

    label(w, DiagnosisStatus.CARRIER)                  -> 'Drager' (w = Words('nl'))
    label_of(w, GoalProgress, 2, in_sentence=True)     -> 'halverwege' (a stored value, inside a sentence)
"""

from collections.abc import Callable, Mapping
from enum import Enum

from phr.core.vocabulary import (
    AllergyKind,
    AllergyStatement,
    AuthorRole,
    CareRole,
    ChangeKind,
    ContactKind,
    Criticality,
    DiagnosisStatus,
    DiaryKind,
    DocumentKind,
    DoseUnit,
    FoodTiming,
    GlucoseBand,
    GlucoseBasis,
    GoalProgress,
    GoalStatus,
    MeasureCategory,
    MeasureKind,
    MedicineStatement,
    ProblemStatement,
    ReadingContext,
    ReadingFlag,
    ReadingMethod,
    ResultPosition,
    Route,
    Section,
    Severity,
    Sex,
    SlotKind,
    Source,
    TextLanguage,
    TimelineKind,
    Zygosity,
)

Translate = Callable[[str], str]  # a phr.words.catalogue.Words (not imported: the catalogue imports this module)

LABELS: dict[type[Enum], Mapping[Enum, str]] = {
    # --- the record and its changes
    Section: {Section.PERSON: "About me", Section.CARE_TEAM: "Care team", Section.DIAGNOSES: "Diagnoses",
              Section.CARE_PLAN: "Care plan", Section.MEDICATIONS: "Medicines", Section.APPOINTMENTS: "Appointments",
              Section.QUESTIONS: "Questions", Section.DOCUMENTS: "Documents", Section.VACCINATIONS: "Vaccinations",
              Section.PROCEDURES: "Operations and procedures", Section.MONITORING: "Measurements"},
    ChangeKind: {ChangeKind.ADDED: "Added", ChangeKind.UPDATED: "Changed", ChangeKind.DELETED: "Deleted",
                 ChangeKind.RESTORED: "Brought back"},
    TimelineKind: {
        TimelineKind.DIAGNOSIS: "Diagnosis", TimelineKind.GENETIC_TEST: "Genetic test",
        TimelineKind.ALLERGY: "Allergy noted", TimelineKind.GOAL_START: "Goal started",
        TimelineKind.GOAL_REVIEW: "Goal review", TimelineKind.EVALUATION: "Evaluation",
        TimelineKind.MEDICATION_START: "Medicine started", TimelineKind.MEDICATION_STOP: "Medicine stopped",
        TimelineKind.MEDICATION_CHANGE: "Medicine changed", TimelineKind.APPOINTMENT: "Appointment",
        TimelineKind.DOCUMENT: "Document", TimelineKind.VACCINATION: "Vaccination",
        TimelineKind.PROCEDURE: "Operation or procedure"},
    # --- the care record
    DiagnosisStatus: {DiagnosisStatus.CONFIRMED: "Confirmed", DiagnosisStatus.SUSPECTED: "Suspected",
                      DiagnosisStatus.CARRIER: "Carrier", DiagnosisStatus.RESOLVED: "Resolved"},
    Zygosity: {Zygosity.HETEROZYGOUS: "Heterozygous – on one copy of the gene",
               Zygosity.HOMOZYGOUS: "Homozygous – the same variant on both copies",
               Zygosity.HEMIZYGOUS: "Hemizygous – on the only copy (e.g. the X chromosome in men)",
               Zygosity.COMPOUND_HETEROZYGOUS: "Compound heterozygous – a different variant on each copy",
               Zygosity.UNKNOWN: "Not known"},
    GoalStatus: {GoalStatus.ACTIVE: "Active", GoalStatus.ACHIEVED: "Achieved", GoalStatus.STOPPED: "Stopped"},
    GoalProgress: {GoalProgress.NOT_STARTED: "Not started yet", GoalProgress.A_LITTLE: "A little",
                   GoalProgress.HALFWAY: "Halfway", GoalProgress.MOSTLY: "Mostly", GoalProgress.ACHIEVED: "Achieved"},
    ContactKind: {ContactKind.PERSON: "Person", ContactKind.ORGANISATION: "Organisation"},
    CareRole: {CareRole.GP: "GP", CareRole.SPECIALIST: "Specialist", CareRole.EXPERTISE_CENTRE: "Expertise centre",
               CareRole.NURSE: "Nurse", CareRole.PHARMACY: "Pharmacy", CareRole.THERAPIST: "Therapist",
               CareRole.PATIENT_ASSOCIATION: "Patient association",
               CareRole.SOCIAL_SUPPORT: "Municipality or social support", CareRole.NEXT_OF_KIN: "Family or partner",
               CareRole.OTHER: "Other"},
    Route: {Route.ORAL: "By mouth (oral)", Route.SUBCUTANEOUS: "Under the skin (injection)",
            Route.INTRAMUSCULAR: "Into a muscle (injection)", Route.INHALED: "Breathed in (inhaler)",
            Route.TOPICAL: "On the skin (cream, patch)", Route.OTHER: "Other"},
    DoseUnit: {DoseUnit.TABLET: "Tablets", DoseUnit.CAPSULE: "Capsules", DoseUnit.MG: "mg (milligram)",
               DoseUnit.MICROGRAM: "microgram", DoseUnit.ML: "ml (millilitre)", DoseUnit.UNIT: "Units (IU)",
               DoseUnit.PUFF: "Puffs", DoseUnit.DROP: "Drops", DoseUnit.SACHET: "Sachets",
               DoseUnit.INJECTION: "Injections"},
    FoodTiming: {FoodTiming.WITH_FOOD: "With food", FoodTiming.EMPTY_STOMACH: "On an empty stomach"},
    TextLanguage: {TextLanguage.DUTCH: "Dutch", TextLanguage.ENGLISH: "English"},
    DocumentKind: {DocumentKind.LETTER: "Letter", DocumentKind.LAB_RESULT: "Lab result", DocumentKind.SCAN: "Scan",
                   DocumentKind.OTHER: "Other"},
    DiaryKind: {DiaryKind.NOTE: "Note", DiaryKind.SYMPTOM: "Symptom", DiaryKind.ADMISSION: "Hospital admission",
                DiaryKind.EVENT: "Event"},
    Sex: {Sex.FEMALE: "Female", Sex.MALE: "Male", Sex.OTHER: "Other", Sex.UNKNOWN: "Not known"},
    AllergyKind: {AllergyKind.ALLERGY: "Allergy", AllergyKind.INTOLERANCE: "Intolerance"},
    Severity: {Severity.MILD: "Mild", Severity.MODERATE: "Moderate", Severity.SEVERE: "Severe",
               Severity.UNKNOWN: "Not known"},
    AllergyStatement: {AllergyStatement.UNKNOWN: "Not filled in", AllergyStatement.NONE_KNOWN: "No known allergies",
                       AllergyStatement.LISTED: "See the list of allergies"},
    MedicineStatement: {MedicineStatement.UNKNOWN: "Not filled in", MedicineStatement.NONE_KNOWN: "No known medicines",
                        MedicineStatement.LISTED: "See the list of medicines"},
    ProblemStatement: {ProblemStatement.UNKNOWN: "Not filled in", ProblemStatement.NONE_KNOWN: "No known diagnoses",
                       ProblemStatement.LISTED: "See the list of diagnoses"},
    Criticality: {Criticality.LOW: "Low risk", Criticality.HIGH: "High risk: a reaction can be life-threatening",
                  Criticality.UNABLE_TO_ASSESS: "Risk not assessed"},
    # --- self-monitoring
    MeasureKind: {MeasureKind.VALUE: "A value with a unit (e.g. waist in cm)", MeasureKind.BLOOD_PRESSURE: "Blood pressure",
                  MeasureKind.SCORE: "A symptom score from 0 to 10"},
    GlucoseBand: {GlucoseBand.VERY_HIGH: "Very high (above 13.9)", GlucoseBand.HIGH: "High (10.1 to 13.9)",
                  GlucoseBand.IN_RANGE: "In range (3.9 to 10.0)", GlucoseBand.LOW: "Low (3.0 to 3.8)",
                  GlucoseBand.VERY_LOW: "Very low (below 3.0)"},
    MeasureCategory: {MeasureCategory.SELF: "Measured myself", MeasureCategory.LAB: "Lab result"},
    ResultPosition: {ResultPosition.BELOW: "Below the range", ResultPosition.WITHIN: "Within the range",
                     ResultPosition.ABOVE: "Above the range", ResultPosition.NOT_KNOWN: "No range given"},
    GlucoseBasis: {GlucoseBasis.SENSOR: "Sensor readings", GlucoseBasis.READINGS: "All readings"},
    ReadingContext: {ReadingContext.FASTING: "Fasting", ReadingContext.AFTER_MEAL: "After a meal",
                     ReadingContext.AT_REST: "At rest", ReadingContext.AFTER_EXERCISE: "After exercise"},
    ReadingMethod: {ReadingMethod.SENSOR: "Sensor", ReadingMethod.SCAN: "Sensor scan",
                    ReadingMethod.FINGERSTICK: "Finger prick", ReadingMethod.LAB: "Lab result",
                    ReadingMethod.TYPED: "Typed in by hand"},
    ReadingFlag: {ReadingFlag.BELOW_RANGE: "Sensor Low (below what it can measure)",
                  ReadingFlag.ABOVE_RANGE: "Sensor High (above what it can measure)"},
    # --- who wrote it, and where it came from
    AuthorRole: {AuthorRole.OWNER: "Owner", AuthorRole.CARER: "Carer"},
    SlotKind: {SlotKind.OWNER: "Owner", SlotKind.RECOVERY: "Recovery code", SlotKind.CARER: "Carer"},
    Source: {Source.TYPED: "Typed in", Source.DEVICE_IMPORT: "Imported from a device",
             Source.FHIR_IMPORT: "Imported from a FHIR file", Source.JSON_IMPORT: "Imported from a Regie file",
             Source.LETTER: "From a letter"},
}

# Plain Dutch (B1), the words the app has always used.
DUTCH: dict[str, str] = {
    # the record and its changes
    "About me": "Over mij",
    "Care team": "Zorgteam",
    "Diagnoses": "Diagnoses",
    "Care plan": "Zorgplan",
    "Medicines": "Medicijnen",
    "Appointments": "Afspraken",
    "Questions": "Vragen",
    "Documents": "Documenten",
    "Measurements": "Metingen",
    "Vaccinations": "Vaccinaties",
    "Operations and procedures": "Operaties en ingrepen",
    "Vaccination": "Vaccinatie",
    "Operation or procedure": "Operatie of ingreep",
    "Added": "Toegevoegd",
    "Changed": "Gewijzigd",
    "Deleted": "Verwijderd",
    "Brought back": "Teruggezet",
    "Diagnosis": "Diagnose",
    "Genetic test": "Erfelijkheidsonderzoek",
    "Allergy noted": "Allergie genoteerd",
    "Goal started": "Doel gestart",
    "Goal review": "Doel bespreken",
    "Evaluation": "Evaluatie",
    "Medicine started": "Medicijn gestart",
    "Medicine stopped": "Medicijn gestopt",
    "Medicine changed": "Medicijn veranderd",
    "Appointment": "Afspraak",
    "Document": "Document",
    # the care record
    "Confirmed": "Vastgesteld",
    "Suspected": "Vermoeden",
    "Carrier": "Drager",
    "Resolved": "Voorbij",
    "Heterozygous – on one copy of the gene": "Heterozygoot – op één kopie van het gen",
    "Homozygous – the same variant on both copies": "Homozygoot – dezelfde variant op beide kopieën",
    "Hemizygous – on the only copy (e.g. the X chromosome in men)":
        "Hemizygoot – op de enige kopie (bijv. het X-chromosoom bij mannen)",
    "Compound heterozygous – a different variant on each copy":
        "Compound heterozygoot – op elke kopie een andere variant",
    "Not known": "Niet bekend",
    "Active": "Actief",
    "Achieved": "Bereikt",
    "Stopped": "Gestopt",
    "Not started yet": "Nog niet begonnen",
    "A little": "Een beetje",
    "Halfway": "Halverwege",
    "Mostly": "Grotendeels",
    "Person": "Persoon",
    "Organisation": "Organisatie",
    "GP": "Huisarts",
    "Specialist": "Specialist",
    "Expertise centre": "Expertisecentrum",
    "Nurse": "Verpleegkundige",
    "Pharmacy": "Apotheek",
    "Therapist": "Therapeut",
    "Patient association": "Patiëntenvereniging",
    "Municipality or social support": "Gemeente of sociale steun",
    "Family or partner": "Familie of partner",
    "Other": "Anders",
    "By mouth (oral)": "Via de mond (oraal)",
    "Under the skin (injection)": "Onder de huid (injectie)",
    "Into a muscle (injection)": "In een spier (injectie)",
    "Breathed in (inhaler)": "Inademen (inhalator)",
    "On the skin (cream, patch)": "Op de huid (crème, pleister)",
    "Tablets": "Tabletten",
    "Capsules": "Capsules",
    "mg (milligram)": "mg (milligram)",
    "microgram": "microgram",
    "ml (millilitre)": "ml (milliliter)",
    "Units (IU)": "Eenheden (IE)",
    "Puffs": "Pufjes",
    "Drops": "Druppels",
    "Sachets": "Zakjes",
    "Injections": "Injecties",
    "With food": "Met eten",
    "On an empty stomach": "Op een lege maag (nuchter)",
    "Dutch": "Nederlands",
    "English": "Engels",
    "Letter": "Brief",
    "Lab result": "Labuitslag",
    "Measured myself": "Zelf gemeten",
    "Below the range": "Lager dan normaal",
    "Within the range": "Normaal",
    "Above the range": "Hoger dan normaal",
    "No range given": "Geen normaalwaarde gegeven",
    "Scan": "Scan",
    "Note": "Notitie",
    "Symptom": "Klacht",
    "Hospital admission": "Opname in het ziekenhuis",
    "Event": "Gebeurtenis",
    "Female": "Vrouw",
    "Male": "Man",
    "Allergy": "Allergie",
    "Intolerance": "Overgevoeligheid",
    "Mild": "Licht",
    "Moderate": "Matig",
    "Severe": "Ernstig",
    "Not filled in": "Niet ingevuld",
    "No known allergies": "Geen allergieën bekend",
    "See the list of allergies": "Zie de lijst met allergieën",
    "No known medicines": "Geen medicijnen bekend",
    "See the list of medicines": "Zie de lijst met medicijnen",
    "No known diagnoses": "Geen diagnoses bekend",
    "See the list of diagnoses": "Zie de lijst met diagnoses",
    "Low risk": "Laag risico",
    "High risk: a reaction can be life-threatening": "Hoog risico: een reactie kan levensgevaarlijk zijn",
    "Risk not assessed": "Risico niet beoordeeld",
    # the statements as the exports say them, in a sentence of their own
    "No known medicines.": "Geen medicijnen bekend.",
    "No known diagnoses.": "Geen diagnoses bekend.",
    "Not filled in: it is not known whether medicines are used.":
        "Niet ingevuld: het is niet bekend of er medicijnen worden gebruikt.",
    "Not filled in: it is not known whether there are diagnoses.":
        "Niet ingevuld: het is niet bekend of er diagnoses zijn.",
    "Not filled in: it is not known whether I use medicines.":
        "Niet ingevuld: het is niet bekend of ik medicijnen gebruik.",
    "Not filled in: it is not known whether I have diagnoses.":
        "Niet ingevuld: het is niet bekend of ik diagnoses heb.",
    "high risk": "hoog risico",  # the emergency card's short word for Criticality.HIGH
    # self-monitoring
    "A value with a unit (e.g. waist in cm)": "Een waarde met een eenheid (bijvoorbeeld buikomvang in cm)",
    "Blood pressure": "Bloeddruk",
    "A symptom score from 0 to 10": "Een cijfer voor een klacht, van 0 tot 10",
    "Very high (above 13.9)": "Heel hoog (boven 13,9)",
    "High (10.1 to 13.9)": "Hoog (10,1 tot en met 13,9)",
    "In range (3.9 to 10.0)": "In het doelgebied (3,9 tot en met 10,0)",
    "Low (3.0 to 3.8)": "Laag (3,0 tot en met 3,8)",
    "Very low (below 3.0)": "Heel laag (onder 3,0)",
    "Fasting": "Nuchter",
    "After a meal": "Na het eten",
    "At rest": "In rust",
    "After exercise": "Na inspanning",
    "Sensor": "Sensor",
    "Sensor scan": "Sensorscan",
    "Finger prick": "Vingerprik",
    "Typed in by hand": "Met de hand ingetypt",
    "Sensor Low (below what it can measure)": "Sensor Laag (lager dan de sensor kan meten)",
    "Sensor High (above what it can measure)": "Sensor Hoog (hoger dan de sensor kan meten)",
    # who wrote it, and where it came from
    "Owner": "Eigenaar",
    "Carer": "Mantelzorger",
    "Recovery code": "Herstelcode",
    "Typed in": "Zelf ingetypt",
    "Imported from a device": "Uit een meter gehaald",
    "Imported from a FHIR file": "Uit een FHIR-bestand gehaald",
    "Imported from a Regie file": "Uit een Regie-bestand gehaald",
    "From a letter": "Uit een brief",
}


def label(w: Translate, value: Enum, *, in_sentence: bool = False) -> str:
    """The value's label in w's language; `in_sentence` starts it with a small letter ('A little' becomes
    'a little'; an abbreviation such as 'GP' or 'FHIR' keeps its capitals)."""
    text = w(LABELS[type(value)][value])
    first_word = text.split(" ", 1)[0]
    if in_sentence and not (len(first_word) > 1 and first_word.isupper()):
        return text[:1].lower() + text[1:]
    return text


def label_of(w: Translate, vocabulary: type[Enum], stored: object, *, in_sentence: bool = False) -> str:
    """The label of a value as the record stores it; a value outside the vocabulary ('' too) shows as it is."""
    try:
        member = vocabulary(stored)
    except ValueError:
        return str(stored)
    return label(w, member, in_sentence=in_sentence)
