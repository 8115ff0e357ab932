//! Text the core and the shell write themselves — export headers and file names, native
//! notifications, soon PDF headings — from one Fluent catalogue per language
//! (`crates/core/texts/<code>.ftl`). The window has its own catalogue (`ui/src/locales`);
//! no code decides a wording by comparing a language code.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// A language DPO Desk writes in. Anything else reads English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    German,
    English,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::German, Language::English];

    /// A user's or the OS's language code ("de", "de-DE", "en-GB", …).
    pub fn of(code: Option<&str>) -> Language {
        match code.map(|c| c.get(..2).unwrap_or(c).to_ascii_lowercase()) {
            Some(c) if c == "de" => Language::German,
            _ => Language::English,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::German => "de",
            Language::English => "en",
        }
    }

    fn catalogue(self) -> &'static str {
        match self {
            Language::German => include_str!("../../texts/de.ftl"),
            Language::English => include_str!("../../texts/en.ftl"),
        }
    }
}

fn bundle(language: Language) -> &'static FluentBundle<FluentResource> {
    static GERMAN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static ENGLISH: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match language {
        Language::German => &GERMAN,
        Language::English => &ENGLISH,
    };
    cell.get_or_init(|| {
        let resource = FluentResource::try_new(language.catalogue().to_string()).unwrap_or_else(
            |(_, errors)| panic!("texts/{}.ftl does not parse: {errors:?}", language.code()),
        );
        let id = language.code().parse().expect("a language identifier");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Bidi isolation marks would end up in CSV headers and file names.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .expect("message ids are unique");
        bundle
    })
}

/// The message `id` in `language`.
pub fn text(language: Language, id: &str) -> String {
    with(language, id, &[])
}

/// The message `id` in `language` with its `{ $name }` placeholders filled in. A missing id
/// is a programming error: tests fail on it; a release build shows the id.
pub fn with(language: Language, id: &str, args: &[(&str, &str)]) -> String {
    let bundle = bundle(language);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "no text '{id}' in texts/{}.ftl", language.code());
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, *value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(errors.is_empty(), "text '{id}': {errors:?}");
    text.into_owned()
}

/// The message `id` in `language` if the catalogue has it: for codes that may be new to
/// this version (an audit action written by a later one), where the caller falls back.
pub fn text_or(language: Language, id: &str) -> Option<String> {
    bundle(language)
        .get_message(id)
        .and_then(|m| m.value())
        .map(|_| with(language, id, &[]))
}

/// The message ids of a language's catalogue, for the completeness test.
pub fn ids(language: Language) -> Vec<String> {
    let resource =
        FluentResource::try_new(language.catalogue().to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_english_define_the_same_texts_and_every_one_parses() {
        let mut german = ids(Language::German);
        let mut english = ids(Language::English);
        german.sort();
        english.sort();
        let only_german: Vec<_> = german.iter().filter(|id| !english.contains(id)).collect();
        let only_english: Vec<_> = english.iter().filter(|id| !german.contains(id)).collect();
        assert!(only_german.is_empty(), "missing in en.ftl: {only_german:?}");
        assert!(
            only_english.is_empty(),
            "missing in de.ftl: {only_english:?}"
        );
        for language in Language::ALL {
            for id in ids(language) {
                let value = bundle(language).get_message(&id).and_then(|m| m.value());
                assert!(value.is_some(), "{id} has no text in {}", language.code());
            }
        }
    }

    #[test]
    fn placeholders_are_filled_without_bidi_marks() {
        let body = with(
            Language::German,
            "notification-automatic-backup-failed-body",
            &[("reason", "kein Platz")],
        );
        assert!(
            body.contains("konnte nicht geschrieben werden: kein Platz."),
            "{body}"
        );
        assert!(!body.contains('\u{2068}'));
    }

    #[test]
    fn a_language_code_chooses_german_or_falls_back_to_english() {
        assert_eq!(Language::of(Some("de-AT")), Language::German);
        assert_eq!(Language::of(Some("DE")), Language::German);
        assert_eq!(Language::of(Some("pl")), Language::English);
        assert_eq!(Language::of(None), Language::English);
    }
}
