//! `morgue search QUERY`: ranked hits with highlighted snippets.

use chrono::NaiveDate;

use crate::article::TimePoint;
use crate::cli::output::{self, OutputFormat};
use crate::cli::{Cli, Exit};
use crate::index::Archive;
use crate::query::search::{self, QuerySpec, Sort};
use crate::query::QueryError;

const SYNTAX: &str = "\
Query syntax:
  cartels mexico            all words must match (headline, body, captions; 'cartel' also finds 'cartels')
  \"white paper\"             a phrase
  cartels OR fentanyl       either word
  cartels -fentanyl         exclude a word (also: NOT fentanyl)
  field:value               headline, byline, outlet, person, org, place, misc, section, language, dateline,
                            captions, url; a phrase after the colon: person:\"donald trump\"
  (a OR b) AND c            grouping
Accents and case are ignored: lopez obrador finds López Obrador.";

#[derive(Debug, clap::Args)]
#[command(after_help = SYNTAX)]
pub struct Args {
    /// The query (see below); '*' matches every article
    pub query: String,
    /// Only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_parser = parse_since)]
    pub since: Option<NaiveDate>,
    /// Only articles published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_parser = parse_until)]
    pub until: Option<NaiveDate>,
    /// Only articles from this outlet
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only articles whose text mentions an event in this year, month or day (YYYY[-MM[-DD]])
    #[arg(long, value_parser = parse_point)]
    pub mentions: Option<TimePoint>,
    /// How many hits to print
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

/// Reads a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` point.
pub fn parse_point(s: &str) -> Result<TimePoint, String> {
    TimePoint::parse_iso(s).ok_or_else(|| format!("{s:?} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"))
}

/// The first day of a `--since` point.
pub fn parse_since(s: &str) -> Result<NaiveDate, String> {
    let p = parse_point(s)?;
    p.first_day().ok_or_else(|| format!("{s:?} is not a valid date"))
}

/// The last day of an `--until` point (`2023` means to the end of 2023).
pub fn parse_until(s: &str) -> Result<NaiveDate, String> {
    let p = parse_point(s)?;
    let first = p.first_day().ok_or_else(|| format!("{s:?} is not a valid date"))?;
    let next = match (p.month, p.day) {
        (Some(_), Some(_)) => return Ok(first),
        (Some(m), None) if m == 12 => NaiveDate::from_ymd_opt(p.year + 1, 1, 1),
        (Some(m), None) => NaiveDate::from_ymd_opt(p.year, m + 1, 1),
        _ => NaiveDate::from_ymd_opt(p.year + 1, 1, 1),
    };
    next.and_then(|d| d.pred_opt()).ok_or_else(|| format!("{s:?} is out of range"))
}

pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<Exit> {
    let archive = Archive::open(&cli.index_dir())?;
    let spec = QuerySpec {
        text: args.query.clone(),
        since: args.since,
        until: args.until,
        outlet: args.outlet.clone(),
        mentions: args.mentions,
        limit: args.limit,
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        },
    };
    let result = match search::search(&archive, &spec) {
        Ok(r) => r,
        Err(QueryError::Syntax(msg)) => {
            output::message(format!(
                "cannot parse the query {:?}: {msg} (see `morgue search --help`)",
                args.query
            ));
            return Ok(Exit::Fatal);
        }
        Err(e) => return Err(e.into()),
    };
    let format = OutputFormat::resolve(args.format);
    match format {
        OutputFormat::Json => output::write_json(&result)?,
        OutputFormat::Jsonl => output::write_jsonl(&result.hits)?,
        OutputFormat::Csv | OutputFormat::Table => {
            let header = ["id", "score", "published", "outlet", "headline", "byline", "source", "snippet"];
            let tty = output::stdout_is_terminal() && format == OutputFormat::Table;
            let rows: Vec<Vec<String>> = result
                .hits
                .iter()
                .map(|h| {
                    let snippet = if tty {
                        h.marked_snippet("\x1b[1;33m", "\x1b[0m")
                    } else {
                        h.marked_snippet("*", "*")
                    };
                    vec![
                        h.id.clone(),
                        h.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
                        h.published.map(|d| d.date().to_string()).unwrap_or_else(|| "undated".into()),
                        h.outlet.clone().unwrap_or_default(),
                        if h.headline_derived && format == OutputFormat::Table {
                            format!("{} [derived]", h.headline)
                        } else {
                            h.headline.clone()
                        },
                        h.byline.join("; "),
                        h.source.clone(),
                        snippet,
                    ]
                })
                .collect();
            if format == OutputFormat::Csv {
                output::write_csv(&header, &rows)?;
            } else {
                output::write_table(&header, &rows)?;
                eprintln!("{} of {} matching articles", result.hits.len(), result.total);
            }
        }
    }
    if result.undated_excluded > 0 {
        output::message(format!(
            "{} undated article(s) match the query but cannot be placed in the --since/--until range",
            result.undated_excluded
        ));
    }
    Ok(if result.total == 0 { Exit::NoMatch } else { Exit::Success })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds() {
        assert_eq!(parse_since("2023").unwrap().to_string(), "2023-01-01");
        assert_eq!(parse_until("2023").unwrap().to_string(), "2023-12-31");
        assert_eq!(parse_until("2024-02").unwrap().to_string(), "2024-02-29");
        assert_eq!(parse_until("2023-12").unwrap().to_string(), "2023-12-31");
        assert_eq!(parse_until("2023-03-03").unwrap().to_string(), "2023-03-03");
        assert!(parse_since("March").is_err());
    }
}
