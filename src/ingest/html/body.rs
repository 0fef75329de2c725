//! The main text of an HTML page: runs a content extractor (trafilatura, or dom_smoothie), then
//! adds what they lack: one paragraph per block separated by blank lines, figure captions and
//! photo credits moved out of the text, a leading headline, byline or date line removed (the
//! byline's names are handed back to the metadata cascade), trailing teasers dropped, and a
//! fallback (the other extractor, JSON-LD `articleBody`) when the first gives too little.
//!
//! It does not read metadata (see `meta`) and does not decide what a caption or teaser looks
//! like in general (`extract::boilerplate`, shared with the other formats).

use trafilatura::dom::Document;

use crate::article::PubDate;
use crate::extract::{boilerplate, byline, date};

use super::meta::{norm, Signals};

/// Which extractor finds the main text first; the other is the fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BodyExtractor {
    /// trafilatura 0.6 (a port of go-trafilatura): the better text on news pages.
    #[default]
    Trafilatura,
    /// dom_smoothie 0.19 (a readability.js port): faster, a little less precise.
    DomSmoothie,
}

/// Deeper element nesting than this is taken as pathological (real pages stay under ~60).
const MAX_DEPTH: usize = 256;

/// More elements than this is taken as pathological (the largest real news pages seen have
/// about a third of it).
const MAX_ELEMENTS: usize = 30_000;

/// True when the tree is deeper than [`MAX_DEPTH`] or larger than [`MAX_ELEMENTS`].
fn is_pathological(doc: &Document) -> bool {
    let mut count = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((id, depth)) = stack.pop() {
        count += 1;
        if depth > MAX_DEPTH || count > MAX_ELEMENTS {
            return true;
        }
        stack.extend(doc.children(id).into_iter().map(|c| (c, depth + 1)));
    }
    false
}

/// A body shorter than this many words is taken as a failed extraction and a fallback tried.
const MIN_WORDS: usize = 60;

/// The cleaned main text and what was moved out of it.
#[derive(Debug, Default)]
pub struct Body {
    pub text: String,
    pub captions: Vec<String>,
    pub credits: Vec<String>,
    /// Names from a "By …" line the text started with.
    pub byline: Vec<String>,
    /// The extractor's own publication-date guess (trafilatura reads visible dates).
    pub extractor_date: Option<PubDate>,
}

/// Extracts and cleans the main text. `doc` is the parsed page (consumed by trafilatura),
/// `html` the page source (for the fallback extractor).
pub fn extract(doc: Document, html: &str, signals: &Signals, first: BodyExtractor) -> Body {
    // Both extractors slow down badly on pathological nesting (20,000 nested <div>s took
    // minutes) and on giant trees (40,000 paragraphs: seconds); such a page gets a plain
    // block-by-block rendering instead.
    if is_pathological(&doc) {
        let root = doc.body().unwrap_or_else(|| doc.root());
        return clean(&render_blocks(&doc, root), signals);
    }
    let mut extractor_date = None;
    let raw = match first {
        BodyExtractor::Trafilatura => {
            let (text, d) = run_trafilatura(doc);
            extractor_date = d;
            text
        }
        BodyExtractor::DomSmoothie => {
            drop(doc);
            run_dom_smoothie(html)
        }
    };
    let mut best = raw;
    if word_count(&best) < MIN_WORDS {
        // Structured article text beats a second guess at the layout.
        if let Some(ld) = signals.ld.body.as_deref() {
            if word_count(ld) > word_count(&best) {
                best = ld.to_string();
            }
        }
    }
    if word_count(&best) < MIN_WORDS {
        let other = match first {
            BodyExtractor::Trafilatura => run_dom_smoothie(html),
            BodyExtractor::DomSmoothie => run_trafilatura(Document::parse(html)).0,
        };
        if word_count(&other) > word_count(&best) {
            best = other;
        }
    }
    let mut body = clean(&best, signals);
    body.extractor_date = extractor_date;
    body
}

fn run_trafilatura(doc: Document) -> (String, Option<PubDate>) {
    let opts = trafilatura::Options::default();
    match trafilatura::extract_document(doc, &opts) {
        Ok(r) => (html_to_paragraphs(&r.content_html), r.metadata.date.map(PubDate::day)),
        Err(_) => (String::new(), None),
    }
}

fn run_dom_smoothie(html: &str) -> String {
    match dom_smoothie::Readability::new(html, None, None) {
        Ok(mut r) => r.parse().map(|a| html_to_paragraphs(&a.content)).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Block elements: each starts a new paragraph of the output text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "main",
    "aside",
    "address",
    "details",
    "summary",
];

/// Renders an extractor's HTML output as text, one line per block element (the paragraph
/// breaks the extractors' own plain-text output loses).
fn html_to_paragraphs(html: &str) -> String {
    let doc = Document::parse(html);
    let start = doc.body().unwrap_or_else(|| doc.root());
    render_blocks(&doc, start)
}

/// Renders the text under `start`, one line per block element.
fn render_blocks(doc: &Document, start: trafilatura::dom::NodeId) -> String {
    let mut out = String::new();
    let mut line = String::new();
    // Iterative walk: (node, entering) — extractor output can be deeply nested.
    let mut stack = vec![(start, true)];
    while let Some((id, entering)) = stack.pop() {
        if doc.is_text(id) {
            line.push_str(&doc.text_content(id));
            continue;
        }
        if !doc.is_element(id) {
            continue;
        }
        let tag = doc.tag_name(id).to_ascii_lowercase();
        if matches!(tag.as_str(), "script" | "style" | "noscript" | "template") {
            continue;
        }
        let block = BLOCK_TAGS.contains(&tag.as_str());
        if block {
            flush_line(&mut line, &mut out);
        }
        if entering {
            stack.push((id, false));
            for child in doc.child_nodes(id).into_iter().rev() {
                stack.push((child, true));
            }
        }
    }
    flush_line(&mut line, &mut out);
    out
}

fn flush_line(line: &mut String, out: &mut String) {
    let t = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if !t.is_empty() {
        out.push_str(&t);
        out.push('\n');
    }
    line.clear();
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Splits the extractor's text into paragraphs and moves captions, credits, a leading
/// headline/byline/date line and trailing teasers out of it.
fn clean(raw: &str, signals: &Signals) -> Body {
    let mut body = Body::default();
    let caption_keys: Vec<String> = signals.captions.iter().map(|c| norm(c)).collect();
    let credit_keys: Vec<String> = signals.credits.iter().map(|c| norm(c)).collect();
    let headline_keys: Vec<String> = [&signals.ld.headline, &signals.og_title]
        .into_iter()
        .flatten()
        .chain(signals.h1.iter())
        .map(|h| norm(h))
        .collect();
    let mut paras: Vec<String> = Vec::new();
    for line in raw.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        let key = norm(&line);
        if key.is_empty() {
            continue;
        }
        if caption_keys.contains(&key) {
            push_unique(&mut body.captions, &line);
            continue;
        }
        if credit_keys.contains(&key) || boilerplate::is_photo_credit(&line) {
            push_unique(&mut body.credits, &line);
            continue;
        }
        // Lines at the top: the headline repeated, the byline, a date stamp.
        if paras.len() < 3 {
            if headline_keys.contains(&key) {
                continue;
            }
            if let Some(names) = byline::parse_byline_line(&line) {
                if body.byline.is_empty() {
                    body.byline = names;
                }
                continue;
            }
            if line.chars().count() <= 60 && date::parse_date(&line).is_some() {
                continue;
            }
        }
        paras.push(line);
    }
    for c in &signals.captions {
        match boilerplate::split_inline_credit(c) {
            Some((caption, credit)) => {
                if !caption.is_empty() {
                    push_unique(&mut body.captions, &caption);
                }
                push_unique(&mut body.credits, &credit);
            }
            None => push_unique(&mut body.captions, c),
        }
    }
    body.captions.retain(|c| !boilerplate::is_photo_credit(c));
    for c in &signals.credits {
        push_unique(&mut body.credits, c);
    }
    body.text = boilerplate::strip_trailing_teasers(&paras.join("\n\n"));
    body
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x == s) {
        list.push(s.to_string());
    }
}
