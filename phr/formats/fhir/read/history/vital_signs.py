"""Observations of a measure in Regie's catalogue -> readings of that measure, in its own unit.

Which LOINC codes are which measure (phr.monitoring.measures CATALOGUE; two codes for weight and oxygen
saturation, as files use both). A value is converted to the measure's unit by the measure itself
(Measure.to_canonical); a unit it does not know is never guessed: the Observation is left out with the
reason. A value outside the measure's plausible bounds is a damaged or mistaken file, left out too.

HbA1c in % (NGSP/DCCT, LOINC 4548-4 and 17856-6) becomes the catalogue's mmol/mol (IFCC) by the IFCC-NGSP
master equation, NGSP% = 0.09148 x IFCC + 2.152, as ngsp.org ("IFCC Standardization of HbA1c") and the
IFCC consensus (Hanas and John, Diabetes Care 2010;33:1903) give it: mmol/mol = (% - 2.15) x 10.929.

Body height (8302-2), BMI (39156-5) and other vital signs the catalogue has no measure for are no
self-monitoring measure of Regie: they become lab-style results, one measure per LOINC code and unit,
so they are kept and charted all the same (observations.py).
"""

from phr.formats.fhir.read.resources.found import Unusable
from phr.monitoring import validity
from phr.monitoring.measures import CATALOGUE, Measure

LOINC = "http://loinc.org"
MEASURE_OF = {"14743-9": "glucose", "8867-4": "heart_rate", "29463-7": "weight", "3141-9": "weight",
              "8310-5": "temperature", "59408-5": "spo2", "2708-6": "spo2", "19935-6": "peak_flow",
              "20150-9": "fev1", "59261-8": "hba1c", "72514-3": "pain",
              # glucose as Regie's own export writes it (measures.glucose_loinc): by a sensor, by a lab
              "105272-9": "glucose", "14749-6": "glucose"}
METHOD_OF = {"105272-9": "sensor", "14749-6": "lab"}  # the way these glucose codes say it was measured
HBA1C_PERCENT = ("4548-4", "17856-6")
BLOOD_PRESSURE_PANELS = ("85354-9", "55284-4")
SYSTOLIC, DIASTOLIC, PULSE = "8480-6", "8462-4", "8867-4"
PARTS = {SYSTOLIC: "systolic", DIASTOLIC: "diastolic"}
# The same in NHG table 45 (Dutch GP systems, as the Drimpy STU3 summary codes them: 1744 systolische, 1740
# diastolische bloeddruk)
NHG_PARTS = {"1744": "systolic", "1740": "diastolic"}
# The figures of a glucose sensor's summary (HL7 CGM IG) that Regie's own export writes: Regie works them out
# from the readings themselves, so they are not read back as results.
SENSOR_SUMMARY = {"106793-3", "104642-4", "104641-6", "97510-2", "104640-8", "104639-0", "105273-7", "97506-0",
                  "104638-2", "104637-4"}


def hba1c_mmol_per_mol(percent: float) -> float:
    return round((percent - 2.15) * 10.929, 1)


def measure_of(loinc: str) -> Measure | None:
    key = "hba1c" if loinc in HBA1C_PERCENT else MEASURE_OF.get(loinc)
    return CATALOGUE[key] if key else None


def canonical(measure: Measure, loinc: str, value: float, unit: str) -> float:
    """The value in the measure's own unit; Unusable when the unit is not one Regie converts."""
    if loinc in HBA1C_PERCENT:
        if unit != "%":
            raise Unusable(f"its unit is not the one Regie knows for {measure.name_en} in per cent")
        return hba1c_mmol_per_mol(value)
    try:
        return measure.to_canonical(value, unit)
    except ValueError:
        raise Unusable(f"its unit is not one Regie can convert for {measure.name_en}") from None


def plausible(measure: Measure, value: float, component: int = 0) -> float:
    """The value, when a file may bring it (phr.monitoring.validity: a finite number inside the usual range; no
    one confirmed a value outside it)."""
    if validity.value_problem(measure, value, component):
        raise Unusable(f"its value cannot be right for {measure.name_en}")
    return value
