//! Generators of website texts (SPEC §12): the imprint from the company's master data and a
//! form, the privacy policy from a questionnaire and the processing activities it is based
//! on. A generated text is a draft the person edits; what is saved is the edited text.
//!
//! The text format is deliberately small: a line starting with "# " is a heading, a blank
//! line separates paragraphs. Plain text and HTML for the website are made from it.

pub mod imprint;
pub mod privacy_policy;

use serde::Serialize;
use ts_rs::TS;

/// A generated draft and what it still lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct GeneratedText {
    pub text: String,
    /// Required items that are missing, named for the person ("an e-mail address").
    pub missing: Vec<String>,
}

/// The company's name as a website or a report names it: with its legal form, unless the
/// name already holds it ("Bäckerei Müller GmbH (Filiale 1)").
pub(crate) fn name_with_form(company: &crate::domain::companies::CompanyInput) -> String {
    let name = company.name.trim();
    let form = company.legal_form.trim();
    if form.is_empty() || has_form(name, form) {
        name.to_string()
    } else {
        format!("{name} {form}")
    }
}

/// Whether `text` holds the legal form `form` as words of its own ("SE" is not in "SEO").
pub(crate) fn has_form(text: &str, form: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ','))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (text, form) = (words(text), words(form));
    !form.is_empty() && text.windows(form.len()).any(|w| w == form.as_slice())
}

/// The saved text in the two forms it is pasted into a website.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RenderedText {
    pub plain: String,
    pub html: String,
}

pub fn rendered(text: &str) -> RenderedText {
    RenderedText {
        plain: plain(text),
        html: html(text),
    }
}

/// The text without its heading marks, as it is pasted into a plain field.
pub fn plain(text: &str) -> String {
    text.lines()
        .map(|line| line.strip_prefix("# ").unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The text as HTML for a website: headings as `<h2>`, paragraphs as `<p>` with line
/// breaks kept; everything typed is escaped.
pub fn html(text: &str) -> String {
    let mut out = Vec::new();
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        let mut lines: Vec<&str> = block.lines().collect();
        while let Some(first) = lines.first() {
            match first.strip_prefix("# ") {
                Some(heading) => {
                    out.push(format!("<h2>{}</h2>", escape(heading.trim())));
                    lines.remove(0);
                }
                None => break,
            }
        }
        if !lines.is_empty() {
            let body = lines
                .iter()
                .map(|l| escape(l.trim_end()))
                .collect::<Vec<_>>()
                .join("<br>\n");
            out.push(format!("<p>{body}</p>"));
        }
    }
    out.join("\n")
}

/// Builds a text block by block: a heading, then its paragraphs.
#[derive(Default)]
pub(crate) struct Draft {
    blocks: Vec<String>,
}

impl Draft {
    pub fn heading(&mut self, title: &str) {
        self.blocks.push(format!("# {}", title.trim()));
    }

    /// A paragraph of the lines that are not empty; nothing when all are.
    pub fn lines<S: AsRef<str>>(&mut self, lines: &[S]) {
        let kept: Vec<&str> = lines
            .iter()
            .map(|l| l.as_ref().trim())
            .filter(|l| !l.is_empty())
            .collect();
        if !kept.is_empty() {
            self.blocks.push(kept.join("\n"));
        }
    }

    pub fn paragraph(&mut self, text: &str) {
        self.lines(&[text]);
    }

    pub fn finish(self) -> String {
        self.blocks.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legal_form_is_found_as_whole_words_only() {
        assert!(has_form("Bäckerei Müller GmbH (1)", "GmbH"));
        assert!(has_form("Autohaus Weber GmbH & Co. KG", "GmbH & Co. KG"));
        assert!(!has_form("SEO Agentur", "SE"));
        assert!(!has_form("AGROTECH", "AG"));
    }

    #[test]
    fn headings_and_paragraphs_become_html_with_everything_escaped() {
        let text =
            "# Impressum\n\nMüller & Söhne <GmbH>\nHauptstraße 1\n\n# Kontakt\nE-Mail: a@b.de";
        assert_eq!(
            html(text),
            "<h2>Impressum</h2>\n<p>Müller &amp; Söhne &lt;GmbH&gt;<br>\nHauptstraße 1</p>\n<h2>Kontakt</h2>\n<p>E-Mail: a@b.de</p>"
        );
        assert_eq!(
            plain(text),
            "Impressum\n\nMüller & Söhne <GmbH>\nHauptstraße 1\n\nKontakt\nE-Mail: a@b.de"
        );
    }
}
