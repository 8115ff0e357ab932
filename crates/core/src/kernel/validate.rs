//! Checks of values every domain applies the same way.

/// A plausible e-mail address: something@domain.tld, no spaces.
pub fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !email.contains(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use super::valid_email;

    #[test]
    fn an_email_needs_a_local_part_a_dotted_domain_and_no_spaces() {
        assert!(valid_email("dsb@kanzlei-meier.de"));
        assert!(!valid_email("dsb@kanzlei"));
        assert!(!valid_email("dsb kanzlei@x.de"));
    }
}
