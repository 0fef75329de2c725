//! CSV and TSV tables of articles, as news datasets and media-monitoring tools export them (one
//! article per row, a header row naming the columns): each row becomes an article through the
//! key table JSON records use ([`record::article_from_named`]), so `title`, `author`, `date`,
//! `content`, `url`, `publication` … map alike in every format.
//!
//! A row's article has the source `path#N`, N counting data rows from 1. A row that cannot be read
//! (a field count that differs from the header's, a bad quote) or that holds neither a title
//! nor a text is one error naming `path#N`; the other rows are read. A date column written as a
//! Unix timestamp (all digits) is read as one.

use std::io::Read;

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::ingest::record::{self, Value};
use crate::ingest::{stream, Input, Parser};

/// Reads CSV (`,`) and TSV (tab) files.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvParser;

impl Parser for CsvParser {
    fn format(&self) -> Format {
        Format::Csv
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        stream::read_bytes(input, bytes, |bytes, sink| read_stream(input, bytes, &|_| {}, sink))
    }
}

/// Rows parsed together (see [`stream::in_batches`]).
const BATCH_ROWS: usize = 512;

/// Reads a CSV or TSV table from `reader` row by row, parsing each batch of rows in parallel;
/// `finish` runs on each article, and `sink` receives the results in row order. A row that
/// cannot be read is one error at `path#N`; an error reading the stream (a cut `.csv.gz`)
/// ends it after the rows read so far, reported.
pub fn read_stream<E>(
    input: &Input,
    reader: impl Read,
    finish: &(dyn Fn(&mut Article) + Sync),
    sink: &mut stream::Sink<'_, E>,
) -> Result<(), E> {
    let tab = input
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"));
    let mut reader =
        ::csv::ReaderBuilder::new().delimiter(if tab { b'\t' } else { b',' }).from_reader(reader);
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => return sink(Err(ParseError::new(&input.path, ParseErrorKind::InvalidCsv(e.to_string())))),
    };
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    if !names.iter().any(|n| record::key_for(n).is_some()) {
        let shown: Vec<&str> = names.iter().copied().take(8).collect();
        let reason = format!("no column names an article field (columns: {})", shown.join(", "));
        return sink(Err(ParseError::new(&input.path, ParseErrorKind::NotAnArticle(reason))));
    }
    // Which columns hold dates, decided once for the whole table.
    let dated: Vec<bool> = names
        .iter()
        .map(|n| {
            matches!(
                record::key_for(n),
                Some((record::RecordKey::Published | record::RecordKey::Modified, _))
            )
        })
        .collect();
    let source = input.path.display().to_string();
    let parse_row = |(n, row): (usize, ::csv::StringRecord)| -> Result<Article, ParseError> {
        let named = names
            .iter()
            .zip(&dated)
            .zip(row.iter())
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|((name, dated), v)| (*name, value(*dated, v)));
        let mut article = record::article_from_named(format!("{source}#{n}"), named, &names, "columns")
            .map_err(|kind| ParseError::new(&input.path, kind).at_record(n))?;
        finish(&mut article);
        Ok(article)
    };
    // The rows with their numbers; an error reading the stream is the last item.
    let mut broken = false;
    let rows = reader.into_records().enumerate().map_while(|(i, row)| {
        if broken {
            return None;
        }
        let n = i + 1;
        Some(row.map(|row| (n, row)).map_err(|e| {
            broken = matches!(e.kind(), ::csv::ErrorKind::Io(_));
            let kind = if broken {
                ParseErrorKind::Io(format!("stopped at row {n}: {e}"))
            } else {
                ParseErrorKind::InvalidCsv(e.to_string())
            };
            ParseError::new(&input.path, kind).at_record(n)
        }))
    });
    stream::in_batches(rows, BATCH_ROWS, |row| [parse_row(row)], sink)
}

/// A cell as a record value: in a date column, a cell of nine or more digits is a Unix
/// timestamp.
fn value(dated: bool, cell: &str) -> Value {
    let cell = cell.trim();
    match cell.parse::<f64>() {
        Ok(n) if dated && cell.len() >= 9 && cell.bytes().all(|b| b.is_ascii_digit()) => Value::Number(n),
        _ => Value::Text(cell.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn parse(name: &str, text: &str) -> Vec<Result<Article, ParseError>> {
        CsvParser.parse(&Input::new(PathBuf::from(name), Format::Csv), text.as_bytes())
    }

    #[test]
    fn rows_become_articles_through_the_key_table() {
        let out = parse(
            "news.csv",
            "\u{feff},id,title,publication,author,date,url,content\n\
             0,17283,House Republicans Fret,New York Times,Carl Hulse,2016-12-31,https://nyt.example/a,\"First line.\n\nSecond, with a comma.\"\n\
             1,17284,Second row,Breitbart,,1717426800,,Its text.\n",
        );
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.source, "news.csv#1");
        assert_eq!(a.headline.as_deref(), Some("House Republicans Fret"));
        assert_eq!(a.outlet.as_deref(), Some("New York Times"));
        assert_eq!(a.byline, ["Carl Hulse"]);
        assert_eq!(a.published.map(|p| p.to_iso()).as_deref(), Some("2016-12-31"));
        assert_eq!(a.body, "First line.\n\nSecond, with a comma.");
        let b = out[1].as_ref().unwrap();
        assert_eq!(b.source, "news.csv#2");
        assert!(b.byline.is_empty());
        assert_eq!(b.published.map(|p| p.to_iso()).as_deref(), Some("2024-06-03T15:00:00Z"));
    }

    #[test]
    fn tabs_bad_rows_and_tables_of_something_else() {
        let out = parse("feed.tsv", "headline\tbody\nOne\tText one.\nTwo\tText two.\textra\n\t\n");
        assert_eq!(out[0].as_ref().unwrap().headline.as_deref(), Some("One"));
        let errors: Vec<String> =
            out.iter().filter_map(|r| r.as_ref().err()).map(|e| e.to_string()).collect();
        assert!(errors[0].starts_with("feed.tsv#2: invalid CSV"), "{errors:?}");
        assert!(
            errors[1]
                .starts_with("feed.tsv#3: not an article: no text or title field (columns: headline, body)"),
            "{errors:?}"
        );
        let out = parse("prices.csv", "sku,price\nA1,3\n");
        assert!(
            matches!(&out[..], [Err(e)] if e.to_string().contains("no column names an article field (columns: sku, price)"))
        );
    }
    #[test]
    fn a_row_that_is_not_utf8_fails_alone_and_a_broken_stream_ends_reported() {
        let bytes = b"title,text\nOne,Text one.\nTw\xE9,Text two.\nThree,Text three.\n";
        let out = CsvParser.parse(&Input::new(PathBuf::from("t.csv"), Format::Csv), bytes);
        assert_eq!(out.len(), 3);
        assert!(out[0].is_ok() && out[2].is_ok());
        let err = out[1].as_ref().unwrap_err();
        assert_eq!(err.location(), "t.csv#2");
        assert!(matches!(err.kind, ParseErrorKind::InvalidCsv(_)), "{err}");

        struct Cut<'a>(&'a [u8]);
        impl std::io::Read for Cut<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                match self.0.read(buf)? {
                    0 => Err(std::io::Error::other("gzip: corrupt deflate stream")),
                    n => Ok(n),
                }
            }
        }
        let input = Input::new(PathBuf::from("t.csv.gz"), Format::Csv);
        let table = b"title,text\nOne,Text one.\nTwo,Text two.\nThr";
        let out = stream::collected(|sink| read_stream(&input, Cut(table), &|_| {}, sink));
        let got: Vec<String> =
            out.iter().map(|r| r.as_ref().map_or_else(|e| e.to_string(), |a| a.source.clone())).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[..2], ["t.csv.gz#1", "t.csv.gz#2"]);
        assert!(got[2].starts_with("t.csv.gz#3: cannot read file: stopped at row 3"), "{got:?}");
    }
}
