//! One module per subcommand: its clap arguments and its `run`.

pub mod entities;
pub mod export;
pub mod filters;
pub mod ingest;
pub mod ner;
pub mod parse;
pub mod search;
pub mod show;
pub mod stats;
pub mod tag;
pub mod timeline;

use crate::cli::{output, Exit};
use crate::query::QueryError;

/// Unwraps a query result; a malformed query is reported (exit 2) rather than treated as a
/// failure of morgue.
pub(crate) fn answer<T>(result: Result<T, QueryError>, query: &str) -> anyhow::Result<Result<T, Exit>> {
    match result {
        Ok(v) => Ok(Ok(v)),
        Err(QueryError::Syntax(msg)) => {
            output::message(format!("cannot parse the query {query:?}: {msg} (see `morgue search --help`)"));
            Ok(Err(Exit::Fatal))
        }
        Err(e) => Err(e.into()),
    }
}
