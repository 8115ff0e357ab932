//! The command line contract of SPEC §14. Names of commands, options and JSON fields are
//! published: extend, never rename.

use std::path::PathBuf;

use std::ffi::OsString;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "dpo-desk-cli",
    version,
    about = "DPO Desk without the window: set-up, status and settings for administrators and schedulers."
)]
pub struct Cli {
    /// Data folder (default: the app's data folder, or DPO_DESK_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// User to sign in as.
    #[arg(long, global = true, value_name = "NAME")]
    pub user: Option<String>,
    /// Name of the environment variable that holds the password (never the password itself).
    #[arg(long, global = true, value_name = "VAR")]
    pub password_env: Option<String>,
    /// Name of the environment variable that holds the recovery key; opens the database
    /// where no keyring is available.
    #[arg(long, global = true, value_name = "VAR")]
    pub recovery_key_env: Option<String>,
    /// Take this instant (RFC 3339) as the current time.
    #[arg(long, global = true, value_name = "RFC3339")]
    pub now: Option<String>,
    /// Print one JSON document instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new installation; the owner's password comes from --password-env.
    Init {
        /// The office's name (on reports and the recovery-key sheet).
        #[arg(long, value_name = "NAME")]
        office: String,
        /// The owner's user name: the first administrator, who alone may restore.
        #[arg(long, value_name = "NAME")]
        owner: String,
    },
    /// Office, counts and the backup state.
    Status,
    /// Read or change a setting (e.g. backup.interval_days).
    Settings {
        #[command(subcommand)]
        action: SettingsAction,
    },
    /// Manage users (administrators only).
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// List and create tenants.
    Tenant {
        #[command(subcommand)]
        action: TenantAction,
    },
    /// Define and inspect roles (administrators only).
    Role {
        #[command(subcommand)]
        action: RoleAction,
    },
    /// Fill the database with realistic generated tenants (for benchmarks and screenshots).
    Demo {
        /// How many tenants to create.
        #[arg(long, value_name = "N")]
        tenants: usize,
        /// Processing activities in total, spread over the tenants.
        #[arg(long, value_name = "M")]
        activities: usize,
        /// The same seed gives the same data.
        #[arg(long, value_name = "SEED", default_value_t = 1)]
        seed: u64,
    },
    /// Backups of the whole installation (SPEC §10, §14).
    Backup {
        #[command(subcommand)]
        action: BackupAction,
    },
    /// Companies of a tenant (extension of SPEC §14).
    Company {
        #[command(subcommand)]
        action: CompanyAction,
    },
    /// Areas of a company (extension of SPEC §14).
    Area {
        #[command(subcommand)]
        action: AreaAction,
    },
    /// Processing activities (extension of SPEC §14).
    Activity {
        #[command(subcommand)]
        action: ActivityAction,
    },
    /// Documents of a tenant (SPEC §11): folders, files and their versions.
    Document {
        #[command(subcommand)]
        action: DocumentAction,
    },
    /// Technical and organisational measures (Art. 32 GDPR) of a tenant.
    Tom {
        #[command(subcommand)]
        action: TomAction,
    },
    /// Data subject requests (Art. 15–22 GDPR) of a tenant.
    Request {
        #[command(subcommand)]
        action: RequestAction,
    },
    /// Personal data breaches (Art. 33/34 GDPR) of a tenant.
    Breach {
        #[command(subcommand)]
        action: BreachAction,
    },
    /// Processor agreements (Art. 28 GDPR) of a tenant (extension of SPEC §14).
    Agreement {
        #[command(subcommand)]
        action: AgreementAction,
    },
    /// E-learning courses (SPEC §13): list, assign, results, certificate check.
    Course {
        #[command(subcommand)]
        action: CourseAction,
    },
    /// Every overdue or upcoming (30 days) deadline: reviews, requests, breaches,
    /// processor agreements, the next backup.
    Deadlines {
        /// Only this tenant; without it, every tenant the user may open.
        #[arg(long, value_name = "ID")]
        tenant: Option<i64>,
    },
    /// The versions of a record (who, when, what changed); `history restore` saves one
    /// again as the newest.
    #[command(subcommand_negates_reqs = true)]
    History {
        #[command(subcommand)]
        action: Option<HistoryAction>,
        /// company, area, activity, tom, dpia, request, breach, processor_agreement or
        /// master:KIND (the snake_case object type names of SPEC §8 work too).
        #[arg(long = "type", value_name = "TYPE", required = true)]
        object: Option<String>,
        /// The record's id.
        #[arg(long, value_name = "ID", required = true)]
        id: Option<i64>,
    },
    /// Copy records into other tenants with the seed's rules (SPEC §9).
    Copy {
        /// company, area, activity, tom, dpia, request, course or master:KIND.
        #[arg(long = "type", value_name = "TYPE")]
        object: String,
        /// The records to copy.
        #[arg(long = "id", value_name = "ID", num_args = 1.., required = true)]
        ids: Vec<i64>,
        /// The tenants that receive them.
        #[arg(long = "to-tenant", value_name = "ID", num_args = 1.., required = true)]
        targets: Vec<i64>,
        /// With one target: the area (activities, DPIAs) or company (areas, TOMs) there.
        #[arg(long, value_name = "ID")]
        parent: Option<i64>,
    },
    /// DPIAs (Art. 35 GDPR): the necessity check and the assessments.
    Dpia {
        #[command(subcommand)]
        action: DpiaAction,
    },
    /// PDF reports: the records of processing, the TOMs of a company, a DPIA.
    Report {
        #[command(subcommand)]
        action: ReportAction,
    },
    /// Print the company's saved imprint (generated and edited in the window).
    Imprint {
        /// The company's id.
        #[arg(long, value_name = "ID")]
        company: i64,
        /// Print it as HTML for the website instead of plain text.
        #[arg(long)]
        html: bool,
    },
    /// Print the company's saved privacy policy (generated and edited in the window).
    PrivacyPolicy {
        /// The company's id.
        #[arg(long, value_name = "ID")]
        company: i64,
        /// Print it as HTML for the website instead of plain text.
        #[arg(long)]
        html: bool,
    },
    /// A list as CSV (UTF-8 with BOM), JSON or XLSX.
    Export {
        /// activities, companies, areas, toms, dpias, requests, breaches,
        /// processor_agreements, courses, course_results, tenants or master:KIND (e.g. master:recipient).
        kind: String,
        /// The tenant whose list it is (every list but tenants).
        #[arg(long, value_name = "ID")]
        tenant: Option<i64>,
        /// csv, json or xlsx.
        #[arg(long, value_name = "FORMAT", default_value = "csv")]
        format: String,
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
}

/// Where a report reads from and where it goes, shared by every report.
#[derive(Debug, clap::Args)]
pub struct ReportOutput {
    /// The PDF file to write.
    #[arg(long, value_name = "FILE.pdf")]
    pub to: PathBuf,
    /// de or en; the user's language when absent.
    #[arg(long, value_name = "de|en")]
    pub language: Option<String>,
    /// Read from this backup file instead of the live data, without restoring it
    /// (administrators; ids are the backup's).
    #[arg(long, value_name = "FILE")]
    pub from_backup: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ReportAction {
    /// The records of processing activities of a company (Art. 30(1) or 30(2) GDPR).
    Ropa {
        /// The company's id.
        #[arg(long, value_name = "ID")]
        company: i64,
        /// controller (Art. 30(1)) or processor (Art. 30(2)).
        #[arg(long, value_name = "controller|processor")]
        kind: String,
        /// Only active activities (all by default).
        #[arg(long)]
        only_active: bool,
        #[command(flatten)]
        output: ReportOutput,
    },
    /// The technical and organisational measures valid for a company.
    Toms {
        /// The company's id.
        #[arg(long, value_name = "ID")]
        company: i64,
        #[command(flatten)]
        output: ReportOutput,
    },
    /// One DPIA with its risks, the risk map, opinions and validation.
    Dpia {
        /// The DPIA's id.
        id: i64,
        #[command(flatten)]
        output: ReportOutput,
    },
}

#[derive(Debug, Subcommand)]
pub enum DpiaAction {
    /// Run the necessity check of an activity with the ticked criteria; prints the verdict.
    Check {
        /// The processing activity's id.
        #[arg(long, value_name = "ID")]
        activity: i64,
        /// A criterion that applies: art35_3_a|b|c, scoring, automated_decision,
        /// systematic_monitoring, sensitive_data, large_scale, matching_datasets,
        /// vulnerable_subjects, innovative_technology, prevents_rights, or must:N.
        #[arg(long = "criterion", value_name = "NAME", num_args = 1..)]
        criteria: Vec<String>,
        /// Why a recommended DPIA is not done, or another note.
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
    /// The current assessments of a tenant.
    List {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
    },
    /// One assessment (any version) with its risks, their classes and residual values.
    Show {
        /// The DPIA's id.
        id: i64,
    },
    /// Start the assessment of an activity, pre-filled from its record (extension of SPEC §14).
    Start {
        /// The processing activity's id.
        #[arg(long, value_name = "ID")]
        activity: i64,
        /// The day the assessment is to be reviewed (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        review: Option<chrono::NaiveDate>,
    },
    /// Import a file exported by the CNIL PIA tool as the assessment of an activity.
    ImportCnil {
        /// The CNIL PIA file (.json).
        file: PathBuf,
        /// The processing activity's id.
        #[arg(long, value_name = "ID")]
        activity: i64,
    },
    /// Write an assessment as a file the CNIL PIA tool opens.
    ExportCnil {
        /// The DPIA's id.
        id: i64,
        /// The file to write (.json).
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum CourseAction {
    /// The courses of every tenant the user may open, with their numbers of pages,
    /// questions, assigned and passed learners.
    List {
        /// Only this tenant's courses (extension).
        #[arg(long, value_name = "ID")]
        tenant: Option<i64>,
    },
    /// Assign a course to users (by user name), or move their due date.
    Assign {
        /// The course's id.
        id: i64,
        /// The users who take the course (written `--user NAME…` after `course assign`).
        #[arg(long = "learner", value_name = "NAME", num_args = 1.., required_unless_present = "everyone")]
        users: Vec<String>,
        /// By when the course must be passed (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        due: Option<chrono::NaiveDate>,
        /// Every user of the course's tenant instead of --user (extension).
        #[arg(long, conflicts_with = "users")]
        everyone: bool,
    },
    /// Every learner's state, attempts, scores and certificate code for a course.
    Results {
        /// The course's id.
        id: i64,
    },
    /// Check a certificate's verification code; fails when no certificate has it.
    Verify {
        /// The code printed on the certificate (case, spaces and dashes do not matter).
        code: String,
    },
    /// Add the ready-made awareness course to a tenant (extension).
    AddShipped {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
        /// de or en.
        #[arg(long, value_name = "LANG", default_value = "de")]
        language: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RequestAction {
    /// Record a request; the deadline (one month, Art. 12(3) GDPR) follows from --received.
    Add {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
        /// access, rectification, erasure, restriction, portability, objection or
        /// consent_withdrawal.
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// The day the request was received (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        received: chrono::NaiveDate,
        /// How to reach the requester (extension).
        #[arg(long, value_name = "TEXT", default_value = "")]
        contact: String,
        /// Who made the request.
        name: String,
    },
    /// The tenant's requests, overdue first, with `deadline`, `overdue` and `status`.
    List {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum BreachAction {
    /// Record a breach; the 72 hours to notify the authority run from --discovered-at.
    Add {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
        /// When the breach was discovered (RFC 3339, e.g. 2026-03-02T09:30:00+01:00).
        #[arg(long, value_name = "RFC3339")]
        discovered_at: String,
        /// What happened, in a few words.
        title: String,
    },
    /// The tenant's breaches, running clocks first, with `authority_deadline`,
    /// `hours_left` and `status`.
    List {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum AgreementAction {
    /// Record a processor agreement with a processor of the tenant's master data.
    Add {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
        /// The processor: its id in the master data, or its name (a processor of that name
        /// is used, or added to the master data).
        #[arg(long, value_name = "ID|NAME")]
        processor: String,
        /// The day it was signed (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        signed: Option<chrono::NaiveDate>,
        /// The day of its next review (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        next_review: Option<chrono::NaiveDate>,
        /// What the processor does for the tenant.
        subject: String,
    },
    /// The tenant's processor agreements.
    List {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum HistoryAction {
    /// Save an earlier version of a record again; it becomes a new version.
    Restore {
        /// The record's type, as for `history`.
        #[arg(long = "type", value_name = "TYPE")]
        object: String,
        /// The record's id.
        #[arg(long, value_name = "ID")]
        id: i64,
        /// The version to restore (1 is the oldest, as `history` numbers them).
        #[arg(long, value_name = "N")]
        version: u32,
    },
}

#[derive(Debug, Subcommand)]
pub enum DocumentAction {
    /// The documents of a folder (the root without --folder), with their current version.
    List {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
        /// The folder, e.g. /Verträge/2026 ("/" is the root).
        #[arg(long, value_name = "PATH")]
        folder: Option<String>,
    },
    /// Add files to a folder (made where missing); a file named like a document there
    /// becomes its new version. Each file is added on its own: one refused file leaves
    /// the others added, and the command fails.
    Add {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
        /// The folder, e.g. /Verträge/2026 ("/" is the root).
        #[arg(long, value_name = "PATH", default_value = "/")]
        folder: String,
        /// The files to add.
        #[arg(value_name = "FILE", required = true, num_args = 1..)]
        files: Vec<std::path::PathBuf>,
    },
    /// Save a document's file (the current version, or --version N).
    Get {
        /// The document's id.
        id: i64,
        /// Where to write the file.
        #[arg(long, value_name = "FILE")]
        to: std::path::PathBuf,
        /// The version to save (1 is the first).
        #[arg(long, value_name = "N")]
        version: Option<i64>,
    },
    /// Every version of a document, newest first: who added it, when, its size and hash.
    Versions {
        /// The document's id.
        id: i64,
    },
    /// Show or set a tenant's storage quota for documents (setting: administrators).
    Quota {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
        /// The quota in megabytes.
        #[arg(long, value_name = "MB", conflicts_with = "unlimited")]
        set_mb: Option<u32>,
        /// Remove the quota.
        #[arg(long)]
        unlimited: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TomAction {
    /// The measures of a tenant the user may see, grouped by protection type.
    List {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
        /// Only measures generally valid for this company.
        #[arg(long, value_name = "ID")]
        company: Option<i64>,
        /// in_review, active or inactive.
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// physical_access, system_access, data_access, transfer, input, processor,
        /// availability or separation.
        #[arg(long = "type", value_name = "TYPE")]
        protection_type: Option<String>,
        /// Only measures whose review is due within 30 days or overdue.
        #[arg(long)]
        review_due: bool,
    },
    /// Add an own measure (in review, valid for no company yet).
    Add {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
        /// The protection type: physical_access, system_access, data_access, transfer,
        /// input, processor, availability or separation.
        #[arg(long = "type", value_name = "TYPE")]
        protection_type: String,
        /// technical or organisational.
        #[arg(long, value_name = "KIND", default_value = "organisational")]
        kind: String,
        /// What the measure means in practice.
        #[arg(long, value_name = "TEXT", default_value = "")]
        description: String,
        /// The measure's title.
        title: String,
    },
    /// Change a measure's status, the companies it is valid for or its next review.
    Set {
        /// The measure's id.
        id: i64,
        /// in_review, active or inactive.
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// The companies the measure is generally valid for (replaces the list).
        #[arg(long = "valid-for", value_name = "COMPANY", num_args = 1..)]
        valid_for: Option<Vec<i64>>,
        /// The date of the next review (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        next_review: Option<chrono::NaiveDate>,
        /// How the measure is done in the company.
        #[arg(long, value_name = "TEXT")]
        implementation: Option<String>,
    },
    /// Record a review; the next review moves one year on unless --next-review says.
    Review {
        /// The measure's id.
        id: i64,
        /// The result of the review.
        #[arg(long, value_name = "TEXT")]
        result: String,
        /// The day of the review (YYYY-MM-DD); today without it.
        #[arg(long, value_name = "DATE")]
        date: Option<chrono::NaiveDate>,
        /// Who reviewed; the signed-in user without it.
        #[arg(long, value_name = "NAME", default_value = "")]
        reviewer: String,
        /// The date of the next review (YYYY-MM-DD); one year after the review without it.
        #[arg(long, value_name = "DATE")]
        next_review: Option<chrono::NaiveDate>,
    },
}

/// What a role holds: rights, menu entries to hide and visibility restrictions.
#[derive(Debug, Args)]
pub struct RoleContents {
    /// A right the role grants: OBJECT:RIGHT in snake_case (e.g. processing_activity:view).
    #[arg(long = "grant", value_name = "OBJECT:RIGHT", num_args = 1..)]
    pub grants: Vec<String>,
    /// A menu entry the role hides (e.g. audit_log).
    #[arg(long = "hide-menu", value_name = "ENTRY", num_args = 1..)]
    pub hide_menus: Vec<String>,
    /// Visibility restriction: OBJECT:own_records, OBJECT:area=NAME[|NAME…] or
    /// OBJECT:status=STATUS[|STATUS…] (e.g. processing_activity:area=Personal).
    #[arg(long = "restrict", value_name = "RESTRICTION", num_args = 1..)]
    pub restrictions: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum CompanyAction {
    /// The companies of a tenant.
    List {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
    },
    /// Create a company with its first area.
    Add {
        /// The company's name.
        name: String,
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
        /// Legal form (e.g. GmbH).
        #[arg(long, value_name = "FORM", default_value = "")]
        legal_form: String,
        /// City of the address.
        #[arg(long, value_name = "CITY", default_value = "")]
        city: String,
        /// The company also processes on behalf of others (Art. 28).
        #[arg(long)]
        processor: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AreaAction {
    /// The areas of all companies of a tenant.
    List {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
    },
    /// Create an area in a company.
    Add {
        /// The area's name (unique within the company).
        name: String,
        /// The company's id.
        #[arg(long, value_name = "ID")]
        company: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum ActivityAction {
    /// The processing activities of a tenant the user may see, as full records.
    List {
        /// The tenant's id.
        #[arg(long, value_name = "ID")]
        tenant: i64,
        /// Full-text search over the records.
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
    },
    /// Create a processing activity in an area.
    Add {
        /// The activity's name.
        name: String,
        /// The area's id.
        #[arg(long, value_name = "ID")]
        area: i64,
        /// draft, in_review, active or inactive.
        #[arg(long, value_name = "STATUS", default_value = "draft")]
        status: String,
        /// The app user who edits the record.
        #[arg(long, value_name = "USER")]
        editor: Option<String>,
        /// The purposes of the processing (Art. 30(1)(b)).
        #[arg(long, value_name = "TEXT", default_value = "")]
        purposes: String,
        /// The person responsible in the company.
        #[arg(long, value_name = "TEXT", default_value = "")]
        responsible: String,
        /// The day of the next planned review (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        review: Option<chrono::NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoleAction {
    /// Create a role with rights (OBJECT:RIGHT, e.g. processing_activity:view) and menu
    /// entries to hide.
    Add {
        /// The role's name.
        name: String,
        #[command(flatten)]
        contents: RoleContents,
    },
    /// Replace a role's rights, hidden menus and restrictions (extension of SPEC §14).
    Update {
        /// The role's name.
        name: String,
        #[command(flatten)]
        contents: RoleContents,
    },
    /// Every role with its rights.
    List,
    /// One role: rights, hidden menus and restrictions.
    Show {
        /// The role's name.
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum SettingsAction {
    /// Print a setting's value.
    Get {
        /// The setting, e.g. backup.interval_days or session.idle_lock_minutes.
        key: String,
    },
    /// Change a setting (checked, audited).
    Set {
        /// The setting, e.g. backup.interval_days.
        key: String,
        /// The new value (backup.interval_days: 1–14).
        value: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Create a user. `--password-env VAR` after `add` names the new user's password (the
    /// one before the command signs you in); without it the user gets a one-time invitation
    /// code, valid 7 days, to set their own password.
    Add {
        /// The new user's name.
        name: String,
        /// The new user's password (what `--password-env` after `user add` means).
        #[arg(long, value_name = "VAR")]
        new_password_env: Option<String>,
        /// A role the user gets (at least one, unless --admin).
        #[arg(long = "role", value_name = "ROLE", num_args = 1..)]
        roles: Vec<String>,
        /// A tenant the user may open, by id (at least one, unless --admin).
        #[arg(long = "tenant", value_name = "ID", num_args = 1..)]
        tenants: Vec<i64>,
        /// An administrator: every right, every tenant, no role needed.
        #[arg(long)]
        admin: bool,
    },
    /// Every user with roles, tenants and whether active.
    List,
    /// Replace a user's roles and tenants (extension of SPEC §14).
    Update {
        /// The user's name.
        name: String,
        /// The roles the user holds from now on.
        #[arg(long = "role", value_name = "ROLE", num_args = 1..)]
        roles: Vec<String>,
        /// The tenants (ids) the user may open from now on.
        #[arg(long = "tenant", value_name = "ID", num_args = 1..)]
        tenants: Vec<i64>,
    },
    /// End a user's access at once; the user is kept for the audit log.
    Deactivate {
        /// The user's name.
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum BackupAction {
    /// Make a backup inside the app (at most 7 are kept), or with --to into an outside
    /// folder (the scheduled daily backup; counts as downloaded; kept there 7 days).
    Create {
        /// An outside folder to write the backup into instead of the app.
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// The backups kept inside the app: date, size, creator, downloaded or not.
    List,
    /// Check a backup file completely without changing anything.
    Verify {
        /// The backup file.
        file: PathBuf,
    },
    /// Save a backup kept inside the app to a file outside it (counts as downloaded).
    Export {
        /// The backup's id (see backup list).
        id: i64,
        /// Where to save it.
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Delete a backup kept inside the app.
    Delete {
        /// The backup's id (see backup list).
        id: i64,
    },
    /// Restore the installation (owner only; a safety backup is made first), or one
    /// module of it. Into an empty data folder: set the installation up from the backup
    /// with --recovery-key-env (moving to a new machine).
    Restore {
        /// The backup file.
        file: PathBuf,
        /// tenant:ID, ropa:ID, master_data:ID, toms:ID, dpia:ID, registers:ID, courses:ID or
        /// documents:ID; without it, everything.
        #[arg(long, value_name = "MODULE")]
        module: Option<String>,
    },
    /// Show or set the app's automatic daily backup (extension of SPEC §14): with
    /// --folder DIR it is written there once a day while the app runs; --off stops it.
    Auto {
        /// The folder the daily backup goes to (a NAS, a USB disk, a synced folder).
        #[arg(long, value_name = "DIR", conflicts_with = "off")]
        folder: Option<PathBuf>,
        /// Stop the automatic backup.
        #[arg(long)]
        off: bool,
    },
    /// Write a module's lists as CSV as of the backup's date, changing nothing.
    Csv {
        /// The backup file.
        file: PathBuf,
        /// tenant:ID, ropa:ID, companies:ID, areas:ID, master_data:ID, toms:ID, dpia:ID,
        /// registers:ID, courses:ID or documents:ID.
        #[arg(long, value_name = "MODULE")]
        module: String,
        /// The folder the CSV files are written into.
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum TenantAction {
    /// The tenants the signed-in user may open.
    List,
    /// Write a whole tenant to one JSON file.
    Export {
        /// The tenant's id.
        id: i64,
        /// The JSON file to write.
        #[arg(long, value_name = "FILE.json")]
        to: PathBuf,
    },
    /// Create a new tenant from a JSON file written by `tenant export`.
    Import {
        /// The JSON file written by tenant export.
        file: PathBuf,
    },
    /// Create a tenant (extension of SPEC §14).
    Add {
        /// The tenant's name.
        name: String,
        /// A template tenant (pattern for a sector, no company licence).
        #[arg(long)]
        template: bool,
        /// Copy everything of this template tenant into the new one.
        #[arg(long, value_name = "ID", conflicts_with = "template")]
        from_template: Option<i64>,
    },
    /// Copy a tenant 1:1 (administrators); prints the copy's id.
    Copy {
        /// The tenant's id.
        id: i64,
        /// The copy's name; "<name> (copy)" without it.
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
}

/// Global options that take a value, so their value is not mistaken for a command.
const VALUE_OPTIONS: &[&str] = &[
    "--data-dir",
    "--user",
    "--password-env",
    "--recovery-key-env",
    "--now",
];

/// Options SPEC §14 gives a subcommand under the name of a global option: `user add NAME
/// … [--password-env VAR]` names the new user's password while the global `--password-env`
/// signs the administrator in, and `course assign ID --user NAME…` names the learners while
/// the global `--user` signs in. Clap cannot hold both under one name, so after that
/// subcommand the option is read under its own name.
const SUBCOMMAND_OPTIONS: &[(&str, &str, &str, &str)] = &[
    ("user", "add", "--password-env", "--new-password-env"),
    ("course", "assign", "--user", "--learner"),
];

pub fn rewrite_subcommand_options(args: Vec<OsString>) -> Vec<OsString> {
    let mut command_start = None;
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].to_string_lossy();
        if VALUE_OPTIONS.contains(&arg.as_ref()) {
            i += 2;
            continue;
        }
        if !arg.starts_with('-') {
            command_start = Some(i);
            break;
        }
        i += 1;
    }
    let Some(start) = command_start else {
        return args;
    };
    let Some(&(_, _, from, to)) = SUBCOMMAND_OPTIONS.iter().find(|(command, sub, _, _)| {
        args.get(start).is_some_and(|a| a == *command)
            && args.get(start + 1).is_some_and(|a| a == *sub)
    }) else {
        return args;
    };
    args.into_iter()
        .enumerate()
        .map(|(i, arg)| {
            if i <= start + 1 {
                return arg;
            }
            let text = arg.to_string_lossy();
            if text == from {
                OsString::from(to)
            } else if let Some(value) = text.strip_prefix(&format!("{from}=")) {
                OsString::from(format!("{to}={value}"))
            } else {
                arg
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(line: &str) -> String {
        let args: Vec<OsString> = line.split(' ').map(OsString::from).collect();
        rewrite_subcommand_options(args)
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn only_the_password_env_after_user_add_names_the_new_users_password() {
        assert_eq!(
            rewrite("cli --user user --password-env A user add eva --role R --password-env B"),
            "cli --user user --password-env A user add eva --role R --new-password-env B"
        );
        assert_eq!(
            rewrite("cli --password-env A user add eva --password-env=B"),
            "cli --password-env A user add eva --new-password-env=B"
        );
        assert_eq!(
            rewrite("cli --password-env A status --password-env B"),
            "cli --password-env A status --password-env B"
        );
        assert_eq!(
            rewrite("cli --password-env A user list --password-env B"),
            "cli --password-env A user list --password-env B"
        );
    }

    #[test]
    fn only_the_user_after_course_assign_names_the_learners() {
        assert_eq!(
            rewrite("cli --user admin --password-env A course assign 3 --user eva --user jonas --due 2027-03-05"),
            "cli --user admin --password-env A course assign 3 --learner eva --learner jonas --due 2027-03-05"
        );
        assert_eq!(
            rewrite("cli --user admin course list --user eva"),
            "cli --user admin course list --user eva"
        );
    }

    #[test]
    fn every_command_and_option_has_a_help_line() {
        use clap::CommandFactory;
        fn walk(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in command.get_arguments() {
                let builtin = matches!(arg.get_id().as_str(), "help" | "version");
                if !builtin && arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{path} {}", arg.get_id()));
                }
            }
            for sub in command.get_subcommands() {
                let sub_path = format!("{path} {}", sub.get_name());
                if sub.get_about().is_none() && sub.get_long_about().is_none() {
                    missing.push(sub_path.clone());
                }
                walk(sub, &sub_path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "dpo-desk-cli", &mut missing);
        assert!(
            missing.is_empty(),
            "without a help line:\n{}",
            missing.join("\n")
        );
    }
}
