"""What the hospital's health summary (a FHIR file from its patient portal) brought into the sample record:
two years of lab results with their LOINC codes, units and reference ranges, and the bone density scan.

Written as the FHIR import writes (phr.formats.fhir.read): in one transaction, with one import stamp, each lab
test a lab measure named by its LOINC code and unit, each result a reading with the range the lab gave. The
blood was drawn in the morning before the visits (and once at the emergency department, the night of the
admission with gastroenteritis: low sodium, high potassium, a raised creatinine: an adrenal crisis beginning);
the last draw is the one of the lab report among the documents (phr.demo.sample_record.LAB_ROWS).

The LOINC codes are the "moles per volume" (SI) terms, as Dutch labs report in nmol/L and µmol/L, checked against
LOINC's own names (and their check digits): 14569-8 17-Hydroxyprogesterone [Moles/volume] in Serum or Plasma (not
1668-3, the mass term in ng/dL), 14603-5 Androstenedione [Moles/volume] in Serum or Plasma, 2951-2 Sodium
[Moles/volume] in Serum or Plasma, 2823-3 Potassium [Moles/volume] in Serum or Plasma, 14682-9 Creatinine
[Moles/volume] in Serum or Plasma (not 2160-0, the mass term in mg/dL), 3016-3 Thyrotropin [Units/volume] in Serum
or Plasma. Renin is left out: its LOINC term could not be checked here.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from phr.core.entries import import_stamp
from phr.core.vocabulary import Source
from phr.monitoring.lab_results import LabResult, ReferenceRange
from phr.record.codings import Coding
from phr.record.history.procedures import Procedure
from phr.storage.repos.entries import new_uid

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FILE_NAME = "mijn-umc-zuiderhaven-gezondheidsoverzicht.json"
SNOMED = "http://snomed.info/sct"
# The draws, in days from today and the hour: four morning draws before a visit, one at the emergency department.
DRAWS = {"first": (-767, 8.5), "emergency": (-540, 21.75), "yearly": (-407, 8.5), "half_year": (-207, 8.25),
         "recent": (-67, 8.5)}


@dataclass(frozen=True)
class LabTest:
    name: str              # as the lab names it
    loinc: str
    unit: str
    decimals: int
    reference: ReferenceRange
    values: dict[str, float]  # draw -> result


LAB_TESTS = (
    LabTest("17-OH-progesteron", "14569-8", "nmol/L", 1, ReferenceRange(3.0, 30.0, "behandeldoel 3 - 30"),
            {"first": 48.0, "yearly": 12.5, "half_year": 34.2, "recent": 8.4}),
    LabTest("Androsteendion", "14603-5", "nmol/L", 1, ReferenceRange(1.0, 8.0),
            {"first": 11.2, "yearly": 5.2, "half_year": 8.9, "recent": 4.1}),
    LabTest("Natrium", "2951-2", "mmol/L", 0, ReferenceRange(135, 145),
            {"first": 137, "emergency": 131, "yearly": 139, "half_year": 138, "recent": 139}),
    LabTest("Kalium", "2823-3", "mmol/L", 1, ReferenceRange(3.5, 5.0),
            {"first": 4.6, "emergency": 5.3, "yearly": 4.2, "half_year": 4.4, "recent": 4.3}),
    LabTest("Kreatinine", "14682-9", "µmol/L", 0, ReferenceRange(45, 90),
            {"first": 71, "emergency": 98, "yearly": 69, "half_year": 72, "recent": 66}),
    LabTest("TSH", "3016-3", "mE/L", 1, ReferenceRange(0.5, 4.0),
            {"first": 3.4, "yearly": 2.8, "half_year": 1.9, "recent": 2.1}),
)


def bone_scan(day: str) -> Procedure:
    return Procedure(name="Botdichtheidsmeting (DEXA-scan)", performed_on=day,
                     place="UMC Zuiderhaven, afdeling Radiologie (fictief)", body_site="Lendenwervels en linkerheup",
                     codes=(Coding(SNOMED, "312681000", "Bone density scan"),))


def fill(services, today: date, bone_scan_day: str) -> None:
    """`bone_scan_day`: the day of the visit to Radiology (phr.demo.history.VISITS)."""
    session = services.session
    with session.db.transaction():
        stamp = import_stamp(session, Source.FHIR_IMPORT, FILE_NAME)
        results = []
        for test in LAB_TESTS:
            key = services.lab_results.lab_measure(test.loinc, test.unit, test.name, test.decimals, stamp).key
            results += [LabResult(key, _drawn(today, draw), value, test.reference)
                        for draw, value in test.values.items()]
        services.lab_results.add_results(results, Source.FHIR_IMPORT, FILE_NAME)
        scan = bone_scan(bone_scan_day)
        if services.procedures.validate(scan):  # written as an import writes it: checked by the caller
            raise ValueError("the sample's bone density scan breaks the procedures' rules")
        services.procedures.insert_imported(scan, stamp, new_uid())


def _drawn(today: date, draw: str) -> datetime:
    offset, hour = DRAWS[draw]
    whole = int(hour)
    return datetime.combine(today + timedelta(days=offset), time(whole, round((hour - whole) * 60)), AMSTERDAM)
