"""The sample person's vaccinations and earlier operations, as she typed them in.

Born in April 1991 in the Netherlands, she had the childhood vaccinations of the national programme
(Rijksvaccinatieprogramma) of those years: DKTP at 3, 4, 5 and 11 months at the child health clinic
(consultatiebureau), BMR at 14 months, DTP at 4, and DTP with the second BMR at 9 from the municipal health
service (GGD); she copied them from her vaccination certificate, so their provenance says so. As an adult: the
COVID-19 vaccinations of 2021 to 2023 at the GGD (lot numbers invented), and a yearly flu vaccination at the GP,
which people with adrenal insufficiency are advised to have (an infection with fever calls for a stress dose).
The flu vaccinations are the last three autumns before `today`, so the sample stays current; the rest happened
on fixed dates.

The operations matter to an anaesthetist: the notes say how the stress dose of hydrocortisone was given.
"""

from datetime import date, timedelta

from phr.core.vocabulary import Source
from phr.record.history.procedures import Procedure
from phr.record.history.vaccinations import Vaccination

CERTIFICATE = "Vaccinatiebewijs Rijksvaccinatieprogramma (RIVM)"
CLINIC, GGD, GP = "Consultatiebureau", "GGD (jeugdgezondheidszorg)", "Huisartsenpraktijk Lindeplein"
DKTP, DTP, MMR = "difterie, kinkhoest, tetanus en polio", "difterie, tetanus en polio", "bof, mazelen en rodehond"

# (vaccine, month given, dose number, against, who gave it), from the certificate
CHILDHOOD = (
    ("DKTP", "1991-07", 1, DKTP, CLINIC),
    ("DKTP", "1991-08", 2, DKTP, CLINIC),
    ("DKTP", "1991-09", 3, DKTP, CLINIC),
    ("DKTP", "1992-03", 4, DKTP, CLINIC),
    ("BMR", "1992-06", 1, MMR, CLINIC),
    ("DTP", "1995-05", 5, DTP, GGD),
    ("DTP", "2000-05", 6, DTP, GGD),
    ("BMR", "2000-05", 2, MMR, GGD),
)

COVID = (
    Vaccination(vaccine="Comirnaty (BioNTech/Pfizer)", given_on="2021-05-27", dose_number=1, against="COVID-19",
                given_by="GGD, priklocatie Zuiderhaven", lot_number="EX1021",
                notes="Voorrang gekregen vanwege mijn bijnierinsufficiëntie (medische risicogroep)."),
    Vaccination(vaccine="Comirnaty (BioNTech/Pfizer)", given_on="2021-07-01", dose_number=2, against="COVID-19",
                given_by="GGD, priklocatie Zuiderhaven", lot_number="EX1187",
                notes="Twee dagen koortsig; toen een dubbele dosis hydrocortison genomen, zoals afgesproken."),
    Vaccination(vaccine="Spikevax (Moderna), boostervaccinatie", given_on="2022-01-08", dose_number=3,
                against="COVID-19", given_by="GGD, priklocatie Zuiderhaven"),
    Vaccination(vaccine="Comirnaty Original/Omicron BA.1", given_on="2022-10-18", dose_number=4,
                against="COVID-19", given_by="GGD, priklocatie Zuiderhaven", notes="Najaarsronde."),
    Vaccination(vaccine="Comirnaty Omicron XBB.1.5", given_on="2023-10-24", dose_number=5, against="COVID-19",
                given_by="GGD, priklocatie Zuiderhaven", notes="Najaarsronde."),
)

PROCEDURES = (
    Procedure(
        name="Blindedarm verwijderd (appendectomie, kijkoperatie)", performed_on="2008-09",
        place="Ziekenhuis Zuiderhaven (fictief)", body_site="Buik, rechtsonder",
        notes="Spoedoperatie onder narcose bij een blindedarmontsteking. Stressdosis: hydrocortison 100 mg via "
              "het infuus bij het begin van de narcose, daarna 200 mg per 24 uur via het infuus tot ik weer at "
              "en dronk, toen twee dagen een dubbele dosis tabletten. De narcose ging goed."),
    Procedure(
        name="Verstandskies getrokken", performed_on="2016-03",
        place="Kaakchirurgie, Ziekenhuis Zuiderhaven (fictief)", body_site="Onderkaak, links",
        notes="Onder plaatselijke verdoving. Op advies van de endocrinoloog die dag een dubbele dosis "
              "hydrocortison genomen; geen problemen."),
)


def fill(services, today: date) -> None:
    vaccinations = services.vaccinations
    for vaccine, given_on, dose, against, given_by in CHILDHOOD:
        vaccinations.add(Vaccination(vaccine=vaccine, given_on=given_on, dose_number=dose, against=against,
                                     given_by=given_by), Source.LETTER, CERTIFICATE)
    for vaccination in COVID:
        vaccinations.add(vaccination)
    for autumn in _last_autumns(today, 3):
        vaccinations.add(Vaccination(
            vaccine="Griepprik (influenzavaccin)", given_on=autumn.isoformat(), against="griep (influenza)",
            given_by=GP, notes="Elk najaar, aangeraden door de endocrinoloog: met griep heb ik een stressdosis nodig."))
    for procedure in PROCEDURES:
        services.procedures.add(procedure)


def _last_autumns(today: date, count: int) -> list[date]:
    """The GP's flu vaccination day (a weekday late in October) of the last `count` autumns before `today`."""
    days = []
    for year in range(today.year - count - 1, today.year + 1):
        day = date(year, 10, 24)
        if day.weekday() >= 5:  # the practice holds its flu vaccination days on weekdays
            day += timedelta(days=7 - day.weekday())
        if day < today:
            days.append(day)
    return days[-count:]
