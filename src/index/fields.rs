//! Handles to the schema's fields, resolved once by name. This is the only file that spells the
//! field names of `index_schema/schema.json`; everything else uses these handles.

use tantivy::schema::{Field, Schema};

use super::IndexError;

/// The fields of the morgue schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub file: Field,
    pub file_hash: Field,
    pub article: Field,
    pub headline: Field,
    pub byline: Field,
    pub outlet: Field,
    pub url: Field,
    pub dateline: Field,
    pub section: Field,
    pub language: Field,
    pub body: Field,
    pub body_stem: Field,
    pub captions: Field,
    pub person: Field,
    pub org: Field,
    pub place: Field,
    pub misc: Field,
    pub entity_stats: Field,
    pub published: Field,
    pub mentions: Field,
}

/// Column names, for the fast-field readers (which take names, not handles).
pub mod names {
    pub const ID: &str = "id";
    pub const FILE: &str = "file";
    pub const FILE_HASH: &str = "file_hash";
    pub const OUTLET: &str = "outlet";
    pub const ENTITY_STATS: &str = "entity_stats";
    pub const PUBLISHED: &str = "published";
}

impl Fields {
    /// Resolves every field in `schema`; an index missing one was built by another schema.
    pub fn resolve(schema: &Schema) -> Result<Fields, IndexError> {
        let get = |name: &str| {
            schema.get_field(name).map_err(|_| IndexError::Schema(format!("the index has no field {name}")))
        };
        Ok(Fields {
            id: get(names::ID)?,
            file: get(names::FILE)?,
            file_hash: get(names::FILE_HASH)?,
            article: get("article")?,
            headline: get("headline")?,
            byline: get("byline")?,
            outlet: get(names::OUTLET)?,
            url: get("url")?,
            dateline: get("dateline")?,
            section: get("section")?,
            language: get("language")?,
            body: get("body")?,
            body_stem: get("body_stem")?,
            captions: get("captions")?,
            person: get("person")?,
            org: get("org")?,
            place: get("place")?,
            misc: get("misc")?,
            entity_stats: get(names::ENTITY_STATS)?,
            published: get(names::PUBLISHED)?,
            mentions: get("mentions")?,
        })
    }

    /// The fields a query searches when it names none.
    pub fn default_search(&self) -> Vec<Field> {
        vec![self.headline, self.body, self.body_stem, self.captions]
    }
}
