//! `morgue tag`: named entities of text read from stdin, as JSON span arrays.
//!
//! Without `--jsonl` the whole input is one document and one array is printed. With `--jsonl`
//! each input line is `{"text": "..."}` and each output line is that document's array; a line
//! that cannot be read still gets its `[]` (so output lines match input lines) and a message on
//! stderr. Tagging itself lives in `crate::ner`.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use serde::Deserialize;

use crate::ner::{Span, Tagger};

/// Tag named entities (PER, ORG, LOC, MISC) in text from stdin.
#[derive(clap::Args, Debug)]
pub struct TagArgs {
    /// Read one JSON object {"text": "..."} per line; print one span array per line.
    #[arg(long)]
    pub jsonl: bool,
    /// Use this model file (from `morgue ner train`) instead of the built-in model.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
}

#[derive(Deserialize)]
struct TagInput {
    text: String,
}

/// Runs `morgue tag`. Exit code 0, or 3 when some `--jsonl` lines could not be read.
pub fn run(args: &TagArgs) -> anyhow::Result<ExitCode> {
    let owned;
    let tagger: &Tagger = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read model {}", path.display()))?;
            owned = Tagger::from_bytes(&bytes)
                .with_context(|| format!("cannot load model {}", path.display()))?;
            &owned
        }
        None => Tagger::builtin(),
    };
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if args.jsonl {
        tag_lines(tagger, stdin.lock(), &mut out, &mut io::stderr())
    } else {
        tag_whole(tagger, stdin.lock(), &mut out).map(|()| 0)
    };
    let flushed = result.and_then(|bad| out.flush().map(|()| bad));
    match flushed {
        Ok(0) => Ok(ExitCode::SUCCESS),
        Ok(_) => Ok(ExitCode::from(3)),
        // A closed pipe (`morgue tag | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("cannot write output"),
    }
}

/// Tags the whole input as one document (invalid UTF-8 is replaced, not refused).
fn tag_whole(tagger: &Tagger, mut input: impl Read, out: &mut impl Write) -> io::Result<()> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    write_spans(out, &tagger.tag(&text))
}

/// Tags one JSON document per line; returns how many lines could not be read.
fn tag_lines(
    tagger: &Tagger,
    mut input: impl BufRead,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<usize> {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    let mut bad = 0usize;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        let spans = match parse_line(&buf) {
            Ok(text) => tagger.tag(&text),
            Err(msg) => {
                bad += 1;
                // stderr problems must not stop the output.
                let _ = writeln!(err, "morgue: stdin:{line_no}: {msg}");
                Vec::new()
            }
        };
        write_spans(out, &spans)?;
    }
    Ok(bad)
}

/// Reads the text of one `--jsonl` line.
fn parse_line(raw: &[u8]) -> Result<String, String> {
    let line = std::str::from_utf8(raw).map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let line = line.trim_end_matches(['\n', '\r']);
    if line.trim().is_empty() {
        return Err("empty line".to_string());
    }
    serde_json::from_str::<TagInput>(line).map(|i| i.text).map_err(|e| format!("invalid JSON: {e}"))
}

fn write_spans(out: &mut impl Write, spans: &[Span]) -> io::Result<()> {
    serde_json::to_writer(&mut *out, spans).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_output_line_per_input_line() {
        let input =
            "{\"text\": \"Joe Biden visited Mexico.\"}\n\nnot json\n{\"txt\": 1}\n{\"text\": \"\"}\n\u{ff}\n";
        let mut input_bytes = input.as_bytes().to_vec();
        // Replace the U+FF char with a raw invalid byte.
        let pos = input_bytes.len() - 3;
        input_bytes.splice(pos..pos + 2, [0xff]);
        let mut out = Vec::new();
        let mut err = Vec::new();
        let bad = tag_lines(Tagger::builtin(), &input_bytes[..], &mut out, &mut err).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 6, "{out}");
        assert_eq!(bad, 4);
        let first: Vec<serde_json::Value> = serde_json::from_str(lines[0]).unwrap();
        assert!(first.iter().any(|s| s["text"] == "Joe Biden" && s["label"] == "PER"), "{}", lines[0]);
        assert!(
            first.iter().any(|s| s["text"] == "Mexico" && s["start"] == 18 && s["end"] == 24),
            "{}",
            lines[0]
        );
        assert_eq!(&lines[1..], &["[]"; 5]);
        let err = String::from_utf8(err).unwrap();
        assert!(err.contains("stdin:2: empty line"), "{err}");
        assert!(err.contains("stdin:3: invalid JSON"), "{err}");
        assert!(err.contains("stdin:6: invalid UTF-8"), "{err}");
    }

    #[test]
    fn whole_input_is_one_document() {
        let mut out = Vec::new();
        tag_whole(Tagger::builtin(), "Donald Trump spoke.\n\nTrump left for Florida.".as_bytes(), &mut out)
            .unwrap();
        let spans: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
        let pers = spans.iter().filter(|s| s["label"] == "PER").count();
        assert_eq!(pers, 2, "{spans:?}");
    }
}
