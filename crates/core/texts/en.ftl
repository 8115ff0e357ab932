# Text the core and the shell write themselves: export headers and file names,
# notifications. Every id here must also be in de.ftl (a test checks).

## File names of exports ("<tenant> – <what> – <date>.csv")
export-file-processing-activities = processing-activities
export-file-areas = areas
export-file-companies = companies
export-file-master-data = master-data
export-file-tenants = tenants

## File names of the CSV files written from a backup
backup-csv-processing-activities = processing activities
backup-csv-companies = companies
backup-csv-areas = areas

## A company's first area, made with the company
company-first-area = General

## Columns of the processing activity export
column-activity-id = ID
column-activity-name = Name
column-activity-company = Company
column-activity-area = Area
column-activity-status = Status
column-activity-role = Role
column-activity-responsible = Responsible
column-activity-editor = Editor
column-activity-purposes = Purposes
column-activity-business-process = Business process
column-activity-applications = Applications
column-activity-data-categories = Data categories
column-activity-person-groups = Person groups
column-activity-legal-bases = Legal bases
column-activity-retention-periods = Retention periods
column-activity-recipients = Recipients
column-activity-processors = Processors
column-activity-third-countries = Third countries (safeguard)
column-activity-dpia = DPIA
column-activity-next-review = Next review
column-activity-last-review = Last review
column-activity-notes = Notes

## Columns of the master data export
column-master-id = ID
column-master-name = Name
column-master-description = Description
column-master-code = Code
column-master-special-category = Special category
column-master-category = Type
column-master-date = Date
column-master-email = E-mail
column-master-phone = Phone
column-master-usage = Used by

## Columns of the company export
column-company-id = ID
column-company-name = Name
column-company-legal-form = Legal form
column-company-street = Street
column-company-postal-code = Postal code
column-company-city = City
column-company-country = Country
column-company-register-court = Register court
column-company-register-number = Register number
column-company-vat-id = VAT ID
column-company-phone = Phone
column-company-email = E-mail
column-company-website = Website
column-company-controller = Controller
column-company-processor = Processor
column-company-managing-directors = Managing directors
column-company-dpo-required = DPO required
column-company-dpo = DPO

## Columns of the area export
column-area-id = ID
column-area-name = Area
column-area-company = Company
column-area-description = Description
column-area-activities = Processing activities

## Columns of the tenant list export
column-tenant-id = ID
column-tenant-name = Tenant
column-tenant-template = Template
column-tenant-archived = Archived on
column-tenant-created = Created on
column-tenant-companies = Companies
column-tenant-activities = Processing activities

## Native notifications of the window
notification-automatic-backup-failed-title = DPO Desk: automatic backup failed
notification-automatic-backup-failed-body = The daily backup could not be written: { $reason }. Is the folder there and writable?

export-file-toms = toms
backup-csv-toms = TOMs
column-tom-id = ID
column-tom-protection-type = Protection type
column-tom-title = Measure
column-tom-kind = Kind
column-tom-status = Status
column-tom-companies = Valid for companies
column-tom-description = Description
column-tom-implementation = How it is done here
column-tom-art32 = Art. 32 GDPR
column-tom-sdm = SDM protection goals
column-tom-editor = Editor
column-tom-next-review = Next review
column-tom-last-review = Last review
column-tom-last-result = Result of the last review
protection-type-physical_access = Physical access control
protection-type-system_access = System access control
protection-type-data_access = Data access control
protection-type-transfer = Transfer control
protection-type-input = Input control
protection-type-processor = Job (processor) control
protection-type-availability = Availability control
protection-type-separation = Separation
tom-kind-technical = technical
tom-kind-organisational = organisational
tom-status-in_review = In review
tom-status-active = Active
tom-status-inactive = Inactive
sdm-goal-data_minimisation = Data minimisation
sdm-goal-availability = Availability
sdm-goal-integrity = Integrity
sdm-goal-confidentiality = Confidentiality
sdm-goal-unlinkability = Unlinkability
sdm-goal-transparency = Transparency
sdm-goal-intervenability = Intervenability

export-file-dpias = dpias
backup-csv-dpias = DPIAs
column-dpia-id = ID
column-dpia-activity = Processing activity
column-dpia-version = Version
column-dpia-status = Status
column-dpia-sections = Sections in all
column-dpia-progress = Sections done
column-dpia-risks = Risks
column-dpia-highest = Highest risk before measures
column-dpia-highest-residual = Highest residual risk
column-dpia-validator = Decided by
column-dpia-validated = Decided on
column-dpia-review = Next review
risk-level-low = low risk
risk-level-risk = risk
risk-level-high = high risk
dpia-status-in_progress = in progress
dpia-status-validated = validated
dpia-status-refused = refused
cnil-folded-risk = Further threat from DPO Desk
tenant-copy-name = { $name } (copy)
