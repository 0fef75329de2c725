//! PDF documents (`.pdf`), as news databases also deliver articles (Nexis Uni's and Factiva's
//! PDF downloads) and as researchers save single clippings: the text of each page, put back into
//! paragraphs, then read by the plain-text parser like a Word document's
//! ([`text::parse_exported`]), which splits an export into its articles.
//!
//! The `pdf-extract` crate reads the PDF and hands over each glyph it places, with its position
//! and size; this file builds the lines from them and takes off what the page added to the text:
//! - running heads and feet: a line among the first or last two of a page that recurs at a
//!   page edge on at least half the pages (and two or more), digits aside ("Page 2 of 5"); a
//!   title set larger than the text stays where it first appears;
//! - page numbers alone on an edge line ("3", "- 3 -", "Page 3", "3 of 12");
//! - hard line wraps: a line that reaches three quarters of the way to the text's right edge
//!   runs on into the next line, on the same page or the next, unless the next one is set apart
//!   by a wider gap, a first-line indent or another font size; a word broken by a hyphen at the
//!   end of the line is joined again, unless the document writes it with its hyphen elsewhere.
//!   (A paragraph whose last line happens to be full and whose next paragraph has no indent or
//!   gap runs on into it: nothing on the page tells them apart.)
//!
//! A PDF with no text layer (a scanned page) is reported as such: morgue does not read images.
//! A page the reader cannot read is reported, and the other pages are read.

use std::collections::{HashMap, HashSet};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::ingest::text;
use crate::ingest::{Input, Parser};

/// Reads `.pdf` files.
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfParser;

impl Parser for PdfParser {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        let err = |kind| ParseError::new(&input.path, kind);
        let (pages, damage) = match read_pages(bytes) {
            Ok(read) => read,
            Err(kind) => return vec![Err(err(kind))],
        };
        let damage: Vec<_> = damage
            .into_iter()
            .map(|(page, why)| Err(err(ParseErrorKind::InvalidPdf(format!("page {page}: {why}")))))
            .collect();
        let text = paragraphs(&pages);
        if text.paragraphs.is_empty() {
            let why = match pages.len() {
                1 => {
                    "the PDF's page has no text layer (a scanned page?): morgue reads text, not images".into()
                }
                n => format!(
                    "the PDF's {n} pages have no text layer (scanned pages?): morgue reads text, not images"
                ),
            };
            return vec![Err(err(ParseErrorKind::NotAnArticle(why)))];
        }
        let mut out = text::parse_exported(&text.paragraphs, input);
        // A page printed from a browser names its address in the page's foot.
        if let (Some(url), [Ok(article)]) = (text.url, out.as_mut_slice()) {
            article.url.get_or_insert(url);
        }
        out.extend(damage);
        out
    }
}

/// How far into the file the `%PDF-` header may be (readers accept leading bytes).
const HEADER_WINDOW: usize = 1024;

/// One line of a page as set: its text, where it starts and ends across the page, how far down
/// the page its baseline is, and its largest font size (all in points).
#[derive(Debug, Clone, PartialEq)]
struct TextLine {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
}

/// A page's lines in the order the PDF draws them.
#[derive(Debug, Default)]
struct Page {
    lines: Vec<TextLine>,
}

/// A page the reader failed on: its number and why.
type FailedPage = (u32, String);

/// Reads the PDF's pages into lines, with the pages the reader failed on (the other pages are
/// read).
fn read_pages(bytes: &[u8]) -> Result<(Vec<Page>, Vec<FailedPage>), ParseErrorKind> {
    let head = &bytes[..bytes.len().min(HEADER_WINDOW)];
    if memchr::memmem::find(head, b"%PDF-").is_none() {
        return Err(ParseErrorKind::InvalidPdf("no %PDF- header".into()));
    }
    // The PDF reader panics on some damaged files: that is the file's fault, reported as such.
    let run = quiet_panics(|| -> Result<_, String> {
        let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| e.to_string())?;
        if doc.is_encrypted() {
            // Many PDFs are encrypted with an empty password only to set permissions.
            doc.decrypt("").map_err(|e| format!("encrypted, and not with an empty password ({e})"))?;
        }
        let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
        let mut layout = Layout::default();
        let mut failed = Vec::new();
        for n in numbers {
            let page = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                pdf_extract::output_doc_page(&doc, &mut layout, n)
            }));
            let why = match page {
                Ok(Ok(())) => continue,
                Ok(Err(e)) => e.to_string(),
                Err(payload) => super::panic_message(payload.as_ref()),
            };
            layout.end_line();
            failed.push((n, why));
        }
        Ok((layout.pages, failed))
    });
    match run {
        Ok(Ok(read)) => Ok(read),
        Ok(Err(said)) => {
            Err(ParseErrorKind::InvalidPdf(said.strip_prefix("PDF error: ").unwrap_or(&said).to_string()))
        }
        Err(payload) => Err(ParseErrorKind::InvalidPdf(format!(
            "the PDF reader gave up: {}",
            super::panic_message(payload.as_ref())
        ))),
    }
}

thread_local! {
    /// True while this thread runs the PDF reader, whose panics are reported as the file's errors.
    static READING_PDF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs the PDF reader, catching its panics without the panic message the default hook would
/// print (the file's error says it instead). Panics elsewhere are printed as before.
fn quiet_panics<T>(read: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::thread::Result<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !READING_PDF.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    READING_PDF.with(|r| r.set(true));
    let out = std::panic::catch_unwind(read);
    READING_PDF.with(|r| r.set(false));
    out
}

/// Receives the glyphs the PDF reader places, page by page, and makes lines of them: a glyph
/// more than half its size above or below the line's baseline starts a new line; a gap wider
/// than a tenth of the font size before a word is a space.
#[derive(Default)]
struct Layout {
    pages: Vec<Page>,
    height: f64,
    line: Option<TextLine>,
    last_end: f64,
    word_start: bool,
}

impl Layout {
    fn end_line(&mut self) {
        if let Some(mut line) = self.line.take() {
            let trimmed = line.text.trim();
            if !trimmed.is_empty() {
                line.text = trimmed.to_string();
                if self.pages.is_empty() {
                    self.pages.push(Page::default());
                }
                self.pages.last_mut().expect("a page").lines.push(line);
            }
        }
    }
}

impl OutputDev for Layout {
    fn begin_page(
        &mut self,
        _: u32,
        media: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.end_line();
        self.height = media.ury - media.lly;
        self.pages.push(Page::default());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.end_line();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        let x = trm.m31;
        let y = self.height - trm.m32;
        let size = (font_size * (trm.m11 + trm.m21) * font_size * (trm.m12 + trm.m22)).abs().sqrt();
        let size = if size.is_finite() && size > 0.0 { size } else { 1.0 };
        let ch: String = ch.chars().filter(|c| !c.is_control()).collect();
        let moved = self.line.as_ref().is_some_and(|l| (y - l.y).abs() > 0.5 * size.max(l.size));
        if moved {
            self.end_line();
        }
        let end = x + width * size;
        match &mut self.line {
            None => self.line = Some(TextLine { text: ch, x0: x, x1: end, y, size }),
            Some(line) => {
                if self.word_start && x > self.last_end + 0.1 * size && !line.text.ends_with(' ') && ch != " "
                {
                    line.text.push(' ');
                }
                line.text.push_str(&ch);
                line.x0 = line.x0.min(x);
                line.x1 = line.x1.max(end);
                line.size = line.size.max(size);
            }
        }
        self.last_end = end;
        self.word_start = false;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// What the pages give: the text's paragraphs, and the address a page's foot names, if any.
#[derive(Debug, Default)]
struct PdfText {
    paragraphs: Vec<String>,
    url: Option<String>,
}

/// How the document's text is set: its usual font size, left edge, right edge and line pitch.
#[derive(Debug, Clone, Copy)]
struct Measure {
    size: f64,
    left: f64,
    /// `None` when no line is long enough to have been wrapped (a list, a table).
    right: Option<f64>,
    pitch: f64,
}

/// The fewest characters a line must have to count towards the text's right edge: a document of
/// short lines only is left line by line.
const MIN_FULL_LINE: usize = 30;

impl Measure {
    fn of(pages: &[Page]) -> Measure {
        let lines = || pages.iter().flat_map(|p| &p.lines);
        let size = most_common(lines().map(|l| ((l.size * 2.0).round() as i64, l.text.chars().count())))
            .map_or(10.0, |s| s as f64 / 2.0);
        let body = |l: &&TextLine| (l.size - size).abs() <= 0.15 * size;
        let left =
            most_common(lines().filter(body).map(|l| (l.x0.round() as i64, 1))).map_or(0.0, |x| x as f64);
        let mut ends: Vec<f64> =
            lines().filter(body).filter(|l| l.text.chars().count() >= MIN_FULL_LINE).map(|l| l.x1).collect();
        ends.sort_by(f64::total_cmp);
        let right = (ends.len() >= 2).then(|| ends[(ends.len() - 1) * 9 / 10]);
        let mut steps: Vec<f64> = pages
            .iter()
            .flat_map(|p| p.lines.windows(2))
            .filter(|w| body(&&w[0]) && body(&&w[1]))
            .map(|w| w[1].y - w[0].y)
            .filter(|&dy| dy > 0.5 * size && dy < 3.0 * size)
            .collect();
        steps.sort_by(f64::total_cmp);
        let pitch = steps.get(steps.len() / 2).copied().unwrap_or(1.2 * size);
        Measure { size, left, right, pitch }
    }

    /// True for a line that reaches three quarters of the way to the text's right edge.
    fn is_full(&self, line: &TextLine) -> bool {
        self.right.is_some_and(|right| line.x1 - self.left >= 0.75 * (right - self.left))
    }

    /// True when `next` continues the paragraph `prev` ends with; `same_page` tells whether a
    /// page break lies between them.
    fn runs_on(&self, prev: &TextLine, next: &TextLine, same_page: bool) -> bool {
        let indented = next.x0 - prev.x0 >= 0.8 * self.size;
        let resized = (next.size - prev.size).abs() > 0.15 * self.size;
        // Within a page a wider gap ends the paragraph; moving up is the next column.
        let gap = same_page && next.y - prev.y > 1.35 * self.pitch;
        self.is_full(prev) && !indented && !resized && !gap
    }
}

/// The value with the largest total weight.
fn most_common(items: impl Iterator<Item = (i64, usize)>) -> Option<i64> {
    let mut totals: HashMap<i64, usize> = HashMap::new();
    for (value, weight) in items {
        *totals.entry(value).or_default() += weight;
    }
    totals.into_iter().max_by_key(|&(value, n)| (n, std::cmp::Reverse(value))).map(|(value, _)| value)
}

/// Puts the pages' lines back into paragraphs, without the pages' furniture.
fn paragraphs(pages: &[Page]) -> PdfText {
    let measure = Measure::of(pages);
    let running = running_lines(pages);
    let mut url = None;
    let mut kept_titles: HashSet<String> = HashSet::new();
    // Each kept line, with whether a page break lies before it.
    let mut lines: Vec<(&TextLine, bool)> = Vec::new();
    for page in pages {
        let edge = edge_lines(page);
        let mut first_on_page = true;
        for (i, line) in page.lines.iter().enumerate() {
            if edge.contains(&i) {
                let key = furniture_key(&line.text);
                if is_page_number(&line.text) {
                    continue;
                }
                if running.contains(&key) {
                    // A title set larger than the text, once; a browser's address foot, as the URL.
                    let title = line.size > 1.2 * measure.size && kept_titles.insert(key);
                    if !title {
                        url = url.or_else(|| footer_url(&line.text));
                        continue;
                    }
                }
            }
            lines.push((line, first_on_page));
            first_on_page = false;
        }
    }
    let hyphenated = hyphenated_words(lines.iter().map(|(l, _)| l.text.as_str()));
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev: Option<&TextLine> = None;
    for (line, new_page) in lines {
        match prev {
            Some(p) if measure.runs_on(p, line, !new_page) => {
                join_line(&mut current, &line.text, &hyphenated)
            }
            _ => {
                push_paragraph(&mut out, &mut current);
                current.push_str(&line.text);
            }
        }
        prev = Some(line);
    }
    push_paragraph(&mut out, &mut current);
    PdfText { paragraphs: out, url }
}

/// The indexes of a page's first two and last two lines, top to bottom.
fn edge_lines(page: &Page) -> HashSet<usize> {
    let mut order: Vec<usize> = (0..page.lines.len()).collect();
    order.sort_by(|&a, &b| page.lines[a].y.total_cmp(&page.lines[b].y));
    order.iter().take(2).chain(order.iter().rev().take(2)).copied().collect()
}

/// The keys of lines that recur at a page's edge on at least half the pages, and on two or more.
fn running_lines(pages: &[Page]) -> HashSet<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let keys: HashSet<String> =
            edge_lines(page).into_iter().map(|i| furniture_key(&page.lines[i].text)).collect();
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    let needed = pages.len().div_ceil(2).max(2);
    seen.into_iter().filter(|(_, n)| *n >= needed).map(|(k, _)| k).collect()
}

/// An address alone on a page's foot, perhaps with the page number a browser prints beside it
/// (`https://example.com/story 1/3`).
fn footer_url(line: &str) -> Option<String> {
    let (first, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let is_url = (first.starts_with("https://") || first.starts_with("http://")) && first.len() > 10;
    (is_url && (rest.trim().is_empty() || is_page_number(rest))).then(|| first.to_string())
}

/// A line as running heads compare: lowercase, digits alike, spaces collapsed.
fn furniture_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().map(|c| if c.is_ascii_digit() { '#' } else { c.to_ascii_lowercase() }));
    }
    key
}

/// A page number alone on its line: "3", "- 3 -", "Page 3", "Page 3 of 12", "3 / 12", "p. 3",
/// "iv".
fn is_page_number(line: &str) -> bool {
    // Front matter's numbers: lowercase roman numerals.
    if (1..=5).contains(&line.len()) && line.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')) {
        return true;
    }
    let lower = line.to_ascii_lowercase();
    let rest = lower.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let labelled = ["page", "p.", "seite", "pág.", "p"].iter().find_map(|p| {
        rest.strip_prefix(p).filter(|r| r.starts_with(|c: char| c == ' ' || c.is_ascii_digit()))
    });
    let rest = labelled.unwrap_or(rest).trim();
    let mut parts = rest.split(|c: char| c == '/' || c.is_whitespace()).filter(|w| !w.is_empty());
    let number = |w: Option<&str>| {
        w.is_some_and(|w| (1..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
    };
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        // A bare number of four digits is more likely a year than a page.
        (n, None, None, None) => number(n) && (labelled.is_some() || n.is_some_and(|n| n.len() <= 3)),
        (n, Some(m), None, None) => number(n) && number(Some(m)),
        (n, Some(of), m, None) => number(n) && ["of", "von", "de", "sur"].contains(&of) && number(m),
        _ => false,
    }
}

fn push_paragraph(out: &mut Vec<String>, current: &mut String) {
    if !current.trim().is_empty() {
        out.push(std::mem::take(current));
    }
    current.clear();
}

/// Words the document writes with a hyphen inside a line ("state-owned"), lowercase: a line
/// break after such a hyphen keeps it.
fn hyphenated_words<'a>(lines: impl Iterator<Item = &'a str>) -> HashSet<String> {
    let mut words = HashSet::new();
    for w in lines.flat_map(str::split_whitespace) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.contains('-') && !w.starts_with('-') && !w.ends_with('-') {
            words.insert(w.to_lowercase());
        }
    }
    words
}

/// Appends a wrapped line to its paragraph: with a space, or without the line-end hyphen of a
/// word the wrap broke ("exam-" + "ple").
fn join_line(current: &mut String, next: &str, hyphenated: &HashSet<String>) {
    let broken_word = current
        .strip_suffix('-')
        .filter(|before| before.chars().last().is_some_and(char::is_alphabetic))
        .and_then(|before| {
            let head = before.rsplit(char::is_whitespace).next().unwrap_or(before);
            let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
            next.chars().next().filter(|c| c.is_lowercase()).map(|_| (head.to_string(), tail))
        });
    match broken_word {
        Some((head, tail)) => {
            let head = head.trim_start_matches(|c: char| !c.is_alphanumeric());
            if !hyphenated.contains(&format!("{head}-{tail}").to_lowercase()) {
                current.pop();
            }
            current.push_str(next);
        }
        None => {
            current.push(' ');
            current.push_str(next);
        }
    }
}

#[cfg(test)]
pub(crate) mod writer {
    //! A small PDF writer for tests and the sample corpus: pages of text lines in the standard
    //! Helvetica fonts (WinAnsi encoding), with an uncompressed content stream per page.

    /// One line placed on a page: its text, font size, bold or not, the space above it and its
    /// indent from the left margin (points).
    pub struct Placed<'a> {
        pub text: &'a str,
        pub size: u32,
        pub bold: bool,
        pub gap_before: u32,
        pub indent: u32,
    }

    /// A line of body text (11 pt) right under the previous one.
    pub fn line(text: &str) -> Placed<'_> {
        Placed { text, size: 11, bold: false, gap_before: 0, indent: 0 }
    }

    /// Writes a PDF with these pages; each page's lines flow down from the top margin.
    pub fn pdf(pages: &[Vec<Placed>]) -> Vec<u8> {
        let mut objects: Vec<Vec<u8>> = Vec::new();
        // 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, then a page and its content each.
        objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
        let kids: Vec<String> = (0..pages.len()).map(|i| format!("{} 0 R", 5 + 2 * i)).collect();
        objects.push(
            format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()).into_bytes(),
        );
        for name in ["Helvetica", "Helvetica-Bold"] {
            objects.push(
                format!("<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>")
                    .into_bytes(),
            );
        }
        for (i, page) in pages.iter().enumerate() {
            let content = content_stream(page);
            objects.push(
                format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
                    6 + 2 * i
                )
                .into_bytes(),
            );
            let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
            stream.extend_from_slice(&content);
            stream.extend_from_slice(b"\nendstream");
            objects.push(stream);
        }
        let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
                .as_bytes(),
        );
        out
    }

    fn content_stream(lines: &[Placed]) -> Vec<u8> {
        let mut s = b"BT\n".to_vec();
        let mut y = 740i64;
        for l in lines {
            y -= i64::from(l.gap_before) + i64::from(l.size) + 3;
            let font = if l.bold { "F2" } else { "F1" };
            s.extend_from_slice(
                format!("/{font} {} Tf\n1 0 0 1 {} {y} Tm\n(", l.size, 72 + l.indent).as_bytes(),
            );
            s.extend_from_slice(&win_ansi(l.text));
            s.extend_from_slice(b") Tj\n");
        }
        s.extend_from_slice(b"ET");
        s
    }

    /// The text as a PDF string's bytes in WinAnsi encoding, with `(`, `)` and `\` escaped.
    fn win_ansi(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for c in text.chars() {
            let b = match c {
                '’' => 0x92,
                '‘' => 0x91,
                '“' => 0x93,
                '”' => 0x94,
                '–' => 0x96,
                '—' => 0x97,
                c if (c as u32) < 0x100 => c as u32 as u8,
                _ => b'?',
            };
            if matches!(b, b'(' | b')' | b'\\') {
                out.push(b'\\');
            }
            out.push(b);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::writer::{line, pdf, Placed};
    use super::*;

    fn parse(bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        PdfParser.parse(&Input::new("clip.pdf", Format::Pdf), bytes)
    }

    fn heading(text: &str) -> Placed<'_> {
        Placed { text, size: 16, bold: true, gap_before: 0, indent: 0 }
    }

    fn gap(text: &str) -> Placed<'_> {
        Placed { text, size: 11, bold: false, gap_before: 12, indent: 0 }
    }

    fn indented(text: &str) -> Placed<'_> {
        Placed { text, size: 11, bold: false, gap_before: 0, indent: 18 }
    }

    /// Lines as a page sets them: text, left edge, baseline and size; 6 points a character.
    fn page(lines: &[(&str, f64, f64, f64)]) -> Page {
        let lines = lines
            .iter()
            .map(|&(text, x0, y, size)| TextLine {
                text: text.into(),
                x0,
                x1: x0 + 6.0 * text.len() as f64,
                y,
                size,
            })
            .collect();
        Page { lines }
    }

    #[test]
    fn page_numbers() {
        for yes in
            ["3", "- 3 -", "Page 3", "Page 3 of 12", "3 / 12", "3 of 12", "Seite 2 von 4", "p. 7", "iv"]
        {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["2025", "Page one", "3 people died", "Pages 3", "of 12", "1234567", "IV", "vixen"] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn wrapped_lines_are_joined_and_gaps_indents_and_short_lines_end_paragraphs() {
        let p = page(&[
            ("Headline of the piece", 72.0, 100.0, 16.0),
            ("The council voted on Tuesday to build a new station near the", 72.0, 130.0, 11.0),
            ("river, which residents had asked for since the old one closed in", 72.0, 144.0, 11.0),
            ("2019.", 72.0, 158.0, 11.0),
            ("A second paragraph, after a wider gap, runs to the right edge of", 72.0, 186.0, 11.0),
            ("the text and ends full as well, but the next line is indented so", 72.0, 200.0, 11.0),
            ("a third paragraph starts here, and runs on to the right edge too", 90.0, 214.0, 11.0),
            ("and ends.", 72.0, 228.0, 11.0),
        ]);
        assert_eq!(
            paragraphs(&[p]).paragraphs,
            [
                "Headline of the piece",
                "The council voted on Tuesday to build a new station near the river, which residents had asked for since the old one closed in 2019.",
                "A second paragraph, after a wider gap, runs to the right edge of the text and ends full as well, but the next line is indented so",
                "a third paragraph starts here, and runs on to the right edge too and ends.",
            ]
        );
    }

    #[test]
    fn line_end_hyphens_are_joined_unless_the_word_keeps_its_hyphen() {
        let p = page(&[
            ("The state-owned utility said that the new tariff would be an exam-", 72.0, 100.0, 11.0),
            ("ple for others, and that the agency, which is mostly state-", 72.0, 114.0, 11.0),
            ("owned, would not object to it at the hearing on the new rules.", 72.0, 128.0, 11.0),
        ]);
        assert_eq!(
            paragraphs(&[p]).paragraphs,
            ["The state-owned utility said that the new tariff would be an example for others, and that the agency, which is mostly state-owned, would not object to it at the hearing on the new rules."]
        );
    }

    #[test]
    fn short_lines_only_are_kept_line_by_line() {
        let p =
            page(&[("Name", 72.0, 100.0, 11.0), ("Place", 72.0, 114.0, 11.0), ("Date", 72.0, 128.0, 11.0)]);
        assert_eq!(paragraphs(&[p]).paragraphs, ["Name", "Place", "Date"]);
    }

    #[test]
    fn a_large_title_over_every_page_is_kept_once_and_a_browser_foot_gives_the_url() {
        let pages: Vec<Page> = (1..=3)
            .map(|n| {
                let word = ["one", "two", "three"][n - 1];
                let text = format!("Text of page {word}, which runs from the left margin to the right edge,");
                let end = format!("and ends on page {word}.");
                let foot = format!("https://news.example/2025/09/ferry {n}/3");
                let title = if n == 1 { 18.0 } else { 9.0 };
                let lines = [
                    ("Ferry service returns", 72.0, 40.0, title),
                    (&text, 72.0, 80.0, 11.0),
                    (&end, 72.0, 94.0, 11.0),
                ];
                let mut p = page(&lines);
                p.lines.push(TextLine { text: foot, x0: 72.0, x1: 500.0, y: 760.0, size: 8.0 });
                p
            })
            .collect();
        let out = paragraphs(&pages);
        assert_eq!(
            out.paragraphs.iter().filter(|p| p.as_str() == "Ferry service returns").count(),
            1,
            "{out:?}"
        );
        assert_eq!(out.paragraphs[0], "Ferry service returns");
        assert_eq!(out.url.as_deref(), Some("https://news.example/2025/09/ferry"));
    }

    #[test]
    fn reads_a_clipping_with_running_heads_and_a_paragraph_across_pages() {
        let page1 = vec![
            line("Vellmont Beacon archive"),
            heading("Ferry service returns to the north shore"),
            gap("By Dana Okafor"),
            line("September 2, 2025"),
            gap("VELLMONT - The ferry between the harbor and the north shore will run again from"),
            line("October, the port authority said on Tuesday, two years after the service was cut for"),
            line("lack of crews and money to repair the landing at Gull Point."),
            indented("The authority will pay for the repairs from a state grant of $4 million, and has"),
            line("hired six deckhands. Commuters on the north shore, who have driven around the bay since"),
            gap("Page 1 of 2"),
        ];
        let page2 = vec![
            line("Vellmont Beacon archive"),
            line("2023, said the return would cut their trip to work by half. A monthly pass will cost"),
            line("$60, the same as a bus pass."),
            gap("Page 2 of 2"),
        ];
        let out = parse(&pdf(&[page1, page2]));
        assert_eq!(out.len(), 1);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.headline.as_deref(), Some("Ferry service returns to the north shore"));
        assert_eq!(a.byline, ["Dana Okafor"]);
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2025-09-02"));
        let paragraphs: Vec<&str> = a.body.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 2, "{:?}", a.body);
        assert!(paragraphs[1].contains("driven around the bay since 2023, said the return"), "{}", a.body);
        assert!(!a.body.contains("Page 1") && !a.body.contains("archive"), "{}", a.body);
    }

    /// `sample_corpus/vellmont-nexis-2025-09.pdf` is written from its text layout in
    /// `tests/fixtures/` (pages split by `===`, `**` a headline line, two spaces a first-line
    /// indent, a blank line a wider gap);
    /// `UPDATE_GOLDEN=1` rewrites it after an edit there.
    #[test]
    fn sample_corpus_pdf_is_written_from_its_layout() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let layout =
            std::fs::read_to_string(root.join("tests/fixtures/vellmont-nexis-2025-09.pdf.txt")).unwrap();
        let pages: Vec<Vec<Placed>> = layout
            .split("===\n")
            .map(|page| {
                let mut placed = Vec::new();
                let mut gap_before = 0;
                for l in page.lines() {
                    if l.is_empty() {
                        gap_before = 12;
                        continue;
                    }
                    placed.push(match (l.strip_prefix("**"), l.strip_prefix("  ")) {
                        (Some(h), _) => Placed { text: h, size: 16, bold: true, gap_before, indent: 0 },
                        (_, Some(t)) => Placed { text: t, size: 11, bold: false, gap_before, indent: 18 },
                        _ => Placed { text: l, size: 11, bold: false, gap_before, indent: 0 },
                    });
                    gap_before = 0;
                }
                placed
            })
            .collect();
        let bytes = pdf(&pages);
        let sample = root.join("sample_corpus/vellmont-nexis-2025-09.pdf");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&sample, &bytes).unwrap();
        }
        assert!(std::fs::read(&sample).unwrap() == bytes, "run with UPDATE_GOLDEN=1 to rewrite {sample:?}");
    }

    #[test]
    fn a_page_without_text_is_reported() {
        let out = parse(&pdf(&[vec![]]));
        let e = out[0].as_ref().unwrap_err();
        assert!(e.to_string().contains("no text layer"), "{e}");
    }

    #[test]
    fn damaged_files_are_errors_not_panics() {
        let good = pdf(&[vec![line("Some text")]]);
        let cases: Vec<Vec<u8>> = vec![
            b"not a pdf at all".to_vec(),
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".to_vec(),
            good[..good.len() / 2].to_vec(),
            good.iter().map(|&b| if b == b'R' { b'X' } else { b }).collect(),
        ];
        for bytes in cases {
            let out = parse(&bytes);
            assert_eq!(out.len(), 1);
            assert!(out[0].is_err(), "{:?}", out[0]);
        }
    }
}
