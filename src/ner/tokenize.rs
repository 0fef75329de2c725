//! Tokenization and sentence splitting of raw text for the tagger, close to CoNLL-2003's conventions.
//!
//! The tagger was trained on CoNLL-2003 tokens, so raw text must be cut the same way: punctuation is a
//! token of its own, abbreviations keep their dots ("U.S.", "Mr.", "J."), the possessive "'s" and
//! "n't" are split off, hyphenated words and numbers ("1,000", "1996-08-22") stay whole. Offsets are
//! byte offsets into the input; [`crate::ner::Tagger::tag`] converts them to character offsets.
//! This module knows nothing about features or labels.

use std::ops::Range;

/// One token: its text and byte range in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// True when a line break stands between this token and the one before it.
    pub after_newline: bool,
}

/// Words whose final dot belongs to the word (titles, company suffixes, months, US states).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "rep", "sen", "gov", "gen", "lt", "col",
    "capt", "cmdr", "adm", "sgt", "maj", "rev", "hon", "pres", "supt", "inc", "corp", "ltd", "co", "bros",
    "plc", "cos", "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ala",
    "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
    "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va",
    "vt", "wash", "wis", "wyo", "approx", "dept", "est", "fig", "univ", "assn", "ave", "blvd", "e.g", "i.e",
];

/// Characters that are always a token of their own when they start or end a word.
fn is_edge_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '«'
            | '»'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '…'
            | '*'
            | '|'
            | '`'
    )
}

/// Dashes that split words apart even inside them ("war—and").
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// Returns true when `word` (which ends with '.') keeps its final dot: an abbreviation, an initial
/// ("J."), or a word with inner dots ("U.S.", "a.m.").
fn keeps_final_dot(word: &str) -> bool {
    let stem = &word[..word.len() - 1];
    if stem.is_empty() {
        return false;
    }
    let mut chars = stem.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    if stem.contains('.') && stem.chars().all(|c| c.is_alphanumeric() || c == '.') {
        return true;
    }
    let lower = stem.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Clitics split off the end of a word, as CoNLL-2003 and the Penn Treebank do.
const CLITICS: &[&str] =
    &["n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"];

/// Splits raw text into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut newline = false;
    let mut chunk_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, newline, &mut out);
                newline = false;
            }
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                newline = true;
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, text.len(), newline, &mut out);
    }
    out
}

/// Cuts one whitespace-free chunk `text[start..end]` into tokens.
fn split_chunk<'a>(text: &'a str, start: usize, end: usize, newline: bool, out: &mut Vec<Token<'a>>) {
    // Dashes split the chunk into parts first.
    let mut part_start = start;
    let mut first = true;
    for (i, c) in text[start..end].char_indices() {
        if is_dash(c) {
            let abs = start + i;
            if abs > part_start {
                split_word(text, part_start, abs, newline && first, out);
                first = false;
            }
            push(out, text, abs, abs + c.len_utf8(), newline && first);
            first = false;
            part_start = abs + c.len_utf8();
        }
    }
    if end > part_start {
        split_word(text, part_start, end, newline && first, out);
    }
}

fn push<'a>(out: &mut Vec<Token<'a>>, text: &'a str, start: usize, end: usize, after_newline: bool) {
    out.push(Token { text: &text[start..end], start, end, after_newline });
}

/// Peels leading and trailing punctuation and clitics off one word.
fn split_word<'a>(text: &'a str, mut start: usize, mut end: usize, newline: bool, out: &mut Vec<Token<'a>>) {
    let mut nl = newline;
    // Leading punctuation, one token per character.
    while start < end {
        let Some(c) = text[start..end].chars().next() else { break };
        if is_edge_punct(c) && !(c == '\'' && looks_like_year_elision(&text[start..end])) {
            push(out, text, start, start + c.len_utf8(), nl);
            nl = false;
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, collected in reverse.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    loop {
        if start >= end {
            break;
        }
        let word = &text[start..end];
        let Some(c) = word.chars().next_back() else { break };
        if is_edge_punct(c) {
            tail.push((end - c.len_utf8(), end));
            end -= c.len_utf8();
            continue;
        }
        if c == '.' {
            if word.len() > 1 && word.ends_with("..") {
                // An ellipsis written with dots is one token.
                let dots = word.len() - word.trim_end_matches('.').len();
                tail.push((end - dots, end));
                end -= dots;
                continue;
            }
            if keeps_final_dot(word) {
                break;
            }
            tail.push((end - 1, end));
            end -= 1;
            continue;
        }
        if let Some(cl) = CLITICS.iter().find(|cl| ends_with_ci(word, cl) && word.len() > cl.len()) {
            let s = end - cl.len();
            tail.push((s, end));
            end = s;
            continue;
        }
        break;
    }
    if start < end {
        push(out, text, start, end, nl);
        nl = false;
    }
    for &(s, e) in tail.iter().rev() {
        push(out, text, s, e, nl);
        nl = false;
    }
}

/// "'96" is one token (a year), not a quote and a number.
fn looks_like_year_elision(word: &str) -> bool {
    let rest = &word[1..];
    rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit())
}

fn ends_with_ci(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.is_char_boundary(word.len() - suffix.len())
        && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Splits a token list into sentences (ranges of token indices): at line breaks, and after ".", "!"
/// or "?" when the next token starts like a sentence (an upper-case letter, a digit or a quote).
pub fn sentences(tokens: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let boundary_before = i > start && tokens[i].after_newline;
        if boundary_before {
            out.push(start..i);
            start = i;
        }
        let t = tokens[i].text;
        if matches!(t, "." | "!" | "?" | "..." | "…") {
            let next = tokens.get(i + 1);
            let ends = match next {
                None => false,
                Some(n) if n.after_newline => false,
                Some(n) => n.text.chars().next().is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '‘' | '(')
                }),
            };
            if ends {
                out.push(start..i + 1);
                start = i + 1;
            }
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_like_conll() {
        let cases: &[(&str, &[&str])] = &[
            ("Hello, world.", &["Hello", ",", "world", "."]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("in the U.S.", &["in", "the", "U.S."]),
            ("Trump's plan", &["Trump", "'s", "plan"]),
            ("Trump’s plan", &["Trump", "’s", "plan"]),
            ("don't go", &["do", "n't", "go"]),
            ("Mr. Smith left.", &["Mr.", "Smith", "left", "."]),
            ("J. Smith", &["J.", "Smith"]),
            ("(R-GA) have", &["(", "R-GA", ")", "have"]),
            ("\"Trump lieutenants", &["\"", "Trump", "lieutenants"]),
            ("'war against the cartels,'", &["'", "war", "against", "the", "cartels", ",", "'"]),
            ("1,000 on 1996-08-22", &["1,000", "on", "1996-08-22"]),
            ("paper — titled", &["paper", "—", "titled"]),
            ("war—and", &["war", "—", "and"]),
            ("wait...", &["wait", "..."]),
            ("NEWS: Trump", &["NEWS", ":", "Trump"]),
            ("in '96", &["in", "'96"]),
            ("", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(toks(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn offsets_point_into_the_input() {
        let s = "Andrés Manuel López Obrador’s party.";
        for t in tokenize(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }

    #[test]
    fn splits_sentences_at_lines_and_stops() {
        let s = "Mr. Smith left. He went home\nA new line? yes. The U.S. agreed";
        let tokens = tokenize(s);
        let sents: Vec<Vec<&str>> =
            sentences(&tokens).into_iter().map(|r| tokens[r].iter().map(|t| t.text).collect()).collect();
        assert_eq!(
            sents,
            vec![
                vec!["Mr.", "Smith", "left", "."],
                vec!["He", "went", "home"],
                vec!["A", "new", "line", "?", "yes", "."],
                vec!["The", "U.S.", "agreed"],
            ]
        );
    }
}
