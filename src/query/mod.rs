//! Queries over the index: search ([`search`]), collection statistics ([`stats`]), coverage over
//! time ([`timeline`]) and who and what is mentioned ([`entities`]). Counting queries read fast
//! fields, never whole documents.

pub mod entities;
pub mod search;
pub mod stats;
pub mod timeline;

use crate::index::IndexError;

/// What can go wrong answering a query.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("cannot parse the query: {0}")]
    Syntax(String),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("index: {0}")]
    Io(#[from] std::io::Error),
}
