//! morgue: a searchable news archive for researchers.
//!
//! A tour of the stages, in the order an article goes through them:
//!
//! 1. [`ingest`] walks the folders it is given, recognises each file's format (extension, then
//!    sniffing; gzip files by what they hold) and hands it to the [`ingest::Parser`] for that
//!    format: plain text and Markdown, HTML, JSON, JSONL, CSV, Word, RTF and PDF documents, news XML (NITF, NewsML-G2, RSS,
//!    Atom), Reuters-21578 SGML, WARC and ARC web archives (each archived page through the HTML
//!    parser, each archived PDF through the PDF parser), zip
//!    archives (each member through its own parser). A parser states only what its
//!    format says.
//! 2. [`extract`] holds the field extractors every format shares — bylines, dates, datelines,
//!    captions and credits, teasers, language, named entities, dated mentions — and
//!    [`extract::enrich`], which fills what a parser left empty.
//! 3. [`index`] owns the tantivy schema (loaded from `index_schema/schema.json`), turns an
//!    [`article::Article`] into a document and back, and keeps the per-file state that makes
//!    ingest incremental. [`pipeline`] ties discovery, parsing and writing together.
//! 4. [`query`] answers questions over the index: search, timelines, entity counts, exports.
//! 5. [`cli`] owns the command line (clap) and output rendering; `main.rs` only calls it.
//!
//! One [`article::Article`] type flows through all of them.

pub mod article;
pub mod cli;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod ner;
pub mod pipeline;
pub mod query;
