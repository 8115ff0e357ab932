//! Two writers (issue "nothing lost, nothing leaked", campaign 4): the window's long-lived
//! connection (the core opened once, as the shell does) and the CLI's short ones — a script
//! adding records and a scheduled backup — write the same database at once. No "database is
//! locked" reaches anybody, and every record any of them was told is saved is there.
//! `DPO_DESK_WRITERS_SECS` sets the length (20 s in CI; 600 for the ten-minute campaign).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use dpo_desk_core::domain::activities::{ActivityInput, MassChange, MassField};
use dpo_desk_core::store::keys::RecoveryKey;

use crate::crash_safety::{assert_whole, cli, installation, ok};

fn seconds() -> u64 {
    std::env::var("DPO_DESK_WRITERS_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
}

#[test]
fn the_window_a_script_and_a_scheduled_backup_write_at_once_without_a_lock_error_or_a_lost_record()
{
    let _alone = crate::crash_safety::heavy();
    let tmp = tempfile::tempdir().unwrap();
    let (dir, key) = installation(tmp.path());
    ok(
        &dir,
        &key,
        &["demo", "--tenants", "1", "--activities", "100"],
    );
    let start = ok(&dir, &key, &["activity", "list", "--tenant", "1"]);
    let area = start[0]["area_id"].as_i64().unwrap();
    let outside = tmp.path().join("nas");
    std::fs::create_dir_all(&outside).unwrap();
    let until = Instant::now() + Duration::from_secs(seconds());
    let stop = Arc::new(AtomicBool::new(false));
    std::fs::create_dir_all(dir.join("window-backups")).unwrap();

    // The window: one connection for the whole run, saving, changing and reading.
    let window = {
        let dir = dir.clone();
        let key = key.clone();
        std::thread::spawn(move || {
            let clock = Arc::new(dpo_desk_core::SystemClock);
            let db_key = RecoveryKey::parse(&key).unwrap().database_key();
            let mut desk =
                dpo_desk_core::installation::open_with_key(&dir, &db_key, clock).unwrap();
            let mut s = desk.sign_in("admin", "Datenschutz-2026!").unwrap();
            let (mut saved, mut errors) = (Vec::new(), Vec::new());
            let mut round = 0;
            while Instant::now() < until {
                round += 1;
                match desk.create_activity(
                    &mut s,
                    &ActivityInput::new(area, &format!("Fenster {round}")),
                ) {
                    Ok(a) => {
                        saved.push(a.data.name.clone());
                        let change = MassChange {
                            ids: vec![a.id],
                            change: MassField::Responsible(format!("Runde {round}")),
                        };
                        if let Err(e) = desk.mass_change_activities(&mut s, &change) {
                            errors.push(format!("mass change: {e}"));
                        }
                    }
                    Err(e) => errors.push(format!("save: {e}")),
                }
                if let Err(e) = desk.activities(&mut s, 1, Some("Fenster")) {
                    errors.push(format!("list: {e}"));
                }
                if round % 25 == 0 {
                    if let Err(e) =
                        desk.create_backup_in(&mut s, &dir.join("window-backups"), &mut |_, _| {})
                    {
                        errors.push(format!("backup: {e}"));
                    }
                }
                desk.touch(&mut s).unwrap();
            }
            (saved, errors)
        })
    };

    // The script: the CLI adding records one after the other.
    let script = {
        let dir = dir.clone();
        let key = key.clone();
        let stop = stop.clone();
        std::thread::spawn(move || {
            let (mut saved, mut errors) = (Vec::new(), Vec::new());
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let name = format!("Skript {n}");
                let out = cli(
                    &dir,
                    &key,
                    &["activity", "add", &name, "--area", &area.to_string()],
                )
                .output()
                .unwrap();
                if out.status.success() {
                    saved.push(name);
                } else {
                    errors.push(String::from_utf8_lossy(&out.stderr).to_string());
                }
            }
            (saved, errors)
        })
    };

    // The scheduled backup: the CLI writing a backup to the NAS every two seconds.
    let mut backups = (0, Vec::new());
    while Instant::now() < until {
        let out = cli(
            &dir,
            &key,
            &["backup", "create", "--to", outside.to_str().unwrap()],
        )
        .output()
        .unwrap();
        if out.status.success() {
            backups.0 += 1;
        } else {
            backups
                .1
                .push(String::from_utf8_lossy(&out.stderr).to_string());
        }
        std::thread::sleep(Duration::from_secs(2));
    }
    // The script stops even when the window's thread failed.
    let window = window.join();
    stop.store(true, Ordering::Relaxed);
    let (script_saved, script_errors) = script.join().unwrap();
    let (window_saved, window_errors) = window.unwrap();
    eprintln!(
        "{} s: the window saved {}, the script {}, the scheduled backup ran {} times",
        seconds(),
        window_saved.len(),
        script_saved.len(),
        backups.0
    );
    let errors: Vec<&String> = window_errors
        .iter()
        .chain(&script_errors)
        .chain(&backups.1)
        .collect();
    assert!(errors.is_empty(), "errors reached a user: {errors:#?}");
    assert!(window_saved.len() > 10 && script_saved.len() > 10 && backups.0 > 2);

    assert_whole(&dir, &key, 0);
    let listed = ok(&dir, &key, &["activity", "list", "--tenant", "1"]);
    let listed = listed.as_array().unwrap();
    let names: std::collections::HashSet<String> = listed
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_string())
        .collect();
    let lost: Vec<&String> = window_saved
        .iter()
        .chain(&script_saved)
        .filter(|n| !names.contains(*n))
        .collect();
    assert!(lost.is_empty(), "saved but gone: {lost:?}");
    assert_eq!(
        listed.len(),
        start.as_array().unwrap().len() + window_saved.len() + script_saved.len(),
        "nothing more and nothing less than what was saved"
    );
}
