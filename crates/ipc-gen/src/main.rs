//! `cargo run -p dpo-desk-ipc-gen` writes ui/src/ipc/commands.ts; with `--check` it only
//! says whether the committed file is current (exit 1 when not).

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let check = std::env::args().skip(1).any(|arg| arg == "--check");
    let text = match dpo_desk_ipc_gen::generate(&root) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("ipc-gen: {e}");
            return ExitCode::FAILURE;
        }
    };
    let path = root.join(dpo_desk_ipc_gen::OUTPUT);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current == text {
        println!("{} is up to date", dpo_desk_ipc_gen::OUTPUT);
        return ExitCode::SUCCESS;
    }
    if check {
        eprintln!(
            "{} is out of date with src-tauri: run `cargo run -p dpo-desk-ipc-gen`",
            dpo_desk_ipc_gen::OUTPUT
        );
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::write(&path, text) {
        eprintln!("ipc-gen: {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    println!("wrote {}", dpo_desk_ipc_gen::OUTPUT);
    ExitCode::SUCCESS
}
