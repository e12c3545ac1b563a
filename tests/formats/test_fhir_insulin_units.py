"""Insulin from a device (measures insulin_rapid and insulin_long, UCUM unit [IU], no LOINC code) goes out with its
UCUM code and the unit as people write it in the export's language: 'IU' in English, 'IE' in Dutch; never a bare
'[IU]' for people to read. The PDFs say the unit the same way."""

import io
from datetime import date, datetime, timezone

import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from phr.export.options import ExportOptions
from phr.export.pdf.documents import build_pdf
from phr.formats.fhir.write import bundle as fhir
from phr.monitoring.readings import Reading
from phr.record.care_plan import Goal

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)
UCUM = "http://unitsofmeasure.org"
PEOPLE_UNIT = {"en": "IU", "nl": "IE"}


def _insulin(services) -> None:
    at = datetime(2026, 11, 20, 7, 30, tzinfo=timezone.utc)
    services.readings.add_batch([Reading("insulin_rapid", at, 6.0), Reading("insulin_long", at.replace(hour=21), 18.5),
                                 Reading("weight", at, 70.4)], "device_import", "libreview.csv")


def _observations(bundle: dict) -> dict[str, dict]:
    found = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Observation"]
    return {o["code"]["coding"][0]["code"] if "coding" in o["code"] else o["code"]["text"]: o for o in found}


def _units(value: object) -> list[str]:
    """Every 'unit' anywhere in a resource."""
    if isinstance(value, dict):
        return [found for key, item in value.items()
                for found in ([item] if key == "unit" and isinstance(item, str) else _units(item))]
    if isinstance(value, list):
        return [found for item in value for found in _units(item)]
    return []


@pytest.mark.parametrize("language, rapid, long", [("en", "Rapid-acting insulin", "Long-acting insulin"),
                                                   ("nl", "Snelwerkende insuline", "Langwerkende insuline")])
def test_insulin_readings_carry_the_ucum_code_and_the_unit_in_the_export_language(services, language, rapid, long):
    _insulin(services)
    bundle = fhir.build_bundle(services, language, now=NOW)
    Bundle.model_validate(bundle)
    observations = _observations(bundle)
    unit = PEOPLE_UNIT[language]
    assert observations[rapid]["valueQuantity"] == {"value": 6.0, "unit": unit, "system": UCUM, "code": "[IU]"}
    assert observations[long]["valueQuantity"] == {"value": 18.5, "unit": unit, "system": UCUM, "code": "[IU]"}
    assert observations["29463-7"]["valueQuantity"] == {"value": 70.4, "unit": "kg", "system": UCUM, "code": "kg"}
    assert "[IU]" not in _units(bundle)
    narratives = " ".join(section["text"]["div"] for section in bundle["entry"][0]["resource"]["section"])
    assert f"6{'.' if language == 'en' else ','}0 {unit}" in narratives and "[IU]" not in narratives


def test_a_goal_on_insulin_names_the_measure_by_its_key_with_the_ucum_unit(services):
    services.care_plan.add(Goal(description="Minder snelwerkende insuline", target_measure="insulin_rapid",
                                target_high=20, review_date="2027-01"))
    bundle = fhir.build_bundle(services, "nl", now=NOW)
    Bundle.model_validate(bundle)
    [goal] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Goal"]
    target = goal["target"][0]
    assert target["measure"] == {"text": "insulin_rapid"}  # no LOINC coding without a LOINC code
    assert target["detailRange"]["high"] == {"value": 20.0, "unit": "IE", "system": UCUM, "code": "[IU]"}


@pytest.mark.parametrize("kind", ["overview", "visit"])
@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_pdfs_write_the_insulin_unit_for_people(services, kind, language):
    _insulin(services)
    options = ExportOptions(kind=kind, language=language, now=NOW.replace(tzinfo=None), since=date(2026, 11, 1),
                            until=date(2026, 11, 21))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(build_pdf(services, options))).pages)
    name = "Rapid-acting insulin" if language == "en" else "Snelwerkende insuline"
    assert f"{name} ({PEOPLE_UNIT[language]})" in " ".join(text.split())
    assert "[IU]" not in text
