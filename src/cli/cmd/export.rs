//! `morgue export [QUERY]`: every matching article with all its fields, for analysis in other
//! tools (R, pandas, a spreadsheet). Articles are written one at a time as they are read from
//! the index, never all held in memory.

use std::io::Write;

use super::filters::Filters;
use super::search::SortArg;
use crate::article::{Article, EntityKind};
use crate::cli::{output, Cli, Exit};
use crate::index::Archive;
use crate::query::search::{self, QuerySpec, Sort};

#[derive(Debug, clap::Args)]
#[command(after_help = crate::cli::EXIT_CODES)]
pub struct Args {
    /// The query, in `search`'s syntax; '*' (the default) exports every article
    #[arg(default_value = "*")]
    pub query: String,
    #[command(flatten)]
    pub filters: Filters,
    /// Order of the articles (by date, undated articles come last)
    #[arg(long, value_enum, default_value_t = SortArg::Oldest)]
    pub sort: SortArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One article object per line, as `morgue parse` prints them
    Jsonl,
    /// One JSON array of article objects
    Json,
    /// One row per article; lists joined by "; ", entities as names
    Csv,
}

/// The CSV columns, in order.
const CSV_COLUMNS: &[&str] = &[
    "id",
    "source",
    "url",
    "outlet",
    "published",
    "modified",
    "headline",
    "byline",
    "section",
    "language",
    "dateline",
    "description",
    "body",
    "captions",
    "credits",
    "persons",
    "organizations",
    "locations",
    "misc",
    "mentions",
];

pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<Exit> {
    let archive = Archive::open(&cli.index_dir())?;
    let spec = QuerySpec {
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        },
        ..args.filters.spec(&args.query)
    };
    // A malformed query is reported before anything is written.
    if let Err(exit) = super::answer(search::build_query(&archive, &spec).map(|_| ()), &args.query)? {
        return Ok(exit);
    }
    let stdout = std::io::stdout().lock();
    let total = match args.format {
        ExportFormat::Jsonl => {
            let mut out = std::io::BufWriter::new(stdout);
            let n = search::for_each_match(&archive, &spec, |a| -> anyhow::Result<()> {
                serde_json::to_writer(&mut out, &a)?;
                Ok(writeln!(out)?)
            })?;
            out.flush()?;
            n
        }
        ExportFormat::Json => {
            let mut out = std::io::BufWriter::new(stdout);
            let mut first = true;
            let n = search::for_each_match(&archive, &spec, |a| -> anyhow::Result<()> {
                out.write_all(if std::mem::take(&mut first) { b"[\n" } else { b",\n" })?;
                Ok(serde_json::to_writer(&mut out, &a)?)
            })?;
            out.write_all(if n == 0 { b"[]\n" } else { b"\n]\n" })?;
            out.flush()?;
            n
        }
        ExportFormat::Csv => {
            // The csv writer buffers and writes through: rows go out as they are made.
            let mut w = ::csv::Writer::from_writer(stdout);
            w.write_record(CSV_COLUMNS)?;
            let n = search::for_each_match(&archive, &spec, |a| -> anyhow::Result<()> {
                Ok(w.write_record(csv_row(&a))?)
            })?;
            w.flush()?;
            n
        }
    };
    if args.filters.has_date_range() {
        let searcher = archive.searcher()?;
        let undated =
            search::count_undated(&archive, &searcher, &QuerySpec { since: None, until: None, ..spec })?;
        if undated > 0 {
            output::message(format!(
                "{undated} undated article(s) match the query but cannot be placed in the --since/--until range"
            ));
        }
    }
    Ok(if total == 0 { Exit::NoMatch } else { Exit::Success })
}

/// An article as a CSV row, in [`CSV_COLUMNS`] order.
fn csv_row(a: &Article) -> Vec<String> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let names =
        |kind: EntityKind| a.entities.of(kind).iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join("; ");
    vec![
        a.id.clone(),
        a.source.clone(),
        text(&a.url),
        text(&a.outlet),
        a.published.map(|d| d.to_iso()).or_else(|| a.published_text.clone()).unwrap_or_default(),
        a.modified.map(|d| d.to_iso()).unwrap_or_default(),
        text(&a.headline),
        a.byline.join("; "),
        text(&a.section),
        text(&a.language),
        text(&a.dateline),
        text(&a.description),
        a.body.clone(),
        a.captions.join("; "),
        a.credits.join("; "),
        names(EntityKind::Person),
        names(EntityKind::Organization),
        names(EntityKind::Location),
        names(EntityKind::Misc),
        a.mentions
            .iter()
            .map(|m| format!("{} ({})", m.value.to_iso(), m.text))
            .collect::<Vec<_>>()
            .join("; "),
    ]
}
