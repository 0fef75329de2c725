//! The ingest pipeline: discover files, skip the ones the index already holds unchanged, parse
//! the rest in parallel, and write their articles, committing in batches so that work already
//! done is never lost. Bad files and records are reported and never stop the batch.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::article::Article;
use crate::error::ParseError;
use crate::index::{Archive, FileState, IndexError, Writer};
use crate::ingest::{self, Input};

/// Bumped whenever parsing or extraction changes what an unchanged file yields, so that the next
/// ingest re-reads every file instead of keeping articles made by older code.
pub const PARSER_VERSION: u64 = 2;

/// Files per commit: a crash loses at most one batch.
const BATCH: usize = 2000;

/// Options of one ingest run.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Remove the articles of files that are gone from the given folders.
    pub prune: bool,
}

/// A file or record that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// `path` or `path:line`.
    pub path: String,
    pub reason: String,
}

/// The outcome of an ingest run; counts are articles, except `files_seen`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    pub files_seen: usize,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub failed: Vec<Failure>,
    /// Things kept but worth knowing (a date the index cannot hold, kept as text).
    pub warnings: Vec<Failure>,
}

/// Receives progress while ingest runs (the command line draws a bar and prints failures).
pub trait Progress: Sync {
    fn start(&self, files: usize);
    fn file_done(&self);
    fn failed(&self, failure: &Failure);
    /// `n` more articles were read (unchanged files' articles count too): a streamed archive
    /// reports each as it goes, so that a run on one large file shows progress.
    fn articles(&self, _n: usize) {}
}

/// A `Progress` that ignores everything.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: usize) {}
    fn file_done(&self) {}
    fn failed(&self, _: &Failure) {}
}

enum Outcome {
    Unchanged(u32),
    Parsed { file: String, hash: u64, articles: Vec<Article>, failures: Vec<Failure>, warnings: Vec<Failure> },
    Failed(Failure),
}

/// Ingests the files under `roots` into `archive`.
pub fn ingest(
    archive: &Archive,
    roots: &[PathBuf],
    opts: &IngestOptions,
    progress: &dyn Progress,
) -> Result<IngestReport, IndexError> {
    let mut report = IngestReport::default();
    let found = ingest::discover(roots);
    report.files_seen = found.inputs.len() + found.skipped.len();
    for s in found.skipped {
        let f = Failure { path: s.path.display().to_string(), reason: s.reason.to_string() };
        progress.failed(&f);
        report.failed.push(f);
    }
    let states = archive.file_states()?;
    progress.start(found.inputs.len());
    let mut writer = archive.writer()?;
    let mut seen_files: HashSet<String> = HashSet::new();
    for chunk in found.inputs.chunks(BATCH) {
        // Streamed inputs (web archives, large JSONL files) are read one at a time, straight
        // into the writer (each is parallel inside); the other files in parallel, each whole.
        let (streamed, chunk): (Vec<&Input>, Vec<&Input>) =
            chunk.iter().partition(|i| ingest::is_streamed(i));
        let outcomes: Vec<Outcome> = chunk
            .par_iter()
            .map(|input| {
                let outcome = read_one(input, &states);
                match &outcome {
                    Outcome::Parsed { failures, articles, .. } => {
                        failures.iter().for_each(|f| progress.failed(f));
                        progress.articles(articles.len());
                    }
                    Outcome::Failed(f) => progress.failed(f),
                    Outcome::Unchanged(n) => progress.articles(*n as usize),
                }
                progress.file_done();
                outcome
            })
            .collect();
        for input in streamed {
            seen_files.insert(canonical(&input.path));
            ingest_streamed(archive, &mut writer, input, &states, &mut report, progress)?;
        }
        for (input, outcome) in chunk.iter().zip(outcomes) {
            seen_files.insert(canonical(&input.path));
            match outcome {
                Outcome::Unchanged(n) => report.unchanged += n as usize,
                Outcome::Failed(f) => report.failed.push(f),
                Outcome::Parsed { file, hash, articles, failures, warnings } => {
                    report.failed.extend(failures);
                    report.warnings.extend(warnings);
                    if articles.is_empty() {
                        // Nothing usable in the new version: keep what the index had.
                        continue;
                    }
                    let existed = states.contains_key(&file);
                    if existed {
                        writer.delete_term(archive.file_term(&file));
                        report.updated += articles.len();
                    } else {
                        report.added += articles.len();
                    }
                    for a in &articles {
                        writer.add_document(archive.document(a, &file, hash)?)?;
                    }
                }
            }
        }
        writer.commit()?;
    }
    if opts.prune {
        let roots: Vec<String> = roots.iter().map(|r| canonical(r)).collect();
        for (file, state) in &states {
            let under_root = roots.iter().any(|r| Path::new(file).starts_with(r));
            if under_root && !seen_files.contains(file) && !Path::new(file).exists() {
                writer.delete_term(archive.file_term(file));
                report.removed += state.articles as usize;
            }
        }
        writer.commit()?;
    }
    writer.wait_merging_threads()?;
    Ok(report)
}

/// Ingests a streamed input (a web archive, a large JSONL file) straight into the writer as its
/// batches of records are read: its articles are never all in memory. Nothing is committed
/// here, so a failure midway leaves the index as the last commit had it; the file's old
/// articles go only once a new one is there.
fn ingest_streamed(
    archive: &Archive,
    writer: &mut Writer,
    input: &Input,
    states: &HashMap<String, FileState>,
    report: &mut IngestReport,
    progress: &dyn Progress,
) -> Result<(), IndexError> {
    let file = canonical(&input.path);
    let hash = match file_hash(&input.path) {
        Ok(h) => h,
        Err(e) => {
            let f =
                Failure { path: input.path.display().to_string(), reason: format!("cannot read file: {e}") };
            progress.failed(&f);
            report.failed.push(f);
            progress.file_done();
            return Ok(());
        }
    };
    if let Some(state) = states.get(&file).filter(|s| s.hash == hash) {
        report.unchanged += state.articles as usize;
        progress.articles(state.articles as usize);
        progress.file_done();
        return Ok(());
    }
    let existed = states.contains_key(&file);
    let mut written = 0usize;
    ingest::read_streamed_into(input, &mut |result| -> Result<(), IndexError> {
        match admit(result) {
            Ok((article, warning)) => {
                report.warnings.extend(warning);
                if written == 0 && existed {
                    writer.delete_term(archive.file_term(&file));
                }
                writer.add_document(archive.document(&article, &file, hash)?)?;
                written += 1;
                progress.articles(1);
            }
            Err(f) => {
                progress.failed(&f);
                report.failed.push(f);
            }
        }
        Ok(())
    })?;
    if existed {
        report.updated += written;
    } else {
        report.added += written;
    }
    progress.file_done();
    Ok(())
}

/// One parse result as the index takes it: the article, with a warning when its date lies
/// outside the range the index can hold (the date is then kept as text), or the failure.
fn admit(result: Result<Article, ParseError>) -> Result<(Article, Option<Failure>), Failure> {
    match result {
        Ok(mut a) => {
            let warning = a.published.filter(|p| !p.in_index_range()).map(|p| {
                a.published_text.get_or_insert_with(|| p.to_iso());
                Failure {
                    path: a.source.clone(),
                    reason: format!(
                        "publication date {} is outside the range the index can hold (1678-2261); kept as text",
                        p.to_iso()
                    ),
                }
            });
            Ok((a, warning))
        }
        Err(e) => Err(Failure { path: e.location(), reason: e.kind.to_string() }),
    }
}

fn read_one(input: &Input, states: &HashMap<String, FileState>) -> Outcome {
    let (hash, bytes) = match std::fs::read(&input.path).map(|b| (content_hash(&b), b)) {
        Ok(r) => r,
        Err(e) => {
            return Outcome::Failed(Failure {
                path: input.path.display().to_string(),
                reason: format!("cannot read file: {e}"),
            })
        }
    };
    let file = canonical(&input.path);
    if let Some(state) = states.get(&file) {
        if state.hash == hash {
            return Outcome::Unchanged(state.articles);
        }
    }
    let mut articles = Vec::new();
    let mut failures = Vec::new();
    let mut warnings = Vec::new();
    for result in ingest::parse_bytes(input, &bytes) {
        match admit(result) {
            Ok((a, warning)) => {
                warnings.extend(warning);
                articles.push(a);
            }
            Err(f) => failures.push(f),
        }
    }
    Outcome::Parsed { file, hash, articles, failures, warnings }
}

/// The absolute, canonical form of a path, as the index keys files by it.
fn canonical(path: &Path) -> String {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string()
}

/// FNV-1a over the parser version and the bytes: a changed file or a changed parser both mean
/// the file must be read again.
fn content_hash(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new();
    h.update(bytes);
    h.0
}

/// [`content_hash`] of a file read in pieces, without holding it in memory.
fn file_hash(path: &Path) -> std::io::Result<u64> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut buf = vec![0u8; 1 << 20];
    let mut h = Fnv::new();
    loop {
        match file.read(&mut buf)? {
            0 => return Ok(h.0),
            n => h.update(&buf[..n]),
        }
    }
}

/// FNV-1a, started with the parser version.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        h.update(&PARSER_VERSION.to_le_bytes());
        h
    }

    fn update(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    /// A `Progress` that records the article counts it is told.
    #[derive(Default)]
    struct Counted {
        calls: std::sync::Mutex<Vec<usize>>,
    }

    impl Progress for Counted {
        fn start(&self, _: usize) {}
        fn file_done(&self) {}
        fn failed(&self, _: &Failure) {}
        fn articles(&self, n: usize) {
            self.calls.lock().unwrap().push(n);
        }
    }

    #[test]
    fn a_web_archive_is_ingested_as_a_stream_and_updated_whole() {
        let corpus = tempfile::tempdir().unwrap();
        let idx = tempfile::tempdir().unwrap();
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample_corpus/vellmont-beacon-crawl-2024.warc");
        let warc = std::fs::read(sample).unwrap();
        std::fs::write(corpus.path().join("crawl.warc"), &warc).unwrap();
        write(corpus.path(), "a.txt", "Title: A\n\nThe first article has a body of some length here.\n");
        let archive = Archive::open_or_create(&idx.path().join("i"), false).unwrap();
        let roots = vec![corpus.path().to_path_buf()];
        // Progress counts every article read, the archive's one by one.
        let counted = Counted::default();
        let r = ingest(&archive, &roots, &IngestOptions::default(), &counted).unwrap();
        assert_eq!((r.files_seen, r.added, r.updated, r.unchanged), (2, 4, 0, 0));
        assert_eq!(counted.calls.lock().unwrap().clone(), [1, 1, 1, 1], "one call per article");
        let counted = Counted::default();
        let r = ingest(&archive, &roots, &IngestOptions::default(), &counted).unwrap();
        assert_eq!((r.added, r.updated, r.unchanged), (0, 0, 4));
        assert_eq!(counted.calls.lock().unwrap().iter().sum::<usize>(), 4, "unchanged articles count too");
        // The archive cut after its first page: its articles are replaced by what is left.
        let cut = warc.windows(7).rposition(|w| w == b"WARC/1.").unwrap();
        let first_page_end = warc.windows(7).enumerate().filter(|(_, w)| *w == b"WARC/1.").nth(3).unwrap().0;
        assert!(first_page_end < cut);
        std::fs::write(corpus.path().join("crawl.warc"), &warc[..first_page_end]).unwrap();
        let r = ingest(&archive, &roots, &IngestOptions::default(), &Silent).unwrap();
        assert_eq!((r.added, r.updated, r.unchanged), (0, 1, 1), "{:?}", r.failed);
        assert_eq!(archive.file_states().unwrap().values().map(|s| s.articles).sum::<u32>(), 2);
    }

    #[test]
    fn large_tables_are_streamed_like_small_ones_are_read() {
        // 17 records padded to 1 MiB each (a field no key names), and a broken record.
        let pad = "x".repeat(1 << 20);
        let jsonl: String = (1..=17)
            .map(|i| {
                format!(
                    "{{\"title\": \"Record {i}\", \"text\": \"Text of record {i}.\", \"pad\": \"{pad}\"}}\n"
                )
            })
            .chain(["{\"title\": broken\n".to_string()])
            .collect();
        let csv: String = ["title,text,pad\n".to_string()]
            .into_iter()
            .chain((1..=17).map(|i| format!("Record {i},Text of record {i}.,{pad}\n")))
            .chain(["Record 18,\"broken\n".to_string()])
            .collect();
        for (name, format, bytes, bad) in [
            ("dump.jsonl", crate::article::Format::Jsonl, jsonl, "dump.jsonl:18"),
            ("dump.csv", crate::article::Format::Csv, csv, "dump.csv#18"),
        ] {
            let corpus = tempfile::tempdir().unwrap();
            let idx = tempfile::tempdir().unwrap();
            write(corpus.path(), name, &bytes);
            let input = ingest::Input::new(corpus.path().join(name), format);
            assert!(ingest::is_streamed(&input));
            // Streamed from disk, the file gives what its bytes give when parsed whole.
            let streamed = ingest::read_input(&input);
            let whole = ingest::parse_bytes(&input, bytes.as_bytes());
            assert_eq!(streamed.len(), 18, "{name}");
            assert_eq!(streamed, whole, "{name}");

            let archive = Archive::open_or_create(&idx.path().join("i"), false).unwrap();
            let roots = vec![corpus.path().to_path_buf()];
            let r = ingest(&archive, &roots, &IngestOptions::default(), &Silent).unwrap();
            assert_eq!((r.added, r.updated, r.unchanged), (17, 0, 0), "{name}");
            assert_eq!(r.failed.len(), 1, "{name}");
            assert!(r.failed[0].path.ends_with(bad), "{:?}", r.failed);
            let r = ingest(&archive, &roots, &IngestOptions::default(), &Silent).unwrap();
            assert_eq!((r.added, r.updated, r.unchanged), (0, 0, 17), "{name}");
        }
    }

    #[test]
    fn a_gzipped_table_is_streamed_from_a_third_of_the_size() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        // Text that compresses little (a pseudo-random letter stream): 6 MB gzipped, under the
        // streaming size as it is, over it at the gzip ratio.
        let mut seed = 7u64;
        let mut letters = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (b'a' + (seed >> 59) as u8 % 26) as char
        };
        let line = |i: usize, letters: &mut dyn FnMut() -> char| {
            let pad: String = (0..4000).map(|_| letters()).collect();
            format!("{{\"title\": \"Record {i}\", \"text\": \"{pad}\"}}\n")
        };
        let input = |name: &str, records: usize, letters: &mut dyn FnMut() -> char| {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            for i in 0..records {
                gz.write_all(line(i, letters).as_bytes()).unwrap();
            }
            let path = dir.path().join(name);
            std::fs::write(&path, gz.finish().unwrap()).unwrap();
            ingest::Input {
                compression: ingest::Compression::Gzip,
                ..ingest::Input::new(path, crate::article::Format::Jsonl)
            }
        };
        let big = input("big.jsonl.gz", 1_600, &mut letters);
        let size = std::fs::metadata(&big.path).unwrap().len();
        assert!((5_600_000..8_000_000).contains(&size), "{size}");
        assert!(ingest::is_streamed(&big));
        let small = input("small.jsonl.gz", 100, &mut letters);
        assert!(!ingest::is_streamed(&small));
        assert_eq!(ingest::read_input(&big).len(), 1_600);
    }

    #[test]
    fn a_file_hashed_in_pieces_hashes_as_a_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.warc");
        let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(file_hash(&path).unwrap(), content_hash(&bytes));
        assert_ne!(content_hash(&bytes[1..]), content_hash(&bytes));
    }

    #[test]
    fn incremental_add_update_unchanged_prune() {
        let corpus = tempfile::tempdir().unwrap();
        let idx = tempfile::tempdir().unwrap();
        write(corpus.path(), "a.txt", "Title: A\n\nThe first article has a body of some length here.\n");
        write(
            corpus.path(),
            "b.jsonl",
            "{\"title\": \"B1\", \"text\": \"one\"}\n{\"title\": \"B2\", \"text\": \"two\"}\n",
        );
        let archive = Archive::open_or_create(&idx.path().join("i"), false).unwrap();
        let roots = vec![corpus.path().to_path_buf()];
        let r = ingest(&archive, &roots, &IngestOptions::default(), &Silent).unwrap();
        assert_eq!((r.files_seen, r.added, r.updated, r.unchanged), (2, 3, 0, 0));

        let r = ingest(&archive, &roots, &IngestOptions::default(), &Silent).unwrap();
        assert_eq!((r.added, r.updated, r.unchanged), (0, 0, 3));

        write(
            corpus.path(),
            "a.txt",
            "Title: A2\n\nThe first article, edited, has a body of some length here.\n",
        );
        let r = ingest(&archive, &roots, &IngestOptions::default(), &Silent).unwrap();
        assert_eq!((r.added, r.updated, r.unchanged), (0, 1, 2));
        assert_eq!(archive.searcher().unwrap().num_docs(), 3);

        std::fs::remove_file(corpus.path().join("b.jsonl")).unwrap();
        let r = ingest(&archive, &roots, &IngestOptions { prune: false }, &Silent).unwrap();
        assert_eq!(r.removed, 0);
        let r = ingest(&archive, &roots, &IngestOptions { prune: true }, &Silent).unwrap();
        assert_eq!(r.removed, 2);
        assert_eq!(archive.searcher().unwrap().num_docs(), 1);
    }

    #[test]
    fn dates_outside_the_index_range_are_kept_as_text_and_reported() {
        let corpus = tempfile::tempdir().unwrap();
        let idx = tempfile::tempdir().unwrap();
        write(
            corpus.path(),
            "plot.txt",
            "Title: Plot foiled\nDate: 5 November 1605\n\nA plot against Parliament was foiled overnight.\n",
        );
        let archive = Archive::open_or_create(&idx.path().join("i"), false).unwrap();
        let r = ingest(&archive, &[corpus.path().to_path_buf()], &IngestOptions::default(), &Silent).unwrap();
        assert_eq!(r.added, 1);
        assert!(r.failed.is_empty());
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].reason.contains("1605-11-05"), "{:?}", r.warnings);
        let stats = crate::query::stats::stats(&archive, 5).unwrap();
        assert_eq!(stats.undated, 1);
        let searcher = archive.searcher().unwrap();
        let (_, addr) = searcher
            .search(&tantivy::query::AllQuery, &tantivy::collector::TopDocs::with_limit(1).order_by_score())
            .unwrap()[0];
        let a = archive.article_of(&searcher.doc(addr).unwrap()).unwrap();
        assert_eq!(a.published_text.as_deref(), Some("1605-11-05"));
    }

    #[test]
    fn bad_files_are_reported_and_good_ones_kept() {
        let corpus = tempfile::tempdir().unwrap();
        let idx = tempfile::tempdir().unwrap();
        write(corpus.path(), "good.txt", "Title: Good\n\nA good article with a body that says something.\n");
        write(corpus.path(), "bad.json", "{\"title\": ");
        std::fs::write(corpus.path().join("blob.txt"), [0u8, 159, 146, 150, 0, 0]).unwrap();
        let archive = Archive::open_or_create(&idx.path().join("i"), false).unwrap();
        let r = ingest(&archive, &[corpus.path().to_path_buf()], &IngestOptions::default(), &Silent).unwrap();
        assert_eq!(r.added, 1);
        assert_eq!(r.failed.len(), 2, "{:?}", r.failed);
        assert!(r.failed.iter().any(|f| f.path.ends_with("bad.json:1") && f.reason.contains("invalid JSON")));
        assert!(r.failed.iter().any(|f| f.path.ends_with("blob.txt") && f.reason.contains("binary")));
    }
}
