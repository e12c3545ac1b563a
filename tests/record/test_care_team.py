"""The care team: a next of kin and their relationship."""


def test_a_relationship_belongs_to_a_next_of_kin_only(session):
    from dataclasses import replace

    from phr.record.care_team import CareTeamService, Contact

    team = CareTeamService(session)
    kin = team.add(Contact(name="Mark", role="next_of_kin", relationship="partner")).item_id
    assert team.get(kin).relationship == "partner" and [c.name for c in team.next_of_kin()] == ["Mark"]
    team.update(replace(team.get(kin), role="other"))
    assert team.get(kin).relationship == "" and team.next_of_kin() == []
