//! The two full-text indexes over a tenant's records and which one answers a search text:
//! `search_trigram` finds any part of a word from three characters on (German compounds:
//! "überwachung" in "Videoüberwachung"); `search_index` finds word beginnings, for the
//! shorter terms a trigram cannot match. Both hold the same rows under the same rowids.

/// An index and the FTS5 query for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextMatch {
    pub table: &'static str,
    pub query: String,
    /// How many tokens a snippet spans: words in the word index, characters in the trigram one.
    pub snippet_tokens: u8,
}

/// What a person types, as a query: every term must occur, in any order; quotes and
/// operators typed by the person are taken literally.
pub(crate) fn text_match(text: &str) -> Option<TextMatch> {
    let terms: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    if terms.is_empty() {
        return None;
    }
    if terms.iter().all(|t| t.chars().count() >= 3) {
        Some(TextMatch {
            table: "search_trigram",
            snippet_tokens: 60,
            query: terms
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(" "),
        })
    } else {
        Some(TextMatch {
            table: "search_index",
            snippet_tokens: 12,
            query: terms
                .iter()
                .map(|t| format!("\"{t}\"*"))
                .collect::<Vec<_>>()
                .join(" "),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_from_three_characters_search_inside_words_shorter_ones_at_word_starts() {
        assert_eq!(
            text_match("überwachung video"),
            Some(TextMatch {
                table: "search_trigram",
                query: "\"überwachung\" \"video\"".into(),
                snippet_tokens: 60,
            })
        );
        assert_eq!(
            text_match("IT ab"),
            Some(TextMatch {
                table: "search_index",
                query: "\"IT\"* \"ab\"*".into(),
                snippet_tokens: 12,
            })
        );
        assert_eq!(
            text_match("\"a\" OR NEAR(x)").unwrap().query,
            "\"a\"* \"OR\"* \"NEAR\"* \"x\"*",
            "operators are taken literally"
        );
        assert_eq!(text_match(" ,;- "), None);
    }
}
