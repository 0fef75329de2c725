//! Coverage over time (filled in by the timeline work).
