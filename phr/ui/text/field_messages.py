"""What each validation problem means, in plain words."""

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def problem_text(problem: str) -> str:
    texts = {
        "required": translate("FieldMessages", "Please fill this in."),
        "invalid_choice": translate("FieldMessages", "Choose one of the options."),
        "invalid_date": translate("FieldMessages", "Type a date as 2019, 5-2019 or 14-5-2019."),
        "invalid_date_time": translate("FieldMessages", "Type a date and time as 14-5-2026 10:30."),
        "invalid_phone": translate("FieldMessages", "This does not look like a phone number."),
        "invalid_email": translate("FieldMessages", "This does not look like an e-mail address."),
        "invalid_website": translate("FieldMessages", "This does not look like a website, e.g. www.example.nl."),
        "invalid_number": translate("FieldMessages", "Type a number, e.g. 4,5."),
        "impossible": translate("FieldMessages", "This cannot be a value of this measure. Check the number."),
        "invalid_orpha": translate("FieldMessages", "An ORPHAcode is a number, e.g. 586 or ORPHA:586."),
        "invalid_icd10": translate("FieldMessages", "An ICD-10 code looks like E25.0."),
        "invalid_hgvs": translate("FieldMessages", "A variant is written like NM_000500.9:c.293-13C>G."),
        "before_start": translate("FieldMessages", "This date lies before the start date."),
        "range_order": translate("FieldMessages", "The lower value is higher than the upper value."),
        "too_large": translate("FieldMessages", "This file is too large."),
        "unsupported_file": translate("FieldMessages", "Only PDF, PNG and JPEG files can be added."),
        "allergies_listed": translate("FieldMessages", "There are allergies in the list; delete them first."),
    }
    return texts.get(problem, translate("FieldMessages", "Please check this."))
