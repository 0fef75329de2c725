//! One module per subcommand: its clap arguments and its `run`.

pub mod entities;
pub mod filters;
pub mod ingest;
pub mod ner;
pub mod parse;
pub mod search;
pub mod show;
pub mod stats;
pub mod tag;
pub mod timeline;
