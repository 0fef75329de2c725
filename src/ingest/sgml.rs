//! Reuters-21578 SGML (`.sgm`): the newswire collection text-classification and retrieval research
//! has used since 1987, 22 files of up to 1,000 `<REUTERS>` documents each.
//!
//! The files are SGML, not XML: numeric references to control characters (`&#2;`, `&#3;`
//! frame each story as the wire sent it), bare `&lt;` marks around company names, and no single
//! root element. They are read by a tolerant scanner of the collection's own elements rather than
//! by the XML parser:
//!
//! * `DATE` (`26-FEB-1987 15:01:01.79`), `TITLE`, `AUTHOR` (`By Jane Doe, Reuters`) and
//!   `DATELINE` (`SALVADOR, Feb 26 -`), each set through [`record::apply`] like any record's
//!   fields. The layout names no outlet: a story routed to `reute` in its `UNKNOWN` wire
//!   header, signed off `Reuter`, or whose author line names Reuters, is Reuters';
//! * the text: `BODY`, or for `TYPE="UNPROC"` stories (tables, unprocessed copy) all of `TEXT`.
//!   Wrapped lines are joined; an indented line opens a paragraph, so each table row keeps its
//!   own. The closing `Reuter` sign-off is dropped, and so are the collection's marks around
//!   company names (`<Cominco Ltd>` reads "Cominco Ltd");
//! * `TYPE="BRIEF"` stories are a headline whose text the collection replaced by "Blah blah
//!   blah.": the headline alone is kept.
//!
//! One article per document, with the source `path#N` (N counts documents from 1). A document
//! cut short (no `</REUTERS>`) or without a title and text is one error at `path#N`.

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::extract::byline;
use crate::ingest::html::charset;
use crate::ingest::html::meta::decode_entities;
use crate::ingest::record::{self, RecordKey, Value};
use crate::ingest::{Input, Parser};

/// Reads Reuters-21578 SGML files.
#[derive(Debug, Clone, Copy, Default)]
pub struct SgmlParser;

impl Parser for SgmlParser {
    fn format(&self) -> Format {
        Format::Sgml
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        let (text, _) = charset::decode_html(bytes);
        let source = input.path.display().to_string();
        let documents = documents(&text);
        if documents.is_empty() {
            let reason = "SGML without <REUTERS> documents (morgue reads the Reuters-21578 layout)";
            return vec![Err(ParseError::new(&input.path, ParseErrorKind::NotAnArticle(reason.into())))];
        }
        documents
            .into_iter()
            .enumerate()
            .map(|(i, doc)| {
                let n = i + 1;
                let article = match doc {
                    Document::Whole(doc) => reuters(doc, format!("{source}#{n}")),
                    Document::Cut => Err(ParseErrorKind::NotAnArticle(
                        "document cut short (the file ends before </REUTERS>)".into(),
                    )),
                };
                article.map_err(|k| ParseError::new(&input.path, k).at_record(n))
            })
            .collect()
    }
}

/// A `<REUTERS>` document of a file: its text from the opening tag to the closing one, or a
/// document the file ends inside.
#[derive(Debug, PartialEq)]
enum Document<'a> {
    Whole(&'a str),
    Cut,
}

/// The `<REUTERS …>` documents of a file, in order.
fn documents(text: &str) -> Vec<Document<'_>> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = find_open(&lower, "reuters", at) {
        match lower[start..].find("</reuters>") {
            Some(len) => {
                out.push(Document::Whole(&text[start..start + len]));
                at = start + len + "</reuters>".len();
            }
            None => {
                out.push(Document::Cut);
                break;
            }
        }
    }
    out
}

/// The offset of the next `<name>` or `<name attr…>` tag in `lower` (lowercased text) from `from`.
fn find_open(lower: &str, name: &str, from: usize) -> Option<usize> {
    let tag = format!("<{name}");
    let mut at = from;
    while let Some(i) = lower[at..].find(&tag) {
        let start = at + i;
        let next = lower.as_bytes().get(start + tag.len()).copied();
        if matches!(next, Some(b'>' | b' ' | b'\t' | b'\r' | b'\n')) {
            return Some(start);
        }
        at = start + tag.len();
    }
    None
}

/// Text beside its ASCII-lowercased copy (the same byte offsets), so that tags are found
/// without regard to case and the text is lowercased once per document, not once per field.
#[derive(Debug, Clone, Copy)]
struct Cased<'a> {
    text: &'a str,
    lower: &'a str,
}

impl<'a> Cased<'a> {
    /// The raw content of the first `name` element (undecoded), and the opening tag's
    /// attributes. An element without its closing tag runs to the end.
    fn element(self, name: &str) -> Option<(Cased<'a>, &'a str)> {
        let start = find_open(self.lower, name, 0)?;
        let tag_end = start + self.lower[start..].find('>')?;
        let attrs = &self.text[start + 1 + name.len()..tag_end];
        let content = tag_end + 1;
        let close = format!("</{name}>");
        let end = self.lower[content..].find(&close).map_or(self.text.len(), |i| content + i);
        Some((Cased { text: &self.text[content..end], lower: &self.lower[content..end] }, attrs))
    }
}

/// One `<REUTERS>` document as an article.
fn reuters(doc: &str, source: String) -> Result<Article, ParseErrorKind> {
    let lower = doc.to_ascii_lowercase();
    let doc = Cased { text: doc, lower: &lower };
    let field = |name: &str| doc.element(name).map(|(raw, _)| unmark_companies(&decode(raw.text)));
    let mut stated: Vec<(RecordKey, Value)> = Vec::new();
    if let Some(date) = field("date") {
        stated.push((RecordKey::Published, Value::Text(date)));
    }
    if let Some(title) = field("title") {
        stated.push((RecordKey::Headline, Value::Text(title)));
    }
    let author = field("author");
    if let Some(author) = &author {
        // The wire's own "By Jane Doe, Reuters" line; a name it does not read ("By keith grant")
        // is still a name, since the element holds nothing else.
        let author = author.trim();
        let names = byline::parse_byline_line(author)
            .filter(|names| !names.is_empty())
            .unwrap_or_else(|| byline::split_authors(author));
        stated.push((RecordKey::Byline, Value::List(names)));
    }
    if let Some(dateline) = field("dateline") {
        let dateline = dateline.trim().trim_end_matches(['-', ' ']).trim();
        if !dateline.is_empty() {
            stated.push((RecordKey::Dateline, Value::Text(dateline.into())));
        }
    }
    let (text, attrs) = doc.element("text").unwrap_or((Cased { text: "", lower: "" }, ""));
    let kind = attrs.to_ascii_lowercase();
    let raw_body = if kind.contains("unproc") { Some(text) } else { text.element("body").map(|(b, _)| b) };
    let decoded = raw_body.map(|b| decode(b.text)).unwrap_or_default();
    let (text, signed) = without_sign_off(&decoded);
    // The layout has no outlet field: the wire's routing line (`&#31;reute`), its "Reuter"
    // sign-off, or an author line "By Jane Doe, Reuters" says whose story it is.
    let routed = doc.element("unknown").is_some_and(|(raw, _)| raw.lower.contains("&#31;reute"));
    if routed || signed || author.is_some_and(|a| a.to_ascii_lowercase().contains("reuter")) {
        stated.push((RecordKey::Outlet, Value::Text("Reuters".into())));
    }
    // Marks are removed once wrapped lines are joined: a name may be wrapped.
    let body = unmark_companies(&paragraphs(text));
    // A brief's text was replaced by a placeholder in the collection: the headline is all it says.
    let body = if kind.contains("brief") && body.trim_end_matches('.').eq_ignore_ascii_case("blah blah blah")
    {
        String::new()
    } else {
        body
    };
    stated.push((RecordKey::Body, Value::Text(body)));
    let mut article = Article::new(source);
    for (key, value) in &stated {
        record::apply(&mut article, *key, value);
    }
    record::require_text(article)
}

/// SGML text to plain text: character references decoded, and control characters (the wire's
/// framing) dropped.
fn decode(raw: &str) -> String {
    decode_entities(raw).chars().filter(|&c| !c.is_control() || c == '\n' || c == '\t').collect()
}

/// Removes the marks Reuters put around company names (`<Bahia Cocoa Ltd>`): a `<` closed by a
/// `>` on the same line within 80 characters, around a name (no space inside either mark).
fn unmark_companies(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let close = after.find(['>', '<', '\n']).filter(|&j| j <= 80 && after[j..].starts_with('>'));
        // A name opens with a letter or digit and ends on no space ("x < 3 and y > 2" is no mark).
        let named =
            |j: usize| after.starts_with(char::is_alphanumeric) && !after[..j].ends_with(char::is_whitespace);
        match close {
            Some(j) if named(j) => {
                out.push_str(&after[..j]);
                rest = &after[j + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text without its closing `Reuter` (or `Reuters`) sign-off line, and whether it had one.
fn without_sign_off(text: &str) -> (&str, bool) {
    let trimmed = text.trim_end();
    let (rest, last) = trimmed.rsplit_once('\n').unwrap_or(("", trimmed));
    let last = last.trim();
    if last.eq_ignore_ascii_case("reuter") || last.eq_ignore_ascii_case("reuters") {
        (rest, true)
    } else {
        (text, false)
    }
}

/// Wire copy to paragraphs: a blank line or an indented line opens a paragraph (each row of a
/// table is indented), other lines continue the one before; the spacing inside a line (a table's
/// columns) is kept.
fn paragraphs(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut paras: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines {
        let opens = line.starts_with([' ', '\t']);
        let line = line.trim();
        if (line.is_empty() || opens) && !current.is_empty() {
            paras.push(current.join(" "));
            current.clear();
        }
        if !line.is_empty() {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paras.push(current.join(" "));
    }
    paras.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn parse(sgml: &str) -> Vec<Result<Article, ParseError>> {
        SgmlParser.parse(&Input::new(PathBuf::from("wire.sgm"), Format::Sgml), sgml.as_bytes())
    }

    /// A story laid out as the collection writes one (fictional text).
    const STORY: &str = concat!(
        "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n",
        "<REUTERS TOPICS=\"YES\" NEWID=\"7\">\n<DATE> 3-MAR-1987 09:41:05.12</DATE>\n",
        "<TOPICS><D>grain</D></TOPICS>\n<UNKNOWN> \n&#5;&#5;&#5;G\n&#22;&#22;&#1;f0412&#31;reute\n",
        "r f BC-PORT-GRAIN   03-03 0077</UNKNOWN>\n<TEXT>&#2;\n<TITLE>PORT OF ARDEN GRAIN LOADINGS RISE</TITLE>\n",
        "<AUTHOR>    By Jane Q. Doe, Reuters</AUTHOR>\n",
        "<DATELINE>    ARDEN, March 3 - </DATELINE><BODY>Grain loadings at the\n",
        "port rose in the week, &lt;Arden Elevator\nCo> said, as barges returned after the thaw.\n",
        "    Loadings were 41,000 tonnes &amp; rising, it said.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n",
    );

    #[test]
    fn reads_a_story() {
        let out = parse(STORY);
        assert_eq!(out.len(), 1);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.source, "wire.sgm#1");
        assert_eq!(a.headline.as_deref(), Some("PORT OF ARDEN GRAIN LOADINGS RISE"));
        assert_eq!(a.byline, vec!["Jane Q. Doe"]);
        assert_eq!(a.dateline.as_deref(), Some("ARDEN, March 3"));
        assert_eq!(a.outlet.as_deref(), Some("Reuters"));
        assert_eq!(a.published.map(|d| d.to_iso()).as_deref(), Some("1987-03-03T09:41:05"));
        assert_eq!(
            a.body,
            "Grain loadings at the port rose in the week, Arden Elevator Co said, as barges returned after the thaw.\n\n\
Loadings were 41,000 tonnes & rising, it said."
        );
    }

    #[test]
    fn the_wire_routing_line_names_the_outlet() {
        let unsigned =
            STORY.replace(" Reuter\n", "").replace("<AUTHOR>    By Jane Q. Doe, Reuters</AUTHOR>\n", "");
        let a = parse(&unsigned).remove(0).unwrap();
        assert!(a.byline.is_empty());
        assert_eq!(a.outlet.as_deref(), Some("Reuters"));
        let other = unsigned.replace("reute\n", "wsw\n");
        assert_eq!(parse(&other).remove(0).unwrap().outlet, None);
    }

    #[test]
    fn briefs_tables_and_several_documents() {
        let brief = concat!(
            "<REUTERS NEWID=\"8\">\n<DATE> 3-MAR-1987 10:00:00.00</DATE>\n<TEXT TYPE=\"BRIEF\">&#2;\n<AUTHOR> By sam lowe</AUTHOR>\n",
            "******<TITLE>ARDEN MILL SETS DIVIDEND\n</TITLE>Blah blah blah.\n&#3;\n\n</TEXT>\n</REUTERS>\n",
        );
        let table = concat!(
            "<REUTERS NEWID=\"9\">\n<DATE> 3-MAR-1987 11:00:00.00</DATE>\n<TEXT TYPE=\"UNPROC\">&#2;\n",
            "ARDEN WEEKLY LOADINGS - MARCH 3\n    Week ended Feb 28      tonnes\n",
            " Wheat..........21,000 vs...19,500\n Corn...........20,000 vs...18,000\n Reuter\n&#3;</TEXT>\n</REUTERS>\n",
        );
        let out = parse(&format!("{STORY}{brief}{table}"));
        assert_eq!(out.len(), 3);
        let b = out[1].as_ref().unwrap();
        assert_eq!(b.source, "wire.sgm#2");
        assert_eq!(b.headline.as_deref(), Some("ARDEN MILL SETS DIVIDEND"));
        assert_eq!(b.body, "");
        assert_eq!(b.byline, vec!["sam lowe"], "an author line the byline reader does not take");
        assert_eq!(b.outlet, None, "no sign-off and no agency in the author line");
        let t = out[2].as_ref().unwrap();
        assert_eq!(t.headline, None);
        assert_eq!(t.outlet.as_deref(), Some("Reuters"), "signed off");
        assert_eq!(
            t.body,
            "ARDEN WEEKLY LOADINGS - MARCH 3\n\nWeek ended Feb 28      tonnes\n\n\
Wheat..........21,000 vs...19,500\n\nCorn...........20,000 vs...18,000"
        );
    }

    #[test]
    fn bad_documents_are_errors_of_their_own() {
        let empty = "<REUTERS NEWID=\"2\">\n<DATE> 3-MAR-1987 10:00:00.00</DATE>\n<TEXT>&#2;\n&#3;</TEXT>\n</REUTERS>\n";
        let cut = "<REUTERS NEWID=\"3\">\n<DATE> 3-MAR-1987 10:00:00.00</DATE>\n<TEXT>&#2;\n<TITLE>CUT";
        let out = parse(&format!("{STORY}{empty}{cut}"));
        assert_eq!(out.len(), 3);
        assert!(out[0].is_ok());
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.location(), "wire.sgm#2");
        assert!(e.kind.to_string().contains("no headline and no text"), "{e}");
        let e = out[2].as_ref().unwrap_err();
        assert_eq!(e.location(), "wire.sgm#3");
        assert!(e.kind.to_string().contains("cut short"), "{e}");

        let none = parse("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<p>nothing</p>");
        assert!(none[0].as_ref().unwrap_err().kind.to_string().contains("without <REUTERS>"));
    }

    #[test]
    fn decoding() {
        assert_eq!(unmark_companies(&decode("a &lt;Big Co Inc> b")), "a Big Co Inc b");
        assert_eq!(unmark_companies(&decode("x &lt; 3 and y > 2")), "x < 3 and y > 2");
        assert_eq!(decode("&#5;&#22;AT&T &amp; &#127;&bogus; &#x41;"), "AT&T & &bogus; A");
        assert_eq!(decode("ends with &"), "ends with &");
        // A tag's name must end where the name does.
        assert_eq!(find_open("<reutersx><reuters a=1>", "reuters", 0), Some(10));
    }
}
