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
pub mod fold;
pub mod language;
pub mod sentences;
pub mod timex;

use crate::article::Article;

/// Languages the shipped entity model is applied to: it is trained on English news, and carries
/// over to languages that, like English, capitalize names and little else. German capitalizes
/// every noun, and other scripts have no capitals: there its output would be noise ("nicht
/// ausgeschlossen" as a person), and no entities beat wrong ones.
const TAGGED_LANGUAGES: &[&str] = &["en", "es", "fr", "it", "pt", "nl", "ca", "ro", "sv", "da", "nb", "no"];

fn tagger_reads(language: Option<&str>) -> bool {
    language.is_none_or(|l| TAGGED_LANGUAGES.contains(&l))
}

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
    if !tagger_reads(article.language.as_deref()) {
        article.entities = Default::default();
        return;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_only_in_languages_the_model_reads() {
        let mut de = Article::new("de.txt");
        de.language = Some("de".into());
        de.body = "Die Bundesregierung hat am Montag in Berlin entschieden, dass Olaf Scholz reist.".into();
        enrich(&mut de);
        assert!(de.entities.is_empty());
        let mut en = Article::new("en.txt");
        en.body = "Donald Trump met Joe Biden in Washington on Monday, officials said. The two men talked \
                   about the border and about the economy for more than an hour, according to the people \
                   who were in the room with them."
            .into();
        enrich(&mut en);
        assert_eq!(en.language.as_deref(), Some("en"));
        assert!(en.entities.persons.iter().any(|p| p.name == "Donald Trump"), "{:?}", en.entities);
    }
}
