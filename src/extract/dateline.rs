//! Datelines of wire copy: the place (and agency) that opens the first paragraph,
//! "WASHINGTON (Reuters) — …", "MEXICO CITY, March 3 (AP) — …".
//!
//! Shared by all formats through `extract::enrich`. It finds the dateline; it does not remove it
//! from the body (the place is part of what the text says, and stays searchable there).

use std::sync::LazyLock;

use regex::Regex;

/// A dateline found at the start of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The dateline as written, without the closing dash: "MEXICO CITY, March 3 (AP)".
    pub text: String,
    /// The place: "MEXICO CITY".
    pub place: String,
    /// The agency in parentheses, when given: "AP".
    pub agency: Option<String>,
}

/// Longest agency name in parentheses, in characters.
const MAX_AGENCY: usize = 31;

/// Most words in the place ("SAN JUAN CAPISTRANO") and in the region or country after it
/// ("Calif.", "United Arab Emirates").
const MAX_PLACE_WORDS: usize = 4;
const MAX_REGION_WORDS: usize = 3;

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?P<place>\p{Lu}[\p{Lu}.'’\-]*(?:\s+\p{Lu}[\p{Lu}.'’\-]*)*)           # WASHINGTON, MEXICO CITY
        (?:,\s*(?P<region>\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*))?              # , Mexico / , Calif.
        (?:,\s*(?:\p{Lu}\p{Ll}{2,}\.?\s+[0-9]{1,2}))?                         # , March 3 (unbounded: see below)
        \s*(?:\((?P<agency>[\p{L}][\p{L}\ .&\-]*)\))?                            # (AP), at most 31 letters: see MAX_AGENCY
        \s*(?:—|–|--|-|:)\s+",
    )
    .expect("valid regex")
});

/// Finds a dateline at the start of `text`. The place must be written in capitals (as wire
/// services do), so an ordinary sentence opening ("Former President …") is not one.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    let head: String = text.trim_start().chars().take(160).collect();
    let c = DATELINE.captures(&head)?;
    // Lengths are checked here rather than by bounded repetitions in the pattern, each of
    // which copies its Unicode letter classes (thirty copies for the agency made the regex take
    // ~20 ms to compile).
    let words = |name: &str| c.name(name).map_or(0, |m| m.as_str().split_whitespace().count());
    if c.name("agency").is_some_and(|a| a.as_str().chars().count() > MAX_AGENCY)
        || words("place") > MAX_PLACE_WORDS
        || words("region") > MAX_REGION_WORDS
    {
        return None;
    }
    let place = c["place"].trim().to_string();
    // One capital letter, or a single short word like "A" or "I", is not a place.
    if place.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let whole = c.get(0)?.as_str();
    // A heading goes on in capitals after its dash ("HEAT WATCH - DAILY HIGHS", "CORRECTION -
    // TALKING POINT"); a dateline opens a sentence.
    let shouted =
        |w: &&str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    if head[whole.len()..].split_whitespace().take(2).filter(shouted).count() == 2 {
        return None;
    }
    let text = whole.trim_end().trim_end_matches(['—', '–', '-', ':']).trim_end().to_string();
    Some(Dateline { text, place, agency: c.name("agency").map(|a| a.as_str().trim().to_string()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        type Want<'a> = Option<(&'a str, &'a str, Option<&'a str>)>;
        let cases: &[(&str, Want)] = &[
            (
                "WASHINGTON (Reuters) — The plan was shelved.",
                Some(("WASHINGTON (Reuters)", "WASHINGTON", Some("Reuters"))),
            ),
            (
                "MEXICO CITY, March 3 (AP) — Officials said…",
                Some(("MEXICO CITY, March 3 (AP)", "MEXICO CITY", Some("AP"))),
            ),
            ("CULIACÁN, Mexico — Soldiers patrolled.", Some(("CULIACÁN, Mexico", "CULIACÁN", None))),
            ("Former President Donald Trump is asking his advisers", None),
            ("A man walked in — and left.", None),
            ("The U.S. — a neighbor — said no.", None),
            (
                "SAN JUAN CAPISTRANO, United Arab Emirates — Four and three words.",
                Some(("SAN JUAN CAPISTRANO, United Arab Emirates", "SAN JUAN CAPISTRANO", None)),
            ),
            // A run of capitals longer than a place name is a shouted sentence, not a dateline.
            ("WE ARE NOT GOING BACK — the crowd chanted.", None),
            ("PARIS, The Capital Of France — too many words.", None),
            // A heading over a table or a correction, whose text goes on in capitals.
            ("VELLMONT HEAT WATCH - DAILY HIGHS, DEG F", None),
            ("CORRECTION - TALKING POINT/FIRST CITY", None),
            ("WASHINGTON — U.S. officials said.", Some(("WASHINGTON", "WASHINGTON", None))),
        ];
        for (input, want) in cases {
            let got = find_dateline(input);
            match want {
                None => assert!(got.is_none(), "{input:?} gave {got:?}"),
                Some((text, place, agency)) => {
                    let d = got.unwrap_or_else(|| panic!("no dateline in {input:?}"));
                    assert_eq!(d.text, *text);
                    assert_eq!(d.place, *place);
                    assert_eq!(d.agency.as_deref(), *agency);
                }
            }
        }
    }
}
