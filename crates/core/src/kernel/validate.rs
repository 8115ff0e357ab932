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

/// A link from a course page the app may hand to the system's browser or mail program:
/// only `https:`, `http:` and `mailto:`, without spaces or control characters, so a page
/// cannot start a program or open a local file.
pub fn outside_link(link: &str) -> Option<&str> {
    let link = link.trim();
    let lower = link.to_ascii_lowercase();
    let scheme_ok = ["https://", "http://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len());
    let clean = !link.chars().any(|c| c.is_whitespace() || c.is_control());
    (scheme_ok && clean && link.len() <= 2000).then_some(link)
}

#[cfg(test)]
mod link_tests {
    use super::outside_link;

    #[test]
    fn only_web_and_mail_links_leave_the_app() {
        assert_eq!(
            outside_link(" https://eur-lex.europa.eu/eli/reg/2016/679/oj "),
            Some("https://eur-lex.europa.eu/eli/reg/2016/679/oj")
        );
        assert!(outside_link("mailto:dsb@example.org").is_some());
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "https://",
            "/usr/bin/xterm",
            "https://a.example/ b",
            "smb://nas/share",
        ] {
            assert_eq!(outside_link(bad), None, "{bad}");
        }
    }
}
