//! Password hashing (Argon2id, PHC strings) and the minimum rules for a new password.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::kernel::error::{CoreError, CoreResult};

pub const MIN_LENGTH: usize = 10;

/// zxcvbn's score 3 ("safely unguessable"): at least 10^8 guesses by its estimate, which
/// the sign-in delay turns into millennia online; offline the hashes are inside the
/// encrypted database, and Argon2id slows whoever holds its key as well.
pub const MIN_STRENGTH: u8 = 3;

/// Argon2id with 19 MiB of memory, 2 passes, 1 lane: OWASP's Password Storage Cheat Sheet
/// recommendation (its first of the equivalent settings). Stated here, not left to the
/// crate's default, so an update of the crate cannot lower it; a stored hash carries its
/// own parameters and keeps verifying if they are raised.
pub const MEMORY_KIB: u32 = 19_456;
pub const PASSES: u32 = 2;
pub const LANES: u32 = 1;

fn hasher() -> Argon2<'static> {
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(MEMORY_KIB, PASSES, LANES, None).expect("valid Argon2 parameters"),
    )
}

pub fn hash(password: &str) -> CoreResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| CoreError::Corrupt(format!("password hashing failed: {e}")))
}

pub fn verify(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Rejects passwords a DPO should not be allowed to choose for the key to all client data.
pub fn check_new(password: &str, user_name: &str) -> CoreResult<()> {
    if password.chars().count() < MIN_LENGTH {
        return Err(CoreError::validation(
            "password",
            "too_short",
            format!("must have at least {MIN_LENGTH} characters"),
        ));
    }
    if password.trim().is_empty() || password.to_lowercase() == user_name.to_lowercase() {
        return Err(CoreError::validation(
            "password",
            "too_weak",
            "must not be the user name",
        ));
    }
    let estimate = zxcvbn::zxcvbn(password, &[user_name]);
    let score = u8::from(estimate.score());
    if score < MIN_STRENGTH {
        let why = estimate
            .feedback()
            .and_then(|f| f.warning())
            .map(|w| format!(": {w}"))
            .unwrap_or_default();
        return Err(CoreError::validation(
            "password",
            "too_guessable",
            format!(
                "is too easy to guess (strength {score} of 4, at least {MIN_STRENGTH} needed){why}"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_at_least_the_owasp_parameters_and_old_ones_still_verify() {
        let phc = hash("Ein-langes-Passwort-2026").unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify("Ein-langes-Passwort-2026", &phc));
        assert!(!verify("ein-langes-passwort-2026", &phc));
        // A hash made with other (e.g. older default or later raised) parameters carries
        // them and verifies.
        let other = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(47_104, 1, 1, None).unwrap(),
        )
        .hash_password(
            b"Ein-langes-Passwort-2026",
            &SaltString::generate(&mut OsRng),
        )
        .unwrap()
        .to_string();
        assert!(verify("Ein-langes-Passwort-2026", &other));
    }

    #[test]
    fn hashes_are_argon2id_and_salted() {
        let a = hash("correct horse battery").unwrap();
        let b = hash("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b);
        assert!(verify("correct horse battery", &a));
        assert!(!verify("correct horse batterY", &a));
        assert!(!verify("anything", "not a hash"));
    }

    fn rule(password: &str, user: &str) -> Option<&'static str> {
        match check_new(password, user) {
            Ok(()) => None,
            Err(CoreError::Validation { rule, .. }) => Some(rule),
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn weak_passwords_are_refused() {
        assert_eq!(rule("short", "anna"), Some("too_short"));
        assert_eq!(rule("anna.meier", "Anna.Meier"), Some("too_weak"));
        assert_eq!(rule("a long enough passphrase", "anna"), None);
    }

    #[test]
    fn long_but_guessable_passwords_are_refused_with_the_reason() {
        for guessable in [
            "aaaaaaaaaa",
            "1234567890",
            "qwertzuiop",
            "password123",
            "anna.meier1",
        ] {
            assert_eq!(
                rule(guessable, "anna.meier"),
                Some("too_guessable"),
                "{guessable}"
            );
        }
        let Err(CoreError::Validation { message, .. }) = check_new("aaaaaaaaaa", "anna") else {
            panic!("refused")
        };
        assert!(message.contains("at least 3"), "{message}");
        for strong in [
            "Datenschutz-2026!",
            "Neues-Passwort-2026",
            "Mein-eigenes-Passwort",
            "Jonas-eigenes-Passwort",
            "Evas-Passwort-2026",
            "correct horse battery staple",
        ] {
            assert_eq!(rule(strong, "anna"), None, "{strong}");
        }
    }
}
