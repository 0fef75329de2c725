//! Gazetteer lists (places, countries, demonyms, first names, surnames) and their matches in a
//! sentence, as tagger features.
//!
//! The lists live in `models/gazetteer/*.txt` (built by `models/gazetteer/build_gazetteer.py` from
//! GeoNames, CC-BY 4.0, and mledoze/countries, ODbL 1.0; and by `build_names.py` from the 1990 US
//! Census name files, public domain) and are compiled into the binary for training
//! ([`Gazetteer::from_lists`]). A name is stored as the hash of its lower-cased token sequence, so
//! matching works on the tagger's own tokens: each sentence start position is looked up for spans
//! of 1 to [`MAX_NAME_TOKENS`] tokens. A match is only a feature; the model learns how much to
//! trust each list.
//!
//! A trained model carries the gazetteer it was trained with, in compact form (sorted hashes and
//! their list bits, see [`Gazetteer::write_to`]): loading it is a copy, where building it from
//! the text lists (lower-casing and hashing 160,000 names) took most of morgue's start-up time.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::features::{fold_diacritics, hash_str, mix};
use super::table::SortedIndex;
use super::tokenize::tokenize;

/// The longest name, in tokens, that is looked up.
pub const MAX_NAME_TOKENS: usize = 5;

/// The lists, in bit order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazList {
    City = 0,
    Region = 1,
    Country = 2,
    Capital = 3,
    Demonym = 4,
    FirstName = 5,
    Surname = 6,
}

impl GazList {
    pub const ALL: [GazList; 7] = [
        GazList::City,
        GazList::Region,
        GazList::Country,
        GazList::Capital,
        GazList::Demonym,
        GazList::FirstName,
        GazList::Surname,
    ];
}

const CITIES: &str = include_str!("../../models/gazetteer/cities.txt");
const REGIONS: &str = include_str!("../../models/gazetteer/regions.txt");
const COUNTRIES: &str = include_str!("../../models/gazetteer/countries.txt");
const CAPITALS: &str = include_str!("../../models/gazetteer/capitals.txt");
const DEMONYMS: &str = include_str!("../../models/gazetteer/demonyms.txt");
const FIRST_NAMES: &str = include_str!("../../models/gazetteer/first_names.txt");
const SURNAMES: &str = include_str!("../../models/gazetteer/surnames.txt");

/// Where a token stands inside a gazetteer match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazPos {
    /// A one-token match.
    Unit = 1,
    Begin = 2,
    Inside = 3,
    Last = 4,
}

/// Name hashes, sorted, each with the bit set of the lists that hold it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gazetteer {
    keys: Vec<u64>,
    lists: Vec<u8>,
    index: SortedIndex,
}

/// Per token, per list: the position of the token in the longest match of that list, if any.
pub type GazMatches = Vec<[Option<GazPos>; GazList::ALL.len()]>;

/// Returns the hash of a token as the gazetteer keys it: lower case, diacritics folded (the same
/// as [`super::features::TokInfo::h_fold`]).
fn word_hash(w: &str) -> u64 {
    let lower = w.to_lowercase();
    hash_str(fold_diacritics(&lower).as_deref().unwrap_or(&lower))
}

/// Returns the hash of a name's token sequence and its number of tokens.
fn name_hash(name: &str) -> (u64, usize) {
    let mut h = 0u64;
    let mut n = 0usize;
    if name.chars().all(|c| c.is_alphabetic() || c == ' ') {
        // Fast path for most names: words of letters are tokens as they stand, so the
        // tokenizer is not needed.
        for w in name.split(' ').filter(|w| !w.is_empty()) {
            h = mix(h, word_hash(w));
            n += 1;
        }
    } else {
        for t in tokenize(name) {
            h = mix(h, word_hash(t.text));
            n += 1;
        }
    }
    (h, n)
}

/// Arabic articles that transliterated place names carry in GeoNames ("Al Fallūjah", "An Najaf")
/// and that English text usually leaves out ("Fallujah", "Najaf").
const ARTICLES: &[&str] = &["ad", "al", "an", "ar", "as", "ash", "at", "az", "el"];

/// Returns the spellings of a place name that text uses besides the name itself: without the
/// transliteration's apostrophes ("Sāmarrā'") and without a leading Arabic article.
fn place_variants(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let plain: String = name.chars().filter(|c| !matches!(c, '\'' | '’' | 'ʿ' | 'ʾ' | 'ʼ' | '`')).collect();
    let base = if plain != name {
        out.push(plain.clone());
        plain
    } else {
        name.to_string()
    };
    if let Some((first, rest)) = base.split_once([' ', '-']) {
        let article = fold_diacritics(&first.to_lowercase()).unwrap_or_else(|| first.to_lowercase());
        if ARTICLES.contains(&article.as_str()) && rest.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            out.push(rest.trim().to_string());
        }
    }
    out
}

impl Gazetteer {
    /// Builds a gazetteer from names and the list each belongs to. Names of more than
    /// [`MAX_NAME_TOKENS`] tokens, or of none, are left out.
    pub fn from_names<'a>(names: impl IntoIterator<Item = (GazList, &'a str)>) -> Gazetteer {
        let mut bits: HashMap<u64, u8> = HashMap::new();
        for (list, name) in names {
            let (h, n) = name_hash(name);
            if n == 0 || n > MAX_NAME_TOKENS {
                continue;
            }
            *bits.entry(h).or_insert(0) |= 1 << list as u8;
        }
        let mut pairs: Vec<(u64, u8)> = bits.into_iter().collect();
        pairs.sort_unstable_by_key(|p| p.0);
        let keys: Vec<u64> = pairs.iter().map(|p| p.0).collect();
        let lists = pairs.iter().map(|p| p.1).collect();
        let index = SortedIndex::new(keys.iter().copied()).unwrap_or_default();
        Gazetteer { keys, lists, index }
    }

    /// Returns the gazetteer built from the text lists compiled into the binary (built once).
    /// Training uses it; tagging uses the copy stored in the model.
    pub fn from_lists() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let lists = [
                (GazList::City, CITIES),
                (GazList::Region, REGIONS),
                (GazList::Country, COUNTRIES),
                (GazList::Capital, CAPITALS),
                (GazList::Demonym, DEMONYMS),
                (GazList::FirstName, FIRST_NAMES),
                (GazList::Surname, SURNAMES),
            ];
            let names: Vec<(GazList, &str)> =
                lists.iter().flat_map(|&(l, text)| text.lines().map(move |n| (l, n))).collect();
            let places = [GazList::City, GazList::Region, GazList::Capital];
            let variants: Vec<(GazList, String)> = names
                .iter()
                .filter(|(l, _)| places.contains(l))
                .flat_map(|&(l, n)| place_variants(n).into_iter().map(move |v| (l, v)))
                .collect();
            Gazetteer::from_names(names.into_iter().chain(variants.iter().map(|(l, v)| (*l, v.as_str()))))
        })
    }

    /// Appends the binary form: the name count, the sorted hashes (u64), then one list bit set
    /// (u8) per name.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend_from_slice(&self.lists);
    }

    /// Reads the binary form from the start of `b`; returns the gazetteer and the bytes used.
    /// `None` when `b` is too short or the hashes are not strictly increasing.
    pub fn read_from(b: &[u8]) -> Option<(Gazetteer, usize)> {
        let n = u32::from_le_bytes(b.get(0..4)?.try_into().ok()?) as usize;
        let key_end = n.checked_mul(8)?.checked_add(4)?;
        let end = key_end.checked_add(n)?;
        let kb = b.get(4..key_end)?;
        let lists = b.get(key_end..end)?.to_vec();
        let mut keys = Vec::with_capacity(n);
        for c in kb.chunks_exact(8) {
            let k = u64::from_le_bytes(c.try_into().ok()?);
            if keys.last().is_some_and(|&p| p >= k) {
                return None;
            }
            keys.push(k);
        }
        let index = SortedIndex::new(keys.iter().copied())?;
        Some((Gazetteer { keys, lists, index }, end))
    }

    /// Returns the list bits of a name hash (0 when it is in no list).
    #[inline]
    fn bits(&self, h: u64) -> u8 {
        self.index.find(&self.keys, h).and_then(|i| self.lists.get(i)).copied().unwrap_or(0)
    }

    /// Finds the matches in a sentence, given the hashes of its lower-cased tokens.
    pub fn find(&self, lower_hashes: &[u64]) -> GazMatches {
        let n = lower_hashes.len();
        let mut out: GazMatches = vec![[None; GazList::ALL.len()]; n];
        if self.keys.is_empty() {
            return out;
        }
        for i in 0..n {
            let mut h = 0u64;
            // Hashes of spans i..i+1, i..i+2, ...; remember the longest span per list.
            let mut best = [0usize; GazList::ALL.len()];
            for (len, lh) in lower_hashes[i..n.min(i + MAX_NAME_TOKENS)].iter().enumerate() {
                h = mix(h, *lh);
                let bits = self.bits(h);
                if bits != 0 {
                    for l in GazList::ALL {
                        if bits & (1 << l as u8) != 0 {
                            best[l as usize] = len + 1;
                        }
                    }
                }
            }
            for l in GazList::ALL {
                let len = best[l as usize];
                if len == 0 || out[i][l as usize].is_some() {
                    continue;
                }
                for k in 0..len {
                    let pos = match (k, len) {
                        (_, 1) => GazPos::Unit,
                        (0, _) => GazPos::Begin,
                        (k, len) if k + 1 == len => GazPos::Last,
                        _ => GazPos::Inside,
                    };
                    let slot = &mut out[i + k][l as usize];
                    if slot.is_none() {
                        *slot = Some(pos);
                    }
                }
            }
        }
        out
    }

    /// Returns true when one token is a name of `list` by itself, given the hash of its folded
    /// lower-case form ([`super::features::TokInfo::h_fold`]).
    pub fn holds_word(&self, list: GazList, h_fold: u64) -> bool {
        self.bits(mix(0, h_fold)) & (1 << list as u8) != 0
    }

    /// Returns the number of distinct names.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::features::TokInfo;

    /// The folded lower-case hashes the tagger looks names up by.
    fn hashes(s: &str) -> Vec<u64> {
        tokenize(s).iter().map(|t| TokInfo::new(t.text).h_fold).collect()
    }

    #[test]
    fn finds_longest_match_per_list() {
        let g = Gazetteer::from_names([
            (GazList::City, "New York"),
            (GazList::City, "York"),
            (GazList::Country, "Mexico"),
        ]);
        let m = g.find(&hashes("flights from new York to Mexico"));
        let city: Vec<Option<GazPos>> = m.iter().map(|p| p[GazList::City as usize]).collect();
        assert_eq!(city, vec![None, None, Some(GazPos::Begin), Some(GazPos::Last), None, None]);
        assert_eq!(m[5][GazList::Country as usize], Some(GazPos::Unit));
        assert_eq!(m[5][GazList::City as usize], None);
    }

    #[test]
    fn fast_path_hashes_like_the_tokenizer() {
        // Names of letters and spaces skip the tokenizer; they must match the same tokens.
        for name in ["São Paulo", "New  York", "Ürümqi", "Baton Rouge"] {
            let g = Gazetteer::from_names([(GazList::City, name)]);
            let m = g.find(&hashes(name));
            assert!(m[0][GazList::City as usize].is_some(), "{name}");
        }
        let g = Gazetteer::from_names([(GazList::City, "St. John's")]);
        assert!(g.find(&hashes("st. john's"))[0][GazList::City as usize].is_some());
    }

    #[test]
    fn builtin_lists_hold_countries_and_demonyms() {
        let g = Gazetteer::from_lists();
        assert!(g.holds_word(GazList::FirstName, hash_str("marjorie")));
        assert!(!g.holds_word(GazList::FirstName, hash_str("rolling")));
        assert!(g.len() > 100_000);
        let m = g.find(&hashes("Mexican troops in Afghanistan"));
        assert_eq!(m[0][GazList::Demonym as usize], Some(GazPos::Unit));
        assert_eq!(m[3][GazList::Country as usize], Some(GazPos::Unit));
    }

    #[test]
    fn places_match_without_diacritics_and_articles() {
        let cases = [
            ("Al Fallūjah", vec!["Fallūjah"]),
            ("Sāmarrā'", vec!["Sāmarrā"]),
            ("Ar Ramādī", vec!["Ramādī"]),
            ("An Nu'mānīyah", vec!["An Numānīyah", "Numānīyah"]),
            ("Al Ain", vec![]),
            ("Paris", vec![]),
        ];
        for (name, want) in cases {
            assert_eq!(place_variants(name), want, "{name}");
        }
        let g = Gazetteer::from_lists();
        for text in ["Fallujah", "Tikrit", "Samarra", "Sao Paulo", "São Paulo"] {
            let m = g.find(&hashes(text));
            assert!(m[0][GazList::City as usize].is_some(), "{text}");
        }
    }

    #[test]
    fn binary_form_round_trips() {
        let g = Gazetteer::from_names([
            (GazList::City, "New York"),
            (GazList::Surname, "York"),
            (GazList::Country, "Mexico"),
            (GazList::City, "Mexico"),
        ]);
        let mut b = vec![];
        g.write_to(&mut b);
        b.push(99);
        let (again, used) = Gazetteer::read_from(&b).unwrap();
        assert_eq!(used, b.len() - 1);
        assert_eq!(again, g);
        assert_eq!(
            again.bits(mix(0, hash_str("mexico"))),
            1 << GazList::City as u8 | 1 << GazList::Country as u8
        );
        for cut in [0, 3, 10, b.len() - 2] {
            assert!(Gazetteer::read_from(&b[..cut]).is_none(), "cut at {cut}");
        }
    }
}
