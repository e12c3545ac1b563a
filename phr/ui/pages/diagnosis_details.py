"""A diagnosis in the details pane: what everyone reads first; codes and genetics behind "More details (for the doctor)".

ORPHAcode, ICD-10, HGVS and zygosity mean little to most readers, and a doctor still needs them: they wait behind
a link that opens them, each with one line in plain words of what it is.
"""

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from phr.core.vocabulary import DiagnosisStatus, Zygosity
from phr.record.codings import Coding, icd10_name, others
from phr.record.diagnoses import Diagnosis, orpha_display
from phr.ui.text.formatting import escape, partial
from phr.ui.text.vocabulary import label_of

translate = QCoreApplication.translate
MORE, LESS = "more-details", "less-details"  # the links that open and close the part for the doctor

Row = tuple[str, str] | tuple[str, str, str]  # label, value and, for a code, what it is in plain words


def status_explanation(status: str) -> str:
    """What a status means, in plain words (shown in the details, so no one has to guess)."""
    carrier = translate("Diagnoses", "Carries the variant; usually no symptoms. It can be passed on to children.")
    return {
        "confirmed": translate("Diagnoses", "The diagnosis has been made."),
        "suspected": translate("Diagnoses", "The doctors think of this, but it is not certain yet."),
        "carrier": carrier,
        "resolved": translate("Diagnoses", "This is over, or no longer needs care."),
    }.get(status, "")


def icd10_text(diagnosis: Diagnosis) -> str:
    """'E11.9', or 'E11.9 (ICD-10-CM)' when the file that brought it gave it in a variant of ICD-10."""
    name = icd10_name(diagnosis.codes, diagnosis.icd10) if diagnosis.icd10 else ""
    return f"{diagnosis.icd10} ({name})" if name and name != "ICD-10" else diagnosis.icd10


def grouped_table(groups: list[tuple[str, list[Row]]]) -> str:
    """Label/value rows under headings, in one table so the values line up; empty rows and groups are left out.

    A row's third part, what a code is, goes in small print under its value."""
    cells = ""
    for heading, rows in groups:
        filled = [row for row in rows if row[1] not in (None, "")]
        if filled and heading:
            cells += f"<tr><td colspan='2' style='padding-top: 10px'><b>{escape(heading)}</b></td></tr>"
        for label, value, *explained in filled:
            note = "".join(f"<br><small>{escape(text)}</small>" for text in explained if text)
            cells += (f"<tr><td style='padding-right: 12px; padding-left: 8px; vertical-align: top'>{escape(label)}"
                      f"</td><td>{escape(value).replace(chr(10), '<br>')}{note}</td></tr>")
    return f"<table>{cells}</table>" if cells else ""


def code_rows(d: Diagnosis) -> list[Row]:
    return [
        (translate("Diagnoses", "ORPHAcode"), orpha_display(d.orpha_code),
         translate("Diagnoses", "The number of this disease in Orphanet, the European list of rare diseases.")),
        (translate("Diagnoses", "ICD-10 code"), icd10_text(d),
         translate("Diagnoses", "The code of the diagnosis that hospitals and health insurers use.")),
        (translate("Diagnoses", "Other codes"), "\n".join(c.said() for c in others(d.codes, d.icd10, d.orpha_code)),
         translate("Diagnoses", "Codes from other systems (such as SNOMED CT), from a file that was imported.")),
    ]


def genetic_rows(d: Diagnosis) -> list[Row]:
    return [
        (translate("Diagnoses", "Gene"), d.gene,
         translate("Diagnoses", "The gene (a part of the DNA) in which the change was found.")),
        (translate("Diagnoses", "Variant (HGVS)"), d.variant,
         translate("Diagnoses", "The change in the gene, written the way laboratories write it (HGVS).")),
        (translate("Diagnoses", "Zygosity"), label_of(Zygosity, d.zygosity),
         translate("Diagnoses", "Whether the change is on one copy of the gene or on both.")),
        (translate("Diagnoses", "Laboratory"), d.genetic_lab),
        (translate("Diagnoses", "Test date"), partial(d.genetic_test_date)),
    ]


def emergency_rows(d: Diagnosis) -> list[Row]:
    """Every row, also the empty ones: what the emergency card will say is not filled in shows here too."""
    empty = translate("Diagnoses", "Not filled in")
    return [(label, value or empty) for label, value in (
        (translate("Diagnoses", "What a doctor must do"), d.emergency_protocol),
        (translate("Diagnoses", "What to avoid"), d.emergency_avoid),
        (translate("Diagnoses", "Signs of a crisis"), d.crisis_signs),
        (translate("Diagnoses", "Emergency guideline"), d.emergency_guideline),
    )]


def for_the_doctor(d: Diagnosis, open_: bool) -> str:
    """The link that opens (or closes) the codes and genetics, and when open, them; '' when there are none."""
    return doctor_part([(translate("Diagnoses", "Codes"), code_rows(d)),
                        (translate("Diagnoses", "Genetic details"), genetic_rows(d))], open_)


def doctor_part(groups: list[tuple[str, list[Row]]], open_: bool) -> str:
    """Rows for the doctor behind a link that opens (or closes) them; '' when all are empty. Any page's details
    can have one (the section page follows the link)."""
    if not any(row[1] for _heading, rows in groups for row in rows):
        return ""
    if not open_:
        return link(MORE, "▸ " + translate("Diagnoses", "More details (for the doctor)"))
    return link(LESS, "▾ " + translate("Diagnoses", "Fewer details")) + grouped_table(groups)


def codes_row(codes: tuple[Coding, ...]) -> Row:
    """The codes another system gave an entry (a vaccine, an operation, a medicine), one a line, said plainly."""
    return (translate("Diagnoses", "Codes"), "\n".join(coding.said() for coding in codes),
            translate("Diagnoses", "How hospitals and pharmacies name this in their computer systems, from a file "
                                   "that was imported."))


def link(target: str, text: str) -> str:
    return f"<p><a href='#{target}'>{escape(text)}</a></p>"


def details_html(d: Diagnosis, contacts: Mapping[str, str], doctor_part_open: bool) -> str:
    status = label_of(DiagnosisStatus, d.status)
    rows: list[Row] = [
        (translate("Diagnoses", "Name in English"), d.name_en),
        (translate("Diagnoses", "Status"), f"{status}\n{status_explanation(d.status)}"),
        (translate("Diagnoses", "Diagnosed on"), partial(d.diagnosed_on)),
        (translate("Diagnoses", "Diagnosed by"), contacts["diagnosed_by"]),
        (translate("Diagnoses", "Treated by"), contacts["treating_physician"]),
        (translate("Diagnoses", "Expertise centre"), contacts["expertise_centre"]),
    ]
    more: list[Row] = [
        (translate("Diagnoses", "Notes"), d.notes),
        (translate("Diagnoses", "Information received"), d.information_received),
        (translate("Diagnoses", "Trusted websites"), "\n".join(d.website_list())),
    ]
    groups = [("", rows), (translate("Diagnoses", "In an emergency"), emergency_rows(d)),
              (translate("Diagnoses", "Notes and information"), more)]
    return f"<h3>{escape(d.name)}</h3>" + grouped_table(groups) + for_the_doctor(d, doctor_part_open)
