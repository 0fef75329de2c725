//! `morgue search QUERY`: ranked hits with highlighted snippets.

use super::filters::Filters;
use crate::cli::output::{self, OutputFormat};
use crate::cli::{Cli, Exit};
use crate::index::Archive;
use crate::query::search::{self, QuerySpec, Sort};

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
#[command(after_help = format!("{SYNTAX}\n\n{}", crate::cli::EXIT_CODES))]
pub struct Args {
    /// The query (see below); '*' matches every article
    pub query: String,
    #[command(flatten)]
    pub filters: Filters,
    /// How many hits to print
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Output format [default: table on a terminal, else json]
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<Exit> {
    let archive = Archive::open(&cli.index_dir())?;
    let spec = QuerySpec {
        limit: args.limit,
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        },
        ..args.filters.spec(&args.query)
    };
    let result = match super::answer(search::search(&archive, &spec), &args.query)? {
        Ok(v) => v,
        Err(exit) => return Ok(exit),
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
