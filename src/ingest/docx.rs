//! Word documents (`.docx`), as news databases export articles for researchers: the document's
//! paragraphs become text, read by the plain-text parser ([`text::parse_text`]) with its
//! front-matter keys and head heuristics (headline, byline and date lines, captions, teasers).
//!
//! A document that holds several articles separates them with an "End of Document" line (as
//! Nexis Uni's exports do); each part is then one article, `source` = `path#N`. Deleted text
//! (tracked changes) and field codes are not text.

use std::io::{Cursor, Read};

use roxmltree::{Document, Node, ParsingOptions};

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::ingest::text;
use crate::ingest::{Input, Parser};

/// Reads `.docx` files.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocxParser;

/// The most bytes the document's XML may inflate to.
const MAX_XML: u64 = 256 << 20;

impl Parser for DocxParser {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        let err = |kind| vec![Err(ParseError::new(&input.path, kind))];
        let xml = match document_xml(bytes) {
            Ok(x) => x,
            Err(kind) => return err(kind),
        };
        let options = ParsingOptions { allow_dtd: false, ..ParsingOptions::default() };
        let doc = match Document::parse_with_options(&xml, options) {
            Ok(d) => d,
            Err(e) => return err(ParseErrorKind::InvalidXml(format!("word/document.xml: {e}"))),
        };
        let paragraphs: Vec<String> =
            doc.descendants().filter(|n| is_w(*n, "p")).map(paragraph_text).collect();
        text::parse_exported(&paragraphs, input)
    }
}

/// The main part of a `.docx` package, `word/document.xml`, as text.
fn document_xml(bytes: &[u8]) -> Result<String, ParseErrorKind> {
    let damaged = |e: String| ParseErrorKind::Compressed(format!("docx: {e}"));
    let mut package = ::zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(e.to_string()))?;
    let part =
        package.by_name("word/document.xml").map_err(|e| damaged(format!("word/document.xml: {e}")))?;
    let mut xml = String::new();
    part.take(MAX_XML).read_to_string(&mut xml).map_err(|e| damaged(e.to_string()))?;
    Ok(xml)
}

/// True for an element of WordprocessingML with this local name (`w:p`, `w:t`).
fn is_w(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

/// A paragraph's text: its runs' text, tabs and line breaks, without deleted text (`w:del`)
/// and field instructions (`w:instrText`).
fn paragraph_text(p: Node) -> String {
    let mut text = String::new();
    let mut stack: Vec<Node> = p.children().collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        if !n.is_element() {
            continue;
        }
        match n.tag_name().name() {
            "t" => text.push_str(n.text().unwrap_or("")),
            "tab" => text.push('\t'),
            "br" | "cr" => text.push('\n'),
            "del" | "instrText" | "delText" => {}
            _ => stack.extend(n.children().collect::<Vec<_>>().into_iter().rev()),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::path::PathBuf;

    /// A minimal `.docx` package holding these paragraphs (runs split to test joining).
    fn docx(paragraphs: &[&str]) -> Vec<u8> {
        let body: String = paragraphs
            .iter()
            .map(|p| {
                let (a, b) = p.split_at(p.len() / 2);
                format!(
                    "<w:p><w:r><w:t xml:space=\"preserve\">{a}</w:t></w:r><w:r><w:t>{b}</w:t></w:r></w:p>"
                )
            })
            .collect();
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}\
             <w:p><w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del></w:p></w:body></w:document>"
        );
        let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = ::zip::write::SimpleFileOptions::default();
        w.start_file("[Content_Types].xml", opts).unwrap();
        w.write_all(b"<Types/>").unwrap();
        w.start_file("word/document.xml", opts).unwrap();
        w.write_all(xml.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    }

    fn parse(bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        DocxParser.parse(&Input::new(PathBuf::from("export.docx"), Format::Docx), bytes)
    }

    #[test]
    fn one_article_with_its_head() {
        let out = parse(&docx(&[
            "Council approves the budget",
            "By Jane Doe",
            "The council approved the budget on Tuesday after a long debate about bus routes.",
            "The vote was 7 to 2.",
        ]));
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.source, "export.docx");
        assert_eq!(a.headline.as_deref(), Some("Council approves the budget"));
        assert_eq!(a.byline, ["Jane Doe"]);
        assert!(a.body.starts_with("The council approved the budget"), "{}", a.body);
        assert!(!a.body.contains("deleted words"));
    }

    #[test]
    fn end_of_document_separates_articles() {
        let out = parse(&docx(&[
            "First story",
            "By Ana Ruiz",
            "The first story's text runs here, long enough to be a paragraph of news.",
            "End of Document",
            "Second story",
            "The second story's text runs here, long enough to be a paragraph of news.",
            "End of Document",
        ]));
        let heads: Vec<(&str, Option<&str>)> = out
            .iter()
            .map(|r| r.as_ref().unwrap())
            .map(|a| (a.source.as_str(), a.headline.as_deref()))
            .collect();
        assert_eq!(heads, [("export.docx#1", Some("First story")), ("export.docx#2", Some("Second story"))]);
    }

    #[test]
    fn not_a_word_document() {
        assert!(
            matches!(&parse(b"PK\x03\x04 broken")[..], [Err(e)] if e.to_string().contains("damaged compressed file: docx"))
        );
        let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
        w.start_file("other.txt", ::zip::write::SimpleFileOptions::default()).unwrap();
        let zip = w.finish().unwrap().into_inner();
        assert!(matches!(&parse(&zip)[..], [Err(e)] if e.to_string().contains("word/document.xml")));
    }
}
