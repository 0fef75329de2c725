//! Field extractors shared by every format, and [`enrich`], which runs them on a parsed article.
//!
//! Parsers state what their format says; `enrich` fills what is still missing (it never
//! overwrites a stated value): the dateline, the language, and the derived fields every article
//! gets whatever its format — named entities and dated mentions.

pub mod boilerplate;
pub mod byline;
pub mod date;
pub mod dateline;
pub mod language;
pub mod sentences;
pub mod timex;

use crate::article::Article;

/// Fills the fields a parser left empty, from the article's own text.
pub fn enrich(article: &mut Article) {
    article.body = article.body.trim().to_string();
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
    article.mentions = timex::find_mentions(&article.body, article.published.as_ref());
}
