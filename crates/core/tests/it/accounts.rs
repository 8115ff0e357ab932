//! Sign-in, the growing delay after wrong passwords, password changes, idle lock, the
//! permission gate, the audit log and the remembered clock.

use crate::common::*;
use chrono::Duration;
use dpo_desk_core::store::settings::SettingKey;
use dpo_desk_core::CoreError;

#[test]
fn sign_in_checks_name_and_password_case_insensitively_for_the_name() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    assert!(desk.sign_in(OWNER, PASSWORD).is_ok());
    assert!(desk.sign_in(&OWNER.to_uppercase(), PASSWORD).is_ok());
    assert!(matches!(
        desk.sign_in(OWNER, "wrong password!"),
        Err(CoreError::InvalidCredentials)
    ));
    assert!(matches!(
        desk.sign_in("nobody", PASSWORD),
        Err(CoreError::InvalidCredentials)
    ));
}

#[test]
fn five_wrong_passwords_start_a_growing_delay_that_the_right_password_cannot_skip() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    for attempt in 1..=4 {
        let err = desk.sign_in(OWNER, "wrong password!").err().unwrap();
        assert!(
            matches!(err, CoreError::InvalidCredentials),
            "attempt {attempt}: {err:?}"
        );
    }
    match desk.sign_in(OWNER, "wrong password!").err().unwrap() {
        CoreError::RateLimited { retry_after_secs } => assert_eq!(retry_after_secs, 30),
        other => panic!("{other:?}"),
    }
    // Even the right password waits.
    assert!(matches!(
        desk.sign_in(OWNER, PASSWORD),
        Err(CoreError::RateLimited { .. })
    ));
    f.clock.advance(Duration::seconds(31));
    match desk.sign_in(OWNER, "wrong password!").err().unwrap() {
        CoreError::RateLimited { retry_after_secs } => {
            assert_eq!(retry_after_secs, 60, "the delay doubles")
        }
        other => panic!("{other:?}"),
    }
    f.clock.advance(Duration::seconds(61));
    desk.sign_in(OWNER, PASSWORD)
        .expect("after the delay the right password works");
    // A success resets the counter.
    assert!(matches!(
        desk.sign_in(OWNER, "wrong password!"),
        Err(CoreError::InvalidCredentials)
    ));
}

#[test]
fn password_change_needs_the_current_password_and_a_good_new_one() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    let field = |e: CoreError| match e {
        CoreError::Validation { field, .. } => field,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        field(
            desk.change_password(&mut s, "not it at all", "a new good passphrase")
                .unwrap_err()
        ),
        "current_password"
    );
    assert_eq!(
        field(desk.change_password(&mut s, PASSWORD, "short").unwrap_err()),
        "password"
    );
    assert_eq!(
        field(
            desk.change_password(&mut s, PASSWORD, PASSWORD)
                .unwrap_err()
        ),
        "new_password"
    );
    desk.change_password(&mut s, PASSWORD, "a new good passphrase")
        .unwrap();
    assert!(desk.sign_in(OWNER, PASSWORD).is_err());
    assert!(desk.sign_in(OWNER, "a new good passphrase").is_ok());
}

#[test]
fn an_idle_session_is_locked_and_activity_keeps_it_alive() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    desk.update_settings(&mut s, &[(SettingKey::IdleLockMinutes, 10)])
        .unwrap();
    f.clock.advance(Duration::minutes(9));
    desk.touch(&mut s).unwrap();
    f.clock.advance(Duration::minutes(9));
    desk.dashboard(&mut s).expect("activity 9 minutes ago");
    f.clock.advance(Duration::minutes(11));
    match desk.dashboard(&mut s).unwrap_err() {
        CoreError::SessionExpired { idle_minutes } => assert_eq!(idle_minutes, 10),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_windows_periodic_rights_refresh_does_not_keep_an_idle_session_alive() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    desk.update_settings(&mut s, &[(SettingKey::IdleLockMinutes, 10)])
        .unwrap();
    for _ in 0..9 {
        f.clock.advance(Duration::minutes(1));
        desk.refresh_session(&mut s)
            .expect("still within the idle time");
    }
    f.clock.advance(Duration::minutes(2));
    assert!(matches!(
        desk.refresh_session(&mut s),
        Err(CoreError::SessionExpired { .. })
    ));
    assert!(matches!(
        desk.dashboard(&mut s),
        Err(CoreError::SessionExpired { .. })
    ));
}

#[test]
fn settings_are_validated_and_every_change_is_audited_with_old_and_new_values() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    assert_eq!(desk.settings(&mut s).unwrap().backup_interval_days, 4);
    for bad in [0, 15, -1] {
        let err = desk
            .update_settings(
                &mut s,
                &[
                    (SettingKey::IdleLockMinutes, 20),
                    (SettingKey::BackupIntervalDays, bad),
                ],
            )
            .unwrap_err();
        assert_eq!(err.code(), "validation");
    }
    assert_eq!(
        desk.settings(&mut s).unwrap().idle_lock_minutes,
        15,
        "a refused batch changes nothing"
    );

    desk.update_settings(&mut s, &[(SettingKey::BackupIntervalDays, 7)])
        .unwrap();
    let log = desk.audit_log(&mut s, 50, None).unwrap();
    let entry = log
        .iter()
        .find(|e| e.object_id.as_deref() == Some("backup.interval_days"))
        .expect("audited");
    assert_eq!(entry.user_name.as_deref(), Some(OWNER));
    assert_eq!(entry.old_value, Some(serde_json::json!(4)));
    assert_eq!(entry.new_value, Some(serde_json::json!(7)));
    assert_eq!(entry.at, f.clock_now());

    let actions: Vec<_> = log.iter().map(|e| e.action.as_str()).collect();
    assert!(
        actions.contains(&"create"),
        "the owner's creation is audited: {actions:?}"
    );
    assert!(actions.contains(&"sign_in"));
}

#[test]
fn failed_sign_ins_are_audited_and_hashes_never_are() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let _ = desk.sign_in(OWNER, "wrong password!");
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    desk.change_password(&mut s, PASSWORD, "a new good passphrase")
        .unwrap();
    let log = desk.audit_log(&mut s, 50, None).unwrap();
    assert!(log.iter().any(|e| e.action == "sign_in_failed"));
    let text = serde_json::to_string(&log).unwrap();
    assert!(!text.contains("argon2"), "no password hash in the log");
    assert!(text.contains("change_password"));
}

#[test]
fn turning_the_clock_back_does_not_turn_the_rules_back() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    f.clock.advance(Duration::days(9));
    desk.touch(&mut s).ok();
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    let late = desk.status(&mut s).unwrap();
    assert_eq!(
        late.backup.level,
        dpo_desk_core::services::backup::escalation::BackupLevel::Locked
    );

    f.clock.set(t0());
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    let after_rollback = desk.status(&mut s).unwrap();
    assert_eq!(after_rollback.backup.level, late.backup.level);
    assert_eq!(after_rollback.now, late.now);
}

#[test]
fn status_reports_the_backup_due_date_from_the_installation_date() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei").desk;
    let mut s = desk.sign_in(OWNER, PASSWORD).unwrap();
    let status = desk.status(&mut s).unwrap();
    assert_eq!(status.office, "Kanzlei");
    assert_eq!(status.backup.interval_days, 4);
    let installed_local = t0().with_timezone(&chrono::Local).date_naive();
    assert_eq!(status.backup.due_date, installed_local + Duration::days(4));
    assert_eq!(status.backup.last_downloaded, None);
    assert_eq!(status.counts.users, 1);
}

#[test]
fn error_codes_are_stable() {
    use dpo_desk_core::kernel::vocabulary::{ObjectType, Right};
    let cases: Vec<(CoreError, &str)> = vec![
        (CoreError::InvalidCredentials, "invalid_credentials"),
        (
            CoreError::RateLimited {
                retry_after_secs: 3,
            },
            "rate_limited",
        ),
        (CoreError::WrongKey, "wrong_key"),
        (
            CoreError::SchemaTooNew {
                found: 3,
                supported: 2,
            },
            "schema_too_new",
        ),
        (
            CoreError::PermissionDenied {
                object: ObjectType::Backup,
                right: Right::Create,
            },
            "permission_denied",
        ),
        (
            CoreError::SessionExpired { idle_minutes: 5 },
            "session_expired",
        ),
    ];
    for (err, code) in cases {
        let payload = err.payload();
        assert_eq!(payload.code, code);
        assert!(
            !payload.message.contains("Error"),
            "a human message, not a debug string: {}",
            payload.message
        );
    }
    let p = CoreError::PermissionDenied {
        object: ObjectType::ProcessingActivity,
        right: Right::MassChange,
    }
    .payload();
    assert_eq!(p.params["object"], "processing_activity");
    assert_eq!(p.params["right"], "mass_change");
}
