"""Regie's sample record: a fictional person with a rare condition, with years of care in it.

Used by `phr demo DIR`, by the screenshots and by tests. Everything is invented: the
person, the care providers, the phone numbers (088 000 ....) and the documents, which
say on their face that they are examples. The record is filled through the public
services only, exactly as a person typing it in would (and the lab results as the FHIR
import of the hospital's file would write them), and every date is counted from `today`,
so the sample always looks current: about two years of history and a few things still to
come. Vaccinations and operations long ago keep their own dates (phr.demo.medical_history).
"""

import os
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from phr.access.records import create_record
from phr.access.session import RecordSession
from phr.demo import emergency as demo_emergency
from phr.demo import files as demo_files
from phr.demo import history as demo_history
from phr.demo import hospital_file as demo_hospital_file
from phr.demo import medical_history as demo_medical_history
from phr.demo import monitoring as demo_monitoring
from phr.record.care_team import Contact
from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.record.person import Allergy, PersonDetails
from phr.record.services import RecordServices
from phr.storage.atomic import NEW_FILE, PRIVATE_FILE
from phr.storage.keys.kdf import Argon2Params

# Public on purpose: printed by `phr demo` and shown by the start window for the sample.
SAMPLE_PASSPHRASE = "tulp molen fiets regenboog"
SAMPLE_NAME = "Sanne de Vries"
_UMC = "UMC Zuiderhaven (fictief)"
GENETICS_LAB = "Afdeling Klinische Genetica (fictief)"
CARRIER_TEST = -4 * 365  # days from today
# A plain file beside record.db saying the folder holds the sample: the app shows a banner on every page. It
# says nothing about anyone (the person is invented); a restore from a backup brings back the record only.
MARKER = "sample-record.txt"
MARKER_TEXT = ("This folder holds Regie's sample record: an invented person with invented data.\n"
               "Deze map bevat het voorbeelddossier van Regie: een verzonnen persoon met verzonnen gegevens.\n")

EMERGENCY_NOTES = (
    "Ik heb bijnierinsufficiëntie (CAH): mijn lichaam maakt zelf geen cortisol.\n"
    "Bij koorts, braken, diarree, een ongeval of een operatie heb ik extra hydrocortison nodig (stressdosis): "
    "bij koorts boven 38 °C een dubbele dosis, boven 39 °C of na een ongeval een driedubbele dosis.\n"
    "Kan ik de tabletten niet binnenhouden (braken)? Dan direct een injectie Solu-Cortef 100 mg in de "
    "bovenbeenspier geven en 112 bellen.\n"
    "Mijn noodkaart zit in mijn portemonnee, de noodinjectie in mijn tas.\n"
    "Bij twijfel: bel het expertisecentrum, ook 's nachts: 088 000 1299."
)

CONTACTS = {
    "endocrinologist": Contact(
        name="dr. Eva Hoekstra", role="specialist", organisation=_UMC, specialty="Endocrinologie",
        phone="088 000 1201", email="poli.endocrinologie@umc-zuiderhaven.example",
        address="Havenplein 1, 9999 ZZ Zuiderhaven",
        contact_for="Mijn bijnierziekte: de medicijnen, de dosis en de jaarlijkse controle."),
    "expertise_centre": Contact(
        name="Expertisecentrum bijnierziekten", role="expertise_centre", kind="organisation", organisation=_UMC,
        specialty="Bijnierziekten bij volwassenen", phone="088 000 1200", acute_phone="088 000 1299",
        website="www.umc-zuiderhaven.example/bijnier", address="Havenplein 1, 9999 ZZ Zuiderhaven",
        contact_for="Bellen als ik ziek ben, overgeef of twijfel over de stressdosis. "
                    "Buiten kantoortijd neemt de dienstdoende internist op.",
        notes="Buiten kantoortijd het acute nummer bellen en zeggen dat ik bijnierinsufficiëntie heb."),
    "gp": Contact(
        name="Huisartsenpraktijk Lindeplein", role="gp", kind="organisation", phone="088 000 3100",
        acute_phone="088 000 3199", address="Lindeplein 8, 9999 ZA Zuiderhaven",
        contact_for="Gewone klachten, de schildklier, verwijzingen. Het acute nummer is de huisartsenpost "
                    "('s avonds, 's nachts en in het weekend).",
        notes="Mijn huisarts is dokter Postma."),
    "pharmacy": Contact(
        name="Apotheek Havenkwartier", role="pharmacy", kind="organisation", phone="088 000 3300",
        address="Kadestraat 21, 9999 ZB Zuiderhaven",
        contact_for="Herhaalrecepten, de noodinjectie (Solu-Cortef) en vragen over bijwerkingen."),
    "nurse": Contact(
        name="Ingrid Smit", role="nurse", organisation=_UMC, specialty="Verpleegkundig specialist endocrinologie",
        phone="088 000 1210", email="endo.verpleegkundige@umc-zuiderhaven.example",
        contact_for="Vragen tussendoor, uitleg over de stressdosis en oefenen met de injectie."),
    "dietitian": Contact(
        name="Mariam El Amrani", role="therapist", organisation="Diëtistenpraktijk Zuiderhaven (fictief)",
        specialty="Diëtist", phone="088 000 4400",
        contact_for="Eten, zout en gewicht; hoe ik meer energie houd op drukke dagen."),
    "association": Contact(
        name="Bijniervereniging NVACP", role="patient_association", kind="organisation",
        website="www.bijniervereniging-nvacp.nl",
        contact_for="Lotgenoten, betrouwbare informatie, de noodkaart en bijeenkomsten."),
    "wmo": Contact(
        name="Wmo-loket gemeente Zuiderhaven", role="social_support", kind="organisation", phone="088 000 5500",
        contact_for="Hulp in het huishouden en vervoer als ik te moe ben om alles zelf te doen."),
    "partner": demo_emergency.PARTNER,
}


@dataclass(frozen=True)
class Calendar:
    """Dates counted from `today`, as the record stores them."""

    today: date

    def date(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def day(self, offset: int) -> str:
        return self.date(offset).isoformat()

    def month(self, offset: int) -> str:
        return self.day(offset)[:7]

    def year(self, offset: int) -> str:
        return self.day(offset)[:4]

    def visit(self, offset: int, clock: str) -> str:
        """A visit `offset` days away, moved to the Monday when that day falls in a weekend."""
        return f"{self.visit_day(offset)}T{clock}"

    def visit_day(self, offset: int) -> str:
        moment = self.date(offset)
        if moment.weekday() >= 5:  # Saturday or Sunday: clinics are closed
            moment += timedelta(days=7 - moment.weekday())
        return moment.isoformat()


# --- the public API --------------------------------------------------------------------------------

def create_sample_record(folder: Path, passphrase: str = SAMPLE_PASSPHRASE, argon2: Argon2Params | None = None,
                         today: date | None = None) -> RecordSession:
    """A new record at `folder` holding the sample; returned open (the caller locks it)."""
    created = create_record(Path(folder), SAMPLE_NAME, passphrase, argon2)
    try:
        _mark_as_sample(Path(folder))
        created.session.mark_as_sample()
        fill_sample_record(RecordServices(created.session), today or date.today())
    except BaseException:
        created.session.lock()
        raise
    return created.session


def is_sample_record(session: RecordSession) -> bool:
    """Whether the open record is the sample (made by create_sample_record): it says so inside, which its backups
    keep; the marker file beside it says so to someone looking in the folder (and in samples made before)."""
    return session.is_sample() or (Path(session.folder) / MARKER).is_file()


def _mark_as_sample(folder: Path) -> None:
    descriptor = os.open(folder / MARKER, NEW_FILE, PRIVATE_FILE)  # as the record's files (binary on Windows too)
    with os.fdopen(descriptor, "w", encoding="utf-8") as marker:
        marker.write(MARKER_TEXT)


def fill_sample_record(services: RecordServices, today: date) -> None:
    """Fill an open, empty record with the sample person's care, dated around `today`."""
    calendar = Calendar(today)
    _person(services)
    contacts = {key: services.care_team.add(contact).item_id for key, contact in CONTACTS.items()}
    diagnoses = _diagnoses(services, calendar, contacts)
    _medications(services, calendar, contacts, diagnoses)
    visits = demo_history.appointments(services, calendar, contacts)
    demo_history.care_plan(services, calendar, contacts, diagnoses, visits)
    _documents(services, calendar, diagnoses, visits)
    demo_medical_history.fill(services, today)
    demo_monitoring.fill(services, today, contacts)
    demo_hospital_file.fill(services, today, calendar.visit_day(demo_history.VISITS["bone_scan"].offset))


# --- about me ----------------------------------------------------------------------------------------

def _person(services: RecordServices) -> None:
    services.person.update(PersonDetails(name=SAMPLE_NAME, birth_date="1991-04-12", sex="female",
                                         language="Nederlands", emergency_notes=EMERGENCY_NOTES,
                                         text_language="nl"))
    services.allergies.add(Allergy(
        substance="Pleisters (kleefstof, latex)", kind="allergy", severity="mild", noted_on="2012",
        reaction="Rode, jeukende huid waar de pleister heeft gezeten; na een paar dagen weg.",
        notes="Papieren pleisters of siliconenpleisters gaan wel goed."))


# --- diagnoses -----------------------------------------------------------------------------------------

def _diagnoses(services: RecordServices, calendar: Calendar, contacts: dict[str, int]) -> dict[str, int]:
    """Adds the diagnoses; returns their ids by a short key."""
    entries = _diagnosis_entries(calendar, contacts)
    ids = {key: services.diagnoses.add(entry).item_id for key, entry in entries.items()}
    # Typed in from the lab's letter, so its provenance says so.
    ids["cf_carrier"] = services.diagnoses.add(_carrier_status(calendar), source="letter",
                                               source_detail="Uitslag DNA-onderzoek (brief klinische genetica)").item_id
    return ids


def _diagnosis_entries(calendar: Calendar, contacts: dict[str, int]) -> dict[str, Diagnosis]:
    return {
        "cah": Diagnosis(
            name="Congenitale bijnierhyperplasie (klassieke vorm, 21-hydroxylasedeficiëntie)",
            orpha_code=demo_emergency.CAH_ORPHA_CODE, name_en=demo_emergency.CAH_NAME_EN,
            treating_physician=contacts["endocrinologist"], emergency_protocol=demo_emergency.CAH_PROTOCOL,
            emergency_avoid=demo_emergency.CAH_AVOID, crisis_signs=demo_emergency.CAH_CRISIS_SIGNS,
            emergency_guideline=demo_emergency.CAH_GUIDELINE,
            icd10="E25.0", status="confirmed", diagnosed_on="1991-04", expertise_centre=contacts["expertise_centre"],
            gene="CYP21A2", variant="NM_000500.9:c.[293-13C>G];[518T>A]", zygosity="compound_heterozygous",
            genetic_lab=GENETICS_LAB, genetic_test_date="2009-06",
            notes="Gevonden in de eerste levensweken (zoutverlies). Mijn bijnieren maken te weinig cortisol en "
                  "aldosteron; daarom slik ik hydrocortison en fludrocortison, mijn hele leven.",
            information_received="Uitleg en folder over de stressdosis van de verpleegkundig specialist; "
                                 "noodkaart en SOS-penning via de Bijniervereniging.",
            trusted_websites="www.bijniernet.nl\nwww.orpha.net\nwww.bijniervereniging-nvacp.nl"),
        "hypothyroidism": Diagnosis(
            name="Hypothyreoïdie (te langzaam werkende schildklier)", name_en="Hypothyroidism", icd10="E03.9",
            status="confirmed",
            diagnosed_on=calendar.year(-6 * 365), diagnosed_by=contacts["gp"],
            notes="Gevonden bij bloedonderzoek omdat ik moe was en het koud had."),
        "osteopenia": Diagnosis(
            name="Osteopenie (botontkalking, lichte vorm)", name_en="Osteopenia", icd10="M85.8", status="suspected",
            diagnosed_on=calendar.month(-60), diagnosed_by=contacts["endocrinologist"],
            notes="Vermoeden door jarenlang gebruik van hydrocortison; botdichtheidsmeting is gedaan, "
                  "de uitslag bespreek ik bij de volgende afspraak."),
    }


def _carrier_status(calendar: Calendar) -> Diagnosis:
    return Diagnosis(
        name="Drager van cystic fibrosis (CFTR)", name_en="Carrier of cystic fibrosis (CFTR)", orpha_code=586,
        icd10="Z14.1", status="carrier",
        diagnosed_on=calendar.month(CARRIER_TEST), gene="CFTR", variant="NM_000492.4:c.1521_1523del (p.Phe508del)",
        zygosity="heterozygous", genetic_lab=GENETICS_LAB, genetic_test_date=calendar.month(CARRIER_TEST),
        notes="Getest omdat het zoontje van mijn zus CF heeft. Ik heb zelf geen klachten. "
              "Belangrijk als ik kinderen wil: dan kan mijn partner zich ook laten testen.")


# --- medicines ----------------------------------------------------------------------------------------

def _medications(services: RecordServices, calendar: Calendar, contacts: dict[str, int],
                 diagnoses: dict[str, int]) -> None:
    _hormones(services.medications, calendar, contacts["endocrinologist"], diagnoses["cah"])
    medicines, gp = services.medications, contacts["gp"]
    levothyroxine = medicines.add(Medication(
        name="Levothyroxine", strength="50 microgram", dose="50 microgram", schedule="1 keer per dag, nuchter",
        route="oral", reason_id=diagnoses["hypothyroidism"], prescriber_id=gp, start_date=calendar.year(-6 * 365),
        dose_amount=50, dose_unit="microgram", times_per_day=1, food="empty_stomach")).item_id
    medicines.change_dose(levothyroxine, calendar.day(-540), "75 microgram", "1 keer per dag, nuchter",
                          "TSH nog te hoog en nog steeds moe.")
    # A change in words empties the dose for the exports; the person fills it in again, as the app asks.
    # The new tablets are 75 microgram too: a card saying "50 microgram: 75 microgram" would puzzle a doctor.
    _restate_dose(medicines, levothyroxine, strength="75 microgram", dose_amount=75, dose_unit="microgram",
                  times_per_day=1, food="empty_stomach")
    naproxen = medicines.add(Medication(
        name="Naproxen", strength="250 mg", dose="1 tablet", schedule="2 keer per dag, bij het eten", route="oral",
        prescriber_id=gp, start_date=calendar.day(-300), notes="Voor knieklachten na het hardlopen.",
        dose_amount=1, dose_unit="tablet", times_per_day=2, food="with_food")).item_id
    medicines.stop(naproxen, calendar.day(-286), "Maagklachten; in overleg met de huisarts gestopt.")
    medicines.add(Medication(
        name="Colecalciferol (vitamine D3)", name_en="Colecalciferol (vitamin D3)", strength="800 IE",
        dose="1 tablet", schedule="1 keer per dag", route="oral", reason_id=diagnoses["osteopenia"],
        prescriber_id=contacts["endocrinologist"], start_date=calendar.day(-60),
        dose_amount=1, dose_unit="tablet", times_per_day=1))


def _restate_dose(medicines, medication_id: int, **structured: object) -> None:
    """A dose change says the new dose in words; the structured dose is brought in line, as the person would."""
    medicines.update(replace(medicines.get(medication_id), **structured))


# (days from today, dose, schedule, reason), oldest first
HYDROCORTISONE_CHANGES = (
    (-760, "20 mg per dag", "3 keer per dag: 10 - 5 - 5 mg", "Vaak moe en duizelig; dagcurve cortisol te laag."),
    (-400, "17,5 mg per dag", "3 keer per dag: 10 - 5 - 2,5 mg", "Slecht slapen en aangekomen; de avonddosis lager."),
    (-60, "17,5 mg per dag", "4 keer per dag: 7,5 - 5 - 2,5 - 2,5 mg",
     "Dip aan het eind van de middag: dezelfde hoeveelheid, beter over de dag verdeeld."),
)


def _hormones(medicines, calendar: Calendar, specialist: int, cah: int) -> None:
    """The lifelong replacement of cortisol and aldosterone, and the emergency injection."""
    hydrocortisone = medicines.add(Medication(
        name="Hydrocortison", name_en="Hydrocortisone", strength="10 mg", dose="15 mg per dag",
        schedule="3 keer per dag: 7,5 - 5 - 2,5 mg", route="oral", reason_id=cah, prescriber_id=specialist,
        start_date="1991-04", times_per_day=3,
        notes="Stressdosis: bij koorts boven 38 °C dubbel, boven 39 °C drie keer zoveel. Nooit zomaar stoppen.",
    )).item_id
    for offset, dose, schedule, reason in HYDROCORTISONE_CHANGES:
        medicines.change_dose(hydrocortisone, calendar.day(offset), dose, schedule, reason)
    # Only how often: the amount differs per time of day (7,5 - 5 - 2,5 - 2,5 mg), which one amount cannot say.
    _restate_dose(medicines, hydrocortisone, times_per_day=4)
    medicines.add(Medication(
        name="Fludrocortison", name_en="Fludrocortisone", strength="0,1 mg", dose="1 tablet",
        schedule="1 keer per dag, 's ochtends", route="oral", reason_id=cah, prescriber_id=specialist,
        start_date="1991-04", dose_amount=0.1, dose_unit="mg", times_per_day=1,
        notes="Voor het zout- en vochtevenwicht; de bloeddruk wordt erbij gecontroleerd."))
    medicines.add(Medication(
        name="Solu-Cortef (noodinjectie)", name_en="Solu-Cortef (emergency injection)", strength="100 mg",
        dose="1 injectie", route="intramuscular", schedule="Alleen in een noodgeval: bij braken of als ik wegraak",
        reason_id=cah, prescriber_id=specialist, start_date=calendar.year(-9 * 365),
        dose_amount=100, dose_unit="mg", as_needed=True,
        notes="Houdbaarheid elk jaar nakijken bij de apotheek."))


# --- documents ---------------------------------------------------------------------------------------

LAB_ROWS = (
    ("17-OH-progesteron", "8,4", "nmol/l", "behandeldoel 3 - 30"),
    ("Androsteendion", "4,1", "nmol/l", "1,0 - 8,0"),
    ("Renine (actief)", "31", "mE/l", "4 - 50"),
    ("Natrium", "139", "mmol/l", "135 - 145"),
    ("Kalium", "4,3", "mmol/l", "3,5 - 5,0"),
    ("TSH", "2,1", "mE/l", "0,5 - 4,0"),
    ("Vrij T4", "16", "pmol/l", "10 - 23"),
    ("25-OH-vitamine D", "38", "nmol/l", "> 50"),
)
PATIENT = "mevrouw S. de Vries, geboren 12-04-1991"
CHECK_LETTER = (
    "Uw patiënte bezocht onze polikliniek voor de halfjaarlijkse controle van haar congenitale "
    "bijnierhyperplasie. Zij is minder moe sinds de verhoging en voelt zich goed.",
    "De hydrocortison is nu verdeeld over vier giften per dag (7,5 - 5 - 2,5 - 2,5 mg). Het laboratorium "
    "laat een goede instelling zien; de vitamine D is aan de lage kant. Wij zijn gestart met colecalciferol.",
    "Wegens langdurig glucocorticoïdgebruik hebben wij een botdichtheidsmeting aangevraagd. "
    "De uitslag bespreken wij bij het volgende bezoek.",
)
CARRIER_LETTER = (
    "Bij mevrouw De Vries is dragerschapsonderzoek gedaan naar cystic fibrosis, omdat bij een neefje "
    "de diagnose is gesteld.",
    "Uitslag: zij is heterozygoot drager van de variant NM_000492.4:c.1521_1523del (p.Phe508del) in het "
    "CFTR-gen. Zij heeft zelf geen cystic fibrosis.",
    "Bij een kinderwens adviseren wij dragerschapsonderzoek bij de partner.",
)


def _documents(services: RecordServices, calendar: Calendar, diagnoses: dict[str, int],
               visits: dict[str, int]) -> None:
    documents, cah, visit = services.documents, diagnoses["cah"], visits["recent_check"]
    documents.add_file(demo_files.lab_result_pdf(f"Klinisch laboratorium, {_UMC}", calendar.date(-67), PATIENT,
                                                 LAB_ROWS),
                       "labuitslag-bijnier.pdf", "Uitslag bloedonderzoek", kind="lab_result",
                       document_date=calendar.day(-67), diagnosis_id=cah, appointment_id=visit)
    documents.add_file(demo_files.letter_pdf(f"Expertisecentrum bijnierziekten, {_UMC}", calendar.date(-58),
                                             PATIENT, CHECK_LETTER, "dr. E. Hoekstra, internist-endocrinoloog"),
                       "brief-huisarts-controle.pdf", "Brief aan de huisarts na controle", kind="letter",
                       document_date=calendar.day(-58), diagnosis_id=cah, appointment_id=visit)
    letter_day = CARRIER_TEST + 20  # the result came some weeks after the blood test
    documents.add_file(demo_files.letter_pdf(GENETICS_LAB, calendar.date(letter_day),
                                             "uitslag dragerschapsonderzoek CFTR", CARRIER_LETTER,
                                             "klinisch geneticus"),
                       "uitslag-dragerschap-cftr.pdf", "Uitslag DNA-onderzoek dragerschap CF", kind="letter",
                       document_date=calendar.day(letter_day), diagnosis_id=diagnoses["cf_carrier"])
    documents.add_file(demo_files.emergency_card_png(), "noodkaart-scan.png", "Noodkaart bijnierinsufficiëntie",
                       kind="scan", document_date=calendar.day(-700), diagnosis_id=cah,
                       notes="Scan van de voorkant; de kaart zelf zit in mijn portemonnee.")
