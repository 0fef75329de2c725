//! Field extractors shared by every format, and [`enrich`], which runs them on a parsed article.
//!
//! Parsers state what their format says; `enrich` fills what is still missing (it never
//! overwrites a stated value): the dateline, the language, and the derived fields every article
//! gets whatever its format — named entities and dated mentions.

pub mod boilerplate;
pub mod byline;
pub mod date;
pub mod dateline;
pub mod entities;
pub mod language;
pub mod sentences;
pub mod timex;

use crate::article::Article;

/// Fills the fields a parser left empty, from the article's own text.
pub fn enrich(article: &mut Article) {
    let (body, teasers) = boilerplate::split_trailing_teasers(article.body.trim());
    article.body = body;
    article.teasers.extend(teasers);
    if article.dateline.is_none() {
        article.dateline = dateline::find_dateline(&article.body).map(|d| d.text);
    }
    if article.language.is_none() {
        let sample = match &article.headline {
            Some(h) => format!("{h}. {}", article.body),
            None => article.body.clone(),
        };
        article.language = language::detect(&sample);
    }
    // Dated events in the headline count as much as those in the body. (Not the description:
    // feeds and pages often repeat the first paragraph there.)
    let published = article.published.as_ref();
    article.mentions = [article.headline.as_deref(), Some(article.body.as_str())]
        .into_iter()
        .flatten()
        .flat_map(|text| timex::find_mentions(text, published))
        .collect();
    // Entities come from everything the article says — headline, captions, body and the
    // teasers it ends with (seed: CNN is named only in its teaser) — but never from bylines or
    // photo credits, which name the people who made it.
    let text = [
        article.headline.iter().collect::<Vec<_>>(),
        article.captions.iter().collect(),
        vec![&article.body],
        article.teasers.iter().collect(),
    ]
    .concat()
    .iter()
    .map(|s| s.as_str())
    .collect::<Vec<_>>()
    .join("\n\n");
    article.entities = entities::extract_entities(&text, crate::ner::Tagger::builtin());
}
