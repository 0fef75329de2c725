//! PDF documents (`.pdf`), as news databases also deliver articles (Nexis Uni's and Factiva's
//! PDF downloads) and as researchers save single clippings: the text of each page, put back into
//! paragraphs, then read by the plain-text parser like a Word document's
//! ([`text::parse_exported`]), which splits an export into its articles.
//!
//! The `pdf-extract` crate reads the PDF and hands over each glyph it places, with its position
//! and size; this file builds the lines from them (a gap before a word is a space unless the
//! document writes its own spaces, as most do) and takes off what the page added to the text:
//! - running heads and feet: a line among the first or last two of a page that recurs at a
//!   page edge on at least half the pages (and two or more), digits aside ("Page 2 of 5"); a
//!   title set larger than the text stays where it first appears;
//! - page numbers, a browser's print time (when it heads at least half the pages) and the
//!   address it prints in the foot (which becomes the article's `url`), each alone on an edge
//!   line;
//! - hard line wraps: lines are grouped into columns by their left edges; a line runs on into
//!   the next when the next line's first word would not have fitted before the column's right
//!   edge, on the same page, in the next column or on the next page, unless the next line is
//!   set apart by a wider gap than the line pitch, a first-line indent or another font size, or,
//!   across a column or page break, the line ends a sentence and the next opens with a capital.
//!   (A paragraph whose last line happens to be full and whose next paragraph has no indent or
//!   gap runs on into it: nothing on the page tells them apart.)
//! - words broken at a line end: see [`join_line`].
//!
//! A paragraph set larger than the text is a heading (`# ` before it, as Markdown marks one), so
//! that the plain-text reader takes the first one for the headline. A web page a browser
//! printed (its print time or address on the pages, or a browser named as the document's
//! `Creator`) keeps only its main text ([`main_text`]), from the headline that the page title
//! names (the document's `Title`, else the one printed in the pages' head).
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
        let (pages, damage, info) = match read_pages(bytes) {
            Ok(read) => read,
            Err(kind) => return vec![Err(err(kind))],
        };
        let damage: Vec<_> = damage
            .into_iter()
            .map(|(page, why)| Err(err(ParseErrorKind::InvalidPdf(format!("page {page}: {why}")))))
            .collect();
        let mut text = paragraphs(&pages);
        // A browser's print says so in its head or foot, or in the document's own information
        // (printed without head and foot, as many readers print).
        if text.printed || info.from_browser {
            // The document's title is whole where the printed head may cut it short.
            let title = info.title.filter(|_| info.from_browser).or(text.print_title.take());
            text.paragraphs = main_text(std::mem::take(&mut text.paragraphs), title.as_deref());
        }
        if text.paragraphs.is_empty() && !damage.is_empty() {
            // No text because the pages could not be read: that is what to report.
            return damage;
        }
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
            fetched_from(article, &url);
        }
        out.extend(damage);
        out
    }
}

/// Gives an article read from a PDF the address the document came from, as its `url` and its
/// host as its outlet, where the document names neither.
pub fn fetched_from(article: &mut Article, url: &str) {
    if article.url.is_none() {
        article.url = Some(url.to_string());
    }
    if article.outlet.is_none() {
        article.outlet = crate::ingest::html::meta::host_of(url);
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

/// What the document's information dictionary says that morgue uses: its title, and whether a
/// web browser made it (its `Creator` is a browser: Chromium-based browsers write their user
/// agent, "Mozilla/5.0 … Chrome/…", Firefox its name).
#[derive(Debug, Default, PartialEq)]
struct DocInfo {
    title: Option<String>,
    from_browser: bool,
}

impl DocInfo {
    fn of(doc: &pdf_extract::Document) -> DocInfo {
        let info = doc.trailer.get(b"Info").ok().and_then(|info| match info {
            pdf_extract::Object::Reference(id) => doc.get_dictionary(*id).ok(),
            pdf_extract::Object::Dictionary(dict) => Some(dict),
            _ => None,
        });
        let field = |key: &[u8]| {
            let value = info?.get(key).ok()?;
            let value = match value {
                pdf_extract::Object::Reference(id) => doc.get_object(*id).ok()?,
                value => value,
            };
            let text = pdf_extract::decode_text_string(value).ok()?;
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (!text.is_empty()).then_some(text)
        };
        let creator = field(b"Creator").unwrap_or_default();
        let from_browser = creator.starts_with("Mozilla/") || creator.contains("Firefox");
        DocInfo { title: field(b"Title"), from_browser }
    }
}

/// Reads the PDF's pages into lines, with the pages the reader failed on (the other pages are
/// read) and the document's information.
fn read_pages(bytes: &[u8]) -> Result<(Vec<Page>, Vec<FailedPage>, DocInfo), ParseErrorKind> {
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
            layout.finish_line();
            failed.push((n, why));
        }
        Ok((layout.into_pages(), failed, DocInfo::of(&doc)))
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

/// Receives the glyphs the PDF reader places, page by page, and makes lines of them (see
/// [`Layout::finish_line`]): a glyph more than half its size above or below the line's baseline
/// starts a new line.
#[derive(Default)]
struct Layout {
    pages: Vec<Vec<SetLine>>,
    height: f64,
    /// The current line's glyphs, its baseline and its largest font size.
    glyphs: Vec<Glyph>,
    line_y: f64,
    line_size: f64,
    word_start: bool,
}

/// One glyph as placed: its text, where it starts, where it ends when its font states its width,
/// its size, and whether it opens a word (a text-showing operation).
struct Glyph {
    text: String,
    x: f64,
    end: Option<f64>,
    size: f64,
    word_start: bool,
}

impl Layout {
    /// Ends the current line.
    fn finish_line(&mut self) {
        let glyphs = std::mem::take(&mut self.glyphs);
        if glyphs.iter().all(|g| g.text.trim().is_empty()) {
            return;
        }
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        self.pages.last_mut().expect("a page").push(SetLine { glyphs, y: self.line_y });
    }

    /// The pages' lines as text. A gap before a word wider than a tenth of the font size is a
    /// space, unless the document writes its own spaces (most of its long lines hold space
    /// glyphs, as browsers' and word processors' PDFs do, some in fonts whose widths are not all
    /// stated): then only a gap of an em is.
    fn into_pages(mut self) -> Vec<Page> {
        self.finish_line();
        let long: Vec<&SetLine> = self.pages.iter().flatten().filter(|l| l.glyphs.len() >= 20).collect();
        let spaced = long.iter().filter(|l| l.glyphs.iter().any(|g| g.text == " ")).count();
        let writes_spaces = !long.is_empty() && spaced * 2 >= long.len();
        self.pages
            .iter()
            .map(|lines| Page { lines: lines.iter().map(|l| l.text_line(writes_spaces)).collect() })
            .collect()
    }
}

/// A line's glyphs as the page sets them, and its baseline.
struct SetLine {
    glyphs: Vec<Glyph>,
    y: f64,
}

impl SetLine {
    fn text_line(&self, writes_spaces: bool) -> TextLine {
        let writes_spaces = writes_spaces || self.glyphs.iter().any(|g| g.text == " ");
        let mut text = String::new();
        let (mut x0, mut x1, mut size) = (f64::INFINITY, f64::NEG_INFINITY, 0.0f64);
        let mut last_end: Option<f64> = None;
        for g in &self.glyphs {
            let threshold = if writes_spaces { 1.0 } else { 0.1 } * g.size;
            if g.word_start
                && last_end.is_some_and(|end| g.x > end + threshold)
                && !text.ends_with(' ')
                && g.text != " "
            {
                text.push(' ');
            }
            text.push_str(&g.text);
            last_end = g.end;
            x0 = x0.min(g.x);
            // A glyph of unknown width takes half an em.
            x1 = x1.max(g.end.unwrap_or(g.x + 0.5 * g.size));
            size = size.max(g.size);
        }
        TextLine { text: text.trim().to_string(), x0, x1, y: self.y, size }
    }
}

impl OutputDev for Layout {
    fn begin_page(
        &mut self,
        _: u32,
        media: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.finish_line();
        self.height = media.ury - media.lly;
        self.pages.push(Vec::new());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.finish_line();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let x = trm.m31;
        let y = self.height - trm.m32;
        let size = (font_size * (trm.m11 + trm.m21) * font_size * (trm.m12 + trm.m22)).abs().sqrt();
        let size = if size.is_finite() && size > 0.0 { size } else { 1.0 };
        let text = normalize_glyph(text);
        if !self.glyphs.is_empty() && (y - self.line_y).abs() > 0.5 * size.max(self.line_size) {
            self.finish_line();
        }
        if self.glyphs.is_empty() {
            (self.line_y, self.line_size) = (y, size);
        }
        self.line_size = self.line_size.max(size);
        let end = (width > 0.0).then_some(x + width * size);
        self.glyphs.push(Glyph { text, x, end, size, word_start: self.word_start });
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

/// A glyph's text as plain characters: no control characters, and ligatures ("ﬁ") and Arabic
/// presentation forms as the letters they stand for, so that search finds the words.
fn normalize_glyph(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let presentation = |c: char| matches!(c, '\u{FB00}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}');
    if text.chars().any(presentation) {
        text.nfkc().filter(|c| !c.is_control()).collect()
    } else {
        text.chars().filter(|c| !c.is_control()).collect()
    }
}

/// What the pages give: the text's paragraphs, the address a page's foot names, if any, and
/// whether the pages are a web page a browser printed (their head or foot says so).
#[derive(Debug, Default)]
struct PdfText {
    paragraphs: Vec<String>,
    url: Option<String>,
    printed: bool,
    /// The page title the browser printed in the pages' head.
    print_title: Option<String>,
}

/// What a short paragraph costs the run of text around it in [`main_text`], in words.
const SHORT_COST: i64 = 8;
/// How many paragraphs before the text [`main_text`] looks for a heading, and for the headline
/// the printed page title names.
const HEAD_REACH: usize = 8;
const TITLE_REACH: usize = 30;

/// The main text of a web page printed to PDF, whose menus, link lists, teasers and footer are
/// printed too, mostly as short paragraphs: the run of paragraphs where prose outweighs short
/// paragraphs most (each prose paragraph, a sentence of ten words or more, counts its words;
/// each other paragraph costs [`SHORT_COST`]), from the last heading in the [`HEAD_REACH`]
/// paragraphs before it (the headline, with the deck, byline and date lines after it). Without
/// such a run the paragraphs are kept as they are.
fn main_text(paragraphs: Vec<String>, title: Option<&str>) -> Vec<String> {
    let score = |p: &String| {
        let words = p.split_whitespace().count() as i64;
        let sentence = p.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '»', ')']);
        if p.starts_with("# ") {
            -SHORT_COST
        } else if (words >= 10 && sentence) || words >= 20 {
            words
        } else if words >= 4 && sentence {
            // A short sentence: text more likely than a menu.
            1
        } else {
            -SHORT_COST
        }
    };
    // The best run, by Kadane's maximum-sum subarray.
    let (mut best, mut best_range) = (0i64, None);
    let (mut sum, mut start) = (0i64, 0usize);
    for (i, p) in paragraphs.iter().enumerate() {
        if sum <= 0 {
            (sum, start) = (0, i);
        }
        sum += score(p);
        if sum > best {
            (best, best_range) = (sum, Some((start, i)));
        }
    }
    let Some((start, end)) = best_range else { return paragraphs };
    // The headline: the paragraph before the text that the printed page title names, else the
    // last heading shortly before the text.
    // Of the paragraphs whose words are mostly the title's, the one most like it: most words in
    // common for their number in both (Dice's coefficient), so that neither the site name the
    // title ends with nor a headline run together with its kicker wins; nearest the text on a
    // tie.
    let named = title.and_then(|t| {
        let words = |s: &str| -> HashSet<String> {
            s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
        };
        let title = words(t);
        let likeness = |p: &str| {
            let words = words(p);
            let shared = words.intersection(&title).count() as f64;
            (words.len() >= 3 && shared >= 0.7 * words.len() as f64)
                .then(|| 2.0 * shared / (words.len() + title.len()) as f64)
        };
        (start.saturating_sub(TITLE_REACH)..start)
            .rev()
            .filter_map(|i| likeness(&paragraphs[i]).map(|d| (i, d)))
            .fold(None, |best: Option<(usize, f64)>, (i, d)| match best {
                Some((_, b)) if b >= d => best,
                _ => Some((i, d)),
            })
            .map(|(i, _)| i)
    });
    let heading =
        || (start.saturating_sub(HEAD_REACH)..start).rev().find(|&i| paragraphs[i].starts_with("# "));
    let from = named.or_else(heading).unwrap_or(start);
    let mut kept: Vec<String> = paragraphs.into_iter().skip(from).take(end + 1 - from).collect();
    if named.is_some() && !kept[0].starts_with("# ") {
        kept[0].insert_str(0, "# ");
    }
    kept
}

/// How the document's text is set: its usual font size and line pitch.
#[derive(Debug, Clone, Copy)]
struct Measure {
    size: f64,
    pitch: f64,
}

/// The fewest characters a line must have to count towards its column's right edge: a document
/// of short lines only is left line by line.
const MIN_FULL_LINE: usize = 30;

impl Measure {
    /// Measures the text lines of each page (the pages' furniture left out).
    fn of(pages: &[Vec<&TextLine>]) -> Measure {
        let size = most_common(
            pages.iter().flatten().map(|l| ((l.size * 2.0).round() as i64, l.text.chars().count())),
        )
        .map_or(10.0, |s| s as f64 / 2.0);
        // The line pitch: the smallest common step from a line to the next (in half points);
        // the steps between paragraphs, which short paragraphs make common too, are larger.
        let mut steps: HashMap<i64, usize> = HashMap::new();
        let sized = Measure { size, pitch: 0.0 };
        for w in
            pages.iter().flat_map(|p| p.windows(2)).filter(|w| sized.is_body(w[0]) && sized.is_body(w[1]))
        {
            let dy = w[1].y - w[0].y;
            if dy > 0.5 * size && dy < 3.0 * size {
                *steps.entry((dy * 2.0).round() as i64).or_default() += 1;
            }
        }
        let most = steps.values().copied().max().unwrap_or(0);
        let pitch = steps
            .iter()
            .filter(|&(_, &n)| n * 4 >= most)
            .map(|(&step, _)| step as f64 / 2.0)
            .fold(None, |min: Option<f64>, step| Some(min.map_or(step, |m| m.min(step))))
            .unwrap_or(1.2 * size);
        Measure { size, pitch }
    }

    fn is_body(&self, line: &TextLine) -> bool {
        (line.size - self.size).abs() <= 0.15 * self.size
    }

    /// True when `next` continues the paragraph `prev` ends with.
    fn runs_on(&self, prev: &Laid, next: &Laid) -> bool {
        // A first-line indent: the next line of the text starts further in than its column's
        // left edge (a headline set in from the column is no indent).
        let indented = next.indent >= 0.8 * self.size && self.is_body(next.line);
        let resized = (next.line.size - prev.line.size).abs() > 0.15 * self.size;
        // Within a page a wider gap than the lines' size gives ends the paragraph; moving up is
        // the next column.
        let pitch = self.pitch * prev.line.size.max(next.line.size) / self.size;
        let gap = !next.new_page && next.line.y - prev.line.y > 1.35 * pitch;
        // Where a page or column breaks, no gap can show that a paragraph ends there: a
        // sentence that ends the line and a capital that opens the next are taken for one.
        let broken = next.new_page || next.line.y < prev.line.y;
        let sentence_ends = prev.line.text.ends_with(['.', '!', '?', '"', '”', '»', ':'])
            && next.line.text.chars().next().is_some_and(char::is_uppercase);
        let set_apart = indented || resized || gap || (broken && sentence_ends);
        prev.wraps_before(next) && !set_apart
    }
}

/// A line of the text as it stands in its column: whether a page break lies before it, whether
/// it is full (reaches three quarters of the way across its column), whether it ends at the
/// column's right edge, and how far it is indented from the column's left edge.
struct Laid<'a> {
    line: &'a TextLine,
    new_page: bool,
    full: bool,
    flush: bool,
    indent: f64,
    /// The column's right edge, when its lines show one.
    right: Option<f64>,
}

impl Laid<'_> {
    /// True when the first word of `next` would not have fitted at the end of this line (with
    /// a space, and half an em to spare): the line was wrapped before it. Its width is guessed
    /// from the next line's average character width.
    fn wraps_before(&self, next: &Laid) -> bool {
        let Some(right) = self.right else { return false };
        let chars = next.line.text.chars().count().max(1) as f64;
        let per_char = (next.line.x1 - next.line.x0) / chars;
        let word = next.line.text.split_whitespace().next().map_or(0, |w| w.chars().count()) as f64;
        self.line.x1 + per_char * (word + 1.0) > right - 0.5 * self.line.size
    }
}

/// Each line's column on its page: the left edges of the body's lines, in order, make one
/// column while each lies within three ems of the one before (a first-line indent stays in its
/// column). A column's left edge is the leftmost place where its body lines often start (a
/// quarter as often as the most common place, twice at least): a first-line indent starts
/// further in, and a stray line further out does not move it. Returns the left edge of each
/// line's column.
fn column_lefts(lines: &[&TextLine], measure: &Measure) -> Vec<f64> {
    let body: Vec<&TextLine> = lines.iter().copied().filter(|l| measure.is_body(l)).collect();
    let mut xs: Vec<f64> = body.iter().map(|l| l.x0).collect();
    xs.sort_by(f64::total_cmp);
    let mut starts: Vec<f64> = Vec::new();
    let mut last: Option<f64> = None;
    for x in xs {
        if last.is_none_or(|p| x - p > 3.0 * measure.size) {
            starts.push(x);
        }
        last = Some(x);
    }
    let column = |x0: f64| starts.iter().rposition(|&s| s <= x0 + 0.5);
    let edges: Vec<f64> = (0..starts.len())
        .map(|c| {
            let mut counts: HashMap<i64, usize> = HashMap::new();
            for l in body.iter().filter(|l| column(l.x0) == Some(c)) {
                *counts.entry((l.x0 * 2.0).round() as i64).or_default() += 1;
            }
            let most = counts.values().copied().max().unwrap_or(0);
            counts
                .iter()
                .filter(|&(_, &n)| n * 4 >= most && n >= 2.min(most))
                .map(|(&x, _)| x)
                .min()
                .map_or(starts[c], |x| x as f64 / 2.0)
        })
        .collect();
    lines.iter().map(|l| column(l.x0).map_or(l.x0, |c| edges[c])).collect()
}

/// The 90th percentile of the values, when there are enough of them.
fn percentile_90(mut values: Vec<f64>, enough: usize) -> Option<f64> {
    if values.len() < enough.max(1) {
        return None;
    }
    values.sort_by(f64::total_cmp);
    Some(values[(values.len() - 1) * 9 / 10])
}

/// Lays out each page's text lines in their columns. A column's right edge is where its long
/// lines usually end (their 90th percentile); a column with too few of them takes the
/// document's usual column width.
fn lay_out<'a>(pages: &[Vec<&'a TextLine>], measure: &Measure) -> Vec<Laid<'a>> {
    let lefts: Vec<Vec<f64>> = pages.iter().map(|p| column_lefts(p, measure)).collect();
    let long = |l: &TextLine| measure.is_body(l) && l.text.chars().count() >= MIN_FULL_LINE;
    let widths: Vec<f64> = pages
        .iter()
        .zip(&lefts)
        .flat_map(|(p, ls)| p.iter().zip(ls).filter(|(l, _)| long(l)).map(|(l, left)| l.x1 - left))
        .collect();
    let width = percentile_90(widths, 2);
    let mut out = Vec::new();
    for (page, lefts) in pages.iter().zip(&lefts) {
        let mut rights: HashMap<i64, Option<f64>> = HashMap::new();
        for (i, (line, &left)) in page.iter().zip(lefts).enumerate() {
            let right = *rights.entry((left * 2.0).round() as i64).or_insert_with(|| {
                let ends = page.iter().zip(lefts).filter(|(l, x)| **x == left && long(l)).map(|(l, _)| l.x1);
                percentile_90(ends.collect(), 3).or(width.map(|w| left + w))
            });
            let full = right.is_some_and(|r| line.x1 - left >= 0.75 * (r - left));
            let flush = right.is_some_and(|r| (line.x1 - r).abs() <= 1.0);
            out.push(Laid { line, new_page: i == 0, full, flush, indent: line.x0 - left, right });
        }
    }
    out
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
    let running = running_lines(pages);
    // A browser prints its print time on every page: on fewer than half of them, a line that
    // reads like one is the page's own (an article's date and time line heading a page).
    let stamped = pages
        .iter()
        .filter(|page| edge_lines(page).iter().any(|&i| print_stamp_title(&page.lines[i].text).is_some()))
        .count();
    let stamps = stamped * 2 >= pages.len();
    let mut url = None;
    let mut printed = false;
    let mut print_title: Option<String> = None;
    // Each page's lines, and which of them are furniture: at the page's edge, a browser's
    // printed foot (which gives the page's address) or head (a print time), a page number, or a
    // running line.
    let furniture: Vec<Vec<bool>> = pages
        .iter()
        .map(|page| {
            let edge = edge_lines(page);
            let is_furniture = |(i, line): (usize, &TextLine)| {
                // The line that closes an export's article is never furniture, however often it
                // ends a page.
                if !edge.contains(&i) || text::ends_exported_article(&line.text) {
                    return false;
                }
                if let Some(address) = footer_address(&line.text) {
                    if address.starts_with("http") && url.is_none() {
                        url = Some(address.to_string());
                    }
                    printed = true;
                    return true;
                }
                if let Some(title) = print_stamp_title(&line.text).filter(|_| stamps) {
                    if print_title.is_none() && !title.is_empty() {
                        print_title = Some(title.to_string());
                    }
                    printed = true;
                    return true;
                }
                is_page_number(&line.text) || running.contains(&furniture_key(&line.text))
            };
            page.lines.iter().enumerate().map(is_furniture).collect()
        })
        .collect();
    let text: Vec<Vec<&TextLine>> = pages
        .iter()
        .zip(&furniture)
        .map(|(page, furniture)| {
            page.lines.iter().zip(furniture).filter(|(_, f)| !**f).map(|(l, _)| l).collect()
        })
        .collect();
    let measure = Measure::of(&text);
    // The kept lines of each page. A running title set larger than the text is kept where it
    // first appears.
    let mut kept_titles: HashSet<String> = HashSet::new();
    let mut kept: Vec<Vec<&TextLine>> = Vec::new();
    for (page, furniture) in pages.iter().zip(&furniture) {
        let mut lines = Vec::new();
        for (line, &is_furniture) in page.lines.iter().zip(furniture) {
            if is_furniture {
                let key = furniture_key(&line.text);
                let title =
                    line.size > 1.2 * measure.size && running.contains(&key) && kept_titles.insert(key);
                if !title {
                    continue;
                }
            }
            lines.push(line);
        }
        kept.push(lines);
    }
    let laid = lay_out(&kept, &measure);
    let words = Words::of(&laid);
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev: Option<&Laid> = None;
    for next in &laid {
        match prev {
            Some(p) if measure.runs_on(p, next) => join_line(&mut current, &next.line.text, &words),
            _ => {
                push_paragraph(&mut out, &mut current);
                // A paragraph set larger than the text is a heading, marked as Markdown marks
                // one: the plain-text reader takes the first for the headline.
                if next.line.size > 1.2 * measure.size {
                    current.push_str("# ");
                }
                current.push_str(&next.line.text);
            }
        }
        prev = Some(next);
    }
    push_paragraph(&mut out, &mut current);
    PdfText { paragraphs: out, url, printed, print_title }
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

/// A browser's print time opening a page's head: "11/27/26, 1:16 PM", "27.11.26, 13:16".
/// The page title a browser's print head shows after its print time ("11/27/26, 1:16 PM Ferry
/// service returns | The Beacon"): `Some("")` for a print time without one, `None` for a line
/// that is no print head.
fn print_stamp_title(line: &str) -> Option<&str> {
    let mut words = line.split_whitespace();
    let date = words.next().unwrap_or("").trim_end_matches(',');
    let clock = words.next().unwrap_or("");
    let parts: Vec<&str> = date.split(['/', '.', '-']).collect();
    let numeric = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let is_date = parts.len() == 3 && parts.iter().all(|p| numeric(p, 1..=4));
    let is_clock = clock.split_once(':').is_some_and(|(h, m)| numeric(h, 1..=2) && numeric(m, 2..=2));
    if !(is_date && is_clock) {
        return None;
    }
    let rest = line[line.find(clock)? + clock.len()..].trim_start();
    let rest = ["AM", "PM", "am", "pm"].iter().find_map(|m| rest.strip_prefix(m)).unwrap_or(rest);
    Some(rest.trim())
}

/// An address alone on a page's foot, perhaps with the page number a browser prints beside it
/// (`https://example.com/story 1/3`, `file:///home/me/story.html 2/2`).
fn footer_address(line: &str) -> Option<&str> {
    let (first, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let scheme = first.split_once("://").map(|(scheme, _)| scheme)?;
    let is_address = !scheme.is_empty() && scheme.bytes().all(|b| b.is_ascii_lowercase()) && first.len() > 10;
    (is_address && (rest.trim().is_empty() || is_page_number(rest))).then_some(first)
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

/// What the document tells about the words its line ends break: the words it writes, with and
/// without hyphens, and whether its text is justified (most full lines end at the column's
/// edge), as text that breaks words at line ends usually is.
struct Words {
    seen: HashSet<String>,
    justified: bool,
}

impl Words {
    fn of(laid: &[Laid]) -> Words {
        let mut seen = HashSet::new();
        for w in laid.iter().flat_map(|l| l.line.text.split_whitespace()) {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if !w.is_empty() && !w.ends_with('-') {
                seen.insert(w.to_lowercase());
            }
        }
        let full: Vec<&Laid> =
            laid.iter().filter(|l| l.full && l.line.text.chars().count() >= MIN_FULL_LINE).collect();
        let flush = full.iter().filter(|l| l.flush).count();
        Words { seen, justified: full.len() >= 4 && flush * 2 >= full.len() }
    }
}

/// Words after which a hyphen ending a line stands for a word left out ("Wohn- und
/// Pflegeheime", "pre- and post-war"), so that the space stays.
const CONJUNCTIONS: &[&str] =
    &["and", "or", "und", "oder", "bis", "sowie", "et", "ou", "y", "o", "e", "en", "of"];

/// Appends a wrapped line to its paragraph. After a line that ends on a hyphen inside a word:
/// the hyphen and a space stay before a conjunction ("Wohn- und"); the hyphen stays when the
/// document writes the word with it ("state-owned"), goes when it writes the word whole
/// ("harbor"), and otherwise goes only in justified text before a lower-case letter, where it
/// is most likely a wrap's ("exam-" + "ple"); a compound's hyphen ("Saudi-" + "Arabien",
/// "multi-" + "generational" in ragged text) stays with no space after it. Any other line is
/// joined with a space.
fn join_line(current: &mut String, next: &str, words: &Words) {
    let before = current.strip_suffix('-').filter(|b| b.chars().last().is_some_and(char::is_alphanumeric));
    let Some(before) = before else {
        current.push(' ');
        current.push_str(next);
        return;
    };
    let head = before.rsplit(char::is_whitespace).next().unwrap_or(before);
    let head = head.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let tail: String = next.chars().take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    let next_word = next.split_whitespace().next().unwrap_or("").to_lowercase();
    let lower = next.chars().next().is_some_and(char::is_lowercase);
    if CONJUNCTIONS.contains(&next_word.as_str()) {
        current.push(' ');
    } else if lower
        && !words.seen.contains(&format!("{head}-{tail}"))
        && (words.seen.contains(&format!("{head}{tail}")) || words.justified)
    {
        current.pop();
    }
    current.push_str(next);
}

#[cfg(test)]
pub(crate) mod writer {
    //! A small PDF writer for tests and the sample corpus: pages of text lines in the standard
    //! Helvetica fonts (WinAnsi encoding), with an uncompressed content stream per page.

    /// One line placed on a page: its text, font size, bold or not, the space above it and its
    /// indent from the left margin (points).
    pub struct Placed {
        pub text: String,
        pub size: u32,
        pub bold: bool,
        pub gap_before: u32,
        pub indent: u32,
    }

    /// A line of body text (11 pt) right under the previous one.
    pub fn line(text: &str) -> Placed {
        Placed { text: text.to_string(), size: 11, bold: false, gap_before: 0, indent: 0 }
    }

    /// The top line's baseline, and the lowest a text line of [`flow`] may go, on a letter-size
    /// page (short pages, so that a small sample has page breaks).
    const TOP: i64 = 740;
    const BOTTOM: i64 = 420;
    /// The text's width between the 72-point margins.
    const WIDTH: f64 = 468.0;

    /// Lays a flow of text out on pages: `@head TEXT` is a line over every page, `@page` starts
    /// a new page, `**TEXT` a headline line (16 pt bold), `> TEXT` a paragraph wrapped to the
    /// text's width (11 pt), any other line a line as it is, and a blank line a wider gap before
    /// the next. Every page ends with a "Page N of M" foot.
    pub fn flow(layout: &str) -> Vec<Vec<Placed>> {
        let head = layout.lines().find_map(|l| l.strip_prefix("@head ")).unwrap_or("");
        let mut pages: Vec<Vec<Placed>> = Vec::new();
        let mut y = TOP;
        let mut gap = 0;
        let new_page = |pages: &mut Vec<Vec<Placed>>, y: &mut i64| {
            pages.push(vec![Placed {
                text: head.to_string(),
                size: 8,
                bold: false,
                gap_before: 0,
                indent: 0,
            }]);
            *y = TOP - 11;
        };
        new_page(&mut pages, &mut y);
        for l in layout.lines().filter(|l| !l.starts_with("@head ")) {
            if l == "@page" {
                new_page(&mut pages, &mut y);
                gap = 0;
                continue;
            }
            if l.is_empty() {
                gap = 12;
                continue;
            }
            let (size, bold, texts) = match (l.strip_prefix("**"), l.strip_prefix("> ")) {
                (Some(h), _) => (16, true, vec![h.to_string()]),
                (_, Some(p)) => (11, false, wrap(p, 11.0)),
                _ => (11, false, vec![l.to_string()]),
            };
            for text in texts {
                if y - i64::from(gap + size + 3) < BOTTOM {
                    new_page(&mut pages, &mut y);
                    gap = 0;
                }
                y -= i64::from(gap + size + 3);
                pages.last_mut().expect("a page").push(Placed {
                    text,
                    size,
                    bold,
                    gap_before: gap,
                    indent: 0,
                });
                gap = 0;
            }
        }
        let total = pages.len();
        for (n, page) in pages.iter_mut().enumerate() {
            let used: i64 = page.iter().map(|p| i64::from(p.gap_before + p.size + 3)).sum();
            let gap_before = u32::try_from(TOP - used - 60).unwrap_or(0);
            page.push(Placed {
                text: format!("Page {} of {total}", n + 1),
                size: 8,
                bold: false,
                gap_before,
                indent: 0,
            });
        }
        pages
    }

    /// Breaks a paragraph into lines no wider than the text's width, in Helvetica at this size.
    fn wrap(text: &str, size: f64) -> Vec<String> {
        let width = |s: &str| s.chars().map(helvetica_width).sum::<f64>() * size / 1000.0;
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
            if width(&candidate) > WIDTH && !current.is_empty() {
                lines.push(std::mem::replace(&mut current, word.to_string()));
            } else {
                current = candidate;
            }
        }
        lines.push(current);
        lines
    }

    /// A character's advance in Helvetica, in thousandths of the font size (Adobe's metrics for
    /// the standard fonts; 556 for what the table leaves out).
    fn helvetica_width(c: char) -> f64 {
        let w = match c {
            ' ' | '!' | ',' | '.' | '/' | ':' | ';' | 'I' | '[' | ']' | '\\' | 'f' | 't' => 278,
            '"' => 355,
            '\'' | 'i' | 'j' | 'l' | '’' | '‘' => 222,
            '(' | ')' | '-' | 'r' | '`' => 333,
            '*' => 389,
            '%' => 889,
            '&' | 'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' => 667,
            'C' | 'D' | 'H' | 'N' | 'R' | 'U' | 'w' => 722,
            'F' | 'T' | 'Z' => 611,
            'G' | 'O' | 'Q' => 778,
            'J' | 'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' => 500,
            'M' | 'm' => 833,
            'W' => 944,
            'L' => 556,
            '“' | '”' => 333,
            '—' => 1000,
            _ => 556,
        };
        f64::from(w)
    }

    /// Writes a PDF with these pages; each page's lines flow down from the top margin.
    pub fn pdf(pages: &[Vec<Placed>]) -> Vec<u8> {
        pdf_with_info(pages, &[])
    }

    /// [`pdf`], with a document information dictionary of these keys and values (PDF objects as
    /// written: `(literal)` or `<FEFF…>`).
    pub fn pdf_with_info(pages: &[Vec<Placed>], info: &[(&str, &str)]) -> Vec<u8> {
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
        let mut trailer = format!("/Size {} /Root 1 0 R", objects.len() + 1 + usize::from(!info.is_empty()));
        if !info.is_empty() {
            let entries: Vec<String> = info.iter().map(|(key, value)| format!("/{key} {value}")).collect();
            objects.push(format!("<< {} >>", entries.join(" ")).into_bytes());
            trailer.push_str(&format!(" /Info {} 0 R", objects.len()));
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
        out.extend_from_slice(format!("trailer\n<< {trailer} >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
        out
    }

    fn content_stream(lines: &[Placed]) -> Vec<u8> {
        let mut s = b"BT\n".to_vec();
        let mut y = TOP;
        for l in lines {
            y -= i64::from(l.gap_before) + i64::from(l.size) + 3;
            let font = if l.bold { "F2" } else { "F1" };
            s.extend_from_slice(
                format!("/{font} {} Tf\n1 0 0 1 {} {y} Tm\n(", l.size, 72 + l.indent).as_bytes(),
            );
            s.extend_from_slice(&win_ansi(&l.text));
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

    fn heading(text: &str) -> Placed {
        Placed { text: text.to_string(), size: 16, bold: true, gap_before: 0, indent: 0 }
    }

    fn gap(text: &str) -> Placed {
        Placed { text: text.to_string(), size: 11, bold: false, gap_before: 12, indent: 0 }
    }

    fn indented(text: &str) -> Placed {
        Placed { text: text.to_string(), size: 11, bold: false, gap_before: 0, indent: 18 }
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
    fn print_stamps() {
        let cases = [
            ("11/27/26, 1:16 PM Ferry service returns", Some("Ferry service returns")),
            ("27.11.26, 13:16 Titel", Some("Titel")),
            ("2026-11-27 13:16", Some("")),
            ("11/27/26 was the day", None),
            ("At 1:16 PM on 11/27/26", None),
            ("Page 1 of 3", None),
            ("3.5.1 Section", None),
        ];
        for (line, title) in cases {
            assert_eq!(print_stamp_title(line), title, "{line}");
        }
    }

    #[test]
    fn a_printed_web_page_keeps_its_article_from_the_headline_the_title_names() {
        // The site's name heads the page, and the title names it too; the headline's
        // apostrophe is typeset.
        let mut paragraphs: Vec<String> =
            ["# The Vellmont Beacon", "Home", "News", "Sport", "Subscribe", "Log in"]
                .map(String::from)
                .to_vec();
        paragraphs.push("Ferry service returns to the north shore’s piers".into());
        paragraphs.push("By Dana Okafor".into());
        paragraphs.push("The ferry between the harbor and the north shore will run again from October, the port authority said.".into());
        paragraphs.push("Riders welcomed it.".into());
        paragraphs.push("The authority has hired six deckhands and two captains for the new service, its director said on Tuesday.".into());
        paragraphs.extend(["Related", "Most read", "Contact us", "Privacy"].map(String::from));
        let kept = main_text(
            paragraphs,
            Some("Ferry service returns to the north shore's piers | The Vellmont Beacon"),
        );
        assert_eq!(
            kept.first().map(String::as_str),
            Some("# Ferry service returns to the north shore’s piers")
        );
        assert!(kept.last().is_some_and(|p| p.ends_with("said on Tuesday.")), "{kept:?}");
        assert_eq!(kept.len(), 5, "{kept:?}");
        // Without prose there is no article to find: everything is kept.
        let menu: Vec<String> = ["Home", "News", "Sport"].map(String::from).to_vec();
        assert_eq!(main_text(menu.clone(), None), menu);
    }

    #[test]
    fn a_browser_printout_of_one_page_loses_its_head_and_foot() {
        let p = page(&[
            ("11/27/26, 1:16 PM Ferry service returns | The Vellmont Beacon", 24.0, 22.0, 8.0),
            ("Ferry service returns", 72.0, 60.0, 18.0),
            ("The ferry will run again from October, the port authority said.", 72.0, 90.0, 11.0),
            ("https://vellmontbeacon.example/2025/09/02/ferry 1/1", 24.0, 770.0, 8.0),
        ]);
        let out = paragraphs(&[p]);
        assert_eq!(
            out.paragraphs,
            ["# Ferry service returns", "The ferry will run again from October, the port authority said."]
        );
        assert_eq!(out.url.as_deref(), Some("https://vellmontbeacon.example/2025/09/02/ferry"));
    }

    #[test]
    fn a_date_and_time_line_on_one_page_of_three_is_text_not_a_print_stamp() {
        let text = |first: &str| {
            page(&[
                (first, 72.0, 60.0, 11.0),
                ("The ferry will run again from October, the port authority said.", 72.0, 90.0, 11.0),
                ("Riders and cafe owners on the north shore welcomed the news.", 72.0, 104.0, 11.0),
            ])
        };
        let pages = [
            text("Ferry service returns"),
            text("12.12.25, 08:15 Uhr Update from the port"),
            text("More on the ferry"),
        ];
        let out = paragraphs(&pages);
        assert!(!out.printed && out.print_title.is_none(), "{out:?}");
        assert!(out.paragraphs.iter().any(|p| p.starts_with("12.12.25, 08:15 Uhr")), "{:?}", out.paragraphs);
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
                "# Headline of the piece",
                "The council voted on Tuesday to build a new station near the river, which residents had asked for since the old one closed in 2019.",
                "A second paragraph, after a wider gap, runs to the right edge of the text and ends full as well, but the next line is indented so",
                "a third paragraph starts here, and runs on to the right edge too and ends.",
            ]
        );
    }

    /// The lines as justified text sets them: every line but the last ends at the right edge.
    fn justified(lines: &[&str]) -> Page {
        let mut p = page(
            &lines
                .iter()
                .enumerate()
                .map(|(i, t)| (*t, 72.0, 100.0 + 14.0 * i as f64, 11.0))
                .collect::<Vec<_>>(),
        );
        let last = p.lines.len() - 1;
        for l in &mut p.lines[..last] {
            l.x1 = 500.0;
        }
        p
    }

    #[test]
    fn line_end_hyphens_in_justified_text() {
        let p = justified(&[
            "The state-owned utility said that the new tariff would be an exam-",
            "ple for others, and that the agency, which is mostly state-",
            "owned, would not object to it at the hearing in Riyadh, Saudi-",
            "Arabia, on the new rules for pre- and post-war buildings, Wohn-",
            "und Pflegeheime.",
        ]);
        assert_eq!(
            paragraphs(&[p]).paragraphs,
            ["The state-owned utility said that the new tariff would be an example for others, and that the agency, which is mostly state-owned, would not object to it at the hearing in Riyadh, Saudi-Arabia, on the new rules for pre- and post-war buildings, Wohn- und Pflegeheime."]
        );
    }

    #[test]
    fn line_end_hyphens_in_ragged_text_are_compounds_unless_the_word_is_seen_whole() {
        let p = page(&[
            ("The harbor board wants multi-generational housing on the har-", 72.0, 100.0, 11.0),
            ("bor front, where the lots that the city owns stand multi-", 72.0, 114.0, 11.0),
            ("generational and empty, said the board's chair on Monday night.", 72.0, 128.0, 11.0),
        ]);
        assert_eq!(
            paragraphs(&[p]).paragraphs,
            ["The harbor board wants multi-generational housing on the harbor front, where the lots that the city owns stand multi-generational and empty, said the board's chair on Monday night."]
        );
    }

    #[test]
    fn columns_are_read_as_columns() {
        // Two columns, a paragraph running from the foot of the first into the second, and an
        // indented paragraph in the second.
        let left = [
            "The council met on Tuesday to vote on",
            "the new ferry landing, which the port",
            "authority wants to open by the end of",
        ];
        let right = [
            "the year, before the winter storms.",
            "The vote was put off to next month,",
            "after the mayor asked for a study.",
        ];
        let mut lines: Vec<(&str, f64, f64, f64)> = Vec::new();
        for (i, t) in left.iter().enumerate() {
            lines.push((t, 72.0, 100.0 + 14.0 * i as f64, 11.0));
        }
        for (i, t) in right.iter().enumerate() {
            lines.push((t, if i == 1 { 330.0 } else { 318.0 }, 100.0 + 14.0 * i as f64, 11.0));
        }
        assert_eq!(
            paragraphs(&[page(&lines)]).paragraphs,
            [
                "The council met on Tuesday to vote on the new ferry landing, which the port authority wants to open by the end of the year, before the winter storms.",
                "The vote was put off to next month, after the mayor asked for a study."
            ]
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
            out.paragraphs.iter().filter(|p| p.contains("Ferry service returns")).count(),
            1,
            "{out:?}"
        );
        assert_eq!(out.paragraphs[0], "# Ferry service returns");
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

    /// `sample_corpus/vellmont-nexis-2025-09.pdf` is written from its text in `tests/fixtures/`
    /// (laid out by [`writer::flow`]); `UPDATE_GOLDEN=1` rewrites it after an edit there.
    #[test]
    fn sample_corpus_pdf_is_written_from_its_layout() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let layout =
            std::fs::read_to_string(root.join("tests/fixtures/vellmont-nexis-2025-09.pdf.txt")).unwrap();
        let pages = super::writer::flow(&layout);
        let bytes = pdf(&pages);
        let sample = root.join("sample_corpus/vellmont-nexis-2025-09.pdf");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&sample, &bytes).unwrap();
        }
        assert!(std::fs::read(&sample).unwrap() == bytes, "run with UPDATE_GOLDEN=1 to rewrite {sample:?}");
    }

    #[test]
    fn a_page_the_reader_fails_on_is_reported_as_such() {
        // The page's text names a font its resources do not hold.
        let mut bytes = pdf(&[vec![line("Text in a font the page does not have")]]);
        let at = memchr::memmem::find(&bytes, b"/F1 11 Tf").expect("the font's use");
        bytes[at + 2] = b'9';
        let out = parse(&bytes);
        assert_eq!(out.len(), 1, "{out:?}");
        let e = out[0].as_ref().unwrap_err().to_string();
        assert!(e.contains("unreadable PDF: page 1"), "{e}");
    }

    /// A web page printed by a browser without its head and foot: its menu, its article and
    /// its footer, and nothing on the pages that says a browser printed it.
    fn bare_printout() -> Vec<Vec<Placed>> {
        let mut lines: Vec<Placed> = ["Home", "News", "Sport", "Subscribe"].into_iter().map(line).collect();
        let mut headline = line("Ferry service returns to the north shore");
        (headline.size, headline.bold, headline.gap_before) = (18, true, 20);
        lines.push(headline);
        let mut byline = line("By Dana Okafor");
        byline.gap_before = 10;
        lines.push(byline);
        for text in [
            "The ferry between the harbor and the north shore will run again from October, the",
            "port authority said on Monday after a summer of repairs to both landing stages.",
        ] {
            let mut l = line(text);
            l.gap_before = if text.starts_with("The") { 10 } else { 0 };
            lines.push(l);
        }
        for text in ["Most read", "Contact us", "Privacy"] {
            let mut l = line(text);
            l.gap_before = 10;
            lines.push(l);
        }
        vec![lines]
    }

    #[test]
    fn a_browser_named_as_creator_marks_a_printout_and_its_title_names_the_headline() {
        let title = "(Ferry service returns to the north shore | The Vellmont Beacon)";
        let chrome = "(Mozilla/5.0 \\(X11; Linux x86_64\\) AppleWebKit/537.36 \\(KHTML, like Gecko\\) Chrome/148.0.0.0 Safari/537.36)";
        let bytes = super::writer::pdf_with_info(&bare_printout(), &[("Title", title), ("Creator", chrome)]);
        let out = parse(&bytes);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.headline.as_deref(), Some("Ferry service returns to the north shore"));
        assert!(a.body.starts_with("The ferry between"), "{:?}", a.body);
        assert!(!a.body.contains("Contact us") && !a.body.contains("Subscribe"), "{:?}", a.body);
        // A PDF some other program made keeps all its text: nothing says it is a web page.
        let word =
            super::writer::pdf_with_info(&bare_printout(), &[("Title", title), ("Creator", "(Writer)")]);
        let out = parse(&word);
        let a = out[0].as_ref().unwrap();
        assert!(a.body.contains("Contact us"), "{:?}", a.body);
    }

    #[test]
    fn document_information_is_read_in_either_encoding() {
        let bytes = super::writer::pdf_with_info(
            &[vec![line("Text")]],
            // "Café", in UTF-16 with its byte order mark; Firefox names itself.
            &[("Title", "<FEFF00430061006600E9>"), ("Creator", "(Mozilla Firefox 133.0)")],
        );
        let doc = pdf_extract::Document::load_mem(&bytes).unwrap();
        assert_eq!(DocInfo::of(&doc), DocInfo { title: Some("Café".into()), from_browser: true });
        let plain = pdf_extract::Document::load_mem(&pdf(&[vec![line("Text")]])).unwrap();
        assert_eq!(DocInfo::of(&plain), DocInfo::default());
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
