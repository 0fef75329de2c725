//! Reading a file as a stream of records (the pages of a web archive, the lines of a JSONL
//! file, the rows of a CSV table) parsed in parallel batches, so that memory holds one batch and
//! not the file, whatever its size.
//!
//! A streamed reader hands every result, in record order, to a [`Sink`]: the index writer
//! during ingest, standard output during `parse`, or a list ([`collected`]) when a parser is
//! given a file's bytes.

use std::convert::Infallible;

use rayon::prelude::*;

use crate::article::Article;
use crate::error::ParseError;
use crate::ingest::{decode, Input};

/// What a streamed reader does with each article (or record error), in record order: the
/// caller's sink. A sink error stops the reading and is returned.
pub type Sink<'s, E> = dyn FnMut(Result<Article, ParseError>) -> Result<(), E> + 's;

/// Everything a streamed reader hands its sink, as a list.
pub fn collected(
    read: impl FnOnce(&mut Sink<'_, Infallible>) -> Result<(), Infallible>,
) -> Vec<Result<Article, ParseError>> {
    let mut out = Vec::new();
    let Ok(()) = read(&mut |r| {
        out.push(r);
        Ok(())
    });
    out
}

/// A streamed reader's results for a file given whole as `bytes` (a zip member, a test): UTF-16
/// with its BOM is decoded first, since the readers take UTF-8 lines or rows.
pub fn read_bytes(
    input: &Input,
    bytes: &[u8],
    read: impl Fn(&[u8], &mut Sink<'_, Infallible>) -> Result<(), Infallible>,
) -> Vec<Result<Article, ParseError>> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return match decode::utf8_text(bytes) {
            Ok(text) => collected(|sink| read(text.as_bytes(), sink)),
            Err(kind) => vec![Err(ParseError::new(&input.path, kind))],
        };
    }
    collected(|sink| read(bytes, sink))
}

/// Parses `records` in batches of `size` on every core and hands the results to `sink` in
/// record order, batch after batch. A record gives one result or several (`parse` returns them
/// as an iterator: `[result]` for one); a record that already failed (`Err`) keeps its place.
pub fn in_batches<T: Send, R, E>(
    records: impl Iterator<Item = Result<T, ParseError>>,
    size: usize,
    parse: impl Fn(T) -> R + Sync,
    sink: &mut Sink<'_, E>,
) -> Result<(), E>
where
    R: IntoIterator<Item = Result<Article, ParseError>>,
{
    let mut batch: Vec<Result<T, ParseError>> = Vec::with_capacity(size);
    let mut flush = |batch: &mut Vec<Result<T, ParseError>>| -> Result<(), E> {
        let parsed: Vec<Vec<Result<Article, ParseError>>> = std::mem::take(batch)
            .into_par_iter()
            .map(|r| match r {
                Ok(record) => parse(record).into_iter().collect(),
                Err(e) => vec![Err(e)],
            })
            .collect();
        parsed.into_iter().flatten().try_for_each(&mut *sink)
    };
    for record in records {
        batch.push(record);
        if batch.len() == size {
            flush(&mut batch)?;
        }
    }
    flush(&mut batch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ParseErrorKind;

    #[test]
    fn results_keep_record_order_across_batches() {
        let records = (1..=10).map(|n| {
            if n == 4 {
                Err(ParseError::new("f", ParseErrorKind::Empty).at_record(n))
            } else {
                Ok(n)
            }
        });
        let out = collected(|sink| in_batches(records, 3, |n| [Ok(Article::new(format!("f#{n}")))], sink));
        let got: Vec<String> = out
            .iter()
            .map(|r| match r {
                Ok(a) => a.source.clone(),
                Err(e) => e.location(),
            })
            .collect();
        let want: Vec<String> = (1..=10).map(|n| format!("f#{n}")).collect();
        assert_eq!(got, want);
        assert!(out[3].is_err());
    }

    #[test]
    fn a_sink_error_stops_the_reading() {
        let mut seen = 0;
        let parsed = std::sync::atomic::AtomicUsize::new(0);
        let stopped = in_batches(
            (1..=100).map(Ok),
            10,
            |n: usize| {
                parsed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                [Ok(Article::new(format!("f#{n}")))]
            },
            &mut |_| {
                seen += 1;
                if seen == 15 {
                    Err("full")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(stopped, Err("full"));
        assert_eq!(seen, 15);
        assert_eq!(parsed.into_inner(), 20, "two batches read, not ten");
    }
}
