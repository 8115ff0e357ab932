//! What a person sees when the program stops on an internal error (a panic): the place in
//! our code, and the panic's text only where it is a literal of ours (`panic!("…")`). Every
//! other panic text is formatted at run time — `expect` adds the error's Debug form,
//! `unwrap` the value — and can carry a record's text or a path; a crash message ends up in
//! screenshots and support e-mails, so those texts are withheld. Keys never reach it either
//! way (their Debug forms are redacted).

use std::any::Any;
use std::panic::Location;

/// The crash message for a panic payload at a place in the code.
pub fn message(
    program: &str,
    payload: &(dyn Any + Send),
    location: Option<&Location<'_>>,
) -> String {
    let what = match payload.downcast_ref::<&'static str>() {
        Some(text) => *text,
        None => "details withheld: they may contain data",
    };
    let place = location
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    format!(
        "{program} stopped on an internal error{place} ({what}). Everything saved before \
         is kept: each change is written in one transaction. Please send the log file to support."
    )
}

/// Replaces the default panic output (which prints any formatted message) with
/// [`message`], written to stderr and handed to `log` (the app's log file).
pub fn install(program: &'static str, log: fn(&str)) {
    std::panic::set_hook(Box::new(move |info| {
        let text = message(program, info.payload(), info.location());
        log(&text);
        eprintln!("{text}");
    }));
}

#[cfg(test)]
mod tests {
    use super::message;
    use crate::store::keys::RecoveryKey;

    #[test]
    fn a_formatted_panic_message_with_a_secret_or_record_text_is_withheld() {
        let key = RecoveryKey::generate().display();
        let payload: Box<dyn std::any::Any + Send> = Box::new(format!(
            "called `Result::unwrap()` on an `Err` value: {key} Max Mustermann"
        ));
        let shown = message("DPO Desk", payload.as_ref(), None);
        assert!(!shown.contains(&key), "{shown}");
        assert!(!shown.contains("Mustermann"), "{shown}");
        assert!(shown.contains("details withheld"), "{shown}");
    }

    #[test]
    fn a_real_expect_on_an_error_carries_the_error_and_is_withheld() {
        let payload = std::panic::catch_unwind(|| {
            let looked_up: Result<(), String> =
                std::hint::black_box(Err("Max Mustermann, Musterstraße 1".into()));
            looked_up.expect("the record saves");
        })
        .unwrap_err();
        let shown = message("DPO Desk", payload.as_ref(), None);
        assert!(!shown.contains("Mustermann"), "{shown}");
    }

    #[test]
    fn a_literal_panic_text_of_ours_and_the_place_are_shown() {
        let payload: Box<dyn std::any::Any + Send> = Box::new("the shipped catalogue parses");
        let here = std::panic::Location::caller();
        let shown = message("dpo-desk-cli", payload.as_ref(), Some(here));
        assert!(shown.contains("the shipped catalogue parses"), "{shown}");
        assert!(shown.contains("crash.rs:"), "{shown}");
        assert!(shown.starts_with("dpo-desk-cli stopped"), "{shown}");
    }

    #[test]
    fn keys_print_redacted_wherever_they_are_debug_formatted() {
        let key = RecoveryKey::generate();
        let shown = format!("{key:?} {:?} {:?}", key.database_key(), key.backup_key());
        assert!(!shown.contains(&key.display()[..5]), "{shown}");
        assert!(
            !shown.contains(&key.database_key().to_hex()[..8]),
            "{shown}"
        );
    }
}
