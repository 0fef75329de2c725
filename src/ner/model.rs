//! The tagger's weights, their compact binary file format, and Viterbi decoding of BIO labels.
//!
//! A model is a table from 32-bit feature ids to one weight per label (quantized to i16 with one
//! scale), first-order label transition weights, and the [`Lexicon`] and [`Gazetteer`] its
//! features were trained with. The file format (little endian):
//!
//! ```text
//! "MORGNER\0"  u32 format version  u32 feature version  u32 labels (9)  f32 scale
//! f32 start[9]  f32 trans[9][9]  u32 rows  u32 keys[rows] (sorted)  i16 weights[rows][9]
//! u32 lexicon entries  entries (see lexicon.rs)
//! gazetteer (see gazetteer.rs)
//! ```
//!
//! Every table is stored sorted by key, so loading needs no hashing: the keys are copied and a
//! [`SortedIndex`] is built in one pass over them, and the weights of the model compiled into the
//! binary are read where they lie ([`Model::from_static`]). This module does not know how features
//! are made.

use std::borrow::Cow;

use super::features::FEATURE_VERSION;
use super::gazetteer::Gazetteer;
use super::lexicon::{Lexicon, ENTRY_BYTES};
use super::table::SortedIndex;
use super::NerError;
use crate::article::EntityKind;

/// Number of labels: O, then B- and I- for PER, ORG, LOC, MISC.
pub const NUM_LABELS: usize = 9;

/// Label index of "outside".
pub const OUTSIDE: u8 = 0;

const MAGIC: &[u8; 8] = b"MORGNER\0";
/// Version 2 added the gazetteer.
const FORMAT_VERSION: u32 = 2;

/// Bytes of one weight row: `NUM_LABELS` little-endian i16.
const ROW_BYTES: usize = 2 * NUM_LABELS;

/// Entity types in label order.
pub const TYPES: [EntityKind; 4] =
    [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Misc];

/// Returns the label index of B-`kind` (`inside = false`) or I-`kind`.
pub fn label_of(kind: EntityKind, inside: bool) -> u8 {
    let t = TYPES.iter().position(|k| *k == kind).unwrap_or(0) as u8;
    1 + 2 * t + inside as u8
}

/// Returns the entity type of a label, `None` for O.
pub fn kind_of(label: u8) -> Option<EntityKind> {
    if label == OUTSIDE || label as usize >= NUM_LABELS {
        return None;
    }
    Some(TYPES[((label - 1) / 2) as usize])
}

/// Returns true for an I- label.
pub fn is_inside(label: u8) -> bool {
    label != OUTSIDE && (label - 1) % 2 == 1
}

/// Returns the label name ("O", "B-PER", ...).
pub fn label_name(label: u8) -> String {
    match kind_of(label) {
        None => "O".to_string(),
        Some(k) => format!("{}-{}", if is_inside(label) { "I" } else { "B" }, k.label()),
    }
}

/// Parses a label name; IOB1 and IOB2 names are both accepted ("I-PER" is read as inside).
pub fn parse_label(s: &str) -> Option<u8> {
    if s == "O" {
        return Some(OUTSIDE);
    }
    let (prefix, ty) = s.split_once('-')?;
    let kind = EntityKind::from_label(ty)?;
    match prefix {
        "B" | "S" | "U" => Some(label_of(kind, false)),
        "I" | "E" | "L" => Some(label_of(kind, true)),
        _ => None,
    }
}

/// Returns true when label `cur` may follow `prev` (`None`: sentence start). I-X only continues
/// B-X or I-X.
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    if !is_inside(cur) {
        return true;
    }
    match prev {
        None => false,
        Some(p) => p != OUTSIDE && kind_of(p) == kind_of(cur),
    }
}

/// Finds the best label sequence for per-token label scores under first-order transitions.
pub fn viterbi(
    em: &[[f32; NUM_LABELS]],
    start: &[f32; NUM_LABELS],
    trans: &[[f32; NUM_LABELS]; NUM_LABELS],
) -> Vec<u8> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let mut score = vec![[NEG; NUM_LABELS]; n];
    let mut back = vec![[0u8; NUM_LABELS]; n];
    for l in 0..NUM_LABELS {
        if allowed(None, l as u8) {
            score[0][l] = start[l] + em[0][l];
        }
    }
    for i in 1..n {
        for cur in 0..NUM_LABELS {
            let mut best = NEG;
            let mut arg = 0u8;
            for prev in 0..NUM_LABELS {
                if score[i - 1][prev] == NEG || !allowed(Some(prev as u8), cur as u8) {
                    continue;
                }
                let s = score[i - 1][prev] + trans[prev][cur];
                if s > best {
                    best = s;
                    arg = prev as u8;
                }
            }
            if best > NEG {
                score[i][cur] = best + em[i][cur];
                back[i][cur] = arg;
            }
        }
    }
    let mut last = 0u8;
    let mut best = NEG;
    for (l, &s) in score[n - 1].iter().enumerate() {
        if s > best {
            best = s;
            last = l as u8;
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
    out
}

/// Trained weights, ready to score features.
#[derive(Debug, Clone)]
pub struct Model {
    /// Sorted feature ids, one per row.
    keys: Vec<u32>,
    index: SortedIndex,
    /// `ROW_BYTES` of quantized weights per row, as stored in the file: borrowed from the binary
    /// for the built-in model, so that loading does not copy them.
    weights: Cow<'static, [u8]>,
    scale: f32,
    pub start: [f32; NUM_LABELS],
    pub trans: [[f32; NUM_LABELS]; NUM_LABELS],
    pub lexicon: Lexicon,
    pub gazetteer: Gazetteer,
}

impl Model {
    /// Builds a model from averaged float weights: keeps at most `max_rows` rows (those with the
    /// largest weights), quantizes them to i16.
    pub fn from_float(
        rows: Vec<(u32, [f32; NUM_LABELS])>,
        start: [f32; NUM_LABELS],
        trans: [[f32; NUM_LABELS]; NUM_LABELS],
        lexicon: Lexicon,
        gazetteer: Gazetteer,
        max_rows: usize,
    ) -> Model {
        // Feature id 0 never occurs (see `features::fid`) and is refused by the file format.
        let mut rows: Vec<(u32, [f32; NUM_LABELS])> =
            rows.into_iter().filter(|(k, w)| *k != 0 && w.iter().any(|x| *x != 0.0)).collect();
        if rows.len() > max_rows {
            // Keep the rows that move scores most (largest L1 norm).
            let norm = |w: &[f32; NUM_LABELS]| w.iter().map(|x| x.abs()).sum::<f32>();
            rows.sort_by(|a, b| norm(&b.1).total_cmp(&norm(&a.1)));
            rows.truncate(max_rows);
        }
        rows.sort_by_key(|r| r.0);
        rows.dedup_by_key(|r| r.0);
        let max = rows.iter().flat_map(|(_, w)| w.iter()).fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / i16::MAX as f32 } else { 1.0 };
        let keys: Vec<u32> = rows.iter().map(|r| r.0).collect();
        let mut weights = Vec::with_capacity(rows.len() * ROW_BYTES);
        for (_, w) in &rows {
            for x in w {
                weights.extend_from_slice(&((x / scale).round() as i16).to_le_bytes());
            }
        }
        let index = SortedIndex::new(keys.iter().map(|&k| (k as u64) << 32)).unwrap_or_default();
        Model { keys, index, weights: Cow::Owned(weights), scale, start, trans, lexicon, gazetteer }
    }

    /// Returns the number of feature rows.
    pub fn rows(&self) -> usize {
        self.keys.len()
    }

    /// Returns the weights of a feature id, if the model has them.
    #[inline]
    fn row(&self, key: u32) -> Option<&[u8]> {
        let r = self.index.candidates((key as u64) << 32);
        let start = r.start;
        let p = self.keys.get(r)?.iter().position(|&k| k == key)?;
        let at = (start + p) * ROW_BYTES;
        self.weights.get(at..at + ROW_BYTES)
    }

    /// Adds the weights of `feats` into the integer accumulator `acc`.
    #[inline]
    pub fn accumulate(&self, feats: &[u32], acc: &mut [i32; NUM_LABELS]) {
        for &f in feats {
            if let Some(w) = self.row(f) {
                for (a, c) in acc.iter_mut().zip(w.chunks_exact(2)) {
                    *a += i16::from_le_bytes([c[0], c[1]]) as i32;
                }
            }
        }
    }

    /// Turns an accumulator into label scores.
    #[inline]
    pub fn finish(&self, acc: &[i32; NUM_LABELS]) -> [f32; NUM_LABELS] {
        let mut out = [0f32; NUM_LABELS];
        for l in 0..NUM_LABELS {
            out[l] = acc[l] as f32 * self.scale;
        }
        out
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(
            64 + self.keys.len() * (4 + ROW_BYTES)
                + self.lexicon.len() * ENTRY_BYTES
                + self.gazetteer.len() * 9,
        );
        b.extend_from_slice(MAGIC);
        for v in [FORMAT_VERSION, FEATURE_VERSION, NUM_LABELS as u32] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.extend_from_slice(&self.scale.to_le_bytes());
        for x in self.start.iter().chain(self.trans.iter().flatten()) {
            b.extend_from_slice(&x.to_le_bytes());
        }
        b.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for k in &self.keys {
            b.extend_from_slice(&k.to_le_bytes());
        }
        b.extend_from_slice(&self.weights);
        self.lexicon.write_to(&mut b);
        self.gazetteer.write_to(&mut b);
        b
    }

    /// Reads a model written by [`Model::to_bytes`] (the weights are copied).
    pub fn from_bytes(b: &[u8]) -> Result<Model, NerError> {
        let (m, w) = Model::decode(b)?;
        Ok(Model { weights: Cow::Owned(w.to_vec()), ..m })
    }

    /// Reads a model that lives as long as the program (the one compiled into the binary); the
    /// weights are used where they lie, not copied.
    pub fn from_static(b: &'static [u8]) -> Result<Model, NerError> {
        let (m, w) = Model::decode(b)?;
        Ok(Model { weights: Cow::Borrowed(w), ..m })
    }

    /// Decodes everything but the weights, which are returned as the slice of `b` that holds them.
    fn decode(b: &[u8]) -> Result<(Model, &[u8]), NerError> {
        let bad = |m: &str| NerError::BadModel(m.to_string());
        let mut r = Reader { b, pos: 0 };
        if r.take(8).ok_or_else(|| bad("file too short"))? != MAGIC {
            return Err(bad("not a morgue NER model (bad magic)"));
        }
        let format = r.u32().ok_or_else(|| bad("truncated header"))?;
        if format != FORMAT_VERSION {
            return Err(NerError::BadModel(format!("unsupported model format version {format}")));
        }
        let fv = r.u32().ok_or_else(|| bad("truncated header"))?;
        if fv != FEATURE_VERSION {
            return Err(NerError::BadModel(format!(
                "model uses feature version {fv}, this morgue computes version {FEATURE_VERSION}"
            )));
        }
        let nl = r.u32().ok_or_else(|| bad("truncated header"))?;
        if nl as usize != NUM_LABELS {
            return Err(NerError::BadModel(format!("model has {nl} labels, expected {NUM_LABELS}")));
        }
        let scale = r.f32().ok_or_else(|| bad("truncated header"))?;
        if !scale.is_finite() {
            return Err(bad("invalid weight scale"));
        }
        let mut start = [0f32; NUM_LABELS];
        for x in &mut start {
            *x = r.f32().ok_or_else(|| bad("truncated transitions"))?;
        }
        let mut trans = [[0f32; NUM_LABELS]; NUM_LABELS];
        for x in trans.iter_mut().flatten() {
            *x = r.f32().ok_or_else(|| bad("truncated transitions"))?;
        }
        let rows = r.u32().ok_or_else(|| bad("truncated row count"))? as usize;
        let kb = r
            .take(rows.checked_mul(4).ok_or_else(|| bad("row count overflow"))?)
            .ok_or_else(|| bad("truncated keys"))?;
        let keys: Vec<u32> =
            kb.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        if keys.windows(2).any(|w| w[0] >= w[1]) || keys.first() == Some(&0) {
            return Err(bad("feature keys are not sorted and unique"));
        }
        let index = SortedIndex::new(keys.iter().map(|&k| (k as u64) << 32))
            .ok_or_else(|| bad("feature keys are not sorted and unique"))?;
        let wb = r.take(rows * ROW_BYTES).ok_or_else(|| bad("truncated weights"))?;
        let nlex = r.u32().ok_or_else(|| bad("truncated lexicon"))? as usize;
        let lb = r
            .take(nlex.checked_mul(ENTRY_BYTES).ok_or_else(|| bad("lexicon size overflow"))?)
            .ok_or_else(|| bad("truncated lexicon"))?;
        let lexicon = Lexicon::read_entries(lb, nlex).ok_or_else(|| bad("invalid lexicon"))?;
        let rest = r.take(b.len() - r.pos).unwrap_or_default();
        let (gazetteer, used) = Gazetteer::read_from(rest).ok_or_else(|| bad("invalid gazetteer"))?;
        if used != rest.len() {
            return Err(bad("trailing bytes after the gazetteer"));
        }
        let m = Model { keys, index, weights: Cow::Borrowed(&[]), scale, start, trans, lexicon, gazetteer };
        Ok((m, wb))
    }
}

/// A bounds-checked little-endian reader.
struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.b.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
    }
    fn f32(&mut self) -> Option<f32> {
        self.u32().map(f32::from_bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_names_round_trip() {
        for l in 0..NUM_LABELS as u8 {
            assert_eq!(parse_label(&label_name(l)), Some(l));
        }
        assert_eq!(parse_label("B-PERSON"), Some(label_of(EntityKind::Person, false)));
        assert_eq!(parse_label("X-PER"), None);
        assert_eq!(parse_label("B-FOO"), None);
    }

    #[test]
    fn viterbi_respects_bio_constraints() {
        let i_per = label_of(EntityKind::Person, true);
        let b_per = label_of(EntityKind::Person, false);
        let i_org = label_of(EntityKind::Organization, true);
        // Token 0 prefers I-PER (not allowed at the start), token 1 prefers I-ORG.
        let mut em = [[0f32; NUM_LABELS]; 2];
        em[0][i_per as usize] = 5.0;
        em[0][b_per as usize] = 1.0;
        em[1][i_org as usize] = 3.0;
        em[1][i_per as usize] = 2.0;
        let path = viterbi(&em, &[0.0; NUM_LABELS], &[[0.0; NUM_LABELS]; NUM_LABELS]);
        assert_eq!(path, vec![b_per, i_per]);
        assert!(viterbi(&[], &[0.0; NUM_LABELS], &[[0.0; NUM_LABELS]; NUM_LABELS]).is_empty());
    }

    #[test]
    fn binary_form_round_trips_and_rejects_garbage() {
        let mut w = [0f32; NUM_LABELS];
        w[1] = 2.5;
        w[3] = -1.0;
        let rows = vec![(42u32, w), (7u32, [0.5; NUM_LABELS]), (9u32, [0.0; NUM_LABELS])];
        let mut trans = [[0f32; NUM_LABELS]; NUM_LABELS];
        trans[1][2] = 0.75;
        let gaz = Gazetteer::from_names([(super::super::gazetteer::GazList::City, "Paris")]);
        let m = Model::from_float(rows, [0.1; NUM_LABELS], trans, Lexicon::default(), gaz.clone(), 10);
        assert_eq!(m.rows(), 2);
        let b = m.to_bytes();
        let m2 = Model::from_bytes(&b).unwrap();
        let mut acc = [0i32; NUM_LABELS];
        m2.accumulate(&[42, 1234], &mut acc);
        let s = m2.finish(&acc);
        assert!((s[1] - 2.5).abs() < 1e-3 && (s[3] + 1.0).abs() < 1e-3);
        assert_eq!(m2.trans[1][2], 0.75);
        assert_eq!(m2.gazetteer, gaz);
        let leaked: &'static [u8] = Box::leak(b.clone().into_boxed_slice());
        let m3 = Model::from_static(leaked).unwrap();
        let mut acc3 = [0i32; NUM_LABELS];
        m3.accumulate(&[42, 1234], &mut acc3);
        assert_eq!(acc3, acc);
        assert_eq!(m3.to_bytes(), b);
        for cut in [0, 7, 20, b.len() - 1] {
            assert!(Model::from_bytes(&b[..cut]).is_err(), "cut at {cut}");
        }
        assert!(Model::from_bytes(b"not a model at all").is_err());
    }

    #[test]
    fn pruning_keeps_the_strongest_rows() {
        let rows = vec![(1u32, [0.1; NUM_LABELS]), (2u32, [3.0; NUM_LABELS]), (3u32, [1.0; NUM_LABELS])];
        let m = Model::from_float(
            rows,
            [0.0; NUM_LABELS],
            [[0.0; NUM_LABELS]; NUM_LABELS],
            Lexicon::default(),
            Gazetteer::default(),
            2,
        );
        let mut acc = [0i32; NUM_LABELS];
        m.accumulate(&[1], &mut acc);
        assert_eq!(acc, [0; NUM_LABELS]);
        m.accumulate(&[2, 3], &mut acc);
        assert!((m.finish(&acc)[0] - 4.0).abs() < 1e-3);
    }
}
