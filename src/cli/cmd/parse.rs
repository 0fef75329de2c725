//! `morgue parse FILE...`: parses files and prints their articles without indexing — how users
//! check a parser, and how the evaluation scripts read morgue.

use std::cmp::Reverse;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use crate::article::Article;
use crate::cli::output::{self, OutputFormat};
use crate::cli::Exit;
use crate::error::ParseError;
use crate::ingest::{self, Input};

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
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut articles = Vec::new();
    let mut emit = |r: Result<Article, ParseError>| -> anyhow::Result<()> {
        match r {
            Ok(a) if format == OutputFormat::Jsonl => {
                serde_json::to_writer(&mut out, &a)?;
                writeln!(out)?;
            }
            Ok(a) => articles.push(a),
            Err(e) => {
                output::message(&e);
                failed += 1;
            }
        }
        Ok(())
    };
    // Parse in parallel, print in input order, one chunk at a time so output streams. A
    // streamed input (a web archive, a large JSONL file) is printed batch by batch as it is
    // read, so that it is never held whole.
    for chunk in found.inputs.chunks(256) {
        let mut start = 0;
        for (i, input) in chunk.iter().enumerate().filter(|(_, input)| ingest::is_streamed(input)) {
            read_largest_first(&chunk[start..i]).into_iter().flatten().try_for_each(&mut emit)?;
            rayon::scope(|_| ingest::read_streamed_into(input, &mut emit))?;
            start = i + 1;
        }
        read_largest_first(&chunk[start..]).into_iter().flatten().try_for_each(&mut emit)?;
    }
    out.flush()?;
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

/// Reads and parses the inputs on every worker thread, returning their results in input order.
/// Each worker takes the largest file not yet started: page times grow with size and vary
/// tenfold within a batch, and a large page begun last would leave the other core idle while
/// it runs (rayon's even split of the list knows nothing of sizes).
fn read_largest_first(inputs: &[Input]) -> Vec<Vec<Result<Article, ParseError>>> {
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    order.sort_by_cached_key(|&i| Reverse(std::fs::metadata(&inputs[i].path).map_or(0, |m| m.len())));
    let next = AtomicUsize::new(0);
    let slots: Vec<OnceLock<Vec<Result<Article, ParseError>>>> =
        inputs.iter().map(|_| OnceLock::new()).collect();
    rayon::broadcast(|_| {
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            // Each index is handed out once, so the slot is empty.
            let _ = slots[i].set(ingest::read_input(&inputs[i]));
        }
    });
    slots.into_iter().map(|s| s.into_inner().unwrap_or_default()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    #[test]
    fn results_come_back_in_input_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Sizes out of order, so the largest-first schedule differs from the input order.
        let bodies =
            ["short one", &"a much longer text body. ".repeat(40), "", "medium sized text here", "x"];
        let inputs: Vec<Input> = bodies
            .iter()
            .enumerate()
            .map(|(i, body)| {
                let path = dir.path().join(format!("{i}.txt"));
                std::fs::write(&path, body).expect("write");
                Input::new(path, Format::Text)
            })
            .collect();
        let results = read_largest_first(&inputs);
        assert_eq!(results.len(), inputs.len());
        for (i, (input, r)) in inputs.iter().zip(&results).enumerate() {
            match r.first() {
                Some(Ok(a)) => assert_eq!(a.source, input.path.display().to_string(), "{i}"),
                Some(Err(e)) => assert_eq!(e.path, input.path, "{i}"),
                None => panic!("no result for {i}"),
            }
        }
        assert!(matches!(results[2].first(), Some(Err(_))), "the empty file fails");
    }
}
