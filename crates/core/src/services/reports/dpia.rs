//! One version of a data protection impact assessment as a PDF (Art. 35 GDPR): every
//! section, the risk table, the risk map drawn as a picture (each risk before and after
//! its measures on the office's likelihood × severity matrix), the opinions and the
//! validation.

use genpdf::elements::{Break, LinearLayout};
use genpdf::style::{Color, Style};
use genpdf::{Context, Element, Mm, Position, RenderResult, Size};

use super::optional_date;
use super::pdf::{self, Fields, KeepSpace, Layout, Meta, Progress};
use crate::domain::companies::Company;
use crate::domain::dpias::matrix::{RiskLevel, RiskMatrix};
use crate::domain::dpias::{Dpia, Risk, RiskKind};
use crate::kernel::error::CoreResult;
use crate::kernel::text::{text, with, Language};

pub(crate) struct DpiaReport {
    dpia: Dpia,
    company: Company,
    matrix: RiskMatrix,
}

const DESCRIPTION: &[&str] = &[
    "description",
    "responsibilities",
    "standards",
    "data_processed",
    "life_cycle",
    "supporting_assets",
];
const NECESSITY: &[&str] = &[
    "purposes",
    "legal_basis",
    "minimisation",
    "accuracy",
    "storage_limits",
    "information",
    "consent",
    "access_portability",
    "rectification_erasure",
    "restriction_objection",
    "processors",
    "transfers",
];

impl DpiaReport {
    pub fn new(dpia: Dpia, company: Company, matrix: RiskMatrix) -> Self {
        DpiaReport {
            dpia,
            company,
            matrix,
        }
    }

    pub fn render(&self, meta: &Meta, progress: Progress) -> CoreResult<Vec<u8>> {
        pdf::render(meta, 6, progress, |layout| self.build(layout))
    }

    /// A section's text field by its name (the names the window and the CNIL mapping use).
    fn field(&self, name: &str) -> String {
        let d = &self.dpia.data;
        match name {
            "description" => &d.description,
            "responsibilities" => &d.responsibilities,
            "standards" => &d.standards,
            "data_processed" => &d.data_processed,
            "life_cycle" => &d.life_cycle,
            "supporting_assets" => &d.supporting_assets,
            "purposes" => &d.purposes,
            "legal_basis" => &d.legal_basis,
            "minimisation" => &d.minimisation,
            "accuracy" => &d.accuracy,
            "storage_limits" => &d.storage_limits,
            "information" => &d.information,
            "consent" => &d.consent,
            "access_portability" => &d.access_portability,
            "rectification_erasure" => &d.rectification_erasure,
            "restriction_objection" => &d.restriction_objection,
            "processors" => &d.processors,
            "transfers" => &d.transfers,
            other => unreachable!("no DPIA field {other}"),
        }
        .clone()
    }

    fn build(&self, layout: &Layout) -> Vec<Box<dyn Element>> {
        let l = layout.language;
        let d = &self.dpia;
        let missing = text(l, "report-not-specified");
        let mut out: Vec<Box<dyn Element>> = Vec::new();
        out.push(Box::new(pdf::heading(&text(l, "dpia-report-title"), 18)));
        out.push(Box::new(pdf::heading(
            &with(
                l,
                "dpia-report-subtitle",
                &[("activity", d.activity_name.as_str())],
            ),
            12,
        )));
        out.push(Box::new(pdf::muted(&format!(
            "{} · {}",
            self.company.data.name,
            with(
                l,
                "dpia-report-version",
                &[
                    ("version", d.version.to_string().as_str()),
                    (
                        "status",
                        text(l, &format!("dpia-status-{}", d.status.as_str())).as_str(),
                    ),
                ],
            )
        ))));

        let section = |index: usize, title: &str, body: Box<dyn Element>| {
            let mut s = LinearLayout::vertical();
            s.push(Break::new(1));
            s.push(pdf::heading(title, 13));
            s.push(pdf::Boxed(body));
            layout.section(index, s)
        };
        let fields = |names: &[&str]| {
            names
                .iter()
                .fold(Fields::new(), |f, name| {
                    f.text(text(l, &format!("dpia-field-{name}")), self.field(name))
                })
                .build(&missing)
        };
        out.push(Box::new(section(
            0,
            &text(l, "dpia-report-section-description"),
            Box::new(fields(DESCRIPTION)),
        )));
        out.push(Box::new(KeepSpace(40.0)));
        out.push(Box::new(section(
            1,
            &text(l, "dpia-report-section-necessity"),
            Box::new(fields(NECESSITY)),
        )));
        out.push(Box::new(KeepSpace(40.0)));
        out.push(Box::new(section(
            2,
            &text(l, "dpia-report-section-risks"),
            Box::new(self.risks(l)),
        )));
        out.push(Box::new(KeepSpace(40.0)));
        out.push(Box::new(section(
            3,
            &text(l, "dpia-report-section-measures"),
            Box::new(self.measures(l)),
        )));
        out.push(Box::new(KeepSpace(110.0)));
        out.push(Box::new(section(
            4,
            &text(l, "dpia-report-section-map"),
            Box::new(RiskMap::new(l, &self.matrix, &d.risks)),
        )));
        out.push(Box::new(KeepSpace(40.0)));
        out.push(Box::new(section(
            5,
            &text(l, "dpia-report-section-opinions"),
            Box::new(self.opinions(l)),
        )));
        out.push(Box::new(KeepSpace(40.0)));
        out.push(Box::new(self.validation(l)));
        out
    }

    fn risk_title(l: Language, risk: &Risk) -> String {
        match risk.data.kind {
            RiskKind::Own => risk.data.title.clone(),
            kind if risk.data.title.trim().is_empty() => {
                text(l, &format!("risk-kind-{}", kind.as_str()))
            }
            _ => risk.data.title.clone(),
        }
    }

    fn risks(&self, l: Language) -> LinearLayout {
        let mut body = LinearLayout::vertical();
        if self.dpia.risks.is_empty() {
            body.push(pdf::muted(&text(l, "dpia-report-no-risks")));
            return body;
        }
        // One cell per rating: "L 3 significant / S 4 maximum → high risk"; the scale's
        // long names do not fit side by side in columns.
        let rating = |likelihood: Option<i64>, severity: Option<i64>, level: Option<RiskLevel>| {
            let scale = |v: Option<i64>| {
                v.map(|v| format!("{v} {}", text(l, &format!("dpia-scale-{v}"))))
                    .unwrap_or_else(|| "—".into())
            };
            format!(
                "{}: {}\n{}: {}\n→ {}",
                text(l, "dpia-report-likelihood-short"),
                scale(likelihood),
                text(l, "dpia-report-severity-short"),
                scale(severity),
                level
                    .map(|lv| text(l, &format!("risk-level-{}", lv.as_str())))
                    .unwrap_or_else(|| "—".into()),
            )
        };
        let rows = self
            .dpia
            .risks
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    format!("R{} {}", i + 1, Self::risk_title(l, r)),
                    rating(r.data.likelihood, r.data.severity, r.level),
                    rating(
                        r.data.residual_likelihood,
                        r.data.residual_severity,
                        r.residual_level,
                    ),
                ]
            })
            .collect();
        body.push(pdf::table(
            vec![6, 5, 5],
            vec![
                text(l, "dpia-report-risk"),
                text(l, "dpia-report-before"),
                text(l, "dpia-report-residual"),
            ],
            rows,
        ));
        body.push(pdf::muted(&text(l, "dpia-report-scale-legend")));
        for (i, r) in self.dpia.risks.iter().enumerate() {
            body.push(Break::new(0.8));
            body.push(pdf::heading(
                &format!("R{} {}", i + 1, Self::risk_title(l, r)),
                10,
            ));
            let sources = [r.data.sources.trim(), r.data.threats.trim()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("\n");
            body.push(
                Fields::new()
                    .text(text(l, "dpia-report-sources"), sources)
                    .text(text(l, "dpia-report-impacts"), r.data.impacts.clone())
                    .build(&text(l, "report-not-specified")),
            );
        }
        body
    }

    fn measures(&self, l: Language) -> LinearLayout {
        let mut body = LinearLayout::vertical();
        if self.dpia.risks.is_empty() {
            body.push(pdf::muted(&text(l, "dpia-report-no-risks")));
            return body;
        }
        let mut fields = Fields::new();
        for (i, r) in self.dpia.risks.iter().enumerate() {
            fields = fields.items(
                format!("R{} {}", i + 1, Self::risk_title(l, r)),
                r.toms.iter().map(|t| t.name.clone()).collect(),
            );
        }
        body.push(fields.build(&text(l, "report-not-specified")));
        body
    }

    fn opinions(&self, l: Language) -> impl Element {
        let d = &self.dpia.data;
        let opinion =
            |o: crate::domain::dpias::Opinion| text(l, &format!("opinion-{}", o.as_str()));
        Fields::new()
            .text(text(l, "dpia-field-dpo_name"), d.dpo_name.clone())
            .text(text(l, "dpia-field-dpo_status"), opinion(d.dpo_status))
            .text(text(l, "dpia-field-dpo_opinion"), d.dpo_opinion.clone())
            .text(
                text(l, "dpia-report-subjects-consulted"),
                text(
                    l,
                    if d.subjects_consulted {
                        "dpia-report-yes"
                    } else {
                        "dpia-report-no"
                    },
                ),
            )
            .text(
                text(l, "dpia-field-subjects_status"),
                opinion(d.subjects_status),
            )
            .text(
                text(l, "dpia-field-subjects_opinion"),
                d.subjects_opinion.clone(),
            )
            .text(text(l, "dpia-field-comments"), d.comments.clone())
            .build(&text(l, "report-not-specified"))
    }

    fn validation(&self, l: Language) -> LinearLayout {
        let d = &self.dpia;
        let mut s = LinearLayout::vertical();
        s.push(Break::new(1));
        s.push(pdf::heading(&text(l, "dpia-report-section-validation"), 13));
        s.push(
            Fields::new()
                .text(
                    text(l, "ropa-status"),
                    text(l, &format!("dpia-status-{}", d.status.as_str())),
                )
                .text(text(l, "dpia-report-validator"), d.validator_name.clone())
                .text(
                    text(l, "dpia-report-validated-on"),
                    optional_date(l, d.validated_at),
                )
                .text(
                    text(l, "dpia-report-decision-note"),
                    d.decision_note.clone(),
                )
                .text(
                    text(l, "dpia-report-review"),
                    optional_date(l, d.data.review_date),
                )
                .items(
                    text(l, "report-version"),
                    d.versions
                        .iter()
                        .map(|v| {
                            format!(
                                "{} · {} · {}{}",
                                v.version,
                                text(l, &format!("dpia-status-{}", v.status.as_str())),
                                v.created_by,
                                if v.id == d.id {
                                    format!(" ({})", text(l, "dpia-report-this-version"))
                                } else {
                                    String::new()
                                }
                            )
                        })
                        .collect(),
                )
                .build(&text(l, "report-not-specified")),
        );
        s
    }
}

/// The office's 4 × 4 matrix with each risk placed before (R1) and after its measures
/// (R1'), drawn with lines so it stays sharp at any zoom.
struct RiskMap {
    cells: Vec<Vec<RiskLevel>>,
    /// `marks[likelihood - 1][severity - 1]`: the labels in that cell.
    marks: Vec<Vec<Vec<String>>>,
    likelihood: String,
    severity: String,
    scale: Vec<String>,
    legend: Vec<(RiskLevel, String)>,
    note: String,
    deferred: bool,
}

const CELL_W: f64 = 27.0;
const CELL_H: f64 = 15.0;
const LEFT: f64 = 34.0;
const HEIGHT: f64 = 4.0 * CELL_H + 34.0;

fn colour(level: RiskLevel) -> Color {
    match level {
        RiskLevel::Low => Color::Rgb(190, 226, 190),
        RiskLevel::Risk => Color::Rgb(255, 221, 140),
        RiskLevel::High => Color::Rgb(240, 150, 150),
    }
}

impl RiskMap {
    fn new(l: Language, matrix: &RiskMatrix, risks: &[Risk]) -> Self {
        let mut marks = vec![vec![Vec::new(); 4]; 4];
        let mut place = |likelihood: Option<i64>, severity: Option<i64>, label: String| {
            if let (Some(li), Some(se)) = (likelihood, severity) {
                if (1..=4).contains(&li) && (1..=4).contains(&se) {
                    marks[(li - 1) as usize][(se - 1) as usize].push(label);
                }
            }
        };
        for (i, r) in risks.iter().enumerate() {
            place(r.data.likelihood, r.data.severity, format!("R{}", i + 1));
            place(
                r.data.residual_likelihood,
                r.data.residual_severity,
                format!("R{}'", i + 1),
            );
        }
        RiskMap {
            cells: matrix.cells.clone(),
            marks,
            likelihood: text(l, "dpia-report-likelihood"),
            severity: text(l, "dpia-report-severity"),
            scale: (1..=4)
                .map(|v| format!("{v} {}", text(l, &format!("dpia-scale-{v}"))))
                .collect(),
            legend: [RiskLevel::Low, RiskLevel::Risk, RiskLevel::High]
                .into_iter()
                .map(|lv| (lv, text(l, &format!("risk-level-{}", lv.as_str()))))
                .collect(),
            note: format!(
                "{}   {}",
                text(l, "dpia-report-map-before"),
                text(l, "dpia-report-map-after")
            ),
            deferred: false,
        }
    }

    fn fill(area: &genpdf::render::Area<'_>, x: f64, y: f64, w: f64, h: f64, colour: Color) {
        let style = Style::new().with_color(colour);
        let mut offset = 0.15;
        while offset < h {
            area.draw_line(
                vec![
                    Position::new(Mm::from(x), Mm::from(y + offset)),
                    Position::new(Mm::from(x + w), Mm::from(y + offset)),
                ],
                style,
            );
            offset += 0.25;
        }
    }

    fn frame(area: &genpdf::render::Area<'_>, x: f64, y: f64, w: f64, h: f64) {
        let p = |x: f64, y: f64| Position::new(Mm::from(x), Mm::from(y));
        area.draw_line(
            vec![p(x, y), p(x + w, y), p(x + w, y + h), p(x, y + h), p(x, y)],
            Style::new(),
        );
    }
}

impl Element for RiskMap {
    fn render(
        &mut self,
        context: &Context,
        area: genpdf::render::Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        if area.size().height < Mm::from(HEIGHT) && !self.deferred {
            self.deferred = true;
            return Ok(RenderResult {
                size: Size::new(1, 0),
                has_more: true,
            });
        }
        let small = style.with_font_size(7);
        let label = style.with_font_size(8).bold();
        let print = |x: f64, y: f64, s: Style, value: &str| {
            area.print_str(
                &context.font_cache,
                Position::new(Mm::from(x), Mm::from(y)),
                s,
                value,
            )
        };
        let top = 4.0;
        for li in 1..=4usize {
            // Likelihood grows upwards, severity to the right.
            let y = top + (4 - li) as f64 * CELL_H;
            print(0.0, y + CELL_H / 2.0 - 2.0, small, &self.scale[li - 1])?;
            for se in 1..=4usize {
                let x = LEFT + (se - 1) as f64 * CELL_W;
                let level = self.cells[li - 1][se - 1];
                Self::fill(&area, x, y, CELL_W, CELL_H, colour(level));
                Self::frame(&area, x, y, CELL_W, CELL_H);
                let marks = &self.marks[li - 1][se - 1];
                for (row, chunk) in marks.chunks(4).enumerate() {
                    print(x + 1.5, y + 1.5 + row as f64 * 3.6, label, &chunk.join(" "))?;
                }
            }
        }
        let below = top + 4.0 * CELL_H + 1.5;
        for se in 1..=4usize {
            let x = LEFT + (se - 1) as f64 * CELL_W;
            print(x + 1.0, below, small, &self.scale[se - 1])?;
        }
        print(
            0.0,
            top - 4.0,
            style.with_font_size(8).bold(),
            &self.likelihood,
        )?;
        print(
            LEFT,
            below + 4.5,
            style.with_font_size(8).bold(),
            &format!("{} →", self.severity),
        )?;
        let legend_y = below + 11.0;
        let mut x = LEFT;
        for (level, name) in &self.legend {
            Self::fill(&area, x, legend_y, 5.0, 3.5, colour(*level));
            Self::frame(&area, x, legend_y, 5.0, 3.5);
            print(x + 6.5, legend_y, small, name)?;
            x += 30.0;
        }
        print(LEFT, legend_y + 6.0, small, &self.note)?;
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(HEIGHT)),
            has_more: false,
        })
    }
}
