//! Compressed inputs: a gzip file (`page.html.gz`, `feed.jsonl.gz`, `crawl.warc.gz`) is read as
//! the file it holds. The format is recognised from the name without `.gz`, or by sniffing the
//! inflated first bytes; the gzip magic number is recognised whatever the file is called (wget
//! saves compressed responses under their plain names).
//!
//! Inflating is bounded ([`MAX_INFLATED`]): a small file that inflates without end (a "zip bomb")
//! costs one error, not the machine's memory.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use flate2::read::MultiGzDecoder;

use crate::error::ParseErrorKind;

/// How an input file is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compression {
    /// The file is the content.
    #[default]
    None,
    /// gzip, one member or several concatenated (as `.warc.gz` stores one per record).
    Gzip,
}

/// The most bytes one compressed file may inflate to.
pub const MAX_INFLATED: u64 = 1 << 30;

/// The gzip magic number.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// True when the bytes begin as a gzip stream does.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&GZIP_MAGIC)
}

/// The file's bytes as its format reads them: inflated when compressed. A damaged or cut
/// stream gives what it inflated up to the damage, and the error: an archive whose download was
/// cut off still yields its first records.
pub fn content(bytes: &[u8], compression: Compression) -> (Cow<'_, [u8]>, Option<ParseErrorKind>) {
    match compression {
        Compression::None => (Cow::Borrowed(bytes), None),
        Compression::Gzip => {
            let (out, err) = inflate(bytes, MAX_INFLATED);
            (Cow::Owned(out), err)
        }
    }
}

/// Inflates gzip bytes (all members), producing at most `limit` bytes: what was inflated, and
/// the error that stopped it early, if any. A stream cut short or damaged is an error, since a
/// truncated archive would otherwise pass for a shorter one.
pub fn inflate(bytes: &[u8], limit: u64) -> (Vec<u8>, Option<ParseErrorKind>) {
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(64 << 20));
    match MultiGzDecoder::new(bytes).take(limit + 1).read_to_end(&mut out) {
        Err(e) => (out, Some(ParseErrorKind::Compressed(format!("gzip: {e}")))),
        Ok(n) if n as u64 > limit => {
            out.truncate(limit as usize);
            (out, Some(ParseErrorKind::Compressed(format!("inflates to more than {} MiB", limit >> 20))))
        }
        Ok(_) => (out, None),
    }
}

/// The first `n` inflated bytes of a gzip stream (fewer when it is shorter), for sniffing. A
/// stream that fails before giving anything is an error.
pub fn inflated_head(gzip: impl Read, n: usize) -> Result<Vec<u8>, ParseErrorKind> {
    let mut head = Vec::with_capacity(n);
    let got = MultiGzDecoder::new(gzip).take(n as u64).read_to_end(&mut head);
    match got {
        Err(e) if head.is_empty() => Err(ParseErrorKind::Compressed(format!("gzip: {e}"))),
        _ => Ok(head),
    }
}

/// A reader whose errors say which decoder failed ("gzip: unexpected end of file").
pub struct Labelled<R> {
    inner: R,
    label: &'static str,
}

impl<R: Read> Labelled<R> {
    pub fn gzip(inner: R) -> Self {
        Labelled { inner, label: "gzip" }
    }
}

impl<R: Read> Read for Labelled<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf).map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", self.label)))
    }
}

/// The name a compressed file's content goes by: `page.html.gz` → `page.html`; the name itself
/// for other files.
pub fn inner_name(path: &Path) -> &Path {
    let is_gz =
        path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz") || e.eq_ignore_ascii_case("gzip"));
    match (is_gz, path.file_stem()) {
        (true, Some(stem)) => Path::new(stem),
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn inflates_every_member() {
        let mut two = gzip(b"first member, ");
        two.extend(gzip(b"second member"));
        assert!(is_gzip(&two));
        assert_eq!(inflate(&two, MAX_INFLATED), (b"first member, second member".to_vec(), None));
    }

    #[test]
    fn a_bomb_or_a_cut_stream_is_an_error() {
        let text: Vec<u8> = (0..20_000u32).flat_map(|i| format!("{i} ").into_bytes()).collect();
        let big = gzip(&text);
        let (head, err) = inflate(&big, 1_000);
        assert_eq!(head.len(), 1_000);
        assert!(matches!(err, Some(ParseErrorKind::Compressed(m)) if m.contains("more than")));
        assert_eq!(inflate(&big, MAX_INFLATED), (text.clone(), None));
        // A cut stream keeps what came before the cut.
        let (part, err) = inflate(&big[..big.len() / 2], MAX_INFLATED);
        assert!(matches!(err, Some(ParseErrorKind::Compressed(_))));
        assert!(!part.is_empty() && text.starts_with(&part), "{} bytes kept", part.len());
        let (none, err) = inflate(b"\x1f\x8bnot gzip at all", MAX_INFLATED);
        assert!(none.is_empty() && matches!(err, Some(ParseErrorKind::Compressed(_))));
    }

    #[test]
    fn names_without_the_compression_suffix() {
        assert_eq!(inner_name(Path::new("a/page.html.gz")), Path::new("page.html"));
        assert_eq!(inner_name(Path::new("crawl.warc.GZ")), Path::new("crawl.warc"));
        assert_eq!(inner_name(Path::new("notes.txt")), Path::new("notes.txt"));
        assert_eq!(inner_name(Path::new("blob.gz")), Path::new("blob"));
    }
}
