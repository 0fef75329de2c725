//! Sentence boundaries in article text, for extractors that report the sentence a finding
//! stands in (dated mentions, entities).
//!
//! Rule-based: a sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by
//! whitespace and a capital letter, digit or opening quote, unless the word before the period is a
//! known abbreviation ("Mr.", "Sept.", "Gen.") or an initial ("J. Smith", "U.S."). A blank line
//! always ends a sentence. It owns no tokenization beyond that.

use std::ops::Range;

/// Abbreviations that never end a sentence: titles, month and street abbreviations.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "maj", "pres", "supt", "rev", "hon", "st", "mt", "ft", "vs", "v", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "approx", "dept", "fig", "vol", "ave",
    "blvd",
];

/// Abbreviations that often end a sentence too ("… of Acme Inc. The company …"): they end one
/// only when the next word is a common sentence opener.
const SOMETIMES_FINAL: &[&str] =
    &["inc", "corp", "co", "ltd", "jr", "sr", "bros", "plc", "llc", "u.s", "a.m", "p.m"];

/// Words that open sentences often enough to trust a boundary after an ambiguous abbreviation.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "on",
    "at",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "these",
    "those",
    "there",
    "as",
    "for",
    "if",
    "when",
    "while",
    "after",
    "before",
    "mr",
    "ms",
    "mrs",
    "some",
    "many",
    "most",
    "analysts",
    "officials",
];

/// Splits `text` into sentences, returned as byte ranges with surrounding whitespace trimmed.
/// Empty text gives no sentences.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Paragraph break.
        if b == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                push_trimmed(text, start, i, &mut out);
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Take closing quotes and brackets into the sentence.
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &text[end..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | ']' | '’' | '”' | '»') || rest.starts_with("''") {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if ends_sentence(text, start, i, end) {
                push_trimmed(text, start, end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Returns the sentence of `text` that contains byte `pos`, trimmed, or "" when none does.
pub fn sentence_at<'a>(text: &'a str, spans: &[Range<usize>], pos: usize) -> &'a str {
    let idx = spans.partition_point(|r| r.end <= pos);
    match spans.get(idx) {
        Some(r) if r.start <= pos => &text[r.clone()],
        _ => "",
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(start + lead..start + lead + trimmed.len());
    }
}

/// Decides whether the mark at `mark` (ending, with closing quotes, at `end`) ends the sentence
/// that started at `start`.
fn ends_sentence(text: &str, start: usize, mark: usize, end: usize) -> bool {
    let rest = &text[end..];
    let after = rest.trim_start();
    if after.is_empty() {
        return true;
    }
    // Needs whitespace after ("3.5", "U.S.-led" are not boundaries).
    if after.len() == rest.len() {
        return false;
    }
    let next = after.chars().next().unwrap_or(' ');
    if !(next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '\'' | '`' | '“' | '‘' | '(' | '«'))
    {
        return false;
    }
    if text.as_bytes()[mark] != b'.' {
        return true;
    }
    let word = word_before(&text[start..mark]);
    let lower = word.to_lowercase();
    // A single letter is an initial ("J. Smith"), never a sentence end.
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        return false;
    }
    if NEVER_FINAL.contains(&lower.as_str()) {
        return false;
    }
    if SOMETIMES_FINAL.contains(&lower.as_str()) || lower.contains('.') {
        let next_word: String = after
            .trim_start_matches(['"', '\'', '`', '“', '‘', '(', '«'])
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        return OPENERS.contains(&next_word.as_str());
    }
    true
}

/// Returns the word (letters and inner dots, as in "U.S") right before a period.
fn word_before(s: &str) -> &str {
    let trimmed = s.trim_end_matches('.');
    let begin = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &trimmed[begin..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentence_spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_on_sentence_ends_not_abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            (
                "This idea is not new. In 2019, Trump considered it.",
                &["This idea is not new.", "In 2019, Trump considered it."],
            ),
            (
                "Rep. Marjorie Taylor Greene spoke. She left.",
                &["Rep. Marjorie Taylor Greene spoke.", "She left."],
            ),
            (
                "It ended Sept. 30 with a loss. Sales rose.",
                &["It ended Sept. 30 with a loss.", "Sales rose."],
            ),
            ("J. R. Smith said so. Then he left!", &["J. R. Smith said so.", "Then he left!"]),
            ("He works at Acme Inc. The company grew.", &["He works at Acme Inc.", "The company grew."]),
            ("Acme Inc. Chairman John Doe spoke.", &["Acme Inc. Chairman John Doe spoke."]),
            (
                "Prices rose 3.5 percent. \"We are happy,\" he said.",
                &["Prices rose 3.5 percent.", "\"We are happy,\" he said."],
            ),
            ("\"Go home.\" He went.", &["\"Go home.\"", "He went."]),
            ("The U.S. and Mexico met. Talks ended.", &["The U.S. and Mexico met.", "Talks ended."]),
            ("Headline without stop\n\nBody starts here.", &["Headline without stop", "Body starts here."]),
            ("", &[]),
            ("   ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn sentence_at_finds_the_enclosing_sentence() {
        let text = "First one. Second one here.";
        let spans = sentence_spans(text);
        assert_eq!(sentence_at(text, &spans, 0), "First one.");
        assert_eq!(sentence_at(text, &spans, 15), "Second one here.");
        assert_eq!(sentence_at(text, &spans, 999), "");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["...", ". . .", "é. É", "a.\n\n\n.b", "?!", "x.\u{201d}"] {
            let _ = split(text);
        }
    }
}
