"""Every resource of the file by the ways others refer to it, gathered before any is read.

A medicine names its Medication and the diagnosis it is for, a goal the diagnosis it
addresses, a CareTeam its members: each by a fullUrl or a relative Type/id reference.
"""

from dataclasses import dataclass, field

from phr.formats.fhir.read.resources.found import Resource


@dataclass
class BundleIndex:
    _aliases: dict[str, str] = field(default_factory=dict)          # reference text -> fullUrl
    _resources: dict[str, Resource] = field(default_factory=dict)   # fullUrl -> resource
    _participants: dict[str, Resource] = field(default_factory=dict)  # member reference -> CareTeam participant

    def remember(self, url: str, resource: Resource) -> None:
        """One resource, by its fullUrl and its Type/id; a CareTeam's participants by their member."""
        self._resources[url] = resource
        self._aliases[url] = url
        if resource.get("id"):
            self._aliases[f"{resource['resourceType']}/{resource['id']}"] = url
        for participant in resource.get("participant") or [] if resource["resourceType"] == "CareTeam" else []:
            member = (participant.get("member") or {}).get("reference")
            if member:
                self._participants.setdefault(member, participant)

    def resolve(self, reference: str | None) -> str | None:
        """The fullUrl of the resource a reference points to; None when the file does not hold it."""
        return self._aliases.get(reference or "")

    def resource(self, reference: str, kind: str | None = None) -> Resource | None:
        """The resource a reference points to (of that kind, when given)."""
        url = self._aliases.get(reference)
        found = self._resources[url] if url is not None else None
        return found if found is not None and (kind is None or found.get("resourceType") == kind) else None

    def participant_of(self, url: str, resource: Resource) -> Resource | None:
        """The CareTeam participant for this member (by fullUrl or Type/id), if a CareTeam lists it."""
        names = [url] + ([f"{resource['resourceType']}/{resource['id']}"] if resource.get("id") else [])
        return next((self._participants[name] for name in names if name in self._participants), None)
