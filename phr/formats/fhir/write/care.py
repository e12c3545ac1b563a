"""Plan of care (a CarePlan with the goals and their latest evaluation) and the care team.

A goal's review date becomes its target's due date; a goal with a measure key from the
catalogue gets that measure's LOINC code and a UCUM range. The latest evaluation goes
in as a note and as the achievement status. Each care provider becomes a Practitioner (a
person) or an Organization, listed in one CareTeam with its role; the out-of-hours
number is a phone with an extension that says so. A next of kin is no care provider: the
narrative lists them, and the Patient carries them as a contact (patient.py).
"""

from phr.core.vocabulary import CareRole, GoalStatus
from phr.formats.fhir import codes as codes
from phr.formats.fhir.write.context import FhirContext, Section, identifier, without_empty
from phr.formats.fhir.write.narrative import joined, narrative, table
from phr.monitoring.measures import CATALOGUE
from phr.record.care_plan import Evaluation, Goal
from phr.record.care_team import Contact
from phr.words.units import unit_words
from phr.words.vocabulary import label, label_of

LIFECYCLE = {"active": "active", "achieved": "completed", "stopped": "cancelled"}
ACHIEVEMENT = {0: "no-progress", 1: "in-progress", 2: "in-progress", 3: "improving", 4: "achieved"}


# --- plan of care -----------------------------------------------------------------------------

def plan_of_care(context: FhirContext) -> Section | None:
    w = context.words
    goals = context.services.care_plan.all()
    if not goals:
        return None
    entries, rows = [], []
    for item in goals:
        latest = context.services.care_plan.latest_evaluation(item.id) if item.id is not None else None
        entries.append((context.url_of("goals", item), goal(context, item, latest)))
        rows.append([item.description, label_of(w, GoalStatus, item.status, in_sentence=True), w.date(item.review_date),
                     evaluation_text(context, latest)])
    plan = without_empty({
        "resourceType": "CarePlan", "status": "active", "intent": "plan", "title": w("Care plan"),
        "subject": context.subject, "goal": [{"reference": url} for url, _ in entries],
    })
    header = [w("Goal"), w("Status"), w("Review by"), w("Latest evaluation")]
    plan_entry = (codes.full_url("care-plan", context.patient_url), plan)
    return Section("plan_of_care", w("Care plan"), narrative(table(header, rows)), [plan_entry] + entries)


def evaluation_text(context: FhirContext, evaluation) -> str:
    if evaluation is None:
        return ""
    w = context.words
    return joined(w.date(evaluation.evaluated_on), evaluation.how_it_went,
                  w("next step: {step}", step=evaluation.next_step) if evaluation.next_step else "", separator=" – ")


def goal(context: FhirContext, item: Goal, latest: Evaluation | None) -> dict:
    w = context.words
    achievement = "achieved" if item.status == "achieved" else (ACHIEVEMENT.get(latest.progress) if latest else "")
    notes = [w(text, action=getattr(item, name)) for name, text in codes.GOAL_NOTES.items() if getattr(item, name)]
    if latest:
        notes.append(w("Latest evaluation: {text}", text=evaluation_text(context, latest)))
    return without_empty({
        "resourceType": "Goal",
        "identifier": identifier(item.uid),
        "lifecycleStatus": LIFECYCLE.get(item.status, "active"),
        "achievementStatus": codes.concept(codes.GOAL_ACHIEVEMENT, achievement) if achievement else {},
        "description": {"text": item.description},
        "subject": context.subject,
        "startDate": item.start_date,
        "target": [_target(context, item)],
        "addresses": [context.reference("diagnoses", item.diagnosis_id)],
        "note": [codes.generated_note(note) for note in notes if note],
    })


def _target(context: FhirContext, item) -> dict:
    """The measure by its LOINC code (insulin has none: by its key, as a measure outside the catalogue), the bounds
    in its UCUM unit with the unit for people in the export's language."""
    measure = CATALOGUE.get(item.target_measure)
    quantity = ({"unit": unit_words(context.words, measure.unit_text), "system": codes.UCUM, "code": measure.unit}
                if measure else {"unit": item.target_unit})
    bounds = {name: dict(quantity, value=value) for name, value in (("low", item.target_low),
                                                                     ("high", item.target_high)) if value is not None}
    concept = (codes.concept(codes.LOINC, measure.loinc, measure.name_en, item.target_measure)
               if measure and measure.loinc else {"text": item.target_measure})
    return {
        "measure": concept if item.target_measure else {},
        "detailRange": bounds,
        "dueDate": item.review_date,
    }


# --- care team --------------------------------------------------------------------------------

def care_team(context: FhirContext) -> Section | None:
    w = context.words
    contacts = context.services.care_team.all()
    if not contacts:
        return None
    roles = role_words(context)
    members, participants, rows = [], [], []
    for contact in contacts:
        if has_own_resource(contact):  # family: in the narrative, and a contact of the Patient (patient.py)
            url = context.url_of("contacts", contact)
            members.append((url, practitioner_or_organisation(contact)))
            participants.append(_participant(contact, url, roles))
        rows.append([contact.name, joined(roles.get(contact.role, ""), contact.specialty, separator=", "),
                     contact.phone, contact.acute_phone, contact.contact_for])
    team = without_empty({"resourceType": "CareTeam", "status": "active", "name": w("My care team"),
                          "subject": context.subject, "participant": participants})
    header = [w("Name"), w("Role"), w("Phone"), w("Out of hours"), w("Contact for")]
    team_entry = (codes.full_url("care-team", context.patient_url), team)
    return Section("care_team", w("Care team"), narrative(table(header, rows)), [team_entry] + members)


def has_own_resource(contact: Contact) -> bool:
    """A care provider is a Practitioner or Organization of its own, in the CareTeam; a next of kin (family or
    partner) is a contact of the Patient."""
    return contact.role != CareRole.NEXT_OF_KIN


def role_words(context: FhirContext) -> dict[str, str]:
    """Each care-team role in the summary's language, as the app and the PDFs name it."""
    return {role.value: label(context.words, role, in_sentence=True) for role in CareRole}


def _participant(contact, url: str, roles: dict[str, str]) -> dict:
    return {
        "extension": [{"url": codes.CONTACT_FOR, "valueString": contact.contact_for}] if contact.contact_for else [],
        "role": [{"coding": [codes.coding(codes.CARE_TEAM_ROLE, contact.role)],
                  "text": joined(roles.get(contact.role, ""), contact.specialty, separator=", ")}],
        "member": {"reference": url, "display": contact.name},
        "onBehalfOf": {"display": contact.organisation} if contact.organisation else {},
    }


def telecom(contact: Contact, use: str = "work") -> list[dict]:
    found: list[dict] = [{"system": "phone", "value": contact.phone, "use": use}] if contact.phone else []
    if contact.acute_phone:
        found.append({"extension": [{"url": codes.OUT_OF_HOURS, "valueBoolean": True}], "system": "phone",
                      "value": contact.acute_phone, "rank": 1})
    found += [{"system": system, "value": value} for system, value in (("email", contact.email),
                                                                      ("url", contact.website)) if value]
    return found


def practitioner_or_organisation(contact) -> dict:
    shared = {"identifier": identifier(contact.uid), "telecom": telecom(contact),
              "address": [{"text": contact.address}] if contact.address else []}
    if contact.kind == "organisation":
        return without_empty({"resourceType": "Organization", **shared, "name": contact.name,
                              "type": [{"text": contact.specialty}] if contact.specialty else []})
    return without_empty({"resourceType": "Practitioner", **shared, "name": [{"text": contact.name}],
                          "qualification": [{"code": {"text": contact.specialty}}] if contact.specialty else []})
