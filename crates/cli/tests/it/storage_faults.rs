//! Disk full and unwritable places (issue "nothing lost, nothing leaked", campaign 3): the
//! data folder and the places files go to on tiny tmpfs file systems (`mount -t tmpfs`, as
//! root). Saving, backing up, exporting and restoring when the disk is full, into a
//! read-only place, into a folder that is gone, under a name the system refuses: a clear
//! error with its own code, the database intact, and no file under the final name.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::crash_safety::{assert_whole, cli, installation, ok, saved_backup};

/// A tmpfs of `size` mounted on a fresh folder; unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(status.success(), "mount -t tmpfs failed");
        Tmpfs { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the file system to the last byte but `leave`.
    fn fill(&self, leave: u64) {
        use std::io::Write;
        let filler = self.path().join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let block = vec![0x5au8; 64 * 1024];
        let mut written = 0u64;
        loop {
            match file.write(&block) {
                Ok(0) | Err(_) => break,
                Ok(n) => written += n as u64,
            }
        }
        let _ = file.flush();
        drop(file);
        // Small writes fill the last partial block too.
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&filler)
            .unwrap();
        while file.write(&[0]).is_ok_and(|n| n == 1) {
            written += 1;
        }
        drop(file);
        if leave > 0 {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(&filler)
                .unwrap();
            f.set_len(written.saturating_sub(leave)).unwrap();
        }
    }

    fn free(&self) {
        let _ = std::fs::remove_file(self.path().join("filler"));
    }

    fn read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Every name in the file system but the filler and SQLite's own journal files (the
    /// write-ahead log stays when the disk is too full to checkpoint it; it is part of
    /// the database).
    fn files(&self) -> Vec<String> {
        let mut names = Vec::new();
        let mut stack = vec![self.path().to_path_buf()];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap().flatten() {
                if e.path().is_dir() {
                    stack.push(e.path());
                } else if e.file_name() != "filler"
                    && !e.file_name().to_string_lossy().ends_with("-wal")
                    && !e.file_name().to_string_lossy().ends_with("-shm")
                {
                    names.push(
                        e.path()
                            .strip_prefix(self.path())
                            .unwrap()
                            .display()
                            .to_string(),
                    );
                }
            }
        }
        names.sort();
        names
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Mounting needs root with the right to mount (CI runs as root on a machine that has
/// it); where a trial mount is refused, the tests say so and stop.
fn may_mount() -> bool {
    let probe = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(probe.path())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if mounted {
        let _ = Command::new("umount").arg(probe.path()).status();
    } else {
        eprintln!("skipped: this user may not mount a tmpfs (run as root for these tests)");
    }
    mounted
}

/// Runs a command that must fail; answers the error's code and message.
fn fails(dir: &Path, key: &str, args: &[&str]) -> (String, String) {
    let out = cli(dir, key, args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "{args:?} must fail");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{args:?}: no JSON error: {stderr}"));
    (
        json["error"]["code"].as_str().unwrap().to_string(),
        json["error"]["message"].as_str().unwrap().to_string(),
    )
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_full_data_disk_refuses_saves_and_backups_clearly_and_keeps_the_database_whole() {
    if !may_mount() {
        return;
    }
    let disk = Tmpfs::mount("48m");
    let (dir, key) = installation(disk.path());
    ok(
        &dir,
        &key,
        &["demo", "--tenants", "1", "--activities", "60"],
    );
    let before = ok(&dir, &key, &["activity", "list", "--tenant", "1"]);
    let area = before[0]["area_id"].to_string();
    let outside = tempfile::tempdir().unwrap();
    let backup = outside.path().join("stand.dpobackup");
    saved_backup(&dir, &key, &backup);
    let files_before = disk.files();

    disk.fill(0);
    let (code, message) = fails(&dir, &key, &["activity", "add", "Neu", "--area", &area]);
    assert_eq!(code, "disk_full", "{message}");
    assert!(message.contains("disk is full"), "{message}");
    let (code, _) = fails(&dir, &key, &["backup", "create"]);
    assert_eq!(code, "disk_full");
    let export = disk.path().join("liste.xlsx");
    let (code, _) = fails(
        &dir,
        &key,
        &[
            "export",
            "activities",
            "--tenant",
            "1",
            "--format",
            "xlsx",
            "--to",
            s(&export),
        ],
    );
    assert_eq!(code, "disk_full");
    assert_eq!(disk.files(), files_before, "no new file, whole or partial");

    // Room for the database but not for the restore's staging copy.
    disk.free();
    let size = std::fs::metadata(dir.join(dpo_desk_core::store::DATABASE_FILE))
        .unwrap()
        .len();
    disk.fill(size / 3);
    let (code, message) = fails(&dir, &key, &["backup", "restore", s(&backup)]);
    assert_eq!(code, "disk_full", "{message}");
    let (code, _) = fails(
        &dir,
        &key,
        &["backup", "restore", s(&backup), "--module", "tenant:1"],
    );
    assert_eq!(code, "disk_full");

    disk.free();
    assert_whole(&dir, &key, 0);
    assert_eq!(
        ok(&dir, &key, &["activity", "list", "--tenant", "1"]),
        before
    );
    ok(
        &dir,
        &key,
        &["activity", "add", "Nach dem Aufräumen", "--area", &area],
    );
    let leftovers: Vec<String> = disk
        .files()
        .into_iter()
        .filter(|n| n.contains(".part") || n.contains(".restore-") || n.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_document_the_full_data_disk_cannot_hold_is_refused_with_nothing_half_stored() {
    if !may_mount() {
        return;
    }
    let disk = Tmpfs::mount("48m");
    let (dir, key) = installation(disk.path());
    ok(&dir, &key, &["tenant", "add", "Akten"]);
    let outside = tempfile::tempdir().unwrap();
    let scan = outside.path().join("Scan.pdf");
    std::fs::write(&scan, vec![0x25u8; 6 * 1024 * 1024]).unwrap();
    disk.fill(2 * 1024 * 1024);
    let (code, message) = fails(&dir, &key, &["document", "add", "--tenant", "1", s(&scan)]);
    assert_eq!(code, "disk_full", "{message}");
    disk.free();
    assert_whole(&dir, &key, 0);
    let list = ok(&dir, &key, &["document", "list", "--tenant", "1"]);
    assert!(
        list.as_array().unwrap().is_empty(),
        "nothing half-stored: {list}"
    );
    let added = ok(&dir, &key, &["document", "add", "--tenant", "1", s(&scan)]);
    assert_eq!(added[0]["version"], 1);
}

#[test]
fn backups_and_exports_into_full_read_only_missing_or_unnameable_places_fail_clearly_and_leave_nothing(
) {
    if !may_mount() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (dir, key) = installation(tmp.path());
    ok(
        &dir,
        &key,
        &["demo", "--tenants", "1", "--activities", "60"],
    );
    let tiny = Tmpfs::mount("64k");
    let check = |what: &str, args: &[&str], code: &str| {
        let (got, message) = fails(&dir, &key, args);
        assert_eq!(got, code, "{what}: {message}");
        assert!(tiny.files().is_empty(), "{what}: left {:?}", tiny.files());
    };
    let report = tiny.path().join("vvt.pdf");
    let export = tiny.path().join("liste.csv");

    // Full: the backup is far bigger than 64 KiB; the exports meet a disk with no room.
    check(
        "backup onto a small disk",
        &["backup", "create", "--to", s(tiny.path())],
        "disk_full",
    );
    tiny.fill(0);
    check(
        "report onto a full disk",
        &[
            "report",
            "ropa",
            "--company",
            "1",
            "--kind",
            "controller",
            "--to",
            s(&report),
        ],
        "disk_full",
    );
    check(
        "export onto a full disk",
        &["export", "activities", "--tenant", "1", "--to", s(&export)],
        "disk_full",
    );
    tiny.free();

    // Read-only.
    tiny.read_only();
    check(
        "backup into a read-only place",
        &["backup", "create", "--to", s(tiny.path())],
        "read_only",
    );
    check(
        "export into a read-only place",
        &["export", "activities", "--tenant", "1", "--to", s(&export)],
        "read_only",
    );

    // A folder that is gone (an unplugged disk) and a name the system refuses.
    let gone: PathBuf = tmp.path().join("usb-stick");
    check(
        "backup into a missing folder",
        &["backup", "create", "--to", s(&gone)],
        "missing",
    );
    check(
        "export into a missing folder",
        &[
            "export",
            "activities",
            "--tenant",
            "1",
            "--to",
            s(&gone.join("x.csv")),
        ],
        "missing",
    );
    let long = tmp.path().join(format!("{}.csv", "a".repeat(300)));
    check(
        "a name longer than the system allows",
        &["export", "activities", "--tenant", "1", "--to", s(&long)],
        "bad_file_name",
    );
    assert!(!long.exists());
    assert_whole(&dir, &key, 0);
}
