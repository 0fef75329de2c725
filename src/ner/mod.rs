//! Named-entity recognition: an averaged-perceptron BIO tagger that finds persons, organizations,
//! locations and other names (MISC) in plain text, trained in this repository.
//!
//! Stages: [`tokenize`] cuts raw text into CoNLL-like tokens and sentences; [`features`] turns each
//! token into hashed feature ids (word, affixes, shape, window, [`gazetteer`] matches, [`lexicon`]
//! word clusters, document features); [`model`] scores labels and decodes them with Viterbi;
//! [`train`] learns the weights from CoNLL files. Tagging a document goes sentence by sentence in
//! order, feeding each sentence's predictions to the later ones, and ends with a document-level
//! consistency pass ("Trump" after "Donald Trump" is a person).
//!
//! The shipped model (`models/ner.bin`, see `models/README.md`) is compiled into the binary and
//! decoded once by [`Tagger::builtin`], in about a millisecond: its tables are stored sorted, and
//! its weights are read where they lie in the binary. This module does not know about articles or the index:
//! `extract::entities` turns spans into an article's entity lists.

pub mod features;
pub mod gazetteer;
pub mod lexicon;
pub mod model;
pub mod table;
pub mod tokenize;
pub mod train;

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Serialize;

use crate::article::EntityKind;
use features::{history_features, static_features, DocStats, History, TokInfo};
use gazetteer::GazList;
use model::{is_inside, kind_of, label_of, viterbi, Model, NUM_LABELS, OUTSIDE};

pub use train::{
    evaluate, read_conll, train, train_sets, Document, Scores, Sentence, TrainOptions, TrainSet,
};

/// The shipped model, compiled in.
static BUILTIN_MODEL: &[u8] = include_bytes!("../../models/ner.bin");

/// Errors of loading, training and reading training data.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("invalid model: {0}")]
    BadModel(String),
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {msg}")]
    Conll { path: String, line: usize, msg: String },
    #[error("no labeled sentences to train on")]
    NoData,
}

/// One entity found in a text: character offsets (Unicode code points, end exclusive), the text
/// it covers and its type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: EntityKind,
}

/// A trained tagger: weights, word statistics and gazetteer (all in the [`Model`]).
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
}

impl Tagger {
    /// Returns the shipped model, decoded on first use. Should the embedded model ever fail to
    /// decode (a build with a broken `models/ner.bin`), this is a tagger without weights that
    /// finds nothing; the `builtin_model_loads` test guards against that.
    pub fn builtin() -> &'static Tagger {
        static T: OnceLock<Tagger> = OnceLock::new();
        T.get_or_init(|| {
            Model::from_static(BUILTIN_MODEL).map(Tagger::from_model).unwrap_or_else(|_| Tagger::empty())
        })
    }

    /// Decodes a model file (as written by `morgue ner train`).
    pub fn from_bytes(b: &[u8]) -> Result<Tagger, NerError> {
        Ok(Tagger::from_model(Model::from_bytes(b)?))
    }

    /// Encodes the model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    pub(crate) fn from_model(model: Model) -> Tagger {
        Tagger { model }
    }

    fn empty() -> Tagger {
        Tagger::from_model(Model::from_float(
            Vec::new(),
            [0.0; NUM_LABELS],
            [[0.0; NUM_LABELS]; NUM_LABELS],
            lexicon::Lexicon::default(),
            gazetteer::Gazetteer::default(),
            0,
        ))
    }

    /// Returns the word statistics the model was trained with.
    pub fn lexicon(&self) -> &lexicon::Lexicon {
        &self.model.lexicon
    }

    /// Returns the number of weighted features in the model.
    pub fn feature_count(&self) -> usize {
        self.model.rows()
    }

    /// Tags one document of raw text.
    pub fn tag(&self, text: &str) -> Vec<Span> {
        let tokens = tokenize::tokenize(text);
        let ranges = tokenize::sentences(&tokens);
        let sents: Vec<Vec<&str>> =
            ranges.iter().map(|r| tokens[r.clone()].iter().map(|t| t.text).collect()).collect();
        let labels = self.tag_tokens(&sents);
        // Byte offsets to character offsets, walking the text once.
        let mut spans = Vec::new();
        let mut chars_before = 0usize;
        let mut byte_pos = 0usize;
        let mut char_at = |b: usize| -> usize {
            if b >= byte_pos {
                chars_before += text[byte_pos..b].chars().count();
            } else {
                chars_before -= text[b..byte_pos].chars().count();
            }
            byte_pos = b;
            chars_before
        };
        for (r, labs) in ranges.iter().zip(&labels) {
            let toks = &tokens[r.clone()];
            for (s, e, kind) in entity_ranges(labs) {
                let (bs, be) = (toks[s].start, toks[e - 1].end);
                let start = char_at(bs);
                let end = char_at(be);
                spans.push(Span { start, end, text: text[bs..be].to_string(), label: kind });
            }
        }
        spans
    }

    /// Tags one document given as tokenized sentences; returns one label index per token.
    pub fn tag_tokens<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<u8>> {
        let infos: Vec<Vec<TokInfo>> =
            sentences.iter().map(|s| s.iter().map(|t| TokInfo::new(t.as_ref())).collect()).collect();
        let doc = DocStats::new(&infos);
        let mut hist = History::default();
        let mut out = Vec::with_capacity(infos.len());
        let mut em: Vec<[f32; NUM_LABELS]> = Vec::new();
        for toks in &infos {
            let feats = static_features(toks, &self.model.gazetteer, &self.model.lexicon, &doc);
            em.clear();
            for (i, t) in toks.iter().enumerate() {
                let mut acc = [0i32; NUM_LABELS];
                self.model.accumulate(feats.of(i), &mut acc);
                let mut h = [0u32; 2];
                let n = history_features(t, &hist, &mut h);
                self.model.accumulate(&h[..n], &mut acc);
                em.push(self.model.finish(&acc));
            }
            let path = viterbi(&em, &self.model.start, &self.model.trans);
            hist.record(toks, &types_of(&path));
            out.push(path);
        }
        consistency(&infos, &mut out);
        self.common_word_names(&infos, &mut out);
        drop_addresses(&infos, &mut out);
        strip_titles(&infos, &mut out);
        acronyms(&infos, &mut out);
        out
    }
}

/// File-name extensions that make a token a file name, not a name ("resume.doc").
const FILE_EXTENSIONS: &[&str] = &[
    "csv", "doc", "docx", "gif", "htm", "html", "jpeg", "jpg", "pdf", "png", "ppt", "pptx", "rtf", "txt",
    "xls", "xlsx", "xml", "zip",
];

/// Returns true for an e-mail address, a URL or a file name. Newswire has none of them, so the
/// model has no evidence about them and tags their capitalized parts; web text (mail, forums)
/// is full of them and they are never entity names. Web sites named as companies
/// ("Amazon.com") are not addresses here.
pub(crate) fn is_address(lower: &str) -> bool {
    // An e-mail address has a domain with a dot; "Traci Warner@ENRON" (mail-system names) is
    // a person's name.
    let email = lower.split_once('@').is_some_and(|(_, domain)| domain.contains('.'));
    if email || lower.contains("://") || lower.starts_with("www.") {
        return true;
    }
    match lower.rsplit_once('.') {
        Some((stem, ext)) => !stem.is_empty() && FILE_EXTENSIONS.binary_search(&ext).is_ok(),
        None => false,
    }
}

/// Gives an acronym the type of the name it abbreviates in the same document: "HANO" after
/// "Housing Authority of New Orleans" (tagged ORG) is an organization too. Only names of at
/// least two capitalized words count, and only acronyms the tagger left outside or tagged as a
/// single word of another type; sentences in capitals (headlines) are skipped.
fn acronyms(infos: &[Vec<TokInfo>], labels: &mut [Vec<u8>]) {
    let mut types: std::collections::HashMap<String, EntityKind> = std::collections::HashMap::new();
    for (toks, labs) in infos.iter().zip(labels.iter()) {
        if features::is_caps_sentence(toks) {
            continue;
        }
        for (s, e, k) in entity_ranges(labs) {
            let caps = toks[s..e].iter().filter(|t| t.init_cap).count();
            if caps >= 2 && k != EntityKind::Misc {
                types.entry(features::initials(&toks[s..e])).or_insert(k);
            }
        }
    }
    if types.is_empty() {
        return;
    }
    for (toks, labs) in infos.iter().zip(labels.iter_mut()) {
        if features::is_caps_sentence(toks) {
            continue;
        }
        for i in 0..toks.len() {
            let t = &toks[i];
            let single =
                labs[i] == OUTSIDE || (!is_inside(labs[i]) && labs.get(i + 1).is_none_or(|&n| !is_inside(n)));
            if !t.all_caps || t.lower.chars().count() < 2 || !single {
                continue;
            }
            if let Some(&k) = types.get(&t.lower.to_uppercase()) {
                labs[i] = label_of(k, false);
            }
        }
    }
}

/// Takes a leading title out of a person's name ("Dr Joseph" gives "Joseph"): CoNLL-2003 and
/// most annotation schemes leave titles outside the name, and the tagger, which saw titles with
/// a dot ("Dr.") in newswire, sometimes takes a web text's "Dr" into the name.
fn strip_titles(infos: &[Vec<TokInfo>], labels: &mut [Vec<u8>]) {
    let b_per = label_of(EntityKind::Person, false);
    for (toks, labs) in infos.iter().zip(labels.iter_mut()) {
        for (s, e, k) in entity_ranges(labs) {
            if k == EntityKind::Person && e - s >= 2 && features::is_outer_title(&toks[s].lower) {
                labs[s] = OUTSIDE;
                labs[s + 1] = b_per;
            }
        }
    }
}

/// Removes entities that contain an address token (see [`is_address`]).
fn drop_addresses(infos: &[Vec<TokInfo>], labels: &mut [Vec<u8>]) {
    for (toks, labs) in infos.iter().zip(labels.iter_mut()) {
        for (s, e, _) in entity_ranges(labs) {
            if toks[s..e].iter().any(|t| is_address(&t.lower)) {
                labs[s..e].fill(OUTSIDE);
            }
        }
    }
}

impl Tagger {
    /// A "person" whose first word is a mostly lower-case word in newswire ("Rolling Stone",
    /// "Golden State") and not a known first name ("Will", "Hope") is not a person's name:
    /// first names are almost never written in lower case. Such spans become organizations,
    /// the usual case in news (seed: "Rolling Stone reported").
    fn common_word_names(&self, infos: &[Vec<TokInfo>], labels: &mut [Vec<u8>]) {
        let b_org = label_of(EntityKind::Organization, false);
        let i_org = label_of(EntityKind::Organization, true);
        for (toks, labs) in infos.iter().zip(labels.iter_mut()) {
            if features::is_caps_sentence(toks) {
                continue;
            }
            for (s, e, k) in entity_ranges(labs) {
                if k != EntityKind::Person || e - s < 2 {
                    continue;
                }
                let first = &toks[s];
                let common = self.model.lexicon.get(first.h_lower).is_some_and(|x| x.cap_bucket <= 1)
                    && !self.model.gazetteer.holds_word(GazList::FirstName, first.h_fold);
                if common && first.init_cap {
                    labs[s] = b_org;
                    for l in &mut labs[s + 1..e] {
                        *l = i_org;
                    }
                }
            }
        }
    }
}

/// Maps labels to the history's type codes: 0 outside, 1 + type index inside an entity.
pub(crate) fn types_of(labels: &[u8]) -> Vec<u8> {
    labels.iter().map(|&l| if l == OUTSIDE { 0 } else { 1 + (l - 1) / 2 }).collect()
}

/// Returns the entities of a label sequence as (first token, end token, type).
pub fn entity_ranges(labels: &[u8]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, EntityKind)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let kind = kind_of(l);
        let continues = is_inside(l) && cur.is_some_and(|(_, k)| Some(k) == kind);
        if !continues {
            if let Some((s, k)) = cur.take() {
                out.push((s, i, k));
            }
            if let Some(k) = kind {
                cur = Some((i, k));
            }
        }
    }
    if let Some((s, k)) = cur {
        out.push((s, labels.len(), k));
    }
    out
}

/// Document-level consistency: a capitalized word that is part of a multi-word person name found
/// in the document ("Donald Trump") is a person wherever it stands alone ("Trump said"), unless
/// it is inside a longer entity of another type ("Trump Organization").
fn consistency(infos: &[Vec<TokInfo>], labels: &mut [Vec<u8>]) {
    let mut person_parts: HashSet<u64> = HashSet::new();
    for (toks, labs) in infos.iter().zip(labels.iter()) {
        for (s, e, k) in entity_ranges(labs) {
            if k == EntityKind::Person && e - s >= 2 {
                for t in &toks[s..e] {
                    if t.init_cap && t.lower.chars().count() > 1 && t.has_alpha {
                        person_parts.insert(t.h_lower);
                    }
                }
            }
        }
    }
    if person_parts.is_empty() {
        return;
    }
    let b_per = label_of(EntityKind::Person, false);
    let i_per = label_of(EntityKind::Person, true);
    for (toks, labs) in infos.iter().zip(labels.iter_mut()) {
        let caps_sent = features::is_caps_sentence(toks);
        let ents = entity_ranges(labs);
        // Single-token entities of another type that are person-name parts.
        for &(s, e, k) in &ents {
            if k != EntityKind::Person && toks[s..e].iter().all(|t| person_parts.contains(&t.h_lower)) {
                labs[s] = b_per;
                for l in &mut labs[s + 1..e] {
                    *l = i_per;
                }
            }
        }
        // Capitalized name parts left outside.
        for i in 0..toks.len() {
            let t = &toks[i];
            if labs[i] == OUTSIDE && (t.init_cap || caps_sent) && person_parts.contains(&t.h_lower) {
                let prev_per = i > 0 && kind_of(labs[i - 1]) == Some(EntityKind::Person);
                labs[i] = if prev_per { i_per } else { b_per };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_model_loads() {
        let t = Tagger::from_bytes(BUILTIN_MODEL).expect("shipped model decodes");
        assert!(t.feature_count() > 10_000);
        assert!(t.model.lexicon.len() > 1_000);
        assert!(Tagger::builtin().feature_count() > 10_000);
        // The model carries the gazetteer of the text lists; a model trained before a list
        // changed must be retrained (see models/README.md).
        assert!(t.model.gazetteer == *gazetteer::Gazetteer::from_lists(), "retrain models/ner.bin");
    }

    #[test]
    fn entity_ranges_follow_bio() {
        let per_b = label_of(EntityKind::Person, false);
        let per_i = label_of(EntityKind::Person, true);
        let loc_b = label_of(EntityKind::Location, false);
        let org_i = label_of(EntityKind::Organization, true);
        let labels = [per_b, per_i, OUTSIDE, loc_b, loc_b, org_i];
        assert_eq!(
            entity_ranges(&labels),
            vec![
                (0, 2, EntityKind::Person),
                (3, 4, EntityKind::Location),
                (4, 5, EntityKind::Location),
                (5, 6, EntityKind::Organization),
            ]
        );
    }

    #[test]
    fn spans_use_character_offsets() {
        let text = "Le président Andrés Manuel López Obrador a parlé à Mexico.";
        let spans = Tagger::builtin().tag(text);
        assert!(!spans.is_empty());
        for s in &spans {
            let by_chars: String = text.chars().skip(s.start).take(s.end - s.start).collect();
            assert_eq!(by_chars, s.text);
        }
    }

    #[test]
    fn tags_plain_sentences() {
        let spans = Tagger::builtin().tag(
            "German Chancellor Angela Merkel met officials of the European Union in Brussels on Monday.",
        );
        let found: Vec<(&str, EntityKind)> = spans.iter().map(|s| (s.text.as_str(), s.label)).collect();
        assert!(found.contains(&("Angela Merkel", EntityKind::Person)), "{found:?}");
        assert!(found.contains(&("Brussels", EntityKind::Location)), "{found:?}");
        assert!(found.contains(&("European Union", EntityKind::Organization)), "{found:?}");
    }

    #[test]
    fn acronyms_take_the_type_of_their_name() {
        let sents = [
            vec!["The", "Housing", "Authority", "of", "New", "Orleans", "(", "HANO", ")", "sued", "."],
            vec!["HANO", "and", "the", "US", "agreed", "."],
        ];
        let infos: Vec<Vec<TokInfo>> =
            sents.iter().map(|s| s.iter().map(|w| TokInfo::new(w)).collect()).collect();
        let (b, i) = (label_of(EntityKind::Organization, false), label_of(EntityKind::Organization, true));
        let loc = label_of(EntityKind::Location, false);
        let mut labels =
            vec![vec![OUTSIDE, b, i, i, i, i, OUTSIDE, OUTSIDE, OUTSIDE, OUTSIDE, OUTSIDE], vec![loc; 6]];
        labels[1][1..].fill(OUTSIDE);
        acronyms(&infos, &mut labels);
        assert_eq!(labels[0][7], b);
        assert_eq!(labels[1], vec![b, OUTSIDE, OUTSIDE, OUTSIDE, OUTSIDE, OUTSIDE]);
    }

    #[test]
    fn titles_stand_outside_names() {
        let toks: Vec<TokInfo> =
            ["Dr", "Joseph", "Smith", "and", "Prince", "Charles"].iter().map(|w| TokInfo::new(w)).collect();
        let (b, i) = (label_of(EntityKind::Person, false), label_of(EntityKind::Person, true));
        let mut labels = vec![vec![b, i, i, OUTSIDE, b, i]];
        strip_titles(&[toks], &mut labels);
        assert_eq!(labels[0], vec![OUTSIDE, b, i, OUTSIDE, b, i]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", " ", "\n\n", "'", "...", "—", "\u{0}", "ÀÉÎ ÕÜ", "a\u{2028}b", "Mr.", "’s"]
        {
            let _ = Tagger::builtin().tag(text);
        }
    }

    #[test]
    fn addresses_are_recognized() {
        assert!(FILE_EXTENSIONS.windows(2).all(|w| w[0] < w[1]));
        let cases = [
            ("lisa_resume.doc", true),
            ("heatingoilstocks.pdf", true),
            ("kevin.a.boone@accenture.com", true),
            ("warner@enron", false),
            ("http://t.co/o90desl", true),
            ("www.example.org", true),
            ("amazon.com", false),
            ("u.s.", false),
            (".pdf", false),
            ("trump", false),
        ];
        for (w, want) in cases {
            assert_eq!(is_address(w), want, "{w}");
        }
        let spans =
            Tagger::builtin().tag("Please read Lisa_Resume.doc and write to Lisa.Smith@Enron.com today.");
        assert!(spans.iter().all(|s| !s.text.contains('.')), "{spans:?}");
    }

    #[test]
    fn consistency_makes_surnames_persons() {
        let sents: Vec<Vec<TokInfo>> = vec![
            ["Donald", "Trump", "spoke"].iter().map(|w| TokInfo::new(w)).collect(),
            ["Trump", "said"].iter().map(|w| TokInfo::new(w)).collect(),
        ];
        let per_b = label_of(EntityKind::Person, false);
        let per_i = label_of(EntityKind::Person, true);
        let org_b = label_of(EntityKind::Organization, false);
        let mut labels = vec![vec![per_b, per_i, OUTSIDE], vec![org_b, OUTSIDE]];
        consistency(&sents, &mut labels);
        assert_eq!(labels[1], vec![per_b, OUTSIDE]);
    }
}
