//! Texts a company publishes on its website (SPEC §12): the imprint and the privacy
//! policy, stored per company with the answers they were generated from, the edited text
//! and its last change. What goes into them is the generators' business
//! (`services::generators`); this is their storage.

pub mod descriptor;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::snake_names;
use crate::store::audit;
use crate::store::rows::{parsed, save};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum WebsiteTextKind {
    Imprint,
    PrivacyPolicy,
}

snake_names!(WebsiteTextKind);

/// A saved text with what it was made from.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WebsiteText {
    pub company_id: i64,
    pub kind: WebsiteTextKind,
    /// The form's answers the text was generated from.
    #[ts(type = "unknown")]
    pub answers: serde_json::Value,
    /// Headings start with "# "; paragraphs are separated by a blank line.
    pub text: String,
    /// "de" or "en".
    pub language: String,
    pub updated_by: String,
    pub updated_at: DateTime<Utc>,
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<WebsiteText> {
    let answers: String = r.get(2)?;
    Ok(WebsiteText {
        company_id: r.get(0)?,
        kind: parsed(1, r.get(1)?, WebsiteTextKind::parse)?,
        answers: serde_json::from_str(&answers).unwrap_or(serde_json::Value::Null),
        text: r.get(3)?,
        language: r.get(4)?,
        updated_by: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

/// The company's saved text of `kind`, if one was saved.
pub(crate) fn get(
    conn: &Connection,
    company_id: i64,
    kind: WebsiteTextKind,
) -> CoreResult<Option<WebsiteText>> {
    Ok(conn
        .prepare_cached(
            "SELECT company_id, kind, answers, text, language, updated_by, updated_at
             FROM website_texts WHERE company_id = ?1 AND kind = ?2",
        )?
        .query_row(params![company_id, kind.as_str()], from_row)
        .optional()?)
}

/// The text within its limit and the language as stored ("de" or "en").
fn checked<'a>(text: &'a str, language: &str) -> CoreResult<(&'a str, &'static str)> {
    if text.chars().count() > 200_000 {
        return Err(CoreError::validation(
            "text",
            "too_long",
            "the text is longer than 200,000 characters",
        ));
    }
    Ok((text, if language == "de" { "de" } else { "en" }))
}

/// A text as a tenant file carries it: inserted as it was, without an audit row of its own
/// (the import is audited once).
#[allow(clippy::too_many_arguments)]
pub(crate) fn insert(
    conn: &Connection,
    now: DateTime<Utc>,
    tenant_id: i64,
    company_id: i64,
    kind: WebsiteTextKind,
    answers: &serde_json::Value,
    text: &str,
    language: &str,
    updated_by: &str,
) -> CoreResult<()> {
    let (text, language) = checked(text, language)?;
    let answers = answers.to_string();
    save(
        conn,
        "website_texts",
        None,
        &[
            ("tenant_id", &tenant_id),
            ("company_id", &company_id),
            ("kind", &kind.as_str()),
            ("answers", &answers),
            ("text", &text),
            ("language", &language),
            ("updated_by", &updated_by),
        ],
        now,
    )?;
    Ok(())
}

/// Saves (creates or replaces) the company's text of `kind`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn put(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tenant_id: i64,
    company_id: i64,
    kind: WebsiteTextKind,
    answers: &serde_json::Value,
    text: &str,
    language: &str,
) -> CoreResult<WebsiteText> {
    let (text, language) = checked(text, language)?;
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM website_texts WHERE company_id = ?1 AND kind = ?2",
            params![company_id, kind.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    let old = if existing.is_some() {
        get(conn, company_id, kind)?
    } else {
        None
    };
    let answers_json = answers.to_string();
    let id = save(
        conn,
        "website_texts",
        existing,
        &[
            ("tenant_id", &tenant_id),
            ("company_id", &company_id),
            ("kind", &kind.as_str()),
            ("answers", &answers_json),
            ("text", &text),
            ("language", &language),
            ("updated_by", &user.name),
        ],
        now,
    )?;
    let new = serde_json::json!({ "company_id": company_id, "kind": kind.as_str(), "text": text });
    match old {
        None => audit::created(conn, now, &user.actor(), "website_text", id, new)?,
        Some(old) => audit::changed(
            conn,
            now,
            &user.actor(),
            "update",
            "website_text",
            id,
            serde_json::json!({ "company_id": company_id, "kind": kind.as_str(), "text": old.text }),
            new,
        )?,
    }
    get(conn, company_id, kind)?.ok_or_else(|| CoreError::Corrupt("the saved text is gone".into()))
}
