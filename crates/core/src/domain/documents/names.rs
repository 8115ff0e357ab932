//! The one rule for names of documents and folders: a name is shown in a tree and becomes a
//! file name when the document is opened or saved, so it cannot hold a path.

use crate::kernel::error::{CoreError, CoreResult};

/// Refuses what would be a path or no name at all; characters some systems refuse in file
/// names (`: * ? " < > |`) are kept here and replaced only when a file is written.
pub(crate) fn checked(field: &'static str, name: &str, what: &str) -> CoreResult<String> {
    let name = CoreError::required_name(field, name, 255, what)?;
    if name.contains(['/', '\\']) {
        return Err(CoreError::validation(
            field,
            "format",
            format!("'{name}' holds a slash; {what} is named without one"),
        ));
    }
    if name == "." || name == ".." || name.chars().any(char::is_control) {
        return Err(CoreError::validation(
            field,
            "format",
            format!("'{}' cannot name {what}", name.escape_default()),
        ));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::checked;

    #[test]
    fn names_that_are_paths_or_empty_are_refused() {
        for bad in ["", "  ", "a/b", "..", ".", "a\\b", "tab\there"] {
            assert!(checked("name", bad, "a document").is_err(), "{bad:?}");
        }
        assert_eq!(
            checked("name", " AVV Müller.pdf ", "a document").unwrap(),
            "AVV Müller.pdf"
        );
    }
}
