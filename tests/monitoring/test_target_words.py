"""The target sentences the app and both PDFs share (phr.monitoring.target_words), in both languages."""

from phr.monitoring.measures import CATALOGUE
from phr.monitoring.target_words import Reader, alert_text, goal_target, target_text
from phr.monitoring.targets import Target
from phr.words.catalogue import Words

EN, NL = Words("en"), Words("nl")
BP, GLUCOSE = CATALOGUE["bp"], CATALOGUE["glucose"]


def test_a_range_reads_the_same_long_and_short():
    target = Target("glucose", target_low=4.0, target_high=10.0)
    assert target_text(EN, GLUCOSE, target) == "Target: 4.0 to 10.0 mmol/L."
    assert target_text(EN, GLUCOSE, target, short=True) == "4.0–10.0 mmol/L"


def test_blood_pressure_limits_name_their_number_unless_both_are_there_in_short():
    both = Target("bp", target_high=135, target_high2=85)
    assert target_text(EN, BP, both, short=True) == "≤ 135/85 mmHg"
    assert "systolic" in target_text(EN, BP, both) and "diastolic" in target_text(EN, BP, both)
    diastolic_only = Target("bp", target_high2=85)
    # Alone, '≤ 85 mmHg' would read as a systolic limit: the brief's narrow column names it.
    assert target_text(EN, BP, diastolic_only, short=True) == "diastolic ≤ 85 mmHg"
    assert "systolic" not in target_text(EN, BP, diastolic_only)


def test_a_goal_target_names_what_is_measured_and_keeps_the_typed_numbers():
    assert goal_target(EN, 100, 135, "mmHg", "Blood pressure") == "Blood pressure: 100 to 135 mmHg"
    assert goal_target(NL, None, 7.25, "mmol/L", "") == "hoogstens 7,25 mmol/L"


def test_insulin_units_are_written_in_the_language_of_the_reader():
    insulin, target = CATALOGUE["insulin_rapid"], Target("insulin_rapid", 2, 12, alert_high=20)
    assert target_text(Words("en"), insulin, target) == "Target: 2.0 to 12.0 IU."
    assert target_text(Words("nl"), insulin, target) == "Streefwaarde: 2,0 tot 12,0 IE."
    assert alert_text(Words("nl"), insulin, target, Reader.DOCUMENT).endswith("20,0 IE.")
