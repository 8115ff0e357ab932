//! Codes people read out or type: invitation codes and certificate verification codes.

use data_encoding::BASE32_NOPAD;
use rand::RngCore;

/// 60 random bits as `XXXX-XXXX-XXXX`: easy to read out, impossible to guess.
pub fn readable_code() -> String {
    let mut bytes = [0u8; 8];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let text = BASE32_NOPAD.encode(&bytes);
    text.as_bytes()[..12]
        .chunks(4)
        .map(|c| std::str::from_utf8(c).expect("ascii"))
        .collect::<Vec<_>>()
        .join("-")
}

/// A typed code without its dashes, spaces and case: `abcd efgh-ijkl` → `ABCDEFGHIJKL`.
pub fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A normalised code in its readable form again.
pub fn format_code(normalised: &str) -> String {
    normalised
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_in_three_groups_and_survives_sloppy_typing() {
        let code = readable_code();
        assert_eq!(code.len(), 14);
        assert_eq!(code.matches('-').count(), 2);
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(format_code(&normalise_code(&typed)), code);
        assert_ne!(readable_code(), code);
    }
}
