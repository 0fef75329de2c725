//! Word statistics from unlabeled text: how often each word is capitalized, and a hierarchical word
//! cluster (a bit path), used as features so that words unseen in the labeled data still get
//! useful evidence.
//!
//! The lexicon is stored inside the model file; [`build`] computes it from plain text (the shipped
//! one from the Reuters-21578 newswire, of which only these derived numbers are kept). Clusters
//! come from recursive spherical 2-means over left/right context vectors, so that a word's cluster
//! id is a path in a binary tree and its prefixes are coarser clusters (as with Brown clusters).

use std::collections::HashMap;

use super::features::hash_str;
use super::table::SortedIndex;
use super::tokenize::{sentences, tokenize};

/// Cluster-path prefix lengths used as features (coarse to fine).
pub const CLUSTER_PREFIXES: [u8; 3] = [4, 8, 12];

/// What the lexicon knows about one lower-cased word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LexEntry {
    /// Share of non-sentence-initial occurrences written with a capital, in 5 buckets (0..=4);
    /// 5 when the word was too rare to say.
    pub cap_bucket: u8,
    /// Number of bits in `cluster` (0: no cluster).
    pub cluster_len: u8,
    /// Cluster path, first decision in the highest used bit.
    pub cluster: u32,
}

impl LexEntry {
    /// Returns the cluster path cut to `len` bits, if the path has at least one bit.
    pub fn cluster_prefix(&self, len: u8) -> Option<(u8, u32)> {
        if self.cluster_len == 0 {
            return None;
        }
        let l = len.min(self.cluster_len);
        Some((l, self.cluster >> (self.cluster_len - l)))
    }

    /// Returns the cluster prefixes of [`CLUSTER_PREFIXES`] lengths (empty without a cluster).
    pub fn cluster_prefixes(&self) -> Vec<(u8, u32)> {
        CLUSTER_PREFIXES.iter().filter_map(|&l| self.cluster_prefix(l)).collect()
    }
}

/// Word statistics keyed by the hash of the lower-cased word, sorted by hash (the order of the
/// model file, so that loading copies the entries without hashing them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    keys: Vec<u64>,
    entries: Vec<LexEntry>,
    index: SortedIndex,
}

/// Bytes per entry in the model file: hash u64, cap u8, len u8, cluster u32.
pub const ENTRY_BYTES: usize = 14;

impl Lexicon {
    /// Builds a lexicon from (word hash, entry) pairs; of two entries with one hash the later wins.
    pub fn from_entries(mut pairs: Vec<(u64, LexEntry)>) -> Lexicon {
        // A stable sort keeps equal hashes in input order; keep the last of each run.
        pairs.sort_by_key(|p| p.0);
        let mut keys: Vec<u64> = Vec::with_capacity(pairs.len());
        let mut entries: Vec<LexEntry> = Vec::with_capacity(pairs.len());
        for (k, e) in pairs {
            if keys.last() == Some(&k) {
                if let Some(last) = entries.last_mut() {
                    *last = e;
                }
            } else {
                keys.push(k);
                entries.push(e);
            }
        }
        let index = SortedIndex::new(keys.iter().copied()).unwrap_or_default();
        Lexicon { keys, entries, index }
    }

    /// Looks up a lower-cased word by its hash.
    #[inline]
    pub fn get(&self, h_lower: u64) -> Option<LexEntry> {
        self.index.find(&self.keys, h_lower).and_then(|i| self.entries.get(i)).copied()
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Appends the binary form: the entry count, then the entries sorted by hash.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for (k, e) in self.keys.iter().zip(&self.entries) {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(e.cap_bucket);
            out.push(e.cluster_len);
            out.extend_from_slice(&e.cluster.to_le_bytes());
        }
    }

    /// Reads `n` entries from `b` (exactly `n * ENTRY_BYTES` bytes, sorted by strictly
    /// increasing hash).
    pub fn read_entries(b: &[u8], n: usize) -> Option<Lexicon> {
        if b.len() != n.checked_mul(ENTRY_BYTES)? {
            return None;
        }
        let mut keys = Vec::with_capacity(n);
        let mut entries = Vec::with_capacity(n);
        for c in b.chunks_exact(ENTRY_BYTES) {
            let k = u64::from_le_bytes(c[0..8].try_into().ok()?);
            let cluster = u32::from_le_bytes(c[10..14].try_into().ok()?);
            if c[9] > 32 || keys.last().is_some_and(|&p| p >= k) {
                return None;
            }
            keys.push(k);
            entries.push(LexEntry { cap_bucket: c[8], cluster_len: c[9], cluster });
        }
        let index = SortedIndex::new(keys.iter().copied())?;
        Some(Lexicon { keys, entries, index })
    }
}

/// Settings of [`build`].
#[derive(Debug, Clone)]
pub struct LexiconConfig {
    /// Words kept (the most frequent).
    pub max_words: usize,
    /// Minimum count of a word to be kept.
    pub min_count: u32,
    /// Context words (the most frequent) that make up the context vectors.
    pub context_words: usize,
    /// Depth of the cluster tree (bits of a path).
    pub depth: u8,
}

impl Default for LexiconConfig {
    fn default() -> Self {
        LexiconConfig { max_words: 40_000, min_count: 3, context_words: 800, depth: 12 }
    }
}

/// Computes capitalization statistics and word clusters from plain-text documents.
pub fn build<'a>(docs: impl Iterator<Item = &'a str>, cfg: &LexiconConfig) -> Lexicon {
    // Pass 1: tokenized sentences (as lower-case word ids), counts and capitalization.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    let mut count: Vec<u32> = Vec::new();
    let mut caps: Vec<(u32, u32)> = Vec::new(); // (capitalized, lower) outside sentence starts
    let mut corpus: Vec<Vec<u32>> = Vec::new();
    for doc in docs {
        let toks = tokenize(doc);
        for r in sentences(&toks) {
            let sent = &toks[r];
            let all_caps = sent
                .iter()
                .filter(|t| t.text.chars().any(char::is_alphabetic))
                .all(|t| !t.text.chars().any(char::is_lowercase));
            let mut s = Vec::with_capacity(sent.len());
            for (i, t) in sent.iter().enumerate() {
                let lower = t.text.to_lowercase();
                let id = match ids.get(&lower) {
                    Some(&id) => id,
                    None => {
                        let id = words.len() as u32;
                        ids.insert(lower.clone(), id);
                        words.push(lower);
                        count.push(0);
                        caps.push((0, 0));
                        id
                    }
                };
                count[id as usize] += 1;
                if i > 0 && !all_caps {
                    match t.text.chars().next() {
                        Some(c) if c.is_uppercase() => caps[id as usize].0 += 1,
                        Some(c) if c.is_lowercase() => caps[id as usize].1 += 1,
                        _ => {}
                    }
                }
                s.push(id);
            }
            corpus.push(s);
        }
    }
    let mut by_freq: Vec<u32> = (0..words.len() as u32).collect();
    by_freq.sort_by(|&a, &b| count[b as usize].cmp(&count[a as usize]).then(a.cmp(&b)));
    let kept: Vec<u32> =
        by_freq.iter().copied().filter(|&w| count[w as usize] >= cfg.min_count).take(cfg.max_words).collect();
    // Context vocabulary: the most frequent words; index 0.. for left, n.. for right contexts.
    let nctx = cfg.context_words.min(by_freq.len());
    let mut ctx_index: HashMap<u32, u32> = HashMap::new();
    for (i, &w) in by_freq.iter().take(nctx).enumerate() {
        ctx_index.insert(w, i as u32);
    }
    let mut row_of: HashMap<u32, usize> = HashMap::new();
    for (r, &w) in kept.iter().enumerate() {
        row_of.insert(w, r);
    }
    let mut ctx: Vec<HashMap<u32, f32>> = vec![HashMap::new(); kept.len()];
    for s in &corpus {
        for (i, &w) in s.iter().enumerate() {
            let Some(&r) = row_of.get(&w) else { continue };
            if i > 0 {
                if let Some(&c) = ctx_index.get(&s[i - 1]) {
                    *ctx[r].entry(c).or_default() += 1.0;
                }
            }
            if let Some(&c) = s.get(i + 1).and_then(|n| ctx_index.get(n)) {
                *ctx[r].entry(c + nctx as u32).or_default() += 1.0;
            }
        }
    }
    // Sparse, sqrt-damped, unit-length context vectors.
    let vecs: Vec<Vec<(u32, f32)>> = ctx
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> = m.into_iter().map(|(k, c)| (k, c.sqrt())).collect();
            v.sort_unstable_by_key(|e| e.0);
            let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                for e in &mut v {
                    e.1 /= norm;
                }
            }
            v
        })
        .collect();
    let mut paths = vec![0u32; kept.len()];
    let all: Vec<usize> = (0..kept.len()).collect();
    bisect(&vecs, 2 * nctx, &all, 0, cfg.depth, &mut paths);
    let mut pairs = Vec::with_capacity(kept.len());
    for (r, &w) in kept.iter().enumerate() {
        let (c, l) = caps[w as usize];
        let total = c + l;
        let cap_bucket = if total < 3 {
            5
        } else {
            let ratio = c as f32 / total as f32;
            match ratio {
                x if x < 0.05 => 0,
                x if x < 0.35 => 1,
                x if x < 0.65 => 2,
                x if x < 0.95 => 3,
                _ => 4,
            }
        };
        pairs.push((
            hash_str(&words[w as usize]),
            LexEntry { cap_bucket, cluster_len: cfg.depth, cluster: paths[r] },
        ));
    }
    Lexicon::from_entries(pairs)
}

/// Splits `members` into two by spherical 2-means and recurses, appending one bit per level.
fn bisect(vecs: &[Vec<(u32, f32)>], dim: usize, members: &[usize], level: u8, depth: u8, paths: &mut [u32]) {
    if level >= depth || members.len() < 2 {
        // Leaves below the tree's depth: pad the path with zeros so all paths have `depth` bits.
        for &m in members {
            paths[m] <<= depth - level;
        }
        return;
    }
    // Seeds: the most frequent member (members are in frequency order) and the member least
    // similar to it; then a few rounds of assignment and centroid update.
    let mut c0 = vec![0f32; dim];
    let mut c1 = vec![0f32; dim];
    let dot = |v: &[(u32, f32)], c: &[f32]| v.iter().map(|&(k, x)| x * c[k as usize]).sum::<f32>();
    for &(k, x) in &vecs[members[0]] {
        c0[k as usize] = x;
    }
    let far = members
        .iter()
        .copied()
        .min_by(|&a, &b| dot(&vecs[a], &c0).total_cmp(&dot(&vecs[b], &c0)))
        .unwrap_or(members[0]);
    for &(k, x) in &vecs[far] {
        c1[k as usize] = x;
    }
    let mut side = vec![false; members.len()];
    for _round in 0..6 {
        for (i, &m) in members.iter().enumerate() {
            side[i] = dot(&vecs[m], &c1) > dot(&vecs[m], &c0);
        }
        c0.iter_mut().for_each(|x| *x = 0.0);
        c1.iter_mut().for_each(|x| *x = 0.0);
        for (i, &m) in members.iter().enumerate() {
            let c = if side[i] { &mut c1 } else { &mut c0 };
            for &(k, x) in &vecs[m] {
                c[k as usize] += x;
            }
        }
        for c in [&mut c0, &mut c1] {
            let n = c.iter().map(|x| x * x).sum::<f32>().sqrt();
            if n > 0.0 {
                c.iter_mut().for_each(|x| *x /= n);
            }
        }
    }
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (i, &m) in members.iter().enumerate() {
        paths[m] <<= 1;
        if side[i] {
            paths[m] |= 1;
            right.push(m);
        } else {
            left.push(m);
        }
    }
    bisect(vecs, dim, &left, level + 1, depth, paths);
    bisect(vecs, dim, &right, level + 1, depth, paths);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_prefixes_cut_the_path() {
        let e = LexEntry { cap_bucket: 4, cluster_len: 12, cluster: 0b1011_0000_1111 };
        assert_eq!(e.cluster_prefix(4), Some((4, 0b1011)));
        assert_eq!(e.cluster_prefix(20), Some((12, 0b1011_0000_1111)));
        assert_eq!(LexEntry::default().cluster_prefix(4), None);
    }

    #[test]
    fn binary_form_round_trips() {
        let l = Lexicon::from_entries(vec![
            (1 << 40, LexEntry { cap_bucket: 5, cluster_len: 0, cluster: 0 }),
            (7, LexEntry { cap_bucket: 1, cluster_len: 12, cluster: 98 }),
            (7, LexEntry { cap_bucket: 3, cluster_len: 12, cluster: 99 }),
        ]);
        assert_eq!(l.len(), 2);
        assert_eq!(l.get(7).map(|e| e.cluster), Some(99), "the later of two entries wins");
        assert_eq!(l.get(8), None);
        let mut b = Vec::new();
        l.write_to(&mut b);
        let n = u32::from_le_bytes(b[0..4].try_into().unwrap()) as usize;
        assert_eq!(Lexicon::read_entries(&b[4..], n), Some(l));
        assert_eq!(Lexicon::read_entries(&b[5..], n), None);
        // Entries out of order are refused.
        let mut swapped = b[4..].to_vec();
        swapped.rotate_left(ENTRY_BYTES);
        assert_eq!(Lexicon::read_entries(&swapped, n), None);
    }

    #[test]
    fn build_separates_names_from_lower_case_words() {
        let text = "Smith said the price rose. Jones said the price fell. Brown said the rate rose. \
                    The company said Smith met Jones. Brown met Smith in Paris. Jones met Brown in Rome. \
                    the price rose and the rate fell. the rate rose and the price fell.";
        let docs = vec![text; 3];
        let cfg = LexiconConfig { max_words: 100, min_count: 1, context_words: 20, depth: 4 };
        let lex = build(docs.into_iter(), &cfg);
        let smith = lex.get(hash_str("smith")).unwrap();
        let price = lex.get(hash_str("price")).unwrap();
        assert_eq!(smith.cap_bucket, 4);
        assert_eq!(price.cap_bucket, 0);
        assert_eq!(smith.cluster_len, 4);
    }
}
