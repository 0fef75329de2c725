//! `morgue ner`: train, evaluate and inspect named-entity models.
//!
//! `morgue ner train --conll FILE... [--dev FILE] --out FILE` learns a model from CoNLL-format
//! files, `morgue ner eval --conll FILE` scores a model. Word statistics for the model's lexicon
//! come from `--unlabeled` text (plain text, or Reuters-21578 `.sgm` files whose BODY elements
//! are read), or else are taken over from the built-in model. The learning itself lives in
//! `crate::ner::train`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;

use crate::article::EntityKind;
use crate::ner::lexicon::{self, LexiconConfig};
use crate::ner::train::{Casing, EpochReport, TrainSet};
use crate::ner::{self, Document, Scores, Tagger, TrainOptions};

/// Train and evaluate named-entity models.
#[derive(clap::Args, Debug)]
pub struct NerArgs {
    #[command(subcommand)]
    pub cmd: NerCmd,
}

#[derive(clap::Subcommand, Debug)]
pub enum NerCmd {
    /// Train a model from CoNLL-format files (token first, IOB tag last; blank lines between sentences).
    Train(TrainArgs),
    /// Score a model on CoNLL-format files (entity-level exact match).
    Eval(EvalArgs),
}

#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// Labeled training files.
    #[arg(long, required = true, num_args = 1.., value_name = "FILE")]
    pub conll: Vec<PathBuf>,
    /// Labeled development file, scored after each epoch.
    #[arg(long, value_name = "FILE")]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// Feature rows kept in the model (about 22 bytes each).
    #[arg(long, default_value_t = 380_000)]
    pub max_features: usize,
    /// Unlabeled text for word clusters and capitalization statistics: plain text files, or
    /// Reuters-21578 .sgm files; directories are read recursively. Without it the built-in
    /// model's word statistics are reused.
    #[arg(long, num_args = 1.., value_name = "PATH")]
    pub unlabeled: Vec<PathBuf>,
    /// Seed of the document shuffle.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Auxiliary labeled files (other domains, e.g. web or social-media text), learned from
    /// with `--aux-weight`.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub aux: Vec<PathBuf>,
    /// Treat the `--aux` files as partially annotated: types that never occur in them are not
    /// annotated there, so an O token may be one of them.
    #[arg(long)]
    pub aux_partial: bool,
    /// Also train on re-cased copies of the `--aux` files (see `--casing`).
    #[arg(long)]
    pub aux_recase: bool,
    /// Scale of the updates made on `--aux` files.
    #[arg(long, default_value_t = 0.5)]
    pub aux_weight: f32,
    /// Case-robust training: also train on a copy of every document whose sentences are
    /// re-cased by one of these perturbations (comma separated: lower, upper, title).
    #[arg(long, value_delimiter = ',', value_parser = parse_casing, value_name = "CASING")]
    pub casing: Vec<Casing>,
    /// Training runs with consecutive seeds whose weights are averaged.
    #[arg(long, default_value_t = 1)]
    pub runs: usize,
    /// Share of the sentences of each copy that are re-cased.
    #[arg(long, default_value_t = 1.0)]
    pub recase_share: f64,
    /// Share of the sentences of each re-cased copy whose hyphenated tokens are split into
    /// parts and hyphens ("Coca - Cola"), as some corpora and web text tokenize them.
    #[arg(long, default_value_t = 0.0)]
    pub split_hyphens: f64,
    /// Share of the commas between two place names ("Miramar, California") dropped in the
    /// re-cased copies, as informal text often leaves them out.
    #[arg(long, default_value_t = 0.0)]
    pub drop_place_commas: f64,
}

fn parse_casing(s: &str) -> Result<Casing, String> {
    Casing::parse(s).ok_or_else(|| format!("unknown casing {s:?} (expected lower, upper or title)"))
}

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Labeled files to score on.
    #[arg(long, required = true, num_args = 1.., value_name = "FILE")]
    pub conll: Vec<PathBuf>,
    /// Model file (default: the built-in model).
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
}

/// Runs `morgue ner`.
pub fn run(args: &NerArgs) -> anyhow::Result<ExitCode> {
    match &args.cmd {
        NerCmd::Train(a) => train(a),
        NerCmd::Eval(a) => eval(a),
    }
}

fn read_all(paths: &[PathBuf]) -> anyhow::Result<Vec<Document>> {
    let mut docs = Vec::new();
    for p in paths {
        docs.extend(ner::read_conll(p)?);
    }
    Ok(docs)
}

fn train(a: &TrainArgs) -> anyhow::Result<ExitCode> {
    let train_docs = read_all(&a.conll)?;
    let dev_docs = match &a.dev {
        Some(p) => Some(ner::read_conll(p)?),
        None => None,
    };
    let lexicon = if a.unlabeled.is_empty() {
        Tagger::builtin().lexicon().clone()
    } else {
        let t0 = Instant::now();
        let texts = unlabeled_texts(&a.unlabeled)?;
        let lex = lexicon::build(texts.iter().map(String::as_str), &LexiconConfig::default());
        eprintln!(
            "morgue: lexicon: {} words from {} texts in {:.1}s",
            lex.len(),
            texts.len(),
            t0.elapsed().as_secs_f64()
        );
        lex
    };
    let aux_docs = read_all(&a.aux)?;
    let opts = TrainOptions {
        epochs: a.epochs,
        seed: a.seed,
        max_features: a.max_features,
        lexicon,
        casings: a.casing.clone(),
        recase_share: a.recase_share,
        runs: a.runs,
        split_hyphens: a.split_hyphens,
        drop_place_commas: a.drop_place_commas,
    };
    let sentences: usize = train_docs.iter().chain(&aux_docs).map(|d| d.sentences.len()).sum();
    eprintln!(
        "morgue: training on {} documents ({} auxiliary), {} sentences",
        train_docs.len() + aux_docs.len(),
        aux_docs.len(),
        sentences
    );
    let sets = [
        TrainSet { docs: &train_docs, weight: 1.0, partial: false, recase: true },
        TrainSet { docs: &aux_docs, weight: a.aux_weight, partial: a.aux_partial, recase: a.aux_recase },
    ];
    let tagger = ner::train_sets(&sets, dev_docs.as_deref(), &opts, &mut |r: &EpochReport| {
        let dev = r.dev.as_ref().map(|s| format!(", dev F1 {:.4}", s.overall().2)).unwrap_or_default();
        eprintln!(
            "morgue: epoch {}: {} of {} sentences wrong, {:.1}s{dev}",
            r.epoch, r.sentences_wrong, r.sentences, r.seconds
        );
    })?;
    let bytes = tagger.to_bytes();
    std::fs::write(&a.out, &bytes).with_context(|| format!("cannot write {}", a.out.display()))?;
    eprintln!(
        "morgue: wrote {} ({} features, {:.2} MB)",
        a.out.display(),
        tagger.feature_count(),
        bytes.len() as f64 / 1e6
    );
    if let Some(dev) = &dev_docs {
        print_scores(&ner::evaluate(&tagger, dev));
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(a: &EvalArgs) -> anyhow::Result<ExitCode> {
    let owned;
    let tagger = match &a.model {
        Some(p) => {
            let b = std::fs::read(p).with_context(|| format!("cannot read model {}", p.display()))?;
            owned = Tagger::from_bytes(&b)?;
            &owned
        }
        None => Tagger::builtin(),
    };
    let docs = read_all(&a.conll)?;
    print_scores(&ner::evaluate(tagger, &docs));
    Ok(ExitCode::SUCCESS)
}

fn print_scores(s: &Scores) {
    println!("{:<8} {:>9} {:>9} {:>9}", "type", "precision", "recall", "f1");
    for k in EntityKind::ALL {
        let (p, r, f) = s.of(k);
        println!("{:<8} {:>9.4} {:>9.4} {:>9.4}", k.label(), p, r, f);
    }
    let (p, r, f) = s.overall();
    println!("{:<8} {:>9.4} {:>9.4} {:>9.4}", "overall", p, r, f);
}

/// Reads unlabeled texts: every file under the given paths; `.sgm` files yield their BODY elements.
fn unlabeled_texts(paths: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let mut files = Vec::new();
    for p in paths {
        collect_files(p, &mut files).with_context(|| format!("cannot read {}", p.display()))?;
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).with_context(|| format!("cannot read {}", f.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        if f.extension().is_some_and(|e| e.eq_ignore_ascii_case("sgm")) {
            out.extend(sgml_bodies(&text));
        } else {
            out.push(text.into_owned());
        }
    }
    Ok(out)
}

fn collect_files(p: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if p.is_dir() {
        for e in std::fs::read_dir(p)? {
            collect_files(&e?.path(), out)?;
        }
    } else {
        out.push(p.to_path_buf());
    }
    Ok(())
}

/// Returns the text of each `<BODY>` element of a Reuters-21578 SGML file, with the entity
/// references it uses (`&lt;`, `&amp;`, `&#3;`...) decoded and control characters dropped.
fn sgml_bodies(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(s) = rest.find("<BODY>") {
        let after = &rest[s + 6..];
        let Some(e) = after.find("</BODY>") else { break };
        out.push(decode_entities(&after[..e]));
        rest = &after[e + 7..];
    }
    out
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 8);
        let (rep, used) = match end.map(|e| &tail[1..e]) {
            Some("lt") => (Some('<'), 4),
            Some("gt") => (Some('>'), 4),
            Some("amp") => (Some('&'), 5),
            Some("quot") => (Some('"'), 6),
            Some(n) if n.starts_with('#') => {
                (n[1..].parse::<u32>().ok().and_then(char::from_u32).filter(|c| !c.is_control()), n.len() + 2)
            }
            _ => (Some('&'), 1),
        };
        if let Some(c) = rep {
            out.push(c);
        }
        rest = &tail[used..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sgml_bodies() {
        let sgm = "<REUTERS><TITLE>X</TITLE><BODY>Shares of &lt;ABC&gt; rose &amp; fell.\n Reuter\n&#3;</BODY></REUTERS>\
                   <REUTERS><BODY>Second.</BODY>";
        assert_eq!(sgml_bodies(sgm), vec!["Shares of <ABC> rose & fell.\n Reuter\n", "Second."]);
        assert_eq!(decode_entities("a & b &#65; &bogus"), "a & b A &bogus");
    }
}
