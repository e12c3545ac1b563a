"""Diagnoses through the service: every rule, partial dates, carrier status, ORPHAcodes, links to contacts."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phr.core.entries import EntryInvalid, FieldError
from phr.record.care_team import CareTeamService, Contact
from phr.record.diagnoses import (
    MAX_ORPHA_CODE,
    STATUSES,
    ZYGOSITIES,
    Diagnosis,
    DiagnosisService,
    orpha_display,
    parse_orpha,
)
from phr.record.hgvs import is_hgvs


@pytest.fixture
def service(session):
    return DiagnosisService(session)


@pytest.fixture
def contacts(session):
    return CareTeamService(session)


def problems(service, **values) -> dict[str, str]:
    """field -> problem for a diagnosis named 'CAH' with `values` changed."""
    diagnosis = dataclasses.replace(Diagnosis(name="CAH"), **values)
    return {e.field: e.problem for e in service.validate(diagnosis)}


def add(service, **values) -> Diagnosis:
    change = service.add(Diagnosis(**values))
    return service.get(change.item_id)


# --- storing ------------------------------------------------------------------------------------

def test_a_diagnosis_with_genetic_details_is_stored_whole(service, contacts):
    doctor = contacts.add(Contact(name="Dr. Bakker", role="specialist")).item_id
    centre = contacts.add(Contact(name="Radboudumc", role="expertise_centre", kind="organisation")).item_id
    entered = Diagnosis(
        name="Congenitale bijnierhyperplasie", orpha_code=418, icd10="E25.0", status="confirmed",
        diagnosed_on="2003-11", diagnosed_by=doctor, expertise_centre=centre, gene="CYP21A2",
        variant="NM_000500.9:c.293-13C>G", zygosity="homozygous", genetic_lab="Genoomdiagnostiek Nijmegen",
        genetic_test_date="2004-02-17", notes="Stressdosis bij koorts", information_received="Folder NVACP",
        trusted_websites="www.bijniernet.nl\nhttps://www.orpha.net/en/disease/detail/418")
    change = service.add(entered)
    assert (change.section, change.kind) == ("diagnoses", "added")
    stored = service.get(change.item_id)
    assert stored == dataclasses.replace(entered, id=change.item_id, uid=stored.uid)
    assert stored.provenance.entered_by == "Zoë Ünal" and stored.provenance.source == "typed"
    assert stored.has_genetic_details


def test_empty_optional_fields_come_back_empty(service):
    stored = add(service, name="Ziekte van Addison")
    assert (stored.orpha_code, stored.icd10, stored.zygosity, stored.diagnosed_by, stored.trusted_websites) == (
        None, "", "", None, "")
    assert not stored.has_genetic_details


def test_an_icd10_code_is_stored_in_capitals(service):
    assert add(service, name="Addison", icd10=" e27.1 ").icd10 == "E27.1"


@pytest.mark.parametrize("iso", ["2019", "2019-05", "2019-05-14"])
def test_partial_dates_are_kept_as_precise_as_they_were_given(service, iso):
    stored = add(service, name="CAH", diagnosed_on=iso, genetic_test_date=iso)
    assert (stored.diagnosed_on, stored.genetic_test_date) == (iso, iso)


def test_the_list_shows_the_newest_diagnosis_first_and_undated_last(service):
    for name, when in [("B", "2015"), ("A", ""), ("C", "2021-03"), ("D", "2019-05-14")]:
        service.add(Diagnosis(name=name, diagnosed_on=when))
    assert [d.name for d in service.all()] == ["C", "D", "B", "A"]


def test_update_and_delete_with_undo(service):
    stored = add(service, name="Vermoeden van CAH", status="suspected")
    service.update(dataclasses.replace(stored, status="confirmed", orpha_code=418))
    assert (service.get(stored.id).status, service.get(stored.id).orpha_code) == ("confirmed", 418)
    service.delete(stored.id)
    assert service.all() == [] and service.get(stored.id) is None
    service.undo_delete(stored.id)
    assert [d.status for d in service.all()] == ["confirmed"]


# --- rules --------------------------------------------------------------------------------------

def test_a_complete_valid_diagnosis_has_no_problems(service):
    assert problems(service, orpha_code=586, icd10="E84.0", diagnosed_on="2019-05", variant="c.1521_1523del",
                    zygosity="heterozygous", genetic_test_date="2019", trusted_websites="www.ncfs.nl") == {}


def test_a_name_is_required(service):
    assert problems(service, name="  ") == {"name": "required"}


@pytest.mark.parametrize("status", STATUSES)
def test_every_status_is_allowed(service, status):
    assert problems(service, status=status) == {}


@pytest.mark.parametrize("status", ["", "cured", "Confirmed"])
def test_other_statuses_are_refused(service, status):
    assert problems(service, status=status) == {"status": "invalid_choice"}


@pytest.mark.parametrize("code", [0, -586, "ORPHA:abc", "586", MAX_ORPHA_CODE + 1, True, 5.0])
def test_an_orphacode_must_be_a_positive_whole_number(service, code):
    assert problems(service, orpha_code=code) == {"orpha_code": "invalid_orpha"}


@pytest.mark.parametrize("code", ["E25.0", "e25.0", "Q87", "E84.11"])
def test_icd10_codes(service, code):
    assert problems(service, icd10=code) == {}


@pytest.mark.parametrize("code", ["E2", "25.0", "E25.", "E25.000", "ORPHA:586"])
def test_wrong_icd10_codes_are_refused(service, code):
    assert problems(service, icd10=code) == {"icd10": "invalid_icd10"}


@pytest.mark.parametrize("field", ["diagnosed_on", "genetic_test_date"])
@pytest.mark.parametrize("text", ["2019-13", "2019-02-30", "14-5-2019", "mei 2019", "1850"])
def test_dates_must_be_real_iso_dates(service, field, text):
    assert problems(service, **{field: text}) == {field: "invalid_date"}


@pytest.mark.parametrize("zygosity", ZYGOSITIES + ("",))
def test_every_zygosity_and_none_is_allowed(service, zygosity):
    assert problems(service, zygosity=zygosity) == {}


def test_other_zygosities_are_refused(service):
    assert problems(service, zygosity="heterozygoot") == {"zygosity": "invalid_choice"}


def test_each_trusted_website_line_must_be_a_website(service):
    assert problems(service, trusted_websites="www.orpha.net\n\n  https://www.bijniernet.nl/cah  \n") == {}
    assert problems(service, trusted_websites="www.orpha.net\nde site van de vereniging") == {
        "trusted_websites": "invalid_website"}


def test_a_variant_must_read_as_hgvs(service):
    assert problems(service, variant="NM_000500.9:c.293-13C>G") == {}
    assert problems(service, variant="intron 2 splice") == {"variant": "invalid_hgvs"}


def test_several_problems_are_reported_together_and_nothing_is_stored(service):
    bad = Diagnosis(name="", status="maybe", orpha_code=-1, diagnosed_on="2019-13", variant="weet niet")
    with pytest.raises(EntryInvalid) as refused:
        service.add(bad)
    assert set(refused.value.errors) == {FieldError("name", "required"), FieldError("status", "invalid_choice"),
                                         FieldError("orpha_code", "invalid_orpha"),
                                         FieldError("diagnosed_on", "invalid_date"),
                                         FieldError("variant", "invalid_hgvs")}
    assert service.count() == 0


def test_an_invalid_change_changes_nothing(service):
    stored = add(service, name="CAH", orpha_code=418)
    with pytest.raises(EntryInvalid):
        service.update(dataclasses.replace(stored, name="CAH type 2", orpha_code="ORPHA:x"))
    assert service.get(stored.id) == stored


# --- HGVS ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "NM_000500.9:c.293-13C>G", "c.1521_1523del", "p.(Phe508del)", "NC_000006.12:g.32040110G>A",
    "c.1521_1523delCTT (p.Phe508del)", "NM_000492.4:c.1521_1523del p.(Phe508del)", "c.[293-13C>G];[844G>T]",
    "NM_004006.2(DMD):c.3G>T", "c.(4071+1_4072-1)_(5154+1_5155-1)del", "c.-128_-126[79]", "c.93+1G>T",
    "c.*46T>A", "c.5657_5658insT", "c.112_117delinsTG", "c.20dup", "m.8993T>G", "r.76a>c", "LRG_199t1:c.79_80delinsTT",
    "p.Trp24*", "p.Arg97ProfsTer23", "p.Gly56Alafs*17", "p.Lys23_Val25del", "p.F508del", "p.Met1?", "p.0", "p.(=)",
    "NM_000500.9:c.955C>T, NM_000500.9:c.1069C>T",
])
def test_hgvs_forms_from_lab_letters_are_accepted(text):
    assert is_hgvs(text)


@pytest.mark.parametrize("text", [
    "", "hello", "586", "CYP21A2", "F508del", "delta F508", "c.", "c.123", "c.123A>", "c.hello", "x.123A>G",
    "NM_000500.9", "p.Hello1x", "p.Phe", "c.123A>G;", "c.123A>G and more", "ABC>DEF",
])
def test_obvious_garbage_is_not_hgvs(text):
    assert not is_hgvs(text)


# --- ORPHAcodes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["586", "ORPHA:586", "orpha 586", "ORPHA586", " Orpha: 586 ", "ORPHAcode 586"])
def test_orphacodes_are_read_in_the_forms_people_type(text):
    assert parse_orpha(text) == 586


@pytest.mark.parametrize("text", ["", "ORPHA:", "ORPHA:-586", "586a", "OMIM:586", "5 86", "0", "ORPHA:0",
                                  "12345678", "E84.0"])
def test_other_text_is_not_an_orphacode(text):
    with pytest.raises(ValueError):
        parse_orpha(text)


@given(st.integers(min_value=1, max_value=MAX_ORPHA_CODE))
def test_a_shown_orphacode_reads_back_as_the_same_number(code):
    assert orpha_display(code) == f"ORPHA:{code}"
    assert parse_orpha(orpha_display(code)) == code == parse_orpha(str(code))


def test_no_orphacode_shows_as_nothing():
    assert orpha_display(None) == ""


# --- queries ------------------------------------------------------------------------------------

def test_carrier_status_is_its_own_kind_of_diagnosis(service):
    add(service, name="Cystic fibrosis (drager)", status="carrier", gene="CFTR", variant="c.1521_1523del",
        zygosity="heterozygous")
    add(service, name="CAH", status="confirmed")
    [carrier] = service.carriers()
    assert (carrier.name, carrier.status, carrier.zygosity) == ("Cystic fibrosis (drager)", "carrier", "heterozygous")


def test_current_leaves_out_resolved_and_deleted_and_puts_confirmed_first(service):
    add(service, name="Drager CF", status="carrier", diagnosed_on="2022")
    add(service, name="Hypothyreoïdie?", status="suspected", diagnosed_on="2023-01")
    add(service, name="Addison", status="confirmed", diagnosed_on="2010")
    add(service, name="CAH", status="confirmed", diagnosed_on="2003-11")
    add(service, name="Longontsteking", status="resolved", diagnosed_on="2024")
    gone = add(service, name="Fout ingevoerd", status="confirmed")
    service.delete(gone.id)
    assert [d.name for d in service.current()] == ["Addison", "CAH", "Hypothyreoïdie?", "Drager CF"]


def test_linked_contacts_show_their_names_until_the_contact_is_deleted(service, contacts):
    doctor = contacts.add(Contact(name="Dr. Bakker", role="specialist")).item_id
    centre = contacts.add(Contact(name="Radboudumc", role="expertise_centre")).item_id
    diagnosis = add(service, name="CAH", diagnosed_by=doctor, expertise_centre=centre, treating_physician=doctor)
    assert service.linked_contacts(diagnosis) == {"diagnosed_by": "Dr. Bakker", "expertise_centre": "Radboudumc",
                                                  "treating_physician": "Dr. Bakker"}
    assert contacts.links_to(doctor) == 2
    contacts.delete(doctor)
    assert service.linked_contacts(service.get(diagnosis.id)) == {"diagnosed_by": "", "expertise_centre": "Radboudumc",
                                                                  "treating_physician": ""}
    contacts.undo_delete(doctor)
    assert service.linked_contacts(service.get(diagnosis.id))["diagnosed_by"] == "Dr. Bakker"


def test_a_purged_contact_leaves_the_diagnosis_without_a_link(new_record):
    from conftest import PASSPHRASE

    from phr.access import records

    folder, _ = new_record
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    doctor = CareTeamService(session).add(Contact(name="Dr. Oud", role="gp")).item_id
    diagnosis_id = DiagnosisService(session).add(Diagnosis(name="CAH", diagnosed_by=doctor)).item_id
    CareTeamService(session).delete(doctor)
    session.lock()  # the deletion becomes final
    session = records.unlock_with_passphrase(folder, PASSPHRASE)
    try:
        service = DiagnosisService(session)
        assert service.get(diagnosis_id).diagnosed_by is None
        assert service.linked_contacts(service.get(diagnosis_id))["diagnosed_by"] == ""
    finally:
        session.lock()
