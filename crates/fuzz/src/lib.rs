//! Fuzz targets for every file DPO Desk reads from outside: backup files, tenant JSON,
//! CNIL PIA files, attachments and course pictures. Each target feeds the bytes through the
//! same entry points the window and the CLI use, against a real installation (SQLCipher
//! in a temporary folder), and checks what a successful read promises. A panic, an
//! allocation beyond [`bound::MAX_LIVE_BYTES`], a process over AFL++'s memory limit or a
//! hang is a finding.
//!
//! On demand the AFL++ binaries (`src/bin`, feature `afl`) run each target a million times
//! and more (`scripts/fuzz.sh`); in every test run the committed corpus and every earlier
//! finding (`corpus/<kind>/`, `regressions/<kind>/`) go through the same code.

pub mod bound;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use dpo_desk_core::domain::activities::ActivityInput;
use dpo_desk_core::domain::areas::AreaInput;
use dpo_desk_core::domain::companies::CompanyInput;
use dpo_desk_core::domain::courses::CourseInput;
use dpo_desk_core::installation::{self, SetupRequest};
use dpo_desk_core::services::backup::file;
use dpo_desk_core::services::tenant_transfer;
use dpo_desk_core::store::keys::{BackupKey, RecoveryKey};
use dpo_desk_core::store::keystore::MemoryKeyStore;
use dpo_desk_core::{Desk, FixedClock, Session};

/// The recovery key of the committed format-1 fixture; the backup seeds are made with it
/// too, so a mutated file reaches the parts behind the key check.
pub const BACKUP_RECOVERY_KEY: &str =
    "GISEO-CUYUQ-6BVDD-NP7ZO-I3ZXH-6CLM5-Z3NOT-DBLYM-IVCEB-BH2EG-7TGHQ";

const OWNER: &str = "Fuzz Owner";
const PASSWORD: &str = "Datenschutz-2026!";
/// Tenants imported before the installation is made anew, so it does not grow for ever.
const IMPORTS_PER_INSTALLATION: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    BackupFile,
    TenantJson,
    CnilPia,
    /// First byte even: an activity's attachment, odd: a course picture; then the file
    /// name up to the first NUL byte, then the content.
    Attachment,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::BackupFile,
        Kind::TenantJson,
        Kind::CnilPia,
        Kind::Attachment,
    ];

    /// The folder name of the kind's corpus and regressions.
    pub fn dir_name(self) -> &'static str {
        match self {
            Kind::BackupFile => "backup-file",
            Kind::TenantJson => "tenant-json",
            Kind::CnilPia => "cnil-pia",
            Kind::Attachment => "attachment",
        }
    }
}

/// A real installation with one tenant, company, area, activity and course to read into.
pub struct Harness {
    dir: tempfile::TempDir,
    desk: Desk,
    session: Session,
    area: i64,
    activity: i64,
    course: i64,
    imports: usize,
    backup_key: BackupKey,
}

impl Harness {
    pub fn new() -> Self {
        // In the system's temporary folder (scripts/fuzz.sh points TMPDIR at a run folder
        // in memory, and clears it: a child AFL++ kills leaves its installation behind).
        let dir = tempfile::tempdir().expect("a temporary folder");
        let clock = Arc::new(FixedClock::new(
            "2026-03-02T09:00:00Z".parse().expect("a date"),
        ));
        let created = installation::create(
            &dir.path().join("data"),
            &SetupRequest {
                office_name: "Kanzlei Fuzz".into(),
                owner_name: OWNER.into(),
                owner_password: PASSWORD.into(),
            },
            &MemoryKeyStore::default(),
            clock,
        )
        .expect("setup");
        let mut desk = created.desk;
        let mut session = desk.sign_in(OWNER, PASSWORD).expect("sign in");
        let tenant = desk
            .create_tenant(&mut session, "Mandant", false)
            .expect("tenant")
            .id;
        let company = desk
            .create_company(
                &mut session,
                tenant,
                &CompanyInput {
                    name: "Firma".into(),
                    is_controller: true,
                    ..Default::default()
                },
            )
            .expect("company")
            .id;
        let area = desk
            .create_area(
                &mut session,
                &AreaInput {
                    company_id: company,
                    name: "Verwaltung".into(),
                    description: String::new(),
                },
            )
            .expect("area")
            .id;
        let activity = desk
            .create_activity(&mut session, &ActivityInput::new(area, "Lohnabrechnung"))
            .expect("activity")
            .id;
        let course = desk
            .create_course(
                &mut session,
                &CourseInput {
                    active: false,
                    ..CourseInput::new(tenant, "Schulung", "de")
                },
            )
            .expect("course")
            .id;
        Harness {
            dir,
            desk,
            session,
            area,
            activity,
            course,
            imports: 0,
            backup_key: RecoveryKey::parse(BACKUP_RECOVERY_KEY)
                .expect("the fixture's key")
                .backup_key(),
        }
    }

    /// Feeds one input of `kind`; answers whether it was accepted. Errors are the
    /// expected answer to bad input; a panic is a finding.
    pub fn run(&mut self, kind: Kind, bytes: &[u8]) -> bool {
        match kind {
            Kind::BackupFile => self.backup_file(bytes),
            Kind::TenantJson => self.tenant_json(bytes),
            Kind::CnilPia => self.cnil_pia(bytes),
            Kind::Attachment => self.attachment(bytes),
        }
    }

    fn backup_file(&mut self, bytes: &[u8]) -> bool {
        let input = self.dir.path().join("input.dpobackup");
        let output = self.dir.path().join("decrypted.db");
        std::fs::write(&input, bytes).expect("write the input");
        let header = file::read_header(&input, &self.backup_key);
        let decrypted = file::decrypt(&input, &self.backup_key, Some(&output), &mut |_, _| {});
        match (&header, &decrypted) {
            (Ok(h), Ok(d)) => assert_eq!(h, d, "the header read alone and after the check differ"),
            (_, Ok(_)) => panic!("a file whose header is refused passed the full check"),
            (_, Err(_)) => assert!(!output.exists(), "a refused backup left its decrypted part"),
        }
        let _ = std::fs::remove_file(&output);
        decrypted.is_ok()
    }

    fn tenant_json(&mut self, bytes: &[u8]) -> bool {
        let Ok(doc) = tenant_transfer::parse(bytes) else {
            return false;
        };
        let before = self.desk.tenants(&mut self.session).expect("tenants").len();
        match self.desk.import_tenant(&mut self.session, &doc) {
            Ok(tenant) => {
                // What was read is what was stored: the export of the new tenant reads back.
                let (exported, _) = self
                    .desk
                    .export_tenant(&mut self.session, tenant.id)
                    .expect("the imported tenant exports");
                let again = serde_json::to_vec(&exported).expect("json");
                tenant_transfer::parse(&again).expect("an export parses");
                self.imports += 1;
                if self.imports >= IMPORTS_PER_INSTALLATION {
                    *self = Harness::new();
                }
                true
            }
            Err(_) => {
                let after = self.desk.tenants(&mut self.session).expect("tenants").len();
                assert_eq!(before, after, "a refused tenant file left a tenant behind");
                false
            }
        }
    }

    fn cnil_pia(&mut self, bytes: &[u8]) -> bool {
        let accepted = self
            .desk
            .import_cnil(&mut self.session, self.activity, bytes)
            .is_ok();
        if accepted {
            // The activity has its assessment now; the next file needs a fresh one.
            self.activity = self
                .desk
                .create_activity(
                    &mut self.session,
                    &ActivityInput::new(self.area, "Videoüberwachung"),
                )
                .expect("activity")
                .id;
        }
        accepted
    }

    fn attachment(&mut self, bytes: &[u8]) -> bool {
        let Some((&selector, rest)) = bytes.split_first() else {
            return false;
        };
        let split = rest.iter().position(|b| *b == 0).unwrap_or(rest.len());
        let name = String::from_utf8_lossy(&rest[..split.min(400)]).into_owned();
        let content = rest.get(split + 1..).unwrap_or_default();
        if selector % 2 == 0 {
            if let Ok(added) =
                self.desk
                    .add_attachment(&mut self.session, self.activity, &name, content)
            {
                let (stored_name, stored) = self
                    .desk
                    .attachment_content(&mut self.session, added.id)
                    .expect("an added attachment reads back");
                assert_eq!(stored, content, "the attachment's bytes changed");
                assert!(
                    !stored_name.contains('/')
                        && !stored_name.contains('\\')
                        && stored_name != ".."
                        && stored_name != "."
                        && !stored_name.is_empty(),
                    "an attachment name that names a folder: {stored_name:?}"
                );
                self.desk
                    .remove_attachment(&mut self.session, added.id)
                    .expect("remove");
                return true;
            }
            false
        } else if let Ok(image) =
            self.desk
                .add_course_image(&mut self.session, self.course, content)
        {
            let stored = self
                .desk
                .course_image(&mut self.session, image.id)
                .expect("a stored picture reads back");
            assert_eq!(stored.bytes, content, "the picture's bytes changed");
            true
        } else {
            false
        }
    }
}

impl Default for Harness {
    fn default() -> Self {
        Self::new()
    }
}

/// The committed inputs of a kind: its corpus and the findings kept as regressions.
pub fn committed_inputs(kind: Kind) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["corpus", "regressions"]
        .iter()
        .filter_map(|top| std::fs::read_dir(root.join(top).join(kind.dir_name())).ok())
        .flat_map(|dir| dir.flatten().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}
