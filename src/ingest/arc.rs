//! ARC web archives, the Internet Archive's format before WARC (`.arc`, `.arc.gz`, versions 1
//! and 2): every archived HTML page becomes an article, exactly as from a WARC file.
//!
//! An ARC file opens with a `filedesc://` record describing it; each record after it is one
//! header line, `URL IP-address Archive-date Content-type … Archive-length` (version 2 adds
//! fields between the type and the length, which is always last), then that many bytes: the
//! HTTP response as fetched. Each record is read as the WARC `response` record it would be
//! ([`warc::read_records`]), so the same pages are kept, with the same rules: the fetch address
//! stands in for a missing canonical URL, the capture time bounds the page's dates, and `source`
//! is `path#N`, N counting the records after the `filedesc` one from 1.

use std::io::{BufRead, Read};

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::ingest::stream;
use crate::ingest::warc::{self, Record};
use crate::ingest::{Input, Parser};

/// Reads ARC files.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArcParser;

impl Parser for ArcParser {
    fn format(&self) -> Format {
        Format::Arc
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        read_archive(input, bytes)
    }
}

/// Reads an ARC stream (plain, or inflated on the fly from `.arc.gz`); see [`warc::read_archive`].
pub fn read_archive(input: &Input, reader: impl BufRead) -> Vec<Result<Article, ParseError>> {
    stream::collected(|sink| read_stream(input, reader, &|_| {}, sink))
}

/// Reads an ARC stream into `sink`; see [`warc::read_records`].
pub fn read_stream<E>(
    input: &Input,
    reader: impl BufRead,
    finish: &(dyn Fn(&mut Article) + Sync),
    sink: &mut stream::Sink<'_, E>,
) -> Result<(), E> {
    warc::read_records(input, ArcRecords { reader, number: 0, done: false }, finish, sink)
}

/// The records of an ARC stream, in WARC terms, numbered from 1 after the `filedesc` record.
struct ArcRecords<R> {
    reader: R,
    number: usize,
    done: bool,
}

/// The longest header line read.
const MAX_LINE: u64 = 16 * 1024;

impl<R: BufRead> ArcRecords<R> {
    /// The next record: `None` at the end, `Some(None)` for a record that is no fetch (the
    /// `filedesc` record, a DNS lookup).
    #[allow(clippy::option_option)]
    fn read_record(&mut self) -> Result<Option<Option<Record>>, ParseErrorKind> {
        let mut line = Vec::new();
        loop {
            line.clear();
            let read = (&mut self.reader)
                .take(MAX_LINE)
                .read_until(b'\n', &mut line)
                .map_err(|e| ParseErrorKind::Warc(format!("cannot read further: {e}")))?;
            if read == 0 {
                return Ok(None);
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        let header = String::from_utf8_lossy(&line).trim().to_string();
        let fields: Vec<&str> = header.split_whitespace().collect();
        let length = fields.last().and_then(|l| l.parse::<u64>().ok());
        let (Some(&url), Some(length), true) = (fields.first(), length, fields.len() >= 5) else {
            self.done = true;
            let shown: String = header.chars().take(60).collect();
            return Err(ParseErrorKind::Warc(format!("not an ARC record header: {shown:?}")));
        };
        let mut block = Vec::new();
        let read = (&mut self.reader)
            .take(length)
            .read_to_end(&mut block)
            .map_err(|e| ParseErrorKind::Warc(format!("cannot read further: {e}")))?;
        if (read as u64) < length {
            self.done = true;
            return Err(ParseErrorKind::Warc(format!(
                "record cut short: its header gives {length} bytes, the file has {read} left"
            )));
        }
        if !url.starts_with("filedesc:") {
            self.number += 1;
        }
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Ok(Some(None));
        }
        let headers = vec![
            ("WARC-Type".to_string(), "response".to_string()),
            ("WARC-Target-URI".to_string(), url.to_string()),
            ("WARC-Date".to_string(), arc_date(fields[2])),
            ("Content-Type".to_string(), "application/http; msgtype=response".to_string()),
        ];
        Ok(Some(Some(Record { headers, block })))
    }
}

impl<R: BufRead> Iterator for ArcRecords<R> {
    type Item = (usize, Result<Record, ParseErrorKind>);

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.read_record() {
                Ok(None) => return None,
                Ok(Some(None)) => continue,
                Ok(Some(Some(record))) => return Some((self.number, Ok(record))),
                Err(kind) => {
                    // A header that cannot be read leaves no way to find the next record.
                    self.done = true;
                    self.number += 1;
                    return Some((self.number, Err(kind)));
                }
            }
        }
        None
    }
}

/// An ARC date (`19961104142103`, UTC) in ISO 8601; other text as it is.
fn arc_date(stamp: &str) -> String {
    let d = stamp.as_bytes();
    if d.len() != 14 || !d.iter().all(u8::is_ascii_digit) {
        return stamp.to_string();
    }
    let s = |a: usize, b: usize| &stamp[a..b];
    format!("{}-{}-{}T{}:{}:{}Z", s(0, 4), s(4, 6), s(6, 8), s(8, 10), s(10, 12), s(12, 14))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn record(url: &str, date: &str, http: &str) -> String {
        format!("{url} 127.0.0.1 {date} text/html {}\n{http}\n", http.len())
    }

    fn page(headline: &str, date: &str) -> String {
        let html = format!(
            "<html><head><title>{headline}</title><meta name=\"date\" content=\"{date}\"></head><body><article>\
             <h1>{headline}</h1><p>The council met on Tuesday and voted on the budget for the coming year, after a \
             long debate about bus routes and parks.</p></article></body></html>"
        );
        format!("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{html}", html.len())
    }

    fn parse(arc: &str) -> Vec<Result<Article, ParseError>> {
        ArcParser.parse(&Input::new(PathBuf::from("old.arc"), Format::Arc), arc.as_bytes())
    }

    #[test]
    fn pages_of_an_arc_file() {
        let desc = "1 0 Example Archive\nURL IP-address Archive-date Content-type Archive-length\n";
        let mut arc =
            format!("filedesc://old.arc 0.0.0.0 19961104142103 text/plain {}\n{desc}\n", desc.len());
        arc.push_str(&record(
            "http://news.example/1996/11/03/vote.html",
            "19961104142103",
            &page("Vote", "1996-11-03"),
        ));
        arc.push_str(&record("dns:news.example", "19961104142100", "127.0.0.1"));
        // Version 2 headers put more fields between the type and the length.
        let later = page("Budget", "2031-01-01");
        arc.push_str(&format!(
            "http://news.example/budget.html 127.0.0.1 19961105000000 text/html 200 - - 1234 old.arc {}\n{later}\n",
            later.len()
        ));
        let out = parse(&arc);
        let a = out[0].as_ref().unwrap();
        assert_eq!((a.source.as_str(), a.headline.as_deref()), ("old.arc#1", Some("Vote")));
        assert_eq!(a.url.as_deref(), Some("http://news.example/1996/11/03/vote.html"));
        assert_eq!(a.published.map(|p| p.to_iso()).as_deref(), Some("1996-11-03"));
        let b = out[1].as_ref().unwrap();
        assert_eq!((b.source.as_str(), b.headline.as_deref()), ("old.arc#3", Some("Budget")));
        // A date after the capture is not the page's.
        assert_eq!(b.published, None);
    }

    #[test]
    fn a_cut_or_garbled_file_keeps_what_came_before() {
        let first = record("http://news.example/a.html", "19961104142103", &page("Kept", "1996-11-03"));
        let second = record("http://news.example/b.html", "19961104142103", &page("Cut", "1996-11-03"));
        let out = parse(&format!("{first}{}", &second[..second.len() / 2]));
        assert_eq!(out[0].as_ref().unwrap().headline.as_deref(), Some("Kept"));
        assert!(out[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("old.arc#2: damaged web archive: record cut short"));
        let out = parse(&format!("{first}this is no header\n"));
        assert!(out[1].as_ref().unwrap_err().to_string().contains("not an ARC record header"));
        assert_eq!(arc_date("19961104142103"), "1996-11-04T14:21:03Z");
    }
}
