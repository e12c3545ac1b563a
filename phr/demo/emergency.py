"""The sample record's emergency information: what a doctor at 3 a.m. must know about the sample person's
adrenal insufficiency (classic CAH), written as a Dutch endocrinologist would write it for professionals, and the
partner who can give the emergency injection. Everything is invented; the protocol follows the usual Dutch
treatment of an adrenal crisis, but it is a sample, not medical advice.
"""

from phr.record.care_team import Contact
from phr.record.diagnoses import orphanet_page

CAH_ORPHA_CODE = 90794
# Orphanet's own English name of ORPHA:90794, as the offline look-up (hpo3) gives it.
CAH_NAME_EN = "Classic congenital adrenal hyperplasia due to 21-hydroxylase deficiency"
# The English page: a card is read abroad too, and Dutch doctors read English; it links to Orphanet's
# emergency guideline for the disease.
CAH_GUIDELINE = orphanet_page(CAH_ORPHA_CODE, "en")

PARTNER = Contact(
    name="Mark de Vries", role="next_of_kin", relationship="partner", phone="088 000 6100",
    acute_phone="088 000 6101",
    contact_for="Kan de noodinjectie geven (Solu-Cortef); weet waar de noodkaart en de injectie liggen.",
    notes="Heeft bij de verpleegkundig specialist geoefend met de injectie.")

CAH_PROTOCOL = (
    "Bijniercrisis (acute bijnierinsufficiëntie) bij klassieke CAH met zoutverlies. "
    "Niet wachten op laboratoriumuitslagen: eerst behandelen.\n"
    "1. Direct hydrocortison 100 mg i.v. of i.m. (Solu-Cortef).\n"
    "2. Daarna hydrocortison 50 mg i.v. elke 6 uur, of 200 mg per 24 uur continu i.v.\n"
    "3. NaCl 0,9 % 1 liter i.v. in het eerste uur; daarna op geleide van bloeddruk, pols en diurese.\n"
    "4. Controleer glucose (bij hypoglykemie glucose 10 % i.v.), natrium, kalium en creatinine; "
    "ECG bij hyperkaliëmie.\n"
    "5. Zoek en behandel de oorzaak (infectie, gastro-enteritis, trauma, operatie).\n"
    "6. Als de patiënt stabiel is en weer eet en drinkt: in 1 tot 3 dagen terug naar een orale stressdosis "
    "(2 tot 3 keer de gewone dosis), dan naar de gewone dosis. Fludrocortison hervatten zodra de "
    "hydrocortison onder 50 mg per dag komt.\n"
    "Overleg met de dienstdoende internist-endocrinoloog van het expertisecentrum (24 uur per dag: 088 000 1299)."
)

CAH_AVOID = (
    "Etomidaat bij de inleiding van anesthesie: remt de aanmaak van cortisol, ook na één dosis. "
    "Kies een ander inductiemiddel.\n"
    "Hydrocortison of fludrocortison stoppen of overslaan, ook niet als de patiënt nuchter moet blijven: "
    "zonder cortisol ontstaat binnen uren een bijniercrisis.\n"
    "Lang nuchter blijven voor een operatie of onderzoek zonder stressdosis: geef bij de inleiding "
    "hydrocortison 100 mg i.v. en daarna 200 mg per 24 uur tot zij weer eet en drinkt; "
    "plan haar als eerste op het programma.\n"
    "Wachten met hydrocortison tot de uitslagen van het laboratorium er zijn: bij twijfel altijd geven.\n"
    "Middelen die de afbraak van cortisol versnellen (bijvoorbeeld rifampicine, carbamazepine, fenytoïne): "
    "alleen met een hogere dosis hydrocortison, in overleg met de endocrinoloog."
)

# Signs of a crisis with their HPO terms (ids checked against the HPO that hpo3 ships).
CAH_CRISIS_SIGNS = "\n".join((
    "Braken (HP:0002013)",
    "Diarree (HP:0002014)",
    "Buikpijn (HP:0002027)",
    "Lage bloeddruk (HP:0002615)",
    "Lage bloedsuiker (HP:0001943)",
    "Laag natrium in het bloed (HP:0002902)",
    "Hoog kalium in het bloed (HP:0002153)",
    "Verwardheid (HP:0001289)",
    "Extreme vermoeidheid (HP:0012378)",
))
