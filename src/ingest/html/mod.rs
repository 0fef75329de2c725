//! The HTML parser: turns a saved web page into one [`Article`].
//!
//! Stages, one submodule each:
//! * [`charset`]: bytes to text (BOM, `<meta charset>`, HTTP-equiv, detection);
//! * [`meta`]: the metadata cascade (JSON-LD, `<meta>` tags, markup, URL) for URL, outlet,
//!   headline, authors, dates, section, language and description;
//! * [`body`]: the main text through a content extractor (trafilatura first, dom_smoothie as
//!   fallback), with captions, credits, bylines and teasers moved out.
//!
//! The page is parsed once (trafilatura's DOM); the metadata is read from it before the
//! extractor consumes it. A page with any text gives an article (the headline alone is enough);
//! a page with neither headline nor text is `NotAnArticle`. Markup errors never fail a page:
//! the HTML5 parser recovers as browsers do, and very large pages are cut (see [`MAX_BYTES`]).

pub mod body;
pub mod charset;
pub mod embedded;
pub mod meta;
#[cfg(test)]
mod tests;

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::ingest::{Input, Parser};

pub use body::BodyExtractor;

/// Pages longer than this are cut before parsing: real articles are far smaller, and it bounds
/// the time one pathological file can take.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// Nesting deeper than this (by a lexical count of open tags) is pathological.
const MAX_LEXICAL_DEPTH: usize = 1500;

/// Returns where a page's tag nesting runs away, if it does. The HTML5 parser's time grows with
/// the square of the nesting depth (20,000 unclosed `<div>`s take seconds), so such a page is
/// cut there. Tags the parser closes by itself (`<p>`, `<li>`, table cells …) and void
/// elements are not counted, so sloppy but ordinary pages are never cut.
fn runaway_nesting_at(html: &str) -> Option<usize> {
    const NOT_COUNTED: &[&str] = &[
        "p", "li", "td", "th", "tr", "option", "dt", "dd", "br", "img", "meta", "link", "input", "hr", "wbr",
        "source", "area", "base", "col", "embed", "param", "track", "!--", "!doctype",
    ];
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + off;
        let rest = &bytes[start + 1..];
        let closing = rest.first() == Some(&b'/');
        let name_start = if closing { 1 } else { 0 };
        let name_len = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!' || **b == b'-')
            .count();
        let name = html.get(start + 1 + name_start..start + 1 + name_start + name_len).unwrap_or("");
        i = start + 1;
        if name.is_empty() || NOT_COUNTED.iter().any(|t| t.eq_ignore_ascii_case(name)) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > MAX_LEXICAL_DEPTH {
                return Some(start);
            }
        }
    }
    None
}

/// Elements whose content is never article text and is dropped before parsing (see
/// [`strip_inert`]): `true` keeps the element's tags (emptied), `false` drops it whole.
const INERT: &[(&str, bool)] = &[("script", true), ("style", true), ("noscript", true), ("svg", false)];

/// Removes what no stage reads before the page is parsed: scripts (JSON-LD kept), style
/// sheets, `<noscript>` fallbacks, inline SVG and comments. They are often half of a page's
/// bytes, and both extractors parse the page, so this roughly halves tokenizing; it also keeps
/// `<noscript>` markup (parsed as raw text when scripting is on) from reaching the body.
/// A lexical pass: raw-text elements end at their first closing tag, as in the HTML parser.
pub fn strip_inert(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0; // html[..copied] is handled
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + off;
        i = start + 1;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            let end = find_from(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            out.push_str(&html[copied..start]);
            copied = end;
            i = end;
            continue;
        }
        let Some(&(name, keep_tags)) = INERT.iter().find(|(name, _)| {
            rest.len() > name.len()
                && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes())
                && matches!(rest[name.len()], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
        }) else {
            continue;
        };
        let Some(open_end) = memchr::memchr(b'>', &bytes[start..]).map(|e| start + e + 1) else {
            break;
        };
        let open_tag = &html[start..open_end];
        if name == "script" && open_tag.to_ascii_lowercase().contains("ld+json") {
            i = open_end;
            continue;
        }
        let close = find_closing(bytes, open_end, name);
        let (content_end, after) = match close {
            Some(c) => (c, memchr::memchr(b'>', &bytes[c..]).map_or(bytes.len(), |e| c + e + 1)),
            None => (bytes.len(), bytes.len()),
        };
        out.push_str(&html[copied..start]);
        if keep_tags {
            out.push_str(open_tag);
            out.push_str(&html[content_end..after]);
        }
        copied = after;
        i = after;
    }
    out.push_str(&html[copied..]);
    out
}

/// Position of `needle` in `hay` at or after `from`.
fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| from + p)
}

/// Position of the first `</name` (any case) at or after `from`.
fn find_closing(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', bytes.get(i..)?) {
        let at = i + off;
        let rest = &bytes[at + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Reads HTML pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlParser;

impl Parser for HtmlParser {
    fn format(&self) -> Format {
        Format::Html
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        let source = input.path.display().to_string();
        vec![parse_page(bytes, &source, BodyExtractor::default()).map_err(|k| ParseError::new(&input.path, k))]
    }
}

/// Parses one page's bytes into an article whose `source` is `source`, finding the main text
/// with `extractor` first.
pub fn parse_page(bytes: &[u8], source: &str, extractor: BodyExtractor) -> Result<Article, ParseErrorKind> {
    let (mut html, _encoding) = charset::decode_html(bytes);
    if html.len() > MAX_BYTES {
        let mut cut = MAX_BYTES;
        while !html.is_char_boundary(cut) {
            cut -= 1;
        }
        html.truncate(cut);
    }
    if let Some(cut) = runaway_nesting_at(&html) {
        html.truncate(cut);
    }
    let page = html;
    let html = strip_inert(&page);
    let doc = trafilatura::dom::Document::parse(&html);
    let mut signals = meta::gather(&doc);
    let body = body::extract(doc, &page, &signals, extractor);
    // A client-rendered page shows its byline in the text its script holds.
    signals.add_page_text(&body.text);
    let m = signals.resolve(None, &body.byline, body.extractor_date);

    let mut article = Article::new(source);
    article.url = m.url;
    article.outlet = m.outlet;
    article.headline = m.headline;
    article.byline = m.byline;
    article.published = m.published;
    article.published_text = m.published_text;
    article.modified = m.modified;
    article.section = m.section;
    article.language = m.language;
    article.description = m.description;
    article.body = body.text;
    article.captions = body.captions;
    article.credits = body.credits;
    article.teasers = body.teasers;
    if article.body.trim().is_empty() && article.headline.is_none() {
        return Err(ParseErrorKind::NotAnArticle("no headline and no text".into()));
    }
    Ok(article)
}

#[cfg(test)]
mod strip_tests {
    use super::strip_inert;

    #[test]
    fn inert_content_is_removed() {
        let cases = [
            ("<p>a</p><script>var x = '<p>no</p>';</script><p>b</p>", "<p>a</p><script></script><p>b</p>"),
            (
                "<script type=\"application/ld+json\">{\"headline\":\"h\"}</script>",
                "<script type=\"application/ld+json\">{\"headline\":\"h\"}</script>",
            ),
            ("<STYLE>p{}</STYLE><p>x</p>", "<STYLE></STYLE><p>x</p>"),
            ("<p>x<!-- <script> --></p>", "<p>x</p>"),
            ("<noscript><iframe src=x></iframe></noscript>y", "<noscript></noscript>y"),
            ("<svg viewBox=\"0 0 1 1\"><title>icon</title></svg><p>z</p>", "<p>z</p>"),
            ("<scripts>kept</scripts>", "<scripts>kept</scripts>"),
            ("<p>unclosed <script>tail", "<p>unclosed <script>"),
            ("<p>open comment <!-- tail", "<p>open comment "),
        ];
        for (html, want) in cases {
            assert_eq!(strip_inert(html), want, "{html}");
        }
    }
}
