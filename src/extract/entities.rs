//! An article's named entities: tags the body text and turns the spans into deduplicated,
//! normalized, counted entity lists.
//!
//! Articles are edited text in languages that capitalize names, so a span without a capital
//! letter ("la puerta", "daría ese paso") is the tagger's mistake and is dropped: the tagger is
//! trained to find lower-case names in web text, where writers skip capitals, and that reading
//! misfires on news. `morgue tag` still shows every span.
//!
//! Normalization: whitespace is collapsed; forms that differ only in case, accents or dots
//! ("U.S." and "US") are one entity; a person mentioned by part of a longer name found in the same text
//! ("Trump" after "Donald Trump", "Taylor Greene") is that person. The canonical name is the
//! longest form. Tagging is `crate::ner`'s job; this file only groups and counts.

use std::collections::HashMap;

use super::fold::Folder;
use crate::article::{Entities, Entity, EntityKind};
use crate::ner::{Span, Tagger};

/// Tags `text` and returns its entities, most mentioned first (then by name).
pub fn extract_entities(text: &str, tagger: &Tagger) -> Entities {
    entities_from_spans(&tagger.tag(text))
}

/// Groups tagged spans into entities (see the module docs).
pub fn entities_from_spans(spans: &[Span]) -> Entities {
    let mut out = Entities::default();
    let mut folder = Folder::new();
    let labels = consistent_labels(spans, &mut folder);
    for kind in EntityKind::ALL {
        // Distinct surface forms (by key) with their mention counts, in order of first mention.
        let mut forms: Vec<(String, u32)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (s, _) in spans.iter().zip(&labels).filter(|(_, label)| **label == kind) {
            let name = clean_name(&s.text);
            if !name.chars().any(char::is_uppercase) {
                continue;
            }
            let key = folder.name_key(&name);
            match index.get(&key) {
                Some(&i) => {
                    forms[i].1 += 1;
                    // Keep the spelling in ordinary case over a shouted one ("Mexico City" over
                    // the dateline's "MEXICO CITY"), then the longest ("U.S." over "US"), then
                    // the one with accents ("López" over "Lopez": dropping them is the slip).
                    let rank = |n: &str| {
                        (!is_shouted(n), n.chars().count(), n.chars().filter(|c| !c.is_ascii()).count())
                    };
                    if rank(&name) > rank(&forms[i].0) {
                        forms[i].0 = name;
                    }
                }
                None => {
                    index.insert(key, forms.len());
                    forms.push((name, 1));
                }
            }
        }
        for form in &mut forms {
            if is_shouted(&form.0) && form.0.contains(' ') {
                form.0 = unshout(&form.0);
            }
        }
        let merged = if kind == EntityKind::Person { merge_name_parts(&mut folder, forms) } else { forms };
        let list = out.of_mut(kind);
        list.extend(merged.into_iter().map(|(name, mentions)| Entity { name, mentions }));
        list.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.name.cmp(&b.name)));
    }
    out
}

/// One kind per name in an article: a name the tagger labels two ways ("Harlow Coachworks" an
/// organization in one sentence and a place in the next) takes the kind most of its mentions
/// have; on a tie, the kind of a longer name that contains it ("Harlow Coachworks Inc"), else the
/// kind of its first mention. Returns each span's kind.
fn consistent_labels(spans: &[Span], folder: &mut Folder) -> Vec<EntityKind> {
    let keys: Vec<Vec<String>> = spans.iter().map(|s| folder.words(&s.text.replace('.', ""))).collect();
    // Per name: each kind's mentions, in order of the kind's first mention.
    let mut votes: HashMap<&[String], Vec<(EntityKind, u32)>> = HashMap::new();
    for (key, span) in keys.iter().zip(spans) {
        let tally = votes.entry(key.as_slice()).or_default();
        match tally.iter_mut().find(|(kind, _)| *kind == span.label) {
            Some((_, n)) => *n += 1,
            None => tally.push((span.label, 1)),
        }
    }
    let decided: HashMap<&[String], EntityKind> = votes
        .iter()
        .map(|(&key, tally)| {
            let most = tally.iter().map(|(_, n)| *n).max().unwrap_or(0);
            let tied: Vec<EntityKind> =
                tally.iter().filter(|(_, n)| *n == most).map(|(kind, _)| *kind).collect();
            let longer = || {
                keys.iter()
                    .zip(spans)
                    .find(|(k, s)| k.len() > key.len() && tied.contains(&s.label) && contains_run(k, key))
                    .map(|(_, s)| s.label)
            };
            let kind = if tied.len() == 1 { tied[0] } else { longer().unwrap_or(tied[0]) };
            (key, kind)
        })
        .collect();
    keys.iter().map(|key| decided[key.as_slice()]).collect()
}

/// Collapses inner whitespace (names may span a line break) and trims.
fn clean_name(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for a name written in capitals only ("MEXICO CITY", as datelines write places).
fn is_shouted(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !name.chars().any(char::is_lowercase)
}

/// Gives a shouted multi-word name ordinary case, word by word; abbreviations ("U.S.") and
/// words of one or two letters stay as they are. Single words are left alone: "CNN" and "NATO"
/// are written that way.
fn unshout(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            if w.contains('.') || w.chars().count() <= 2 {
                w.to_string()
            } else {
                let mut chars = w.chars();
                chars.next().map(|f| f.to_string() + &chars.as_str().to_lowercase()).unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Merges person forms whose words are a contiguous part of a longer form's words into that
/// form; when several longer forms contain it, the most mentioned (then the first) wins.
fn merge_name_parts(folder: &mut Folder, forms: Vec<(String, u32)>) -> Vec<(String, u32)> {
    let words: Vec<Vec<String>> = forms.iter().map(|(n, _)| folder.words(&n.replace('.', ""))).collect();
    // Longest forms first, so that a chain ("Greene" < "Taylor Greene" < "Marjorie Taylor
    // Greene") ends at the longest form.
    let mut order: Vec<usize> = (0..forms.len()).collect();
    order.sort_by(|&a, &b| words[b].len().cmp(&words[a].len()).then(a.cmp(&b)));
    let mut target: Vec<usize> = (0..forms.len()).collect();
    for (pos, &i) in order.iter().enumerate() {
        let mut best: Option<usize> = None;
        for &j in &order[..pos] {
            if words[j].len() > words[i].len() && contains_run(&words[j], &words[i]) {
                let root = target[j];
                best = match best {
                    Some(b) if forms[b].1 >= forms[root].1 => Some(b),
                    _ => Some(root),
                };
            }
        }
        if let Some(b) = best {
            target[i] = b;
        }
    }
    let mut counts = vec![0u32; forms.len()];
    for (i, (_, c)) in forms.iter().enumerate() {
        counts[target[i]] += c;
    }
    forms
        .into_iter()
        .enumerate()
        .filter(|(i, _)| target[*i] == *i)
        .map(|(i, (name, _))| (name, counts[i]))
        .collect()
}

/// Returns true when `part` occurs as a contiguous run inside `whole`.
fn contains_run(whole: &[String], part: &[String]) -> bool {
    !part.is_empty() && whole.windows(part.len()).any(|w| w == part)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, label: EntityKind) -> Span {
        Span { start: 0, end: text.chars().count(), text: text.to_string(), label }
    }

    fn names(list: &[Entity]) -> Vec<(&str, u32)> {
        list.iter().map(|e| (e.name.as_str(), e.mentions)).collect()
    }

    #[test]
    fn merges_name_parts_and_spellings() {
        use EntityKind::*;
        let spans = vec![
            span("Donald Trump", Person),
            span("Trump", Person),
            span("Joe Biden", Person),
            span("Trump", Person),
            span("Taylor Greene", Person),
            span("Marjorie Taylor\nGreene", Person),
            span("U.S.", Location),
            span("US", Location),
            span("Mexico", Location),
            span("CNN", Organization),
        ];
        let e = entities_from_spans(&spans);
        assert_eq!(
            names(&e.persons),
            vec![("Donald Trump", 3), ("Marjorie Taylor Greene", 2), ("Joe Biden", 1)]
        );
        assert_eq!(names(&e.locations), vec![("U.S.", 2), ("Mexico", 1)]);
        assert_eq!(names(&e.organizations), vec![("CNN", 1)]);
        assert!(e.misc.is_empty());
    }

    #[test]
    fn accents_and_hyphens_are_one_name() {
        use EntityKind::*;
        let spans = vec![
            span("Lopez Obrador", Person),
            span("Andrés Manuel López Obrador", Person),
            span("López Obrador", Person),
            span("Bogota", Location),
            span("Bogotá", Location),
        ];
        let e = entities_from_spans(&spans);
        assert_eq!(names(&e.persons), vec![("Andrés Manuel López Obrador", 3)]);
        assert_eq!(names(&e.locations), vec![("Bogotá", 2)]);
    }

    #[test]
    fn spans_without_capitals_are_no_entities() {
        use EntityKind::*;
        let spans =
            vec![span("la puerta", Location), span("daría ese paso", Person), span("México", Location)];
        let e = entities_from_spans(&spans);
        assert_eq!(names(&e.locations), vec![("México", 1)]);
        assert!(e.persons.is_empty());
    }

    #[test]
    fn shouted_names_take_ordinary_case() {
        use EntityKind::*;
        let e = entities_from_spans(&[span("MEXICO CITY", Location), span("Mexico City", Location)]);
        assert_eq!(names(&e.locations), vec![("Mexico City", 2)]);
        let e = entities_from_spans(&[
            span("NEW YORK", Location),
            span("CNN", Organization),
            span("U.S. ARMY", Organization),
        ]);
        assert_eq!(names(&e.locations), vec![("New York", 1)]);
        assert_eq!(names(&e.organizations), vec![("CNN", 1), ("U.S. Army", 1)]);
    }

    #[test]
    fn a_name_labelled_two_ways_takes_one_kind() {
        use EntityKind::*;
        // A tie: the longer name that contains it decides.
        let e = entities_from_spans(&[
            span("Harlow Coachworks Inc", Organization),
            span("Harlow Coachworks", Organization),
            span("Harlow Coachworks", Location),
        ]);
        assert_eq!(names(&e.organizations), vec![("Harlow Coachworks", 2), ("Harlow Coachworks Inc", 1)]);
        assert!(e.locations.is_empty(), "{:?}", e.locations);
        // Otherwise the most mentions, and on a tie with no longer name the first mention.
        let e = entities_from_spans(&[
            span("Jordan", Person),
            span("Jordan", Location),
            span("Jordan", Location),
            span("Ardent", Organization),
            span("Ardent", Location),
        ]);
        assert_eq!(names(&e.locations), vec![("Jordan", 3)]);
        assert_eq!(names(&e.organizations), vec![("Ardent", 2)]);
        assert!(e.persons.is_empty());
    }

    #[test]
    fn shared_surname_goes_to_the_most_mentioned() {
        use EntityKind::*;
        let spans = vec![
            span("Hunter Biden", Person),
            span("Joe Biden", Person),
            span("Joe Biden", Person),
            span("Biden", Person),
        ];
        let e = entities_from_spans(&spans);
        assert_eq!(names(&e.persons), vec![("Joe Biden", 3), ("Hunter Biden", 1)]);
    }

    /// The seed article (issue 3): the expected persons, organizations and places, and "Trump"
    /// never an organization.
    #[test]
    fn seed_article_entities() {
        let text = include_str!("../../sample_corpus/000_635a76db266ea16c.txt");
        // `extract::enrich` tags the caption (first line), the body and its trailing teaser
        // ("ALSO IN THE NEWS: ... CNN ..."), never the photo credit (second line).
        let lines: Vec<&str> = text.lines().collect();
        let tagged = format!("{}\n\n{}", lines[0], lines[2..].join("\n"));
        let e = extract_entities(&tagged, Tagger::builtin());
        let has = |list: &[Entity], n: &str| list.iter().any(|x| x.name == n);
        for p in [
            "Donald Trump",
            "Asawin Suebsaeng",
            "Adam Rawnsley",
            "Marjorie Taylor Greene",
            "Andrés Manuel López Obrador",
            "Joe Biden",
        ] {
            assert!(has(&e.persons, p), "person {p} missing: {:?}", e.persons);
        }
        for o in ["Rolling Stone", "Center for Renewing America", "CNN"] {
            assert!(has(&e.organizations, o), "organization {o} missing: {:?}", e.organizations);
        }
        for l in ["Mexico", "U.S.", "Afghanistan"] {
            assert!(has(&e.locations, l), "place {l} missing: {:?}", e.locations);
        }
        assert!(
            !e.organizations.iter().any(|o| o.name.contains("Trump")),
            "Trump as an organization: {:?}",
            e.organizations
        );
        let trump = e.persons.iter().find(|x| x.name == "Donald Trump").map(|x| x.mentions);
        assert!(trump >= Some(4), "{:?}", e.persons);
    }
}
