//! The recovery key on paper (SPEC §1): the key in large, spaced groups, the office, the
//! date, what it is for and where to keep it.

use genpdf::elements::{Break, LinearLayout, Paragraph};
use genpdf::style::Style;
use genpdf::{Alignment, Element};

use super::pdf::{self, Fields, Layout, Meta, Progress};
use crate::kernel::error::CoreResult;
use crate::kernel::text::text;

pub(crate) struct RecoverySheet {
    pub key: String,
}

impl RecoverySheet {
    pub fn render(&self, meta: &Meta, progress: Progress) -> CoreResult<Vec<u8>> {
        pdf::render(meta, 1, progress, |layout| self.build(layout, meta))
    }

    fn build(&self, layout: &Layout, meta: &Meta) -> Vec<Box<dyn Element>> {
        let l = layout.language;
        let mut body = LinearLayout::vertical();
        body.push(Break::new(2));
        body.push(pdf::heading(&text(l, "recovery-title"), 20));
        body.push(
            Fields::new()
                .text(text(l, "recovery-office"), meta.office.clone())
                .text(text(l, "recovery-created"), meta.date.clone())
                .build(&text(l, "report-not-specified")),
        );
        body.push(Break::new(2));
        // The groups in lines of four, large, so they are copied without mistakes.
        let groups: Vec<&str> = self.key.split('-').collect();
        let mut key = LinearLayout::vertical();
        for line in groups.chunks(4) {
            key.push(
                Paragraph::new(line.join(" - "))
                    .aligned(Alignment::Center)
                    .styled(Style::new().bold().with_font_size(16)),
            );
        }
        body.push(key.padded(4).framed());
        body.push(Break::new(2));
        for (heading, content) in [
            ("recovery-what", "recovery-what-text"),
            ("recovery-where", "recovery-where-text"),
            ("recovery-how", "recovery-how-text"),
        ] {
            body.push(pdf::heading(&text(l, heading), 11));
            body.push(pdf::paragraphs(&text(l, content), Style::new()));
        }
        vec![Box::new(layout.section(0, body))]
    }
}
