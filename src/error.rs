//! Typed errors of the library: what went wrong with one input file or record.
//!
//! A `ParseError` never stops a batch: ingest reports it (path, record and reason) and goes on.

use std::fmt;
use std::path::PathBuf;

/// Why a file or one of its records could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseErrorKind {
    #[error("cannot read file: {0}")]
    Io(String),
    #[error("empty file")]
    Empty,
    #[error("binary file (not a text format morgue reads)")]
    Binary,
    #[error("unsupported format")]
    Unsupported,
    #[error("invalid UTF-8 at byte {0}")]
    InvalidUtf8(usize),
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    #[error("invalid XML: {0}")]
    InvalidXml(String),
    #[error("invalid CSV: {0}")]
    InvalidCsv(String),
    #[error("not an article: {0}")]
    NotAnArticle(String),
    #[error("damaged compressed file: {0}")]
    Compressed(String),
    #[error("damaged web archive: {0}")]
    Warc(String),
    #[error("unreadable PDF: {0}")]
    InvalidPdf(String),
    /// A bug in morgue met on this file; the other files are still read.
    #[error("internal error while parsing (a bug in morgue, please report it): {0}")]
    Internal(String),
}

/// An error tied to an input: its path, where in it (a record or line number) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub path: PathBuf,
    /// A line or record number inside the file (1-based), when the error concerns one record.
    pub line: Option<usize>,
    /// The number of an archive's record (1-based), when the error concerns one; shown as in
    /// the record's `source` (`crawl.warc.gz#7`).
    pub record: Option<usize>,
    pub kind: ParseErrorKind,
}

impl ParseError {
    pub fn new(path: impl Into<PathBuf>, kind: ParseErrorKind) -> ParseError {
        ParseError { path: path.into(), line: None, record: None, kind }
    }

    pub fn at_line(mut self, line: usize) -> ParseError {
        self.line = Some(line);
        self
    }

    pub fn at_record(mut self, record: usize) -> ParseError {
        self.record = Some(record);
        self
    }

    /// Returns `path`, `path:line` or `path#record`, as messages show it.
    pub fn location(&self) -> String {
        match (self.line, self.record) {
            (Some(l), _) => format!("{}:{}", self.path.display(), l),
            (None, Some(r)) => format!("{}#{}", self.path.display(), r),
            (None, None) => self.path.display().to_string(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.kind)
    }
}

impl std::error::Error for ParseError {}
