//! CSV and TSV tables of articles, as news datasets and media-monitoring tools export them (one
//! article per row, a header row naming the columns): each row becomes an article through the
//! key table JSON records use ([`record::article_from_named`]), so `title`, `author`, `date`,
//! `content`, `url`, `publication` … map alike in every format.
//!
//! A row's article has the source `path#N`, N counting data rows from 1. A row that cannot be read
//! (a field count that differs from the header's, a bad quote) or that holds neither a title
//! nor a text is one error naming `path#N`; the other rows are read. A date column written as a
//! Unix timestamp (all digits) is read as one.

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::ingest::record::{self, Value};
use crate::ingest::{decode, Input, Parser};

/// Reads CSV (`,`) and TSV (tab) files.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvParser;

impl Parser for CsvParser {
    fn format(&self) -> Format {
        Format::Csv
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        let text = match decode::utf8_text(bytes) {
            Ok(t) => t,
            Err(kind) => return vec![Err(ParseError::new(&input.path, kind))],
        };
        let tab = input
            .path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"));
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(if tab { b'\t' } else { b',' })
            .from_reader(text.as_bytes());
        let header: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(str::to_string).collect(),
            Err(e) => {
                return vec![Err(ParseError::new(&input.path, ParseErrorKind::InvalidCsv(e.to_string())))]
            }
        };
        let names: Vec<&str> = header.iter().map(String::as_str).collect();
        if !names.iter().any(|n| record::key_for(n).is_some()) {
            let shown: Vec<&str> = names.iter().copied().take(8).collect();
            let reason = format!("no column names an article field (columns: {})", shown.join(", "));
            return vec![Err(ParseError::new(&input.path, ParseErrorKind::NotAnArticle(reason)))];
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
        reader
            .records()
            .enumerate()
            .map(|(i, row)| {
                let n = i + 1;
                let err = |kind| ParseError::new(&input.path, kind).at_record(n);
                let row = row.map_err(|e| err(ParseErrorKind::InvalidCsv(e.to_string())))?;
                let named = names
                    .iter()
                    .zip(&dated)
                    .zip(row.iter())
                    .filter(|(_, v)| !v.trim().is_empty())
                    .map(|((name, dated), v)| (*name, value(*dated, v)));
                record::article_from_named(format!("{source}#{n}"), named, &names, "columns").map_err(err)
            })
            .collect()
    }
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
}
