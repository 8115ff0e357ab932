//! The languages DPO Desk speaks.

/// Languages the UI is complete in.
pub const SUPPORTED_LANGUAGES: &[&str] = &["de", "en"];
