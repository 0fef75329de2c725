//! The HTML parser: turns a saved web page into one [`Article`].
//!
//! Stages, one submodule each:
//! * [`charset`]: bytes to text (BOM, `<meta charset>`, HTTP-equiv, detection);
//! * [`prescan`]: lexical passes before parsing (runaway nesting cut; scripts, styles,
//!   comments and script-state attributes removed);
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
pub mod prescan;
#[cfg(test)]
mod tests;

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::ingest::{Input, Parser};

use prescan::{runaway_nesting_at, strip_inert};

pub use body::BodyExtractor;

/// Pages longer than this are cut before parsing: real articles are far smaller, and it bounds
/// the time one pathological file can take.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

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

/// What the transport that delivered a page says about it (a web archive records the address
/// it was fetched from and the HTTP `Content-Type` charset); a saved file says nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Transport<'a> {
    /// The address the page was fetched from: its URL, outlet and URL date when the page
    /// itself names no canonical address.
    pub url: Option<&'a str>,
    /// The charset the HTTP headers give, which outranks the page's own declaration.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// When the page was fetched: no date of the page can be later (by more than a day, for
    /// time zones), so a later one found on it is some other date.
    pub captured: Option<crate::article::PubDate>,
}

/// Parses one page's bytes into an article whose `source` is `source`, finding the main text
/// with `extractor` first.
pub fn parse_page(bytes: &[u8], source: &str, extractor: BodyExtractor) -> Result<Article, ParseErrorKind> {
    parse_delivered_page(bytes, source, extractor, Transport::default())
}

/// [`parse_page`] for a page whose delivery is known ([`Transport`]).
pub fn parse_delivered_page(
    bytes: &[u8],
    source: &str,
    extractor: BodyExtractor,
    transport: Transport<'_>,
) -> Result<Article, ParseErrorKind> {
    let (mut html, _encoding) = charset::decode_html_as(bytes, transport.encoding);
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
    let m = signals.resolve(transport.url, &body.byline, body.extractor_date);

    let mut article = Article::new(source);
    article.url = m.url.or_else(|| transport.url.map(str::to_string));
    article.outlet = m.outlet;
    article.headline = m.headline;
    article.byline = m.byline;
    article.published = m.published;
    article.published_text = m.published_text;
    article.modified = m.modified;
    if let Some(captured) = transport.captured {
        let latest = captured.to_utc() + chrono::Duration::days(1);
        let possible = |d: &crate::article::PubDate| d.to_utc() <= latest;
        article.published = article.published.filter(possible);
        article.modified = article.modified.filter(possible);
    }
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
