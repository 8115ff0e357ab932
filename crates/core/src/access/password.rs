//! Password hashing (Argon2id, PHC strings) and the minimum rules for a new password.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

use crate::kernel::error::{CoreError, CoreResult};

pub const MIN_LENGTH: usize = 10;

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

    #[test]
    fn weak_passwords_are_refused() {
        assert!(check_new("short", "anna").is_err());
        assert!(check_new("anna.meier", "Anna.Meier").is_err());
        assert!(check_new("a long enough passphrase", "anna").is_ok());
    }
}
