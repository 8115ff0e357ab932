//! The real shell: src-tauri/src against ui/src/ipc/commands.ts.

use std::path::PathBuf;

use dpo_desk_ipc_gen::shell::Shell;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_handler_entry_is_a_command_fn_and_every_command_fn_is_registered() {
    let shell =
        Shell::read(&root().join(dpo_desk_ipc_gen::SHELL_SRC)).unwrap_or_else(|e| panic!("{e}"));
    let problems = shell.registration_problems();
    assert!(
        problems.is_empty(),
        "generate_handler! and the #[tauri::command] fns disagree:\n{}",
        problems.join("\n")
    );
    assert!(!shell.handler.is_empty());
}

/// Like the ts-rs bindings: a stale file is rewritten here so that a developer only has to
/// commit it; in CI (CI=true) a stale committed file fails.
#[test]
fn the_committed_commands_ts_is_what_the_rust_commands_generate() {
    let text = dpo_desk_ipc_gen::generate(&root()).unwrap_or_else(|e| panic!("{e}"));
    let path = root().join(dpo_desk_ipc_gen::OUTPUT);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current == text {
        return;
    }
    std::fs::create_dir_all(path.parent().expect("has a folder")).expect("the folder can be made");
    std::fs::write(&path, &text).expect("the file can be written");
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{} was out of date with src-tauri (rewritten now): run `cargo test -p dpo-desk-ipc-gen` and commit it", dpo_desk_ipc_gen::OUTPUT);
    }
    eprintln!("rewrote {}: commit it", dpo_desk_ipc_gen::OUTPUT);
}
