//! WARC web archives (ISO 28500: what Heritrix, wget `--warc-file`, Webrecorder, ArchiveBox and
//! Common Crawl write): every archived HTML page becomes an article, read by the HTML parser, and
//! every archived PDF document (a report, a press release) its articles, read by the PDF parser.
//!
//! A WARC file is a sequence of records, each a block of `Name: value` headers (`WARC-Type`,
//! `WARC-Target-URI`, `Content-Length`, …), a blank line, `Content-Length` bytes, and two line
//! breaks. Pages come as `response` records (an HTTP response: status line, headers, payload) or
//! `resource` records (the payload alone). Requests, metadata, revisits, redirects, error pages
//! and other responses (images, scripts, style sheets) are not articles and are passed over.
//!
//! Each page's article has the source `path#N`, N the record's number in the file (1-based); a
//! PDF that holds several articles (a database export) gives `path#N#1`, `path#N#2`, …. The
//! address a PDF was fetched from is its articles' `url`, and its host their outlet. The
//! address a page was fetched from and the HTTP charset reach the HTML parser ([`Transport`]): the
//! address stands in for a canonical URL the page does not state (its outlet and URL date come
//! from it), and the charset outranks the page's own declaration, as in a browser. The capture
//! time (`WARC-Date`) is not a publication date and is not used as one; it only rules out page
//! dates after it.
//!
//! A damaged record costs that record: one error naming `path#N`, and reading resumes at the next
//! record header. The HTTP payload is de-chunked and inflated as its headers say; tools that
//! store it decoded (Common Crawl renames the headers) are read as they are.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{BufRead, Read};

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::ingest::html::{charset, parse_delivered_page, BodyExtractor, Transport, MAX_BYTES};
use crate::ingest::pdf::{self, PdfParser};
use crate::ingest::stream::{self, collected, Sink};
use crate::ingest::{Input, Parser};

/// Reads WARC files.
#[derive(Debug, Clone, Copy, Default)]
pub struct WarcParser;

impl Parser for WarcParser {
    fn format(&self) -> Format {
        Format::Warc
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        read_archive(input, bytes)
    }
}

/// Pages parsed together: enough to keep every core busy, few enough that a large archive is
/// never held in memory whole (only its articles are).
const BATCH_PAGES: usize = 64;

/// Reads the records of a WARC stream (plain, or inflated on the fly from `.warc.gz`) and
/// parses its pages in parallel batches: memory holds one batch of pages, whatever the size of
/// the archive. An error reading the stream (a download cut short) ends it after the records
/// read so far.
pub fn read_archive(input: &Input, reader: impl BufRead) -> Vec<Result<Article, ParseError>> {
    collected(|sink| read_stream(input, reader, &|_| {}, sink))
}

/// Reads a WARC stream into `sink`; see [`read_records`].
pub fn read_stream<E>(
    input: &Input,
    reader: impl BufRead,
    finish: &(dyn Fn(&mut Article) + Sync),
    sink: &mut Sink<'_, E>,
) -> Result<(), E> {
    read_records(input, Records::new(reader), finish, sink)
}

/// Reads the pages among `records` (WARC records, or ARC records in WARC terms), in parallel
/// batches; `finish` runs on each article in the batch's threads (the shared extractors, for a
/// streamed file), and `sink` receives the results in record order, batch after batch.
pub(super) fn read_records<E>(
    input: &Input,
    records_in: impl Iterator<Item = (usize, Result<Record, ParseErrorKind>)>,
    finish: &(dyn Fn(&mut Article) + Sync),
    sink: &mut Sink<'_, E>,
) -> Result<(), E> {
    let source = input.path.display().to_string();
    let mut records = 0;
    let mut seen = HashSet::new();
    let pages = records_in.filter_map(|(number, record)| {
        records = number;
        match record.and_then(page_of) {
            // The same capture stored twice (crawlers refetch) is one article.
            Ok(Some(page)) if seen.insert((page.url.clone(), hash(&page.body))) => Some(Ok((number, page))),
            Ok(_) => None,
            Err(kind) => Some(Err(ParseError::new(&input.path, kind).at_record(number))),
        }
    });
    let parse = |(number, page): (usize, Page)| -> Vec<Result<Article, ParseError>> {
        let mut out = match page.kind {
            Payload::Html => {
                let transport =
                    Transport { url: page.url.as_deref(), encoding: page.encoding, captured: page.captured };
                let at = format!("{source}#{number}");
                vec![parse_delivered_page(&page.body, &at, BodyExtractor::default(), transport)
                    .map_err(|kind| ParseError::new(&input.path, kind).at_record(number))]
            }
            Payload::Pdf => {
                // The document is named as its record is: `path#N`.
                let record = Input::new(format!("{source}#{number}"), Format::Pdf);
                let mut read = PdfParser.parse(&record, &page.body);
                if let Some(url) = &page.url {
                    read.iter_mut().flatten().for_each(|article| pdf::fetched_from(article, url));
                }
                read
            }
        };
        for article in out.iter_mut().flatten() {
            finish(article);
        }
        out
    };
    // Pages are independent: each batch keeps every core busy.
    let mut any = false;
    stream::in_batches(pages, BATCH_PAGES, parse, &mut |r| {
        any = true;
        sink(r)
    })?;
    if !any {
        let reason = match records {
            0 => "no archive records".to_string(),
            n => format!("none of its {n} records is an archived HTML page or PDF document"),
        };
        return sink(Err(ParseError::new(&input.path, ParseErrorKind::NotAnArticle(reason))));
    }
    Ok(())
}

/// One record: its headers and its block.
#[derive(Debug)]
pub(super) struct Record {
    pub(super) headers: Vec<(String, String)>,
    pub(super) block: Vec<u8>,
}

impl Record {
    /// The value of a header, by case-insensitive name.
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim())
    }
}

/// An archived HTML page or PDF document, ready for its parser: its bytes as the archive stores
/// them, or decoded from a chunked or compressed HTTP body.
#[derive(Debug)]
struct Page {
    kind: Payload,
    url: Option<String>,
    encoding: Option<&'static encoding_rs::Encoding>,
    /// `WARC-Date`: when the page was fetched.
    captured: Option<crate::article::PubDate>,
    body: Vec<u8>,
}

/// What an archived payload is, of what morgue reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Payload {
    Html,
    Pdf,
}

/// The page a record archives, if it archives one.
fn page_of(record: Record) -> Result<Option<Page>, ParseErrorKind> {
    let kind = record.header("WARC-Type").unwrap_or("").to_ascii_lowercase();
    let url = record
        .header("WARC-Target-URI")
        .map(|u| u.trim_matches(['<', '>']).to_string())
        .filter(|u| !u.is_empty());
    let content_type = record.header("Content-Type").unwrap_or("").to_ascii_lowercase();
    let captured = record.header("WARC-Date").and_then(crate::extract::date::parse_date);
    match kind.as_str() {
        "response" if content_type.starts_with("application/http") => {
            let response = HttpResponse::parse(&record.block)?;
            // Only a type morgue reads, or none, is worth decoding (an image's payload is not).
            let typed = response.content_type().is_some_and(|t| !media_type(t).is_empty());
            if !(200..300).contains(&response.status)
                || (typed && payload_kind(response.content_type(), b"").is_none())
            {
                return Ok(None);
            }
            let body = response.payload()?;
            let Some(kind) = payload_kind(response.content_type(), &body) else { return Ok(None) };
            let encoding = response.content_type().and_then(charset_of);
            Ok(Some(Page { kind, url, encoding, captured, body: body.into_owned() }))
        }
        "resource" => Ok(payload_kind(Some(&content_type), &record.block).map(|kind| Page {
            kind,
            url,
            encoding: charset_of(&content_type),
            captured,
            body: record.block,
        })),
        _ => Ok(None),
    }
}

/// The most bytes a decoded HTTP payload may have: a page is cut at [`MAX_BYTES`] anyway.
const MAX_PAYLOAD: u64 = 4 * MAX_BYTES as u64;

/// The media type of a `Content-Type` value, lowercased, without its parameters.
fn media_type(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

/// What a payload is, by its media type, or, without one, by how its bytes open (as HTML or a
/// PDF does); `None` for what morgue does not read.
fn payload_kind(content_type: Option<&str>, body: &[u8]) -> Option<Payload> {
    match content_type.map(media_type).as_deref() {
        Some("text/html" | "application/xhtml+xml") => Some(Payload::Html),
        Some("application/pdf" | "application/x-pdf") => Some(Payload::Pdf),
        Some("") | None => {
            let head = &body[..body.len().min(1024)];
            if head.trim_ascii_start().starts_with(b"%PDF-") {
                return Some(Payload::Pdf);
            }
            let head = String::from_utf8_lossy(head).trim_start().to_ascii_lowercase();
            (head.starts_with("<!doctype html") || head.starts_with("<html")).then_some(Payload::Html)
        }
        Some(_) => None,
    }
}

/// The encoding a `Content-Type` value's `charset` parameter names.
fn charset_of(content_type: &str) -> Option<&'static encoding_rs::Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        let value = value.trim().trim_matches(['"', '\'']);
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| charset::encoding_for_label(value.as_bytes()))
            .flatten()
    })
}

fn hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// The records of a WARC stream, numbered from 1. A record whose header cannot be read is an
/// error, and reading resumes at the next line that opens a record; a record cut short by the
/// end of the stream, or a stream that fails (a damaged gzip member), is an error and the last
/// item.
struct Records<R> {
    reader: R,
    number: usize,
    /// A record's first line, met while skipping a damaged record.
    pending: Option<Vec<u8>>,
    done: bool,
}

/// The longest header line read as one; longer ones are read in pieces.
const MAX_LINE: u64 = 64 * 1024;

impl<R: BufRead> Records<R> {
    fn new(reader: R) -> Self {
        Records { reader, number: 0, pending: None, done: false }
    }

    /// The next line (at most [`MAX_LINE`] bytes), `None` at the end of the stream.
    fn line(&mut self) -> Result<Option<Vec<u8>>, ParseErrorKind> {
        let mut line = Vec::new();
        match (&mut self.reader).take(MAX_LINE).read_until(b'\n', &mut line) {
            Ok(0) => Ok(None),
            Ok(_) => Ok(Some(line)),
            Err(e) => Err(ParseErrorKind::Warc(format!("cannot read further: {e}"))),
        }
    }

    /// Skips to the next line that opens a record and keeps it for the next call.
    fn resync(&mut self) -> Result<(), ParseErrorKind> {
        while let Some(line) = self.line()? {
            if line.starts_with(b"WARC/") {
                self.pending = Some(line);
                return Ok(());
            }
        }
        Ok(())
    }

    fn fail(&mut self, kind: ParseErrorKind) -> Option<(usize, Result<Record, ParseErrorKind>)> {
        self.done = true;
        Some((self.number, Err(kind)))
    }

    fn read_record(&mut self) -> Result<Option<Record>, ParseErrorKind> {
        // The number of the record being read (nothing is reported at the end of the stream).
        self.number += 1;
        // Records are separated by two line breaks; tools differ in how many they write.
        let first = match self.pending.take() {
            Some(line) => line,
            None => loop {
                match self.line()? {
                    None => return Ok(None),
                    Some(l) if l.iter().all(u8::is_ascii_whitespace) => continue,
                    Some(l) => break l,
                }
            },
        };
        if !first.starts_with(b"WARC/") {
            let shown: String = String::from_utf8_lossy(&first).chars().take(20).collect();
            self.resync()?;
            return Err(ParseErrorKind::Warc(format!("expected a record header, found {shown:?}")));
        }
        let mut head = String::new();
        loop {
            match self.line()? {
                None => {
                    self.done = true;
                    return Err(ParseErrorKind::Warc(
                        "record header cut short by the end of the file".into(),
                    ));
                }
                Some(l) if l.iter().all(u8::is_ascii_whitespace) => break,
                Some(l) => head.push_str(&String::from_utf8_lossy(&l)),
            }
        }
        let headers = parse_headers(head.lines());
        let length = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.trim().parse::<u64>().ok());
        let Some(length) = length else {
            self.resync()?;
            return Err(ParseErrorKind::Warc("record without a valid Content-Length".into()));
        };
        let mut block = Vec::with_capacity(length.min(MAX_PAYLOAD) as usize);
        let read = (&mut self.reader)
            .take(length)
            .read_to_end(&mut block)
            .map_err(|e| ParseErrorKind::Warc(format!("cannot read further: {e}")))?;
        if (read as u64) < length {
            self.done = true;
            return Err(ParseErrorKind::Warc(format!(
                "record cut short: Content-Length is {length} bytes, the file has {read} left"
            )));
        }
        Ok(Some(Record { headers, block }))
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = (usize, Result<Record, ParseErrorKind>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.read_record() {
            Ok(Some(record)) => Some((self.number, Ok(record))),
            Ok(None) => None,
            Err(kind) => {
                // A failed read leaves the stream unusable; a damaged header does not.
                if matches!(&kind, ParseErrorKind::Warc(m) if m.starts_with("cannot read further")) {
                    return self.fail(kind);
                }
                Some((self.number, Err(kind)))
            }
        }
    }
}

/// Where a header block ends and its body begins, in `bytes`: after the first empty line
/// (`\r\n\r\n`, or `\n\n` from tools that write bare line feeds).
fn header_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let crlf = memchr::memmem::find(bytes, b"\r\n\r\n");
    // Bare line feeds are looked for only before that point: a scan past it would read the
    // whole body of every record.
    let before = crlf.map_or(bytes.len(), |i| i + 2);
    match memchr::memmem::find(&bytes[..before], b"\n\n") {
        Some(i) => Some((i, i + 2)),
        None => crlf.map(|i| (i, i + 4)),
    }
}

/// `Name: value` lines; a line that starts with a space or tab continues the previous value.
fn parse_headers<'l>(lines: impl Iterator<Item = &'l str>) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    headers
}

/// An HTTP response as a `response` record stores it.
struct HttpResponse<'a> {
    status: u16,
    headers: Vec<(String, String)>,
    body: &'a [u8],
}

impl<'a> HttpResponse<'a> {
    fn parse(block: &'a [u8]) -> Result<Self, ParseErrorKind> {
        let (head, body) = match header_end(block) {
            Some((end, body)) => (&block[..end], &block[body..]),
            None => (block, &block[block.len()..]),
        };
        let head = String::from_utf8_lossy(head);
        let mut lines = head.lines();
        let status_line = lines.next().unwrap_or("");
        let status = status_line
            .strip_prefix("HTTP/")
            .and_then(|r| r.split_whitespace().nth(1))
            .and_then(|s| s.parse::<u16>().ok())
            .ok_or_else(|| {
                ParseErrorKind::Warc(format!("not an HTTP response: {:?}", truncate(status_line, 40)))
            })?;
        Ok(HttpResponse { status, headers: parse_headers(lines), body })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn content_type(&self) -> Option<&str> {
        self.header("Content-Type")
    }

    /// The body as the page's bytes: de-chunked and inflated as the headers say. A body that
    /// does not have the encoding its headers claim was stored decoded, and is taken as it is.
    fn payload(&self) -> Result<Cow<'a, [u8]>, ParseErrorKind> {
        let chunked =
            self.header("Transfer-Encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
        let payload = match chunked.then(|| dechunk(self.body)).flatten() {
            Some(body) => Cow::Owned(body),
            None => Cow::Borrowed(self.body),
        };
        let coding = self.header("Content-Encoding").unwrap_or("").trim().to_ascii_lowercase();
        let body: &[u8] = &payload;
        let inflated = match coding.as_str() {
            "" | "identity" => None,
            "gzip" | "x-gzip" if crate::ingest::compress::is_gzip(body) => {
                Some(read_limited(flate2::read::MultiGzDecoder::new(body))?)
            }
            "deflate" if body.first().is_some_and(|b| b & 0x0f == 8) => {
                Some(read_limited(flate2::read::ZlibDecoder::new(body))?)
            }
            "deflate" => Some(read_limited(flate2::read::DeflateDecoder::new(body))?),
            "gzip" | "x-gzip" => None,
            other => return Err(ParseErrorKind::Warc(format!("unsupported Content-Encoding {other:?}"))),
        };
        Ok(inflated.map_or(payload, Cow::Owned))
    }
}

fn read_limited(reader: impl Read) -> Result<Vec<u8>, ParseErrorKind> {
    let mut out = Vec::new();
    reader
        .take(MAX_PAYLOAD)
        .read_to_end(&mut out)
        .map_err(|e| ParseErrorKind::Warc(format!("cannot inflate the HTTP payload: {e}")))?;
    Ok(out)
}

/// Joins the chunks of a `Transfer-Encoding: chunked` body; `None` when the bytes are not
/// chunked after all.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = memchr::memchr(b'\n', body)?;
        let line = std::str::from_utf8(&body[..line_end]).ok()?.trim();
        let size = usize::from_str_radix(line.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = &body[size..];
        body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
        if body.is_empty() {
            // The last chunk ended the file without its terminator: what came is the body.
            return Some(out);
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::path::PathBuf;

    fn record(headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
        let mut out = b"WARC/1.1\r\n".to_vec();
        for (k, v) in headers {
            out.extend(format!("{k}: {v}\r\n").bytes());
        }
        out.extend(format!("Content-Length: {}\r\n\r\n", block.len()).bytes());
        out.extend(block);
        out.extend(b"\r\n\r\n");
        out
    }

    fn response(url: &str, http_headers: &str, body: &[u8]) -> Vec<u8> {
        let mut block = format!("HTTP/1.1 200 OK\r\n{http_headers}\r\n").into_bytes();
        block.extend(body);
        record(
            &[
                ("WARC-Type", "response"),
                ("WARC-Target-URI", url),
                ("Content-Type", "application/http; msgtype=response"),
            ],
            &block,
        )
    }

    fn page(headline: &str) -> String {
        format!(
            "<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>\
             <p>The council met on Tuesday and voted on the budget for the coming year, after a long debate \
             about bus routes, parks and the library's opening hours.</p></article></body></html>"
        )
    }

    fn parse(bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        WarcParser.parse(&Input::new(PathBuf::from("crawl.warc"), Format::Warc), bytes)
    }

    fn headlines(out: &[Result<Article, ParseError>]) -> Vec<String> {
        out.iter().flatten().map(|a| a.headline.clone().unwrap_or_default()).collect()
    }

    #[test]
    fn archived_pdf_documents_are_read_as_pdfs() {
        use crate::ingest::pdf::writer::{line, pdf};
        // A two-article database export, fetched with its type, and a one-article clipping
        // stored as a resource without one (its bytes say what it is).
        let export = include_bytes!("../../sample_corpus/vellmont-nexis-2025-09.pdf");
        let gap = |text: &str| {
            let mut l = line(text);
            l.gap_before = 12;
            l
        };
        let clipping = pdf(&[vec![line("Library hours"), gap("The library opens on Sundays from May.")]]);
        let mut warc =
            response("https://port.example/reports/ferry.pdf", "Content-Type: application/pdf\r\n", export);
        warc.extend(record(
            &[("WARC-Type", "resource"), ("WARC-Target-URI", "https://www.library.example/hours.pdf")],
            &clipping,
        ));
        warc.extend(response(
            "https://port.example/cut.pdf",
            "Content-Type: application/pdf\r\n",
            b"%PDF-1.4\n\0cut",
        ));
        let out = parse(&warc);
        let field = |v: &Option<String>| v.clone().unwrap_or_default();
        let read: Vec<[String; 4]> = out
            .iter()
            .flatten()
            .map(|a| [a.source.clone(), field(&a.headline), field(&a.url), field(&a.outlet)])
            .collect();
        // The export names its outlet; the clipping takes its address's host.
        assert_eq!(
            read,
            [
                [
                    "crawl.warc#1#1",
                    "Ferry service returns to the north shore",
                    "https://port.example/reports/ferry.pdf",
                    "The Vellmont Beacon"
                ],
                [
                    "crawl.warc#1#2",
                    "Harbor cafe owners ask for later ferry runs",
                    "https://port.example/reports/ferry.pdf",
                    "The Vellmont Beacon"
                ],
                ["crawl.warc#2", "Library hours", "https://www.library.example/hours.pdf", "library.example"],
            ]
        );
        let errors: Vec<String> =
            out.iter().filter_map(|r| r.as_ref().err()).map(|e| e.to_string()).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("crawl.warc#3: unreadable PDF"), "{errors:?}");
    }

    #[test]
    fn pages_from_responses_and_resources_only() {
        let mut warc = record(
            &[("WARC-Type", "warcinfo"), ("Content-Type", "application/warc-fields")],
            b"software: t\r\n",
        );
        warc.extend(record(
            &[("WARC-Type", "request"), ("WARC-Target-URI", "https://a.example/x")],
            b"GET /x HTTP/1.1\r\n\r\n",
        ));
        warc.extend(response(
            "https://a.example/2024/05/06/x",
            "Content-Type: text/html; charset=utf-8\r\n",
            page("First page").as_bytes(),
        ));
        warc.extend(response(
            "https://a.example/logo.png",
            "Content-Type: image/png\r\n",
            b"\x89PNG\r\n\x1a\n\0\0",
        ));
        let redirect = record(
            &[("WARC-Type", "response"), ("Content-Type", "application/http; msgtype=response")],
            b"HTTP/1.1 301 Moved Permanently\r\nLocation: /x\r\n\r\n",
        );
        warc.extend(redirect);
        warc.extend(record(
            &[
                ("WARC-Type", "resource"),
                ("WARC-Target-URI", "file:///b.html"),
                ("Content-Type", "text/html"),
            ],
            page("Second page").as_bytes(),
        ));
        let out = parse(&warc);
        assert_eq!(headlines(&out), ["First page", "Second page"]);
        let first = out[0].as_ref().unwrap();
        assert_eq!(first.source, "crawl.warc#3");
        // The fetch address stands in for the canonical URL the page does not state.
        assert_eq!(first.url.as_deref(), Some("https://a.example/2024/05/06/x"));
        assert_eq!(first.outlet.as_deref(), Some("a.example"));
        assert_eq!(first.published.map(|p| p.to_iso()).as_deref(), Some("2024-05-06"));
        assert_eq!(out[1].as_ref().unwrap().source, "crawl.warc#6");
    }

    #[test]
    fn no_date_later_than_the_capture() {
        let page = |date: &str| {
            format!(
                "<html><head><meta property=\"article:published_time\" content=\"{date}\"><title>T</title></head>\
                 <body><article><h1>T</h1><p>The council met and voted on the budget for the coming year after a \
                 long debate.</p></article></body></html>"
            )
        };
        let captured = |url: &str, html: String| {
            let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
            block.extend(html.bytes());
            record(
                &[
                    ("WARC-Type", "response"),
                    ("WARC-Target-URI", url),
                    ("WARC-Date", "2024-05-07T06:00:00Z"),
                    ("Content-Type", "application/http; msgtype=response"),
                ],
                &block,
            )
        };
        let mut warc = captured("https://a.example/old", page("2024-05-06T09:00:00Z"));
        warc.extend(captured("https://a.example/new", page("2031-01-01T09:00:00Z")));
        let out = parse(&warc);
        let days: Vec<Option<String>> =
            out.iter().map(|r| r.as_ref().unwrap().published.map(|p| p.to_iso())).collect();
        assert_eq!(days, [Some("2024-05-06T09:00:00Z".to_string()), None]);
    }

    #[test]
    fn the_same_capture_twice_is_one_article() {
        let body = page("Same page");
        let mut warc = response("https://a.example/s", "Content-Type: text/html\r\n", body.as_bytes());
        warc.extend(response("https://a.example/s", "Content-Type: text/html\r\n", body.as_bytes()));
        warc.extend(response(
            "https://a.example/s",
            "Content-Type: text/html\r\n",
            page("Same page, updated").as_bytes(),
        ));
        assert_eq!(headlines(&parse(&warc)), ["Same page", "Same page, updated"]);
    }

    #[test]
    fn chunked_and_compressed_payloads_are_decoded() {
        let html = page("Chunked page");
        let mut chunked = Vec::new();
        for part in html.as_bytes().chunks(100) {
            chunked.extend(format!("{:x}\r\n", part.len()).bytes());
            chunked.extend(part);
            chunked.extend(b"\r\n");
        }
        chunked.extend(b"0\r\n\r\n");
        let mut warc = response(
            "https://a.example/c",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            &chunked,
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(page("Gzipped page").as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        warc.extend(response(
            "https://a.example/g",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            &gz,
        ));
        // Stored decoded though the header still names the encoding (as some crawlers do).
        warc.extend(response(
            "https://a.example/d",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
            page("Stored plain").as_bytes(),
        ));
        warc.extend(response(
            "https://a.example/b",
            "Content-Type: text/html\r\nContent-Encoding: br\r\n",
            b"\x1b\x00",
        ));
        // No Content-Type: the decoded payload, not the compressed one, is sniffed.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(page("Untyped page").as_bytes()).unwrap();
        warc.extend(response("https://a.example/u", "Content-Encoding: gzip\r\n", &gz.finish().unwrap()));
        let out = parse(&warc);
        assert_eq!(headlines(&out), ["Chunked page", "Gzipped page", "Stored plain", "Untyped page"]);
        let err = out[3].as_ref().unwrap_err();
        assert_eq!(err.location(), "crawl.warc#4");
        assert!(err.kind.to_string().contains("Content-Encoding \"br\""), "{err}");
    }

    #[test]
    fn the_http_charset_outranks_the_page() {
        // Cyrillic in windows-1251 bytes, the page's template claiming windows-1252 (which
        // decodes any byte): the HTTP label wins, as in a browser.
        let mut html =
            b"<html><head><meta charset=\"windows-1252\"><title>T</title></head><body><article><h1>T</h1><p>"
                .to_vec();
        html.extend(b"\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! ".repeat(20));
        html.extend(b"</p></article></body></html>");
        let out = parse(&response(
            "https://a.example/ru",
            "Content-Type: text/html; charset=\"windows-1251\"\r\n",
            &html,
        ));
        assert!(out[0].as_ref().unwrap().body.contains("Привет, мир!"));
        assert_eq!(charset_of("text/html; Charset=ISO-8859-1"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(charset_of("text/html"), None);
    }

    #[test]
    fn a_damaged_record_costs_itself_only() {
        let mut warc =
            response("https://a.example/1", "Content-Type: text/html\r\n", page("Before").as_bytes());
        warc.extend(b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>x</html>\r\n\r\n");
        // Reading resumes at the next record header after a damaged one...
        warc.extend(response("https://a.example/2", "Content-Type: text/html\r\n", page("After").as_bytes()));
        // ... and after bytes that open no record.
        warc.extend(b"garbage between records\r\n");
        let cut = response("https://a.example/3", "Content-Type: text/html\r\n", page("Cut").as_bytes());
        warc.extend(&cut[..cut.len() - 200]);
        let out = parse(&warc);
        assert_eq!(headlines(&out), ["Before", "After"]);
        let errors: Vec<String> =
            out.iter().filter_map(|r| r.as_ref().err()).map(|e| e.to_string()).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(
            errors[0].starts_with("crawl.warc#2: damaged web archive: record without a valid Content-Length")
        );
        assert!(
            errors[1].starts_with("crawl.warc#4: damaged web archive: expected a record header"),
            "{}",
            errors[1]
        );
        assert!(errors[2].contains("#5: damaged web archive: record cut short"), "{}", errors[2]);
    }

    #[test]
    fn an_archive_without_pages_says_so() {
        let warc = record(&[("WARC-Type", "warcinfo")], b"software: t\r\n");
        let out = parse(&warc);
        assert!(matches!(&out[..], [Err(e)] if e.kind.to_string().contains("none of its 1 records")));
        assert!(
            matches!(&parse(b"\r\n\r\n")[..], [Err(e)] if e.kind.to_string().contains("no archive records"))
        );
    }

    #[test]
    fn header_ends() {
        assert_eq!(header_end(b"A: 1\r\nB: 2\r\n\r\nbody\n\nmore"), Some((10, 14)));
        assert_eq!(header_end(b"A: 1\nB: 2\n\nbody\r\n\r\n"), Some((9, 11)));
        assert_eq!(header_end(b"A: 1\r\nB: 2"), None);
    }

    #[test]
    fn dechunking() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello world"[..])
        );
        assert_eq!(dechunk(b"5\nhello\n0\n").as_deref(), Some(&b"hello"[..]));
        assert_eq!(dechunk(b"<html>not chunked</html>"), None);
        assert_eq!(dechunk(b"ff\r\nshort"), None);
    }
}
