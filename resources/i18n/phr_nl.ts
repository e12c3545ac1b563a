<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>About</name>
    <message>
        <source>Regie is your own health record: your diagnoses, care plan, care team, medicines, appointments and measurements, kept encrypted on your own computer and taken to your care providers as clear PDFs.</source>
        <translation>Regie is uw eigen gezondheidsdossier: uw diagnoses, zorgplan, zorgteam, medicijnen, afspraken en metingen. Het staat versleuteld op uw eigen computer, en u neemt het als duidelijke pdf mee naar uw zorgverleners.</translation>
    </message>
    <message>
        <source>This record is kept, encrypted, in the folder %1. Regie sends nothing over the internet.</source>
        <translation>Dit dossier staat versleuteld in de map %1. Regie stuurt niets via internet.</translation>
    </message>
    <message>
        <source>The settings of this computer (no health data) are in %1.</source>
        <translation>De instellingen van deze computer (geen gezondheidsgegevens) staan in %1.</translation>
    </message>
    <message>
        <source>About Regie</source>
        <translation>Over Regie</translation>
    </message>
    <message>
        <source>Regie is built on these &amp;libraries. Each keeps its own licence; choose one to read it:</source>
        <translation>Regie is gebouwd met deze &amp;bibliotheken (software van anderen). Elke bibliotheek heeft een eigen licentie; kies er een om die te lezen:</translation>
    </message>
    <message>
        <source>Regie uses Qt and PySide6 under the GNU Lesser General Public License, version 3 (LGPL-3.0).</source>
        <translation>Regie gebruikt Qt en PySide6 onder de GNU Lesser General Public License, versie 3 (LGPL-3.0).</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Licentietekst</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliotheken</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliotheek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Over &amp;Qt</translation>
    </message>
    <message>
        <source>%1 %2 ships no licence text. Its licence, as it states it: %3.</source>
        <translation>%1 %2 levert geen licentietekst mee. De licentie, zoals het pakket die zelf noemt: %3.</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>niet vermeld</translation>
    </message>
    <message>
        <source>see the licence text</source>
        <translation>zie de licentietekst</translation>
    </message>
    <message>
        <source>%1; contains %2</source>
        <translation>%1; bevat %2</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message numerus="yes">
        <source>Waiting for the record: another Regie or phr command is changing it (%n s)…</source>
        <translation>
            <numerusform>Even wachten: een ander Regie-venster of phr-opdracht past het dossier aan (%n s)…</numerusform>
            <numerusform>Even wachten: een ander Regie-venster of phr-opdracht past het dossier aan (%n s)…</numerusform>
        </translation>
    </message>
    <message>
        <source>The record was locked because it was not used for a while. Type your passphrase to open it again.</source>
        <translation>Het dossier is vergrendeld, omdat het een tijdje niet is gebruikt. Typ uw wachtwoord om het weer te openen.</translation>
    </message>
    <message>
        <source>The record was locked because the computer was locked or went to sleep. Type your passphrase to open it again.</source>
        <translation>Het dossier is vergrendeld, omdat de computer werd vergrendeld of in de slaapstand ging. Typ uw wachtwoord om het weer te openen.</translation>
    </message>
</context>
<context>
    <name>AppointmentQuestions</name>
    <message>
        <source>Answered</source>
        <translation>Beantwoord</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwoord</translation>
    </message>
    <message>
        <source>Questions to ask</source>
        <translation>Vragen die u wilt stellen</translation>
    </message>
    <message>
        <source>Add &amp;question…</source>
        <translation>Vraag toevoe&amp;gen…</translation>
    </message>
    <message>
        <source>&amp;Edit question…</source>
        <translation>Vraag &amp;aanpassen…</translation>
    </message>
    <message>
        <source>Ans&amp;wer…</source>
        <translation>B&amp;eantwoorden…</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>Omh&amp;oog</translation>
    </message>
    <message>
        <source>Ask this question earlier (Alt+Up)</source>
        <translation>Deze vraag eerder stellen (Alt+pijl omhoog)</translation>
    </message>
    <message>
        <source>Move dow&amp;n</source>
        <translation>Om&amp;laag</translation>
    </message>
    <message>
        <source>Ask this question later (Alt+Down)</source>
        <translation>Deze vraag later stellen (Alt+pijl omlaag)</translation>
    </message>
    <message>
        <source>Delete quest&amp;ion</source>
        <translation>Vraag verwijde&amp;ren</translation>
    </message>
    <message>
        <source>Questions to ask (%1 of %2 open)</source>
        <translation>Vragen die u wilt stellen (%1 van %2 open)</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Nieuwe vraag</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Vraag:</translation>
    </message>
    <message>
        <source>e.g. Can I keep working with this dose?</source>
        <translation>bijv. Kan ik met deze dosis blijven werken?</translation>
    </message>
    <message>
        <source>&amp;Answered</source>
        <translation>&amp;Beantwoord</translation>
    </message>
    <message>
        <source>A&amp;nswer:</source>
        <translation>&amp;Antwoord:</translation>
    </message>
    <message>
        <source>Change question</source>
        <translation>Vraag wijzigen</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Vraag:</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>&amp;Antwoord:</translation>
    </message>
    <message>
        <source>What was said; you may leave this empty.</source>
        <translation>Wat er gezegd is. U mag dit ook leeg laten.</translation>
    </message>
</context>
<context>
    <name>AppointmentTime</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 om %2</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>Upcoming</source>
        <translation>Komende afspraken</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>Eerdere afspraken</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle afspraken</translation>
    </message>
    <message>
        <source>Here you keep the appointments, with the questions to ask there.</source>
        <translation>Hier houdt u de afspraken bij, met de vragen die u daar wilt stellen.</translation>
    </message>
    <message>
        <source>&amp;Add an appointment…</source>
        <translation>Afspraak &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Met wie</translation>
    </message>
    <message>
        <source>Open questions</source>
        <translation>Open vragen</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Waarvoor</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Laat &amp;zien:</translation>
    </message>
    <message>
        <source>Make a &amp;goal from an agreement…</source>
        <translation>&amp;Maak een doel van wat u hebt afgesproken…</translation>
    </message>
    <message>
        <source>An agreement made during this visit becomes a goal in your care plan.</source>
        <translation>Wat u bij dit bezoek met uw zorgverlener hebt afgesproken, wordt een doel in uw zorgplan.</translation>
    </message>
    <message>
        <source>Goal from an agreement</source>
        <translation>Doel van wat u hebt afgesproken</translation>
    </message>
    <message>
        <source>The &amp;agreement, as a goal in your words:</source>
        <translation>Wat u hebt &amp;afgesproken, als doel in uw eigen woorden:</translation>
    </message>
    <message>
        <source>Agreed &amp;with:</source>
        <translation>Afgesproken &amp;met:</translation>
    </message>
    <message>
        <source>(nobody in particular)</source>
        <translation>(niemand in het bijzonder)</translation>
    </message>
    <message>
        <source>What &amp;I do:</source>
        <translation>Wat &amp;ik doe:</translation>
    </message>
    <message>
        <source>What the &amp;care provider does:</source>
        <translation>Wat de &amp;zorgverlener doet:</translation>
    </message>
    <message>
        <source>&amp;Review on:</source>
        <translation>&amp;Bespreken op:</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Nieuwe afspraak</translation>
    </message>
    <message>
        <source>Change appointment</source>
        <translation>Afspraak wijzigen</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Datum en tijd:</translation>
    </message>
    <message>
        <source>&amp;With whom:</source>
        <translation>&amp;Met wie:</translation>
    </message>
    <message>
        <source>(nobody chosen)</source>
        <translation>(niemand gekozen)</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>W&amp;aar:</translation>
    </message>
    <message>
        <source>e.g. hospital, outpatient clinic, room</source>
        <translation>bijv. ziekenhuis, polikliniek, kamer</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>Waar&amp;voor:</translation>
    </message>
    <message>
        <source>e.g. check-up, results of the blood test</source>
        <translation>bijv. controle, uitslag van het bloedonderzoek</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Notities:</translation>
    </message>
    <message>
        <source>e.g. bring the list of medicines, fast from midnight</source>
        <translation>bijv. medicijnlijst meenemen, vanaf middernacht niet eten</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>&amp;Uitkomst:</translation>
    </message>
    <message>
        <source>What came out of it: results, agreements, next steps</source>
        <translation>Wat eruit kwam: uitslagen, wat er is afgesproken, volgende stappen</translation>
    </message>
    <message>
        <source>Question “%1” deleted.</source>
        <translation>Vraag “%1” verwijderd.</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>The automatic backup was not made: the folder %1 is not there. Is the USB stick plugged in? Regie tries again the next time you unlock.</source>
        <translation>De automatische reservekopie is niet gemaakt: de map %1 is er niet. Zit de USB-stick in de computer? Regie probeert het opnieuw als u het dossier weer opent.</translation>
    </message>
    <message>
        <source>The automatic backup was not made: the disk with the folder %1 is full. Regie tries again the next time you unlock.</source>
        <translation>De automatische reservekopie is niet gemaakt: de schijf met de map %1 is vol. Regie probeert het opnieuw als u het dossier weer opent.</translation>
    </message>
    <message>
        <source>The automatic backup was not made: Regie may not write in the folder %1. Choose another backup folder in the settings.</source>
        <translation>De automatische reservekopie is niet gemaakt: Regie mag niet schrijven in de map %1. Kies bij de instellingen een andere map voor reservekopieën.</translation>
    </message>
    <message>
        <source>The automatic backup was not made in the folder %1. Regie tries again the next time you unlock.</source>
        <translation>De automatische reservekopie in de map %1 is niet gemaakt. Regie probeert het opnieuw als u het dossier weer opent.</translation>
    </message>
    <message>
        <source>Nothing was changed: Regie first makes a backup, and the backup folder %1 is not there. Plug in the USB stick, or choose another backup folder in the settings, and try again.</source>
        <translation>Er is niets veranderd. Regie maakt eerst een reservekopie, maar de map %1 voor reservekopieën is er niet. Doe de USB-stick in de computer, of kies bij de instellingen een andere map. Probeer het daarna opnieuw.</translation>
    </message>
    <message>
        <source>Nothing was changed: Regie first makes a backup, and the disk with the folder %1 is full. Make room, or choose another backup folder, and try again.</source>
        <translation>Er is niets veranderd. Regie maakt eerst een reservekopie, maar de schijf met de map %1 is vol. Maak ruimte vrij, of kies een andere map voor reservekopieën. Probeer het daarna opnieuw.</translation>
    </message>
    <message>
        <source>Nothing was changed: Regie first makes a backup, and it could not write in the folder %1. Choose another backup folder in the settings and try again.</source>
        <translation>Er is niets veranderd. Regie maakt eerst een reservekopie, maar kon niet schrijven in de map %1. Kies bij de instellingen een andere map voor reservekopieën en probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>regie-backup</source>
        <translation>regie-reservekopie</translation>
    </message>
    <message>
        <source>The backup was not saved: the disk is full. Choose another place, for example a USB stick with enough room.</source>
        <translation>De reservekopie is niet opgeslagen: de schijf is vol. Kies een andere plek, bijvoorbeeld een USB-stick met genoeg ruimte.</translation>
    </message>
    <message>
        <source>The backup was not saved: there is already a folder or file with this name. Choose another name.</source>
        <translation>De reservekopie is niet opgeslagen: er is al een map of bestand met deze naam. Kies een andere naam.</translation>
    </message>
    <message>
        <source>The backup was not saved: Regie may not write in this folder, or the folder is not available. Choose another place.</source>
        <translation>De reservekopie is niet opgeslagen: Regie mag niet schrijven in deze map, of de map is niet beschikbaar. Kies een andere plek.</translation>
    </message>
    <message>
        <source>The backup was not saved: the folder is not there any more. Is the USB stick still plugged in? Choose the place again.</source>
        <translation>De reservekopie is niet opgeslagen: de map is er niet meer. Zit de USB-stick nog in de computer? Kies de plek opnieuw.</translation>
    </message>
    <message>
        <source>The backup was not saved: Regie could not write the file. Choose another place and try again.</source>
        <translation>De reservekopie is niet opgeslagen: Regie kon het bestand niet schrijven. Kies een andere plek en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Nu een reservekopie maken</translation>
    </message>
    <message>
        <source>A backup is one file with the whole record in it, encrypted. It opens only with your passphrase, a carer&apos;s passphrase or the recovery code. Keep it in another place than this computer, for example on a USB stick.</source>
        <translation>Een reservekopie is één bestand met het hele dossier erin, versleuteld. Het gaat alleen open met uw wachtwoord, het wachtwoord van een mantelzorger of de herstelcode. Bewaar het op een andere plek dan deze computer, bijvoorbeeld op een USB-stick.</translation>
    </message>
    <message>
        <source>Writing the backup</source>
        <translation>De reservekopie wordt gemaakt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Save the backup…</source>
        <translation>Reservekopie &amp;opslaan…</translation>
    </message>
    <message>
        <source>Save the backup</source>
        <translation>Reservekopie opslaan</translation>
    </message>
    <message>
        <source>Regie backups (*.regiebackup)</source>
        <translation>Reservekopieën van Regie (*.regiebackup)</translation>
    </message>
    <message>
        <source>Do not save the backup inside the record folder: it must be safe when the record is lost. Choose another place.</source>
        <translation>Sla de reservekopie niet op in de map van het dossier. De reservekopie moet veilig blijven als het dossier kwijt is. Kies een andere plek.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Opgeslagen: %1</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>De reservekopie wordt gemaakt…</translation>
    </message>
</context>
<context>
    <name>CarePlan</name>
    <message>
        <source>Choose a measurement, or type your own words</source>
        <translation>Kies een meting, of typ het in uw eigen woorden</translation>
    </message>
    <message>
        <source>Here you keep the goals and the agreements made with the care team, and later how they went.</source>
        <translation>Hier houdt u de doelen en de afspraken met het zorgteam bij, en later hoe het ging.</translation>
    </message>
    <message>
        <source>&amp;Add a goal…</source>
        <translation>Doel &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Evaluatiedatum</translation>
    </message>
    <message>
        <source>⚠ Review overdue: %1</source>
        <translation>⚠ Evaluatie te laat: %1</translation>
    </message>
    <message>
        <source>Also &amp;show achieved and stopped goals</source>
        <translation>Toon ook bereikte en gestopte doe&amp;len</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nieuw doel</translation>
    </message>
    <message>
        <source>Change goal</source>
        <translation>Doel wijzigen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>&amp;Goal, in your own words:</source>
        <translation>&amp;Doel, in uw eigen woorden:</translation>
    </message>
    <message>
        <source>e.g. I want to walk to the shop by myself again</source>
        <translation>bijvoorbeeld: ik wil weer zelf naar de winkel lopen</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;For diagnosis:</source>
        <translation>&amp;Bij diagnose:</translation>
    </message>
    <message>
        <source>Agreed &amp;with:</source>
        <translation>Af&amp;gesproken met:</translation>
    </message>
    <message>
        <source>What &amp;I do:</source>
        <translation>Wat &amp;ik doe:</translation>
    </message>
    <message>
        <source>What the care &amp;provider does:</source>
        <translation>Wat de &amp;zorgverlener doet:</translation>
    </message>
    <message>
        <source>Target &amp;measure:</source>
        <translation>Wat u &amp;meet:</translation>
    </message>
    <message>
        <source>&amp;Lower limit:</source>
        <translation>&amp;Ondergrens:</translation>
    </message>
    <message>
        <source>&amp;Upper limit:</source>
        <translation>Bo&amp;vengrens:</translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation>Een&amp;heid:</translation>
    </message>
    <message>
        <source>e.g. mmol/L, kg</source>
        <translation>bijvoorbeeld mmol/L, kg</translation>
    </message>
    <message>
        <source>Sta&amp;rt date:</source>
        <translation>Sta&amp;rtdatum:</translation>
    </message>
    <message>
        <source>Re&amp;view date:</source>
        <translation>&amp;Evaluatiedatum:</translation>
    </message>
    <message>
        <source>Agreed &amp;during visit:</source>
        <translation>Afgesproken bij af&amp;spraak:</translation>
    </message>
    <message>
        <source>⚠ Review overdue: the review date has passed. Add an evaluation or agree on a new review date.</source>
        <translation>⚠ Evaluatie te laat: de evaluatiedatum is voorbij. Voeg een evaluatie toe of spreek een nieuwe evaluatiedatum af.</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Agreed with</source>
        <translation>Afgesproken met</translation>
    </message>
    <message>
        <source>What I do</source>
        <translation>Wat ik doe</translation>
    </message>
    <message>
        <source>What the care provider does</source>
        <translation>Wat de zorgverlener doet</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Streefwaarde</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdatum</translation>
    </message>
    <message>
        <source>Agreed during visit</source>
        <translation>Afgesproken bij afspraak</translation>
    </message>
    <message>
        <source>New evaluation: %1</source>
        <translation>Nieuwe evaluatie: %1</translation>
    </message>
    <message>
        <source>Change evaluation: %1</source>
        <translation>Evaluatie wijzigen: %1</translation>
    </message>
    <message>
        <source>Evaluation of “%1” deleted.</source>
        <translation>Evaluatie van “%1” verwijderd.</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Progress:</source>
        <translation>&amp;Voortgang:</translation>
    </message>
    <message>
        <source>&amp;How did it go?</source>
        <translation>&amp;Hoe ging het?</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>In uw eigen woorden</translation>
    </message>
    <message>
        <source>&amp;Next step:</source>
        <translation>Volgende &amp;stap:</translation>
    </message>
    <message>
        <source>Add &amp;evaluation…</source>
        <translation>&amp;Evaluatie toevoegen…</translation>
    </message>
    <message>
        <source>Change eval&amp;uation…</source>
        <translation>Evaluatie wij&amp;zigen…</translation>
    </message>
    <message>
        <source>Delete evaluati&amp;on</source>
        <translation>Evaluatie verwijde&amp;ren</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>How it went</source>
        <translation>Hoe het ging</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Volgende stap</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluaties</translation>
    </message>
    <message>
        <source>Evaluations of this goal (%1)</source>
        <translation>Evaluaties van dit doel (%1)</translation>
    </message>
    <message>
        <source>%1 – %2: %3</source>
        <translation>%1 – %2: %3</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>Volgende stap: %1</translation>
    </message>
    <message>
        <source>No evaluations yet. Looking back now and then helps to see what works.</source>
        <translation>Nog geen evaluaties. Af en toe terugkijken helpt om te zien wat werkt.</translation>
    </message>
</context>
<context>
    <name>CareTeam</name>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Here you keep who helps with the care, what for, and who to call day and night.</source>
        <translation>Hier houdt u bij wie helpt bij de zorg, waarvoor, en wie u dag en nacht kunt bellen.</translation>
    </message>
    <message>
        <source>&amp;Add a contact…</source>
        <translation>Contact &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Out of hours</source>
        <translation>Buiten kantoortijd</translation>
    </message>
    <message>
        <source>Contact for</source>
        <translation>Contact voor</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nieuw contact</translation>
    </message>
    <message>
        <source>Change contact</source>
        <translation>Contact wijzigen</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>Re&amp;lationship:</source>
        <translation>Re&amp;latie:</translation>
    </message>
    <message>
        <source>e.g. partner, mother, neighbour</source>
        <translation>bijv. partner, moeder, buurman</translation>
    </message>
    <message>
        <source>Or&amp;ganisation:</source>
        <translation>Or&amp;ganisatie:</translation>
    </message>
    <message>
        <source>&amp;Specialty:</source>
        <translation>&amp;Vakgebied:</translation>
    </message>
    <message>
        <source>Contact &amp;for:</source>
        <translation>Contact v&amp;oor:</translation>
    </message>
    <message>
        <source>e.g. questions about medicines, a crisis at night</source>
        <translation>bijv. vragen over medicijnen, een crisis &apos;s nachts</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefoon:</translation>
    </message>
    <message>
        <source>Out of hours / &amp;acute:</source>
        <translation>Buiten kantoortijd / s&amp;poed:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>Not&amp;ities:</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>What they can do in an emergency</source>
        <translation>Wat ze kunnen doen in een noodgeval</translation>
    </message>
    <message>
        <source>Out of hours / acute</source>
        <translation>Buiten kantoortijd / spoed</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>What they &amp;can do in an emergency:</source>
        <translation>Wat ze &amp;kunnen doen in een noodgeval:</translation>
    </message>
    <message>
        <source>e.g. can give the emergency injection</source>
        <translation>bijv. kan de noodinjectie geven</translation>
    </message>
</context>
<context>
    <name>CarersDialog</name>
    <message>
        <source>Only the owner of the record can add or remove carers. Nothing was changed.</source>
        <translation>Alleen de eigenaar van het dossier kan mantelzorgers toevoegen of weghalen. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Give the carer a name that no other carer has (at most 200 characters).</source>
        <translation>Geef de mantelzorger een naam die geen andere mantelzorger heeft (hoogstens 200 tekens).</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Choose a longer one, for example four or more words.</source>
        <translation>Dit wachtwoord is te makkelijk te raden. Kies een langer wachtwoord, bijvoorbeeld vier of meer woorden.</translation>
    </message>
    <message>
        <source>Carers</source>
        <translation>Mantelzorgers</translation>
    </message>
    <message>
        <source>Carers help you keep this record, for example a parent, partner or child. Each carer opens the record with a passphrase of their own, and what they enter is marked with their name.</source>
        <translation>Mantelzorgers helpen u dit dossier bij te houden, bijvoorbeeld een ouder, partner of kind. Elke mantelzorger opent het dossier met een eigen wachtwoord. Wat zij invullen, krijgt hun naam.</translation>
    </message>
    <message>
        <source>Carers of this record</source>
        <translation>Mantelzorgers van dit dossier</translation>
    </message>
    <message>
        <source>Only the owner of the record can add or remove carers.</source>
        <translation>Alleen de eigenaar van het dossier kan mantelzorgers toevoegen of weghalen.</translation>
    </message>
    <message>
        <source>&amp;Add a carer…</source>
        <translation>Mantelzorger &amp;toevoegen…</translation>
    </message>
    <message>
        <source>&amp;Remove carer…</source>
        <translation>Mantelzorger &amp;weghalen…</translation>
    </message>
    <message>
        <source>%1 — added on %2</source>
        <translation>%1 — toegevoegd op %2</translation>
    </message>
    <message>
        <source>No carers yet.</source>
        <translation>Nog geen mantelzorgers.</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>Nieuwe herstelcode</translation>
    </message>
    <message>
        <source>This record was made with an older version of Regie. To add carers it needed a new recovery code; the old one no longer works.

Your new recovery code:

%1

Write it down on paper now and keep it somewhere safe. It is shown only this once.</source>
        <translation>Dit dossier is gemaakt met een oudere versie van Regie. Om mantelzorgers toe te voegen, was een nieuwe herstelcode nodig. De oude code werkt niet meer.

Uw nieuwe herstelcode:

%1

Schrijf hem nu op papier en bewaar hem op een veilige plek. U ziet hem maar één keer.</translation>
    </message>
    <message>
        <source>Remove carer</source>
        <translation>Mantelzorger weghalen</translation>
    </message>
    <message>
        <source>Remove %1 as a carer?

Their passphrase will no longer open this record, not even with an old copy of the key files. What they entered stays, with their name.

Backups made before now still open with their passphrase. Afterwards Regie shows the ones it finds on this computer, so you can take their key out or delete them. Copies elsewhere (a USB stick, a synced folder, a copy you sent) Regie cannot reach.

Regie changes the key of the record for this; that can take a moment.</source>
        <translation>%1 weghalen als mantelzorger?

Hun wachtwoord opent dit dossier dan niet meer, ook niet met een oude kopie van de sleutelbestanden. Wat zij hebben ingevuld, blijft staan, met hun naam.

Reservekopieën die eerder zijn gemaakt, gaan nog wel open met hun wachtwoord. Daarna laat Regie zien welke het op deze computer vindt. Dan kunt u hun sleutel eruit halen of ze verwijderen. Kopieën op een andere plek (een USB-stick, een gesynchroniseerde map, een kopie die u hebt gestuurd) kan Regie niet bereiken.

Regie verandert hiervoor de sleutel van het dossier. Dat kan even duren.</translation>
    </message>
    <message>
        <source>Carer not removed</source>
        <translation>Mantelzorger niet weggehaald</translation>
    </message>
    <message>
        <source>The carer was removed.</source>
        <translation>De mantelzorger is weggehaald.</translation>
    </message>
    <message>
        <source>The carer was not removed.</source>
        <translation>De mantelzorger is niet weggehaald.</translation>
    </message>
    <message>
        <source>Record locked</source>
        <translation>Dossier vergrendeld</translation>
    </message>
    <message>
        <source>Regie could not open the record again afterwards (is the disk full, or the folder gone?), so it was locked. Open it again from the start window.</source>
        <translation>Daarna kon Regie het dossier niet opnieuw openen (is de schijf vol, of is de map weg?). Daarom is het dossier vergrendeld. Open het opnieuw vanuit het startvenster.</translation>
    </message>
    <message>
        <source>Removing %1 and changing the key of the record. This can take a minute for a large record; please wait.</source>
        <translation>%1 wordt weggehaald en de sleutel van het dossier wordt veranderd. Bij een groot dossier kan dat een minuut duren. Even geduld.</translation>
    </message>
    <message>
        <source>Removing carer</source>
        <translation>Mantelzorger weghalen</translation>
    </message>
    <message>
        <source>Add a carer</source>
        <translation>Mantelzorger toevoegen</translation>
    </message>
    <message>
        <source>Let the carer type their own passphrase. They use it to open this record; you keep yours.</source>
        <translation>Laat de mantelzorger zelf een wachtwoord typen. Daarmee opent hij of zij dit dossier. U houdt uw eigen wachtwoord.</translation>
    </message>
    <message>
        <source>Add carer</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Carer&apos;s &amp;name:</source>
        <translation>&amp;Naam van de mantelzorger:</translation>
    </message>
    <message>
        <source>Their &amp;passphrase:</source>
        <translation>Hun &amp;wachtwoord:</translation>
    </message>
    <message>
        <source>Passphrase &amp;again:</source>
        <translation>Wachtwoord nog een &amp;keer:</translation>
    </message>
    <message>
        <source>Type the carer&apos;s name.</source>
        <translation>Typ de naam van de mantelzorger.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation>De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.</translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <source>This part of Regie is not ready yet.</source>
        <translation>Dit deel van Regie is nog niet klaar.</translation>
    </message>
</context>
<context>
    <name>CreateRecordWizard</name>
    <message>
        <source>Whose record is this?</source>
        <translation>Van wie is dit dossier?</translation>
    </message>
    <message>
        <source>The name is stored inside the encrypted record. The folder is where the record is kept; you can copy that folder as a whole.</source>
        <translation>De naam staat in het versleutelde dossier. De map is de plek waar het dossier staat. U kunt die map in zijn geheel kopiëren.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Kiezen…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Kies een map</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Map:</translation>
    </message>
    <message>
        <source>This folder is not empty. Choose a new, empty folder for the record.</source>
        <translation>Deze map is niet leeg. Kies een nieuwe, lege map voor het dossier.</translation>
    </message>
    <message>
        <source>Where should the record go?</source>
        <translation>Waar moet het dossier komen?</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Kies een wachtwoord</translation>
    </message>
    <message>
        <source>A passphrase is a sentence only you know, for example four or more words. Nobody can reset it for you: the recovery code on the next page is your way back if you forget it.</source>
        <translation>Kies een zin die alleen u kent, bijvoorbeeld van vier of meer woorden. Niemand kan dit wachtwoord voor u herstellen. Vergeet u het? Dan komt u weer in uw dossier met de herstelcode op de volgende pagina.</translation>
    </message>
    <message>
        <source>Making the record</source>
        <translation>Dossier wordt gemaakt</translation>
    </message>
    <message>
        <source>For m&amp;yself</source>
        <translation>Voor mij&amp;zelf</translation>
    </message>
    <message>
        <source>For &amp;someone I care for</source>
        <translation>Voor &amp;iemand voor wie ik zorg</translation>
    </message>
    <message>
        <source>Your o&amp;wn name:</source>
        <translation>Uw &amp;eigen naam:</translation>
    </message>
    <message>
        <source>You work in the record as a carer, under your own name: what you enter shows that you entered it.</source>
        <translation>U werkt in het dossier als mantelzorger, onder uw eigen naam. Bij wat u invult, staat dat u het hebt ingevuld.</translation>
    </message>
    <message>
        <source>Name in the &amp;list:</source>
        <translation>Naam in de &amp;lijst:</translation>
    </message>
    <message>
        <source>Shown in the list of records on this computer, also while the record is locked, so it is not encrypted. You may change it, e.g. to &apos;Mum&apos;, or leave it empty: then the list shows the folder&apos;s name.</source>
        <translation>Staat in de lijst met dossiers op deze computer, ook als het dossier op slot is. Deze naam is dus niet versleuteld. U mag hem veranderen, bijvoorbeeld in &apos;Mama&apos;, of leeg laten: dan staat de naam van de map in de lijst.</translation>
    </message>
    <message>
        <source>Their na&amp;me:</source>
        <translation>Zijn of haar &amp;naam:</translation>
    </message>
    <message>
        <source>Your own name and the name of the person you care for are the same. Give each their own name.</source>
        <translation>Uw eigen naam is dezelfde als de naam van degene voor wie u zorgt. Geef ieder een eigen naam.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>This is your own passphrase as a carer: with it you open the record of %1.</source>
        <translation>Dit is uw eigen wachtwoord als mantelzorger: daarmee opent u het dossier van %1.</translation>
    </message>
    <message>
        <source>Making your record…</source>
        <translation>Uw dossier wordt gemaakt…</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>Uw herstelcode</translation>
    </message>
    <message>
        <source>Write this code down on paper now and keep it in a safe place. It is shown only this once. If you forget your passphrase, this code is the only way back into your record.</source>
        <translation>Schrijf deze code nu op papier en bewaar hem op een veilige plek. U ziet hem maar één keer. Vergeet u uw wachtwoord? Dan is deze code de enige manier om weer in uw dossier te komen.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Herstelcode</translation>
    </message>
    <message>
        <source>&amp;Print or save the recovery sheet…</source>
        <translation>Herstelblad a&amp;fdrukken of opslaan…</translation>
    </message>
    <message>
        <source>I have &amp;written the code down and keep it safe</source>
        <translation>Ik heb de code &amp;opgeschreven en bewaar hem veilig</translation>
    </message>
    <message>
        <source>Write this code down on paper now and keep it in a safe place. It is shown only this once. The code opens the record of %1 as its owner: to add or remove carers, to give %1 a passphrase of their own, or to get back in if you forget your passphrase.</source>
        <translation>Schrijf deze code nu op papier en bewaar hem op een veilige plek. U ziet hem maar één keer. Met de code opent u het dossier van %1 als eigenaar: om mantelzorgers toe te voegen of te verwijderen, om %1 een eigen wachtwoord te geven, of om weer in het dossier te komen als u uw wachtwoord vergeet.</translation>
    </message>
    <message>
        <source>record</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Nieuw dossier</translation>
    </message>
    <message>
        <source>Your record has been made. Write down the recovery code, tick the box and choose Finish.</source>
        <translation>Uw dossier is gemaakt. Schrijf de herstelcode op, zet een vinkje en kies Voltooien.</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>the year %1</source>
        <translation>het jaar %1</translation>
    </message>
    <message>
        <source>For example %1, or tomorrow 9:00</source>
        <translation>Bijvoorbeeld %1, of morgen 9:00</translation>
    </message>
    <message>
        <source>For example %1, 15 Jan 2027 or today</source>
        <translation>Bijvoorbeeld %1, 15 jan 2027 of vandaag</translation>
    </message>
    <message>
        <source>For example %1, May 2019 or only the year: 2019</source>
        <translation>Bijvoorbeeld %1, mei 2019 of alleen het jaar: 2019</translation>
    </message>
    <message>
        <source>%1: at what time? For example %2 10:30</source>
        <translation>%1: hoe laat? Bijvoorbeeld %2 10:30</translation>
    </message>
    <message>
        <source>%1 is a %2. Check the date.</source>
        <translation>%1 is een %2. Kijk de datum na.</translation>
    </message>
    <message>
        <source>Type the year in full, for example 2027.</source>
        <translation>Typ het hele jaar, bijvoorbeeld 2027.</translation>
    </message>
    <message>
        <source>This day does not exist. Check the day and the month.</source>
        <translation>Deze dag bestaat niet. Kijk de dag en de maand na.</translation>
    </message>
    <message>
        <source>Type a year from 1900 to 2100.</source>
        <translation>Typ een jaar van 1900 tot en met 2100.</translation>
    </message>
    <message>
        <source>Type the whole date: day, month and year.</source>
        <translation>Typ de hele datum: dag, maand en jaar.</translation>
    </message>
    <message>
        <source>Type the day too, for example: tomorrow 10:30.</source>
        <translation>Typ ook de dag, bijvoorbeeld: morgen 10:30.</translation>
    </message>
    <message>
        <source>Type only the date here, without a time.</source>
        <translation>Typ hier alleen de datum, zonder tijd.</translation>
    </message>
    <message>
        <source>This time does not exist. Type it like 10:30.</source>
        <translation>Deze tijd bestaat niet. Typ hem zo: 10:30.</translation>
    </message>
    <message>
        <source>Regie cannot read this date. Type it like %1.</source>
        <translation>Regie kan deze datum niet lezen. Typ hem zo: %1.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Choose in a calendar (Alt+Down)</source>
        <translation>Kies in een kalender (Alt+Omlaag)</translation>
    </message>
    <message>
        <source>Open the calendar</source>
        <translation>Kalender openen</translation>
    </message>
</context>
<context>
    <name>DayProfile</name>
    <message numerus="yes">
        <source>Last %n days</source>
        <translation>
            <numerusform>Laatste %n dag</numerusform>
            <numerusform>Laatste %n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>Pe&amp;riode:</translation>
    </message>
    <message>
        <source>Day profile: glucose over 24 hours</source>
        <translation>Dagprofiel: glucose over 24 uur</translation>
    </message>
    <message>
        <source>There are no sensor readings in this period. A day profile needs the readings of a glucose sensor.</source>
        <translation>Er zijn geen metingen van een sensor in deze periode. Voor een dagprofiel zijn de metingen van een glucosesensor nodig.</translation>
    </message>
    <message>
        <source>%1 – %2: %3 sensor readings; the sensor read %4% of the time. In range (3.9–10.0): %5%. Below 3.9: %6%, of which below 3.0: %7%. The line is the median, the dark band the middle half of the readings (25–75%), the light band 90% of them (5–95%).</source>
        <translation>%1 – %2: %3 metingen van de sensor; de sensor mat %4% van de tijd. In het standaardgebied (3,9–10,0): %5%. Onder 3,9: %6%, waarvan onder 3,0: %7%. De lijn is het midden (de mediaan): de helft van de metingen op dat uur was lager. In de donkere band ligt de middelste helft van de metingen, in de lichte band 9 van de 10 metingen.</translation>
    </message>
</context>
<context>
    <name>Diagnoses</name>
    <message>
        <source>The diagnosis has been made.</source>
        <translation>De diagnose is gesteld.</translation>
    </message>
    <message>
        <source>The doctors think of this, but it is not certain yet.</source>
        <translation>De artsen denken hieraan, maar het is nog niet zeker.</translation>
    </message>
    <message>
        <source>This is over, or no longer needs care.</source>
        <translation>Dit is voorbij, of er is geen zorg meer voor nodig.</translation>
    </message>
    <message>
        <source>(not filled in)</source>
        <translation>(niet ingevuld)</translation>
    </message>
    <message>
        <source>e.g. 586 or ORPHA:586</source>
        <translation>bijv. 586 of ORPHA:586</translation>
    </message>
    <message>
        <source>For doctors and nurses: what to give, how much, what to check. Ask the specialist to write or check this.</source>
        <translation>Voor artsen en verpleegkundigen: wat ze moeten geven, hoeveel, en wat ze moeten controleren. Vraag de specialist om dit te schrijven of na te kijken.</translation>
    </message>
    <message>
        <source>Medicines, anaesthesia or procedures that are dangerous with this condition, and why.</source>
        <translation>Medicijnen, narcose of behandelingen die gevaarlijk zijn bij deze aandoening, en waarom.</translation>
    </message>
    <message>
        <source>One sign per line: in everyday words, or chosen from the list of symptoms below.</source>
        <translation>Eén teken per regel: in gewone woorden, of gekozen uit de lijst met klachten hieronder.</translation>
    </message>
    <message>
        <source>Type in English, e.g. vomiting</source>
        <translation>Typ in het Engels, bijv. vomiting</translation>
    </message>
    <message>
        <source>Add a sym&amp;ptom from the list (HPO):</source>
        <translation>Klac&amp;ht uit de lijst toevoegen (HPO):</translation>
    </message>
    <message>
        <source>A link to what doctors should do, e.g. the Orphanet emergency guideline for this condition.</source>
        <translation>Een link naar wat artsen moeten doen, bijv. de richtlijn voor noodgevallen van Orphanet voor deze aandoening.</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>ORPHAcode</source>
        <translation>ORPHAcode</translation>
    </message>
    <message>
        <source>New diagnosis</source>
        <translation>Nieuwe diagnose</translation>
    </message>
    <message>
        <source>Change diagnosis</source>
        <translation>Diagnose wijzigen</translation>
    </message>
    <message>
        <source>Genetic details</source>
        <translation>Gegevens over erfelijkheid</translation>
    </message>
    <message>
        <source>Notes and information</source>
        <translation>Notities en informatie</translation>
    </message>
    <message>
        <source>Type part of the English name, or the ORPHAcode. Choose from the list: the ORPHAcode and the name in English are filled in. The name typed under Diagnosis stays as it is.</source>
        <translation>Typ een deel van de Engelse naam, of de ORPHAcode. Kies uit de lijst: de ORPHAcode en de Engelse naam worden ingevuld. De naam die bij Diagnose is getypt, blijft zoals hij is.</translation>
    </message>
    <message>
        <source>(nobody chosen)</source>
        <translation>(niemand gekozen)</translation>
    </message>
    <message>
        <source>&amp;Diagnosis:</source>
        <translation>&amp;Diagnose:</translation>
    </message>
    <message>
        <source>e.g. congenital adrenal hyperplasia</source>
        <translation>bijv. congenitale bijnierhyperplasie</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Diagnosed &amp;on:</source>
        <translation>Vastgesteld o&amp;p:</translation>
    </message>
    <message>
        <source>O&amp;RPHAcode:</source>
        <translation>O&amp;RPHAcode:</translation>
    </message>
    <message>
        <source>Look up in Orphanet</source>
        <translation>Zoek in Orphanet</translation>
    </message>
    <message>
        <source>e.g. adrenal hyperplasia or 90794</source>
        <translation>bijv. adrenal hyperplasia of 90794</translation>
    </message>
    <message>
        <source>Loading the list of rare diseases…</source>
        <translation>De lijst met zeldzame aandoeningen wordt geladen…</translation>
    </message>
    <message>
        <source>Rare diseases found in Orphanet</source>
        <translation>Gevonden zeldzame aandoeningen in Orphanet</translation>
    </message>
    <message>
        <source>Filled in: %1</source>
        <translation>Ingevuld: %1</translation>
    </message>
    <message>
        <source>W&amp;hat a doctor must do:</source>
        <translation>Wat een &amp;arts moet doen:</translation>
    </message>
    <message>
        <source>e.g. at once 100 mg hydrocortisone IV or IM, then …</source>
        <translation>bijv. direct 100 mg hydrocortison i.v. of i.m., daarna …</translation>
    </message>
    <message>
        <source>What to avoid:</source>
        <translation>Wat u moet vermijden:</translation>
    </message>
    <message>
        <source>&amp;Signs of a crisis:</source>
        <translation>Tekenen van een &amp;crisis:</translation>
    </message>
    <message>
        <source>Add a symptom from the HPO list</source>
        <translation>Klacht toevoegen uit de HPO-lijst</translation>
    </message>
    <message>
        <source>Loading the list of symptoms…</source>
        <translation>De lijst met klachten wordt geladen…</translation>
    </message>
    <message>
        <source>Symptoms found in the HPO list</source>
        <translation>Gevonden klachten in de HPO-lijst</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Toegevoegd: %1</translation>
    </message>
    <message>
        <source>Emergency guideline (lin&amp;k):</source>
        <translation>Richtli&amp;jn voor noodgevallen (link):</translation>
    </message>
    <message>
        <source>e.g. https://www.orpha.net/…</source>
        <translation>bijv. https://www.orpha.net/…</translation>
    </message>
    <message>
        <source>Use the Orphanet page of this ORPHAcode</source>
        <translation>De Orphanet-pagina van deze ORPHAcode gebruiken</translation>
    </message>
    <message>
        <source>Fill in the ORPHAcode first.</source>
        <translation>Vul eerst de ORPHAcode in.</translation>
    </message>
    <message>
        <source>%1 has &amp;no known diagnoses</source>
        <translation>%1 heeft &amp;geen bekende diagnoses</translation>
    </message>
    <message>
        <source>Say that %1 has no known diagnoses now: the exports then print “No known diagnoses” instead of “not filled in”.</source>
        <translation>Zeg dat %1 nu geen bekende diagnoses heeft: op de overzichten en de noodkaart staat dan “Geen diagnoses bekend” in plaats van “niet ingevuld”.</translation>
    </message>
    <message>
        <source>I have &amp;no known diagnoses</source>
        <translation>Ik heb &amp;geen bekende diagnoses</translation>
    </message>
    <message>
        <source>Say that you have no known diagnoses now: the exports then print “No known diagnoses” instead of “not filled in”.</source>
        <translation>Zeg dat u nu geen bekende diagnoses hebt: op de overzichten en de noodkaart staat dan “Geen diagnoses bekend” in plaats van “niet ingevuld”.</translation>
    </message>
    <message>
        <source>Diagnoses: no known diagnoses (stated by you).</source>
        <translation>Diagnoses: geen diagnoses bekend (door u gezegd).</translation>
    </message>
    <message>
        <source>Current diagnoses: not filled in yet. Add them, or say that %1 has none.</source>
        <translation>Diagnoses die nu spelen: nog niet ingevuld. Voeg ze toe, of zeg dat %1 er geen heeft.</translation>
    </message>
    <message>
        <source>Current diagnoses: not filled in yet. Add them, or say that you have none.</source>
        <translation>Diagnoses die nu spelen: nog niet ingevuld. Voeg ze toe, of zeg dat u er geen hebt.</translation>
    </message>
    <message>
        <source>Here you keep the diagnoses, with what doctors must know in an emergency.</source>
        <translation>Hier houdt u de diagnoses bij, met wat artsen in een noodgeval moeten weten.</translation>
    </message>
    <message>
        <source>&amp;Add a diagnosis…</source>
        <translation>Diagnose &amp;toevoegen…</translation>
    </message>
    <message>
        <source>In an emergency</source>
        <translation>In een noodgeval</translation>
    </message>
    <message>
        <source>Look &amp;up in Orphanet:</source>
        <translation>Z&amp;oek in Orphanet:</translation>
    </message>
    <message>
        <source>Na&amp;me in English:</source>
        <translation>Naa&amp;m in het Engels:</translation>
    </message>
    <message>
        <source>For exports in English. Filled in when you pick from Orphanet.</source>
        <translation>Voor een noodkaart of overzicht in het Engels. Wordt ingevuld als u kiest uit Orphanet.</translation>
    </message>
    <message>
        <source>&amp;ICD-10 code:</source>
        <translation>&amp;ICD-10-code:</translation>
    </message>
    <message>
        <source>e.g. E25.0</source>
        <translation>bijv. E25.0</translation>
    </message>
    <message>
        <source>Diagnosed &amp;by:</source>
        <translation>Vast&amp;gesteld door:</translation>
    </message>
    <message>
        <source>Treated b&amp;y:</source>
        <translation>&amp;Behandeld door:</translation>
    </message>
    <message>
        <source>The doctor who treats this condition now.</source>
        <translation>De arts die deze aandoening nu behandelt.</translation>
    </message>
    <message>
        <source>&amp;Expertise centre:</source>
        <translation>&amp;Expertisecentrum:</translation>
    </message>
    <message>
        <source>&amp;Gene:</source>
        <translation>Ge&amp;n:</translation>
    </message>
    <message>
        <source>e.g. CYP21A2</source>
        <translation>bijv. CYP21A2</translation>
    </message>
    <message>
        <source>&amp;Variant (HGVS):</source>
        <translation>&amp;Variant (HGVS):</translation>
    </message>
    <message>
        <source>e.g. NM_000500.9:c.293-13C&gt;G</source>
        <translation>bijv. NM_000500.9:c.293-13C&gt;G</translation>
    </message>
    <message>
        <source>&amp;Zygosity:</source>
        <translation>&amp;Zygotie:</translation>
    </message>
    <message>
        <source>&amp;Laboratory:</source>
        <translation>&amp;Laboratorium:</translation>
    </message>
    <message>
        <source>&amp;Test date:</source>
        <translation>&amp;Testdatum:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Uw notities:</translation>
    </message>
    <message>
        <source>In&amp;formation received:</source>
        <translation>In&amp;formatie gekregen:</translation>
    </message>
    <message>
        <source>e.g. leaflets, explanations from the doctor</source>
        <translation>bijv. folders, uitleg van de arts</translation>
    </message>
    <message>
        <source>Trusted &amp;websites:</source>
        <translation>Betrouwbare &amp;websites:</translation>
    </message>
    <message>
        <source>One website per line, e.g. www.orpha.net</source>
        <translation>Eén website per regel, bijv. www.orpha.net</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Naam in het Engels</translation>
    </message>
    <message>
        <source>Diagnosed on</source>
        <translation>Vastgesteld op</translation>
    </message>
    <message>
        <source>ICD-10 code</source>
        <translation>ICD-10-code</translation>
    </message>
    <message>
        <source>Carries the variant; usually no symptoms. It can be passed on to children.</source>
        <translation>Draagt de variant; meestal zonder klachten. Kan het doorgeven aan kinderen.</translation>
    </message>
    <message>
        <source>The gene (a part of the DNA) in which the change was found.</source>
        <translation>Het gen (een stukje van het DNA) waarin de verandering is gevonden.</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>More details (for the doctor)</source>
        <translation>Meer details (voor de arts)</translation>
    </message>
    <message>
        <source>Fewer details</source>
        <translation>Minder details</translation>
    </message>
    <message>
        <source>How hospitals and pharmacies name this in their computer systems, from a file that was imported.</source>
        <translation>Hoe ziekenhuizen en apotheken dit noemen in hun computersystemen, uit een bestand dat is ingelezen.</translation>
    </message>
    <message>
        <source>Diagnosed by</source>
        <translation>Vastgesteld door</translation>
    </message>
    <message>
        <source>Treated by</source>
        <translation>Behandeld door</translation>
    </message>
    <message>
        <source>Expertise centre</source>
        <translation>Expertisecentrum</translation>
    </message>
    <message>
        <source>Other codes</source>
        <translation>Andere codes</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Information received</source>
        <translation>Informatie gekregen</translation>
    </message>
    <message>
        <source>Trusted websites</source>
        <translation>Betrouwbare websites</translation>
    </message>
    <message>
        <source>Not filled in</source>
        <translation>Niet ingevuld</translation>
    </message>
    <message>
        <source>The number of this disease in Orphanet, the European list of rare diseases.</source>
        <translation>Het nummer van deze ziekte in Orphanet, de Europese lijst van zeldzame ziekten.</translation>
    </message>
    <message>
        <source>The code of the diagnosis that hospitals and health insurers use.</source>
        <translation>De code van de diagnose die ziekenhuizen en zorgverzekeraars gebruiken.</translation>
    </message>
    <message>
        <source>Codes from other systems (such as SNOMED CT), from a file that was imported.</source>
        <translation>Codes uit andere systemen (zoals SNOMED CT), uit een bestand dat is ingelezen.</translation>
    </message>
    <message>
        <source>The change in the gene, written the way laboratories write it (HGVS).</source>
        <translation>De verandering in het gen, geschreven zoals laboratoria dat doen (HGVS).</translation>
    </message>
    <message>
        <source>Whether the change is on one copy of the gene or on both.</source>
        <translation>Of de verandering op één kopie van het gen zit of op allebei.</translation>
    </message>
    <message>
        <source>What a doctor must do</source>
        <translation>Wat een arts moet doen</translation>
    </message>
    <message>
        <source>What to avoid</source>
        <translation>Wat u moet vermijden</translation>
    </message>
    <message>
        <source>Signs of a crisis</source>
        <translation>Tekenen van een crisis</translation>
    </message>
    <message>
        <source>Emergency guideline</source>
        <translation>Richtlijn voor noodgevallen</translation>
    </message>
    <message>
        <source>Gene</source>
        <translation>Gen</translation>
    </message>
    <message>
        <source>Variant (HGVS)</source>
        <translation>Variant (HGVS)</translation>
    </message>
    <message>
        <source>Zygosity</source>
        <translation>Zygotie</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>Laboratorium</translation>
    </message>
    <message>
        <source>Test date</source>
        <translation>Testdatum</translation>
    </message>
</context>
<context>
    <name>Diary</name>
    <message>
        <source>Diary</source>
        <translation>Dagboek</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>New diary entry</source>
        <translation>Nieuwe aantekening in het dagboek</translation>
    </message>
    <message>
        <source>Change diary entry</source>
        <translation>Aantekening in het dagboek wijzigen</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wanneer:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>W&amp;hat happened:</source>
        <translation>Wat is er &amp;gebeurd:</translation>
    </message>
    <message>
        <source>e.g. slept badly, more tired than usual</source>
        <translation>bijvoorbeeld: slecht geslapen, moeier dan anders</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Paginanummer</translation>
    </message>
    <message>
        <source>Pa&amp;ge:</source>
        <translation>&amp;Pagina:</translation>
    </message>
    <message>
        <source>P&amp;revious page</source>
        <translation>&amp;Vorige pagina</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Vo&amp;lgende pagina</translation>
    </message>
    <message>
        <source>PDF with a password</source>
        <translation>PDF met een wachtwoord</translation>
    </message>
    <message>
        <source>This PDF is locked with a password. Type the password to read it:</source>
        <translation>Deze PDF is beveiligd met een wachtwoord. Typ het wachtwoord om de PDF te lezen:</translation>
    </message>
    <message>
        <source>Regie cannot show this PDF. It may be damaged or locked with a password.</source>
        <translation>Regie kan deze PDF niet laten zien. Misschien is het bestand beschadigd of beveiligd met een wachtwoord.</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>van %1</translation>
    </message>
    <message>
        <source>Regie cannot show this picture. It may be damaged.</source>
        <translation>Regie kan deze afbeelding niet laten zien. Misschien is het bestand beschadigd.</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Uit&amp;zoomen</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Inzoomen</translation>
    </message>
    <message>
        <source>&amp;Fit width</source>
        <translation>Op &amp;breedte</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>PNG-afbeelding</translation>
    </message>
    <message>
        <source>JPEG picture</source>
        <translation>JPEG-afbeelding</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>&amp;Add document…</source>
        <translation>Document &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Here you keep letters, lab results and scans, safe inside the encrypted record.</source>
        <translation>Hier bewaart u brieven, uitslagen en scans, veilig in het versleutelde dossier.</translation>
    </message>
    <message>
        <source>&amp;Add a document…</source>
        <translation>Document &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>Hoort bij</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Bek&amp;ijken</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Kopie opslaan…</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Bestandstype</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Same file as</source>
        <translation>Zelfde bestand als</translation>
    </message>
    <message>
        <source>Add a document</source>
        <translation>Document toevoegen</translation>
    </message>
    <message>
        <source>PDF and pictures (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>PDF en afbeeldingen (*.pdf *.png *.jpg *.jpeg);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Document not added</source>
        <translation>Document niet toegevoegd</translation>
    </message>
    <message>
        <source>“%1” is larger than %2, the most Regie keeps per document. Scan it at a lower resolution or split it, and try again.</source>
        <translation>“%1” is groter dan %2. Zo groot mag een document in Regie hoogstens zijn. Scan het opnieuw met een lagere resolutie of splits het in delen. Probeer het daarna nog een keer.</translation>
    </message>
    <message>
        <source>“%1” is not a PDF, PNG or JPEG file. Regie looks at what is inside the file, not at its name. Save it as a PDF first, for example with “Print to PDF”.</source>
        <translation>“%1” is geen PDF-, PNG- of JPEG-bestand. Regie kijkt naar wat er in het bestand staat, niet naar de naam. Sla het eerst op als PDF, bijvoorbeeld met “Afdrukken naar PDF”.</translation>
    </message>
    <message>
        <source>Already in the record</source>
        <translation>Staat al in het dossier</translation>
    </message>
    <message>
        <source>This file is already in the record as “%1”. Add it again?</source>
        <translation>Dit bestand staat al in het dossier als “%1”. Wilt u het nog een keer toevoegen?</translation>
    </message>
    <message>
        <source>New document: %1</source>
        <translation>Nieuw document: %1</translation>
    </message>
    <message>
        <source>Change document</source>
        <translation>Document wijzigen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>e.g. Letter from the internist after the check-up</source>
        <translation>bijvoorbeeld: brief van de internist na de controle</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>Soo&amp;rt:</translation>
    </message>
    <message>
        <source>&amp;Date on the document:</source>
        <translation>&amp;Datum op het document:</translation>
    </message>
    <message>
        <source>Dia&amp;gnosis:</source>
        <translation>Dia&amp;gnose:</translation>
    </message>
    <message>
        <source>A&amp;ppointment:</source>
        <translation>&amp;Afspraak:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Notities:</translation>
    </message>
    <message>
        <source>Document not shown</source>
        <translation>Document niet geopend</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Kopie opslaan</translation>
    </message>
    <message>
        <source>No copy saved</source>
        <translation>Geen kopie opgeslagen</translation>
    </message>
    <message>
        <source>The copy is not encrypted</source>
        <translation>De kopie is niet versleuteld</translation>
    </message>
    <message>
        <source>Inside Regie this document is encrypted. The copy you save is not: anyone who can open the folder where you put it can read it. Save a copy anyway?</source>
        <translation>In Regie is dit document versleuteld. De kopie die u opslaat is dat niet: iedereen die de map met de kopie kan openen, kan het document lezen. Wilt u toch een kopie opslaan?</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Not saved yet: please look at the fields marked above.</source>
        <translation>Nog niet opgeslagen: kijk naar de velden hierboven met een melding.</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>Wat u typte weggooien?</translation>
    </message>
    <message>
        <source>It has not been saved yet.</source>
        <translation>Het is nog niet opgeslagen.</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Verder typen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Weggooien</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>&amp;What to export:</source>
        <translation>&amp;Wat wilt u exporteren:</translation>
    </message>
    <message>
        <source>&amp;Language of the export:</source>
        <translation>&amp;Taal van de export:</translation>
    </message>
    <message>
        <source>For the &amp;appointment:</source>
        <translation>Voor de &amp;afspraak:</translation>
    </message>
    <message>
        <source>&amp;Preview…</source>
        <translation>&amp;Voorbeeld…</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Opslaan…</translation>
    </message>
    <message>
        <source>Locked with a password.</source>
        <translation>Beveiligd met een wachtwoord.</translation>
    </message>
    <message>
        <source>The PDF can only be opened with this password. Regie does not keep it: if you forget it, make a new export.</source>
        <translation>De PDF gaat alleen open met dit wachtwoord. Regie bewaart het wachtwoord niet. Vergeet u het? Maak dan een nieuwe export.</translation>
    </message>
    <message>
        <source>Not encrypted.</source>
        <translation>Niet versleuteld.</translation>
    </message>
    <message>
        <source>This file will not be encrypted: anyone who has the file can read it. Keep it in a safe place.</source>
        <translation>Dit bestand wordt niet versleuteld. Iedereen die het bestand heeft, kan het lezen. Bewaar het op een veilige plek.</translation>
    </message>
    <message>
        <source>The period ends before it starts. Check the dates.</source>
        <translation>De periode eindigt voordat hij begint. Kijk de datums na.</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>Kies minstens één onderdeel.</translation>
    </message>
    <message>
        <source>The password is too short: use at least %1 characters.</source>
        <translation>Het wachtwoord is te kort. Gebruik minstens %1 tekens.</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type the same password in both fields.</source>
        <translation>De twee wachtwoorden zijn niet gelijk. Typ in beide vakken hetzelfde wachtwoord.</translation>
    </message>
    <message>
        <source>Preview – %1</source>
        <translation>Voorbeeld – %1</translation>
    </message>
    <message>
        <source>Save the export</source>
        <translation>Export opslaan</translation>
    </message>
    <message>
        <source>Writing the export…</source>
        <translation>De export wordt opgeslagen…</translation>
    </message>
    <message>
        <source>Saved in the folder %1 as %2.</source>
        <translation>Opgeslagen in de map %1 als %2.</translation>
    </message>
    <message>
        <source>Export saved</source>
        <translation>Export opgeslagen</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>De PDF wordt gemaakt…</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was saved.</source>
        <translation>De export is gestopt. Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>Regie could not make this export. Nothing was saved.</source>
        <translation>Regie kon deze export niet maken. Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>PDF: overview of your care</source>
        <translation>PDF: overzicht van uw zorg</translation>
    </message>
    <message>
        <source>PDF: brief for a visit</source>
        <translation>PDF: voorbereiding op een afspraak</translation>
    </message>
    <message>
        <source>PDF: emergency card and emergency letter</source>
        <translation>PDF: noodkaart en noodbrief</translation>
    </message>
    <message>
        <source>FHIR patient summary (for other health record systems)</source>
        <translation>FHIR-patiëntsamenvatting (voor andere dossiersystemen)</translation>
    </message>
    <message>
        <source>CSV: your readings (for a spreadsheet)</source>
        <translation>CSV: uw metingen (voor een rekenblad)</translation>
    </message>
    <message>
        <source>Diagnoses, medicines and allergies</source>
        <translation>Diagnoses, medicijnen en allergieën</translation>
    </message>
    <message>
        <source>About the appointment</source>
        <translation>Over de afspraak</translation>
    </message>
    <message>
        <source>New or changed diagnoses</source>
        <translation>Nieuwe of veranderde diagnoses</translation>
    </message>
    <message>
        <source>Medication changes</source>
        <translation>Veranderingen in medicijnen</translation>
    </message>
    <message>
        <source>Events since the last visit</source>
        <translation>Gebeurtenissen sinds de vorige afspraak</translation>
    </message>
    <message>
        <source>Lab results since the last visit</source>
        <translation>Uitslagen sinds de vorige afspraak</translation>
    </message>
    <message>
        <source>Goals to evaluate</source>
        <translation>Doelen om te bespreken</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergieën</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Uitslagen</translation>
    </message>
    <message>
        <source>Trends of measurements</source>
        <translation>Verloop van de metingen</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Doelen</translation>
    </message>
    <message>
        <source>What changed since the last visit</source>
        <translation>Wat er veranderd is sinds de vorige afspraak</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Gebeurtenissen</translation>
    </message>
    <message>
        <source>Questions for this visit</source>
        <translation>Vragen voor deze afspraak</translation>
    </message>
    <message>
        <source>Wallet card</source>
        <translation>Kaart voor in uw portemonnee</translation>
    </message>
    <message>
        <source>Emergency letter</source>
        <translation>Noodbrief</translation>
    </message>
    <message>
        <source>What to do in an emergency</source>
        <translation>Wat te doen in een noodgeval</translation>
    </message>
    <message>
        <source>In my own words</source>
        <translation>In mijn eigen woorden</translation>
    </message>
    <message>
        <source>What to do (for doctors and nurses)</source>
        <translation>Wat te doen (voor artsen en verpleegkundigen)</translation>
    </message>
    <message>
        <source>What to avoid</source>
        <translation>Wat u moet vermijden</translation>
    </message>
    <message>
        <source>Where to find more</source>
        <translation>Waar u meer vindt</translation>
    </message>
    <message>
        <source>Who to call: expertise centre, treating physician</source>
        <translation>Wie u belt: expertisecentrum, behandelend arts</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>Wie te bellen in een noodgeval</translation>
    </message>
    <message>
        <source>Expertise centre</source>
        <translation>Expertisecentrum</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>Dagboek</translation>
    </message>
    <message>
        <source>FHIR files (*.json);;All files (*)</source>
        <translation>FHIR-bestanden (*.json);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF-bestanden (*.pdf);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>O&amp;nly a period</source>
        <translation>Alleen een &amp;periode</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Periode vanaf</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Periode tot en met</translation>
    </message>
    <message>
        <source>&amp;from</source>
        <translation>va&amp;n</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>tot en &amp;met</translation>
    </message>
    <message>
        <source>Sections to include</source>
        <translation>Onderdelen in de export</translation>
    </message>
    <message>
        <source>This export has no sections to choose from: it holds everything that applies.</source>
        <translation>Bij deze export kiest u geen onderdelen. Alles wat erbij hoort, staat erin.</translation>
    </message>
    <message>
        <source>Loc&amp;k the PDF with a password</source>
        <translation>&amp;Beveilig de PDF met een wachtwoord</translation>
    </message>
    <message>
        <source>Choose a new password for this file only, not the passphrase of your record. Give it to the reader in another way than the file.</source>
        <translation>Kies een nieuw wachtwoord, alleen voor dit bestand. Gebruik niet het wachtwoord van uw dossier. Geef het wachtwoord op een andere manier door dan het bestand.</translation>
    </message>
    <message>
        <source>Passwor&amp;d:</source>
        <translation>Wachtwoor&amp;d:</translation>
    </message>
    <message>
        <source>R&amp;epeat the password:</source>
        <translation>&amp;Herhaal het wachtwoord:</translation>
    </message>
    <message>
        <source>%1 (past)</source>
        <translation>%1 (geweest)</translation>
    </message>
    <message>
        <source>(there are no appointments in your record)</source>
        <translation>(er staan geen afspraken in uw dossier)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Stoppen</translation>
    </message>
</context>
<context>
    <name>FhirImport</name>
    <message>
        <source>Allergies</source>
        <translation>Allergieën</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Uitslagen</translation>
    </message>
    <message>
        <source>Warnings for emergencies</source>
        <translation>Waarschuwingen voor noodgevallen</translation>
    </message>
    <message>
        <source>Lines of the emergency notes</source>
        <translation>Regels van de noodinformatie</translation>
    </message>
    <message>
        <source>From %1:</source>
        <translation>Uit %1:</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 added, %n already in your record</source>
        <translation>
            <numerusform>%1: %2 toegevoegd, %n stond al in uw dossier</numerusform>
            <numerusform>%1: %2 toegevoegd, %n stonden al in uw dossier</numerusform>
        </translation>
    </message>
    <message>
        <source>About me: details that were empty are filled in.</source>
        <translation>Over mij: gegevens die nog leeg waren, zijn ingevuld.</translation>
    </message>
    <message>
        <source>%1 parts of the file were not added. “Show Details” says which, and why.</source>
        <translation>%1 delen van het bestand zijn niet toegevoegd. Bij „Details tonen” staat welke, en waarom.</translation>
    </message>
    <message>
        <source>Import a health summary (FHIR file)</source>
        <translation>Een gezondheidsoverzicht importeren (FHIR-bestand)</translation>
    </message>
    <message>
        <source>FHIR files (*.json *.xml *.ndjson);;All files (*)</source>
        <translation>FHIR-bestanden (*.json *.xml *.ndjson);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>This is not a file Regie can read (it is a device, a pipe or a folder). Nothing was added.</source>
        <translation>Dit is geen bestand dat Regie kan lezen (het is een apparaat, een pijp of een map). Er is niets toegevoegd.</translation>
    </message>
    <message>
        <source>This file is too large to be a health summary. Nothing was added.</source>
        <translation>Dit bestand is te groot voor een gezondheidsoverzicht. Er is niets toegevoegd.</translation>
    </message>
    <message>
        <source>Regie could not read this file. Nothing was added.</source>
        <translation>Regie kon dit bestand niet lezen. Er is niets toegevoegd.</translation>
    </message>
    <message>
        <source>Importing the health summary…</source>
        <translation>Het gezondheidsoverzicht wordt geïmporteerd…</translation>
    </message>
    <message>
        <source>Import a health summary</source>
        <translation>Gezondheidsoverzicht importeren</translation>
    </message>
    <message>
        <source>Health summary imported</source>
        <translation>Gezondheidsoverzicht geïmporteerd</translation>
    </message>
    <message>
        <source>Regie cannot import this file. Nothing was added.</source>
        <translation>Regie kan dit bestand niet importeren. Er is niets toegevoegd.</translation>
    </message>
    <message>
        <source>Is this your file?</source>
        <translation>Is dit uw bestand?</translation>
    </message>
    <message>
        <source>The name or birth date in this file is not the same as in this record. It may be about another person. Nothing was added.

Do you want to add it to this record all the same?</source>
        <translation>De naam of geboortedatum in dit bestand is anders dan in dit dossier. Het gaat misschien over iemand anders. Er is niets toegevoegd.

Wilt u het toch aan dit dossier toevoegen?</translation>
    </message>
</context>
<context>
    <name>FieldMessages</name>
    <message>
        <source>Please fill this in.</source>
        <translation>Vul dit in.</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>Kies een van de mogelijkheden.</translation>
    </message>
    <message>
        <source>Type a date as 2019, 5-2019 or 14-5-2019.</source>
        <translation>Typ een datum als 2019, 5-2019 of 14-5-2019.</translation>
    </message>
    <message>
        <source>Type a date and time as 14-5-2026 10:30.</source>
        <translation>Typ een datum en tijd als 14-5-2026 10:30.</translation>
    </message>
    <message>
        <source>This does not look like a phone number.</source>
        <translation>Dit lijkt geen telefoonnummer.</translation>
    </message>
    <message>
        <source>This does not look like an e-mail address.</source>
        <translation>Dit lijkt geen e-mailadres.</translation>
    </message>
    <message>
        <source>This does not look like a website, e.g. www.example.nl.</source>
        <translation>Dit lijkt geen website, zoals www.voorbeeld.nl.</translation>
    </message>
    <message>
        <source>Type a number, e.g. 4,5.</source>
        <translation>Typ een getal, bijvoorbeeld 4,5.</translation>
    </message>
    <message>
        <source>This cannot be a value of this measure. Check the number.</source>
        <translation>Dit kan geen waarde van deze meting zijn. Kijk het getal na.</translation>
    </message>
    <message>
        <source>An ORPHAcode is a number, e.g. 586 or ORPHA:586.</source>
        <translation>Een ORPHAcode is een getal, bijvoorbeeld 586 of ORPHA:586.</translation>
    </message>
    <message>
        <source>An ICD-10 code looks like E25.0.</source>
        <translation>Een ICD-10-code ziet eruit als E25.0.</translation>
    </message>
    <message>
        <source>A variant is written like NM_000500.9:c.293-13C&gt;G.</source>
        <translation>Een variant schrijft u zo: NM_000500.9:c.293-13C&gt;G.</translation>
    </message>
    <message>
        <source>This date lies before the start date.</source>
        <translation>Deze datum ligt vóór de startdatum.</translation>
    </message>
    <message>
        <source>The lower value is higher than the upper value.</source>
        <translation>De ondergrens is hoger dan de bovengrens.</translation>
    </message>
    <message>
        <source>This file is too large.</source>
        <translation>Dit bestand is te groot.</translation>
    </message>
    <message>
        <source>Only PDF, PNG and JPEG files can be added.</source>
        <translation>U kunt alleen PDF-, PNG- en JPEG-bestanden toevoegen.</translation>
    </message>
    <message>
        <source>There are allergies in the list; delete them first.</source>
        <translation>Er staan allergieën in de lijst. Verwijder die eerst.</translation>
    </message>
    <message>
        <source>Please check this.</source>
        <translation>Controleer dit.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Entered by %1 (%2), %3, %4</source>
        <translation>Ingevoerd door %1 (%2), %3, %4</translation>
    </message>
    <message>
        <source>changed by %1 on %2</source>
        <translation>gewijzigd door %1 op %2</translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <source>Getting started</source>
        <translation>Aan de slag</translation>
    </message>
    <message>
        <source>Fill these in first: doctors and others need them most, also on the emergency card.</source>
        <translation>Vul deze eerst in: artsen en anderen hebben ze het meest nodig, ook op de noodkaart.</translation>
    </message>
    <message>
        <source>Hide this &amp;list</source>
        <translation>Deze lijst &amp;verbergen</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 van de %2 gedaan</translation>
    </message>
    <message>
        <source>done</source>
        <translation>gedaan</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Decide from the file</source>
        <translation>Regie kiest zelf (uit het bestand)</translation>
    </message>
    <message>
        <source>LibreView (FreeStyle Libre)</source>
        <translation>LibreView (FreeStyle Libre)</translation>
    </message>
    <message>
        <source>Dexcom Clarity</source>
        <translation>Dexcom Clarity</translation>
    </message>
    <message>
        <source>OMRON connect (blood pressure)</source>
        <translation>OMRON connect (bloeddruk)</translation>
    </message>
    <message>
        <source>Medtronic CareLink (iPro2, pump)</source>
        <translation>Medtronic CareLink (iPro2, pomp)</translation>
    </message>
    <message>
        <source>Withings Health Mate (blood pressure, weight)</source>
        <translation>Withings Health Mate (bloeddruk, gewicht)</translation>
    </message>
    <message>
        <source>Nightscout (glucose)</source>
        <translation>Nightscout (glucose)</translation>
    </message>
    <message>
        <source>Apple Health (export.zip or export.xml)</source>
        <translation>Apple Gezondheid (export.zip of export.xml)</translation>
    </message>
    <message>
        <source>Another CSV file</source>
        <translation>Een ander CSV-bestand</translation>
    </message>
    <message>
        <source>The file was not UTF-8 text; it was read as Windows-1252. Check that letters with accents came out right.</source>
        <translation>Het bestand was geen UTF-8-tekst; het is gelezen als Windows-1252. Kijk of letters met accenten goed zijn overgekomen.</translation>
    </message>
    <message>
        <source>Sensor (continuous glucose monitor)</source>
        <translation>Sensor (continue glucosemeter)</translation>
    </message>
    <message>
        <source>Finger prick meter</source>
        <translation>Vingerprik</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Laboratorium</translation>
    </message>
    <message>
        <source>Typed by hand</source>
        <translation>Met de hand ingetypt</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Weet ik niet</translation>
    </message>
    <message>
        <source>the line cannot be read</source>
        <translation>de regel is niet te lezen</translation>
    </message>
    <message>
        <source>no time</source>
        <translation>geen tijd</translation>
    </message>
    <message>
        <source>the time cannot be read</source>
        <translation>de tijd is niet te lezen</translation>
    </message>
    <message>
        <source>a time that does not exist (the clock jumped forward)</source>
        <translation>een tijd die niet bestaat (de klok ging een uur vooruit)</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>geen waarde</translation>
    </message>
    <message>
        <source>the value is not a number</source>
        <translation>de waarde is geen getal</translation>
    </message>
    <message>
        <source>a unit that cannot be converted</source>
        <translation>een eenheid die Regie niet kan omrekenen</translation>
    </message>
    <message>
        <source>a value that cannot be right</source>
        <translation>een waarde die niet kan kloppen</translation>
    </message>
    <message>
        <source>not a reading (other data in the file)</source>
        <translation>geen meting (andere gegevens in het bestand)</translation>
    </message>
    <message>
        <source>Which file?</source>
        <translation>Welk bestand?</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Nog geen bestand gekozen.</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Bestand kiezen…</translation>
    </message>
    <message>
        <source>Readings taken in a way that is not known count as other readings in the reports, not as sensor time.</source>
        <translation>Metingen waarvan niet bekend is hoe ze zijn gedaan, tellen in de verslagen als andere metingen, niet als tijd van de sensor.</translation>
    </message>
    <message>
        <source>&amp;Dates in this file:</source>
        <translation>&amp;Datums in dit bestand:</translation>
    </message>
    <message>
        <source>No day in this file is above 12, so its dates can be read two ways. Which way does your device write them?</source>
        <translation>Geen dag in dit bestand is hoger dan 12. De datums kunnen dus op twee manieren gelezen worden. Hoe schrijft uw apparaat ze?</translation>
    </message>
    <message>
        <source>Export the readings from your device&apos;s app or website as a CSV file, then choose it here.</source>
        <translation>Haal de metingen als CSV-bestand uit de app of website van uw apparaat. Kies dat bestand hier.</translation>
    </message>
    <message>
        <source>&amp;Kind of file:</source>
        <translation>&amp;Soort bestand:</translation>
    </message>
    <message>
        <source>&amp;Measure (other CSV files):</source>
        <translation>&amp;Meting (andere CSV-bestanden):</translation>
    </message>
    <message>
        <source>&amp;How were these readings taken?</source>
        <translation>&amp;Hoe zijn deze metingen gedaan?</translation>
    </message>
    <message>
        <source>&amp;Time zone of the device&apos;s clock:</source>
        <translation>Tijd&amp;zone van de klok van het apparaat:</translation>
    </message>
    <message>
        <source>&amp;Next: the columns &gt;</source>
        <translation>&amp;Volgende: de kolommen &gt;</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Bestand kiezen</translation>
    </message>
    <message>
        <source>This is not a file Regie can read (it is a device, a pipe or a folder). Choose another file.</source>
        <translation>Dit is geen bestand dat Regie kan lezen (het is een apparaat, een pijp of een map). Kies een ander bestand.</translation>
    </message>
    <message>
        <source>This file is empty. Choose another file.</source>
        <translation>Dit bestand is leeg. Kies een ander bestand.</translation>
    </message>
    <message>
        <source>%1 — this looks like: %2</source>
        <translation>%1 — dit lijkt op: %2</translation>
    </message>
    <message>
        <source>Which columns hold what?</source>
        <translation>Wat staat er in welke kolom?</translation>
    </message>
    <message>
        <source>The first rows of the file</source>
        <translation>De eerste regels van het bestand</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>a name, to use this mapping again next time</source>
        <translation>een naam, om deze keuzes de volgende keer weer te gebruiken</translation>
    </message>
    <message>
        <source>Sa&amp;ved mapping:</source>
        <translation>&amp;Bewaarde keuzes:</translation>
    </message>
    <message>
        <source>&amp;Time column:</source>
        <translation>Kolom met de &amp;tijd:</translation>
    </message>
    <message>
        <source>&amp;Value column:</source>
        <translation>Kolom met de &amp;waarde:</translation>
    </message>
    <message>
        <source>&amp;Note column:</source>
        <translation>Kolom met een &amp;notitie:</translation>
    </message>
    <message>
        <source>&amp;Measure:</source>
        <translation>&amp;Meting:</translation>
    </message>
    <message>
        <source>&amp;Unit of the values:</source>
        <translation>&amp;Eenheid van de waarden:</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>Bewaren &amp;als:</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>The first rows of the file:</source>
        <translation>De eerste regels van het bestand:</translation>
    </message>
    <message>
        <source>Device files (*.csv *.txt *.tsv *.json *.zip *.xml);;All files (*)</source>
        <translation>Bestanden van apparaten (*.csv *.txt *.tsv *.json *.zip *.xml);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>The first rows of the file (its columns start on line %1):</source>
        <translation>De eerste regels van het bestand (de kolommen beginnen op regel %1):</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Rows that were skipped</source>
        <translation>Regels die zijn overgeslagen</translation>
    </message>
    <message>
        <source>File: %1 (%2)</source>
        <translation>Bestand: %1 (%2)</translation>
    </message>
    <message>
        <source>Readings added: %1</source>
        <translation>Metingen toegevoegd: %1</translation>
    </message>
    <message>
        <source>Already in your record (not added again): %1</source>
        <translation>Stonden al in uw dossier (niet nog eens toegevoegd): %1</translation>
    </message>
    <message>
        <source>Notes added to the diary: %1</source>
        <translation>Notities toegevoegd aan het dagboek: %1</translation>
    </message>
    <message>
        <source>Rows skipped: %1</source>
        <translation>Regels overgeslagen: %1</translation>
    </message>
    <message>
        <source>Left out, because they are no readings Regie keeps: %1 records (such as %2)</source>
        <translation>Niet overgenomen, omdat Regie ze niet als meting bewaart: %1 gegevens (zoals %2)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Why it was skipped</source>
        <translation>Waarom overgeslagen</translation>
    </message>
    <message>
        <source>Import readings from a device</source>
        <translation>Metingen van een apparaat inlezen</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was added to your record.</source>
        <translation>Het inlezen is gestopt. Er is niets aan uw dossier toegevoegd.</translation>
    </message>
    <message>
        <source>No day in this file is above 12, so its dates can be read two ways. Choose on the first page whether the day or the month comes first. Nothing was added.</source>
        <translation>Geen dag in dit bestand is hoger dan 12. De datums kunnen dus op twee manieren gelezen worden. Kies op de eerste pagina of de dag of de maand eerst komt. Er is niets toegevoegd.</translation>
    </message>
    <message>
        <source>Regie cannot read this file as “%1”. Check the kind of file, or choose “Another CSV file”. Nothing was added.</source>
        <translation>Regie kan dit bestand niet lezen als “%1”. Kijk of de soort bestand klopt, of kies “Een ander CSV-bestand”. Er is niets toegevoegd.</translation>
    </message>
    <message>
        <source>Import readings</source>
        <translation>Metingen inlezen</translation>
    </message>
    <message>
        <source>“%1” (%2) holds no rows after its header. Nothing was added.</source>
        <translation>„%1” (%2) heeft geen regels onder de kopregel. Er is niets toegevoegd.</translation>
    </message>
    <message numerus="yes">
        <source>“%1” (%2) holds no readings. Of its %n rows: %3. Nothing was added.</source>
        <translation>
            <numerusform>In „%1” (%2) staan geen metingen. Van de %n regel: %3. Er is niets toegevoegd.</numerusform>
            <numerusform>In „%1” (%2) staan geen metingen. Van de %n regels: %3. Er is niets toegevoegd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing readings…</source>
        <translation>Metingen worden ingelezen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stopping; nothing will be added…</source>
        <translation>Bezig met stoppen; er wordt niets toegevoegd…</translation>
    </message>
    <message>
        <source>Day first (12-05-2025 is 12 May)</source>
        <translation>Dag eerst (12-05-2025 is 12 mei)</translation>
    </message>
    <message>
        <source>Month first (12-05-2025 is 5 December)</source>
        <translation>Maand eerst (12-05-2025 is 5 december)</translation>
    </message>
    <message>
        <source>a table in %1 text</source>
        <translation>een tabel in %1-tekst</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>een tabel</translation>
    </message>
    <message>
        <source>, from line %1</source>
        <translation>, vanaf regel %1</translation>
    </message>
    <message numerus="yes">
        <source>Regie does not know this kind of file. It is %1 with %n columns, separated by %2%3: %4. On the next page you choose which column holds the time and which the value.</source>
        <translation>
            <numerusform>Regie kent dit soort bestand niet. Het is %1 met %n kolom, gescheiden door %2%3: %4. Op de volgende pagina kiest u welke kolom de tijd is en welke de waarde.</numerusform>
            <numerusform>Regie kent dit soort bestand niet. Het is %1 met %n kolommen, gescheiden door %2%3: %4. Op de volgende pagina kiest u welke kolom de tijd is en welke de waarde.</numerusform>
        </translation>
    </message>
    <message>
        <source>This file looks like %1, not like a table with columns, so Regie cannot read readings from it. Is it a health summary from a hospital or GP? Then choose “%2” in the %3 menu.</source>
        <translation>Dit bestand lijkt op %1, niet op een tabel met kolommen. Regie kan er dus geen metingen uit lezen. Is het een gezondheidsoverzicht van een ziekenhuis of huisarts? Kies dan “%2” in het menu %3.</translation>
    </message>
    <message>
        <source>This file is text without columns (no commas, semicolons or tabs between them), so Regie cannot read readings from it.</source>
        <translation>Dit bestand is tekst zonder kolommen (er staan geen komma&apos;s, puntkomma&apos;s of tabs tussen). Regie kan er dus geen metingen uit lezen.</translation>
    </message>
    <message>
        <source>Line %1 of this file is damaged: it is not valid UTF-8 text. Nothing was read. Repair that line, or save the file again as UTF-8.</source>
        <translation>Regel %1 van dit bestand is beschadigd: het is geen geldige UTF-8-tekst. Er is niets ingelezen. Herstel die regel, of sla het bestand opnieuw op als UTF-8.</translation>
    </message>
    <message>
        <source>This is not a CSV file Regie can read: it is not text (it may be a PDF, a picture, a spreadsheet or a zip file). Export the readings from your device&apos;s app or website as a CSV file, and choose that file.</source>
        <translation>Dit is geen CSV-bestand dat Regie kan lezen: het is geen tekst (misschien is het een pdf, een foto, een spreadsheet of een zip-bestand). Haal de metingen als CSV-bestand uit de app of website van uw apparaat, en kies dat bestand.</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>puntkomma&apos;s</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>tabs</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>komma&apos;s</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 en nog %n</numerusform>
            <numerusform>%1 en nog %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <source>The list could not be loaded.</source>
        <translation>De lijst kon niet worden geladen.</translation>
    </message>
    <message>
        <source>Nothing found. Try fewer letters or another word.</source>
        <translation>Niets gevonden. Probeer minder letters of een ander woord.</translation>
    </message>
    <message numerus="yes">
        <source>%n found: choose with the arrow keys and Enter, or click.</source>
        <translation>
            <numerusform>%n gevonden: kies met de pijltjestoetsen en Enter, of klik erop.</numerusform>
            <numerusform>%n gevonden: kies met de pijltjestoetsen en Enter, of klik erop.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Who you are, your diagnoses, goals, medicines and next appointment.</source>
        <translation>Wie u bent, uw diagnoses, doelen, medicijnen en volgende afspraak.</translation>
    </message>
    <message>
        <source>Your details, allergies, and what others must know in an emergency.</source>
        <translation>Uw gegevens, allergieën en wat anderen moeten weten in een noodgeval.</translation>
    </message>
    <message>
        <source>Your diagnoses, with genetic details and carrier status.</source>
        <translation>Uw diagnoses, met erfelijke gegevens en dragerschap.</translation>
    </message>
    <message>
        <source>Your own goals, the agreements with your care team, and how they went.</source>
        <translation>Uw eigen doelen, de afspraken met uw zorgteam en hoe het ging.</translation>
    </message>
    <message>
        <source>Who helps you, what for, and who to call day and night.</source>
        <translation>Wie u helpt, waarvoor, en wie u dag en nacht kunt bellen.</translation>
    </message>
    <message>
        <source>The medicines you use now and used before, with every change.</source>
        <translation>De medicijnen die u nu gebruikt en eerder gebruikte, met elke wijziging.</translation>
    </message>
    <message>
        <source>Your appointments and the questions you want to ask.</source>
        <translation>Uw afspraken en de vragen die u wilt stellen.</translation>
    </message>
    <message>
        <source>Letters, lab results and scans, kept inside the encrypted record.</source>
        <translation>Brieven, labuitslagen en scans, bewaard in het versleutelde dossier.</translation>
    </message>
    <message>
        <source>The vaccinations you had: which vaccine, when, and against what.</source>
        <translation>De vaccinaties die u hebt gekregen: welk vaccin, wanneer en waartegen.</translation>
    </message>
    <message>
        <source>Operations and other treatments in a hospital, and how they went.</source>
        <translation>Operaties en andere behandelingen in een ziekenhuis, en hoe het ging.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Uitslagen</translation>
    </message>
    <message>
        <source>Lab results from a file, with the lab&apos;s normal range.</source>
        <translation>Uitslagen van het lab uit een bestand, met de normaalwaarde van het lab.</translation>
    </message>
    <message>
        <source>What you measure yourself: charts, targets and device imports.</source>
        <translation>Wat u zelf meet: grafieken, streefwaarden en gegevens uit meters.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <source>Everything in your record, in order of date.</source>
        <translation>Alles in uw dossier, op volgorde van datum.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <source>Whose record is open</source>
        <translation>Wiens dossier open is</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <source>Lock the record (Ctrl+L)</source>
        <translation>Het dossier vergrendelen (Ctrl+L)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Beeld</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <source>Print the emergency card and letter, a visit brief or the overview (Ctrl+P)</source>
        <translation>De noodkaart en noodbrief, een voorbereiding op een afspraak of het overzicht afdrukken (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Reservekopie maken…</translation>
    </message>
    <message>
        <source>&amp;Carers…</source>
        <translation>Mantel&amp;zorgers…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <source>S&amp;witch record…</source>
        <translation>Ander dossier &amp;kiezen…</translation>
    </message>
    <message>
        <source>Lock this record and choose another one (Ctrl+Shift+O)</source>
        <translation>Dit dossier vergrendelen en een ander dossier kiezen (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>New &amp;measurement…</source>
        <translation>Nieuwe &amp;meting…</translation>
    </message>
    <message>
        <source>&amp;Import readings from a device…</source>
        <translation>Metingen van een apparaat in&amp;lezen…</translation>
    </message>
    <message>
        <source>Import a &amp;health summary (FHIR file)…</source>
        <translation>&amp;Gezondheidsoverzicht importeren (FHIR-bestand)…</translation>
    </message>
    <message>
        <source>A summary from your hospital, GP or health app: diagnoses, medicines, allergies, vaccinations, operations and lab results</source>
        <translation>Een overzicht van uw ziekenhuis, huisarts of gezondheidsapp: diagnoses, medicijnen, allergieën, vaccinaties, operaties en uitslagen</translation>
    </message>
    <message>
        <source>Import a Regie &amp;file…</source>
        <translation>Regie-&amp;bestand importeren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>Search the record (Ctrl+F)</source>
        <translation>Zoeken in het dossier (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the record</source>
        <translation>Zoeken in het dossier</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>&amp;Grotere tekst</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>&amp;Kleinere tekst</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>&amp;Normale tekstgrootte</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Naar %1</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>&amp;About Regie</source>
        <translation>&amp;Over Regie</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Over &amp;Qt</translation>
    </message>
</context>
<context>
    <name>MeasureChart</name>
    <message>
        <source>Chart of %1</source>
        <translation>Grafiek van %1</translation>
    </message>
    <message>
        <source>Show &amp;pulse</source>
        <translation>&amp;Hartslag tonen</translation>
    </message>
    <message>
        <source>Show &amp;events</source>
        <translation>&amp;Gebeurtenissen tonen</translation>
    </message>
    <message>
        <source>Events: %1.</source>
        <translation>Gebeurtenissen: %1.</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Week</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Maand</translation>
    </message>
    <message>
        <source>&amp;3 months</source>
        <translation>&amp;3 maanden</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Jaar</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Alles</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Gestart: %1</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Gestopt: %1</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Veranderd: %1</translation>
    </message>
    <message>
        <source>Appointment: %1</source>
        <translation>Afspraak: %1</translation>
    </message>
    <message>
        <source>Admission: %1</source>
        <translation>Opname: %1</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>Binnen de streefwaarde</translation>
    </message>
    <message>
        <source>Above target</source>
        <translation>Boven de streefwaarde</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>Onder de streefwaarde</translation>
    </message>
    <message>
        <source>Sensor High: above what the sensor can measure (at the top edge)</source>
        <translation>Sensor Hoog: hoger dan de sensor kan meten (bovenaan)</translation>
    </message>
    <message>
        <source>Sensor Low: below what the sensor can measure (at the bottom edge)</source>
        <translation>Sensor Laag: lager dan de sensor kan meten (onderaan)</translation>
    </message>
    <message>
        <source>%1: from %2 to %3.</source>
        <translation>%1: van %2 tot %3.</translation>
    </message>
    <message>
        <source>Showing %1.</source>
        <translation>U ziet %1.</translation>
    </message>
    <message>
        <source>Zoom with the mouse wheel or the + and - keys. Move through time by dragging or with the Left and Right arrow keys. The Home key shows everything.</source>
        <translation>Zoom in en uit met het muiswiel of met de toetsen + en -. Ga verder of terug in de tijd door te slepen of met de pijltjes naar links en rechts. Met de Home-toets ziet u alles weer.</translation>
    </message>
    <message>
        <source>There are no readings yet.</source>
        <translation>Er zijn nog geen metingen.</translation>
    </message>
    <message>
        <source>No readings in this period.</source>
        <translation>Geen metingen in deze periode.</translation>
    </message>
    <message>
        <source>Readings: %1.</source>
        <translation>Metingen: %1.</translation>
    </message>
    <message>
        <source>Readings: %1. Too many to show one by one: each thin bar runs from the lowest to the highest reading at that moment.</source>
        <translation>Metingen: %1. Te veel om ze een voor een te tonen: elk dun streepje loopt van de laagste tot de hoogste meting op dat moment.</translation>
    </message>
    <message>
        <source>%1 outside the target: %2 above, %3 below.</source>
        <translation>%1 buiten de streefwaarde: %2 erboven, %3 eronder.</translation>
    </message>
    <message>
        <source>%1 above the target: %2.</source>
        <translation>%1 boven de streefwaarde: %2.</translation>
    </message>
    <message>
        <source>%1 below the target: %2.</source>
        <translation>%1 onder de streefwaarde: %2.</translation>
    </message>
    <message>
        <source>Sensor High: %1. Sensor Low: %2.</source>
        <translation>Sensor Hoog: %1. Sensor Laag: %2.</translation>
    </message>
    <message>
        <source>Sensor High and Low readings are marked at the top and bottom edge.</source>
        <translation>Metingen Sensor Hoog en Sensor Laag staan bovenaan en onderaan.</translation>
    </message>
    <message>
        <source>Sensor High readings are marked at the top edge.</source>
        <translation>Metingen Sensor Hoog staan bovenaan.</translation>
    </message>
    <message>
        <source>Sensor Low readings are marked at the bottom edge.</source>
        <translation>Metingen Sensor Laag staan onderaan.</translation>
    </message>
</context>
<context>
    <name>Measures</name>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>%1/%2 mmHg</source>
        <translation>%1/%2 mmHg</translation>
    </message>
    <message>
        <source>%1/%2 mmHg, pulse %3</source>
        <translation>%1/%2 mmHg, hartslag %3</translation>
    </message>
    <message>
        <source>%1 out of 10</source>
        <translation>%1 van de 10</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>vandaag %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>gisteren %1</translation>
    </message>
    <message>
        <source>No readings yet</source>
        <translation>Nog geen metingen</translation>
    </message>
</context>
<context>
    <name>Medications</name>
    <message>
        <source>Not filled in</source>
        <translation>Niet ingevuld</translation>
    </message>
    <message>
        <source>New medicine</source>
        <translation>Nieuw medicijn</translation>
    </message>
    <message>
        <source>Change medicine</source>
        <translation>Medicijn wijzigen</translation>
    </message>
    <message>
        <source>Dose, for the exports</source>
        <translation>Dosis voor de noodkaart en overzichten</translation>
    </message>
    <message>
        <source>Why and since when</source>
        <translation>Waarom en sinds wanneer</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>e.g. Hydrocortisone</source>
        <translation>bijv. Hydrocortison</translation>
    </message>
    <message>
        <source>Name in Eng&amp;lish:</source>
        <translation>Naam in het En&amp;gels:</translation>
    </message>
    <message>
        <source>Only if the name is different in English, for exports in English.</source>
        <translation>Alleen als de naam in het Engels anders is. Voor een noodkaart of overzicht in het Engels.</translation>
    </message>
    <message>
        <source>S&amp;trength:</source>
        <translation>S&amp;terkte:</translation>
    </message>
    <message>
        <source>e.g. 10 mg</source>
        <translation>bijv. 10 mg</translation>
    </message>
    <message>
        <source>e.g. 1 tablet</source>
        <translation>bijv. 1 tablet</translation>
    </message>
    <message>
        <source>&amp;Dose, in your words:</source>
        <translation>&amp;Dosis, in uw woorden:</translation>
    </message>
    <message>
        <source>Sc&amp;hedule, in your words:</source>
        <translation>Sc&amp;hema, in uw woorden:</translation>
    </message>
    <message>
        <source>e.g. 3 times a day: 10-5-5 mg</source>
        <translation>bijv. 3 keer per dag: 10-5-5 mg</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>&amp;Manier van gebruik:</translation>
    </message>
    <message>
        <source>R&amp;eason (diagnosis):</source>
        <translation>&amp;Reden (diagnose):</translation>
    </message>
    <message>
        <source>&amp;Prescribed by:</source>
        <translation>&amp;Voorgeschreven door:</translation>
    </message>
    <message>
        <source>&amp;Started on:</source>
        <translation>&amp;Begonnen op:</translation>
    </message>
    <message>
        <source>St&amp;opped on:</source>
        <translation>Gestopt o&amp;p:</translation>
    </message>
    <message>
        <source>Stopped, date not &amp;known</source>
        <translation>Ge&amp;stopt, datum onbekend</translation>
    </message>
    <message>
        <source>Tick this when you no longer take it but do not know since when.</source>
        <translation>Vink dit aan als u het niet meer gebruikt, maar niet weet sinds wanneer.</translation>
    </message>
    <message>
        <source>Reason for stoppin&amp;g:</source>
        <translation>&amp;Waarom gestopt:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;otities:</translation>
    </message>
    <message>
        <source>A&amp;mount each time:</source>
        <translation>Hoeveelheid per &amp;keer:</translation>
    </message>
    <message>
        <source>e.g. 1 or 0,5</source>
        <translation>bijv. 1 of 0,5</translation>
    </message>
    <message>
        <source>So that a doctor abroad can read it too: the app writes this dose in the language of each export.</source>
        <translation>Zo kan ook een arts in het buitenland het lezen: de app schrijft deze dosis in de taal van elke export.</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Eenheid:</translation>
    </message>
    <message>
        <source>(not filled in)</source>
        <translation>(niet ingevuld)</translation>
    </message>
    <message>
        <source>T&amp;imes a day:</source>
        <translation>&amp;Aantal keer per dag:</translation>
    </message>
    <message>
        <source>With or without &amp;food:</source>
        <translation>Met of &amp;zonder eten:</translation>
    </message>
    <message>
        <source>(does not matter)</source>
        <translation>(maakt niet uit)</translation>
    </message>
    <message>
        <source>Only &amp;when needed (e.g. an emergency injection)</source>
        <translation>A&amp;lleen als het nodig is (bijv. een noodinjectie)</translation>
    </message>
    <message>
        <source>Change dose: %1</source>
        <translation>Dosis wijzigen: %1</translation>
    </message>
    <message>
        <source>Correct a change: %1</source>
        <translation>Wijziging verbeteren: %1</translation>
    </message>
    <message>
        <source>Da&amp;te of the change:</source>
        <translation>&amp;Datum van de wijziging:</translation>
    </message>
    <message>
        <source>New &amp;dose:</source>
        <translation>Nieuwe d&amp;osis:</translation>
    </message>
    <message>
        <source>The dose for the exports is then emptied, so no card shows the old dose. Fill it in again with Change medicine.</source>
        <translation>De dosis voor de noodkaart wordt dan leeggemaakt, zodat geen kaart de oude dosis laat zien. Vul hem opnieuw in bij Medicijn wijzigen.</translation>
    </message>
    <message>
        <source>New &amp;schedule:</source>
        <translation>Nieuw &amp;schema:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reden:</translation>
    </message>
    <message>
        <source>e.g. more symptoms during stress, agreed with the doctor</source>
        <translation>bijv. meer klachten bij stress, afgesproken met de arts</translation>
    </message>
    <message>
        <source>Stop medicine: %1</source>
        <translation>Medicijn stoppen: %1</translation>
    </message>
    <message>
        <source>&amp;Stopped on:</source>
        <translation>&amp;Gestopt op:</translation>
    </message>
    <message>
        <source>e.g. side effects, no longer needed</source>
        <translation>bijv. bijwerkingen, niet meer nodig</translation>
    </message>
    <message>
        <source>Dose, in your words</source>
        <translation>Dosis, in uw woorden</translation>
    </message>
    <message>
        <source>Schedule, in your words</source>
        <translation>Schema, in uw woorden</translation>
    </message>
    <message>
        <source>Here you keep the medicines in use, with how much and when.</source>
        <translation>Hier houdt u de medicijnen bij die in gebruik zijn, met hoeveel en wanneer.</translation>
    </message>
    <message>
        <source>&amp;Add a medicine…</source>
        <translation>Medicijn &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Medicijn</translation>
    </message>
    <message>
        <source>Dose and schedule</source>
        <translation>Dosis en schema</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>date not known</source>
        <translation>datum niet bekend</translation>
    </message>
    <message>
        <source>Which medicines to show</source>
        <translation>Welke medicijnen u ziet</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Laat zien:</translation>
    </message>
    <message>
        <source>C&amp;urrent medicines</source>
        <translation>H&amp;uidige medicijnen</translation>
    </message>
    <message>
        <source>Pas&amp;t medicines</source>
        <translation>&amp;Eerdere medicijnen</translation>
    </message>
    <message>
        <source>A&amp;ll medicines</source>
        <translation>&amp;Alle medicijnen</translation>
    </message>
    <message>
        <source>%1 uses &amp;no medicines</source>
        <translation>%1 gebruikt &amp;geen medicijnen</translation>
    </message>
    <message>
        <source>Say that %1 uses no medicines now: the exports then print “No known medicines” instead of “not filled in”.</source>
        <translation>Zeg dat %1 nu geen medicijnen gebruikt: op de overzichten en de noodkaart staat dan “Geen medicijnen bekend” in plaats van “niet ingevuld”.</translation>
    </message>
    <message>
        <source>I use &amp;no medicines</source>
        <translation>Ik gebruik &amp;geen medicijnen</translation>
    </message>
    <message>
        <source>Say that you use no medicines now: the exports then print “No known medicines” instead of “not filled in”.</source>
        <translation>Zeg dat u nu geen medicijnen gebruikt: op de overzichten en de noodkaart staat dan “Geen medicijnen bekend” in plaats van “niet ingevuld”.</translation>
    </message>
    <message>
        <source>Medicines: no known medicines (stated by you).</source>
        <translation>Medicijnen: geen medicijnen bekend (door u gezegd).</translation>
    </message>
    <message>
        <source>Medicines in use: not filled in yet. Add them, or say that %1 uses none.</source>
        <translation>Medicijnen die %1 nu gebruikt: nog niet ingevuld. Voeg ze toe, of zeg dat %1 er geen gebruikt.</translation>
    </message>
    <message>
        <source>Medicines in use: not filled in yet. Add them, or say that you use none.</source>
        <translation>Medicijnen die u nu gebruikt: nog niet ingevuld. Voeg ze toe, of zeg dat u er geen gebruikt.</translation>
    </message>
    <message>
        <source>Change d&amp;ose…</source>
        <translation>D&amp;osis wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Stop…</source>
        <translation>&amp;Stoppen…</translation>
    </message>
    <message>
        <source>Stopped, on a date that is not known</source>
        <translation>Gestopt, op een datum die niet bekend is</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In gebruik</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Sterkte</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Naam in het Engels</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Manier van gebruik</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>Voorgeschreven door</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Begonnen op</translation>
    </message>
    <message>
        <source>Stops on</source>
        <translation>Stopt op</translation>
    </message>
    <message>
        <source>Stopped on</source>
        <translation>Gestopt op</translation>
    </message>
    <message>
        <source>Reason for stopping</source>
        <translation>Waarom gestopt</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Dose changes</source>
        <translation>Wijzigingen van de dosis</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>Nog geen wijzigingen genoteerd.</translation>
    </message>
    <message>
        <source>New dose</source>
        <translation>Nieuwe dosis</translation>
    </message>
    <message>
        <source>New schedule</source>
        <translation>Nieuw schema</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Verbeteren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Change of “%1” on %2 deleted.</source>
        <translation>Wijziging van “%1” op %2 verwijderd.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This passphrase does not open the record. Check Caps Lock and try again.</source>
        <translation>Met dit wachtwoord gaat het dossier niet open. Kijk of Caps Lock aan staat en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The recovery code has a typing error. Check every character and try again.</source>
        <translation>Er zit een typfout in de herstelcode. Controleer elk teken en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This record was made with a newer version of Regie. Update Regie to open it.</source>
        <translation>Dit dossier is gemaakt met een nieuwere versie van Regie. Werk Regie bij om het te openen.</translation>
    </message>
    <message>
        <source>The record is damaged and cannot be opened safely. Restore it from a backup.</source>
        <translation>Het dossier is beschadigd en kan niet veilig worden geopend. Zet een reservekopie terug.</translation>
    </message>
    <message>
        <source>There is no record in this folder. Was it moved or deleted?</source>
        <translation>Er staat geen dossier in deze map. Is het verplaatst of verwijderd?</translation>
    </message>
    <message>
        <source>This folder is not empty. Choose a new, empty folder for the record.</source>
        <translation>Deze map is niet leeg. Kies een nieuwe, lege map voor het dossier.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Choose a longer one.</source>
        <translation>Dit wachtwoord is te makkelijk te raden. Kies een langer wachtwoord.</translation>
    </message>
    <message>
        <source>Regie could not save: the disk is full. Nothing was changed.</source>
        <translation>Regie kon niet opslaan: de schijf is vol. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>This record is open read-only: your sync service made a conflict copy of its files. Move that copy out of the record folder to change the record again. Nothing was changed.</source>
        <translation>Dit dossier is alleen te lezen: uw synchronisatiedienst heeft een conflictkopie van de bestanden gemaakt. Haal die kopie uit de dossiermap om het dossier weer te kunnen veranderen. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>This record is read-only (on a CD, a write-protected USB stick, or in a folder you may not change). You can view, check and export it, not change it. Nothing was changed.</source>
        <translation>Dit dossier is alleen te lezen (op een cd, een beveiligde USB-stick of in een map die u niet mag veranderen). U kunt het bekijken, controleren en exporteren, maar niet veranderen. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Regie could not read or write the record: the folder is read-only or not available. Nothing was changed.</source>
        <translation>Regie kon het dossier niet lezen of opslaan: de map is alleen-lezen of niet bereikbaar. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>The keys of this record were changed in another window or program after you opened it. Lock the record, open it again and try once more. Nothing was changed.</source>
        <translation>De sleutels van dit dossier zijn in een ander venster of programma veranderd nadat u het opende. Vergrendel het dossier, open het opnieuw en probeer het nog een keer. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>This record is open on another computer. Close it there first; if that computer is off, wait 2 minutes and try again. Nothing was changed.</source>
        <translation>Dit dossier is open op een andere computer. Sluit het daar eerst; staat die computer uit, wacht dan 2 minuten en probeer het opnieuw. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>The record is busy in another Regie window or program. Try again when it is done. Nothing was changed.</source>
        <translation>Het dossier is bezig in een ander Regie-venster of programma. Probeer het opnieuw als dat klaar is. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>The record is open elsewhere, or a backup or import is running. Wait until it is finished, or close it there, and try again. Nothing was changed.</source>
        <translation>Het dossier is ergens anders open, of er loopt een reservekopie of inlezen. Wacht tot dat klaar is, of sluit het daar, en probeer het opnieuw. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>This record has as many carers as it can have. Remove one first.</source>
        <translation>Dit dossier heeft al zoveel mantelzorgers als kan. Haal er eerst een weg.</translation>
    </message>
    <message>
        <source>The encryption parts of Regie are missing. Reinstall Regie.</source>
        <translation>De onderdelen voor versleuteling ontbreken. Installeer Regie opnieuw.</translation>
    </message>
    <message>
        <source>This cannot be saved as it is. Check what you typed.</source>
        <translation>Dit kan zo niet worden opgeslagen. Controleer wat u hebt getypt.</translation>
    </message>
    <message>
        <source>Regie may not write in this folder. Choose another folder.</source>
        <translation>Regie mag niet schrijven in deze map. Kies een andere map.</translation>
    </message>
    <message>
        <source>Regie could not read or write a file. Nothing was changed.</source>
        <translation>Regie kon een bestand niet lezen of schrijven. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was changed.</source>
        <translation>Er ging iets mis. Er is niets veranderd.</translation>
    </message>
</context>
<context>
    <name>Monitoring</name>
    <message>
        <source>Diary
Nothing written yet</source>
        <translation>Dagboek
Nog niets geschreven</translation>
    </message>
    <message>
        <source>Diary
Entries: %1</source>
        <translation>Dagboek
Aantekeningen: %1</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Meetwaarden</translation>
    </message>
    <message>
        <source>Show all &amp;measures</source>
        <translation>Toon a&amp;lle meetwaarden</translation>
    </message>
    <message>
        <source>&amp;New measurement… (Ctrl+M)</source>
        <translation>&amp;Nieuwe meting… (Ctrl+M)</translation>
    </message>
    <message>
        <source>&amp;Import from a device…</source>
        <translation>&amp;Inlezen van een apparaat…</translation>
    </message>
    <message>
        <source>&amp;Own measure…</source>
        <translation>&amp;Eigen meetwaarde…</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>Gra&amp;fiek</translation>
    </message>
    <message>
        <source>Readin&amp;gs</source>
        <translation>Me&amp;tingen</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>&amp;Statistiek</translation>
    </message>
    <message>
        <source>&amp;Day profile</source>
        <translation>D&amp;agprofiel</translation>
    </message>
    <message>
        <source>&amp;Targets and plan</source>
        <translation>Streefwaarden en &amp;plan</translation>
    </message>
    <message>
        <source>Here you keep what is measured at home, such as blood pressure or weight: typed in, or read from a device.</source>
        <translation>Hier houdt u bij wat thuis gemeten wordt, zoals bloeddruk of gewicht: zelf ingetypt of ingelezen van een apparaat.</translation>
    </message>
    <message>
        <source>Type a &amp;first measurement…</source>
        <translation>Eerste meting in&amp;voeren…</translation>
    </message>
    <message>
        <source>Corrected on %1.</source>
        <translation>Verbeterd op %1.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Situatie</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>The device noticed</source>
        <translation>Melding van het apparaat</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>Metingen</translation>
    </message>
    <message>
        <source>Details of the reading</source>
        <translation>Details van de meting</translation>
    </message>
    <message>
        <source>Corr&amp;ect…</source>
        <translation>&amp;Corrigeren…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>Readings: %1</source>
        <translation>Metingen: %1</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hoe gemeten</translation>
    </message>
    <message>
        <source>Reading of %1 deleted: %2.</source>
        <translation>Meting van %1 verwijderd: %2.</translation>
    </message>
</context>
<context>
    <name>MonitoringStats</name>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 maanden</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>Pe&amp;riode:</translation>
    </message>
    <message>
        <source>Time in ranges</source>
        <translation>Hoeveel tijd in elk gebied</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiek</translation>
    </message>
    <message>
        <source>%1 – %2 (ending today)</source>
        <translation>%1 – %2 (tot en met vandaag)</translation>
    </message>
    <message numerus="yes">
        <source>Working out the figures of %n readings…</source>
        <translation>
            <numerusform>De cijfers van %n meting worden berekend…</numerusform>
            <numerusform>De cijfers van %n metingen worden berekend…</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures could not be worked out.</source>
        <translation>De cijfers konden niet worden berekend.</translation>
    </message>
    <message>
        <source>No readings in this period.</source>
        <translation>Geen metingen in deze periode.</translation>
    </message>
    <message>
        <source>Measuring plan</source>
        <translation>Meetplan</translation>
    </message>
    <message>
        <source>No measuring plan is active for this measure. You can make one under Targets and plan.</source>
        <translation>Er loopt nu geen meetplan voor deze meetwaarde. U kunt er een maken onder Streefwaarden en plan.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Gemiddelde</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>Laagste</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>Hoogste</translation>
    </message>
    <message>
        <source>Standard deviation (SD)</source>
        <translation>Standaarddeviatie (SD)</translation>
    </message>
    <message>
        <source>How much the values vary</source>
        <translation>Hoeveel de waarden schommelen</translation>
    </message>
    <message>
        <source>Variation compared to the mean</source>
        <translation>Schommeling vergeleken met het gemiddelde</translation>
    </message>
    <message>
        <source>Coefficient of variation (CV): the standard deviation as a share of the mean</source>
        <translation>Variatiecoëfficiënt (CV): de standaarddeviatie als deel van het gemiddelde</translation>
    </message>
    <message>
        <source>Estimated HbA1c (GMI)</source>
        <translation>HbA1c geschat uit de sensor (GMI)</translation>
    </message>
    <message>
        <source>Glucose management indicator (GMI): the HbA1c that fits the mean sensor glucose. A lab HbA1c can differ.</source>
        <translation>Glucose management indicator (GMI): de HbA1c die past bij de gemiddelde glucose van de sensor. Een HbA1c van het lab kan anders zijn.</translation>
    </message>
    <message>
        <source>Sensor Low: %1. Sensor High: %2. These have no number and are not in the mean, lowest or highest.</source>
        <translation>Sensor Laag: %1. Sensor Hoog: %2. Deze hebben geen getal en tellen niet mee in het gemiddelde, de laagste en de hoogste.</translation>
    </message>
    <message>
        <source>The %1 other readings (finger prick, lab, typed in or not known) are not in these figures; their own shares are in the last column.</source>
        <translation>De %1 andere metingen (vingerprik, laboratorium, ingetypt of onbekend) zitten niet in deze cijfers. Hun eigen delen staan in de laatste kolom.</translation>
    </message>
    <message>
        <source>Range (mmol/L)</source>
        <translation>Gebied (mmol/L)</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Deel</translation>
    </message>
    <message>
        <source>Other readings</source>
        <translation>Andere metingen</translation>
    </message>
    <message>
        <source>%1 (%2 mmol/mol)</source>
        <translation>%1 (%2 mmol/mol)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Meting</translation>
    </message>
    <message>
        <source>Mean glucose</source>
        <translation>Gemiddelde glucose</translation>
    </message>
    <message>
        <source>Days with readings</source>
        <translation>Dagen met metingen</translation>
    </message>
    <message>
        <source>There are no sensor readings in this period: the shares are shares of readings, not of time. The estimated HbA1c (GMI) is only worked out from sensor readings.</source>
        <translation>Er zijn geen metingen van een sensor in deze periode. De delen zijn delen van de metingen, niet van de tijd. De geschatte HbA1c (GMI) wordt alleen uit sensormetingen berekend.</translation>
    </message>
    <message>
        <source>Time in ranges, mean, variation and estimated HbA1c from the %1 sensor readings: a sensor reads at even times, so a share of its readings is a share of time.</source>
        <translation>De tijd in elk gebied, het gemiddelde, de schommeling en de geschatte HbA1c komen uit de %1 metingen van de sensor. Een sensor meet op vaste tijden. Daarom is een deel van de metingen ook een deel van de tijd.</translation>
    </message>
    <message>
        <source>Mean, variation and estimated HbA1c</source>
        <translation>Gemiddelde, schommeling en geschatte HbA1c</translation>
    </message>
    <message>
        <source>(first day: left out)</source>
        <translation>(eerste dag: telt niet mee)</translation>
    </message>
    <message>
        <source>Systolic (mmHg)</source>
        <translation>Bovendruk (mmHg)</translation>
    </message>
    <message>
        <source>Diastolic (mmHg)</source>
        <translation>Onderdruk (mmHg)</translation>
    </message>
    <message>
        <source>Pulse (/min)</source>
        <translation>Hartslag (/min)</translation>
    </message>
    <message>
        <source>Mean per measuring series</source>
        <translation>Gemiddelde per meetserie</translation>
    </message>
    <message>
        <source>The first day of each series is left out of its mean, as the home measuring protocol does: on the first day blood pressure is often higher. A series of one day has no mean.</source>
        <translation>De eerste dag van elke serie telt niet mee in het gemiddelde. Zo staat het in de afspraken voor thuis meten: op de eerste dag is de bloeddruk vaak hoger. Een serie van één dag heeft geen gemiddelde.</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dagen</translation>
    </message>
    <message>
        <source>In the mean</source>
        <translation>Telt mee</translation>
    </message>
    <message>
        <source>Mean per day</source>
        <translation>Gemiddelde per dag</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>The measuring plan starts on %1.</source>
        <translation>Het meetplan begint op %1.</translation>
    </message>
    <message>
        <source>From %1 to %2: %3 of the %4 planned readings done (%5).</source>
        <translation>Van %1 tot en met %2: %3 van de %4 geplande metingen gedaan (%5).</translation>
    </message>
    <message>
        <source>Extra readings on one day do not make up for a missed day.</source>
        <translation>Extra metingen op de ene dag maken een gemiste dag niet goed.</translation>
    </message>
    <message>
        <source>Per day, the last %1 days:</source>
        <translation>Per dag, de laatste %1 dagen:</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gedaan</translation>
    </message>
    <message>
        <source>Share done</source>
        <translation>Deel gedaan</translation>
    </message>
</context>
<context>
    <name>MonitoringTargets</name>
    <message>
        <source>(not filled in)</source>
        <translation>(niet ingevuld)</translation>
    </message>
    <message>
        <source>Agreed &amp;with:</source>
        <translation>Afgesproken &amp;met:</translation>
    </message>
    <message>
        <source>Agreed &amp;on:</source>
        <translation>Afgesproken op (&amp;datum):</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notities:</translation>
    </message>
    <message>
        <source>e.g. what to do when a reading is too low</source>
        <translation>bijvoorbeeld: wat u doet als een meting te laag is</translation>
    </message>
    <message>
        <source>Target (%1)</source>
        <translation>Streefwaarde (%1)</translation>
    </message>
    <message>
        <source>When to call the care team (%1)</source>
        <translation>Wanneer u uw zorgverlener belt (%1)</translation>
    </message>
    <message>
        <source>Agreed with the care team</source>
        <translation>Afgesproken met uw zorgverlener</translation>
    </message>
    <message>
        <source>Agree a new target: %1</source>
        <translation>Nieuwe streefwaarde afspreken: %1</translation>
    </message>
    <message>
        <source>From (&amp;lowest):</source>
        <translation>Vanaf (&amp;laagste):</translation>
    </message>
    <message>
        <source>Up to (&amp;highest):</source>
        <translation>Tot en met (&amp;hoogste):</translation>
    </message>
    <message>
        <source>Call &amp;below:</source>
        <translation>Bellen &amp;onder:</translation>
    </message>
    <message>
        <source>Call &amp;above:</source>
        <translation>Bellen &amp;boven:</translation>
    </message>
    <message>
        <source>&amp;Systolic at most:</source>
        <translation>Bovendruk &amp;hoogstens:</translation>
    </message>
    <message>
        <source>&amp;Diastolic at most:</source>
        <translation>Onderdruk hoog&amp;stens:</translation>
    </message>
    <message>
        <source>Systolic at &amp;least:</source>
        <translation>Bovendruk m&amp;instens:</translation>
    </message>
    <message>
        <source>Diastolic at l&amp;east:</source>
        <translation>Onderdruk minst&amp;ens:</translation>
    </message>
    <message>
        <source>Call when systolic is &amp;below:</source>
        <translation>Bellen bij bovendruk &amp;onder:</translation>
    </message>
    <message>
        <source>Call when systolic is &amp;above:</source>
        <translation>Bellen bij bovendruk &amp;boven:</translation>
    </message>
    <message>
        <source>&amp;Readings per day:</source>
        <translation>&amp;Aantal metingen per dag:</translation>
    </message>
    <message>
        <source>&amp;Starting on:</source>
        <translation>&amp;Vanaf:</translation>
    </message>
    <message>
        <source>For how many &amp;days:</source>
        <translation>Hoeveel &amp;dagen:</translation>
    </message>
    <message>
        <source>empty: no end date</source>
        <translation>leeg: zonder einddatum</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wanneer:</translation>
    </message>
    <message>
        <source>e.g. 2 in the morning, 2 in the evening</source>
        <translation>bijvoorbeeld: 2 keer &apos;s ochtends, 2 keer &apos;s avonds</translation>
    </message>
    <message>
        <source>&amp;Agreed with:</source>
        <translation>Afgesproken &amp;met:</translation>
    </message>
    <message>
        <source>New measuring plan: %1</source>
        <translation>Nieuw meetplan: %1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>e.g. Tiredness</source>
        <translation>bijvoorbeeld: Vermoeidheid</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Eenheid:</translation>
    </message>
    <message>
        <source>e.g. cm (not needed for a score)</source>
        <translation>bijvoorbeeld: cm (niet nodig voor een cijfer)</translation>
    </message>
    <message>
        <source>&amp;Lowest possible value:</source>
        <translation>&amp;Laagst mogelijke waarde:</translation>
    </message>
    <message>
        <source>&amp;Highest possible value:</source>
        <translation>&amp;Hoogst mogelijke waarde:</translation>
    </message>
    <message>
        <source>&amp;Decimals:</source>
        <translation>&amp;Decimalen:</translation>
    </message>
    <message>
        <source>Your own measure</source>
        <translation>Eigen meetwaarde</translation>
    </message>
    <message>
        <source>From %1, with no end date</source>
        <translation>Vanaf %1, zonder einddatum</translation>
    </message>
    <message>
        <source>From %1 to %2 (%3 days)</source>
        <translation>Van %1 tot en met %2 (%3 dagen)</translation>
    </message>
    <message>
        <source>Running now</source>
        <translation>Nu bezig</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>Nog niet begonnen</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Afgelopen</translation>
    </message>
    <message>
        <source>Agree a ne&amp;w target…</source>
        <translation>Nieuwe streef&amp;waarde afspreken…</translation>
    </message>
    <message>
        <source>New p&amp;lan…</source>
        <translation>Nieuw &amp;meetplan…</translation>
    </message>
    <message>
        <source>Targets and plan</source>
        <translation>Streefwaarden en plan</translation>
    </message>
    <message>
        <source>Agreed, but not with whom or when.</source>
        <translation>Afgesproken, maar niet met wie of wanneer.</translation>
    </message>
    <message>
        <source>Target now</source>
        <translation>Streefwaarde nu</translation>
    </message>
    <message>
        <source>No target yet. Agree one with your care team and write it down here.</source>
        <translation>Nog geen streefwaarde. Spreek er een af met uw zorgverlener en schrijf die hier op.</translation>
    </message>
    <message>
        <source>Default, not agreed with your care team.</source>
        <translation>Standaardwaarde, niet afgesproken met uw zorgverlener.</translation>
    </message>
    <message>
        <source>Earlier targets</source>
        <translation>Eerdere streefwaarden</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>Afgesproken op</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Streefwaarde</translation>
    </message>
    <message>
        <source>When to call</source>
        <translation>Wanneer bellen</translation>
    </message>
    <message>
        <source>Measuring plan</source>
        <translation>Meetplan</translation>
    </message>
    <message>
        <source>No measuring plan yet.</source>
        <translation>Nog geen meetplan.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Readings per day</source>
        <translation>Metingen per dag</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Agreed with</source>
        <translation>Afgesproken met</translation>
    </message>
</context>
<context>
    <name>NativeImport</name>
    <message>
        <source>Importing the Regie file…</source>
        <translation>Het Regie-bestand wordt geïmporteerd…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Import a Regie file</source>
        <translation>Regie-bestand importeren</translation>
    </message>
    <message>
        <source>Stopping; nothing will be added…</source>
        <translation>Bezig met stoppen; er wordt niets toegevoegd…</translation>
    </message>
    <message>
        <source>From %1:</source>
        <translation>Uit %1:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries added.</source>
        <translation>
            <numerusform>%Ln onderdeel toegevoegd.</numerusform>
            <numerusform>%Ln onderdelen toegevoegd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries were already in your record.</source>
        <translation>
            <numerusform>%Ln onderdeel stond al in uw dossier.</numerusform>
            <numerusform>%Ln onderdelen stonden al in uw dossier.</numerusform>
        </translation>
    </message>
    <message>
        <source>Regie files (*.json);;All files (*)</source>
        <translation>Regie-bestanden (*.json);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>This is not a file Regie can read (it is a device, a pipe or a folder). Nothing was added.</source>
        <translation>Dit is geen bestand dat Regie kan lezen (het is een apparaat, een pijp of een map). Er is niets toegevoegd.</translation>
    </message>
    <message>
        <source>This file is too large to be a Regie file. Nothing was added.</source>
        <translation>Dit bestand is te groot voor een Regie-bestand. Er is niets toegevoegd.</translation>
    </message>
    <message>
        <source>Regie could not read this file. Nothing was added.</source>
        <translation>Regie kon dit bestand niet lezen. Er is niets toegevoegd.</translation>
    </message>
    <message>
        <source>Regie file imported</source>
        <translation>Regie-bestand geïmporteerd</translation>
    </message>
    <message>
        <source>Regie cannot import this file. Nothing was added.</source>
        <translation>Regie kan dit bestand niet importeren. Er is niets toegevoegd.</translation>
    </message>
</context>
<context>
    <name>NewPassphrase</name>
    <message>
        <source>Too weak</source>
        <translation>Te zwak</translation>
    </message>
    <message>
        <source>Fair: a longer passphrase is safer</source>
        <translation>Redelijk: een langer wachtwoord is veiliger</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Sterk</translation>
    </message>
    <message>
        <source>use at least 10 characters</source>
        <translation>gebruik minstens 10 tekens</translation>
    </message>
    <message>
        <source>this is a very common password</source>
        <translation>dit is een heel bekend wachtwoord</translation>
    </message>
    <message>
        <source>too many repeated or consecutive characters</source>
        <translation>te veel dezelfde tekens of tekens op een rij</translation>
    </message>
    <message>
        <source>do not build it from the name</source>
        <translation>maak het niet van de naam</translation>
    </message>
    <message>
        <source>&amp;Show passphrase</source>
        <translation>W&amp;achtwoord tonen</translation>
    </message>
    <message>
        <source>Strength of the new passphrase</source>
        <translation>Sterkte van het nieuwe wachtwoord</translation>
    </message>
    <message>
        <source>&amp;Type it again:</source>
        <translation>Nog een &amp;keer:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Sterkte:</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>De twee wachtwoorden zijn nog niet gelijk.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryCodeDialog</name>
    <message>
        <source>New recovery code</source>
        <translation>Nieuwe herstelcode</translation>
    </message>
    <message>
        <source>&amp;Print recovery sheet…</source>
        <translation>Herstelblad &amp;afdrukken…</translation>
    </message>
    <message>
        <source>&amp;Last group of the new code:</source>
        <translation>&amp;Laatste groep van de nieuwe code:</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Make a new code</source>
        <translation>Nieuwe code &amp;maken</translation>
    </message>
    <message>
        <source>&amp;Use the new code</source>
        <translation>Nieuwe code &amp;gebruiken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>Only the owner of the record can make a new recovery code.</source>
        <translation>Alleen de eigenaar van het dossier kan een nieuwe herstelcode maken.</translation>
    </message>
    <message>
        <source>A new recovery code replaces the old one. Once you confirm it, the old code, and every recovery sheet with the old code on it, no longer opens the record.

Make a new code when your recovery sheet is lost, or when someone else may have seen the code. Have pen and paper ready: Regie shows the new code only once and never stores it.</source>
        <translation>Een nieuwe herstelcode vervangt de oude. Zodra u de nieuwe code bevestigt, opent de oude code het dossier niet meer. Dat geldt ook voor elk herstelblad met de oude code.

Maak een nieuwe code als uw herstelblad kwijt is, of als iemand anders de code misschien heeft gezien. Leg pen en papier klaar: Regie toont de nieuwe code maar één keer en bewaart hem nooit.</translation>
    </message>
    <message>
        <source>Your new recovery code is below. Write it down on paper, or print the recovery sheet. Nothing has changed yet: your old recovery code keeps working until you confirm.</source>
        <translation>Hieronder staat uw nieuwe herstelcode. Schrijf hem op papier, of druk het herstelblad af. Er is nog niets gewijzigd: uw oude herstelcode blijft werken tot u bevestigt.</translation>
    </message>
    <message>
        <source>To confirm that you have written it down, type the last group of the new code (the %1 characters after the last dash). Then choose Use the new code.</source>
        <translation>Typ de laatste groep van de nieuwe code (de %1 tekens na het laatste streepje). Zo bevestigt u dat u de code hebt opgeschreven. Kies daarna Nieuwe code gebruiken.</translation>
    </message>
    <message>
        <source>That is not the last group of the new code. Check what you wrote down against the code on the screen.</source>
        <translation>Dat is niet de laatste groep van de nieuwe code. Vergelijk wat u hebt opgeschreven met de code op het scherm.</translation>
    </message>
    <message>
        <source>The new recovery code now works; the old one no longer does. Destroy your old recovery sheet. You can still print the sheet for the new code now: once you close this window, Regie no longer knows the code.</source>
        <translation>De nieuwe herstelcode werkt nu; de oude werkt niet meer. Vernietig uw oude herstelblad. U kunt het herstelblad met de nieuwe code nu nog afdrukken. Als u dit venster sluit, kent Regie de code niet meer.</translation>
    </message>
    <message>
        <source>Only the owner of the record can make a new recovery code. Nothing was changed.</source>
        <translation>Alleen de eigenaar van het dossier kan een nieuwe herstelcode maken. Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Your old recovery code still works; the new one does not.</source>
        <translation>Uw oude herstelcode werkt nog; de nieuwe niet.</translation>
    </message>
    <message>
        <source>Saving the new recovery code…</source>
        <translation>Bezig met opslaan van de nieuwe herstelcode…</translation>
    </message>
</context>
<context>
    <name>OldBackups</name>
    <message>
        <source>Old backups</source>
        <translation>Oude reservekopieën</translation>
    </message>
    <message>
        <source>One backup on this computer still opens with %1&apos;s passphrase. It was made while %1 was a carer.</source>
        <translation>Eén reservekopie op deze computer gaat nog open met het wachtwoord van %1. Die is gemaakt toen %1 mantelzorger was.</translation>
    </message>
    <message numerus="yes">
        <source>%n backups on this computer still open with %1&apos;s passphrase. They were made while %1 was a carer.</source>
        <translation>
            <numerusform>%n reservekopieën op deze computer gaan nog open met het wachtwoord van %1. Die zijn gemaakt toen %1 mantelzorger was.</numerusform>
            <numerusform>%n reservekopieën op deze computer gaan nog open met het wachtwoord van %1. Die zijn gemaakt toen %1 mantelzorger was.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backups that still open with the carer&apos;s passphrase</source>
        <translation>Reservekopieën die nog opengaan met het wachtwoord van de mantelzorger</translation>
    </message>
    <message>
        <source>Take the key out: %1&apos;s passphrase then no longer opens these backups. You can still restore them with your own passphrase or the recovery code. Regie does not open the backups for this.

Delete: the backups are removed from this computer.</source>
        <translation>Sleutel weghalen: het wachtwoord van %1 opent deze reservekopieën dan niet meer. U kunt ze nog wel terugzetten met uw eigen wachtwoord of met de herstelcode. Regie hoeft de reservekopieën daarvoor niet te openen.

Verwijderen: de reservekopieën gaan weg van deze computer.</translation>
    </message>
    <message>
        <source>Regie cannot reach copies elsewhere: on a USB stick that is not plugged in, in a synced folder such as OneDrive or Dropbox, or a copy you sent to someone. Those still open with %1&apos;s passphrase: delete them yourself. And what %1 copied while they were a carer, they keep.</source>
        <translation>Kopieën op een andere plek kan Regie niet bereiken: op een USB-stick die niet in de computer zit, in een map die wordt gesynchroniseerd zoals OneDrive of Dropbox, of een kopie die u naar iemand hebt gestuurd. Die gaan nog open met het wachtwoord van %1: verwijder ze zelf. En wat %1 heeft gekopieerd toen %1 mantelzorger was, houdt %1.</translation>
    </message>
    <message>
        <source>&amp;Take their key out</source>
        <translation>&amp;Sleutel weghalen</translation>
    </message>
    <message>
        <source>&amp;Delete these backups</source>
        <translation>Deze reservekopieën &amp;verwijderen</translation>
    </message>
    <message>
        <source>&amp;Keep them</source>
        <translation>&amp;Bewaren</translation>
    </message>
    <message>
        <source>%1&apos;s key was taken out of one backup.</source>
        <translation>De sleutel van %1 is uit één reservekopie gehaald.</translation>
    </message>
    <message numerus="yes">
        <source>%1&apos;s key was taken out of %n backups.</source>
        <translation>
            <numerusform>De sleutel van %1 is uit %n reservekopieën gehaald.</numerusform>
            <numerusform>De sleutel van %1 is uit %n reservekopieën gehaald.</numerusform>
        </translation>
    </message>
    <message>
        <source>One backup was deleted.</source>
        <translation>Eén reservekopie is verwijderd.</translation>
    </message>
    <message numerus="yes">
        <source>%n backups were deleted.</source>
        <translation>
            <numerusform>%n reservekopieën zijn verwijderd.</numerusform>
            <numerusform>%n reservekopieën zijn verwijderd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Regie could not change one backup. It may be damaged, or its folder may be read-only, and it still opens with %1&apos;s passphrase. Delete it yourself if you do not need it:</source>
        <translation>Regie kon één reservekopie niet aanpassen. Misschien is die beschadigd, of mag Regie niet schrijven in de map. Het wachtwoord van %1 opent die nog. Verwijder die zelf als u hem niet nodig hebt:</translation>
    </message>
    <message numerus="yes">
        <source>Regie could not change %n backups. They may be damaged, or their folder may be read-only, and they still open with %1&apos;s passphrase. Delete them yourself if you do not need them:</source>
        <translation>
            <numerusform>Regie kon %n reservekopieën niet aanpassen. Misschien zijn ze beschadigd, of mag Regie niet schrijven in de map. Het wachtwoord van %1 opent ze nog. Verwijder ze zelf als u ze niet nodig hebt:</numerusform>
            <numerusform>Regie kon %n reservekopieën niet aanpassen. Misschien zijn ze beschadigd, of mag Regie niet schrijven in de map. Het wachtwoord van %1 opent ze nog. Verwijder ze zelf als u ze niet nodig hebt:</numerusform>
        </translation>
    </message>
    <message>
        <source>Changing the old backups; please wait.</source>
        <translation>Regie past de oude reservekopieën aan. Even geduld.</translation>
    </message>
</context>
<context>
    <name>OpenedBackup</name>
    <message>
        <source>Regie cannot find the file %1. Was it moved or deleted?</source>
        <translation>Regie kan het bestand %1 niet vinden. Is het verplaatst of verwijderd?</translation>
    </message>
    <message>
        <source>%1 is a folder, not a backup file. To open a record folder, choose Open record folder.</source>
        <translation>%1 is een map, geen reservekopie. Wilt u een dossiermap openen? Kies dan Dossiermap openen.</translation>
    </message>
    <message>
        <source>The file %1 is not a Regie backup, or it is damaged. Nothing was changed.</source>
        <translation>Het bestand %1 is geen reservekopie van Regie, of het is beschadigd. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Regie may not read the file %1. Copy it to a folder of your own and try again.</source>
        <translation>Regie mag het bestand %1 niet lezen. Kopieer het naar een eigen map en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This file cannot be restored</source>
        <translation>Dit bestand kan niet worden teruggezet</translation>
    </message>
    <message>
        <source>To restore a backup, choose Restore a backup… in the start window and choose the backup file.</source>
        <translation>Wilt u een reservekopie terugzetten? Kies in het startvenster Reservekopie terugzetten… en kies daarna het bestand.</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Overview of your care</source>
        <translation>Overzicht van uw zorg</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Naar %1</translation>
    </message>
    <message>
        <source>Date of birth and allergies</source>
        <translation>Geboortedatum en allergieën</translation>
    </message>
    <message>
        <source>Diagnoses, or that there are none</source>
        <translation>Diagnoses, of dat er geen zijn</translation>
    </message>
    <message>
        <source>The medicines in use, or that there are none</source>
        <translation>De medicijnen die in gebruik zijn, of dat er geen zijn</translation>
    </message>
    <message>
        <source>Who helps with the care, and who to call day and night</source>
        <translation>Wie helpt bij de zorg, en wie u dag en nacht kunt bellen</translation>
    </message>
    <message>
        <source>What others must know in an emergency (for the emergency card)</source>
        <translation>Wat anderen moeten weten in een noodgeval (voor de noodkaart)</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>geboren %1</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 jaar</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <source>Nothing noted yet (see About me).</source>
        <translation>Nog niets ingevuld (zie Over mij).</translation>
    </message>
    <message>
        <source>In an emergency</source>
        <translation>In een noodgeval</translation>
    </message>
    <message>
        <source>Next of kin:</source>
        <translation>Familie of partner:</translation>
    </message>
    <message>
        <source>No family or partner yet (see Care team).</source>
        <translation>Nog geen familie of partner ingevuld (zie Zorgteam).</translation>
    </message>
    <message>
        <source>Emergency information for doctors:</source>
        <translation>Noodinformatie voor artsen:</translation>
    </message>
    <message>
        <source>Who to call, day and night</source>
        <translation>Wie u kunt bellen, dag en nacht</translation>
    </message>
    <message>
        <source>No out-of-hours numbers yet (see Care team).</source>
        <translation>Nog geen nummers voor buiten kantoortijd (zie Zorgteam).</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergieën</translation>
    </message>
    <message>
        <source>No known allergies.</source>
        <translation>Geen bekende allergieën.</translation>
    </message>
    <message>
        <source>Not filled in yet.</source>
        <translation>Nog niet ingevuld.</translation>
    </message>
    <message>
        <source>Next appointment</source>
        <translation>Volgende afspraak</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>en nog %n andere</numerusform>
            <numerusform>en nog %n andere</numerusform>
        </translation>
    </message>
    <message>
        <source>emergency information filled in</source>
        <translation>noodinformatie ingevuld</translation>
    </message>
    <message>
        <source>emergency information not filled in yet</source>
        <translation>noodinformatie nog niet ingevuld</translation>
    </message>
    <message>
        <source>No appointment planned.</source>
        <translation>Geen afspraak gepland.</translation>
    </message>
    <message>
        <source>No questions written down yet.</source>
        <translation>Nog geen vragen opgeschreven.</translation>
    </message>
    <message>
        <source>After that:</source>
        <translation>Daarna:</translation>
    </message>
    <message>
        <source>Questions to ask:</source>
        <translation>Vragen die u wilt stellen:</translation>
    </message>
    <message>
        <source>review overdue since %1</source>
        <translation>evaluatie te laat (was %1)</translation>
    </message>
    <message>
        <source>review soon: %1</source>
        <translation>evaluatie binnenkort: %1</translation>
    </message>
    <message>
        <source>review %1</source>
        <translation>evaluatie %1</translation>
    </message>
    <message>
        <source>My goals</source>
        <translation>Mijn doelen</translation>
    </message>
    <message>
        <source>Goals of %1</source>
        <translation>Doelen van %1</translation>
    </message>
    <message>
        <source>No active goals.</source>
        <translation>Geen lopende doelen.</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <source>No diagnoses yet.</source>
        <translation>Nog geen diagnoses.</translation>
    </message>
    <message>
        <source>No known diagnoses.</source>
        <translation>Geen diagnoses bekend.</translation>
    </message>
    <message>
        <source>Not filled in yet (see Diagnoses).</source>
        <translation>Nog niet ingevuld (zie Diagnoses).</translation>
    </message>
    <message>
        <source>Medicines %1 uses now</source>
        <translation>Medicijnen die %1 nu gebruikt</translation>
    </message>
    <message>
        <source>Medicines I use now</source>
        <translation>Medicijnen die ik nu gebruik</translation>
    </message>
    <message>
        <source>No known medicines.</source>
        <translation>Geen medicijnen bekend.</translation>
    </message>
    <message>
        <source>Not filled in yet (see Medicines).</source>
        <translation>Nog niet ingevuld (zie Medicijnen).</translation>
    </message>
    <message>
        <source>No medicines.</source>
        <translation>Geen medicijnen.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Wachtwoord wijzigen</translation>
    </message>
    <message>
        <source>&amp;Show passphrases</source>
        <translation>Wachtwoorden &amp;tonen</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>You opened the record with the recovery code, so Regie does not ask for your current passphrase. Choose a new passphrase. Your recovery code keeps working.</source>
        <translation>U hebt het dossier geopend met de herstelcode. Daarom vraagt Regie niet naar uw huidige wachtwoord. Kies een nieuw wachtwoord. Uw herstelcode blijft werken.</translation>
    </message>
    <message>
        <source>This changes your own passphrase as a carer. The passphrase of the owner and the recovery code stay the same.</source>
        <translation>Hiermee wijzigt u uw eigen wachtwoord als mantelzorger. Het wachtwoord van de eigenaar en de herstelcode blijven hetzelfde.</translation>
    </message>
    <message>
        <source>Type your current passphrase, then choose a new one. Your recovery code keeps working.</source>
        <translation>Typ uw huidige wachtwoord en kies daarna een nieuw wachtwoord. Uw herstelcode blijft werken.</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>&amp;Huidig wachtwoord:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nieuw wachtwoord:</translation>
    </message>
    <message>
        <source>C&amp;hange passphrase</source>
        <translation>Wachtwoord &amp;wijzigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>Type your current passphrase first.</source>
        <translation>Typ eerst uw huidige wachtwoord.</translation>
    </message>
    <message>
        <source>Choose a new passphrase first.</source>
        <translation>Kies eerst een nieuw wachtwoord.</translation>
    </message>
    <message>
        <source>The new passphrase is too easy to guess: %1. Nothing was changed.</source>
        <translation>Het nieuwe wachtwoord is te makkelijk te raden: %1. Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same. Type the new passphrase again in the second field.</source>
        <translation>De twee nieuwe wachtwoorden zijn niet hetzelfde. Typ het nieuwe wachtwoord nog een keer in het tweede vak.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one. Choose a different one.</source>
        <translation>Het nieuwe wachtwoord is hetzelfde als het huidige. Kies een ander wachtwoord.</translation>
    </message>
    <message>
        <source>Checking and saving your new passphrase…</source>
        <translation>Bezig met controleren en opslaan van uw nieuwe wachtwoord…</translation>
    </message>
    <message>
        <source>This is not your current passphrase. Check Caps Lock and try again. Nothing was changed.</source>
        <translation>Dit is niet uw huidige wachtwoord. Controleer Caps Lock en probeer het opnieuw. Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>The new passphrase is too easy to guess. Choose a longer one. Nothing was changed.</source>
        <translation>Het nieuwe wachtwoord is te makkelijk te raden. Kies een langer wachtwoord. Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Your passphrase is changed. Use the new passphrase from now on to open the record; the old one no longer works. Your recovery code keeps working.</source>
        <translation>Uw wachtwoord is gewijzigd. Gebruik vanaf nu het nieuwe wachtwoord om het dossier te openen. Het oude werkt niet meer. Uw herstelcode blijft werken.</translation>
    </message>
</context>
<context>
    <name>Person</name>
    <message>
        <source>Allergies and intolerances</source>
        <translation>Allergieën en overgevoeligheden</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>Stof</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reactie</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risico</translation>
    </message>
    <message>
        <source>New allergy</source>
        <translation>Nieuwe allergie</translation>
    </message>
    <message>
        <source>Change allergy</source>
        <translation>Allergie wijzigen</translation>
    </message>
    <message>
        <source>&amp;Substance:</source>
        <translation>&amp;Stof:</translation>
    </message>
    <message>
        <source>e.g. penicillin, nuts</source>
        <translation>bijv. penicilline, noten</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>S&amp;oort:</translation>
    </message>
    <message>
        <source>&amp;Reaction:</source>
        <translation>&amp;Reactie:</translation>
    </message>
    <message>
        <source>e.g. rash, short of breath</source>
        <translation>bijv. huiduitslag, benauwd</translation>
    </message>
    <message>
        <source>S&amp;everity:</source>
        <translation>&amp;Ernst:</translation>
    </message>
    <message>
        <source>R&amp;isk of a next reaction:</source>
        <translation>Risico bij een &amp;volgende reactie:</translation>
    </message>
    <message>
        <source>As your doctor judged it: can a next reaction be life-threatening?</source>
        <translation>Zoals uw arts het inschatte: kan een volgende reactie levensgevaarlijk zijn?</translation>
    </message>
    <message>
        <source>Kno&amp;wn since:</source>
        <translation>Bekend s&amp;inds:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Notities:</translation>
    </message>
    <message>
        <source>Risk of a next reaction</source>
        <translation>Risico bij een volgende reactie</translation>
    </message>
    <message>
        <source>Known since</source>
        <translation>Bekend sinds</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Language I speak</source>
        <translation>Taal die ik spreek</translation>
    </message>
    <message>
        <source>Change de&amp;tails of %1…</source>
        <translation>Gegevens van %1 wij&amp;zigen…</translation>
    </message>
    <message>
        <source>%1 has &amp;no known allergies</source>
        <translation>%1 heeft &amp;geen bekende allergieën</translation>
    </message>
    <message>
        <source>I have &amp;no known allergies</source>
        <translation>Ik heb &amp;geen bekende allergieën</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>Persoonlijke gegevens</translation>
    </message>
    <message>
        <source>In an emergency</source>
        <translation>In een noodgeval</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geslacht</translation>
    </message>
    <message>
        <source>Record written in</source>
        <translation>Dossier geschreven in</translation>
    </message>
    <message>
        <source>Nothing noted yet. Write here, in your own words, what others must know or do in an emergency, e.g. “stress dose of hydrocortisone needed”.</source>
        <translation>Nog niets ingevuld. Schrijf hier in uw eigen woorden wat anderen moeten weten of doen in een noodgeval, bijv. ‘stressdosis hydrocortison nodig’.</translation>
    </message>
    <message>
        <source>Allergies: not filled in yet. Add them below, or state that %1 has none.</source>
        <translation>Allergieën: nog niet ingevuld. Voeg ze hieronder toe, of geef aan dat %1 er geen heeft.</translation>
    </message>
    <message>
        <source>Details of %1</source>
        <translation>Gegevens van %1</translation>
    </message>
    <message>
        <source>&amp;Language %1 speaks:</source>
        <translation>&amp;Taal die %1 spreekt:</translation>
    </message>
    <message>
        <source>Your own words, printed as you write them. The protocol for doctors (what to give, what to avoid) goes with the diagnosis, on the Diagnoses page.</source>
        <translation>Uw eigen woorden, afgedrukt zoals u ze schrijft. Het protocol voor artsen (wat ze moeten geven en wat ze niet moeten doen) hoort bij de diagnose, op de pagina Diagnoses.</translation>
    </message>
    <message>
        <source>Allergies and intolerances: see the list below.</source>
        <translation>Allergieën en overgevoeligheden: zie de lijst hieronder.</translation>
    </message>
    <message>
        <source>Change my de&amp;tails…</source>
        <translation>&amp;Mijn gegevens wijzigen…</translation>
    </message>
    <message>
        <source>Allergies: no known allergies (stated by you).</source>
        <translation>Allergieën: geen bekende allergieën (zo door u aangegeven).</translation>
    </message>
    <message>
        <source>Allergies: not filled in yet. Add them below, or state that you have none.</source>
        <translation>Allergieën: nog niet ingevuld. Voeg ze hieronder toe, of geef aan dat u er geen hebt.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>&amp;Geboortedatum:</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>Ge&amp;slacht:</translation>
    </message>
    <message>
        <source>e.g. Dutch, Turkish</source>
        <translation>bijv. Nederlands, Turks</translation>
    </message>
    <message>
        <source>&amp;Language I speak:</source>
        <translation>&amp;Taal die ik spreek:</translation>
    </message>
    <message>
        <source>Language I &amp;write this record in:</source>
        <translation>Taal &amp;waarin ik dit dossier schrijf:</translation>
    </message>
    <message>
        <source>(not filled in)</source>
        <translation>(niet ingevuld)</translation>
    </message>
    <message>
        <source>Exports in another language mark your own words with this language.</source>
        <translation>Een export in een andere taal zet bij uw eigen woorden in welke taal u ze schreef.</translation>
    </message>
    <message>
        <source>In an &amp;emergency:</source>
        <translation>In een n&amp;oodgeval:</translation>
    </message>
    <message>
        <source>What others must know or do, e.g. stress dose of hydrocortisone needed</source>
        <translation>Wat anderen moeten weten of doen, bijv. stressdosis hydrocortison nodig</translation>
    </message>
    <message>
        <source>My details</source>
        <translation>Mijn gegevens</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print – %1</source>
        <translation>Afdrukken – %1</translation>
    </message>
    <message>
        <source>Emergency card and emergency letter</source>
        <translation>Noodkaart en noodbrief</translation>
    </message>
    <message>
        <source>Brief for a visit, with your questions</source>
        <translation>Voorbereiding op een afspraak, met uw vragen</translation>
    </message>
    <message>
        <source>Overview of your care</source>
        <translation>Overzicht van uw zorg</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Afdrukken</translation>
    </message>
    <message>
        <source>&amp;What to print:</source>
        <translation>&amp;Wat wilt u afdrukken:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>For the &amp;appointment:</source>
        <translation>Voor de &amp;afspraak:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <source>Making the pages…</source>
        <translation>De pagina&apos;s worden gemaakt…</translation>
    </message>
    <message>
        <source>Regie could not make these pages. Nothing was printed.</source>
        <translation>Regie kon deze pagina&apos;s niet maken. Er is niets afgedrukt.</translation>
    </message>
    <message>
        <source>Regie could not print. Check that the printer is on and connected, then try again.</source>
        <translation>Regie kon niet afdrukken. Kijk of de printer aan staat en aangesloten is. Probeer het daarna opnieuw.</translation>
    </message>
</context>
<context>
    <name>Procedures</name>
    <message>
        <source>&amp;Add operation or procedure…</source>
        <translation>Operatie of ingreep &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Here you keep operations and other treatments in a hospital, and how they went.</source>
        <translation>Hier houdt u operaties en andere behandelingen in het ziekenhuis bij, en hoe ze gingen.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Body part</source>
        <translation>Lichaamsdeel</translation>
    </message>
    <message>
        <source>New operation or procedure</source>
        <translation>Nieuwe operatie of ingreep</translation>
    </message>
    <message>
        <source>Change operation or procedure</source>
        <translation>Operatie of ingreep wijzigen</translation>
    </message>
    <message>
        <source>&amp;What was done:</source>
        <translation>&amp;Wat is er gedaan:</translation>
    </message>
    <message>
        <source>e.g. appendix removed, knee operation, gastroscopy</source>
        <translation>bijv. blindedarm verwijderd, knieoperatie, maagonderzoek</translation>
    </message>
    <message>
        <source>An operation, or another treatment or examination in a hospital.</source>
        <translation>Een operatie, of een andere behandeling of onderzoek in een ziekenhuis.</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>W&amp;here:</source>
        <translation>Waa&amp;r:</translation>
    </message>
    <message>
        <source>e.g. the name of the hospital or clinic, and the town</source>
        <translation>bijv. de naam van het ziekenhuis of de kliniek, en de plaats</translation>
    </message>
    <message>
        <source>&amp;Body part:</source>
        <translation>&amp;Lichaamsdeel:</translation>
    </message>
    <message>
        <source>e.g. left knee</source>
        <translation>bijv. linker knie</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notities:</translation>
    </message>
    <message>
        <source>For example how the anaesthesia went, or what happened after. A doctor who treats you later wants to know.</source>
        <translation>Bijvoorbeeld hoe de narcose ging, of wat er daarna gebeurde. Een arts die u later behandelt, wil dat weten.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Map</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Soort &amp;bestand:</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Voltooien</translation>
    </message>
</context>
<context>
    <name>QuickEntry</name>
    <message>
        <source>Correct a reading</source>
        <translation>Meting verbeteren</translation>
    </message>
    <message>
        <source>New measurement</source>
        <translation>Nieuwe meting</translation>
    </message>
    <message>
        <source>Is this value right?</source>
        <translation>Klopt deze waarde?</translation>
    </message>
    <message>
        <source>%1: %2. This lies far outside the usual values. Is it right?</source>
        <translation>%1: %2. Dit is heel anders dan de gewone waarden. Klopt het?</translation>
    </message>
    <message>
        <source>Not saved yet: please look at the fields marked above.</source>
        <translation>Nog niet opgeslagen: kijk naar de velden hierboven met een melding.</translation>
    </message>
    <message>
        <source>Not saved yet: change the value, or save it as it is.</source>
        <translation>Nog niet opgeslagen: verander de waarde, of sla hem op zoals hij is.</translation>
    </message>
    <message>
        <source>Saved: %1 (%2). Type the next reading.</source>
        <translation>Opgeslagen: %1 (%2). Typ de volgende meting.</translation>
    </message>
    <message>
        <source>This time lies in the future.</source>
        <translation>Deze tijd ligt in de toekomst.</translation>
    </message>
    <message>
        <source>Type a whole number from 0 to 10.</source>
        <translation>Typ een heel getal van 0 tot en met 10.</translation>
    </message>
    <message>
        <source>This reading is already there, with the same time and values.</source>
        <translation>Deze meting staat er al, met dezelfde tijd en waarden.</translation>
    </message>
    <message>
        <source>&amp;Measure:</source>
        <translation>Wat u &amp;meet:</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>S&amp;ituatie:</translation>
    </message>
    <message>
        <source>e.g. after a bad night</source>
        <translation>bijvoorbeeld: na een slechte nacht</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Notitie:</translation>
    </message>
    <message>
        <source>Use &amp;last values</source>
        <translation>&amp;Vorige waarden gebruiken</translation>
    </message>
    <message>
        <source>e.g. 22-11-2026 08:00, or only 8:00 for today</source>
        <translation>bijvoorbeeld 22-11-2026 08:00, of alleen 8:00 voor vandaag</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Tijd:</translation>
    </message>
    <message>
        <source>Enter saves. Ctrl+Enter saves and starts the next reading. In a value field, the Up arrow fills in the last values.</source>
        <translation>Enter slaat op. Ctrl+Enter slaat op en begint de volgende meting. In een veld voor een waarde vult het pijltje omhoog de vorige waarden in.</translation>
    </message>
    <message>
        <source>Save and &amp;next</source>
        <translation>Opslaan en vo&amp;lgende</translation>
    </message>
    <message>
        <source>Save, and type the next reading of a series (Ctrl+Enter)</source>
        <translation>Opslaan, en de volgende meting van een serie intypen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Last time: %1 — %2</source>
        <translation>Vorige keer: %1 — %2</translation>
    </message>
    <message>
        <source>S&amp;ystolic (mmHg):</source>
        <translation>&amp;Bovendruk (mmHg):</translation>
    </message>
    <message>
        <source>&amp;Diastolic (mmHg):</source>
        <translation>On&amp;derdruk (mmHg):</translation>
    </message>
    <message>
        <source>&amp;Pulse (/min):</source>
        <translation>&amp;Hartslag (/min):</translation>
    </message>
    <message>
        <source>&amp;Value (0–10):</source>
        <translation>&amp;Waarde (0–10):</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Waarde:</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
</context>
<context>
    <name>RecordLabelDialog</name>
    <message>
        <source>Label for this record</source>
        <translation>Label voor dit dossier</translation>
    </message>
    <message>
        <source>Record folder: %1</source>
        <translation>Dossiermap: %1</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Only a label for this computer, e.g. &apos;Mum&apos; — it is not encrypted, so do not type health details.</source>
        <translation>Alleen een label voor deze computer, bijvoorbeeld &apos;Mama&apos;. Het label is niet versleuteld: typ hier dus niets over uw gezondheid.</translation>
    </message>
    <message>
        <source>Leave it empty to show the folder name.</source>
        <translation>Laat het leeg om de naam van de map te tonen.</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Label:</translation>
    </message>
</context>
<context>
    <name>RecordPlace</name>
    <message>
        <source>Your sync service made a conflict copy of this record (%1): it was changed on two computers at once. The record is open read-only. Move the copy out of the record folder to change the record again.</source>
        <translation>Uw synchronisatiedienst heeft een conflictkopie van dit dossier gemaakt (%1): het is op twee computers tegelijk veranderd. Het dossier is nu alleen te lezen. Haal de kopie uit de dossiermap om het dossier weer te kunnen veranderen.</translation>
    </message>
    <message>
        <source>This record is read-only (on a CD, a write-protected USB stick, or in a folder you may not change). You can view, check and export it, not change it.</source>
        <translation>Dit dossier is alleen te lezen (op een cd, een beveiligde USB-stick of in een map die u niet mag veranderen). U kunt het bekijken, controleren en exporteren, maar niet veranderen.</translation>
    </message>
    <message>
        <source>This record is in a folder that %1 seems to keep the same on several computers. Opened on two computers at once, a record splits into conflict copies. Safer: keep the record on this computer only, and let Regie put its automatic backups in the synced folder (Settings).</source>
        <translation>Dit dossier staat in een map die %1 op meer computers gelijk lijkt te houden. Wordt het dossier op twee computers tegelijk geopend, dan ontstaan er conflictkopieën. Veiliger: bewaar het dossier alleen op deze computer, en laat Regie de automatische reservekopieën in de gesynchroniseerde map zetten (Instellingen).</translation>
    </message>
    <message>
        <source>Where this record is</source>
        <translation>Waar dit dossier staat</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Forgot your passphrase?</source>
        <translation>Wachtwoord vergeten?</translation>
    </message>
    <message>
        <source>Type the recovery code from your recovery sheet and choose a new passphrase. Capitals, spaces and dashes in the code do not matter.</source>
        <translation>Typ de herstelcode van uw herstelblad en kies een nieuw wachtwoord. Hoofdletters, spaties en streepjes in de code maken niet uit.</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Dossier:</translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation>&amp;Herstelcode:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nieuwe wachtwoord:</translation>
    </message>
    <message>
        <source>&amp;Open with the new passphrase</source>
        <translation>&amp;Openen met het nieuwe wachtwoord</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&amp;Go to my record</source>
        <translation>&amp;Ga naar mijn dossier</translation>
    </message>
    <message>
        <source>Type your recovery code first.</source>
        <translation>Typ eerst uw herstelcode.</translation>
    </message>
    <message>
        <source>Choose a new passphrase first.</source>
        <translation>Kies eerst een nieuw wachtwoord.</translation>
    </message>
    <message>
        <source>The new passphrase is too easy to guess: %1. Nothing was changed.</source>
        <translation>Het nieuwe wachtwoord is te makkelijk te raden: %1. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type the new passphrase again in the second field.</source>
        <translation>De twee wachtwoorden zijn niet gelijk. Typ het nieuwe wachtwoord nog een keer in het tweede vak.</translation>
    </message>
    <message>
        <source>The recovery code has a typing error: you typed %1 characters, a recovery code has %2. Check every character.</source>
        <translation>Er zit een typfout in de herstelcode. U hebt %1 tekens getypt, maar een herstelcode heeft er %2. Controleer elk teken.</translation>
    </message>
    <message>
        <source>The recovery code has a typing error. Check every character. The code never uses 0, O, 1, I or L.</source>
        <translation>Er zit een typfout in de herstelcode. Controleer elk teken. In een herstelcode staan nooit 0, O, 1, I of L.</translation>
    </message>
    <message>
        <source>Checking the code and saving your new passphrase…</source>
        <translation>De code wordt gecontroleerd en uw nieuwe wachtwoord wordt bewaard…</translation>
    </message>
    <message>
        <source>This recovery code does not open this record. Is it the code of another record? Nothing was changed.</source>
        <translation>Met deze herstelcode gaat dit dossier niet open. Is het misschien de code van een ander dossier? Er is niets veranderd.</translation>
    </message>
    <message>
        <source>The new passphrase is too easy to guess: do not build it from the name. Nothing was changed.</source>
        <translation>Het nieuwe wachtwoord is te makkelijk te raden: maak het niet van de naam. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Your new passphrase is set. Use it from now on to open your record.

Your recovery code keeps working: it is still your way back if you forget your passphrase again. Keep the recovery sheet on paper, in a safe place.</source>
        <translation>Uw nieuwe wachtwoord is ingesteld. Gebruik het vanaf nu om uw dossier te openen.

Uw herstelcode blijft werken. Vergeet u uw wachtwoord weer? Dan komt u met de herstelcode opnieuw in uw dossier. Bewaar het herstelblad op papier, op een veilige plek.</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <source>Print this sheet and keep it on paper. If you save it as a file, do not keep that file on this computer: anyone who has it can open your record.</source>
        <translation>Druk dit blad af en bewaar het op papier. Slaat u het op als bestand? Bewaar dat bestand dan niet op deze computer: iedereen die het heeft, kan uw dossier openen.</translation>
    </message>
    <message>
        <source>Recovery sheet</source>
        <translation>Herstelblad</translation>
    </message>
    <message>
        <source>recovery-sheet.pdf</source>
        <translation>herstelblad.pdf</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Herstelblad opslaan</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Not next to the record: whoever finds the record would find its key too. Choose another place, such as a USB stick you keep elsewhere.</source>
        <translation>Niet naast het dossier: wie het dossier vindt, vindt dan ook de sleutel. Kies een andere plek, zoals een USB-stick die u ergens anders bewaart.</translation>
    </message>
    <message>
        <source>Saved as %1. Print it, then keep the paper safe and the file away from this computer.</source>
        <translation>Opgeslagen als %1. Druk het af. Bewaar het papier op een veilige plek en het bestand niet op deze computer.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Allergies</source>
        <translation>Allergieën</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Doelen</translation>
    </message>
    <message>
        <source>Evaluations of goals</source>
        <translation>Evaluaties van doelen</translation>
    </message>
    <message>
        <source>Diary and notes</source>
        <translation>Dagboek en notities</translation>
    </message>
    <message>
        <source>The record in this folder does not open with the same passphrase or code, so Regie cannot make a backup of it first. Nothing was changed. Restore into a new folder instead.</source>
        <translation>Het dossier in deze map gaat niet open met hetzelfde wachtwoord of dezelfde code. Daarom kan Regie er eerst geen reservekopie van maken. Er is niets veranderd. Zet de reservekopie terug in een nieuwe map.</translation>
    </message>
    <message>
        <source>This passphrase or recovery code does not open this backup. Check Caps Lock and try again. Nothing was changed.</source>
        <translation>Met dit wachtwoord of deze herstelcode gaat deze reservekopie niet open. Kijk of Caps Lock aan staat en probeer het opnieuw. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>This backup was made with a newer version of Regie. Update Regie to restore it. Nothing was changed.</source>
        <translation>Deze reservekopie is gemaakt met een nieuwere versie van Regie. Werk Regie bij om hem terug te zetten. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>This file is not a Regie backup, or it is damaged. Nothing was changed. Try another backup.</source>
        <translation>Dit bestand is geen reservekopie van Regie, of het is beschadigd. Er is niets veranderd. Probeer een andere reservekopie.</translation>
    </message>
    <message>
        <source>This folder holds other files. Choose a new, empty folder, or the folder of a record to replace. Nothing was changed.</source>
        <translation>In deze map staan andere bestanden. Kies een nieuwe, lege map, of de map van een dossier dat u wilt vervangen. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>restored record</source>
        <translation>teruggezet dossier</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Reservekopie terugzetten</translation>
    </message>
    <message>
        <source>Choose a backup file and the folder where the record should go. Regie first checks the backup and shows what is in it; nothing changes before you choose Restore.</source>
        <translation>Kies het bestand met de reservekopie en de map waar het dossier moet komen. Regie controleert eerst de reservekopie en laat zien wat erin staat. Er verandert niets voordat u op Terugzetten klikt.</translation>
    </message>
    <message>
        <source>&amp;Backup file:</source>
        <translation>&amp;Bestand met reservekopie:</translation>
    </message>
    <message>
        <source>Restore &amp;to folder:</source>
        <translation>Terugzetten in &amp;map:</translation>
    </message>
    <message>
        <source>Open it with:</source>
        <translation>Openen met:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>&amp;Passphrase (yours or a carer&apos;s)</source>
        <translation>&amp;Wachtwoord (van u of van een mantelzorger)</translation>
    </message>
    <message>
        <source>Recovery &amp;code</source>
        <translation>&amp;Herstelcode</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>&amp;Yes, replace the record in this folder</source>
        <translation>&amp;Ja, vervang het dossier in deze map</translation>
    </message>
    <message>
        <source>C&amp;heck the backup</source>
        <translation>Reservekopie c&amp;ontroleren</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Terugzetten</translation>
    </message>
    <message>
        <source>Recovery co&amp;de:</source>
        <translation>Herstel&amp;code:</translation>
    </message>
    <message>
        <source>Pa&amp;ssphrase:</source>
        <translation>Wa&amp;chtwoord:</translation>
    </message>
    <message>
        <source>Choose the backup</source>
        <translation>Kies de reservekopie</translation>
    </message>
    <message>
        <source>Regie backups (*.regiebackup)</source>
        <translation>Reservekopieën van Regie (*.regiebackup)</translation>
    </message>
    <message>
        <source>Where should the record go?</source>
        <translation>Waar moet het dossier komen?</translation>
    </message>
    <message>
        <source>Choose the backup file first.</source>
        <translation>Kies eerst het bestand met de reservekopie.</translation>
    </message>
    <message>
        <source>There is no file with this name. Choose the backup file again.</source>
        <translation>Er is geen bestand met deze naam. Kies het bestand met de reservekopie opnieuw.</translation>
    </message>
    <message>
        <source>Choose the folder where the record should go.</source>
        <translation>Kies de map waar het dossier moet komen.</translation>
    </message>
    <message>
        <source>This folder holds other files. Choose a new, empty folder, or the folder of a record to replace.</source>
        <translation>In deze map staan andere bestanden. Kies een nieuwe, lege map, of de map van een dossier dat u wilt vervangen.</translation>
    </message>
    <message>
        <source>Type the passphrase or the recovery code first.</source>
        <translation>Typ eerst het wachtwoord of de herstelcode.</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>De reservekopie wordt gecontroleerd…</translation>
    </message>
    <message>
        <source>The backup of %1 is whole and opens with what you typed. It holds:</source>
        <translation>De reservekopie van %1 is in orde en gaat open met wat u hebt getypt. Erin staan:</translation>
    </message>
    <message>
        <source>The folder %1 already holds a record. Restoring replaces that record with this backup. Regie first makes a backup of the current record, beside the folder.</source>
        <translation>In de map %1 staat al een dossier. Bij terugzetten wordt dat dossier vervangen door deze reservekopie. Regie maakt eerst een reservekopie van het huidige dossier, naast de map.</translation>
    </message>
    <message>
        <source>Tick the box first to say that the current record may be replaced.</source>
        <translation>Zet eerst een vinkje om te laten weten dat het huidige dossier vervangen mag worden.</translation>
    </message>
    <message>
        <source>Restoring the record…</source>
        <translation>Het dossier wordt teruggezet…</translation>
    </message>
    <message>
        <source>The record is restored in the folder %1. Unlock it with the passphrase or the recovery code of the backup.</source>
        <translation>Het dossier is teruggezet in de map %1. Open het met het wachtwoord of de herstelcode van de reservekopie.</translation>
    </message>
    <message>
        <source>The record that was there is kept as the backup %1.</source>
        <translation>Het dossier dat er stond, is bewaard als reservekopie %1.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>Normal range: %1</source>
        <translation>Normaalwaarde: %1</translation>
    </message>
    <message>
        <source>Results of %1: %2.</source>
        <translation>Uitslagen van %1: %2.</translation>
    </message>
    <message>
        <source>The lab gave no normal range.</source>
        <translation>Het lab gaf geen normaalwaarde.</translation>
    </message>
    <message>
        <source>The lab&apos;s normal range changed over time: the band shows the latest. The table gives the range of each result.</source>
        <translation>De normaalwaarde van het lab is in de loop van de tijd veranderd: de band toont de laatste. In de tabel staat de normaalwaarde van elke uitslag.</translation>
    </message>
    <message>
        <source>Chart of %1</source>
        <translation>Grafiek van %1</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Uitslagen</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Uitslagen van het lab</translation>
    </message>
    <message>
        <source>All results of the chosen measurement</source>
        <translation>Alle uitslagen van de gekozen meting</translation>
    </message>
    <message>
        <source>What was measured</source>
        <translation>Wat is gemeten</translation>
    </message>
    <message>
        <source>Latest value</source>
        <translation>Laatste waarde</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Normal range</source>
        <translation>Normaalwaarde</translation>
    </message>
    <message>
        <source>Compared with normal</source>
        <translation>Vergeleken met normaal</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Normal?</source>
        <translation>Normaal?</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>hoogstens %1</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>minstens %1</translation>
    </message>
    <message>
        <source>The normal range is what the lab gives as usual for most people. A value outside it is not always a problem: ask your doctor what it means for you.</source>
        <translation>De normaalwaarde is wat het lab gewoon vindt voor de meeste mensen. Een waarde daarbuiten is niet altijd een probleem: vraag uw arts wat het voor u betekent.</translation>
    </message>
    <message>
        <source>Here you see lab results with the lab&apos;s normal range, read from a health summary (FHIR file) from a hospital or GP.</source>
        <translation>Hier ziet u uitslagen van het lab met de normaalwaarde, uit een gezondheidsoverzicht (FHIR-bestand) van een ziekenhuis of huisarts.</translation>
    </message>
    <message>
        <source>Results come from a FHIR file that you import, for example from your hospital or GP. Choose a line to see all its results.</source>
        <translation>Uitslagen komen uit een gezondheidsoverzicht (FHIR-bestand) dat u importeert, bijvoorbeeld van uw ziekenhuis of huisarts. Kies een regel om alle uitslagen ervan te zien.</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Found in</source>
        <translation>Gevonden in</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <source>Found for “%1”: %2. Press Enter to open one.</source>
        <translation>Gevonden voor “%1”: %2. Druk op Enter om er een te openen.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Niets gevonden voor “%1”.</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Toevoegen…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>“%1” deleted.</source>
        <translation>“%1” verwijderd.</translation>
    </message>
    <message>
        <source>Entries that pointed to it: %1. They lose that link when you lock Regie, unless you undo now.</source>
        <translation>Onderdelen die ernaar verwezen: %1. Die verwijzing verdwijnt als u Regie vergrendelt, tenzij u het nu ongedaan maakt.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The language of this computer</source>
        <translation>De taal van deze computer</translation>
    </message>
    <message>
        <source>Nederlands</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>%1% (normal)</source>
        <translation>%1% (normaal)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>1 minute without use</source>
        <translation>1 minuut niet gebruikt</translation>
    </message>
    <message>
        <source>%1 minutes without use</source>
        <translation>%1 minuten niet gebruikt</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <source>A new language is used after you restart Regie.</source>
        <translation>Een nieuwe taal wordt gebruikt nadat u Regie opnieuw hebt gestart.</translation>
    </message>
    <message>
        <source>In the window of a record: Ctrl++ for larger text, Ctrl+- for smaller (View menu).</source>
        <translation>In het venster van een dossier: Ctrl++ voor grotere tekst, Ctrl+- voor kleinere (menu Beeld).</translation>
    </message>
    <message>
        <source>The open record locks itself after this time without use, so nobody else can read it at an unattended computer. What you were typing is kept.</source>
        <translation>Het open dossier vergrendelt zichzelf als het zo lang niet gebruikt is. Zo kan niemand anders het lezen als u niet bij de computer bent. Wat u aan het typen was, blijft bewaard.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>Letter&amp;grootte:</translation>
    </message>
    <message>
        <source>Lock the record &amp;after:</source>
        <translation>Dossier vergrendelen &amp;na:</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Automatische reservekopieën</translation>
    </message>
    <message>
        <source>Make automatic &amp;backups</source>
        <translation>Automatisch &amp;reservekopieën maken</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Kiezen…</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Kies de map voor reservekopieën</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Map:</translation>
    </message>
    <message>
        <source>Number to &amp;keep:</source>
        <translation>Aantal &amp;bewaren:</translation>
    </message>
    <message>
        <source>Where should backups go?</source>
        <translation>Waar moeten de reservekopieën komen?</translation>
    </message>
    <message>
        <source>Backups go to %1, one file per backup (regie-….regiebackup); the newest %2 of every record are kept. A backup opens only with a passphrase or the recovery code of its record. Best is a USB stick or a synchronised folder: a backup on the same disk is lost with that disk.</source>
        <translation>Reservekopieën komen in %1, één bestand per reservekopie (regie-….regiebackup). Van elk dossier blijven de nieuwste %2 bewaard. Een reservekopie gaat alleen open met een wachtwoord of de herstelcode van het dossier. Het beste is een USB-stick of een map die wordt gesynchroniseerd: een reservekopie op dezelfde schijf gaat samen met die schijf verloren.</translation>
    </message>
    <message>
        <source>No automatic backups are made. If this computer breaks or is lost, the record can be lost with it.</source>
        <translation>Er worden geen automatische reservekopieën gemaakt. Als deze computer kapotgaat of kwijtraakt, kan het dossier ook verloren gaan.</translation>
    </message>
    <message>
        <source>Backups cannot go inside a record folder. Choose another folder, such as a USB stick.</source>
        <translation>Reservekopieën kunnen niet in de map van een dossier. Kies een andere map, bijvoorbeeld op een USB-stick.</translation>
    </message>
    <message>
        <source>Regie may not write in this folder. Choose another folder.</source>
        <translation>Regie mag niet schrijven in deze map. Kies een andere map.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Beveiliging</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>&amp;Wachtwoord wijzigen…</translation>
    </message>
    <message>
        <source>Make a new &amp;recovery code…</source>
        <translation>Nieuwe &amp;herstelcode maken…</translation>
    </message>
    <message>
        <source>Regie never stores the recovery code, so a recovery sheet can only be printed right after making a new code. Lost your sheet? Make a new code: the old one then stops working.</source>
        <translation>Regie bewaart de herstelcode nooit. Daarom kunt u een herstelblad alleen afdrukken direct nadat u een nieuwe code hebt gemaakt. Herstelblad kwijt? Maak een nieuwe code: de oude werkt dan niet meer.</translation>
    </message>
    <message>
        <source>Only the owner of the record can make a new recovery code.</source>
        <translation>Alleen de eigenaar van het dossier kan een nieuwe herstelcode maken.</translation>
    </message>
    <message>
        <source>These changes take effect at once, in a window of their own.</source>
        <translation>Deze wijzigingen doet u in een eigen venster. Ze gelden meteen.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <source>Next or previous field, list or button</source>
        <translation>Volgend of vorig veld, lijst of knop</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pijltjestoetsen</translation>
    </message>
    <message>
        <source>Move within a list, table or choice</source>
        <translation>Door een lijst, tabel of keuze gaan</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+onderstreepte letter</translation>
    </message>
    <message>
        <source>The button, field or menu with that letter underlined</source>
        <translation>De knop, het veld of het menu waarin die letter onderstreept is</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the chosen entry, or press the main button</source>
        <translation>Het gekozen onderdeel openen, of op de hoofdknop drukken</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Save the form, also from a text of several lines</source>
        <translation>Het formulier opslaan, ook vanuit een tekst van meer regels</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Close the window or dialog without saving</source>
        <translation>Het venster sluiten zonder op te slaan</translation>
    </message>
    <message>
        <source>Add an entry on this page</source>
        <translation>Iets toevoegen op deze pagina</translation>
    </message>
    <message>
        <source>Delete the chosen entry</source>
        <translation>Het gekozen onderdeel verwijderen</translation>
    </message>
    <message>
        <source>Bring back what was just deleted</source>
        <translation>Terugzetten wat u net hebt verwijderd</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Everything in Regie can be done with the keyboard. These keys work in the window of an open record:</source>
        <translation>Alles in Regie kan met het toetsenbord. Deze toetsen werken in het venster van een open dossier:</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Wat ze doen</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>sample</source>
        <translation>voorbeeld</translation>
    </message>
    <message>
        <source>Regie</source>
        <translation>Regie</translation>
    </message>
    <message>
        <source>&amp;Records on this computer</source>
        <translation>&amp;Dossiers op deze computer</translation>
    </message>
    <message>
        <source>Records on this computer</source>
        <translation>Dossiers op deze computer</translation>
    </message>
    <message>
        <source>There is no record on this computer yet. How would you like to begin?</source>
        <translation>Er staat nog geen dossier op deze computer. Hoe wilt u beginnen?</translation>
    </message>
    <message>
        <source>First look around in a sample record</source>
        <translation>Eerst rondkijken in een voorbeelddossier</translation>
    </message>
    <message>
        <source>Do you already have a record folder, for example on a USB stick? Choose Open record folder.</source>
        <translation>Hebt u al een dossiermap, bijvoorbeeld op een USB-stick? Kies dan Dossiermap openen.</translation>
    </message>
    <message>
        <source>&amp;New record…</source>
        <translation>&amp;Nieuw dossier…</translation>
    </message>
    <message>
        <source>&amp;Open record folder…</source>
        <translation>Dossier&amp;map openen…</translation>
    </message>
    <message>
        <source>Regie cannot find this record folder. If it is on a USB stick or another disk, connect it and choose the record again.</source>
        <translation>Regie kan deze dossiermap niet vinden. Staat de map op een USB-stick of een andere schijf? Sluit die aan en kies het dossier opnieuw.</translation>
    </message>
    <message>
        <source>The record itself stays where it is.</source>
        <translation>Het dossier zelf blijft staan waar het staat.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Regie&lt;/h2&gt;&lt;p&gt;Your own health record, safe on this computer.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Regie&lt;/h2&gt;&lt;p&gt;Uw eigen gezondheidsdossier, veilig op deze computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Make a new record…</source>
        <translation>Een nieuw dossier maken…</translation>
    </message>
    <message>
        <source>Explore the &amp;sample record</source>
        <translation>Bekijk het &amp;voorbeelddossier</translation>
    </message>
    <message>
        <source>A record of an invented person, to look around in Regie without typing anything.</source>
        <translation>Een dossier van een verzonnen persoon. Zo kijkt u rond in Regie zonder iets te typen.</translation>
    </message>
    <message>
        <source>Restore a &amp;backup…</source>
        <translation>Reservekopie &amp;terugzetten…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <source>Rename &amp;label…</source>
        <translation>&amp;Label wijzigen…</translation>
    </message>
    <message>
        <source>Give the chosen record a label of your own, e.g. &apos;Mum&apos; (F2).</source>
        <translation>Geef het gekozen dossier een eigen label, bijvoorbeeld &apos;Mama&apos; (F2).</translation>
    </message>
    <message>
        <source>Re&amp;move from list</source>
        <translation>Uit de lijst &amp;halen</translation>
    </message>
    <message>
        <source>%1 — not found</source>
        <translation>%1 — niet gevonden</translation>
    </message>
    <message>
        <source>Open a record folder</source>
        <translation>Een dossiermap openen</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Diagnoses and allergies</source>
        <translation>Diagnoses en allergieën</translation>
    </message>
    <message>
        <source>Goals and evaluations</source>
        <translation>Doelen en evaluaties</translation>
    </message>
    <message>
        <source>Vaccinations and operations</source>
        <translation>Vaccinaties en operaties</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Toon:</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <source>Press Enter or double-click to open an entry.</source>
        <translation>Druk op Enter of dubbelklik om een onderdeel te openen.</translation>
    </message>
    <message>
        <source>Here everything in the record appears in order of date, once something is in it.</source>
        <translation>Hier staat alles uit het dossier op volgorde van datum, zodra er iets in staat.</translation>
    </message>
    <message>
        <source>&amp;Go to the overview</source>
        <translation>&amp;Naar het overzicht</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <source>Unlock</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Bezig met openen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Dossier:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>&amp;Forgot your passphrase?</source>
        <translation>Wachtwoord ver&amp;geten?</translation>
    </message>
    <message>
        <source>Open the record with its recovery code and choose a new passphrase.</source>
        <translation>Open het dossier met de herstelcode en kies een nieuw wachtwoord.</translation>
    </message>
    <message>
        <source>No record chosen.</source>
        <translation>Geen dossier gekozen.</translation>
    </message>
    <message>
        <source>This is the sample record of an invented person. Its passphrase is: %1</source>
        <translation>Dit is het voorbeelddossier van een verzonnen persoon. Het wachtwoord is: %1</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Typ eerst uw wachtwoord.</translation>
    </message>
    <message>
        <source>Making the sample record…</source>
        <translation>Het voorbeelddossier wordt gemaakt…</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Bezig met openen…</translation>
    </message>
</context>
<context>
    <name>Vaccinations</name>
    <message>
        <source>&amp;Add vaccination…</source>
        <translation>Vaccinatie &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Here you keep the vaccinations: which vaccine, when, and against what.</source>
        <translation>Hier houdt u de vaccinaties bij: welk vaccin, wanneer en waartegen.</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Vaccin</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>Tegen</translation>
    </message>
    <message>
        <source>New vaccination</source>
        <translation>Nieuwe vaccinatie</translation>
    </message>
    <message>
        <source>Change vaccination</source>
        <translation>Vaccinatie wijzigen</translation>
    </message>
    <message>
        <source>&amp;Vaccine:</source>
        <translation>&amp;Vaccin:</translation>
    </message>
    <message>
        <source>e.g. flu vaccine, COVID-19 (Comirnaty), DTP</source>
        <translation>bijv. griepprik, COVID-19 (Comirnaty), DKTP</translation>
    </message>
    <message>
        <source>Given &amp;on:</source>
        <translation>Gegeven &amp;op:</translation>
    </message>
    <message>
        <source>Dose n&amp;umber:</source>
        <translation>&amp;Dosisnummer:</translation>
    </message>
    <message>
        <source>(not filled in)</source>
        <translation>(niet ingevuld)</translation>
    </message>
    <message>
        <source>Some vaccines are given more than once. 1 is the first time, 2 the second time. Leave it empty if you do not know.</source>
        <translation>Sommige vaccins krijgt u vaker dan één keer. 1 is de eerste keer, 2 de tweede keer. Weet u het niet? Laat het dan leeg.</translation>
    </message>
    <message>
        <source>&amp;Against:</source>
        <translation>&amp;Tegen:</translation>
    </message>
    <message>
        <source>e.g. measles, mumps and rubella</source>
        <translation>bijv. bof, mazelen en rodehond</translation>
    </message>
    <message>
        <source>The illness the vaccine protects you against.</source>
        <translation>De ziekte waartegen het vaccin u beschermt.</translation>
    </message>
    <message>
        <source>Given &amp;by:</source>
        <translation>Gegeven doo&amp;r:</translation>
    </message>
    <message>
        <source>e.g. the GP, the municipal health service (GGD), the hospital</source>
        <translation>bijv. de huisarts, de GGD, het ziekenhuis</translation>
    </message>
    <message>
        <source>Ba&amp;tch number:</source>
        <translation>&amp;Batchnummer:</translation>
    </message>
    <message>
        <source>e.g. FK1234</source>
        <translation>bijv. FK1234</translation>
    </message>
    <message>
        <source>It is on your vaccination card or in your vaccination booklet. Not there? Leave it empty.</source>
        <translation>Dit staat op uw vaccinatiebewijs of in uw vaccinatieboekje. Staat het er niet? Laat het dan leeg.</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notities:</translation>
    </message>
    <message>
        <source>e.g. a sore arm for two days</source>
        <translation>bijv. twee dagen een pijnlijke arm</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Gegeven op</translation>
    </message>
    <message>
        <source>Dose number</source>
        <translation>Dosisnummer</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Gegeven door</translation>
    </message>
    <message>
        <source>Batch number</source>
        <translation>Batchnummer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
</context>
<context>
    <name>Whose</name>
    <message>
        <source>this person</source>
        <translation>deze persoon</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Over %1</translation>
    </message>
    <message>
        <source>Working as: %1 (%2)</source>
        <translation>U werkt als: %1 (%2)</translation>
    </message>
    <message>
        <source>Who is working</source>
        <translation>Wie er werkt</translation>
    </message>
    <message>
        <source>This is a sample record with invented data.</source>
        <translation>Dit is een voorbeelddossier met verzonnen gegevens.</translation>
    </message>
</context>
</TS>
