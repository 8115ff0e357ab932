//! The PDF machinery every report shares (SPEC §12): the shipped fonts, A4 pages with the
//! office, the date and "page X of Y" in the footer, a table of contents whose page numbers
//! come from a first rendering pass, and progress that can cancel the work.
//!
//! genpdf lays a document out once and only then knows how many pages it has, so a report
//! is built and rendered twice: the first pass counts the pages and records where each
//! section starts; the second prints those numbers. Both passes lay out the same
//! elements, so the pages come out the same.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use genpdf::elements::{
    FrameCellDecorator, LinearLayout, PageBreak, Paragraph, TableLayout, UnorderedList,
};
use genpdf::fonts::{FontData, FontFamily};
use genpdf::style::{Color, Style};
use genpdf::{Context, Element, Margins, Mm, Position, RenderResult, Size};

use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::{with, Language};

const REGULAR: &[u8] = include_bytes!("../../../fonts/DPODeskSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../fonts/DPODeskSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../fonts/DPODeskSans-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../../fonts/DPODeskSans-BoldItalic.ttf");

/// Body text size in points; headings are set relative to it.
pub(crate) const BODY: u8 = 9;
const ACCENT: Color = Color::Rgb(25, 65, 115);
const MUTED: Color = Color::Rgb(110, 110, 110);
/// genpdf drops the rest of a word wider than its column, so longer words (URLs, file
/// paths) are split; value columns hold about 60 characters of body text.
const LONGEST_WORD: usize = 40;
/// Headings run across the page in a larger size.
const LONGEST_HEADING_WORD: usize = 60;
/// The label column of a field table (three tenths of the page, bold) and the narrow
/// columns of other tables hold about 27 characters ("Datenschutzbeauftragte/r" fits).
const LONGEST_NARROW_WORD: usize = 26;

/// Says how far the work is (`done` of `total`) and returns `false` to cancel it. It lives
/// as long as the rendering, so it owns what it captures.
pub type Progress = Box<dyn FnMut(u64, u64) -> bool>;

/// What the footer and the document properties show.
pub(crate) struct Meta {
    pub title: String,
    pub office: String,
    pub date: String,
    pub language: Language,
}

/// What a report's content is built with in one pass.
pub(crate) struct Layout {
    pub language: Language,
    page: Rc<Cell<usize>>,
    starts: Rc<RefCell<Vec<usize>>>,
    known_starts: Vec<usize>,
    steps_done: Rc<Cell<u64>>,
}

impl Layout {
    /// The page section `index` started on in the first pass; `None` in the first pass.
    pub fn page_of(&self, index: usize) -> Option<usize> {
        self.known_starts.get(index).copied().filter(|p| *p > 0)
    }

    /// The element, remembering the page it starts on as section `index` and counting one
    /// step of progress when it is laid out.
    pub fn section<E: Element + 'static>(&self, index: usize, element: E) -> impl Element {
        Section {
            index,
            element,
            started: false,
            page: self.page.clone(),
            starts: self.starts.clone(),
            steps_done: self.steps_done.clone(),
        }
    }
}

struct Section<E> {
    index: usize,
    element: E,
    started: bool,
    page: Rc<Cell<usize>>,
    starts: Rc<RefCell<Vec<usize>>>,
    steps_done: Rc<Cell<u64>>,
}

impl<E: Element> Element for Section<E> {
    fn render(
        &mut self,
        context: &Context,
        area: genpdf::render::Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        let result = self.element.render(context, area, style)?;
        if !self.started && result.size.height > Mm::from(0.0) {
            self.started = true;
            let mut starts = self.starts.borrow_mut();
            if starts.len() <= self.index {
                starts.resize(self.index + 1, 0);
            }
            starts[self.index] = self.page.get();
            self.steps_done.set(self.steps_done.get() + 1);
        }
        Ok(result)
    }
}

/// Margins, the footer line, and the progress check once per page.
struct Frame {
    page: Rc<Cell<usize>>,
    total_pages: usize,
    footer: String,
    page_label: Box<dyn Fn(usize, usize) -> String>,
    report: Rc<RefCell<Progress>>,
    steps_done: Rc<Cell<u64>>,
    offset: u64,
    total_steps: u64,
    cancelled: Rc<Cell<bool>>,
}

impl genpdf::PageDecorator for Frame {
    fn decorate_page<'a>(
        &mut self,
        context: &Context,
        mut area: genpdf::render::Area<'a>,
        style: Style,
    ) -> Result<genpdf::render::Area<'a>, genpdf::error::Error> {
        let done = self.offset + self.steps_done.get();
        if !(self.report.borrow_mut())(done.min(self.total_steps), self.total_steps) {
            self.cancelled.set(true);
            return Err(genpdf::error::Error::new(
                "cancelled",
                genpdf::error::ErrorKind::Internal,
            ));
        }
        self.page.set(self.page.get() + 1);
        area.add_margins(Margins::trbl(16, 18, 10, 20));
        let size = area.size();
        let footer_height = Mm::from(9.0);
        let line_y = size.height - footer_height + Mm::from(2.0);
        area.draw_line(
            vec![Position::new(0, line_y), Position::new(size.width, line_y)],
            Style::new().with_color(MUTED),
        );
        let small = style.with_font_size(7).with_color(MUTED);
        let text_y = line_y + Mm::from(1.5);
        let page = (self.page_label)(self.page.get(), self.total_pages);
        let width = small.str_width(&context.font_cache, &page);
        // The footer gives way to the page number: a long name is shortened with "…".
        let room = size.width - width - Mm::from(4.0);
        let mut footer = self.footer.clone();
        while small.str_width(&context.font_cache, &footer) > room && footer.chars().count() > 1 {
            footer.pop();
            footer = format!("{}…", footer.trim_end_matches('…').trim_end());
            if footer.chars().count() <= 2 {
                break;
            }
        }
        area.print_str(
            &context.font_cache,
            Position::new(0, text_y),
            small,
            &footer,
        )?;
        area.print_str(
            &context.font_cache,
            Position::new(size.width - width, text_y),
            small,
            &page,
        )?;
        area.set_height(size.height - footer_height);
        Ok(area)
    }
}

fn font_family() -> CoreResult<FontFamily<FontData>> {
    let load = |bytes: &[u8]| {
        FontData::new(bytes.to_vec(), None)
            .map_err(|e| CoreError::Corrupt(format!("a shipped font does not load: {e}")))
    };
    Ok(FontFamily {
        regular: load(REGULAR)?,
        bold: load(BOLD)?,
        italic: load(ITALIC)?,
        bold_italic: load(BOLD_ITALIC)?,
    })
}

/// Renders the report `build` lays out, twice (see the module comment). `steps` is how many
/// sections `build` marks with [`Layout::section`]; progress runs over both passes.
pub(crate) fn render(
    meta: &Meta,
    steps: u64,
    progress: Progress,
    build: impl Fn(&Layout) -> Vec<Box<dyn Element>>,
) -> CoreResult<Vec<u8>> {
    let report = Rc::new(RefCell::new(progress));
    let total_steps = (steps * 2).max(1);
    let family = font_family()?;
    let first = pass(
        meta,
        &family,
        &report,
        Vec::new(),
        0,
        0,
        total_steps,
        &build,
    )?;
    let second = pass(
        meta,
        &family,
        &report,
        first.starts,
        first.pages,
        steps,
        total_steps,
        &build,
    )?;
    let finished = finish(&second.bytes, &meta.title)?;
    (report.borrow_mut())(total_steps, total_steps);
    Ok(finished)
}

/// The file as it leaves the app: every stream compressed (printpdf writes fonts and
/// page contents uncompressed — a 40-activity record was 2.5 MB) and the title in UTF-16,
/// the encoding PDF readers expect for text beyond ASCII.
fn finish(bytes: &[u8], title: &str) -> CoreResult<Vec<u8>> {
    use std::io::Write;
    let broken = |e: &dyn std::fmt::Display| {
        CoreError::Corrupt(format!("the PDF could not be finished: {e}"))
    };
    let mut document = lopdf::Document::load_mem(bytes).map_err(|e| broken(&e))?;
    let streams: Vec<&mut lopdf::Stream> = document
        .objects
        .values_mut()
        .filter_map(|object| match object {
            lopdf::Object::Stream(stream) if stream.dict.get(b"Filter").is_err() => Some(stream),
            _ => None,
        })
        .collect();
    // Compressing is most of the work here; the machines have at least two cores.
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4);
    let per_worker = streams.len().div_ceil(workers).max(1);
    let mut streams = streams;
    std::thread::scope(|scope| {
        let handles: Vec<_> = streams
            .chunks_mut(per_worker)
            .map(|chunk| {
                scope.spawn(move || -> std::io::Result<()> {
                    for stream in chunk.iter_mut() {
                        let mut encoder = flate2::write::ZlibEncoder::new(
                            Vec::new(),
                            flate2::Compression::default(),
                        );
                        encoder.write_all(&stream.content)?;
                        let compressed = encoder.finish()?;
                        if compressed.len() < stream.content.len() {
                            stream.dict.set("Filter", "FlateDecode");
                            stream.set_content(compressed);
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().expect("a compressing thread does not panic"))
    })
    .map_err(|e| broken(&e))?;
    let mut utf16 = vec![0xfe, 0xff];
    utf16.extend(title.encode_utf16().flat_map(|u| u.to_be_bytes()));
    if let Ok(info) = document
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
    {
        if let Ok(lopdf::Object::Dictionary(dict)) = document.get_object_mut(info) {
            dict.set(
                "Title",
                lopdf::Object::String(utf16, lopdf::StringFormat::Hexadecimal),
            );
        }
    }
    let mut out = Vec::with_capacity(bytes.len() / 3);
    document.save_to(&mut out).map_err(|e| broken(&e))?;
    Ok(out)
}

struct Pass {
    bytes: Vec<u8>,
    pages: usize,
    starts: Vec<usize>,
}

#[allow(clippy::too_many_arguments)]
fn pass(
    meta: &Meta,
    family: &FontFamily<FontData>,
    report: &Rc<RefCell<Progress>>,
    known_starts: Vec<usize>,
    total_pages: usize,
    offset: u64,
    total_steps: u64,
    build: &impl Fn(&Layout) -> Vec<Box<dyn Element>>,
) -> CoreResult<Pass> {
    let page = Rc::new(Cell::new(0));
    let starts = Rc::new(RefCell::new(Vec::new()));
    let steps_done = Rc::new(Cell::new(0));
    let cancelled = Rc::new(Cell::new(false));
    let layout = Layout {
        language: meta.language,
        page: page.clone(),
        starts: starts.clone(),
        known_starts,
        steps_done: steps_done.clone(),
    };
    let mut document = genpdf::Document::new(family.clone());
    document.set_title(&meta.title);
    document.set_font_size(BODY);
    document.set_line_spacing(1.2);
    document.set_minimal_conformance();
    let language = meta.language;
    document.set_page_decorator(Frame {
        page: page.clone(),
        total_pages,
        footer: format!("{} · {} · {}", meta.office, meta.title, meta.date),
        page_label: Box::new(move |page, total| {
            let (page, total) = (page.to_string(), total.max(page).to_string());
            with(
                language,
                "report-page",
                &[("page", page.as_str()), ("total", total.as_str())],
            )
        }),
        report: report.clone(),
        steps_done,
        offset,
        total_steps,
        cancelled: cancelled.clone(),
    });
    for element in build(&layout) {
        document.push(Boxed(element));
    }
    // The first pass only measures: its file is thrown away unwritten.
    let mut bytes = Vec::new();
    let rendered = if total_pages == 0 {
        document.render(std::io::sink())
    } else {
        document.render(&mut bytes)
    };
    if let Err(e) = rendered {
        return Err(if cancelled.get() {
            CoreError::Cancelled
        } else {
            CoreError::Corrupt(format!("the PDF could not be laid out: {e}"))
        });
    }
    let pages = page.get();
    let starts = starts.borrow().clone();
    Ok(Pass {
        bytes,
        pages,
        starts,
    })
}

/// A laid-out element of any type (genpdf does not implement `Element` for boxes).
pub(crate) struct Boxed(pub Box<dyn Element>);

impl Element for Boxed {
    fn render(
        &mut self,
        context: &Context,
        area: genpdf::render::Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        self.0.render(context, area, style)
    }
}

/// Text as genpdf can wrap it: words longer than a column are split so nothing is cut off.
fn split_words(line: &str, longest: usize) -> String {
    line.split(' ')
        .map(|word| {
            if word.chars().count() <= longest {
                word.to_string()
            } else {
                word.chars()
                    .collect::<Vec<_>>()
                    .chunks(longest)
                    .map(|c| c.iter().collect::<String>())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A text of several lines, each its own paragraph (genpdf does not break at `\n`).
pub(crate) fn paragraphs(value: &str, style: Style) -> LinearLayout {
    lines_split(value, style, LONGEST_WORD)
}

/// The same for a narrow column: longer words are split sooner.
fn narrow(value: &str, style: Style) -> LinearLayout {
    lines_split(value, style, LONGEST_NARROW_WORD)
}

fn lines_split(value: &str, style: Style, longest: usize) -> LinearLayout {
    let mut layout = LinearLayout::vertical();
    for line in value.trim().lines() {
        let line = line.replace('\t', "    ");
        layout.push(Paragraph::new(genpdf::style::StyledString::new(
            split_words(&line, longest),
            style,
        )));
    }
    layout
}

pub(crate) fn heading(value: &str, size: u8) -> impl Element {
    // The size goes on the element, not only the text: genpdf spaces wrapped lines by the
    // element's style, so a long heading would otherwise print its lines over each other.
    Paragraph::new(split_words(value, LONGEST_HEADING_WORD))
        .styled(Style::new().bold().with_font_size(size).with_color(ACCENT))
        .padded(Margins::trbl(3, 0, 2, 0))
}

pub(crate) fn muted(value: &str) -> impl Element {
    paragraphs(value, Style::new().with_color(MUTED))
}

/// Starts a new page unless `height` millimetres are left, so a heading never ends a page.
pub(crate) struct KeepSpace(pub f64);

impl Element for KeepSpace {
    fn render(
        &mut self,
        _context: &Context,
        area: genpdf::render::Area<'_>,
        _style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        if self.0 > 0.0 && area.size().height < Mm::from(self.0) {
            self.0 = 0.0;
            // Not (0, 0): that would end the document on a fresh page (genpdf's rule).
            return Ok(RenderResult {
                size: Size::new(1, 0),
                has_more: true,
            });
        }
        self.0 = 0.0;
        Ok(RenderResult::default())
    }
}

pub(crate) fn page_break() -> impl Element {
    PageBreak::new()
}

/// One value of a field: its lines, or the marked gap when it is empty.
enum Value {
    Text(String),
    Items(Vec<String>),
}

struct Row {
    label: String,
    value: Value,
    /// What an empty value prints instead of the table's default.
    when_empty: Option<String>,
}

/// A two-column table of labelled values, framed; an empty value prints `missing` in
/// italics so a gap is visible rather than silently left out.
pub(crate) struct Fields {
    rows: Vec<Row>,
}

impl Fields {
    pub fn new() -> Self {
        Fields { rows: Vec::new() }
    }

    pub fn text(mut self, label: impl Into<String>, value: impl Into<String>) -> Self {
        self.rows.push(Row {
            label: label.into(),
            value: Value::Text(value.into()),
            when_empty: None,
        });
        self
    }

    pub fn items(mut self, label: impl Into<String>, items: Vec<String>) -> Self {
        self.rows.push(Row {
            label: label.into(),
            value: Value::Items(items),
            when_empty: None,
        });
        self
    }

    /// A list where being empty is an answer of its own ("none recorded"), not a gap.
    pub fn items_or(
        mut self,
        label: impl Into<String>,
        items: Vec<String>,
        when_empty: impl Into<String>,
    ) -> Self {
        self.rows.push(Row {
            label: label.into(),
            value: Value::Items(items),
            when_empty: Some(when_empty.into()),
        });
        self
    }

    pub fn build(self, missing: &str) -> TableLayout {
        let mut table = TableLayout::new(vec![3, 7]);
        table.set_cell_decorator(FrameCellDecorator::new(true, true, true));
        for Row {
            label,
            value,
            when_empty,
        } in self.rows
        {
            let gap = || {
                Paragraph::new(genpdf::style::StyledString::new(
                    when_empty.clone().unwrap_or_else(|| missing.to_string()),
                    Style::new().italic().with_color(MUTED),
                ))
            };
            let label_cell = narrow(&label, Style::new().bold()).padded(1.2);
            let value_cell: Box<dyn Element> = match value {
                Value::Text(t) if t.trim().is_empty() => Box::new(gap().padded(1.2)),
                Value::Text(t) => Box::new(paragraphs(&t, Style::new()).padded(1.2)),
                Value::Items(items) if items.is_empty() => Box::new(gap().padded(1.2)),
                Value::Items(items) => {
                    let mut list = UnorderedList::with_bullet("•");
                    for item in items {
                        list.push(paragraphs(&item, Style::new()));
                    }
                    Box::new(list.padded(1.2))
                }
            };
            table
                .push_row(vec![Box::new(label_cell), value_cell])
                .expect("two cells for two columns");
        }
        table
    }
}

/// A framed table with a bold header row; `weights` are the column widths' proportions.
pub(crate) fn table(
    weights: Vec<usize>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
) -> TableLayout {
    let mut table = TableLayout::new(weights);
    table.set_cell_decorator(FrameCellDecorator::new(true, true, true));
    let cells = |values: Vec<String>, style: Style| -> Vec<Box<dyn Element>> {
        values
            .into_iter()
            .map(|v| Box::new(narrow(&v, style).padded(1)) as Box<dyn Element>)
            .collect()
    };
    table
        .push_row(cells(header, Style::new().bold()))
        .expect("as many cells as columns");
    for row in rows {
        table
            .push_row(cells(row, Style::new()))
            .expect("as many cells as columns");
    }
    table
}

/// The table of contents: one line per section with the page it starts on (blank in the
/// first pass, which only measures).
pub(crate) fn contents(layout: &Layout, titles: &[String]) -> impl Element {
    let mut table = TableLayout::new(vec![12, 1]);
    for (index, title) in titles.iter().enumerate() {
        let page = layout
            .page_of(index)
            .map(|p| p.to_string())
            .unwrap_or_default();
        table
            .push_row(vec![
                Box::new(paragraphs(title, Style::new()).padded(Margins::trbl(0.8, 0, 0.8, 0))),
                Box::new(
                    Paragraph::new(page)
                        .aligned(genpdf::Alignment::Right)
                        .padded(Margins::trbl(0.8, 0, 0.8, 0)),
                ),
            ])
            .expect("two cells for two columns");
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_are_split_so_no_text_is_cut_off() {
        let url = "https://example.org/a/very/long/path/that/never/ends/anywhere";
        let wrapped = split_words(&format!("see {url} now"), LONGEST_WORD);
        assert!(wrapped
            .split(' ')
            .all(|w| w.chars().count() <= LONGEST_WORD));
        assert_eq!(wrapped.replace(' ', ""), format!("see{url}now"));
    }
}
