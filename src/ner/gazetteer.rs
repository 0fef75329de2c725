//! Gazetteer lists (places, countries, demonyms, first names, surnames) and their matches in a
//! sentence, as tagger features.
//!
//! The lists live in `models/gazetteer/*.txt` (built by `models/gazetteer/build_gazetteer.py` from
//! GeoNames, CC-BY 4.0, and mledoze/countries, ODbL 1.0; and by `build_names.py` from the 1990 US
//! Census name files, public domain) and are compiled into the binary. A name
//! is stored as the hash of its lower-cased token sequence, so matching works on the tagger's own
//! tokens: each sentence start position is looked up for spans of 1 to [`MAX_NAME_TOKENS`] tokens.
//! A match is only a feature; the model learns how much to trust each list.

use std::sync::OnceLock;

use super::features::{hash_str, mix, HashKeyed};
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

/// Name hashes, each with the bit set of the lists that hold it.
#[derive(Debug, Default)]
pub struct Gazetteer {
    names: HashKeyed<u8>,
}

/// Per token, per list: the position of the token in the longest match of that list, if any.
pub type GazMatches = Vec<[Option<GazPos>; GazList::ALL.len()]>;

impl Gazetteer {
    /// Returns the gazetteer built from the lists compiled into the binary (built once).
    pub fn builtin() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let mut g = Gazetteer::default();
            g.names.reserve(160_000);
            for (list, text) in [
                (GazList::City, CITIES),
                (GazList::Region, REGIONS),
                (GazList::Country, COUNTRIES),
                (GazList::Capital, CAPITALS),
                (GazList::Demonym, DEMONYMS),
                (GazList::FirstName, FIRST_NAMES),
                (GazList::Surname, SURNAMES),
            ] {
                for line in text.lines() {
                    g.insert(list, line);
                }
            }
            g
        })
    }

    /// Adds one name to a list.
    pub fn insert(&mut self, list: GazList, name: &str) {
        let mut h = 0u64;
        let mut n = 0usize;
        if name.chars().all(|c| c.is_alphabetic() || c == ' ') {
            // Fast path for most names: words of letters are tokens as they stand, so the
            // tokenizer (the slow part of building the gazetteer at start-up) is not needed.
            for w in name.split(' ').filter(|w| !w.is_empty()) {
                h = mix(h, hash_str(&w.to_lowercase()));
                n += 1;
            }
        } else {
            for t in tokenize(name) {
                h = mix(h, hash_str(&t.text.to_lowercase()));
                n += 1;
            }
        }
        if n == 0 || n > MAX_NAME_TOKENS {
            return;
        }
        *self.names.entry(h).or_insert(0) |= 1 << list as u8;
    }

    /// Finds the matches in a sentence, given the hashes of its lower-cased tokens.
    pub fn find(&self, lower_hashes: &[u64]) -> GazMatches {
        let n = lower_hashes.len();
        let mut out: GazMatches = vec![[None; GazList::ALL.len()]; n];
        if self.names.is_empty() {
            return out;
        }
        for i in 0..n {
            let mut h = 0u64;
            // Hashes of spans i..i+1, i..i+2, ...; remember the longest span per list.
            let mut best = [0usize; GazList::ALL.len()];
            for (len, lh) in lower_hashes[i..n.min(i + MAX_NAME_TOKENS)].iter().enumerate() {
                h = mix(h, *lh);
                if let Some(&bits) = self.names.get(&h) {
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

    /// Returns true when one token (lower-cased, hashed) is a name of `list` by itself.
    pub fn holds_word(&self, list: GazList, h_lower: u64) -> bool {
        self.names.get(&mix(0, h_lower)).is_some_and(|bits| bits & (1 << list as u8) != 0)
    }

    /// Returns the number of distinct names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(s: &str) -> Vec<u64> {
        tokenize(s).iter().map(|t| hash_str(&t.text.to_lowercase())).collect()
    }

    #[test]
    fn finds_longest_match_per_list() {
        let mut g = Gazetteer::default();
        g.insert(GazList::City, "New York");
        g.insert(GazList::City, "York");
        g.insert(GazList::Country, "Mexico");
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
            let mut g = Gazetteer::default();
            g.insert(GazList::City, name);
            let m = g.find(&hashes(name));
            assert!(m[0][GazList::City as usize].is_some(), "{name}");
        }
        let mut g = Gazetteer::default();
        g.insert(GazList::City, "St. John's");
        assert!(g.find(&hashes("st. john's"))[0][GazList::City as usize].is_some());
    }

    #[test]
    fn builtin_lists_hold_countries_and_demonyms() {
        let g = Gazetteer::builtin();
        assert!(g.holds_word(GazList::FirstName, hash_str("marjorie")));
        assert!(!g.holds_word(GazList::FirstName, hash_str("rolling")));
        assert!(g.len() > 100_000);
        let m = g.find(&hashes("Mexican troops in Afghanistan"));
        assert_eq!(m[0][GazList::Demonym as usize], Some(GazPos::Unit));
        assert_eq!(m[3][GazList::Country as usize], Some(GazPos::Unit));
    }
}
