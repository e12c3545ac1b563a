"""What an export calls a diagnosis or a medicine in each language, said independently of the code under test:
in English the patient's English name, else Orphanet's for the ORPHAcode, else their own words."""

from phr.record.diagnoses import Diagnosis
from phr.record.medications import Medication
from phr.reference import orphanet


def diagnosis_name(diagnosis: Diagnosis, language: str) -> str:
    if language != "en":
        return diagnosis.name
    orphanet_name = orphanet.english_name(diagnosis.orpha_code) if diagnosis.orpha_code is not None else None
    return diagnosis.name_en or orphanet_name or diagnosis.name


def medicine_name(medicine: Medication, language: str) -> str:
    return medicine.name_en if language == "en" and medicine.name_en else medicine.name
