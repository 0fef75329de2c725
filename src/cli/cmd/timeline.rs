//! `morgue timeline QUERY`: matching articles per day, week, month or year, as a terminal bar
//! chart, an SVG file or data; with the earliest articles (`--first N`) and the chronology of the
//! events they mention (`--events`).

use std::path::PathBuf;

use crate::cli::chart::{self, Axis, Bar};
use crate::cli::cmd::filters::Filters;
use crate::cli::output::{self, OutputFormat};
use crate::cli::{Cli, Exit};
use crate::index::Archive;
use crate::query::timeline::{self, Interval, Timeline, TimelineSpec};

/// Width of the terminal bars, in character cells.
const BAR_WIDTH: usize = 50;

const ABOUT: &str = "\
Buckets:
  Weeks are ISO weeks (Monday to Sunday); a bucket's start is the date of its first day. Articles
  fall in the UTC day of their publication instant. Without --by the size follows the span of the
  matching dates: up to 60 days by day, up to a year by week, up to ten years by month, else by year.
  Empty buckets between the first and the last are shown (runs of 3+ are folded in the chart).
  Undated matches are counted apart: they cannot be placed on a timeline.

Events (--events):
  Dates the matching articles mention, with their sentence. The same date in the same or a nearly
  identical sentence (syndicated copies) is one event listing every article. Ordered by the first
  day an event covers, a year before its months and a month before its days.

Output (--format json):
  {\"query\", \"by\", \"buckets\": [{\"start\", \"count\", \"share\" (with --normalize)}], \"undated\",
   \"first\": [{\"id\", \"published\", \"outlet\", \"headline\"}], \"events\": [{\"value\", \"sentence\", \"articles\"}]}
  jsonl: one line per bucket; csv: start,count[,share].

Query syntax: as for `morgue search` (see `morgue search --help`); '*' matches every article.";

// The subcommand's `after_help` (the exit codes) would hide an `after_help` here, so the long
// help (`--help`) carries both.
#[derive(Debug, clap::Args)]
#[command(after_long_help = format!("{ABOUT}\n\n{}", crate::cli::EXIT_CODES))]
pub struct Args {
    /// The query; '*' matches every article
    pub query: String,
    /// Bucket size [default: from the span of the matching dates]
    #[arg(long, value_enum)]
    pub by: Option<ByArg>,
    /// Show each bucket's share of all articles published in it (same --outlet/--since/--until)
    #[arg(long)]
    pub normalize: bool,
    /// Also write the chart as an SVG file
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// List the N earliest matching articles (who reported first)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub first: usize,
    /// List the dated events the matching articles mention, in chronological order
    #[arg(long)]
    pub events: bool,
    #[command(flatten)]
    pub filters: Filters,
    /// Output format [default: table on a terminal, else json]
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
}

/// The `--by` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ByArg {
    Day,
    Week,
    Month,
    Year,
}

impl From<ByArg> for Interval {
    fn from(b: ByArg) -> Interval {
        match b {
            ByArg::Day => Interval::Day,
            ByArg::Week => Interval::Week,
            ByArg::Month => Interval::Month,
            ByArg::Year => Interval::Year,
        }
    }
}

pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<Exit> {
    let archive = Archive::open(&cli.index_dir())?;
    let spec = TimelineSpec {
        query: args.filters.spec(&args.query),
        by: args.by.map(Interval::from),
        normalize: args.normalize,
        first: args.first,
        events: args.events,
    };
    let t = match super::answer(timeline::timeline(&archive, &spec), &args.query)? {
        Ok(v) => v,
        Err(exit) => return Ok(exit),
    };
    // With a date filter the undated matches are outside the range: they are reported, but the
    // query matched nothing in it.
    let in_range = t.dated() + if args.filters.has_date_range() { 0 } else { t.undated };
    if let Some(path) = &args.svg {
        let (axis, y_label) =
            if args.normalize { (Axis::Percent, "share of all articles") } else { (Axis::Count, "articles") };
        let title = if args.query.trim().is_empty() { "*" } else { args.query.as_str() };
        std::fs::write(path, chart::svg(title, y_label, axis, &bars(&t, args.normalize)))
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        output::message(format!("wrote the chart to {}", path.display()));
    }
    match OutputFormat::resolve(args.format) {
        OutputFormat::Json => output::write_json(&t)?,
        OutputFormat::Jsonl => output::write_jsonl(&t.buckets)?,
        OutputFormat::Csv => {
            let mut header = vec!["start", "count"];
            if args.normalize {
                header.push("share");
            }
            let rows: Vec<Vec<String>> = t
                .buckets
                .iter()
                .map(|b| {
                    let mut row = vec![b.start.to_string(), b.count.to_string()];
                    if let Some(s) = b.share {
                        row.push(s.to_string());
                    }
                    row
                })
                .collect();
            output::write_csv(&header, &rows)?;
        }
        OutputFormat::Table => print_table(&t, args)?,
    }
    if (args.filters.has_date_range()) && t.undated > 0 {
        output::message(format!(
            "{} undated article(s) match the query but cannot be placed in the --since/--until range",
            t.undated
        ));
    }
    Ok(if in_range == 0 { Exit::NoMatch } else { Exit::Success })
}

/// The chart bars of a timeline: counts, or shares with `normalize`.
fn bars(t: &Timeline, normalize: bool) -> Vec<Bar> {
    t.buckets
        .iter()
        .map(|b| {
            let label = t.by.label(b.start);
            match (normalize, b.share) {
                (true, Some(share)) => {
                    Bar { label, value: share, text: format!("{:.1}% ({})", share * 100.0, b.count) }
                }
                _ => Bar { label, value: b.count as f64, text: b.count.to_string() },
            }
        })
        .collect()
}

/// Prints the chart, the undated count, the first articles and the events for people.
fn print_table(t: &Timeline, args: &Args) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let query = if t.query.trim().is_empty() { "*" } else { t.query.as_str() };
    writeln!(
        out,
        "{query}: {} matching article(s) by {}, {} undated{}\n",
        t.dated() + t.undated,
        t.by.name(),
        t.undated,
        if args.normalize { " (share of all articles per bucket, and count)" } else { "" }
    )?;
    if t.buckets.is_empty() {
        writeln!(out, "no dated article matches")?;
    } else {
        write!(out, "{}", chart::terminal(&bars(t, args.normalize), BAR_WIDTH))?;
    }
    let label_w = t.buckets.iter().map(|b| t.by.label(b.start).len()).max().unwrap_or(0).max("undated".len());
    writeln!(out, "{:label_w$}  {}", "undated", t.undated)?;
    drop(out);
    if args.first > 0 {
        println!("\nFirst {} dated article(s):", t.first.len());
        let rows: Vec<Vec<String>> = t
            .first
            .iter()
            .map(|f| {
                vec![
                    f.published.map(|p| p.to_iso()).unwrap_or_default(),
                    f.outlet.clone().unwrap_or_default(),
                    f.headline.clone(),
                    f.id.clone(),
                ]
            })
            .collect();
        output::write_table(&["published", "outlet", "headline", "id"], &rows)?;
    }
    if args.events {
        let mut out = std::io::stdout().lock();
        writeln!(out, "\nEvents mentioned ({}), in chronological order:", t.events.len())?;
        for e in &t.events {
            writeln!(out, "\n{:<10}  {}", e.value.to_iso(), e.sentence)?;
            for s in &e.sources {
                let date = s.published.map(|p| p.date().to_string()).unwrap_or_else(|| "undated".into());
                let outlet = s.outlet.as_deref().unwrap_or("(no outlet)");
                writeln!(out, "{:10}    ↳ {}  {date}  {outlet}", "", s.id)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::timeline::Bucket;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn bars_show_counts_or_shares() {
        let t = Timeline {
            query: "q".into(),
            by: Interval::Month,
            buckets: vec![
                Bucket { start: d("2023-01-01"), count: 3, share: Some(0.25) },
                Bucket { start: d("2023-02-01"), count: 0, share: Some(0.0) },
            ],
            undated: 0,
            first: vec![],
            events: vec![],
        };
        let plain = bars(&t, false);
        assert_eq!(plain[0], Bar { label: "2023-01".into(), value: 3.0, text: "3".into() });
        let shares = bars(&t, true);
        assert_eq!(shares[0], Bar { label: "2023-01".into(), value: 0.25, text: "25.0% (3)".into() });
        assert_eq!(shares[1].value, 0.0);
    }
}
