//! JSON and JSONL parsers. A `.json` file holds one article object, an array of them, or an
//! export wrapper with the array under a key such as `articles` or `items`; a `.jsonl` file one
//! object per line. Both map keys through the one table in [`super::record`]; a bad record or
//! line is reported with its number and the others still parse.

use std::io::BufRead;

use serde_json::{Map, Value as Json};

use super::record::{self, Value};
use super::{decode, stream, Input, Parser};
use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};

/// Reads `.json` files.
pub struct JsonParser;

/// Reads `.jsonl` / `.ndjson` files.
pub struct JsonlParser;

/// Keys under which exports wrap their list of articles.
const WRAPPERS: &[&str] =
    &["articles", "items", "data", "results", "docs", "documents", "stories", "entries", "records"];

impl Parser for JsonParser {
    fn format(&self) -> Format {
        Format::Json
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        let text = match decode::utf8_text(bytes) {
            Ok(t) => t,
            Err(kind) => return vec![Err(ParseError::new(&input.path, kind))],
        };
        let doc: Json = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                let err = ParseError::new(&input.path, ParseErrorKind::InvalidJson(json_reason(&e)));
                return vec![Err(err.at_line(e.line()))];
            }
        };
        let source = input.path.display().to_string();
        match records_of(doc) {
            Records::One(obj) => {
                vec![article_from_object(&obj, source).map_err(|k| ParseError::new(&input.path, k))]
            }
            Records::Many(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let src = format!("{source}#{}", i + 1);
                    match item {
                        Json::Object(obj) => article_from_object(&obj, src)
                            .map_err(|k| ParseError::new(&input.path, k).at_line(i + 1)),
                        other => Err(ParseError::new(
                            &input.path,
                            ParseErrorKind::NotAnArticle(format!(
                                "record {} is {}, not an object",
                                i + 1,
                                kind_of(&other)
                            )),
                        )
                        .at_line(i + 1)),
                    }
                })
                .collect(),
            Records::None(reason) => {
                vec![Err(ParseError::new(&input.path, ParseErrorKind::NotAnArticle(reason)))]
            }
        }
    }
}

impl Parser for JsonlParser {
    fn format(&self) -> Format {
        Format::Jsonl
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        stream::read_bytes(input, bytes, |bytes, sink| read_stream(input, bytes, &|_| {}, sink))
    }
}

/// Lines parsed together: enough to keep every core busy, few enough that a multi-gigabyte
/// export is never in memory whole.
const BATCH_LINES: usize = 512;

/// Reads JSONL from `reader` line by line, parsing each batch of lines in parallel; `finish`
/// runs on each article in the batch's threads, and `sink` receives the results in line order.
/// A line that is not UTF-8, not JSON or not an object is one error at `path:N`; an error
/// reading the stream (a cut `.jsonl.gz`) ends it after the lines read so far, reported.
pub fn read_stream<E>(
    input: &Input,
    mut reader: impl BufRead,
    finish: &(dyn Fn(&mut Article) + Sync),
    sink: &mut stream::Sink<'_, E>,
) -> Result<(), E> {
    let source = input.path.display().to_string();
    let parse_line = |(n, offset, line): (usize, usize, Vec<u8>)| -> Result<Article, ParseError> {
        let text = std::str::from_utf8(&line)
            .map_err(|e| ParseErrorKind::InvalidUtf8(offset + e.valid_up_to()))
            .and_then(|text| match serde_json::from_str::<Json>(text) {
                Ok(Json::Object(obj)) => article_from_object(&obj, format!("{source}#{n}")),
                Ok(other) => {
                    Err(ParseErrorKind::NotAnArticle(format!("line is {}, not an object", kind_of(&other))))
                }
                Err(e) => Err(ParseErrorKind::InvalidJson(json_reason(&e))),
            });
        let mut article = text.map_err(|k| ParseError::new(&input.path, k).at_line(n))?;
        finish(&mut article);
        Ok(article)
    };
    // The non-blank lines with their numbers and byte offsets; an error reading the stream is
    // the last item.
    let (mut n, mut offset, mut broken) = (0, 0, false);
    let lines = std::iter::from_fn(|| loop {
        if broken {
            return None;
        }
        let mut line = Vec::new();
        let read = match reader.read_until(b'\n', &mut line) {
            Ok(0) => return None,
            Ok(k) => k,
            Err(e) => {
                broken = true;
                let kind = ParseErrorKind::Io(format!("stopped after line {n}: {e}"));
                return Some(Err(ParseError::new(&input.path, kind).at_line(n + 1)));
            }
        };
        n += 1;
        let start = if n == 1 && line.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        let at = offset;
        offset += read;
        let body = &line[start..];
        let trimmed = body.trim_ascii();
        if !trimmed.is_empty() {
            let lead = start + (body.len() - body.trim_ascii_start().len());
            return Some(Ok((n, at + lead, trimmed.to_vec())));
        }
    });
    stream::in_batches(lines, BATCH_LINES, |line| [parse_line(line)], sink)
}

enum Records {
    One(Map<String, Json>),
    Many(Vec<Json>),
    None(String),
}

fn records_of(doc: Json) -> Records {
    match doc {
        // An array without a single object is not a list of articles with some bad records.
        Json::Array(items) if !items.is_empty() && !items.iter().any(Json::is_object) => {
            Records::None(format!("top level is an array of {}, not of objects", kind_of(&items[0])))
        }
        Json::Array(items) => Records::Many(items),
        Json::Object(mut obj) => {
            let has_body =
                obj.keys().any(|k| matches!(record::key_for(k), Some((record::RecordKey::Body, _))));
            if !has_body {
                let wrapper = obj
                    .keys()
                    .find(|k| WRAPPERS.contains(&record::fold_key(k).as_str()) && obj[*k].is_array())
                    .cloned();
                if let Some(key) = wrapper {
                    if let Some(Json::Array(items)) = obj.remove(&key) {
                        return Records::Many(items);
                    }
                }
            }
            Records::One(obj)
        }
        other => Records::None(format!("top level is {}, not an object or array", kind_of(&other))),
    }
}

fn kind_of(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

/// serde_json's message without its own "at line X column Y" (the location is reported apart).
fn json_reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.find(" at line ") {
        Some(i) => format!("{} (column {})", &msg[..i], e.column()),
        None => msg,
    }
}

/// Maps one JSON object to an article through the shared key table. An object with neither a
/// body nor a headline is not an article.
fn article_from_object(obj: &Map<String, Json>, source: String) -> Result<Article, ParseErrorKind> {
    let named = obj.iter().filter_map(|(k, v)| value_of(v).map(|value| (k.as_str(), value)));
    let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    record::article_from_named(source, named, &keys, "keys")
}

/// Reduces a JSON value to a record value: strings, numbers, lists of strings, objects by their
/// `name` (authors, publishers: `{"name": "Jane Doe"}`), lists of such objects.
fn value_of(v: &Json) -> Option<Value> {
    match v {
        Json::String(s) if !s.trim().is_empty() => Some(Value::Text(s.clone())),
        Json::Number(n) => n.as_f64().map(Value::Number),
        Json::Object(o) => name_of(o).map(Value::Text),
        Json::Array(items) => {
            let list: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    Json::String(s) => Some(s.clone()),
                    Json::Object(o) => name_of(o),
                    _ => None,
                })
                .filter(|s| !s.trim().is_empty())
                .collect();
            (!list.is_empty()).then_some(Value::List(list))
        }
        _ => None,
    }
}

fn name_of(o: &Map<String, Json>) -> Option<String> {
    ["name", "title", "value", "text", "@value"]
        .iter()
        .find_map(|k| o.get(*k).and_then(Json::as_str))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn run(p: &dyn Parser, text: &str) -> Vec<Result<Article, ParseError>> {
        let input = Input::new(PathBuf::from("t.json"), p.format());
        p.parse(&input, text.as_bytes())
    }

    #[test]
    fn maps_common_keys() {
        let out = run(
            &JsonParser,
            r#"{"headline": "H", "byline": "By Ana Ruiz and Tom Becker", "datePublished": "2023-03-03",
               "articleBody": "Text.", "link": "https://x.example/a", "site_name": "The Example"}"#,
        );
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.headline.as_deref(), Some("H"));
        assert_eq!(a.body, "Text.");
        assert_eq!(a.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(a.outlet.as_deref(), Some("The Example"));
        assert_eq!(a.published.map(|d| d.to_iso()).as_deref(), Some("2023-03-03"));
        assert_eq!(a.source, "t.json");
        assert_eq!(a.byline, vec!["Ana Ruiz", "Tom Becker"]);
        let out =
            run(&JsonParser, r#"{"title": "T", "text": "x", "authors": [{"name": "Jane Doe"}, "John Roe"]}"#);
        assert_eq!(out[0].as_ref().unwrap().byline, vec!["Jane Doe", "John Roe"]);
    }

    #[test]
    fn arrays_and_wrappers_number_records() {
        let out = run(&JsonParser, r#"[{"title": "A", "text": "a"}, 7, {"title": "C", "text": "c"}]"#);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].as_ref().unwrap().source, "t.json#1");
        assert!(matches!(out[1], Err(ParseError { line: Some(2), .. })));
        let out = run(
            &JsonParser,
            r#"{"status": "ok", "articles": [{"title": "A", "content": "a", "source": {"name": "Wire"}}]}"#,
        );
        assert_eq!(out[0].as_ref().unwrap().outlet.as_deref(), Some("Wire"));
    }

    #[test]
    fn bad_json_is_reported_with_line() {
        let out = run(&JsonParser, "{\n\"title\": \"A\",\n}");
        let err = out[0].as_ref().unwrap_err();
        assert!(matches!(err.kind, ParseErrorKind::InvalidJson(_)));
        assert_eq!(err.line, Some(3));
        let out = run(&JsonParser, "42");
        assert!(matches!(out[0].as_ref().unwrap_err().kind, ParseErrorKind::NotAnArticle(_)));
    }

    #[test]
    fn jsonl_keeps_good_lines() {
        let out = run(
            &JsonlParser,
            "{\"title\": \"A\", \"maintext\": \"a\", \"publish_date\": 1677801600}\n{broken\n\n{\"title\": \"C\", \"text\": \"c\"}\n",
        );
        assert_eq!(out.len(), 3);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.source, "t.json#1");
        assert_eq!(a.published.map(|d| d.date().to_string()).as_deref(), Some("2023-03-03"));
        assert_eq!(out[1].as_ref().unwrap_err().line, Some(2));
        assert_eq!(out[2].as_ref().unwrap().source, "t.json#4");
    }
    #[test]
    fn jsonl_lines_fail_alone() {
        // A BOM, CRLF line ends, and a line that is not UTF-8 (byte 44 of the file).
        let mut bytes =
            b"\xEF\xBB\xBF{\"title\": \"A\", \"text\": \"a\"}\r\n{\"title\": \"B\xE9\"}\r\n".to_vec();
        bytes.extend_from_slice(b"  {\"title\": \"C\", \"text\": \"c\"}\n");
        let out = JsonlParser.parse(&Input::new(PathBuf::from("t.jsonl"), Format::Jsonl), &bytes);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].as_ref().unwrap().headline.as_deref(), Some("A"));
        let err = out[1].as_ref().unwrap_err();
        assert_eq!((err.line, &err.kind), (Some(2), &ParseErrorKind::InvalidUtf8(44)));
        assert_eq!(bytes[44], 0xE9);
        assert_eq!(out[2].as_ref().unwrap().source, "t.jsonl#3");
    }

    #[test]
    fn a_stream_that_breaks_keeps_the_lines_before() {
        struct Cut(std::io::Cursor<Vec<u8>>);
        impl std::io::Read for Cut {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                match self.0.read(buf)? {
                    0 => Err(std::io::Error::other("gzip: corrupt deflate stream")),
                    n => Ok(n),
                }
            }
        }
        let lines =
            "{\"title\": \"A\", \"text\": \"a\"}\n{\"title\": \"B\", \"text\": \"b\"}\n{\"title\": \"C"
                .to_string();
        let reader = std::io::BufReader::new(Cut(std::io::Cursor::new(lines.into_bytes())));
        let input = Input::new(PathBuf::from("t.jsonl.gz"), Format::Jsonl);
        let out = stream::collected(|sink| read_stream(&input, reader, &|_| {}, sink));
        assert_eq!(out.len(), 3);
        assert!(out[0].is_ok() && out[1].is_ok());
        let err = out[2].as_ref().unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.kind.to_string().contains("stopped after line 2: gzip: corrupt"), "{err}");
    }
}
