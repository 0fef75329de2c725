//! Rich Text Format (`.rtf`), the format news databases export batches of articles in (Factiva's
//! "Article Format", Nexis Uni's RTF download): the document's paragraphs become text, read by
//! the plain-text parser like a Word document's ([`text::parse_exported`]), which splits it into
//! its articles.
//!
//! The reader follows the RTF 1.x grammar: groups, control words and symbols, `\'hh` bytes in
//! the document's code page (`\ansicpg`, Windows-1252 by default), `\uN` characters with their
//! `\ucN` fallbacks skipped, and `\binN` data skipped. Destinations that are not text (font,
//! colour and style tables, document info, pictures, objects, headers and footers, field
//! instructions, and any `\*` destination) are left out; a field's result is kept.

use encoding_rs::Encoding;

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::ingest::text;
use crate::ingest::{Input, Parser};

/// Reads `.rtf` files.
#[derive(Debug, Clone, Copy, Default)]
pub struct RtfParser;

impl Parser for RtfParser {
    fn format(&self) -> Format {
        Format::Rtf
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        if !bytes.trim_ascii_start().starts_with(b"{\\rtf") {
            let kind = ParseErrorKind::NotAnArticle("not an RTF document (no {\\rtf header)".into());
            return vec![Err(ParseError::new(&input.path, kind))];
        }
        text::parse_exported(&paragraphs(bytes), input)
    }
}

/// Destinations whose content is not the document's text.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "xmlnstbl",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "generator",
    "filetbl",
    "revtbl",
    "footnote",
];

/// What a group carries over from its parent: whether its text is skipped, and how many
/// fallback characters follow a `\uN` character.
#[derive(Debug, Clone, Copy)]
struct GroupState {
    skip: bool,
    uc: usize,
}

/// The text of an RTF document as paragraphs (`\par`, `\row`, `\page` and `\sect` end one;
/// `\line` breaks a line inside one; table cells are separated by tabs). Never fails: what
/// cannot be read is left out.
pub fn paragraphs(rtf: &[u8]) -> Vec<String> {
    let mut reader = Reader {
        rtf,
        at: 0,
        encoding: encoding_rs::WINDOWS_1252,
        stack: Vec::new(),
        state: GroupState { skip: false, uc: 1 },
        bytes: Vec::new(),
        current: String::new(),
        paragraphs: Vec::new(),
    };
    reader.run();
    reader.paragraphs
}

struct Reader<'a> {
    rtf: &'a [u8],
    at: usize,
    encoding: &'static Encoding,
    stack: Vec<GroupState>,
    state: GroupState,
    /// Bytes of `\'hh` escapes not yet decoded (a multi-byte character may span several).
    bytes: Vec<u8>,
    current: String,
    paragraphs: Vec<String>,
}

/// The deepest nesting read; deeper groups are skipped whole.
const MAX_DEPTH: usize = 256;

impl Reader<'_> {
    fn run(&mut self) {
        // The first group opened is the document; `\*` marks the next control word's group as
        // an optional destination.
        let mut starred = false;
        let mut group_start = false;
        while let Some(&b) = self.rtf.get(self.at) {
            self.at += 1;
            match b {
                b'{' => {
                    self.flush_bytes();
                    self.stack.push(self.state);
                    if self.stack.len() > MAX_DEPTH {
                        self.state.skip = true;
                    }
                    group_start = true;
                    continue;
                }
                b'}' => {
                    self.flush_bytes();
                    self.state = self.stack.pop().unwrap_or(self.state);
                    starred = false;
                }
                b'\\' => {
                    let first_in_group = group_start;
                    group_start = false;
                    match self.control() {
                        Control::Star => {
                            starred = true;
                            continue;
                        }
                        Control::Word(word, param) => {
                            if starred || (first_in_group && SKIPPED.contains(&word.as_str())) {
                                self.state.skip = true;
                            }
                            starred = false;
                            self.word(&word, param);
                        }
                        Control::Text(c) => {
                            starred = false;
                            self.flush_bytes();
                            self.push(c);
                        }
                        Control::Byte(byte) => {
                            starred = false;
                            if !self.state.skip {
                                self.bytes.push(byte);
                            }
                        }
                        Control::None => starred = false,
                    }
                    continue;
                }
                b'\r' | b'\n' => continue,
                _ => {
                    self.flush_bytes();
                    self.push(b as char);
                }
            }
            group_start = false;
        }
        self.flush_bytes();
        self.end_paragraph();
    }

    /// Reads the control word or symbol after a backslash.
    fn control(&mut self) -> Control {
        let Some(&c) = self.rtf.get(self.at) else { return Control::None };
        if !c.is_ascii_alphabetic() {
            self.at += 1;
            return match c {
                b'*' => Control::Star,
                b'\'' => {
                    let hex = self.rtf.get(self.at..self.at + 2).and_then(|h| std::str::from_utf8(h).ok());
                    match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        Some(byte) => {
                            self.at += 2;
                            Control::Byte(byte)
                        }
                        // A cut escape: its hex digits are no text.
                        None => {
                            while self.rtf.get(self.at).is_some_and(u8::is_ascii_hexdigit) {
                                self.at += 1;
                            }
                            Control::None
                        }
                    }
                }
                b'~' => Control::Text('\u{a0}'),
                b'_' => Control::Text('\u{2011}'),
                b'\\' | b'{' | b'}' => Control::Text(c as char),
                // A line break in the source after a backslash is a paragraph mark.
                b'\n' | b'\r' => Control::Word("par".into(), None),
                _ => Control::None,
            };
        }
        let start = self.at;
        while self.rtf.get(self.at).is_some_and(u8::is_ascii_alphabetic) {
            self.at += 1;
        }
        let word = String::from_utf8_lossy(&self.rtf[start..self.at]).to_ascii_lowercase();
        let num_start = self.at;
        if self.rtf.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        while self.rtf.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        let param =
            std::str::from_utf8(&self.rtf[num_start..self.at]).ok().and_then(|n| n.parse::<i64>().ok());
        if self.rtf.get(self.at) == Some(&b' ') {
            self.at += 1;
        }
        Control::Word(word, param)
    }

    /// Acts on a control word.
    fn word(&mut self, word: &str, param: Option<i64>) {
        match word {
            "ansicpg" => {
                if let Some(enc) = param.and_then(|p| codepage(p as u32)) {
                    self.encoding = enc;
                }
            }
            "uc" => self.state.uc = param.unwrap_or(1).clamp(0, 8) as usize,
            "u" => {
                self.flush_bytes();
                let code = param.unwrap_or(0);
                let code = if code < 0 { code + 65536 } else { code };
                if let Some(c) = u32::try_from(code).ok().and_then(char::from_u32) {
                    self.push(c);
                }
                self.skip_fallback();
            }
            "bin" => {
                let n = param.unwrap_or(0).max(0) as usize;
                self.at = (self.at + n).min(self.rtf.len());
            }
            "par" | "row" | "page" | "sect" => {
                self.flush_bytes();
                if !self.state.skip {
                    self.end_paragraph();
                }
            }
            "line" => self.text('\n'),
            "tab" | "cell" => self.text('\t'),
            "emdash" => self.text('—'),
            "endash" => self.text('–'),
            "bullet" => self.text('•'),
            "lquote" => self.text('‘'),
            "rquote" => self.text('’'),
            "ldblquote" => self.text('“'),
            "rdblquote" => self.text('”'),
            _ => {}
        }
    }

    fn text(&mut self, c: char) {
        self.flush_bytes();
        self.push(c);
    }

    /// Skips the `\ucN` fallback characters after a `\uN` character (a `\'hh` counts as one).
    fn skip_fallback(&mut self) {
        for _ in 0..self.state.uc {
            match self.rtf.get(self.at) {
                Some(b'\\') if self.rtf.get(self.at + 1) == Some(&b'\'') => self.at += 4,
                Some(b'{' | b'}' | b'\\') | None => break,
                Some(_) => self.at += 1,
            }
        }
    }

    fn push(&mut self, c: char) {
        if !self.state.skip {
            self.current.push(c);
        }
    }

    /// Decodes the pending `\'hh` bytes in the document's code page.
    fn flush_bytes(&mut self) {
        if !self.bytes.is_empty() {
            let (text, _, _) = self.encoding.decode(&self.bytes);
            let text = text.into_owned();
            self.bytes.clear();
            if !self.state.skip {
                self.current.push_str(&text);
            }
        }
    }

    fn end_paragraph(&mut self) {
        let p = std::mem::take(&mut self.current);
        self.paragraphs.push(p.trim_end().to_string());
    }
}

/// A control word or symbol, as read.
enum Control {
    /// `\*`: the group is an optional destination.
    Star,
    Word(String, Option<i64>),
    /// A symbol standing for a character (`\~`, `\{`).
    Text(char),
    /// `\'hh`: a byte in the document's code page.
    Byte(u8),
    None,
}

/// The encoding of a Windows code page number (`\ansicpg1251`).
fn codepage(cp: u32) -> Option<&'static Encoding> {
    let label = match cp {
        437 | 850 => return Some(encoding_rs::WINDOWS_1252),
        932 => "shift_jis".to_string(),
        936 => "gbk".to_string(),
        949 => "euc-kr".to_string(),
        950 => "big5".to_string(),
        65001 => "utf-8".to_string(),
        874 => "windows-874".to_string(),
        1250..=1258 => format!("windows-{cp}"),
        _ => return None,
    };
    Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_paragraphs_and_escapes() {
        let rtf =
            br#"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}{\colortbl;\red0\green0\blue0;}
{\*\generator Writer 1.0;}{\info{\title Not text}{\author Nobody}}
\pard\plain\f0\fs24 Caf\'e9 owners in Vellmont\par
said \ldblquote no\rdblquote  to the plan\emdash again.\line Second line.\par
{\field{\*\fldinst HYPERLINK "https://x.example"}{\fldrslt the link text}}\par
Ren\u233?e and \u-3913?\u8364\'80 cost\tab ten.\par
{\pict\pngblip 89504e470d0a}Brace \{ and backslash \\\par}"#;
        let p = paragraphs(rtf);
        let p: Vec<&str> = p.iter().map(String::as_str).filter(|p| !p.is_empty()).collect();
        assert_eq!(
            p,
            [
                "Café owners in Vellmont",
                "said “no” to the plan—again.\nSecond line.",
                "the link text",
                "Renée and \u{f0b7}€ cost\tten.",
                "Brace { and backslash \\",
            ]
        );
    }

    #[test]
    fn code_pages_and_broken_input() {
        // Windows-1251 bytes, as a Russian export writes them.
        let p = paragraphs(br"{\rtf1\ansi\ansicpg1251 \'cc\'ee\'f1\'ea\'e2\'e0\par}");
        assert_eq!(p[0], "Москва");
        // Cut short, unbalanced, or with a runaway nesting: no panic, what was read is kept.
        let deep = format!("{{\\rtf1 start {} end", "{".repeat(10_000));
        assert!(paragraphs(deep.as_bytes())[0].starts_with("start"));
        assert_eq!(paragraphs(br"{\rtf1 half a \'4")[0], "half a");
        assert_eq!(paragraphs(br"}}}{\rtf1 x\bin99999")[0], "x");
    }

    #[test]
    fn not_rtf_is_an_error() {
        let input = Input::new("notes.rtf", Format::Rtf);
        let out = RtfParser.parse(&input, b"plain text saved as .rtf");
        assert!(out[0].as_ref().unwrap_err().to_string().contains("not an RTF document"));
    }
    #[test]
    fn word_processor_constructs() {
        // What WordPad and Word write: a picture with its fallback copy, a list item's bullet,
        // a table row, bookmarks.
        let rtf =
            br#"{\rtf1\ansi\deff0\nouicompat{\fonttbl{\f0\fnil Calibri;}}{\*\generator Riched20 10.0}\uc1
\pard\f0 Headline\par
{\*\shppict{\pict{\*\picprop}\wmetafile8 0100090000}}{\nonshppict{\pict\wmetafile8 0100}}By Jane Doe\par
{\listtext\f1\u8226?\tab}First point\par
\pard\intbl Cell one\cell Cell two\cell\row
{\*\bkmkstart _GoBack}{\*\bkmkend _GoBack}The end.\par}"#;
        assert_eq!(
            paragraphs(rtf),
            ["Headline", "By Jane Doe", "•\tFirst point", "Cell one\tCell two", "The end.", ""]
        );
    }
}
