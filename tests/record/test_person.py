"""The person: details, emergency notes, and allergies where 'no known allergies' is a statement."""

import dataclasses

import pytest

from phr.core.entries import EntryInvalid
from phr.record.person import LISTED, NONE_KNOWN, UNKNOWN, Allergy, AllergyService, PersonService


@pytest.fixture
def person(session):
    return PersonService(session)


@pytest.fixture
def allergies(session):
    return AllergyService(session)


def test_details_are_stored_with_provenance(person):
    person.update(dataclasses.replace(person.get(), birth_date="1987-03", sex="female", language="Nederlands",
                                      emergency_notes="Stressdosis hydrocortison nodig bij koorts of braken."))
    details = person.get()
    assert (details.birth_date, details.sex, details.language) == ("1987-03", "female", "Nederlands")
    assert details.emergency_notes.startswith("Stressdosis")
    assert details.provenance.entered_by == "Zoë Ünal" and details.provenance.source == "typed"


@pytest.mark.parametrize("change, field", [
    ({"name": "  "}, "name"),
    ({"birth_date": "31-02-1987"}, "birth_date"),
    ({"birth_date": "1987-3-14"}, "birth_date"),  # the form stores ISO; anything else is refused
    ({"sex": "x"}, "sex"),
])
def test_bad_details_are_refused_and_change_nothing(person, change, field):
    before = person.get()
    with pytest.raises(EntryInvalid) as refused:
        person.update(dataclasses.replace(before, **change))
    assert [e.field for e in refused.value.errors] == [field]
    assert person.get() == before


def test_allergies_start_as_not_filled_in(person):
    assert person.allergy_statement() == UNKNOWN


def test_no_known_allergies_is_a_statement(person):
    person.state_no_known_allergies()
    assert person.allergy_statement() == NONE_KNOWN


def test_adding_an_allergy_ends_the_statement(person, allergies):
    person.state_no_known_allergies()
    allergies.add(Allergy(substance="Penicilline", reaction="Huiduitslag", severity="moderate"))
    assert person.allergy_statement() == LISTED


def test_deleting_the_last_allergy_is_not_a_statement(person, allergies):
    change = allergies.add(Allergy(substance="Noten", kind="allergy", severity="severe"))
    allergies.delete(change.item_id)
    assert person.allergy_statement() == UNKNOWN
    allergies.undo_delete(change.item_id)
    assert person.allergy_statement() == LISTED


def test_no_known_allergies_cannot_be_stated_over_a_list(person, allergies):
    allergies.add(Allergy(substance="Lactose", kind="intolerance", severity="mild"))
    with pytest.raises(EntryInvalid):
        person.state_no_known_allergies()
    assert person.allergy_statement() == LISTED


@pytest.mark.parametrize("allergy, field", [
    (Allergy(substance=""), "substance"),
    (Allergy(substance="Jodium", severity="deadly"), "severity"),
    (Allergy(substance="Jodium", kind="sensitivity"), "kind"),
    (Allergy(substance="Jodium", noted_on="2019-13"), "noted_on"),
])
def test_bad_allergies_are_refused(allergies, person, allergy, field):
    with pytest.raises(EntryInvalid) as refused:
        allergies.add(allergy)
    assert refused.value.errors[0].field == field
    assert allergies.all() == [] and person.allergy_statement() == UNKNOWN
