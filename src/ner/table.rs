//! A lookup index over sorted hash keys, shared by the model's feature rows, the lexicon and the
//! gazetteer.
//!
//! All three are tables keyed by well-mixed hashes and stored sorted in the model file. Instead of
//! hashing every key into a hash map at start-up (tens of milliseconds for the gazetteer's
//! 160,000 names), the keys are used as they are stored: since hashes spread evenly, the top bits
//! of a key say roughly where it stands in the sorted array, and one pass over the keys records
//! where each group of equal top bits starts. A lookup reads that start and scans about two keys.
//! This module knows nothing about what the keys mean.

use std::ops::Range;

/// Bucket starts over sorted 64-bit keys, bucketed by their top bits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SortedIndex {
    /// Right shift that turns a key into its bucket.
    shift: u32,
    /// `starts[b]..starts[b + 1]` are the positions of the keys of bucket `b`.
    starts: Vec<u32>,
}

impl SortedIndex {
    /// Indexes `keys`, which must be sorted ascending (`None` when they are not, or when there
    /// are more than `u32::MAX`). Keys of 32 bits are passed shifted into the high half, so that
    /// their top bits are the bucket.
    pub fn new(keys: impl ExactSizeIterator<Item = u64>) -> Option<SortedIndex> {
        let n = keys.len();
        if n > u32::MAX as usize {
            return None;
        }
        // About two keys per bucket: one or two cache lines per lookup.
        let bits = (n / 2).max(2).next_power_of_two().trailing_zeros().min(26);
        let shift = 64 - bits;
        let mut starts = vec![0u32; (1usize << bits) + 1];
        let mut prev: Option<u64> = None;
        for k in keys {
            if prev.is_some_and(|p| p > k) {
                return None;
            }
            prev = Some(k);
            starts[(k >> shift) as usize + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        Some(SortedIndex { shift, starts })
    }

    /// Returns the positions where `key` may stand (scan them and compare).
    #[inline]
    pub fn candidates(&self, key: u64) -> Range<usize> {
        let b = (key >> self.shift) as usize;
        match (self.starts.get(b), self.starts.get(b + 1)) {
            (Some(&s), Some(&e)) => s as usize..e as usize,
            _ => 0..0,
        }
    }

    /// Finds `key` in `keys` (the keys the index was built from).
    #[inline]
    pub fn find(&self, keys: &[u64], key: u64) -> Option<usize> {
        let r = self.candidates(key);
        let start = r.start;
        keys.get(r)?.iter().position(|&k| k == key).map(|p| start + p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_nothing_else() {
        let mut keys: Vec<u64> =
            (1..5000u64).map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (i << 7)).collect();
        keys.sort_unstable();
        keys.dedup();
        let idx = SortedIndex::new(keys.iter().copied()).unwrap();
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(idx.find(&keys, k), Some(i));
        }
        for probe in [0u64, 1, u64::MAX, 12345] {
            assert_eq!(idx.find(&keys, probe), keys.iter().position(|&k| k == probe));
        }
    }

    #[test]
    fn small_and_unsorted_inputs() {
        let empty = SortedIndex::new(std::iter::empty()).unwrap();
        assert_eq!(empty.find(&[], 7), None);
        let one = [u64::MAX];
        let idx = SortedIndex::new(one.iter().copied()).unwrap();
        assert_eq!(idx.find(&one, u64::MAX), Some(0));
        assert!(SortedIndex::new([3u64, 2].into_iter()).is_none());
        // An index used with the wrong (shorter) key array answers nothing rather than panicking.
        assert_eq!(idx.find(&[], u64::MAX), None);
    }
}
