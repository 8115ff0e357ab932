//! Writes the starting corpus of every fuzz target into `crates/fuzz/corpus/` (small,
//! valid inputs the fuzzer mutates from). Run again only when a format changes:
//! `cargo run -p dpo-desk-fuzz --bin fuzz-seed-corpus`.

use std::path::Path;

use dpo_desk_core::services::backup::file::{self, NewBackup};
use dpo_desk_core::store::keys::RecoveryKey;
use dpo_desk_fuzz::{Kind, BACKUP_RECOVERY_KEY};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let put = |kind: Kind, name: &str, bytes: &[u8]| {
        let dir = root.join(kind.dir_name());
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
    };
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures");

    // Backup files: a small one in today's format, and the start of a format-1 file.
    let key = RecoveryKey::parse(BACKUP_RECOVERY_KEY)
        .unwrap()
        .backup_key();
    let tmp = tempfile::tempdir().unwrap();
    let payload = tmp.path().join("payload.db");
    std::fs::write(
        &payload,
        (0..3000u32)
            .map(|i| (i * 7 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let target = tmp.path().join("small.dpobackup");
    file::write(
        &target,
        &key,
        &NewBackup {
            installation_id: "fuzz",
            office_name: "Kanzlei Fuzz",
            created_at: "2026-03-02T09:00:00Z".parse().unwrap(),
            created_by: "Fuzz Owner",
            schema_version: 14,
            automatic: false,
        },
        &payload,
        &mut |_, _| {},
    )
    .unwrap();
    put(
        Kind::BackupFile,
        "format-2-small.dpobackup",
        &std::fs::read(&target).unwrap(),
    );
    let old = std::fs::read(fixtures.join("format-1.dpobackup")).unwrap();
    put(Kind::BackupFile, "format-1-start.dpobackup", &old[..4096]);

    // Tenant files: a generated tenant with three activities, and the smallest file.
    let doc = dpo_desk_core::services::demo::tenant(3, 0, 3);
    put(
        Kind::TenantJson,
        "demo-tenant.json",
        &serde_json::to_vec(&doc).unwrap(),
    );
    let mut small = serde_json::to_value(&doc).unwrap();
    for list in ["master_items", "companies", "toms"] {
        small[list] = serde_json::json!([]);
    }
    put(
        Kind::TenantJson,
        "empty-tenant.json",
        &serde_json::to_vec(&small).unwrap(),
    );

    // CNIL PIA files: the fixtures of the core's tests.
    for name in [
        "pia-minimal-en.json",
        "pia-videoueberwachung.json",
        "not-a-pia.json",
    ] {
        put(
            Kind::CnilPia,
            name,
            &std::fs::read(fixtures.join("cnil").join(name)).unwrap(),
        );
    }

    // Attachments (selector, name, NUL, content) and course pictures.
    let attachment = |selector: u8, name: &str, content: &[u8]| {
        let mut bytes = vec![selector];
        bytes.extend_from_slice(name.as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(content);
        bytes
    };
    put(
        Kind::Attachment,
        "contract.bin",
        &attachment(
            0,
            "AV-Vertrag.pdf",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        ),
    );
    put(
        Kind::Attachment,
        "climbing-name.bin",
        &attachment(0, "../../etc/passwd", b"root:x:0:0"),
    );
    put(
        Kind::Attachment,
        "png.bin",
        &attachment(
            1,
            "",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0",
        ),
    );
    put(Kind::Attachment, "gif.bin", &attachment(1, "", b"GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\x04\x01\0\0\0\0,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;"));
    put(
        Kind::Attachment,
        "webp.bin",
        &attachment(
            1,
            "",
            b"RIFF\x1a\0\0\0WEBPVP8L\x0d\0\0\0/\0\0\0\x10\x07\x10\x11\x11\x88\x88\xfe\x07\0",
        ),
    );
    println!("corpus written to {}", root.display());
}
