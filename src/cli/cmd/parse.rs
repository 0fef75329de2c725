//! `morgue parse FILE...`: parses files and prints their articles without indexing — how users
//! check a parser, and how the evaluation scripts read morgue.

use std::io::Write;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::cli::output::{self, OutputFormat};
use crate::cli::Exit;
use crate::ingest;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to parse
    #[arg(required = true, value_name = "FILE")]
    pub paths: Vec<PathBuf>,
    /// Output format [default: jsonl]
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
}

pub fn run(args: &Args) -> anyhow::Result<Exit> {
    // Decode the entity model while the first files are read and parsed, instead of making
    // every worker wait for it at its first article.
    std::thread::spawn(|| {
        crate::ner::Tagger::builtin();
    });
    let found = ingest::discover(&args.paths);
    let mut failed = 0;
    for s in &found.skipped {
        output::message(format!("{}: {}", s.path.display(), s.reason));
        failed += 1;
    }
    let format = args.format.unwrap_or(OutputFormat::Jsonl);
    let mut out = std::io::stdout().lock();
    let mut articles = Vec::new();
    // Parse in parallel, print in input order, one chunk at a time so output streams.
    for chunk in found.inputs.chunks(256) {
        let results: Vec<_> = chunk.par_iter().map(ingest::read_input).collect();
        for r in results.into_iter().flatten() {
            match r {
                Ok(a) => match format {
                    OutputFormat::Jsonl => {
                        serde_json::to_writer(&mut out, &a)?;
                        writeln!(out)?;
                    }
                    _ => articles.push(a),
                },
                Err(e) => {
                    output::message(&e);
                    failed += 1;
                }
            }
        }
    }
    drop(out);
    match format {
        OutputFormat::Jsonl => {}
        OutputFormat::Json => output::write_json(&articles)?,
        OutputFormat::Table | OutputFormat::Csv => {
            let header = ["id", "source", "published", "outlet", "headline", "byline", "words"];
            let rows: Vec<Vec<String>> = articles
                .iter()
                .map(|a| {
                    vec![
                        a.id.clone(),
                        a.source.clone(),
                        a.published.map(|d| d.to_iso()).unwrap_or_default(),
                        a.outlet.clone().unwrap_or_default(),
                        a.headline.clone().unwrap_or_default(),
                        a.byline.join("; "),
                        a.body.split_whitespace().count().to_string(),
                    ]
                })
                .collect();
            if format == OutputFormat::Csv {
                output::write_csv(&header, &rows)?;
            } else {
                output::write_table(&header, &rows)?;
            }
        }
    }
    Ok(if failed > 0 { Exit::Partial } else { Exit::Success })
}
