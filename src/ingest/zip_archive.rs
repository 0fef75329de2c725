//! Zip archives, as news databases and colleagues hand over a batch of articles: every member is
//! read as the file it is (text, HTML, JSON, JSONL, news XML, WARC, PDF, gzipped or not), by the
//! parser for its format.
//!
//! A member's articles name it after the archive: `exports.zip!/2019/story.html`, and
//! `exports.zip!/feed.jsonl#3` for a record inside it. Folders, hidden entries (`__MACOSX/`,
//! `.DS_Store`) and documentation (`README`, `LICENSE`) are passed over, as when walking a
//! folder. A member morgue cannot read (an encrypted or damaged entry, a zip inside the zip) is
//! one error naming it; the other members are still read. All members together may
//! inflate to at most [`compress::MAX_INFLATED`] bytes.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::ingest::{compress, detect_named, is_documentation, parser_for, Input, Parser};

/// Reads zip archives.
#[derive(Debug, Clone, Copy, Default)]
pub struct ZipParser;

impl Parser for ZipParser {
    fn format(&self) -> Format {
        Format::Zip
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        let mut found = Members::new(&input.path);
        match ::zip::ZipArchive::new(Cursor::new(bytes)) {
            Ok(mut archive) => {
                for i in 0..archive.len() {
                    if !found.take(i, archive.by_index(i)) {
                        break;
                    }
                }
            }
            // No central directory (it comes last, so a cut download lacks it): the entries are
            // read in file order up to the damage, and the damage is reported.
            Err(e) => {
                let mut stream = Cursor::new(bytes);
                let mut i = 0;
                while let Ok(Some(entry)) = ::zip::read::read_zipfile_from_stream(&mut stream) {
                    if !found.take(i, Ok(entry)) {
                        break;
                    }
                    i += 1;
                }
                found
                    .failed
                    .push(ParseError::new(&input.path, ParseErrorKind::Compressed(format!("zip: {e}"))));
            }
        }
        let Members { members, failed, .. } = found;
        if members.is_empty() && failed.is_empty() {
            let reason = "the zip archive holds no files".to_string();
            return vec![Err(ParseError::new(&input.path, ParseErrorKind::NotAnArticle(reason)))];
        }
        // Members are independent: a large archive keeps every core busy.
        let mut out: Vec<Result<Article, ParseError>> =
            members.par_iter().map(|(at, content)| read_member(at, content)).flatten().collect();
        out.extend(failed.into_iter().map(Err));
        out
    }
}

/// The members read from an archive so far, and the entries that could not be read.
struct Members<'p> {
    archive: &'p Path,
    members: Vec<(PathBuf, Vec<u8>)>,
    failed: Vec<ParseError>,
    /// How many more bytes the members may inflate to.
    budget: u64,
}

impl<'p> Members<'p> {
    fn new(archive: &'p Path) -> Self {
        Members { archive, members: Vec::new(), failed: Vec::new(), budget: compress::MAX_INFLATED }
    }

    /// Reads entry `index`; false when reading must stop (the size budget is spent).
    fn take<R: Read>(
        &mut self,
        index: usize,
        entry: ::zip::result::ZipResult<::zip::read::ZipFile<'_, R>>,
    ) -> bool {
        let unnamed = || PathBuf::from(format!("{}!/#{}", self.archive.display(), index + 1));
        let mut entry = match entry {
            Ok(e) => e,
            Err(e) => {
                self.failed.push(ParseError::new(unnamed(), ParseErrorKind::Compressed(format!("zip: {e}"))));
                return true;
            }
        };
        let name = match entry.name() {
            Ok(n) => n.into_owned(),
            Err(e) => {
                self.failed.push(ParseError::new(unnamed(), ParseErrorKind::Compressed(format!("zip: {e}"))));
                return true;
            }
        };
        if entry.is_dir() || !is_article_member(&name) {
            return true;
        }
        let at = member_path(self.archive, &name);
        let mut content = Vec::new();
        match (&mut entry).take(self.budget + 1).read_to_end(&mut content) {
            Err(e) => self.failed.push(ParseError::new(at, ParseErrorKind::Compressed(format!("zip: {e}")))),
            Ok(n) if n as u64 > self.budget => {
                let limit = compress::MAX_INFLATED >> 20;
                let reason = format!("the archive inflates to more than {limit} MiB; split it");
                self.failed.push(ParseError::new(at, ParseErrorKind::Compressed(reason)));
                return false;
            }
            Ok(n) => {
                self.budget -= n as u64;
                self.members.push((at, content));
            }
        }
        true
    }
}

/// The path a member's articles and errors go by: `archive.zip!/dir/name.html`.
fn member_path(archive: &Path, name: &str) -> PathBuf {
    PathBuf::from(format!("{}!/{}", archive.display(), name.trim_start_matches('/')))
}

/// True for a member that may hold articles: not hidden (`__MACOSX/…`, `.DS_Store`) and not a
/// corpus's documentation.
fn is_article_member(name: &str) -> bool {
    let hidden = name.split('/').any(|part| part.starts_with('.') || part == "__MACOSX");
    !hidden && !is_documentation(Path::new(name))
}

/// One member's articles, read by the parser for its format. They are enriched with the rest
/// of the archive's articles by the caller.
fn read_member(at: &Path, content: &[u8]) -> Vec<Result<Article, ParseError>> {
    let head = &content[..content.len().min(4096)];
    let detected = detect_named(at, head, || compress::inflated_head(content, 4096));
    let (format, compression) = match detected {
        Ok((Format::Zip, _)) => {
            let reason = "a zip inside a zip is not read; extract it first".to_string();
            return vec![Err(ParseError::new(at, ParseErrorKind::NotAnArticle(reason)))];
        }
        Ok(found) => found,
        Err(kind) => return vec![Err(ParseError::new(at, kind))],
    };
    let (bytes, damage) = compress::content(content, compression);
    let mut out = if bytes.iter().all(u8::is_ascii_whitespace) {
        vec![Err(ParseError::new(at, ParseErrorKind::Empty))]
    } else {
        let member = Input { path: at.to_path_buf(), format, compression: compress::Compression::None };
        parser_for(format).parse(&member, &bytes)
    };
    out.extend(damage.map(|kind| Err(ParseError::new(at, kind))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = ::zip::write::SimpleFileOptions::default();
        for (name, bytes) in files {
            if name.ends_with('/') {
                w.add_directory(*name, opts).unwrap();
            } else {
                w.start_file(*name, opts).unwrap();
                w.write_all(bytes).unwrap();
            }
        }
        w.finish().unwrap().into_inner()
    }

    fn parse(bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        ZipParser.parse(&Input::new(PathBuf::from("batch.zip"), Format::Zip), bytes)
    }

    #[test]
    fn members_are_read_as_the_files_they_are() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"Title: Packed\n\nA gzipped text inside the zip.\n").unwrap();
        let gz = gz.finish().unwrap();
        use crate::ingest::pdf::writer::{line, pdf};
        let mut text = line("The ferry runs again from October.");
        text.gap_before = 12;
        let pdf = pdf(&[vec![line("Ferry returns"), text]]);
        let zip = zip_of(&[
            ("2019/", b""),
            ("2019/story.txt", b"Title: First\nBy: Jane Doe\n\nThe first story's text.\n"),
            ("feed.jsonl", b"{\"title\": \"A\", \"text\": \"a\"}\n{\"title\": \"B\", \"text\": \"b\"}\n"),
            ("packed.txt.gz", &gz),
            ("clip.pdf", &pdf),
            ("__MACOSX/2019/._story.txt", b"\0\x05\x16\x07"),
            (".DS_Store", b"\0\0\0\x01Bud1"),
            ("README.md", b"# About this export\n"),
        ]);
        let out = parse(&zip);
        let sources: Vec<&str> = out.iter().map(|r| r.as_ref().unwrap().source.as_str()).collect();
        assert_eq!(
            sources,
            [
                "batch.zip!/2019/story.txt",
                "batch.zip!/feed.jsonl#1",
                "batch.zip!/feed.jsonl#2",
                "batch.zip!/packed.txt.gz",
                "batch.zip!/clip.pdf"
            ]
        );
        let first = out[0].as_ref().unwrap();
        assert_eq!(
            (first.headline.as_deref(), first.byline.as_slice()),
            (Some("First"), &["Jane Doe".to_string()][..])
        );
        assert_eq!(out[3].as_ref().unwrap().headline.as_deref(), Some("Packed"));
        let clip = out[4].as_ref().unwrap();
        assert_eq!(
            (clip.headline.as_deref(), clip.body.as_str()),
            (Some("Ferry returns"), "The ferry runs again from October.")
        );
    }

    #[test]
    fn unreadable_members_are_reported_and_the_rest_kept() {
        let inner = zip_of(&[("a.txt", b"Title: Inner\n\nText.\n")]);
        let zip = zip_of(&[
            ("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            ("cut.pdf", b"%PDF-1.4\n\0\0\0\x01binary"),
            ("nested.zip", &inner),
            ("bad.jsonl", b"{\"title\": \"Good\", \"text\": \"g\"}\n{not json\n"),
        ]);
        let out = parse(&zip);
        let errors: Vec<String> =
            out.iter().filter_map(|r| r.as_ref().err()).map(|e| e.to_string()).collect();
        assert_eq!(out.iter().filter(|r| r.is_ok()).count(), 1);
        assert!(errors.iter().any(|e| e.starts_with("batch.zip!/photo.png: binary file")), "{errors:?}");
        assert!(errors.iter().any(|e| e.starts_with("batch.zip!/cut.pdf: unreadable PDF")), "{errors:?}");
        assert!(
            errors.iter().any(|e| e.starts_with("batch.zip!/nested.zip: not an article: a zip inside a zip")),
            "{errors:?}"
        );
        assert!(errors.iter().any(|e| e.starts_with("batch.zip!/bad.jsonl:2: invalid JSON")), "{errors:?}");
    }

    #[test]
    fn a_cut_archive_keeps_the_entries_before_the_cut() {
        let long = "Long text of the second entry. ".repeat(200);
        let second = format!("Title: B\n\n{long}\n");
        let zip = zip_of(&[("a.txt", b"Title: A\n\nText.\n"), ("b.txt", second.as_bytes())]);
        let out = parse(&zip[..zip.len() / 2]);
        let errors: Vec<String> =
            out.iter().filter_map(|r| r.as_ref().err()).map(|e| e.to_string()).collect();
        assert_eq!(out.iter().filter(|r| r.is_ok()).count(), 1, "{errors:?}");
        assert_eq!(out[0].as_ref().unwrap().headline.as_deref(), Some("A"));
        assert!(
            errors.iter().any(|e| e.starts_with("batch.zip: damaged compressed file: zip")),
            "{errors:?}"
        );
    }

    #[test]
    fn an_empty_archive_says_so() {
        let out = parse(&zip_of(&[("empty/", b"")]));
        assert!(matches!(&out[..], [Err(e)] if e.to_string().contains("holds no files")));
    }
}
