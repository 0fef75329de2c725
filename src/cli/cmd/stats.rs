//! `morgue stats`: article count, date range, undated count, top outlets, index size.

use crate::cli::output::{self, OutputFormat};
use crate::cli::{Cli, Exit};
use crate::index::Archive;
use crate::query::stats;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many outlets to list
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Output format [default: table on a terminal, else json]
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
}

pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<Exit> {
    let archive = Archive::open(&cli.index_dir())?;
    let s = stats::stats(&archive, args.top)?;
    let day = |d: Option<chrono::DateTime<chrono::Utc>>| {
        d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "-".into())
    };
    match OutputFormat::resolve(args.format) {
        OutputFormat::Json => output::write_json(&s)?,
        OutputFormat::Jsonl => output::write_jsonl([&s])?,
        OutputFormat::Csv => {
            let rows: Vec<Vec<String>> =
                s.outlets.iter().map(|o| vec![o.outlet.clone(), o.articles.to_string()]).collect();
            output::write_csv(&["outlet", "articles"], &rows)?;
        }
        OutputFormat::Table => {
            println!("articles   {}", s.articles);
            println!("dates      {} … {}", day(s.earliest), day(s.latest));
            println!("undated    {}", s.undated);
            println!("index      {} on disk\n", output::human_bytes(s.index_bytes));
            let rows: Vec<Vec<String>> =
                s.outlets.iter().map(|o| vec![o.outlet.clone(), o.articles.to_string()]).collect();
            output::write_table(&["outlet", "articles"], &rows)?;
        }
    }
    Ok(Exit::Success)
}
