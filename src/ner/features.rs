//! Feature extraction: turns the tokens of a sentence (with their document context) into hashed
//! feature ids, one list per token.
//!
//! Features follow Ratinov & Roth (2009): the word, its lower-cased form, affixes and shape, a ±2
//! window, gazetteer matches, word-cluster and capitalization statistics from unlabeled newswire
//! ([`Lexicon`]), and non-local document features: how the same word is capitalized elsewhere in
//! the document and which entity type the tagger gave it earlier ([`History`]). A feature is a
//! template id mixed with a value hash and folded to 32 bits; the model maps ids to weights.
//! Nothing here knows about labels or weights.

use std::collections::HashMap;

use super::gazetteer::{GazList, GazMatches, Gazetteer};
use super::lexicon::{Lexicon, CLUSTER_PREFIXES};

/// Version of the feature templates; a model trained with other templates is refused.
pub const FEATURE_VERSION: u32 = 2;

/// A hasher for keys that are already well-mixed 64-bit hashes: it keeps them as they are
/// instead of hashing them again with SipHash. Word and name lookups are on the tagging hot
/// path and the gazetteer's 150,000 names are inserted at every start.
#[derive(Debug, Default, Clone, Copy)]
pub struct PrehashedHasher(u64);

impl std::hash::Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only reached for keys other than u64: fold the bytes in (FNV-1a).
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by a hash from [`hash_str`] or [`mix`].
pub type HashKeyed<V> = HashMap<u64, V, std::hash::BuildHasherDefault<PrehashedHasher>>;

/// Hashes a string (FNV-1a, then a final mix so that short strings spread over all bits).
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h, 0x5bd1_e995)
}

/// Combines two hashes.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(17)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 31)
}

/// Base letters of U+00C0..=U+017F (Latin-1 Supplement and Latin Extended-A), lower case; `-`
/// where a character is not a letter with a diacritic (and stays as it is).
const FOLD_LATIN: &str = concat!(
    "aaaaaa-ceeeeiiii", // U+00C0
    "dnooooo-ouuuuy--", // U+00D0
    "aaaaaa-ceeeeiiii", // U+00E0
    "dnooooo-ouuuuy-y", // U+00F0
    "aaaaaaccccccccdd", // U+0100
    "ddeeeeeeeeeegggg", // U+0110
    "gggghhhhiiiiiiii", // U+0120
    "ii--jjkk-lllllll", // U+0130
    "lllnnnnnn---oooo", // U+0140
    "oo--rrrrrrssssss", // U+0150
    "ssttttttuuuuuuuu", // U+0160
    "uuuuwwyyyzzzzzz-", // U+0170
);

/// Folds one lower-case character to its base letter ("ū" to "u"), or returns `None` when it has
/// no diacritic to drop.
fn fold_char(c: char) -> Option<char> {
    let u = c as u32;
    match u {
        0xC0..=0x17F => {
            FOLD_LATIN.as_bytes().get((u - 0xC0) as usize).filter(|&&b| b != b'-').map(|&b| b as char)
        }
        // Dotted and underdotted consonants of Arabic and Indic transliterations (ḥ, ṣ, ṭ, ḍ, ẓ...).
        0x1E00..=0x1E9F => {
            let base = match u {
                0x1E00..=0x1E01 => 'a',
                0x1E02..=0x1E07 => 'b',
                0x1E08..=0x1E09 => 'c',
                0x1E0A..=0x1E13 => 'd',
                0x1E14..=0x1E1D => 'e',
                0x1E1E..=0x1E1F => 'f',
                0x1E20..=0x1E21 => 'g',
                0x1E22..=0x1E2B => 'h',
                0x1E2C..=0x1E2F => 'i',
                0x1E30..=0x1E35 => 'k',
                0x1E36..=0x1E3D => 'l',
                0x1E3E..=0x1E43 => 'm',
                0x1E44..=0x1E4B => 'n',
                0x1E4C..=0x1E53 => 'o',
                0x1E54..=0x1E57 => 'p',
                0x1E58..=0x1E5F => 'r',
                0x1E60..=0x1E69 => 's',
                0x1E6A..=0x1E71 => 't',
                0x1E72..=0x1E7B => 'u',
                0x1E7C..=0x1E7F => 'v',
                0x1E80..=0x1E89 => 'w',
                0x1E8A..=0x1E8D => 'x',
                0x1E8E..=0x1E8F => 'y',
                0x1E90..=0x1E95 => 'z',
                0x1E96 => 'h',
                0x1E97 => 't',
                0x1E98 => 'w',
                0x1E99 => 'y',
                _ => return None,
            };
            Some(base)
        }
        // Vietnamese vowels with two diacritics.
        0x1EA0..=0x1EB7 => Some('a'),
        0x1EB8..=0x1EC7 => Some('e'),
        0x1EC8..=0x1ECB => Some('i'),
        0x1ECC..=0x1EE3 => Some('o'),
        0x1EE4..=0x1EF1 => Some('u'),
        0x1EF2..=0x1EF9 => Some('y'),
        _ => None,
    }
}

/// Returns a lower-case word without its diacritics ("fallūjah" gives "fallujah"), or `None` when
/// it has none. Place names are written with and without them ("Tikrīt", "Tikrit"), so the
/// gazetteer matches on folded forms.
pub fn fold_diacritics(lower: &str) -> Option<String> {
    if lower.is_ascii() || !lower.chars().any(|c| fold_char(c).is_some()) {
        return None;
    }
    Some(lower.chars().map(|c| fold_char(c).unwrap_or(c)).collect())
}

/// Returns the 32-bit feature id of a template and value (never 0: the model uses 0 as "empty").
#[inline]
pub fn fid(template: u64, value: u64) -> u32 {
    let h = mix(template.wrapping_mul(0xff51_afd7_ed55_8ccd), value);
    let id = (h >> 32) as u32;
    if id == 0 {
        1
    } else {
        id
    }
}

// Template ids. Their numbers are part of the model format: never renumber, only add.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_PREFIX: u64 = 4;
const T_SUFFIX: u64 = 5;
const T_SHAPE: u64 = 6;
const T_SSHAPE: u64 = 7;
const T_LOWER_AT: u64 = 8;
const T_SSHAPE_AT: u64 = 9;
const T_BIGRAM_LEFT: u64 = 10;
const T_BIGRAM_RIGHT: u64 = 11;
const T_SHAPE_LEFT: u64 = 12;
const T_SHAPE_RIGHT: u64 = 13;
const T_FIRST: u64 = 14;
const T_CAPS_SENT: u64 = 15;
const T_GAZ: u64 = 16;
const T_GAZ_CAP: u64 = 17;
const T_GAZ_AT: u64 = 18;
const T_LEX_CAP: u64 = 19;
const T_CLUSTER: u64 = 20;
const T_CLUSTER_AT: u64 = 21;
const T_DOC_CAP: u64 = 22;
const T_HIST: u64 = 23;
const T_HIST_SHAPE: u64 = 24;
const T_LEX_CAP_FIRST: u64 = 25;
const T_WORD_SSHAPE_NEXT: u64 = 26;
const T_NO_LEX: u64 = 27;
const T_KEYWORD: u64 = 28;
const T_RUN_HEAD: u64 = 29;
const T_RUN_SHAPE: u64 = 30;
const T_RUN_FIRST: u64 = 31;
const T_ACRONYM: u64 = 32;

/// Words that typically end or head organization names (hand-written, lower case, sorted).
const ORG_WORDS: &[&str] = &[
    "academy",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bancorp",
    "bank",
    "board",
    "books",
    "brigade",
    "brotherhood",
    "bureau",
    "cabinet",
    "center",
    "centre",
    "church",
    "club",
    "co",
    "coalition",
    "college",
    "command",
    "commission",
    "committee",
    "communications",
    "company",
    "congress",
    "consulting",
    "corp",
    "corporation",
    "corps",
    "council",
    "court",
    "department",
    "electronics",
    "enterprises",
    "entertainment",
    "exchange",
    "federation",
    "forces",
    "foundation",
    "fund",
    "gmbh",
    "group",
    "holdings",
    "hospital",
    "inc",
    "incorporated",
    "industries",
    "institute",
    "insurance",
    "journal",
    "labs",
    "league",
    "llc",
    "llp",
    "ltd",
    "magazine",
    "media",
    "militia",
    "ministry",
    "motors",
    "movement",
    "museum",
    "navy",
    "network",
    "news",
    "office",
    "offices",
    "orchestra",
    "organisation",
    "organization",
    "parliament",
    "partners",
    "party",
    "petroleum",
    "pharmaceuticals",
    "philharmonic",
    "plc",
    "police",
    "post",
    "press",
    "publishers",
    "publishing",
    "pvt",
    "railway",
    "railways",
    "records",
    "school",
    "senate",
    "services",
    "society",
    "software",
    "studios",
    "symphony",
    "systems",
    "technologies",
    "times",
    "trust",
    "union",
    "university",
];

/// Words that typically stand before a person's name (titles and roles, lower case, sorted).
const PERSON_TITLES: &[&str] = &[
    "ambassador",
    "archbishop",
    "bishop",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "coach",
    "col",
    "colonel",
    "commissioner",
    "congressman",
    "congresswoman",
    "dr",
    "father",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "leader",
    "lt",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "secretary",
    "sen",
    "senator",
    "sheikh",
    "sir",
    "spokesman",
    "spokeswoman",
    "st",
];

/// Titles that CoNLL-2003 writes as part of a person's name ("Prince Charles", "Pope John
/// Paul"); other titles stand outside it ("President Clinton").
const NAME_TITLES: &[&str] = &["king", "pope", "prince", "princess", "queen", "sheikh", "sir", "st"];

/// Returns true for a title that stands before a person's name without being part of it
/// ("Dr", "President"), given the lower-cased token.
pub fn is_outer_title(lower: &str) -> bool {
    let w = lower.strip_suffix('.').unwrap_or(lower);
    keyword_class(w) == 2 && !NAME_TITLES.contains(&w)
}

/// Returns 1 for an organization word, 2 for a person title, 0 otherwise.
fn keyword_class(lower: &str) -> u64 {
    let w = lower.strip_suffix('.').unwrap_or(lower);
    if ORG_WORDS.binary_search(&w).is_ok() {
        1
    } else if PERSON_TITLES.binary_search(&w).is_ok() {
        2
    } else {
        0
    }
}

/// Lower-case words that may join the capitalized words of one name ("Bank of America",
/// "Department of Housing and Urban Development").
const CONNECTORS: &[&str] = &["&", "and", "de", "for", "of"];

/// Returns, per token, the capitalized run it belongs to as `(first, end)` token indices: a
/// maximal sequence of capitalized words, possibly joined by [`CONNECTORS`] that stand between two
/// capitalized words. Only runs of at least two capitalized words are reported. `skip_first`
/// leaves a sentence-initial word out (a word that is capitalized only because it starts the
/// sentence, "The", "In").
///
/// A multi-word name is typed by its head, usually its last word ("Georgetown University",
/// "Acme Holdings"), which may lie beyond the ±2 window; the run features carry the head (and the
/// first word) to every token of the run.
pub fn cap_runs(toks: &[TokInfo], skip_first: bool) -> Vec<Option<(usize, usize)>> {
    let n = toks.len();
    let mut out = vec![None; n];
    let is_cap = |i: usize| toks[i].init_cap && toks[i].has_alpha && !(i == 0 && skip_first);
    let mut i = 0;
    while i < n {
        if !is_cap(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut caps = 1;
        loop {
            if end < n && is_cap(end) {
                end += 1;
                caps += 1;
            } else if end + 1 < n && CONNECTORS.contains(&toks[end].lower.as_str()) && is_cap(end + 1) {
                end += 2;
                caps += 1;
            } else {
                break;
            }
        }
        if caps >= 2 {
            out[start..end].fill(Some((start, end)));
        }
        i = end;
    }
    out
}

/// Returns the upper-case initials of a run's capitalized words ("Housing Authority of New
/// Orleans" gives "HANO").
pub fn initials(toks: &[TokInfo]) -> String {
    toks.iter()
        .filter(|t| t.init_cap)
        .filter_map(|t| t.lower.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// What the features need to know about one token, computed once.
#[derive(Debug, Clone)]
pub struct TokInfo {
    pub lower: String,
    pub h_word: u64,
    pub h_lower: u64,
    /// Hash of the lower-cased word without diacritics (see [`fold_diacritics`]), for gazetteer
    /// lookups; `h_lower` when it has none.
    pub h_fold: u64,
    pub h_shape: u64,
    pub h_sshape: u64,
    /// Starts with an upper-case letter.
    pub init_cap: bool,
    /// Has letters, all of them upper case.
    pub all_caps: bool,
    /// Has at least one letter.
    pub has_alpha: bool,
}

impl TokInfo {
    /// Describes one token.
    pub fn new(text: &str) -> TokInfo {
        let lower = text.to_lowercase();
        let mut shape = String::with_capacity(text.len());
        let mut sshape = String::with_capacity(8);
        let (mut run_char, mut run_len) = ('\0', 0usize);
        let mut upper = 0usize;
        let mut lowers = 0usize;
        for c in text.chars() {
            let k = if c.is_uppercase() {
                upper += 1;
                'X'
            } else if c.is_lowercase() {
                lowers += 1;
                'x'
            } else if c.is_ascii_digit() {
                'd'
            } else if c.is_alphabetic() {
                lowers += 1;
                'x'
            } else {
                c
            };
            if k == run_char {
                run_len += 1;
            } else {
                run_char = k;
                run_len = 1;
                sshape.push(k);
            }
            // Long runs are cut at 4 so that "Xxxxxxxx" and "Xxxxx" share most of their shape.
            if run_len <= 4 {
                shape.push(k);
            }
        }
        let init_cap = text.chars().next().is_some_and(char::is_uppercase);
        let h_lower = hash_str(&lower);
        TokInfo {
            h_word: hash_str(text),
            h_lower,
            h_fold: fold_diacritics(&lower).map_or(h_lower, |f| hash_str(&f)),
            h_shape: hash_str(&shape),
            h_sshape: hash_str(&sshape),
            init_cap,
            all_caps: upper > 0 && lowers == 0,
            has_alpha: upper + lowers > 0,
            lower,
        }
    }
}

/// Capitalization of each word over a whole document: how often it starts with a capital outside
/// sentence-initial position, and how often it is written in lower case.
#[derive(Debug, Default)]
pub struct DocStats {
    counts: HashKeyed<(u16, u16)>,
    /// Hashes of the initials of the document's capitalized runs, to recognize acronyms.
    initials: HashKeyed<()>,
}

impl DocStats {
    /// Counts over the sentences of one document.
    pub fn new(sentences: &[Vec<TokInfo>]) -> DocStats {
        let mut counts: HashKeyed<(u16, u16)> = HashKeyed::default();
        let mut inits: HashKeyed<()> = HashKeyed::default();
        for s in sentences {
            // A sentence in capitals (a headline) tells nothing about capitalization.
            if is_caps_sentence(s) {
                continue;
            }
            // Runs with and without a capitalized first word of the sentence.
            for skip_first in [false, true] {
                let runs = cap_runs(s, skip_first);
                let mut i = 0;
                while i < s.len() {
                    match runs[i] {
                        Some((a, b)) => {
                            inits.insert(hash_str(&initials(&s[a..b])), ());
                            i = b;
                        }
                        None => i += 1,
                    }
                }
            }
            for (i, t) in s.iter().enumerate() {
                if !t.has_alpha {
                    continue;
                }
                let e = counts.entry(t.h_lower).or_default();
                if t.init_cap && i > 0 {
                    e.0 = e.0.saturating_add(1);
                } else if !t.init_cap {
                    e.1 = e.1.saturating_add(1);
                }
            }
        }
        DocStats { counts, initials: inits }
    }

    /// Returns true when an all-capitals token spells the initials of a capitalized run of the
    /// document ("HANO" after "Housing Authority of New Orleans").
    fn is_acronym(&self, t: &TokInfo) -> bool {
        let n = t.lower.chars().count();
        t.all_caps && (2..=6).contains(&n) && self.initials.contains_key(&hash_str(&t.lower.to_uppercase()))
    }

    fn class(&self, h_lower: u64) -> u64 {
        match self.counts.get(&h_lower) {
            None => 0,
            Some(&(cap, low)) => 1 + (cap > 0) as u64 + 2 * (low > 0) as u64,
        }
    }
}

/// Returns true when a sentence's letters are all upper case (a CoNLL headline), with at least two
/// words that have letters.
pub fn is_caps_sentence(s: &[TokInfo]) -> bool {
    let mut words = 0;
    for t in s {
        if t.has_alpha {
            if !t.all_caps {
                return false;
            }
            words += 1;
        }
    }
    words >= 2
}

/// The entity types the tagger gave to words earlier in the document (the last one wins).
#[derive(Debug, Default, Clone)]
pub struct History {
    last: HashKeyed<u8>,
}

impl History {
    /// Forgets everything (a new document starts).
    pub fn clear(&mut self) {
        self.last.clear();
    }

    /// Records the types of a tagged sentence: `types[i]` is 0 for outside, else 1 + entity type.
    pub fn record(&mut self, toks: &[TokInfo], types: &[u8]) {
        for (t, &ty) in toks.iter().zip(types) {
            if ty != 0 {
                self.last.insert(t.h_lower, ty);
            } else if t.init_cap {
                // A capitalized word left outside is evidence too, but weaker than a type:
                // only record it when nothing is known yet.
                self.last.entry(t.h_lower).or_insert(0);
            }
        }
    }

    fn get(&self, h: u64) -> Option<u8> {
        self.last.get(&h).copied()
    }
}

/// Feature ids of one sentence, token by token.
#[derive(Debug, Default, Clone)]
pub struct SentFeatures {
    pub ids: Vec<u32>,
    /// `ids[starts[i]..starts[i + 1]]` are token i's features.
    pub starts: Vec<u32>,
}

impl SentFeatures {
    /// Returns the features of token `i`.
    pub fn of(&self, i: usize) -> &[u32] {
        &self.ids[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

const BOUNDARY_BEFORE: u64 = 0x1111;
const BOUNDARY_AFTER: u64 = 0x2222;

/// Computes the features of a sentence that do not depend on the tagger's own predictions.
pub fn static_features(toks: &[TokInfo], gaz: &Gazetteer, lex: &Lexicon, doc: &DocStats) -> SentFeatures {
    let n = toks.len();
    let fold_hashes: Vec<u64> = toks.iter().map(|t| t.h_fold).collect();
    let matches: GazMatches = gaz.find(&fold_hashes);
    let caps_sent = is_caps_sentence(toks);
    let lex_entries: Vec<_> = toks.iter().map(|t| lex.get(t.h_lower)).collect();
    let keywords: Vec<u64> = toks.iter().map(|t| keyword_class(&t.lower)).collect();
    // A sentence-initial word that is mostly lower case in newswire is capitalized only because
    // it starts the sentence.
    let skip_first = toks.first().is_some_and(|t| lex.get(t.h_lower).is_some_and(|e| e.cap_bucket <= 1));
    let runs = if caps_sent { vec![None; n] } else { cap_runs(toks, skip_first) };
    let mut out = SentFeatures { ids: Vec::with_capacity(n * 48), starts: Vec::with_capacity(n + 1) };
    let lower_at = |j: isize| -> u64 {
        if j < 0 {
            BOUNDARY_BEFORE
        } else if j as usize >= n {
            BOUNDARY_AFTER
        } else {
            toks[j as usize].h_lower
        }
    };
    let sshape_at = |j: isize| -> u64 {
        if j < 0 {
            BOUNDARY_BEFORE
        } else if j as usize >= n {
            BOUNDARY_AFTER
        } else {
            toks[j as usize].h_sshape
        }
    };
    for (i, t) in toks.iter().enumerate() {
        out.starts.push(out.ids.len() as u32);
        let f = &mut out.ids;
        let ii = i as isize;
        f.push(fid(T_BIAS, 0));
        f.push(fid(T_WORD, t.h_word));
        f.push(fid(T_LOWER, t.h_lower));
        let chars: Vec<char> = t.lower.chars().collect();
        for k in 1..=4usize.min(chars.len()) {
            let p: String = chars[..k].iter().collect();
            let s: String = chars[chars.len() - k..].iter().collect();
            f.push(fid(T_PREFIX, hash_str(&p)));
            f.push(fid(T_SUFFIX, hash_str(&s)));
        }
        f.push(fid(T_SHAPE, t.h_shape));
        f.push(fid(T_SSHAPE, t.h_sshape));
        for d in [-2isize, -1, 1, 2] {
            f.push(fid(T_LOWER_AT, mix(d as u64, lower_at(ii + d))));
        }
        for d in [-1isize, 1] {
            f.push(fid(T_SSHAPE_AT, mix(d as u64, sshape_at(ii + d))));
        }
        f.push(fid(T_BIGRAM_LEFT, mix(lower_at(ii - 1), t.h_lower)));
        f.push(fid(T_BIGRAM_RIGHT, mix(t.h_lower, lower_at(ii + 1))));
        f.push(fid(T_SHAPE_LEFT, mix(sshape_at(ii - 1), t.h_sshape)));
        f.push(fid(T_SHAPE_RIGHT, mix(t.h_sshape, sshape_at(ii + 1))));
        f.push(fid(T_WORD_SSHAPE_NEXT, mix(t.h_lower, sshape_at(ii + 1))));
        if i == 0 {
            f.push(fid(T_FIRST, t.h_sshape));
        }
        if caps_sent {
            f.push(fid(T_CAPS_SENT, t.h_lower));
            f.push(fid(T_CAPS_SENT, 1));
        }
        // Gazetteer matches of this token and its neighbours.
        for l in GazList::ALL {
            if let Some(pos) = matches[i][l as usize] {
                let v = mix(l as u64, pos as u64);
                f.push(fid(T_GAZ, v));
                f.push(fid(T_GAZ_CAP, mix(v, (t.init_cap as u64) + 2 * caps_sent as u64)));
            }
            for d in [-1isize, 1] {
                let j = ii + d;
                if j >= 0 && (j as usize) < n && matches[j as usize][l as usize].is_some() {
                    f.push(fid(T_GAZ_AT, mix(d as u64, l as u64)));
                }
            }
        }
        // Unlabeled-newswire statistics: capitalization ratio and word cluster.
        match lex_entries[i] {
            Some(e) => {
                // A word in capitals inside a mixed-case sentence is an acronym or shouting
                // ("GREAT service"): the word's usual case tells which.
                let shout = t.all_caps && !caps_sent && t.lower.chars().count() > 1;
                let cap_ctx =
                    (i == 0) as u64 + 2 * caps_sent as u64 + 4 * t.init_cap as u64 + 8 * shout as u64;
                f.push(fid(T_LEX_CAP, mix(e.cap_bucket as u64, cap_ctx)));
                if i == 0 || caps_sent {
                    f.push(fid(T_LEX_CAP_FIRST, mix(e.cap_bucket as u64, t.h_sshape)));
                }
                for &l in &CLUSTER_PREFIXES {
                    if let Some((len, bits)) = e.cluster_prefix(l) {
                        f.push(fid(T_CLUSTER, mix(len as u64, bits as u64)));
                    }
                }
            }
            None => {
                if t.has_alpha {
                    f.push(fid(T_NO_LEX, t.init_cap as u64 + 2 * caps_sent as u64));
                }
            }
        }
        for d in [-1isize, 1] {
            let j = ii + d;
            if j >= 0 && (j as usize) < n {
                if let Some(e) = lex_entries[j as usize] {
                    if let Some((len, bits)) = e.cluster_prefix(CLUSTER_PREFIXES[1]) {
                        f.push(fid(T_CLUSTER_AT, mix(mix(d as u64, len as u64), bits as u64)));
                    }
                }
            }
        }
        for d in -2isize..=2 {
            let j = ii + d;
            if j >= 0 && (j as usize) < n && keywords[j as usize] != 0 {
                f.push(fid(T_KEYWORD, mix(d as u64, keywords[j as usize] + 4 * t.init_cap as u64)));
            }
        }
        if t.has_alpha {
            let ctx = (i == 0) as u64 + 2 * caps_sent as u64 + 4 * t.init_cap as u64;
            f.push(fid(T_DOC_CAP, mix(doc.class(t.h_lower), ctx)));
        }
        if let Some((a, b)) = runs[i] {
            // Place in the run: first, inside, last.
            let pos = if i == a {
                0u64
            } else if i + 1 == b {
                2
            } else {
                1
            };
            let head = &toks[b - 1];
            let org_inside = keywords[a..b].contains(&1) as u64;
            f.push(fid(T_RUN_HEAD, mix(pos, head.h_lower)));
            f.push(fid(
                T_RUN_SHAPE,
                mix(pos, keywords[b - 1] + 3 * org_inside + 6 * ((b - a).min(5) as u64)),
            ));
            if i != a {
                f.push(fid(T_RUN_FIRST, mix(pos, toks[a].h_lower)));
            }
        }
        if !caps_sent && doc.is_acronym(t) {
            f.push(fid(T_ACRONYM, 1));
        }
    }
    out.starts.push(out.ids.len() as u32);
    out
}

/// Computes the features of token `t` that depend on earlier predictions in the document.
/// Returns the number of ids written into `out`.
pub fn history_features(t: &TokInfo, hist: &History, out: &mut [u32; 2]) -> usize {
    if !t.has_alpha {
        return 0;
    }
    match hist.get(t.h_lower) {
        None => 0,
        Some(ty) => {
            out[0] = fid(T_HIST, ty as u64);
            out[1] = fid(T_HIST_SHAPE, mix(ty as u64, t.h_sshape));
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        let cases = [
            ("Trump", "Xxxxx", "Xx"),
            ("Washington", "Xxxxx", "Xx"),
            ("U.S.", "X.X.", "X.X."),
            ("1996-08-22", "dddd-dd-dd", "d-d-d"),
            ("CNN", "XXX", "X"),
            ("López", "Xxxxx", "Xx"),
        ];
        for (w, shape, sshape) in cases {
            let t = TokInfo::new(w);
            assert_eq!(t.h_shape, hash_str(shape), "{w}");
            assert_eq!(t.h_sshape, hash_str(sshape), "{w}");
        }
        assert!(TokInfo::new("CNN").all_caps);
        assert!(!TokInfo::new("Cnn").all_caps);
        assert!(!TokInfo::new("1996").has_alpha);
    }

    #[test]
    fn diacritics_fold_to_base_letters() {
        let cases = [
            ("fallūjah", Some("fallujah")),
            ("tikrīt", Some("tikrit")),
            ("são paulo", Some("sao paulo")),
            ("łódź", Some("lodz")),
            ("ḩalab", Some("halab")),
            ("đà nẵng", Some("da nang")),
            ("straße", None),
            ("paris", None),
            ("москва", None),
        ];
        for (w, want) in cases {
            assert_eq!(fold_diacritics(w).as_deref(), want, "{w}");
        }
        assert_eq!(TokInfo::new("Fallūjah").h_fold, TokInfo::new("Fallujah").h_lower);
    }

    #[test]
    fn feature_ids_are_nonzero_and_distinct_by_template() {
        assert_ne!(fid(T_WORD, hash_str("a")), fid(T_LOWER, hash_str("a")));
        for v in 0..1000u64 {
            assert_ne!(fid(T_BIAS, v), 0);
        }
    }

    #[test]
    fn window_features_see_neighbours() {
        let gaz = Gazetteer::default();
        let lex = Lexicon::default();
        let sent: Vec<TokInfo> = ["President", "Joe", "Biden"].iter().map(|w| TokInfo::new(w)).collect();
        let doc = DocStats::new(std::slice::from_ref(&sent));
        let f = static_features(&sent, &gaz, &lex, &doc);
        assert_eq!(f.len(), 3);
        let want = fid(T_LOWER_AT, mix(-1isize as u64, hash_str("president")));
        assert!(f.of(1).contains(&want));
        assert!(!f.of(2).contains(&want));
        assert!(f.of(0).contains(&fid(T_FIRST, hash_str("Xx"))));
    }

    #[test]
    fn keyword_lists_are_sorted_and_found() {
        assert!(ORG_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(PERSON_TITLES.windows(2).all(|w| w[0] < w[1]));
        let cases = [("center", 1), ("inc.", 1), ("president", 2), ("rep.", 2), ("trump", 0)];
        for (w, want) in cases {
            assert_eq!(keyword_class(w), want, "{w}");
        }
        assert!(is_outer_title("dr") && is_outer_title("dr.") && is_outer_title("president"));
        assert!(!is_outer_title("prince") && !is_outer_title("smith"));
    }

    #[test]
    fn headline_sentences_are_detected() {
        let s: Vec<TokInfo> =
            ["SOCCER", "-", "JAPAN", "GET", "LUCKY"].iter().map(|w| TokInfo::new(w)).collect();
        assert!(is_caps_sentence(&s));
        let s: Vec<TokInfo> = ["Japan", "GET", "LUCKY"].iter().map(|w| TokInfo::new(w)).collect();
        assert!(!is_caps_sentence(&s));
    }

    #[test]
    fn history_reports_earlier_types() {
        let mut h = History::default();
        let toks: Vec<TokInfo> = ["Donald", "Trump"].iter().map(|w| TokInfo::new(w)).collect();
        h.record(&toks, &[1, 1]);
        let mut out = [0u32; 2];
        assert_eq!(history_features(&TokInfo::new("Trump"), &h, &mut out), 2);
        assert_eq!(out[0], fid(T_HIST, 1));
        assert_eq!(history_features(&TokInfo::new("Obama"), &h, &mut out), 0);
    }
}
