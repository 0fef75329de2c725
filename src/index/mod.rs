//! The index: owns the tantivy schema (loaded from `index_schema/`), opening and creating the
//! index directory, turning articles into documents and back, and the per-file state that makes
//! ingest incremental. It knows nothing of the command line or of input formats.

pub mod fields;
pub mod schema;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::article::{Article, EntityKind};
pub use fields::Fields;
use schema::SchemaSpec;

/// The index writer ingest adds documents through (committed by batches).
pub type Writer = IndexWriter<TantivyDocument>;

/// The file in the index directory that records the schema version.
const VERSION_FILE: &str = "morgue-schema.json";

/// Separator of the parts of an `entity_stats` value (kind, name, mentions).
pub const STATS_SEP: char = '\u{1f}';

/// What can go wrong with the index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no index at {0} (run `morgue ingest PATH` first, or pass --index DIR)")]
    Missing(PathBuf),
    #[error(
        "the index at {path} was built with schema version {found}, this morgue uses version {expected}: \
         re-ingest with `morgue ingest --rebuild PATH...`"
    )]
    Version { path: PathBuf, found: u32, expected: u32 },
    #[error("index schema: {0}")]
    Schema(String),
    #[error("index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("index directory: {0}")]
    Io(#[from] std::io::Error),
    #[error("stored article is unreadable: {0}")]
    Stored(String),
}

/// An open morgue index.
pub struct Archive {
    pub index: Index,
    pub fields: Fields,
    pub dir: PathBuf,
}

/// What the index holds for one input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileState {
    pub hash: u64,
    pub articles: u32,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct VersionInfo {
    schema_version: u32,
}

impl Archive {
    /// Opens an existing index; fails with a clear message when there is none or when it was
    /// built with another schema version.
    pub fn open(dir: &Path) -> Result<Archive, IndexError> {
        let spec = SchemaSpec::embedded();
        let version_path = dir.join(VERSION_FILE);
        if !version_path.exists() {
            return Err(IndexError::Missing(dir.to_path_buf()));
        }
        let info: VersionInfo = serde_json::from_str(&std::fs::read_to_string(&version_path)?)
            .map_err(|e| IndexError::Schema(format!("{}: {e}", version_path.display())))?;
        if info.schema_version != spec.version {
            return Err(IndexError::Version {
                path: dir.to_path_buf(),
                found: info.schema_version,
                expected: spec.version,
            });
        }
        let index = Index::open_in_dir(dir)?;
        schema::register_tokenizers(&index);
        let fields = Fields::resolve(&index.schema())?;
        Ok(Archive { index, fields, dir: dir.to_path_buf() })
    }

    /// Opens the index, creating it when the directory holds none. With `rebuild`, an existing
    /// index (of any version) is deleted first.
    pub fn open_or_create(dir: &Path, rebuild: bool) -> Result<Archive, IndexError> {
        if rebuild && dir.join(VERSION_FILE).exists() {
            std::fs::remove_dir_all(dir)?;
        }
        if dir.join(VERSION_FILE).exists() {
            return Archive::open(dir);
        }
        let spec = SchemaSpec::embedded();
        std::fs::create_dir_all(dir)?;
        if std::fs::read_dir(dir)?.next().is_some() {
            return Err(IndexError::Schema(format!(
                "{} is not empty and holds no morgue index; choose another --index DIR",
                dir.display()
            )));
        }
        let index = Index::create_in_dir(dir, spec.to_schema()?)?;
        std::fs::write(
            dir.join(VERSION_FILE),
            serde_json::to_string(&VersionInfo { schema_version: spec.version })
                .map_err(|e| IndexError::Schema(e.to_string()))?,
        )?;
        schema::register_tokenizers(&index);
        let fields = Fields::resolve(&index.schema())?;
        Ok(Archive { index, fields, dir: dir.to_path_buf() })
    }

    /// Returns a searcher over the last commit.
    pub fn searcher(&self) -> Result<Searcher, IndexError> {
        Ok(self.reader()?.searcher())
    }

    fn reader(&self) -> Result<IndexReader, IndexError> {
        Ok(self.index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?)
    }

    /// Returns a writer. Two threads suit the machines morgue targets; tantivy needs at least
    /// 15 MB per thread.
    pub fn writer(&self) -> Result<Writer, IndexError> {
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(1, 4);
        Ok(self.index.writer_with_num_threads(threads, threads * 60_000_000)?)
    }

    /// Reads what the index holds per input file (hash and article count), from fast fields.
    pub fn file_states(&self) -> Result<HashMap<String, FileState>, IndexError> {
        let searcher = self.searcher()?;
        let mut states: HashMap<String, FileState> = HashMap::new();
        for segment in searcher.segment_readers() {
            let ff = segment.fast_fields();
            let Some(files) = ff.str(fields::names::FILE)? else { continue };
            let hashes = ff.u64(fields::names::FILE_HASH)?;
            let mut name = String::new();
            for doc in segment.doc_ids_alive() {
                let Some(ord) = files.term_ords(doc).next() else { continue };
                name.clear();
                files.ord_to_str(ord, &mut name)?;
                let hash = hashes.first(doc).unwrap_or(0);
                let entry = states.entry(name.clone()).or_insert(FileState { hash, articles: 0 });
                entry.articles += 1;
            }
        }
        Ok(states)
    }

    /// Builds the document for an article read from `file` (its absolute path) with `hash`.
    pub fn document(&self, article: &Article, file: &str, hash: u64) -> Result<TantivyDocument, IndexError> {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &article.id);
        doc.add_text(f.file, file);
        doc.add_u64(f.file_hash, hash);
        let json = serde_json::to_string(article).map_err(|e| IndexError::Stored(e.to_string()))?;
        doc.add_text(f.article, &json);
        let mut add = |field, value: Option<&String>| {
            if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
                doc.add_text(field, v);
            }
        };
        add(f.headline, article.headline.as_ref());
        add(f.outlet, article.outlet.as_ref());
        add(f.url, article.url.as_ref());
        add(f.dateline, article.dateline.as_ref());
        add(f.section, article.section.as_ref());
        add(f.language, article.language.as_ref());
        for name in &article.byline {
            doc.add_text(f.byline, name);
        }
        for caption in &article.captions {
            doc.add_text(f.captions, caption);
        }
        doc.add_text(f.body, &article.body);
        doc.add_text(f.body_stem, &article.body);
        for kind in EntityKind::ALL {
            let field = match kind {
                EntityKind::Person => f.person,
                EntityKind::Organization => f.org,
                EntityKind::Location => f.place,
                EntityKind::Misc => f.misc,
            };
            for e in article.entities.of(kind) {
                doc.add_text(field, &e.name);
                doc.add_text(
                    f.entity_stats,
                    format!("{}{STATS_SEP}{}{STATS_SEP}{}", kind.label(), e.name, e.mentions),
                );
            }
        }
        if let Some(p) = article.published.filter(|p| p.in_index_range()) {
            doc.add_date(f.published, DateTime::from_timestamp_secs(p.to_utc().timestamp()));
        }
        let mut seen = std::collections::HashSet::new();
        for m in &article.mentions {
            let v = m.value;
            let mut keys = vec![format!("{:04}", v.year)];
            if let Some(month) = v.month {
                keys.push(format!("{:04}-{:02}", v.year, month));
                if let Some(day) = v.day {
                    keys.push(format!("{:04}-{:02}-{:02}", v.year, month, day));
                }
            }
            for k in keys {
                if seen.insert(k.clone()) {
                    doc.add_text(f.mentions, &k);
                }
            }
        }
        Ok(doc)
    }

    /// Returns the term that selects all articles of one input file.
    pub fn file_term(&self, file: &str) -> Term {
        Term::from_field_text(self.fields.file, file)
    }

    /// Reads the article stored in a document.
    pub fn article_of(&self, doc: &TantivyDocument) -> Result<Article, IndexError> {
        let json = doc
            .get_first(self.fields.article)
            .and_then(|v| v.as_str())
            .ok_or_else(|| IndexError::Stored("document without article".into()))?;
        serde_json::from_str(json).map_err(|e| IndexError::Stored(e.to_string()))
    }

    /// Looks an article up by id (or by a unique prefix of at least 6 hex digits).
    pub fn get(&self, id: &str) -> Result<Option<Article>, IndexError> {
        let searcher = self.searcher()?;
        let query = TermQuery::new(Term::from_field_text(self.fields.id, id), IndexRecordOption::Basic);
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        if let Some((_, addr)) = top.first() {
            let doc: TantivyDocument = searcher.doc(*addr)?;
            return Ok(Some(self.article_of(&doc)?));
        }
        if id.len() >= 6 {
            let matches = self.ids_with_prefix(&searcher, id)?;
            if matches.len() == 1 {
                return self.get(&matches[0]);
            }
        }
        Ok(None)
    }

    fn ids_with_prefix(&self, searcher: &Searcher, prefix: &str) -> Result<Vec<String>, IndexError> {
        let mut out = Vec::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.id)?;
            let mut stream = inverted.terms().range().ge(prefix.as_bytes()).into_stream()?;
            while stream.advance() {
                let key = String::from_utf8_lossy(stream.key()).to_string();
                if !key.starts_with(prefix) {
                    break;
                }
                if !out.contains(&key) {
                    out.push(key);
                }
            }
        }
        Ok(out)
    }

    /// Returns the size of the index directory in bytes.
    pub fn size_on_disk(&self) -> u64 {
        walkdir::WalkDir::new(&self.dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Entity, Mention, PubDate, TimePoint};

    fn sample() -> Article {
        let mut a = Article::new("a.txt");
        a.headline = Some("Plan for López".into());
        a.body = "Drug cartels and Andrés Manuel López Obrador.".into();
        a.published = PubDate::parse_iso("2023-03-03");
        a.entities.persons.push(Entity { name: "Andrés Manuel López Obrador".into(), mentions: 2 });
        a.mentions.push(Mention {
            text: "In 2019".into(),
            value: TimePoint::month(2019, 11),
            sentence: "In 2019 …".into(),
        });
        a.assign_id();
        a
    }

    #[test]
    fn roundtrip_and_lookup() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path(), false).unwrap();
        let mut w = archive.writer().unwrap();
        let a = sample();
        w.add_document(archive.document(&a, "/x/a.txt", 7).unwrap()).unwrap();
        w.commit().unwrap();
        let got = archive.get(&a.id).unwrap().unwrap();
        assert_eq!(got, a);
        assert_eq!(archive.get(&a.id[..8]).unwrap().unwrap().id, a.id);
        assert!(archive.get("ffffffffffffffff").unwrap().is_none());
        let states = archive.file_states().unwrap();
        assert_eq!(states["/x/a.txt"], FileState { hash: 7, articles: 1 });
    }

    #[test]
    fn version_mismatch_is_explained() {
        let dir = tempfile::tempdir().unwrap();
        Archive::open_or_create(dir.path(), false).unwrap();
        std::fs::write(dir.path().join(VERSION_FILE), r#"{"schema_version": 0}"#).unwrap();
        let err = Archive::open(dir.path()).err().unwrap();
        assert!(err.to_string().contains("re-ingest"), "{err}");
        assert!(Archive::open_or_create(dir.path(), true).is_ok());
    }

    #[test]
    fn missing_index_is_explained() {
        let dir = tempfile::tempdir().unwrap();
        let err = Archive::open(&dir.path().join("nope")).err().unwrap();
        assert!(matches!(err, IndexError::Missing(_)));
    }
}
