//! `morgue ingest PATH...`: reads files and folders into the index, incrementally.

use std::path::PathBuf;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::output::{self, OutputFormat};
use crate::cli::{Cli, Exit};
use crate::index::Archive;
use crate::pipeline::{self, Failure, IngestOptions, IngestReport, Progress};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to read (folders are walked; hidden entries and README files are skipped)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Remove the articles of files that no longer exist under the given folders
    #[arg(long)]
    pub prune: bool,
    /// Delete the index and build it anew (needed after a schema change)
    #[arg(long)]
    pub rebuild: bool,
    /// Summary format: table (human); json or jsonl (keys files_seen, added, updated, unchanged,
    /// removed, failed, warnings); csv (the counts) [default: table on a terminal, else json]
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
}

/// Draws a progress bar on stderr when it is a terminal (files done, and articles read so far,
/// which move while one large archive is read), and reports failures as they happen.
struct Bar {
    bar: ProgressBar,
    articles: std::sync::atomic::AtomicUsize,
}

impl Progress for Bar {
    fn start(&self, files: usize) {
        self.bar.set_length(files as u64);
    }
    fn file_done(&self) {
        self.bar.inc(1);
    }
    fn failed(&self, f: &Failure) {
        self.bar.suspend(|| output::message(format!("{}: {}", f.path, f.reason)));
    }
    fn articles(&self, n: usize) {
        let total = self.articles.fetch_add(n, std::sync::atomic::Ordering::Relaxed) + n;
        if !self.bar.is_hidden() {
            self.bar.set_message(format!("{total} articles"));
        }
    }
}

pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<Exit> {
    for p in &args.paths {
        if !p.exists() {
            anyhow::bail!("{}: no such file or directory", p.display());
        }
    }
    // Decode the entity model while the index opens and the folders are walked.
    std::thread::spawn(|| {
        crate::ner::Tagger::builtin();
    });
    let dir = cli.index_dir();
    let archive = Archive::open_or_create(&dir, args.rebuild)
        .with_context(|| format!("opening index {}", dir.display()))?;
    let bar = if output::stderr_is_terminal() {
        let b = ProgressBar::new(0);
        b.set_style(
            ProgressStyle::with_template("{spinner} {pos}/{len} files [{bar:30}] {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let progress = Bar { bar, articles: Default::default() };
    let opts = IngestOptions { prune: args.prune };
    let report = pipeline::ingest(&archive, &args.paths, &opts, &progress)?;
    progress.bar.finish_and_clear();
    for w in &report.warnings {
        output::message(format!("{}: {}", w.path, w.reason));
    }
    match OutputFormat::resolve(args.format) {
        OutputFormat::Json => output::write_json(&report)?,
        OutputFormat::Jsonl => output::write_jsonl([&report])?,
        OutputFormat::Csv => {
            // The counts; each failure is reported on stderr.
            let r = &report;
            let row = [r.files_seen, r.added, r.updated, r.unchanged, r.removed, r.failed.len()];
            let header = ["files_seen", "added", "updated", "unchanged", "removed", "failed"];
            output::write_csv(&header, &[row.map(|n| n.to_string()).to_vec()])?
        }
        OutputFormat::Table => print_summary(&report, &dir),
    }
    Ok(if report.failed.is_empty() { Exit::Success } else { Exit::Partial })
}

fn print_summary(r: &IngestReport, dir: &std::path::Path) {
    println!(
        "{} files seen: {} articles added, {} updated, {} unchanged, {} removed; {} failed",
        r.files_seen,
        r.added,
        r.updated,
        r.unchanged,
        r.removed,
        r.failed.len()
    );
    println!("index: {}", dir.display());
}
