# Texte, die Kern und Fenster selbst schreiben: Exportspalten und Dateinamen,
# Benachrichtigungen. Jede ID hier muss auch in en.ftl stehen (ein Test prüft es).

## Dateinamen von Exporten („<Mandant> – <was> – <Datum>.csv“)
export-file-processing-activities = Verarbeitungen
export-file-areas = Bereiche
export-file-companies = Firmen
export-file-master-data = Stammdaten
export-file-tenants = Mandanten

## Dateinamen der CSV-Dateien aus einer Sicherung
backup-csv-processing-activities = Verarbeitungen
backup-csv-companies = Firmen
backup-csv-areas = Bereiche

## Der erste Bereich einer Firma, mit ihr angelegt
company-first-area = Allgemein

## Spalten des Exports der Verarbeitungen
column-activity-id = ID
column-activity-name = Bezeichnung
column-activity-company = Firma
column-activity-area = Bereich
column-activity-status = Status
column-activity-role = Rolle
column-activity-responsible = Verantwortlich
column-activity-editor = Bearbeiter
column-activity-purposes = Zwecke
column-activity-business-process = Geschäftsprozess
column-activity-applications = Anwendungen
column-activity-data-categories = Datenkategorien
column-activity-person-groups = Personengruppen
column-activity-legal-bases = Rechtsgrundlagen
column-activity-retention-periods = Löschfristen
column-activity-recipients = Empfänger
column-activity-processors = Auftragsverarbeiter
column-activity-third-countries = Drittländer (Garantie)
column-activity-dpia = DSFA
column-activity-next-review = Nächste Prüfung
column-activity-last-review = Letzte Prüfung
column-activity-notes = Notizen

## Spalten des Stammdaten-Exports
column-master-id = ID
column-master-name = Name
column-master-description = Beschreibung
column-master-code = Kennung
column-master-special-category = Besondere Kategorie
column-master-category = Art
column-master-date = Datum
column-master-email = E-Mail
column-master-phone = Telefon
column-master-usage = Verwendet in

## Spalten des Firmen-Exports
column-company-id = ID
column-company-name = Name
column-company-legal-form = Rechtsform
column-company-street = Straße
column-company-postal-code = PLZ
column-company-city = Ort
column-company-country = Land
column-company-register-court = Registergericht
column-company-register-number = Registernummer
column-company-vat-id = USt-IdNr.
column-company-phone = Telefon
column-company-email = E-Mail
column-company-website = Website
column-company-controller = Verantwortlicher
column-company-processor = Auftragsverarbeiter
column-company-managing-directors = Geschäftsführer
column-company-dpo-required = DSB erforderlich
column-company-dpo = DSB

## Spalten des Bereichs-Exports
column-area-id = ID
column-area-name = Bereich
column-area-company = Firma
column-area-description = Beschreibung
column-area-activities = Verarbeitungen

## Spalten der Mandantenliste
column-tenant-id = ID
column-tenant-name = Mandant
column-tenant-template = Vorlage
column-tenant-archived = Archiviert am
column-tenant-created = Angelegt am
column-tenant-companies = Firmen
column-tenant-activities = Verarbeitungen

## Native Benachrichtigungen des Fensters
notification-automatic-backup-failed-title = DPO Desk: automatische Sicherung fehlgeschlagen
notification-automatic-backup-failed-body = Die tägliche Sicherung konnte nicht geschrieben werden: { $reason }. Ist das Ziel erreichbar und beschreibbar?

export-file-toms = TOMs
backup-csv-toms = TOMs
column-tom-id = ID
column-tom-protection-type = Schutzart
column-tom-title = Maßnahme
column-tom-kind = Art
column-tom-status = Status
column-tom-companies = Gültig für Firmen
column-tom-description = Beschreibung
column-tom-implementation = Umsetzung im Unternehmen
column-tom-art32 = Art. 32 DSGVO
column-tom-sdm = SDM-Gewährleistungsziele
column-tom-editor = Bearbeiter
column-tom-next-review = Nächste Überprüfung
column-tom-last-review = Letzte Überprüfung
column-tom-last-result = Ergebnis der letzten Überprüfung
protection-type-physical_access = Zutrittskontrolle
protection-type-system_access = Zugangskontrolle
protection-type-data_access = Zugriffskontrolle
protection-type-transfer = Weitergabekontrolle
protection-type-input = Eingabekontrolle
protection-type-processor = Auftragskontrolle
protection-type-availability = Verfügbarkeitskontrolle
protection-type-separation = Trennungsgebot
tom-kind-technical = technisch
tom-kind-organisational = organisatorisch
tom-status-in_review = In Prüfung
tom-status-active = Aktiv
tom-status-inactive = Inaktiv
sdm-goal-data_minimisation = Datenminimierung
sdm-goal-availability = Verfügbarkeit
sdm-goal-integrity = Integrität
sdm-goal-confidentiality = Vertraulichkeit
sdm-goal-unlinkability = Nichtverkettung
sdm-goal-transparency = Transparenz
sdm-goal-intervenability = Intervenierbarkeit

export-file-dpias = DSFA
backup-csv-dpias = DSFA
column-dpia-id = ID
column-dpia-activity = Verarbeitung
column-dpia-version = Version
column-dpia-status = Status
column-dpia-sections = Abschnitte insgesamt
column-dpia-progress = Abschnitte erledigt
column-dpia-risks = Risiken
column-dpia-highest = Höchstes Risiko vor Maßnahmen
column-dpia-highest-residual = Höchstes Restrisiko
column-dpia-validator = Freigegeben von
column-dpia-validated = Entschieden am
column-dpia-review = Nächste Überprüfung
risk-level-low = geringes Risiko
risk-level-risk = Risiko
risk-level-high = hohes Risiko
dpia-status-in_progress = in Bearbeitung
dpia-status-validated = freigegeben
dpia-status-refused = abgelehnt
cnil-folded-risk = Weitere Bedrohung aus DPO Desk
tenant-copy-name = { $name } (Kopie)
