//! Output rendering shared by the commands: the `--format` choice, tables for people, JSON, JSONL
//! and CSV for scripts, and the one place that writes messages to stderr.

use std::io::{IsTerminal, Write};

use clap::ValueEnum;
use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;

/// How a command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

impl OutputFormat {
    /// Returns the chosen format, or the default for where stdout goes.
    pub fn resolve(chosen: Option<OutputFormat>) -> OutputFormat {
        chosen.unwrap_or(if std::io::stdout().is_terminal() {
            OutputFormat::Table
        } else {
            OutputFormat::Json
        })
    }
}

/// True when stdout is a terminal (colours and highlighting are only used then).
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// True when stderr is a terminal (progress bars are only drawn then).
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

/// Prints a message on stderr, prefixed with the program name, as every morgue message is.
pub fn message(text: impl std::fmt::Display) {
    eprintln!("morgue: {text}");
}

/// Writes a value as pretty JSON on stdout.
pub fn write_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Writes values as JSON lines on stdout.
pub fn write_jsonl<'a, T: Serialize + 'a>(values: impl IntoIterator<Item = &'a T>) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    for v in values {
        serde_json::to_writer(&mut out, v)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes rows as CSV on stdout.
pub fn write_csv(header: &[&str], rows: &[Vec<String>]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    w.write_record(header)?;
    for r in rows {
        w.write_record(r)?;
    }
    w.flush()?;
    Ok(())
}

/// Writes rows as a table on stdout.
pub fn write_table(header: &[&str], rows: &[Vec<String>]) -> anyhow::Result<()> {
    let mut t = Table::new();
    t.load_style(presets::UTF8_BORDERS_ONLY);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(header.to_vec());
    for r in rows {
        t.add_row(r.clone());
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{t}")?;
    Ok(())
}

/// Writes rows in the chosen format, for the commands whose result is a plain list of records
/// (the JSON forms then come from `records`).
pub fn write_rows<T: Serialize>(
    format: OutputFormat,
    header: &[&str],
    rows: &[Vec<String>],
    records: &[T],
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Table => write_table(header, rows),
        OutputFormat::Csv => write_csv(header, rows),
        OutputFormat::Json => write_json(records),
        OutputFormat::Jsonl => write_jsonl(records),
    }
}

/// Formats a byte count for people: "12.3 MB".
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1000.0 && u < UNITS.len() - 1 {
        v /= 1000.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_for_people() {
        assert_eq!(human_bytes(999), "999 B");
        assert_eq!(human_bytes(12_345_678), "12.3 MB");
    }
}
