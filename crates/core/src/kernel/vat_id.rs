//! The shape of a VAT identification number, by country prefix.
//!
//! The shapes are those the European Commission's VIES lists for its member states
//! ("VAT number structure"), plus Northern Ireland (XI), which VIES also checks. Only
//! Germany's check digit is verified: its rule is public (ISO 7064 MOD 11,10, used by
//! the Bundeszentralamt für Steuern); other countries' are not checked, so a typo there
//! passes. A shape is written with `9` for a digit, `A` for a letter, `X` for either;
//! anything else is literal.

use crate::kernel::error::CoreError;

/// (prefix, country in English, accepted shapes after the prefix, an example).
const SHAPES: &[(&str, &str, &[&str], &str)] = &[
    ("AT", "Austrian", &["U99999999"], "ATU12345678"),
    (
        "BE",
        "Belgian",
        &["0999999999", "1999999999"],
        "BE0123456789",
    ),
    (
        "BG",
        "Bulgarian",
        &["999999999", "9999999999"],
        "BG123456789",
    ),
    ("CY", "Cypriot", &["99999999A"], "CY12345678X"),
    (
        "CZ",
        "Czech",
        &["99999999", "999999999", "9999999999"],
        "CZ12345678",
    ),
    ("DE", "German", &["999999999"], "DE136695976"),
    ("DK", "Danish", &["99999999"], "DK12345678"),
    ("EE", "Estonian", &["999999999"], "EE123456789"),
    ("EL", "Greek", &["999999999"], "EL123456789"),
    ("ES", "Spanish", &["X9999999X"], "ESX1234567X"),
    ("FI", "Finnish", &["99999999"], "FI12345678"),
    ("FR", "French", &["XX999999999"], "FR12345678901"),
    ("HR", "Croatian", &["99999999999"], "HR12345678901"),
    ("HU", "Hungarian", &["99999999"], "HU12345678"),
    ("IE", "Irish", &["9X99999A", "9999999AA"], "IE1234567WA"),
    ("IT", "Italian", &["99999999999"], "IT12345678901"),
    (
        "LT",
        "Lithuanian",
        &["999999999", "999999999999"],
        "LT123456789",
    ),
    ("LU", "Luxembourgish", &["99999999"], "LU12345678"),
    ("LV", "Latvian", &["99999999999"], "LV12345678901"),
    ("MT", "Maltese", &["99999999"], "MT12345678"),
    ("NL", "Dutch", &["999999999B99"], "NL123456789B01"),
    ("PL", "Polish", &["9999999999"], "PL1234567890"),
    ("PT", "Portuguese", &["999999999"], "PT123456789"),
    (
        "RO",
        "Romanian",
        &[
            "99",
            "999",
            "9999",
            "99999",
            "999999",
            "9999999",
            "99999999",
            "999999999",
            "9999999999",
        ],
        "RO1234567890",
    ),
    ("SE", "Swedish", &["999999999999"], "SE123456789001"),
    ("SI", "Slovenian", &["99999999"], "SI12345678"),
    ("SK", "Slovak", &["9999999999"], "SK1234567890"),
    (
        "XI",
        "Northern Irish",
        &["999999999", "999999999999", "GD999", "HA999"],
        "XI123456789",
    ),
];

fn fits(value: &str, shape: &str) -> bool {
    value.len() == shape.len()
        && value.chars().zip(shape.chars()).all(|(c, s)| match s {
            '9' => c.is_ascii_digit(),
            'A' => c.is_ascii_uppercase(),
            'X' => c.is_ascii_uppercase() || c.is_ascii_digit(),
            literal => c == literal,
        })
}

/// ISO 7064 MOD 11,10 over the first eight digits gives the ninth.
fn german_check_digit_fits(digits: &str) -> bool {
    let digits: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 9 {
        return false;
    }
    let mut product = 10;
    for digit in &digits[..8] {
        let mut sum = (digit + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    let check = (11 - product) % 10;
    check == digits[8]
}

/// The German VAT ID with this eight-digit stem (for demo data that must pass the check).
pub fn german_with_stem(stem: u32) -> String {
    let stem = format!("{:08}", stem % 100_000_000);
    let check = (0..10)
        .find(|d| german_check_digit_fits(&format!("{stem}{d}")))
        .expect("one digit fits");
    format!("DE{stem}{check}")
}

/// Checks an upper-cased VAT ID without spaces; the refusal says what was expected.
pub fn check(field: &'static str, vat_id: &str) -> Result<(), CoreError> {
    let (prefix, rest) = vat_id.split_at(vat_id.len().min(2));
    if prefix == "GR" {
        return Err(CoreError::validation(
            field,
            "greece",
            format!("'{vat_id}': Greek VAT IDs start with EL, not GR"),
        )
        .with_example("EL123456789"));
    }
    let Some((_, country, shapes, example)) = SHAPES.iter().find(|(p, ..)| *p == prefix) else {
        return Err(CoreError::validation(
            field,
            "country",
            format!(
                "'{vat_id}' does not start with the country code of an EU member state (e.g. DE, AT, FR)"
            ),
        )
        .with_example("DE136695976"));
    };
    if !shapes.iter().any(|shape| fits(rest, shape)) {
        return Err(CoreError::validation(
            field,
            "format",
            format!("'{vat_id}' does not have the shape of a {country} VAT ID, e.g. {example}"),
        )
        .with_example(*example));
    }
    if prefix == "DE" && !german_check_digit_fits(rest) {
        return Err(CoreError::validation(
            field,
            "check_digit",
            format!("'{vat_id}': the check digit does not fit; please look for a typo"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(vat_id: &str) -> Option<&'static str> {
        match check("vat_id", vat_id) {
            Ok(()) => None,
            Err(CoreError::Validation { rule, .. }) => Some(rule),
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn well_formed_vat_ids_of_member_states_pass() {
        for ok in [
            "DE136695976",
            "DE811569869",
            "ATU12345678",
            "BE0123456789",
            "FR12345678901",
            "FRXX123456789",
            "NL123456789B01",
            "ESX1234567X",
            "IE1234567WA",
            "IE1X23456X",
            "SE123456789001",
            "RO12",
            "XIGD123",
        ] {
            assert_eq!(rule(ok), None, "{ok}");
        }
        for (_, _, _, example) in SHAPES {
            assert_eq!(rule(example), None, "the example {example} passes");
        }
    }

    #[test]
    fn an_unknown_prefix_a_wrong_shape_and_a_german_typo_are_refused_each_with_its_rule() {
        assert_eq!(rule("HELLOWORLD"), Some("country"));
        assert_eq!(rule("XX123"), Some("country"));
        assert_eq!(rule("123456789"), Some("country"));
        assert_eq!(rule("GR123456789"), Some("greece"));
        assert_eq!(rule("DE12"), Some("format"));
        assert_eq!(rule("DE1234567890"), Some("format"));
        assert_eq!(rule("ATU1234567"), Some("format"));
        assert_eq!(rule("NL123456789X01"), Some("format"));
        assert_eq!(rule("DE123456789"), Some("check_digit"));
        assert_eq!(rule("DE136695977"), Some("check_digit"));
    }

    #[test]
    fn a_refused_shape_names_the_country_and_an_example() {
        let err = check("vat_id", "DE12").unwrap_err();
        assert!(
            err.to_string().contains("German VAT ID, e.g. DE136695976"),
            "{err}"
        );
        assert_eq!(
            err.params().get("example").map(String::as_str),
            Some("DE136695976")
        );
    }

    #[test]
    fn german_demo_ids_carry_a_fitting_check_digit() {
        for stem in [0, 1, 13669597, 99_999_999] {
            let id = german_with_stem(stem);
            assert_eq!(rule(&id), None, "{id}");
        }
        assert_eq!(german_with_stem(13669597), "DE136695976");
    }
}
