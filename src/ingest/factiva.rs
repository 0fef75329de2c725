//! Factiva's "Full Article/Report plus Indexing" layout, as Factiva writes it to RTF, PDF and
//! text: each field on lines that open with its code (`HD` headline, `BY` byline, `PD`
//! publication date, `SN` source name, `LP` lead paragraph, `TD` text, `AN` accession number
//! ...), a field's value running on over the lines after it until the next code. [`read`] fills
//! an article's fields from such lines and hands back the text's lines; the index fields
//! (companies, industries, subjects, regions) are not the article's words and are left out.
//!
//! Written from Factiva's description of its export formats; no real export could be used here.

use super::record::{self, RecordKey, Value};
use super::text::{clock_time, copyright_holder};
use crate::article::Article;
use crate::extract::{byline, date, language};

/// The codes of the layout's fields.
const CODES: &[&str] = &[
    "SE", "HD", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CT", "RF", "CO",
    "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "BY", "CLM", "ART", "NGC", "RST",
];

/// The codes of the index fields that follow the text: inside the text, a line opening with one
/// of these is taken for that field only when it reads like index data.
const AFTER_TEXT: &[&str] = &["CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "NGC", "RST"];

/// Splits a line into its field code and the value after it, for a line that opens with a code
/// (followed by a tab, spaces or nothing).
fn code_of(line: &str) -> Option<(&'static str, &str)> {
    let end = line.find(char::is_whitespace).unwrap_or(line.len());
    let code = CODES.iter().find(|c| **c == &line[..end])?;
    Some((code, line[end..].trim()))
}

/// True for text in this layout: its first line opens with a field code, and it has a headline
/// (`HD`) and a text (`LP` or `TD`).
pub(crate) fn is_indexed(lines: &[&str]) -> bool {
    let first = lines.iter().map(|l| l.trim()).find(|l| !l.is_empty());
    let has =
        |wanted: &[&str]| lines.iter().any(|l| code_of(l.trim()).is_some_and(|(c, _)| wanted.contains(&c)));
    first.and_then(code_of).is_some() && has(&["HD"]) && has(&["LP", "TD"])
}

/// True for a value that reads like Factiva's index data: coded entries (`c151 : Earnings`), an
/// accession number, or a publisher's name line.
fn reads_like_index(code: &str, value: &str) -> bool {
    match code {
        "AN" => value.starts_with("Document "),
        "PUB" | "IPD" | "IPC" | "NGC" | "RST" => true,
        _ => value.is_empty() || value.contains(" : ") || value.contains(" | "),
    }
}

/// Fills the article's fields from the layout's lines and returns the lines of its text (the
/// lead paragraph and the text, blank lines kept between paragraphs).
pub(crate) fn read<'a>(lines: &[&'a str], article: &mut Article) -> Vec<&'a str> {
    let mut fields: Vec<(&str, Vec<&'a str>)> = Vec::new();
    let mut in_text = false;
    for raw in lines {
        let line = raw.trim();
        // Inside the text only `TD` (after the lead paragraph) and index data end it.
        let opened = code_of(line).filter(|(code, value)| {
            !in_text || *code == "TD" || (AFTER_TEXT.contains(code) && reads_like_index(code, value))
        });
        match opened {
            Some((code, value)) => {
                in_text = matches!(code, "LP" | "TD");
                fields.push((code, if value.is_empty() { Vec::new() } else { vec![value] }));
            }
            None => {
                if let Some((_, values)) = fields.last_mut() {
                    values.push(line);
                }
            }
        }
    }
    let mut text: Vec<&'a str> = Vec::new();
    for (code, values) in &fields {
        let joined = || values.iter().filter(|v| !v.is_empty()).copied().collect::<Vec<_>>().join(" ");
        match *code {
            "HD" => article.headline = Some(joined()).filter(|h| !h.is_empty()),
            "BY" => {
                let by = joined();
                let names = byline::parse_byline_line(&by).unwrap_or_else(|| byline::split_authors(&by));
                if article.byline.is_empty() {
                    article.byline = names;
                }
            }
            "PD" => {
                if let Some(d) = date::parse_date(&joined()) {
                    article.published.get_or_insert(d);
                }
            }
            // The time of day; its zone is not stated, so it is kept without an offset.
            "ET" => {
                if let Some((time, offset)) = clock_time(&joined()) {
                    article.published = article.published.map(|d| d.at_time(time, offset));
                }
            }
            "SN" => record::apply(article, RecordKey::Outlet, &Value::Text(joined())),
            "SE" => record::apply(article, RecordKey::Section, &Value::Text(joined())),
            "LA" => {
                article.language = article.language.take().or_else(|| language::normalize_code(&joined()))
            }
            "CY" => {
                if let Some(holder) = copyright_holder(&joined()) {
                    article.outlet.get_or_insert(holder);
                }
            }
            "ART" => article.captions.extend(values.iter().filter(|v| !v.is_empty()).map(|v| v.to_string())),
            "LP" | "TD" => {
                if !text.is_empty() {
                    text.push("");
                }
                text.extend(values.iter().copied());
            }
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPORT: &str = "SE\tMetro\nHD\tCouncil backs a later ferry\n\tfor the north shore\nBY\tBy Dana Okafor\nWC\t212 words\nPD\t14 October 2025\nET\t10:42\nSN\tThe Vellmont Beacon\nSC\tVELBEA\nLA\tEnglish\nCY\tCopyright 2025 The Vellmont Beacon. All Rights Reserved.\nLP\tVELLMONT - The City Council voted on Monday to pay for a late ferry.\n\nThe vote was 6-1.\nTD\tIN a letter to the council, cafe owners said the change would help.\n\nCO\tvlmprt : Vellmont Port Authority\nIN\ti7902 : Water Transport\nNS\tgcat : Political/General News\nRE\tusca : California\nIPD\tTransit\nPUB\tVellmont Beacon Company\nAN\tDocument VELBEA0020251014elae00001\n";

    #[test]
    fn reads_the_fields_and_leaves_out_the_index() {
        let lines: Vec<&str> = EXPORT.lines().collect();
        assert!(is_indexed(&lines));
        let mut a = Article::new("f.txt");
        let text = read(&lines, &mut a);
        assert_eq!(a.headline.as_deref(), Some("Council backs a later ferry for the north shore"));
        assert_eq!(a.byline, ["Dana Okafor"]);
        assert_eq!(a.published.map(|d| d.to_iso()).as_deref(), Some("2025-10-14T10:42:00"));
        assert_eq!(a.outlet.as_deref(), Some("The Vellmont Beacon"));
        assert_eq!(a.section.as_deref(), Some("Metro"));
        assert_eq!(a.language.as_deref(), Some("en"));
        // A text line opening with "IN" is text; the index's "IN" line is not.
        assert_eq!(
            text,
            [
                "VELLMONT - The City Council voted on Monday to pay for a late ferry.",
                "",
                "The vote was 6-1.",
                "",
                "IN a letter to the council, cafe owners said the change would help.",
                ""
            ]
        );
    }

    #[test]
    fn other_text_is_not_this_layout() {
        for text in
            ["Headline\n\nBy Ana Ruiz\n\nText.", "HD is a resolution.\n\nMore text.", "IN BRIEF\nTD\tx"]
        {
            let lines: Vec<&str> = text.lines().collect();
            assert!(!is_indexed(&lines), "{text}");
        }
    }
}
