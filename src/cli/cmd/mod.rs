//! One module per subcommand: its clap arguments and its `run`.

pub mod ingest;
pub mod parse;
pub mod search;
pub mod show;
pub mod stats;
