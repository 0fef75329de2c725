//! Plain-text and Markdown articles: an optional front-matter header, then heuristics for what a
//! saved or pasted article carries above and below its text — a headline, photo captions and
//! credits, a byline, a date line — and the teasers that follow it.
//!
//! Field values go through the shared extractors (`extract::byline`, `extract::date`,
//! `extract::boilerplate`); this file only decides which line is which.

use super::record::{self, RecordKey, Value};
use super::{decode, factiva, Input, Parser};
use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::extract::{boilerplate, byline, date, dateline, language};

/// Reads `.txt` and `.md` files, one article per file.
pub struct TextParser;

impl Parser for TextParser {
    fn format(&self) -> Format {
        Format::Text
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        let text = match decode::utf8_text(bytes) {
            Ok(t) => t,
            Err(kind) => return vec![Err(ParseError::new(&input.path, kind))],
        };
        // A news database's export saved as text may hold several articles.
        if text.lines().any(|l| ends_exported_article(l.trim())) {
            let lines: Vec<String> = text.lines().map(str::to_string).collect();
            return split_exported(&lines, "\n", input);
        }
        vec![Ok(parse_text(&text, input.path.display().to_string()))]
    }
}

/// Parses the text of one article file.
pub fn parse_text(text: &str, source: String) -> Article {
    let mut article = Article::new(source);
    let text = text.replace("\r\n", "\n");
    let (header, rest) = split_front_matter(&text);
    for (key, value) in &header {
        record::apply(&mut article, *key, &Value::Text(value.clone()));
    }
    let lines: Vec<&str> = rest.lines().collect();
    if factiva::is_indexed(&lines) {
        let text = factiva::read(&lines, &mut article);
        article.body = body_paragraphs(&text, &mut article);
        return article;
    }
    let body_start = read_head(&lines, &mut article);
    let body = body_paragraphs(&lines[body_start..], &mut article);
    article.body = body;
    article
}

/// Reads the paragraphs of a document a news database exported (a Word or RTF file): one
/// article, or several, each read by [`parse_text`]. Nexis Uni closes each article with an "End
/// of Document" line, Factiva with its accession number (`Document NYTF000020200312eg3c0005x`);
/// with several articles, each has the source `path#N`.
pub fn parse_exported(paragraphs: &[String], input: &Input) -> Vec<Result<Article, ParseError>> {
    split_exported(paragraphs, "\n\n", input)
}

/// [`parse_exported`] over pieces of text (paragraphs, or a text file's lines) that `joiner`
/// puts back together.
fn split_exported(pieces: &[String], joiner: &str, input: &Input) -> Vec<Result<Article, ParseError>> {
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    for p in pieces {
        if ends_exported_article(p.trim()) {
            parts.push(Vec::new());
        } else if let Some(part) = parts.last_mut() {
            part.push(p);
        }
    }
    let parts: Vec<String> =
        parts.into_iter().map(|ps| ps.join(joiner)).filter(|t| !t.trim().is_empty()).collect();
    if parts.is_empty() {
        let kind = ParseErrorKind::NotAnArticle("the document has no text".into());
        return vec![Err(ParseError::new(&input.path, kind))];
    }
    let source = input.path.display().to_string();
    let many = parts.len() > 1;
    parts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let n = i + 1;
            let article = parse_text(text, if many { format!("{source}#{n}") } else { source.clone() });
            if article.body.trim().is_empty() && article.headline.is_none() {
                let e = ParseError::new(&input.path, ParseErrorKind::NotAnArticle("no text".into()));
                return Err(if many { e.at_record(n) } else { e });
            }
            Ok(article)
        })
        .collect()
}

/// True for the line that closes an article in a database export: "End of Document" (Nexis
/// Uni), or "Document" and a Factiva accession number (letters and digits, 20 or more), after
/// the `AN` code in Factiva's layout with index fields.
pub(crate) fn ends_exported_article(line: &str) -> bool {
    if line.eq_ignore_ascii_case("end of document") {
        return true;
    }
    // Factiva's layout with index fields labels it: `AN  Document …`.
    let line = line.strip_prefix("AN").map(str::trim_start).unwrap_or(line);
    line.strip_prefix("Document ")
        .is_some_and(|id| id.len() >= 20 && id.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Splits a front-matter header off the text: either a `---` block, or `Key: value` lines at the
/// very top ending at the first blank line. Only known keys count; a text whose first line is not
/// a known key has no header.
fn split_front_matter(text: &str) -> (Vec<(RecordKey, String)>, &str) {
    let trimmed = text.trim_start_matches('\u{feff}');
    if let Some(after) = trimmed.strip_prefix("---\n") {
        if let Some(end) = after.find("\n---") {
            let block = &after[..end];
            let rest = after[end + 4..].trim_start_matches(|c| c != '\n').trim_start_matches('\n');
            let fields = block.lines().filter_map(header_line).collect();
            return (fields, rest);
        }
    }
    let mut fields = Vec::new();
    let mut consumed = 0;
    for line in trimmed.split_inclusive('\n') {
        if line.trim().is_empty() {
            if !fields.is_empty() {
                consumed += line.len();
            }
            break;
        }
        match header_line(line) {
            Some(f) => {
                fields.push(f);
                consumed += line.len();
            }
            None => {
                // A header must be all key lines; otherwise the first lines are the article.
                fields.clear();
                consumed = 0;
                break;
            }
        }
    }
    (fields, &trimmed[consumed..])
}

/// Reads one `Key: value` header line with a known key.
fn header_line(line: &str) -> Option<(RecordKey, String)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    if key.is_empty()
        || key.len() > 20
        || key.contains(char::is_whitespace) && key.split_whitespace().count() > 2
    {
        return None;
    }
    let value = value.trim().trim_matches('"').trim();
    let (field, _) = record::key_for(key)?;
    (!value.is_empty()).then(|| (field, value.to_string()))
}

/// A line that belongs to the article's text rather than its head: long, or a full sentence, or
/// opening with a wire dateline.
fn is_body_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends_sentence = line.trim_end().ends_with(['.', '!', '?', '"', '”', '’', ':', ';']);
    words >= 25 || (words >= 8 && ends_sentence) || dateline::find_dateline(line).is_some()
}

/// Reads the lines above the text: headline, captions and credits, byline, date line. Returns the
/// index of the first body line.
fn read_head(lines: &[&str], article: &mut Article) -> usize {
    // The last short line not yet placed: a headline candidate, or a caption when a credit follows.
    let mut pending: Option<String> = None;
    let mut export_head = false;
    let mut seen = 0;
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        let line = raw.trim();
        if line.is_empty() {
            i += 1;
            continue;
        }
        // A news database's export (Nexis Uni's layout): labelled lines between the headline
        // and the text, which a line reading "Body" opens.
        if line == "Body" {
            flush_headline(&mut pending, article);
            i += 1;
            break;
        }
        if let Some(label) = export_label(line) {
            flush_headline(&mut pending, article);
            if let ExportLine::Field(key, value) = label {
                let unset = match key {
                    RecordKey::Byline => article.byline.is_empty(),
                    RecordKey::Section => article.section.is_none(),
                    RecordKey::Dateline => article.dateline.is_none(),
                    RecordKey::Language => article.language.is_none(),
                    RecordKey::Description => article.description.is_none(),
                    _ => false,
                };
                if unset {
                    record::apply(article, key, &Value::Text(value));
                }
            }
            i += 1;
            continue;
        }
        // Factiva's export ("Article Format"): a word count line opens the source's lines —
        // date, time (its zone is not stated: kept without an offset), publication, source
        // code, edition, language — which the copyright line closes.
        if word_count_line(line) {
            flush_headline(&mut pending, article);
            export_head = true;
            i += 1;
            continue;
        }
        if export_head && copyright_holder(line).is_none() && !is_body_line(line) {
            if let Some((d, _)) = date_line(line) {
                article.published.get_or_insert(d);
            } else if let Some((time, offset)) = clock_time(line) {
                article.published = article.published.map(|d| d.at_time(time, offset));
            } else if line.len() > 3
                && !line.contains(char::is_whitespace)
                && language::normalize_code(line).is_some()
            {
                if article.language.is_none() {
                    article.language = language::normalize_code(line);
                }
            } else if article.outlet.is_none() && !is_source_code(line) {
                article.outlet = Some(line.to_string());
            }
            i += 1;
            continue;
        }
        if let Some(holder) = copyright_holder(line) {
            export_head = false;
            flush_headline(&mut pending, article);
            // The publication's name under the headline, which the copyright line repeats, is
            // the outlet rather than a deck.
            if article.description.as_deref().is_some_and(|d| same_words(d, &holder)) {
                article.description = None;
            }
            article.outlet.get_or_insert(holder);
            i += 1;
            continue;
        }
        // A Markdown heading is never the text's first line, however long.
        let heading = line.strip_prefix('#').map(|h| h.trim_start_matches('#').trim());
        if (heading.is_none() && is_body_line(line)) || seen >= 8 {
            break;
        }
        seen += 1;
        if boilerplate::is_photo_credit(line) {
            // seed: line 1 is a photo caption, line 2 its credit
            if let Some(caption) = pending.take() {
                article.captions.push(caption);
            }
            article.credits.push(line.to_string());
        } else if let Some(names) = byline::parse_byline_line(line) {
            flush_headline(&mut pending, article);
            if article.byline.is_empty() {
                article.byline = names;
            }
        } else if let Some((d, updated)) = date_line(line) {
            flush_headline(&mut pending, article);
            if updated {
                article.modified.get_or_insert(d);
            } else if article.published.is_none() {
                article.published = Some(d);
            }
        } else if let Some((caption, credit)) = boilerplate::split_inline_credit(line) {
            flush_headline(&mut pending, article);
            if !caption.is_empty() {
                article.captions.push(caption);
            }
            article.credits.push(credit);
        } else {
            let candidate = heading.unwrap_or(line).to_string();
            if let Some(h) = &article.headline {
                // A Markdown heading repeating the stated title is not text.
                if heading.is_some() && same_words(h, &candidate) {
                    i += 1;
                    continue;
                }
            }
            let has_headline = article.headline.is_some() || pending.is_some();
            let ends_sentence = candidate.ends_with(['.', '!', '?', '"', '”']);
            if has_headline && (ends_sentence || pending.is_none()) {
                // With a headline known, a further plain line starts the text (a deck without
                // final punctuation right under the headline is the one exception).
                break;
            }
            match pending.replace(candidate) {
                // Two short lines in a row: the first was the headline, the next is a deck.
                Some(first) if article.headline.is_none() => {
                    article.headline = Some(first);
                    if let Some(deck) = pending.take() {
                        article.description.get_or_insert(deck);
                    }
                }
                Some(first) => {
                    article.description.get_or_insert(first);
                }
                None => {}
            }
        }
        i += 1;
    }
    flush_headline(&mut pending, article);
    // Wire copy often carries only an "Updated …" stamp: it is then the best date there is.
    if article.published.is_none() {
        article.published = article.modified;
    }
    i
}

/// A word count line of an export's head: "612 words", "1,204 words".
fn word_count_line(line: &str) -> bool {
    line.strip_suffix(" words")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b','))
}

/// A time of day alone on its line ("14:05", "9:30 AM", "14:05 GMT"): the time, and a zero
/// offset when the line says GMT or UTC (another zone's name is not read).
pub(crate) fn clock_time(line: &str) -> Option<(chrono::NaiveTime, Option<i32>)> {
    let mut words = line.split_whitespace();
    let (h, m) = words.next()?.split_once(':')?;
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 1..=2) || !digits(m, 2..=2) {
        return None;
    }
    let rest: Vec<String> = words.map(str::to_ascii_uppercase).collect();
    if rest.len() > 2 || rest.iter().any(|w| w.len() > 4 || !w.chars().all(|c| c.is_ascii_alphabetic())) {
        return None;
    }
    let (mut hour, minute): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    match rest.first().map(String::as_str) {
        Some("PM") if hour < 12 => hour += 12,
        Some("AM") if hour == 12 => hour = 0,
        _ => {}
    }
    let utc = rest.iter().any(|w| w == "GMT" || w == "UTC" || w == "Z");
    Some((chrono::NaiveTime::from_hms_opt(hour, minute, 0)?, utc.then_some(0)))
}

/// A source code of an export's head: one word of capitals and digits ("NYTF", "WSJO").
fn is_source_code(line: &str) -> bool {
    (2..=8).contains(&line.len()) && line.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    norm(a) == norm(b)
}

/// A labelled line of a database export's head: a field it states, or a label morgue has no
/// field for (`Length: 812 words`, `Load-Date: …`).
enum ExportLine {
    Field(RecordKey, String),
    Other,
}

/// The labels a news database's export writes around an article (Nexis Uni's among them).
const EXPORT_LABELS: &[&str] = &[
    "byline",
    "section",
    "dateline",
    "language",
    "length",
    "load-date",
    "publication-type",
    "journal-code",
    "highlight",
    "graphic",
    "correction-date",
    "correction",
    "document-type",
    "subject",
    "geographic",
    "company",
    "organization",
    "person",
    "industry",
    "ticker",
];

/// Reads an export's labelled line (`Byline: Jane Doe`, `Length: 812 words`); `None` for other
/// lines.
fn export_label(line: &str) -> Option<ExportLine> {
    let (label, value) = line.split_once(':')?;
    let label = label.trim().to_ascii_lowercase();
    if !EXPORT_LABELS.contains(&label.as_str()) || value.trim().is_empty() {
        return None;
    }
    let value = value.trim().to_string();
    Some(match label.as_str() {
        "byline" => ExportLine::Field(RecordKey::Byline, value),
        "section" => ExportLine::Field(RecordKey::Section, value),
        "dateline" => ExportLine::Field(RecordKey::Dateline, value),
        "language" => ExportLine::Field(RecordKey::Language, value),
        "highlight" => ExportLine::Field(RecordKey::Description, value),
        _ => ExportLine::Other,
    })
}

/// The holder a copyright line names ("Copyright 2025 The Daily Compass", "© 2025 Ardent
/// County Times", "(c) 2003 Agence France-Presse"): the publication, in an export's head or a
/// wire item.
pub(crate) fn copyright_holder(line: &str) -> Option<String> {
    let rest = ["Copyright", "©", "(c)", "(C)"].iter().find_map(|p| line.strip_prefix(p))?.trim_start();
    let rest = rest.strip_prefix('©').unwrap_or(rest).trim_start();
    let rest = rest.strip_prefix("(c)").unwrap_or(rest).trim_start();
    let year_end = rest.find(|c: char| !c.is_ascii_digit())?;
    if year_end != 4 {
        return None;
    }
    let holder = rest[4..].trim();
    let lower = holder.to_ascii_lowercase();
    let holder = match lower.find("all rights reserved") {
        Some(i) => &holder[..i],
        None => holder,
    };
    let holder = holder.trim().trim_end_matches(['.', ',', ';']).trim();
    (!holder.is_empty() && holder.split_whitespace().count() <= 8).then(|| holder.to_string())
}

fn flush_headline(pending: &mut Option<String>, article: &mut Article) {
    if let Some(p) = pending.take() {
        if article.headline.is_none() {
            article.headline = Some(p);
        } else {
            article.description.get_or_insert(p);
        }
    }
}

/// A line that is only a date, possibly with "Published"/"Updated" words around it; the flag is
/// true for an update stamp.
fn date_line(line: &str) -> Option<(crate::article::PubDate, bool)> {
    if line.split_whitespace().count() > 12 {
        return None;
    }
    let lower = line.to_lowercase();
    let updated =
        lower.starts_with("updated") || lower.starts_with("modified") || lower.starts_with("last updated");
    date::parse_date(line).map(|d| (d, updated))
}

/// Joins the body lines into paragraphs (blank-line separated; hard-wrapped lines joined), moving
/// credits and credited captions out of the text.
fn body_paragraphs(lines: &[&str], article: &mut Article) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, paras: &mut Vec<String>| {
        if !current.is_empty() {
            paras.push(current.join(" "));
            current.clear();
        }
    };
    for raw in lines {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut current, &mut paras);
            continue;
        }
        if boilerplate::is_photo_credit(line) {
            flush(&mut current, &mut paras);
            article.credits.push(line.to_string());
            continue;
        }
        let line = line.strip_prefix('#').map(|h| h.trim_start_matches('#').trim()).unwrap_or(line);
        current.push(line);
    }
    flush(&mut current, &mut paras);
    // An export's classification block closes the text (`Load-Date: …`, `Classification`,
    // `Subject: …`): index data, not the article's words.
    while paras.last().is_some_and(|p| p == "Classification" || export_label(p).is_some()) {
        paras.pop();
    }
    let mut kept = Vec::with_capacity(paras.len());
    for p in paras {
        match boilerplate::split_inline_credit(&p) {
            // A short paragraph carrying a photo credit is a caption.
            Some((caption, credit)) if caption.split_whitespace().count() <= 40 => {
                if !caption.is_empty() {
                    article.captions.push(caption);
                }
                article.credits.push(credit);
            }
            Some((text, credit)) => {
                article.credits.push(credit);
                kept.push(text);
            }
            None => kept.push(p),
        }
    }
    kept.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times() {
        let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(clock_time("10:42"), Some((t(10, 42), None)));
        assert_eq!(clock_time("9:30 PM"), Some((t(21, 30), None)));
        assert_eq!(clock_time("12:05 am"), Some((t(0, 5), None)));
        assert_eq!(clock_time("14:05 GMT"), Some((t(14, 5), Some(0))));
        for no in ["10:42 words", "25:00", "10:4", "Updated 10:42", "10:42 PM EST today"] {
            assert_eq!(clock_time(no), None, "{no}");
        }
    }

    #[test]
    fn front_matter_header_lines() {
        let a = parse_text(
            "Title: Plan shelved\nBy: Ana Ruiz\nDate: 2023-03-03\nSource: The Ledger\nURL: https://l.example/1\n\nBody text here.\n",
            "x.txt".into(),
        );
        assert_eq!(a.headline.as_deref(), Some("Plan shelved"));
        assert_eq!(a.outlet.as_deref(), Some("The Ledger"));
        assert_eq!(a.url.as_deref(), Some("https://l.example/1"));
        assert_eq!(a.published.map(|d| d.to_iso()).as_deref(), Some("2023-03-03"));
        assert_eq!(a.byline, vec!["Ana Ruiz"]);
        assert_eq!(a.body, "Body text here.");
    }

    #[test]
    fn yaml_block() {
        let a = parse_text(
            "---\ntitle: \"Heat plan\"\nauthor: Tom Becker\ndate: March 3, 2023\nlanguage: es\n---\n# Heat plan\n\nEl texto.\n",
            "x.md".into(),
        );
        assert_eq!(a.headline.as_deref(), Some("Heat plan"));
        assert_eq!(a.language.as_deref(), Some("es"));
        assert_eq!(a.body, "El texto.");
    }

    #[test]
    fn header_needs_known_keys_only() {
        let a = parse_text("Note: this is not a header line\n\nText.\n", "x.txt".into());
        assert_eq!(a.headline.as_deref(), Some("Note: this is not a header line"));
    }

    #[test]
    fn seed_head_and_tail() {
        let seed = include_str!("../../sample_corpus/000_635a76db266ea16c.txt");
        let mut a = parse_text(seed, "seed.txt".into());
        // Trailing teasers are split off by `enrich`, for every format.
        crate::extract::enrich(&mut a);
        assert_eq!(a.headline, None);
        assert_eq!(a.captions, vec!["Former President Donald Trump"]);
        assert_eq!(a.credits, vec!["Drew Angerer/Getty Images"]);
        assert!(a.byline.is_empty(), "{:?}", a.byline);
        assert_eq!(a.published, None);
        assert!(a.body.starts_with("Former President Donald Trump is asking his advisers"));
        assert!(!a.body.contains("ALSO IN THE NEWS"));
        assert_eq!(a.teasers.len(), 1);
        assert!(a.body.ends_with("civil wars. The U.S. and Mexican governments are working toward a deal where the former cracks down on guns going south to arm the cartels, while the latter tries to stop fentanyl from going north.") || a.body.ends_with("north."));
    }

    #[test]
    fn wire_story_head() {
        let mut a = parse_text(
            "Mexico rejects talk of strikes\nBy Jane Doe\n\nMEXICO CITY, March 3 (AP) — Mexico's president on Friday rejected any foreign military action against drug cartels on its soil.\n\nSoldiers patrol in Culiacán. (AP Photo/Luis Ortega)\n\nRead more: Cartels and the border\n",
            "w.txt".into(),
        );
        crate::extract::enrich(&mut a);
        assert_eq!(a.headline.as_deref(), Some("Mexico rejects talk of strikes"));
        assert_eq!(a.byline, vec!["Jane Doe"]);
        assert_eq!(a.captions, vec!["Soldiers patrol in Culiacán."]);
        assert_eq!(a.credits, vec!["(AP Photo/Luis Ortega)"]);
        assert!(a.body.starts_with("MEXICO CITY, March 3 (AP)"));
        assert!(!a.body.contains("Read more"));
    }

    #[test]
    fn a_database_export_layout() {
        let a = parse_text(
            "Vellmont weighs a tax on vacant lots\n\nArdent County Times\n\nAugust 4, 2025 Monday\n\n\
             Copyright 2025 Ardent County Times\n\nSection: LOCAL; Pg. A3\n\nLength: 96 words\n\n\
             Byline: Marcus Lee\n\nBody\n\nVELLMONT — The City Council will hold a hearing in September on a tax \
             on vacant lots.\n\nCouncil member Tomas Reyes said 140 lots stood empty.\n\nClassification\n\n\
             Language: ENGLISH\n\nLoad-Date: August 5, 2025\n",
            "nexis.txt".into(),
        );
        assert_eq!(a.headline.as_deref(), Some("Vellmont weighs a tax on vacant lots"));
        assert_eq!(a.outlet.as_deref(), Some("Ardent County Times"));
        assert_eq!(a.description, None);
        assert_eq!(a.published.map(|d| d.to_iso()).as_deref(), Some("2025-08-04"));
        assert_eq!(a.section.as_deref(), Some("LOCAL; Pg. A3"));
        assert_eq!(a.byline, ["Marcus Lee"]);
        assert!(a.body.starts_with("VELLMONT — The City Council"), "{}", a.body);
        assert!(a.body.ends_with("140 lots stood empty."), "{}", a.body);
        assert_eq!(
            copyright_holder("© 2025 The Daily Compass. All Rights Reserved"),
            Some("The Daily Compass".into())
        );
        assert_eq!(copyright_holder("Copyright laws are strict"), None);
    }

    #[test]
    fn date_line_in_head() {
        let a = parse_text("City adopts heat plan\nMarch 3, 2023\n\nThe council voted on a plan to open cooling centers across the city this summer.\n", "d.txt".into());
        assert_eq!(a.published.map(|d| d.to_iso()).as_deref(), Some("2023-03-03"));
        assert_eq!(a.headline.as_deref(), Some("City adopts heat plan"));
    }
    #[test]
    fn factiva_export_layout() {
        let paragraphs: Vec<String> = [
            "Bus contract signed",
            "By Dana Whitlock",
            "1,418 words",
            "5 August 2025",
            "10:42 GMT",
            "The Vellmont Beacon",
            "VELBEA",
            "Final",
            "English",
            "Copyright 2025 Vellmont Beacon Media Inc. All rights reserved.",
            "Short lead.",
            "The city signed its contract for forty buses on Monday, a week after the council vote.",
            "Document VELBEA0020250805el8500001",
            "Second story",
            "212 words",
            "6 August 2025",
            "The Northfield Courier",
            "Deutsch",
            "© 2025 The Northfield Courier",
            "Its text, which is long enough to be read as the body of a news article.",
            "Document NFCOUR0020250806el8600002",
        ]
        .map(String::from)
        .to_vec();
        let out = parse_exported(&paragraphs, &Input::new("export.rtf", Format::Rtf));
        assert_eq!(out.len(), 2);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.source, "export.rtf#1");
        assert_eq!(a.headline.as_deref(), Some("Bus contract signed"));
        assert_eq!(a.byline, ["Dana Whitlock"]);
        // The time line gives the date its time ("10:42 GMT": in UTC).
        assert_eq!(a.published.map(|d| d.to_iso()).as_deref(), Some("2025-08-05T10:42:00Z"));
        // The source name line, not the copyright holder, nor the code, time or edition.
        assert_eq!(a.outlet.as_deref(), Some("The Vellmont Beacon"));
        assert_eq!(a.language.as_deref(), Some("en"));
        // After the copyright line, a short line is text again.
        assert!(a.body.starts_with("Short lead.\n\nThe city signed"), "{}", a.body);
        assert!(!a.body.contains("Document"), "{}", a.body);
        let b = out[1].as_ref().unwrap();
        assert_eq!(b.source, "export.rtf#2");
        assert_eq!(b.outlet.as_deref(), Some("The Northfield Courier"));
        assert_eq!(b.language.as_deref(), Some("de"));
        assert!(b.byline.is_empty());
    }
}
