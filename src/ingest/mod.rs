//! Ingest: finds input files, recognises their format, and turns each into articles through the
//! parser for that format.
//!
//! Owns file discovery (walkdir), format detection (extension, then sniffing), decoding bytes to
//! text, and the [`Parser`] trait with one implementation per format. It does not know about the
//! index or the command line; it fills only what a format states, then hands each article to
//! [`crate::extract::enrich`] for the rest.

pub mod arc;
pub mod compress;
pub mod csv_file;
pub mod decode;
pub mod docx;
mod factiva;
pub mod html;
pub mod json;
pub mod pdf;
pub mod record;
pub mod rtf;
pub mod sgml;
pub mod stream;
pub mod text;
pub mod warc;
pub mod xml;
pub mod zip_archive;

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};

pub use compress::Compression;

/// One file to read, with the format it was recognised as and how it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub format: Format,
    pub compression: Compression,
}

impl Input {
    /// An uncompressed file of the given format.
    pub fn new(path: impl Into<PathBuf>, format: Format) -> Input {
        Input { path: path.into(), format, compression: Compression::None }
    }
}

/// A file discovery could not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: ParseErrorKind,
}

/// What discovery found under the given roots.
#[derive(Debug, Default)]
pub struct Discovery {
    pub inputs: Vec<Input>,
    pub skipped: Vec<Skipped>,
}

/// A reader for one input format. Each returns one result per record: a file holding one
/// article yields one, a JSONL file one per line. Errors concern one record and never the batch.
pub trait Parser: Sync {
    /// Returns the format this parser reads.
    fn format(&self) -> Format;
    /// Parses the file's bytes into articles, stating only what the format says; `enrich` fills
    /// the rest afterwards.
    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>>;
}

/// Returns the parser for a format.
pub fn parser_for(format: Format) -> &'static dyn Parser {
    match format {
        Format::Text => &text::TextParser,
        Format::Html => &html::HtmlParser,
        Format::Json => &json::JsonParser,
        Format::Jsonl => &json::JsonlParser,
        Format::Warc => &warc::WarcParser,
        Format::Arc => &arc::ArcParser,
        Format::Xml => &xml::XmlParser,
        Format::Zip => &zip_archive::ZipParser,
        Format::Csv => &csv_file::CsvParser,
        Format::Docx => &docx::DocxParser,
        Format::Sgml => &sgml::SgmlParser,
        Format::Rtf => &rtf::RtfParser,
        Format::Pdf => &pdf::PdfParser,
    }
}

/// Reads one input and returns its articles, enriched by the shared extractors, with ids set.
pub fn read_input(input: &Input) -> Vec<Result<Article, ParseError>> {
    if is_streamed(input) {
        return read_streamed(input);
    }
    let bytes = match std::fs::read(&input.path) {
        Ok(b) => b,
        Err(e) => return vec![Err(ParseError::new(&input.path, ParseErrorKind::Io(e.to_string())))],
    };
    parse_bytes(input, &bytes)
}

/// True for inputs read from disk as a stream rather than whole: web archives, which may hold
/// many gigabytes of pages, and JSONL and CSV files of [`STREAM_TABLE_BYTES`] or more (dataset
/// dumps).
/// Memory then holds one batch of records, not the file.
pub fn is_streamed(input: &Input) -> bool {
    match input.format {
        Format::Warc | Format::Arc => true,
        // A small table is read whole, in parallel with the other files of its batch. Gzipped
        // text is counted at a typical ratio, since it is inflated in memory when read whole.
        Format::Jsonl | Format::Csv => {
            let ratio = if input.compression == Compression::Gzip { GZIP_TEXT_RATIO } else { 1 };
            std::fs::metadata(&input.path).is_ok_and(|m| m.len().saturating_mul(ratio) >= STREAM_TABLE_BYTES)
        }
        _ => false,
    }
}

/// The size from which a JSONL or CSV file is streamed (see [`is_streamed`]).
pub const STREAM_TABLE_BYTES: u64 = 16 << 20;

/// How many times larger than its gzip file a JSONL or CSV text is counted: 107,885 wire stories
/// as JSONL compress 2.9 times.
const GZIP_TEXT_RATIO: u64 = 3;

/// Reads a streamed input (see [`is_streamed`]) from disk, inflating a gzipped one on the fly:
/// its articles, enriched, with ids set. A stream that breaks (a cut download) keeps the
/// records before the break.
pub fn read_streamed(input: &Input) -> Vec<Result<Article, ParseError>> {
    stream::collected(|sink| read_streamed_into(input, sink))
}

/// [`read_streamed`], handing each article (enriched, with its id) or record error to `sink`
/// in record order as its batch is done, so that only a batch is ever held; a sink error stops
/// the reading and is returned.
pub fn read_streamed_into<E>(input: &Input, sink: &mut stream::Sink<'_, E>) -> Result<(), E> {
    use std::io::BufReader;
    let file = match std::fs::File::open(&input.path) {
        Ok(f) => BufReader::with_capacity(1 << 20, f),
        Err(e) => return sink(Err(ParseError::new(&input.path, ParseErrorKind::Io(e.to_string())))),
    };
    let read = |reader: &mut dyn std::io::BufRead, sink: &mut stream::Sink<'_, E>| match input.format {
        Format::Arc => arc::read_stream(input, reader, &finish, sink),
        Format::Jsonl => json::read_stream(input, reader, &finish, sink),
        Format::Csv => csv_file::read_stream(input, reader, &finish, sink),
        _ => warc::read_stream(input, reader, &finish, sink),
    };
    // A panic is a bug in morgue: it costs the rest of this file, reported, not the run.
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match input.compression {
        Compression::None => read(&mut { file }, sink),
        Compression::Gzip => {
            let inflated = compress::Labelled::gzip(flate2::read::MultiGzDecoder::new(file));
            read(&mut BufReader::with_capacity(1 << 20, inflated), sink)
        }
    }));
    match run {
        Ok(done) => done,
        Err(payload) => {
            let message = panic_message(payload.as_ref());
            sink(Err(ParseError::new(&input.path, ParseErrorKind::Internal(message))))
        }
    }
}

/// What every article gets after its parser: the shared extractors fill what the format left
/// empty, then its id is set from its source and content.
fn finish(article: &mut Article) {
    crate::extract::enrich(article);
    article.assign_id();
}

fn enrich_all(out: &mut [Result<Article, ParseError>]) {
    out.iter_mut().flatten().for_each(finish);
}

/// Parses bytes already read for `input` (as stored: compressed files are inflated here) and
/// enriches each article.
pub fn parse_bytes(input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
    // A damaged compressed file is read as far as it inflates, and its damage reported too.
    let (bytes, damage) = compress::content(bytes, input.compression);
    let damage = damage.map(|kind| Err(ParseError::new(&input.path, kind)));
    let bytes: &[u8] = &bytes;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return vec![damage.unwrap_or_else(|| Err(ParseError::new(&input.path, ParseErrorKind::Empty)))];
    }
    let mut out = guarded(&input.path, || {
        let mut out = parser_for(input.format).parse(input, bytes);
        enrich_all(&mut out);
        out
    });
    out.extend(damage);
    out
}

/// Runs the reading of one file. A panic is a bug in morgue, not in the file: it costs this
/// file only (an [`ParseErrorKind::Internal`] error naming it), not the run.
fn guarded(
    path: &Path,
    read: impl FnOnce() -> Vec<Result<Article, ParseError>>,
) -> Vec<Result<Article, ParseError>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|payload| {
        vec![Err(ParseError::new(path, ParseErrorKind::Internal(panic_message(payload.as_ref()))))]
    })
}

/// What a panic said, for its error message.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Walks the roots and returns the files morgue can read, and the ones it cannot with a reason.
/// Hidden files and folders (names starting with `.`) are not entered. A root that is a file is
/// taken as it is.
pub fn discover(roots: &[PathBuf]) -> Discovery {
    let mut found = Discovery::default();
    for root in roots {
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.clone());
                    found.skipped.push(Skipped { path, reason: ParseErrorKind::Io(e.to_string()) });
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path().to_path_buf();
            if is_documentation(&path) && entry.depth() > 0 {
                continue;
            }
            match detect(&path) {
                Ok((format, compression)) => found.inputs.push(Input { path, format, compression }),
                Err(reason) => found.skipped.push(Skipped { path, reason }),
            }
        }
    }
    found
}

/// Files that describe a corpus rather than belong to it (`README.md`, `LICENSE`) are not
/// articles; they are left out when walking a folder, but read when named directly.
pub(crate) fn is_documentation(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let stem = name.split('.').next().unwrap_or("");
    matches!(stem, "readme" | "license" | "licence" | "copying" | "changelog")
}

/// Recognises a file's format by its extension, or by sniffing its first bytes when the
/// extension says nothing.
pub fn detect_format(path: &Path) -> Result<Format, ParseErrorKind> {
    detect(path).map(|(format, _)| format)
}

/// Recognises a file's format and storage. A gzip file (by its magic number, whatever its
/// name) is recognised by the name without `.gz` and by its inflated first bytes.
pub fn detect(path: &Path) -> Result<(Format, Compression), ParseErrorKind> {
    let head = read_head(path, HEAD_BYTES).map_err(|e| ParseErrorKind::Io(e.to_string()))?;
    let file = || std::fs::File::open(path).map_err(|e| ParseErrorKind::Io(e.to_string()));
    detect_named(path, &head, || compress::inflated_head(file()?, HEAD_BYTES))
}

/// How many leading bytes format detection reads.
const HEAD_BYTES: usize = 4096;

/// Recognises the format of bytes stored under `name` (a file, or an archive member) from the
/// name and the first bytes `head`; `inflated_head` gives the first inflated bytes of a gzip
/// stream, read only when `head` opens one.
pub fn detect_named(
    name: &Path,
    head: &[u8],
    inflated_head: impl FnOnce() -> Result<Vec<u8>, ParseErrorKind>,
) -> Result<(Format, Compression), ParseErrorKind> {
    let mut compression = Compression::None;
    let mut name = name;
    let mut head = std::borrow::Cow::Borrowed(head);
    if compress::is_gzip(&head) {
        compression = Compression::Gzip;
        name = compress::inner_name(name);
        head = std::borrow::Cow::Owned(inflated_head()?);
    }
    let ext = name.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let by_ext = match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => Some(Format::Text),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" | "jsonlines" => Some(Format::Jsonl),
        "warc" => Some(Format::Warc),
        "arc" => Some(Format::Arc),
        "zip" => Some(Format::Zip),
        "csv" | "tsv" | "tab" => Some(Format::Csv),
        "docx" => Some(Format::Docx),
        "xml" | "nitf" | "rss" | "atom" => Some(Format::Xml),
        "sgm" | "sgml" => Some(Format::Sgml),
        "rtf" => Some(Format::Rtf),
        "pdf" => Some(Format::Pdf),
        _ => None,
    };
    // A WARC record's block may be binary (an archived image): the header alone decides.
    if by_ext == Some(Format::Warc) || head.starts_with(b"WARC/") {
        return Ok((Format::Warc, compression));
    }
    if by_ext == Some(Format::Arc) || head.starts_with(b"filedesc://") {
        return Ok((Format::Arc, compression));
    }
    // A zip file by its name or, without an extension, by its magic number. Other packages
    // (`.xlsx`, `.epub`) are zip files too, but not folders of articles; a Word document is read
    // as one.
    let zip_magic = compression == Compression::None
        && (head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06"));
    if by_ext == Some(Format::Docx) {
        return if zip_magic { Ok((Format::Docx, compression)) } else { Err(ParseErrorKind::Binary) };
    }
    // A PDF is binary: its name or its header decides. Readers accept bytes before the header,
    // so a file named nothing else may have some; a zip archive may store a PDF member whole
    // near its start, and a text file may quote a header: those are not PDFs.
    let pdf_at = memchr::memmem::find(&head[..head.len().min(1024)], b"%PDF-");
    let pdf_magic = !zip_magic
        && pdf_at.is_some_and(|at| {
            matches!(by_ext, None | Some(Format::Pdf)) || head[..at].iter().all(u8::is_ascii_whitespace)
        });
    if by_ext == Some(Format::Pdf) || pdf_magic {
        return if pdf_magic {
            Ok((Format::Pdf, compression))
        } else {
            Err(ParseErrorKind::InvalidPdf("no %PDF- header in its first 1,024 bytes".into()))
        };
    }
    if by_ext == Some(Format::Zip) || (zip_magic && ext.is_empty()) {
        if !zip_magic {
            return Err(ParseErrorKind::Compressed("not a zip archive (no local file header)".into()));
        }
        return Ok((Format::Zip, compression));
    }
    detect_plain(&head, by_ext).map(|format| (format, compression))
}

/// The format of text whose first bytes are `head`, given what the extension says.
fn detect_plain(head: &[u8], by_ext: Option<Format>) -> Result<Format, ParseErrorKind> {
    if looks_binary(head) {
        return Err(ParseErrorKind::Binary);
    }
    if let Some(f) = by_ext {
        return Ok(f);
    }
    sniff(head).ok_or(ParseErrorKind::Unsupported)
}

fn read_head(path: &Path, n: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut buf = vec![0; n];
    let mut len = 0;
    while len < n {
        let k = f.read(&mut buf[len..])?;
        if k == 0 {
            break;
        }
        len += k;
    }
    buf.truncate(len);
    Ok(buf)
}

/// True for bytes that are not text: NUL bytes (outside UTF-16) or many control characters.
fn looks_binary(head: &[u8]) -> bool {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return false; // UTF-16 BOM: text, decoded later
    }
    if head.contains(&0) {
        return true;
    }
    let control =
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    control * 10 > head.len().max(1)
}

/// Guesses a format from the first bytes of a file without a known extension.
fn sniff(head: &[u8]) -> Option<Format> {
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let lower: String = t.chars().take(200).collect::<String>().to_ascii_lowercase();
    if lower.starts_with("{\\rtf") {
        return Some(Format::Rtf);
    }
    // Reuters-21578: SGML under its own document type, `<REUTERS>` documents without a root.
    if lower.starts_with("<!doctype lewis")
        || lower.starts_with("<reuters ")
        || lower.starts_with("<reuters>")
    {
        return Some(Format::Sgml);
    }
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.contains("<html") {
        return Some(Format::Html);
    }
    // XML that is not XHTML: a news vocabulary (NITF's `<head>` is no HTML head).
    if ["<?xml", "<nitf", "<rss", "<feed", "<rdf:rdf", "<newsitem", "<newsml", "<!doctype nitf"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some(Format::Xml);
    }
    if lower.contains("<head") {
        return Some(Format::Html);
    }
    if t.starts_with('[') {
        return Some(Format::Json);
    }
    if t.starts_with('{') {
        // Several lines that each open an object: JSONL; otherwise one JSON document.
        let objects = t.lines().filter(|l| l.trim_start().starts_with('{')).count();
        let first_closes = t.lines().next().is_some_and(|l| l.trim_end().ends_with('}'));
        return Some(if objects > 1 && first_closes { Format::Jsonl } else { Format::Json });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_reading_costs_one_file() {
        let out = guarded(Path::new("news/broken.html"), || panic!("index out of range"));
        let err = out[0].as_ref().unwrap_err();
        assert_eq!(err.path, Path::new("news/broken.html"));
        assert!(matches!(&err.kind, ParseErrorKind::Internal(m) if m.contains("index out of range")));
        let fine = guarded(Path::new("news/ok.html"), Vec::new);
        assert!(fine.is_empty());
    }

    #[test]
    fn sniffs_formats() {
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Some(Format::Html));
        assert_eq!(sniff(b"  [{\"a\":1}]"), Some(Format::Json));
        assert_eq!(sniff(b"{\"a\":1}\n{\"a\":2}\n"), Some(Format::Jsonl));
        assert_eq!(sniff(b"{\n \"a\": 1\n}"), Some(Format::Json));
        assert_eq!(sniff(b"just words"), None);
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<nitf><head><title>T</title></head></nitf>"),
            Some(Format::Xml)
        );
        assert_eq!(sniff(b"<rss version=\"2.0\"><channel>"), Some(Format::Xml));
        assert_eq!(sniff(b"<?xml version=\"1.0\"?>\n<!DOCTYPE html><html><head>"), Some(Format::Html));
        // Reuters-21578: by its document type, or a file opening on a document.
        assert_eq!(sniff(b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS"), Some(Format::Sgml));
        assert_eq!(sniff(b"<REUTERS TOPICS=\"NO\" NEWID=\"4\">\n<DATE>"), Some(Format::Sgml));
    }

    #[test]
    fn archives_by_name_and_magic() {
        let zip = b"PK\x03\x04\x14\0\0\0\x08\0";
        let none = || -> Result<Vec<u8>, ParseErrorKind> { unreachable!("not gzip") };
        let detect = |name: &str, head: &[u8]| detect_named(Path::new(name), head, none).map(|d| d.0);
        assert_eq!(detect("batch.zip", zip), Ok(Format::Zip));
        assert_eq!(detect("batch", zip), Ok(Format::Zip));
        // Other packages are zip files, not folders of articles.
        assert_eq!(detect("letter.docx", zip), Ok(Format::Docx));
        assert_eq!(detect("sheet.xlsx", zip), Err(ParseErrorKind::Binary));
        assert!(matches!(detect("batch.zip", b"just text"), Err(ParseErrorKind::Compressed(_))));
        assert_eq!(detect("crawl.warc", b"WARC/1.1\r\n"), Ok(Format::Warc));
        assert_eq!(detect("page.bin", b"WARC/1.0\r\nWARC-Type: warcinfo"), Ok(Format::Warc));
        assert_eq!(detect("IA-001102", b"filedesc://IA-001102.arc 0.0.0.0 19960923142103"), Ok(Format::Arc));
        assert_eq!(detect("story.nitf", b"<nitf>"), Ok(Format::Xml));
        assert_eq!(detect("reut2-000.sgm", b"<!DOCTYPE lewis"), Ok(Format::Sgml));
        assert_eq!(detect("Factiva-20250805.rtf", b"{\\rtf1\\ansi"), Ok(Format::Rtf));
        assert_eq!(detect("export", b"{\\rtf1\\ansi\\deff0"), Ok(Format::Rtf));
        // A PDF by its name and header, or by its header alone (after a few stray bytes too).
        assert_eq!(detect("clipping.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3"), Ok(Format::Pdf));
        assert_eq!(detect("Nexis_export", b"\r\n%PDF-1.4\n"), Ok(Format::Pdf));
        assert!(matches!(
            detect("clipping.pdf", b"<html>a page saved as .pdf"),
            Err(ParseErrorKind::InvalidPdf(_))
        ));
        // A zip archive that stores a PDF member whole, near its start, is a zip archive; a text
        // that quotes a PDF header is text.
        let stored = b"PK\x03\x04\x0a\0\0\0\0\0clipping.pdf%PDF-1.4\n";
        assert_eq!(detect("batch.zip", stored), Ok(Format::Zip));
        assert_eq!(detect("batch", stored), Ok(Format::Zip));
        assert_eq!(detect("notes.txt", b"A PDF opens with %PDF-1.7 and a comment."), Ok(Format::Text));
        assert_eq!(detect("misnamed.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3"), Ok(Format::Pdf));
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0"));
        assert!(!looks_binary("plain text, with accents: é".as_bytes()));
        assert!(!looks_binary(&[0xFF, 0xFE, b'a', 0]));
    }

    #[test]
    fn documentation_files_are_recognised() {
        assert!(is_documentation(Path::new("corpus/README.md")));
        assert!(!is_documentation(Path::new("corpus/readers-letters.txt")));
    }
}
