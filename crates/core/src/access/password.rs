//! Password hashing (Argon2id, PHC strings) and the minimum rules for a new password.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

use crate::kernel::error::{CoreError, CoreResult};

pub const MIN_LENGTH: usize = 10;

/// zxcvbn's score 3 ("safely unguessable"): more than 10^10 guesses, which an Argon2id
/// hash turns into years for someone who copied the database and the key.
pub const MIN_STRENGTH: u8 = 3;

pub fn hash(password: &str) -> CoreResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| CoreError::Corrupt(format!("password hashing failed: {e}")))
}

pub fn verify(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
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
