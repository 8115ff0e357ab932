//! Certificates of passed courses (SPEC §13): one page each, with the learner, the course,
//! the day and score, the office that issued it and the code `course verify` checks.

use genpdf::elements::{Break, LinearLayout, Paragraph};
use genpdf::style::Style;
use genpdf::{Alignment, Element};

use super::date;
use super::pdf::{self, Layout, Meta, Progress};
use crate::domain::courses::statistics::Certificate;
use crate::kernel::error::CoreResult;
use crate::kernel::text::{text, with, Language};

pub(crate) struct Certificates {
    pub certificates: Vec<Certificate>,
}

fn fill(l: Language, id: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    with(l, id, &args)
}

fn centred(value: &str, style: Style) -> impl Element {
    Paragraph::new(value.to_string())
        .aligned(Alignment::Center)
        .styled(style)
}

impl Certificates {
    pub fn render(&self, meta: &Meta, progress: Progress) -> CoreResult<Vec<u8>> {
        pdf::render(meta, self.certificates.len() as u64, progress, |layout| {
            self.build(layout, meta)
        })
    }

    fn page(l: Language, c: &Certificate, office: &str) -> LinearLayout {
        let local = c.passed_at.with_timezone(&chrono::Local).date_naive();
        let mut body = LinearLayout::vertical();
        body.push(Break::new(4));
        body.push(centred(
            &text(l, "certificate-title"),
            Style::new().bold().with_font_size(26),
        ));
        body.push(Break::new(3));
        body.push(centred(
            &text(l, "certificate-confirms"),
            Style::new().with_font_size(12),
        ));
        body.push(Break::new(1));
        body.push(centred(&c.learner, Style::new().bold().with_font_size(20)));
        body.push(Break::new(1));
        body.push(centred(
            &text(l, "certificate-passed"),
            Style::new().with_font_size(12),
        ));
        body.push(Break::new(1));
        body.push(centred(
            &c.course_name,
            Style::new().bold().with_font_size(16),
        ));
        body.push(Break::new(2));
        body.push(centred(
            &fill(
                l,
                "certificate-result",
                &[
                    ("date", date(l, local)),
                    ("score", c.score_percent.to_string()),
                    ("pass", c.pass_percent.to_string()),
                ],
            ),
            Style::new().with_font_size(12),
        ));
        body.push(centred(
            &fill(
                l,
                "certificate-organisation",
                &[("tenant", c.tenant_name.clone())],
            ),
            Style::new().with_font_size(12),
        ));
        body.push(Break::new(4));
        body.push(centred(
            &fill(l, "certificate-issued", &[("office", office.to_string())]),
            Style::new().with_font_size(11),
        ));
        body.push(Break::new(3));
        let mut code = LinearLayout::vertical();
        code.push(centred(
            &text(l, "certificate-code"),
            Style::new().with_font_size(10),
        ));
        code.push(centred(&c.code, Style::new().bold().with_font_size(16)));
        code.push(centred(
            &fill(l, "certificate-verify", &[("code", c.code.clone())]),
            Style::new().with_font_size(9),
        ));
        body.push(code.padded(3).framed());
        body
    }

    fn build(&self, layout: &Layout, meta: &Meta) -> Vec<Box<dyn Element>> {
        let l = layout.language;
        let mut out: Vec<Box<dyn Element>> = Vec::new();
        for (i, c) in self.certificates.iter().enumerate() {
            if i > 0 {
                out.push(Box::new(pdf::page_break()));
            }
            out.push(Box::new(layout.section(i, Self::page(l, c, &meta.office))));
        }
        out
    }
}
