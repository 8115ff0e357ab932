//! The two full-text indexes over a tenant's records and which one answers a search text:
//! `search_trigram` finds any part of a word from three characters on (German compounds:
//! "überwachung" in "Videoüberwachung"); `search_index` finds word beginnings, for the
//! shorter terms a trigram cannot match. Both hold the same rows under the same rowids,
//! each with its tenant as an indexed token (`<12>`), so a match keeps to one tenant
//! (migration V17).

/// An index and the FTS5 query for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextMatch {
    pub table: &'static str,
    pub query: String,
    /// How many tokens a snippet spans: words in the word index, characters in the trigram one.
    pub snippet_tokens: u8,
}

/// What a person types, as a query in one tenant: every term must occur in a record's title
/// or body, in any order; quotes and operators typed by the person are taken literally.
pub(crate) fn text_match(text: &str, tenant_id: i64) -> Option<TextMatch> {
    let terms: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    if terms.is_empty() {
        return None;
    }
    // Trigrams match any part of a word; shorter terms can only match word beginnings.
    let (table, snippet_tokens, prefix) = if terms.iter().all(|t| t.chars().count() >= 3) {
        ("search_trigram", 60, "")
    } else {
        ("search_index", 12, "*")
    };
    let words = terms
        .iter()
        .map(|t| format!("{{title body}} : \"{t}\"{prefix}"));
    let tenant = std::iter::once(format!("tenant : \"<{tenant_id}>\""));
    Some(TextMatch {
        table,
        snippet_tokens,
        query: words.chain(tenant).collect::<Vec<_>>().join(" AND "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_from_three_characters_search_inside_words_shorter_ones_at_word_starts() {
        assert_eq!(
            text_match("überwachung video", 7),
            Some(TextMatch {
                table: "search_trigram",
                query: "{title body} : \"überwachung\" AND {title body} : \"video\" AND tenant : \"<7>\"".into(),
                snippet_tokens: 60,
            })
        );
        assert_eq!(
            text_match("IT ab", 12),
            Some(TextMatch {
                table: "search_index",
                query: "{title body} : \"IT\"* AND {title body} : \"ab\"* AND tenant : \"<12>\""
                    .into(),
                snippet_tokens: 12,
            })
        );
        assert_eq!(
            text_match("\"a\" OR NEAR(x)", 1).unwrap().query,
            "{title body} : \"a\"* AND {title body} : \"OR\"* AND {title body} : \"NEAR\"* AND {title body} : \"x\"* AND tenant : \"<1>\"",
            "operators are taken literally"
        );
        assert_eq!(text_match(" ,;- ", 1), None);
    }

    /// Tenants whose ids share digits (1, 12, 21, 112) each find only their own rows, in
    /// both indexes, with long and short terms; the schema is the migrations' own.
    #[test]
    fn a_tenant_token_matches_its_tenant_and_no_other_with_the_same_digits() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::store::migrations::runner().run(&mut conn).unwrap();
        let tenants = [1_i64, 12, 21, 112, 121];
        for (i, tenant) in tenants.iter().enumerate() {
            for table in ["search_index", "search_trigram"] {
                conn.execute(
                    &format!(
                        "INSERT INTO {table} (rowid, title, body, tenant, tenant_id, object_type, object_id)
                         VALUES (?1, 'Videoüberwachung Lager', 'Kameras am Tor', ?2, ?3, 'processing_activity', ?1)"
                    ),
                    rusqlite::params![i as i64 * 2 + 2, format!("<{tenant}>"), tenant],
                )
                .unwrap();
            }
        }
        for tenant in tenants {
            for text in ["überwachung", "Vi", "Kameras Tor"] {
                let found = text_match(text, tenant).unwrap();
                let index = found.table;
                let hits: Vec<i64> = conn
                    .prepare(&format!(
                        "SELECT tenant_id FROM {index} WHERE {index} MATCH ?1"
                    ))
                    .unwrap()
                    .query_map([&found.query], |r| r.get(0))
                    .unwrap()
                    .collect::<Result<_, _>>()
                    .unwrap();
                assert_eq!(hits, [tenant], "{text:?} in tenant {tenant} ({index})");
            }
            // The token itself, typed, finds nothing: a person's words only meet title and body.
            for typed in [tenant.to_string(), format!("<{tenant}>")] {
                let found = text_match(&typed, tenant).unwrap();
                let count: i64 = conn
                    .query_row(
                        &format!("SELECT count(*) FROM {0} WHERE {0} MATCH ?1", found.table),
                        [&found.query],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(count, 0, "{typed:?} in tenant {tenant}");
            }
        }
    }
}
