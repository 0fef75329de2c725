//! Entity counts (filled in by the entities work).
