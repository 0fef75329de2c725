//! Training and evaluation: reads CoNLL-style files, learns the weights with an averaged
//! structured perceptron (Collins 2002), and scores a tagger with entity-level exact match.
//!
//! Training walks each document's sentences in order, exactly as tagging does, so the document
//! history features see the model's own earlier predictions (Ratinov & Roth 2009). The features
//! that do not depend on predictions are computed once and interned to dense row numbers, which
//! makes an epoch over CoNLL-2003 train take seconds. The result is pruned to the strongest rows
//! and quantized by [`Model::from_float`].

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use super::features::{history_features, static_features, DocStats, History, TokInfo};
use super::gazetteer::Gazetteer;
use super::lexicon::Lexicon;
use super::model::{is_inside, kind_of, parse_label, viterbi, Model, NUM_LABELS, OUTSIDE, TYPES};
use super::{entity_ranges, types_of, NerError, Tagger};
use crate::article::EntityKind;

/// A labeled sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    /// Label indices (see [`super::model::label_name`]), IOB2.
    pub labels: Vec<u8>,
}

/// A labeled document: sentences in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

/// Reads a CoNLL-style file (see [`parse_conll`]).
pub fn read_conll(path: &Path) -> Result<Vec<Document>, NerError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| NerError::Io { path: path.display().to_string(), source })?;
    parse_conll(&text, &path.display().to_string())
}

/// Parses CoNLL-style text: one token a line, blank lines between sentences. Accepted layouts:
/// CoNLL-2003 (`token POS chunk tag`, space separated, tag last), two columns (`token<TAB>tag`),
/// and Universal NER (`index<TAB>token<TAB>tag<TAB>...`, `#` comment lines). Documents are split
/// at `-DOCSTART-` or `# newdoc`; a file without such markers has one document per sentence
/// (tweets, for instance). IOB1 tags are converted to IOB2.
pub fn parse_conll(text: &str, name: &str) -> Result<Vec<Document>, NerError> {
    // Universal NER files have "# sent_id", "# text" comment lines; elsewhere "#" is a token.
    let uner_file = text
        .lines()
        .take(50)
        .any(|l| l.starts_with("# sent_id") || l.starts_with("# newdoc") || l.starts_with("# text"));
    let is_marker = |l: &str| l.starts_with("-DOCSTART-") || (uner_file && l.starts_with("# newdoc"));
    let has_markers = text.lines().any(is_marker);
    let mut docs = Vec::new();
    let mut doc = Document::default();
    let mut sent = Sentence { tokens: Vec::new(), labels: Vec::new() };
    fn flush_sent(sent: &mut Sentence, doc: &mut Document, docs: &mut Vec<Document>, per_sentence: bool) {
        if sent.tokens.is_empty() {
            return;
        }
        // IOB1 -> IOB2: an I- that does not continue an entity of its type begins one.
        for i in 0..sent.labels.len() {
            let l = sent.labels[i];
            let prev = if i == 0 { None } else { Some(sent.labels[i - 1]) };
            if !super::model::allowed(prev, l) {
                sent.labels[i] = l - 1;
            }
        }
        doc.sentences.push(std::mem::replace(sent, Sentence { tokens: Vec::new(), labels: Vec::new() }));
        if per_sentence {
            docs.push(std::mem::take(doc));
        }
    }
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush_sent(&mut sent, &mut doc, &mut docs, !has_markers);
            continue;
        }
        if is_marker(line) {
            flush_sent(&mut sent, &mut doc, &mut docs, !has_markers);
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        if uner_file && line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> =
            if line.contains('\t') { line.split('\t').collect() } else { line.split_whitespace().collect() };
        let uner = line.contains('\t') && cols.len() >= 3 && cols[0].bytes().all(|b| b.is_ascii_digit());
        let (tok, tag) = match (uner, cols.as_slice()) {
            (true, c) => (c[1], c[2]),
            (false, [t, .., g]) => (*t, *g),
            _ => {
                return Err(NerError::Conll {
                    path: name.to_string(),
                    line: ln + 1,
                    msg: "expected a token and a tag".to_string(),
                })
            }
        };
        let label = parse_label(tag.trim()).ok_or_else(|| NerError::Conll {
            path: name.to_string(),
            line: ln + 1,
            msg: format!("unknown tag {tag:?}"),
        })?;
        sent.tokens.push(tok.to_string());
        sent.labels.push(label);
    }
    flush_sent(&mut sent, &mut doc, &mut docs, !has_markers);
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// A casing perturbation of training sentences (case-robust training).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Casing {
    /// "barack obama visited paris" (chat, forums, search queries).
    Lower,
    /// "BARACK OBAMA VISITED PARIS" (headlines, shouting).
    Upper,
    /// "Barack Obama Visited Paris" (title-case headlines).
    Title,
}

impl Casing {
    /// Re-cases one token.
    pub fn apply(self, tok: &str) -> String {
        match self {
            Casing::Lower => tok.to_lowercase(),
            Casing::Upper => tok.to_uppercase(),
            Casing::Title => {
                let mut cs = tok.chars();
                match cs.next() {
                    Some(c) => c.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
                    None => String::new(),
                }
            }
        }
    }

    /// Parses "lower", "upper" or "title".
    pub fn parse(s: &str) -> Option<Casing> {
        match s {
            "lower" => Some(Casing::Lower),
            "upper" => Some(Casing::Upper),
            "title" => Some(Casing::Title),
            _ => None,
        }
    }
}

/// Settings of [`train`].
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// Feature rows kept in the model (the strongest); bounds the file size (22 bytes a row).
    pub max_features: usize,
    /// Word statistics from unlabeled text, stored in the model.
    pub lexicon: Lexicon,
    /// Casing perturbations. When not empty, every training document is also seen as a copy in
    /// which each sentence, with probability [`TrainOptions::recase_share`], is re-cased by one
    /// of these (picked at random), so that the weights do not lean on capitalization alone.
    pub casings: Vec<Casing>,
    /// Share of the sentences of a copy that are re-cased (the rest stay as written).
    pub recase_share: f64,
    /// Share of the sentences of a copy whose hyphenated tokens are split (see
    /// [`split_hyphens`]); needs [`TrainOptions::casings`], which makes the copies.
    pub split_hyphens: f64,
    /// Share of the commas between two place names that are dropped in the copies (see
    /// [`drop_place_commas`]).
    pub drop_place_commas: f64,
    /// Training runs (seeds `seed`, `seed + 1`, ...) whose weights are averaged.
    pub runs: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            seed: 1,
            max_features: 380_000,
            lexicon: Lexicon::default(),
            casings: Vec::new(),
            recase_share: 1.0,
            split_hyphens: 0.0,
            drop_place_commas: 0.0,
            runs: 1,
        }
    }
}

/// A set of labeled documents and how far to trust it.
#[derive(Debug, Clone, Copy)]
pub struct TrainSet<'a> {
    pub docs: &'a [Document],
    /// Scale of the perceptron updates made on this set (1.0: full weight).
    pub weight: f32,
    /// True when the set annotates only the types that occur in it: a token labeled O may then
    /// belong to a type the set never uses (web corpora with PER/ORG/LOC only say nothing about
    /// MISC), so such labels are not counted as errors.
    pub partial: bool,
    /// True when the set also gets re-cased copies (see [`TrainOptions::casings`]).
    pub recase: bool,
}

/// A small xorshift64 generator: deterministic shuffles and perturbations without a crate.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Returns a copy of `doc` in which sentences are re-cased (see [`TrainOptions::casings`]).
fn recased(doc: &Document, casings: &[Casing], share: f64, rng: &mut Rng) -> Document {
    let sentences = doc
        .sentences
        .iter()
        .map(|s| {
            if casings.is_empty() || !rng.chance(share) {
                return s.clone();
            }
            let c = casings[rng.below(casings.len() as u64) as usize];
            // MISC names keep their case: lower-cased, nationalities and events are ordinary
            // words ("mexican food", "the cartels"), and a model that learns lower-case MISC
            // tags them in well-written news too.
            let tokens = s
                .tokens
                .iter()
                .zip(&s.labels)
                .map(|(t, &l)| if kind_of(l) == Some(EntityKind::Misc) { t.clone() } else { c.apply(t) })
                .collect();
            Sentence { tokens, labels: s.labels.clone() }
        })
        .collect();
    Document { sentences }
}

/// Returns true for a token with a hyphen between two letters or digits ("Coca-Cola", "al-Sadr").
fn is_hyphenated(tok: &str) -> bool {
    let b = tok.as_bytes();
    (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b'-' && b[i - 1].is_ascii_alphanumeric() && b[i + 1].is_ascii_alphanumeric())
}

/// Returns a sentence whose hyphenated tokens are cut into parts and hyphens ("Coca-Cola" gives
/// "Coca", "-", "Cola"), as Universal Dependencies corpora and some web text tokenize them. The
/// parts after the first continue the token's entity (B-ORG, I-ORG, I-ORG), so the tagger learns
/// that a lone hyphen between name parts does not end the name.
fn split_hyphens(s: &Sentence) -> Sentence {
    let mut tokens = Vec::with_capacity(s.tokens.len());
    let mut labels = Vec::with_capacity(s.labels.len());
    for (t, &l) in s.tokens.iter().zip(&s.labels) {
        if !is_hyphenated(t) {
            tokens.push(t.clone());
            labels.push(l);
            continue;
        }
        let cont = if l == OUTSIDE || is_inside(l) { l } else { l + 1 };
        for (k, part) in t.split('-').enumerate() {
            if k > 0 {
                tokens.push("-".to_string());
                labels.push(cont);
            }
            if !part.is_empty() {
                tokens.push(part.to_string());
                labels.push(if k == 0 { l } else { cont });
            }
        }
    }
    Sentence { tokens, labels }
}

/// Returns true when token `i` of a sentence is a comma between two place names ("Miramar ,
/// California").
fn is_place_comma(s: &Sentence, i: usize) -> bool {
    let loc = Some(EntityKind::Location);
    s.tokens[i] == ","
        && i > 0
        && i + 1 < s.tokens.len()
        && kind_of(s.labels[i - 1]) == loc
        && kind_of(s.labels[i + 1]) == loc
        && !is_inside(s.labels[i + 1])
}

/// Returns a sentence without the commas between place names for which `keep` says false
/// ("Miramar California"): informal text often leaves them out, and newswire always has them,
/// so without such copies the tagger reads two adjacent places as one name.
fn drop_place_commas(s: &Sentence, mut keep: impl FnMut() -> bool) -> Sentence {
    let mut out = Sentence { tokens: Vec::new(), labels: Vec::new() };
    for i in 0..s.tokens.len() {
        if is_place_comma(s, i) && !keep() {
            continue;
        }
        out.tokens.push(s.tokens[i].clone());
        out.labels.push(s.labels[i]);
    }
    out
}

/// What happened in one epoch.
#[derive(Debug, Clone)]
pub struct EpochReport {
    pub epoch: usize,
    /// Training sentences the model got wrong during the pass.
    pub sentences_wrong: usize,
    pub sentences: usize,
    pub seconds: f64,
    /// Scores of the averaged model on the development data, when given.
    pub dev: Option<Scores>,
}

/// Entity-level counts per type (exact match of span and type).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// (true positives, false positives, false negatives) per type, in [`TYPES`] order.
    pub counts: [(usize, usize, usize); 4],
}

impl Scores {
    fn prf((tp, fp, fnn): (usize, usize, usize)) -> (f64, f64, f64) {
        let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
        let r = if tp + fnn > 0 { tp as f64 / (tp + fnn) as f64 } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }

    /// Returns precision, recall and F1 of one type.
    pub fn of(&self, kind: EntityKind) -> (f64, f64, f64) {
        let i = TYPES.iter().position(|k| *k == kind).unwrap_or(0);
        Scores::prf(self.counts[i])
    }

    /// Returns precision, recall and F1 over all types.
    pub fn overall(&self) -> (f64, f64, f64) {
        let sum = self.counts.iter().fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
        Scores::prf(sum)
    }
}

/// Scores a tagger on labeled documents.
pub fn evaluate(tagger: &Tagger, docs: &[Document]) -> Scores {
    let mut s = Scores::default();
    for d in docs {
        let toks: Vec<Vec<&str>> =
            d.sentences.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
        let pred = tagger.tag_tokens(&toks);
        for (sent, p) in d.sentences.iter().zip(&pred) {
            let gold = entity_ranges(&sent.labels);
            let got = entity_ranges(p);
            for (ti, kind) in TYPES.iter().enumerate() {
                let g: Vec<_> = gold.iter().filter(|e| e.2 == *kind).collect();
                let q: Vec<_> = got.iter().filter(|e| e.2 == *kind).collect();
                let tp = q.iter().filter(|e| g.contains(e)).count();
                s.counts[ti].0 += tp;
                s.counts[ti].1 += q.len() - tp;
                s.counts[ti].2 += g.len() - tp;
            }
        }
    }
    s
}

/// The perceptron's state: weights and the sums needed for averaging, per interned feature row.
struct Weights {
    rows: HashMap<u32, u32>,
    keys: Vec<u32>,
    w: Vec<f32>,
    /// Sum of (step × update), so that the average is `w - u / steps`.
    u: Vec<f64>,
    start: [f32; NUM_LABELS],
    start_u: [f64; NUM_LABELS],
    trans: [[f32; NUM_LABELS]; NUM_LABELS],
    trans_u: [[f64; NUM_LABELS]; NUM_LABELS],
    step: f64,
}

impl Weights {
    fn intern(&mut self, id: u32) -> u32 {
        if let Some(&r) = self.rows.get(&id) {
            return r;
        }
        let r = self.keys.len() as u32;
        self.rows.insert(id, r);
        self.keys.push(id);
        self.w.extend_from_slice(&[0.0; NUM_LABELS]);
        self.u.extend_from_slice(&[0.0; NUM_LABELS]);
        r
    }

    fn score(&self, rows: &[u32], out: &mut [f32; NUM_LABELS]) {
        for &r in rows {
            let w = &self.w[r as usize * NUM_LABELS..(r as usize + 1) * NUM_LABELS];
            for l in 0..NUM_LABELS {
                out[l] += w[l];
            }
        }
    }

    fn update(&mut self, rows: &[u32], label: u8, delta: f32) {
        for &r in rows {
            let i = r as usize * NUM_LABELS + label as usize;
            self.w[i] += delta;
            self.u[i] += self.step * delta as f64;
        }
    }

    fn update_trans(&mut self, prev: Option<u8>, cur: u8, delta: f32) {
        let c = self.step * delta as f64;
        match prev {
            None => {
                self.start[cur as usize] += delta;
                self.start_u[cur as usize] += c;
            }
            Some(p) => {
                self.trans[p as usize][cur as usize] += delta;
                self.trans_u[p as usize][cur as usize] += c;
            }
        }
    }

    fn averaged(&self, lexicon: &Lexicon, gazetteer: &Gazetteer, max_rows: usize) -> Model {
        let p = self.averaged_parts();
        Model::from_float(p.rows, p.start, p.trans, lexicon.clone(), gazetteer.clone(), max_rows)
    }

    /// The averaged weights as float rows, before pruning and quantization.
    fn averaged_parts(&self) -> FloatWeights {
        let s = self.step.max(1.0);
        let avg = |w: f32, u: f64| (w as f64 - u / s) as f32;
        let rows = self
            .keys
            .iter()
            .enumerate()
            .map(|(r, &k)| {
                let mut a = [0f32; NUM_LABELS];
                for (l, x) in a.iter_mut().enumerate() {
                    let i = r * NUM_LABELS + l;
                    *x = avg(self.w[i], self.u[i]);
                }
                (k, a)
            })
            .collect();
        let mut start = [0f32; NUM_LABELS];
        let mut trans = [[0f32; NUM_LABELS]; NUM_LABELS];
        for (l, row) in trans.iter_mut().enumerate() {
            start[l] = avg(self.start[l], self.start_u[l]);
            for (m, x) in row.iter_mut().enumerate() {
                *x = avg(self.trans[l][m], self.trans_u[l][m]);
            }
        }
        FloatWeights { rows, start, trans }
    }
}

/// Averaged weights of one training run.
struct FloatWeights {
    rows: Vec<(u32, [f32; NUM_LABELS])>,
    start: [f32; NUM_LABELS],
    trans: [[f32; NUM_LABELS]; NUM_LABELS],
}

/// Averages the weights of several runs (parameter mixing, McDonald et al. 2010): a feature
/// missing from a run counts as zero there.
fn mix_runs(runs: &[FloatWeights]) -> FloatWeights {
    let k = runs.len().max(1) as f32;
    let mut rows: HashMap<u32, [f32; NUM_LABELS]> = HashMap::new();
    let mut start = [0f32; NUM_LABELS];
    let mut trans = [[0f32; NUM_LABELS]; NUM_LABELS];
    for r in runs {
        for (id, w) in &r.rows {
            let acc = rows.entry(*id).or_insert([0.0; NUM_LABELS]);
            for l in 0..NUM_LABELS {
                acc[l] += w[l] / k;
            }
        }
        for (acc, x) in start.iter_mut().zip(&r.start) {
            *acc += x / k;
        }
        for (acc, x) in trans.iter_mut().flatten().zip(r.trans.iter().flatten()) {
            *acc += x / k;
        }
    }
    FloatWeights { rows: rows.into_iter().collect(), start, trans }
}

/// A training sentence with its precomputed features (as row numbers).
struct Prepared {
    infos: Vec<TokInfo>,
    rows: Vec<Vec<u32>>,
    gold: Vec<u8>,
}

/// A training document with its update weight and the labels an O token may also take.
struct PreparedDoc {
    sentences: Vec<Prepared>,
    weight: f32,
    /// Bit set of labels that a gold O may stand for (always includes O itself).
    o_may_be: u16,
}

/// Trains a tagger on `train`; after each epoch, scores the averaged model on `dev` when given
/// and reports to `on_epoch`.
pub fn train(
    train: &[Document],
    dev: Option<&[Document]>,
    opts: &TrainOptions,
    on_epoch: &mut dyn FnMut(&EpochReport),
) -> Result<Tagger, NerError> {
    train_sets(&[TrainSet { docs: train, weight: 1.0, partial: false, recase: true }], dev, opts, on_epoch)
}

/// Returns the bit set of labels a gold O may stand for in a set: O, plus B-/I- of every type
/// the set never uses when the set is partial.
fn o_labels(set: &TrainSet) -> u16 {
    let mut bits = 1u16 << OUTSIDE;
    if !set.partial {
        return bits;
    }
    let mut used = [false; TYPES.len()];
    for l in set.docs.iter().flat_map(|d| &d.sentences).flat_map(|s| &s.labels) {
        if *l != OUTSIDE {
            used[((l - 1) / 2) as usize] = true;
        }
    }
    for (t, u) in used.iter().enumerate() {
        if !u {
            bits |= 0b11 << (1 + 2 * t);
        }
    }
    bits
}

/// Trains a tagger on several sets of documents, each with its own weight (see [`TrainSet`]).
/// With [`TrainOptions::runs`] above 1, trains that many times with consecutive seeds and
/// averages the weights, which steadies the result against the luck of one shuffle.
pub fn train_sets(
    sets: &[TrainSet],
    dev: Option<&[Document]>,
    opts: &TrainOptions,
    on_epoch: &mut dyn FnMut(&EpochReport),
) -> Result<Tagger, NerError> {
    let mut runs = Vec::new();
    for r in 0..opts.runs.max(1) {
        let o = TrainOptions { seed: opts.seed.wrapping_add(r as u64), ..opts.clone() };
        runs.push(train_run(sets, dev, &o, on_epoch)?);
    }
    let w = if runs.len() == 1 { runs.remove(0) } else { mix_runs(&runs) };
    Ok(Tagger::from_model(Model::from_float(
        w.rows,
        w.start,
        w.trans,
        opts.lexicon.clone(),
        Gazetteer::from_lists().clone(),
        opts.max_features,
    )))
}

/// One training run; returns the averaged weights.
fn train_run(
    sets: &[TrainSet],
    dev: Option<&[Document]>,
    opts: &TrainOptions,
    on_epoch: &mut dyn FnMut(&EpochReport),
) -> Result<FloatWeights, NerError> {
    let gaz = Gazetteer::from_lists();
    let mut wts = Weights {
        rows: HashMap::new(),
        keys: Vec::new(),
        w: Vec::new(),
        u: Vec::new(),
        start: [0.0; NUM_LABELS],
        start_u: [0.0; NUM_LABELS],
        trans: [[0.0; NUM_LABELS]; NUM_LABELS],
        trans_u: [[0.0; NUM_LABELS]; NUM_LABELS],
        step: 1.0,
    };
    let mut rng = Rng::new(opts.seed);
    let mut docs: Vec<PreparedDoc> = Vec::new();
    for set in sets {
        let o_may_be = o_labels(set);
        let mut copies: Vec<Document> = if opts.casings.is_empty() || !set.recase {
            Vec::new()
        } else {
            set.docs.iter().map(|d| recased(d, &opts.casings, opts.recase_share, &mut rng)).collect()
        };
        if opts.split_hyphens > 0.0 {
            for s in copies.iter_mut().flat_map(|d| d.sentences.iter_mut()) {
                if s.tokens.iter().any(|t| is_hyphenated(t)) && rng.chance(opts.split_hyphens) {
                    *s = split_hyphens(s);
                }
            }
        }
        if opts.drop_place_commas > 0.0 {
            for s in copies.iter_mut().flat_map(|d| d.sentences.iter_mut()) {
                if (0..s.tokens.len()).any(|i| is_place_comma(s, i)) {
                    *s = drop_place_commas(s, || !rng.chance(opts.drop_place_commas));
                }
            }
        }
        for d in set.docs.iter().chain(&copies) {
            let infos: Vec<Vec<TokInfo>> =
                d.sentences.iter().map(|s| s.tokens.iter().map(|t| TokInfo::new(t)).collect()).collect();
            let stats = DocStats::new(&infos);
            let mut sentences = Vec::with_capacity(infos.len());
            for (s, toks) in d.sentences.iter().zip(infos) {
                let f = static_features(&toks, gaz, &opts.lexicon, &stats);
                let rows = (0..f.len()).map(|i| f.of(i).iter().map(|&id| wts.intern(id)).collect()).collect();
                sentences.push(Prepared { infos: toks, rows, gold: s.labels.clone() });
            }
            docs.push(PreparedDoc { sentences, weight: set.weight, o_may_be });
        }
    }
    let total_sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    if total_sentences == 0 {
        return Err(NerError::NoData);
    }
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut hist = History::default();
    let mut em: Vec<[f32; NUM_LABELS]> = Vec::new();
    let mut constrained: Vec<[f32; NUM_LABELS]> = Vec::new();
    let mut hrows: Vec<Vec<u32>> = Vec::new();
    for epoch in 1..=opts.epochs.max(1) {
        let t0 = Instant::now();
        // Fisher-Yates shuffle of the document order.
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i as u64 + 1) as usize);
        }
        let mut wrong = 0;
        for &di in &order {
            hist.clear();
            let doc = &docs[di];
            for p in &doc.sentences {
                em.clear();
                hrows.clear();
                for (i, t) in p.infos.iter().enumerate() {
                    let mut h = [0u32; 2];
                    let n = history_features(t, &hist, &mut h);
                    let hr: Vec<u32> = h[..n].iter().map(|&id| wts.intern(id)).collect();
                    let mut s = [0f32; NUM_LABELS];
                    wts.score(&p.rows[i], &mut s);
                    wts.score(&hr, &mut s);
                    em.push(s);
                    hrows.push(hr);
                }
                let pred = viterbi(&em, &wts.start, &wts.trans);
                // With partial labels the target is the best path that agrees with the gold
                // labels where they say something (Tsuboi et al. 2008).
                let gold = if doc.o_may_be == 1 << OUTSIDE {
                    p.gold.clone()
                } else {
                    constrained.clear();
                    for (e, &g) in em.iter().zip(&p.gold) {
                        let allowed = if g == OUTSIDE { doc.o_may_be } else { 1 << g };
                        let mut c = *e;
                        for (l, x) in c.iter_mut().enumerate() {
                            if allowed & (1 << l) == 0 {
                                *x = f32::NEG_INFINITY;
                            }
                        }
                        constrained.push(c);
                    }
                    viterbi(&constrained, &wts.start, &wts.trans)
                };
                if pred != gold {
                    wrong += 1;
                    let w = doc.weight;
                    for i in 0..pred.len() {
                        let (g, q) = (gold[i], pred[i]);
                        if g != q {
                            wts.update(&p.rows[i], g, w);
                            wts.update(&p.rows[i], q, -w);
                            wts.update(&hrows[i], g, w);
                            wts.update(&hrows[i], q, -w);
                        }
                        let gp = if i == 0 { None } else { Some(gold[i - 1]) };
                        let qp = if i == 0 { None } else { Some(pred[i - 1]) };
                        if (gp, g) != (qp, q) {
                            wts.update_trans(gp, g, w);
                            wts.update_trans(qp, q, -w);
                        }
                    }
                }
                wts.step += 1.0;
                hist.record(&p.infos, &types_of(&pred));
            }
        }
        let dev_scores = dev
            .map(|d| evaluate(&Tagger::from_model(wts.averaged(&opts.lexicon, gaz, opts.max_features)), d));
        on_epoch(&EpochReport {
            epoch,
            sentences_wrong: wrong,
            sentences: total_sentences,
            seconds: t0.elapsed().as_secs_f64(),
            dev: dev_scores,
        });
    }
    Ok(wts.averaged_parts())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::model::label_name;

    #[test]
    fn reads_each_layout() {
        let conll = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n";
        let docs = parse_conll(conll, "t").unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].sentences.len(), 2);
        // IOB1 "I-ORG" at a sentence start becomes B-ORG.
        assert_eq!(label_name(docs[0].sentences[0].labels[0]), "B-ORG");
        assert_eq!(label_name(docs[0].sentences[1].labels[1]), "I-PER");

        let tweets = "I\tO\nlove\tO\nParis\tB-LOC\n\nhi\tO\n";
        let docs = parse_conll(tweets, "t").unwrap();
        assert_eq!(docs.len(), 2, "no markers: one document per sentence");

        let uner = "# newdoc id = a\n# sent_id = 1\n# text = in tampa bay\n1\tin\tO\t-\t-\n2\ttampa\tB-LOC\t-\tx\n3\tbay\tI-LOC\t-\tx\n";
        let docs = parse_conll(uner, "t").unwrap();
        assert_eq!(docs[0].sentences[0].tokens, vec!["in", "tampa", "bay"]);
        assert_eq!(label_name(docs[0].sentences[0].labels[2]), "I-LOC");
    }

    #[test]
    fn reports_bad_tags_with_line_numbers() {
        let err = parse_conll("a O\nb B-FOO\n", "f.conll").unwrap_err();
        assert_eq!(err.to_string(), "f.conll:2: unknown tag \"B-FOO\"");
    }

    #[test]
    fn casings_recase_tokens() {
        let cases = [
            (Casing::Lower, "McDonald's", "mcdonald's"),
            (Casing::Upper, "López", "LÓPEZ"),
            (Casing::Title, "NEW", "New"),
            (Casing::Title, "", ""),
        ];
        for (c, from, to) in cases {
            assert_eq!(c.apply(from), to, "{c:?} {from}");
        }
        assert_eq!(Casing::parse("title"), Some(Casing::Title));
        assert_eq!(Casing::parse("camel"), None);
        let text = "-DOCSTART- O\n\nAlice B-PER\nran O\n\nBob B-PER\nsat O\n";
        let doc = parse_conll(text, "t").unwrap().remove(0);
        let mut rng = Rng::new(1);
        let all = recased(&Document { sentences: doc.sentences.clone() }, &[Casing::Lower], 1.0, &mut rng);
        assert_eq!(all.sentences[1].tokens, vec!["bob", "sat"]);
        assert_eq!(all.sentences[1].labels, doc.sentences[1].labels);
        let none = recased(&doc, &[Casing::Lower], 0.0, &mut rng);
        assert_eq!(none, doc);
    }

    #[test]
    fn hyphenated_tokens_split_inside_their_entity() {
        let text = "Coca-Cola B-ORG\nand O\nMuqtada B-PER\nal-Sadr I-PER\nsaid O\nwell-known O\n- O\n";
        let s = parse_conll(text, "t").unwrap().remove(0).sentences.remove(0);
        let split = split_hyphens(&s);
        assert_eq!(
            split.tokens,
            ["Coca", "-", "Cola", "and", "Muqtada", "al", "-", "Sadr", "said", "well", "-", "known", "-"]
        );
        let names: Vec<String> = split.labels.iter().map(|&l| label_name(l)).collect();
        assert_eq!(
            names,
            ["B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "O", "O", "O"]
        );
        assert!(!is_hyphenated("-") && !is_hyphenated("a-") && is_hyphenated("F-16"));
    }

    #[test]
    fn commas_between_places_are_dropped() {
        let text = "Miramar B-LOC\n, O\nCalifornia B-LOC\n, O\nsaid O\nSmith B-PER\n, O\nParis B-LOC\n";
        let s = parse_conll(text, "t").unwrap().remove(0).sentences.remove(0);
        assert!(is_place_comma(&s, 1) && !is_place_comma(&s, 3) && !is_place_comma(&s, 6));
        let d = drop_place_commas(&s, || false);
        assert_eq!(d.tokens, ["Miramar", "California", ",", "said", "Smith", ",", "Paris"]);
        assert_eq!(d.labels.len(), d.tokens.len());
        assert_eq!(drop_place_commas(&s, || true), s);
    }

    #[test]
    fn partial_sets_let_o_stand_for_unused_types() {
        let docs = parse_conll("Alice B-PER\nin O\nParis B-LOC\n", "t").unwrap();
        let full = TrainSet { docs: &docs, weight: 1.0, partial: false, recase: false };
        assert_eq!(o_labels(&full), 1);
        let partial = TrainSet { partial: true, ..full };
        let org_b = super::super::model::label_of(EntityKind::Organization, false);
        let misc_i = super::super::model::label_of(EntityKind::Misc, true);
        let per_b = super::super::model::label_of(EntityKind::Person, false);
        let bits = o_labels(&partial);
        assert!(bits & (1 << org_b) != 0 && bits & (1 << misc_i) != 0);
        assert!(bits & (1 << per_b) == 0 && bits & 1 != 0);
    }

    #[test]
    fn mixing_averages_runs() {
        let run = |id: u32, x: f32| FloatWeights {
            rows: vec![(id, [x; NUM_LABELS])],
            start: [x; NUM_LABELS],
            trans: [[x; NUM_LABELS]; NUM_LABELS],
        };
        let m = mix_runs(&[run(1, 2.0), run(2, 4.0)]);
        let mut rows = m.rows;
        rows.sort_by_key(|r| r.0);
        assert_eq!(rows, vec![(1, [1.0; NUM_LABELS]), (2, [2.0; NUM_LABELS])]);
        assert_eq!(m.start, [3.0; NUM_LABELS]);
        assert_eq!(m.trans[4][5], 3.0);
    }

    #[test]
    fn learns_a_toy_language() {
        let text = "\
-DOCSTART- O\n\nAlice B-PER\nvisited O\nParis B-LOC\n.\tO\n\nBob B-PER\nvisited O\nLondon B-LOC\n. O\n\n\
-DOCSTART- O\n\nCarol B-PER\nleft O\nRome B-LOC\n. O\n\nAcme B-ORG\nCorp I-ORG\nhired O\nDave B-PER\n. O\n";
        let docs = parse_conll(text, "toy").unwrap();
        let opts = TrainOptions { epochs: 8, ..TrainOptions::default() };
        let mut epochs = 0;
        let tagger = train(&docs, Some(&docs), &opts, &mut |_| epochs += 1).unwrap();
        assert_eq!(epochs, 8);
        let s = evaluate(&tagger, &docs);
        assert!(s.overall().2 > 0.99, "{s:?}");
        // The model survives its file format.
        let again = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        assert_eq!(evaluate(&again, &docs), s);
        assert!(matches!(train(&[], None, &opts, &mut |_| {}), Err(NerError::NoData)));
        // Two mixed runs with lower-cased copies still learn it.
        let opts = TrainOptions { runs: 2, casings: vec![Casing::Lower], recase_share: 0.5, ..opts };
        let mut epochs = 0;
        let mixed = train(&docs, None, &opts, &mut |_| epochs += 1).unwrap();
        assert_eq!(epochs, 16);
        assert!(evaluate(&mixed, &docs).overall().2 > 0.99);
    }
}

/// The shipped model on a small hand-written news file (`tests/fixtures/ner/news.conll`).
#[cfg(test)]
mod shipped_model_tests {
    use super::*;

    #[test]
    fn shipped_model_reaches_min_f1_on_fixture() {
        let text = include_str!("../../tests/fixtures/ner/news.conll");
        let docs = parse_conll(text, "news.conll").unwrap();
        assert_eq!(docs.len(), 4);
        let s = evaluate(Tagger::builtin(), &docs);
        let (_, _, f1) = s.overall();
        assert!(f1 >= 0.85, "F1 {f1:.3} on the fixture: {s:?}");
    }
}
