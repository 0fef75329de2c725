//! The index schema as data: `index_schema/schema.json`, embedded at compile time, read into a
//! tantivy `Schema`, with the tokenizers it names registered on the index.
//!
//! The JSON is the single description of the fields; `index_schema/README.md` documents it for
//! users and [`super::fields`] resolves the names the code uses.

use serde::Deserialize;
use tantivy::schema::{
    DateOptions, DateTimePrecision, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::Index;

use super::IndexError;

/// The schema file, as shipped.
pub const SCHEMA_JSON: &str = include_str!("../../index_schema/schema.json");

/// One field of the schema file.
#[derive(Debug, Clone, Deserialize)]
pub struct FieldSpec {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    #[serde(default)]
    pub tokenizer: Option<String>,
    #[serde(default)]
    pub indexed: bool,
    #[serde(default)]
    pub positions: bool,
    #[serde(default)]
    pub stored: bool,
    /// For text: the normalizer of the fast column (`"raw"`), or null; for numbers and dates: a
    /// boolean.
    #[serde(default)]
    pub fast: serde_json::Value,
    /// What the field holds, for the documentation.
    pub holds: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    Text,
    U64,
    Date,
}

/// The schema file.
#[derive(Debug, Clone, Deserialize)]
pub struct SchemaSpec {
    /// Bumped whenever a field changes; indexes built with another version must be rebuilt.
    pub version: u32,
    pub tokenizers: serde_json::Map<String, serde_json::Value>,
    pub fields: Vec<FieldSpec>,
}

impl SchemaSpec {
    /// Reads the embedded schema file.
    pub fn embedded() -> SchemaSpec {
        // The file is part of the binary and checked by the tests; failing here is a build bug.
        serde_json::from_str(SCHEMA_JSON).expect("index_schema/schema.json is valid")
    }

    /// Builds the tantivy schema the file describes.
    pub fn to_schema(&self) -> Result<Schema, IndexError> {
        let mut b = Schema::builder();
        for f in &self.fields {
            match f.kind {
                FieldKind::Text => {
                    let mut opts = TextOptions::default();
                    if f.indexed {
                        let tokenizer = f.tokenizer.as_deref().unwrap_or("raw");
                        if tokenizer != "raw" && !self.tokenizers.contains_key(tokenizer) {
                            return Err(IndexError::Schema(format!(
                                "field {}: unknown tokenizer {tokenizer}",
                                f.name
                            )));
                        }
                        let record = if f.positions {
                            IndexRecordOption::WithFreqsAndPositions
                        } else {
                            IndexRecordOption::Basic
                        };
                        opts = opts.set_indexing_options(
                            TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(record),
                        );
                    }
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    if let Some(normalizer) = f.fast.as_str() {
                        opts = opts.set_fast(normalizer);
                    }
                    b.add_text_field(&f.name, opts);
                }
                FieldKind::U64 => {
                    let mut opts = NumericOptions::default();
                    if f.indexed {
                        opts = opts.set_indexed();
                    }
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    if f.fast.as_bool() == Some(true) {
                        opts = opts.set_fast();
                    }
                    b.add_u64_field(&f.name, opts);
                }
                FieldKind::Date => {
                    let mut opts = DateOptions::default().set_precision(DateTimePrecision::Seconds);
                    if f.indexed {
                        opts = opts.set_indexed();
                    }
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    if f.fast.as_bool() == Some(true) {
                        opts = opts.set_fast();
                    }
                    b.add_date_field(&f.name, opts);
                }
            }
        }
        Ok(b.build())
    }
}

/// Registers the tokenizers the schema file names on an index (they are not persisted by
/// tantivy, so every open must do it).
pub fn register_tokenizers(index: &Index) {
    let folded = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let stemmed = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build();
    index.tokenizers().register("folded", folded);
    index.tokenizers().register("folded_en_stem", stemmed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_schema_builds() {
        let spec = SchemaSpec::embedded();
        let schema = spec.to_schema().unwrap();
        assert_eq!(schema.fields().count(), spec.fields.len());
        assert!(spec.fields.iter().all(|f| !f.holds.is_empty()));
    }

    #[test]
    fn readme_documents_every_field() {
        let readme = include_str!("../../index_schema/README.md");
        for f in SchemaSpec::embedded().fields {
            assert!(
                readme.contains(&format!("`{}`", f.name)),
                "index_schema/README.md lacks field {}",
                f.name
            );
        }
    }

    #[test]
    fn folded_tokenizer_folds_accents() {
        let index = Index::create_in_ram(SchemaSpec::embedded().to_schema().unwrap());
        register_tokenizers(&index);
        let mut analyzer = index.tokenizers().get("folded").unwrap();
        let mut stream = analyzer.token_stream("Andrés Manuel López Obrador");
        let mut tokens = Vec::new();
        while let Some(t) = stream.next() {
            tokens.push(t.text.clone());
        }
        assert_eq!(tokens, vec!["andres", "manuel", "lopez", "obrador"]);
    }
}
