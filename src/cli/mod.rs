//! The command line: clap definitions, dispatch to one module per subcommand (`cmd/`), and the
//! mapping of results to exit codes. Library errors become messages here and nowhere else.

pub mod chart;
pub mod cmd;
pub mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  no match (search, entities and timeline found nothing), as grep does
  2  usage error, malformed query, or fatal error (index missing or unopenable)
  3  done, but some files or records could not be read (each is reported on stderr)";

/// morgue: a searchable news archive for researchers.
///
/// Point it at a folder of news articles (plain text, Markdown, HTML pages, JSON, JSONL and CSV
/// exports, Word, RTF and PDF documents, news XML such as NITF, RSS and Atom, Reuters-21578 SGML, WARC and ARC
/// web archives, gzipped or in zip archives),
/// then search coverage, build timelines and see who and what is mentioned.
#[derive(Debug, Parser)]
#[command(name = "morgue", version, after_help = EXIT_CODES, propagate_version = true)]
pub struct Cli {
    /// Index directory [default: $MORGUE_INDEX, else ./morgue-index]
    #[arg(long, global = true, value_name = "DIR", env = "MORGUE_INDEX", hide_env = true)]
    pub index: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The index directory to use.
    pub fn index_dir(&self) -> PathBuf {
        self.index.clone().unwrap_or_else(|| PathBuf::from("morgue-index"))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read files and folders into the index (incremental: unchanged files are skipped)
    #[command(after_help = EXIT_CODES)]
    Ingest(cmd::ingest::Args),
    /// Search the archive
    Search(cmd::search::Args),
    /// Show one article, all fields
    #[command(after_help = EXIT_CODES)]
    Show(cmd::show::Args),
    /// Write every matching article, all fields, as JSONL, JSON or CSV for other tools
    Export(cmd::export::Args),
    /// Parse files and print their articles without indexing
    #[command(after_help = EXIT_CODES)]
    Parse(cmd::parse::Args),
    /// Counts, date range and outlets of the index
    #[command(after_help = EXIT_CODES)]
    Stats(cmd::stats::Args),
    /// Matching articles over time (chart, SVG, earliest articles, mentioned events)
    #[command(after_help = EXIT_CODES)]
    Timeline(cmd::timeline::Args),
    /// The most mentioned persons, organizations, places and other names
    #[command(after_help = EXIT_CODES)]
    Entities(cmd::entities::Args),
    /// Tag named entities (PER, ORG, LOC, MISC) in text from stdin
    Tag(cmd::tag::TagArgs),
    /// Train or evaluate the named-entity tagger on CoNLL files
    Ner(cmd::ner::NerArgs),
}

/// Exit statuses (see `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    NoMatch = 1,
    Fatal = 2,
    Partial = 3,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// Parses the command line, runs the command, and returns its exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return Exit::Success.into();
            }
            output::message(format!("{e:#}"));
            Exit::Fatal.into()
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let exit = match &cli.command {
        Command::Ingest(a) => cmd::ingest::run(cli, a)?,
        Command::Search(a) => cmd::search::run(cli, a)?,
        Command::Show(a) => cmd::show::run(cli, a)?,
        Command::Export(a) => cmd::export::run(cli, a)?,
        Command::Parse(a) => cmd::parse::run(a)?,
        Command::Stats(a) => cmd::stats::run(cli, a)?,
        Command::Timeline(a) => cmd::timeline::run(cli, a)?,
        Command::Entities(a) => cmd::entities::run(cli, a)?,
        Command::Tag(a) => return cmd::tag::run(a),
        Command::Ner(a) => return cmd::ner::run(a),
    };
    Ok(exit.into())
}

/// A closed pipe (`morgue search x | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<csv::Error>().is_some_and(|c| match c.kind() {
                csv::ErrorKind::Io(io) => io.kind() == std::io::ErrorKind::BrokenPipe,
                _ => false,
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
