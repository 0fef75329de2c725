//! The key mapping shared by the formats that state fields by name: JSON and JSONL records, and
//! the front matter of text files. One table of aliases (documented in
//! `index_schema/README.md`), one place that turns a stated value into an `Article` field, using
//! the shared extractors for authors and dates.

use crate::article::Article;
use crate::error::ParseErrorKind;
use crate::extract::{byline, date, language};

/// The article fields a record can state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKey {
    Headline,
    Byline,
    Published,
    Modified,
    Body,
    Url,
    Outlet,
    Section,
    Language,
    Description,
    Dateline,
}

/// Aliases per key, compared after lowercasing and removing `_`, `-` and spaces. The first
/// alias that a record holds wins (so `title` beats `headline` when both are given).
const ALIASES: &[(RecordKey, &[&str])] = &[
    (RecordKey::Headline, &["title", "headline", "hed", "name"]),
    (RecordKey::Byline, &["author", "authors", "byline", "by", "creator", "creators", "writer", "writers"]),
    (
        RecordKey::Published,
        &[
            "date",
            "published",
            "pubdate",
            "datepublished",
            "publishdate",
            "publishedat",
            "publicationdate",
            "publishedtime",
            "datecreated",
            "created",
            "createdat",
            "timestamp",
            "time",
        ],
    ),
    (
        RecordKey::Modified,
        &["datemodified", "modified", "updated", "updatedat", "lastmodified", "dateupdated"],
    ),
    (
        RecordKey::Body,
        &[
            "text",
            "body",
            "content",
            "articlebody",
            "maintext",
            "fulltext",
            "story",
            "articletext",
            "bodytext",
        ],
    ),
    (RecordKey::Url, &["url", "link", "canonicalurl", "permalink", "sourceurl", "weburl"]),
    (
        RecordKey::Outlet,
        &[
            "source",
            "outlet",
            "sitename",
            "sourcedomain",
            "publisher",
            "publication",
            "newspaper",
            "site",
            "domain",
            "medianame",
        ],
    ),
    (RecordKey::Section, &["section", "category", "articlesection", "desk", "department"]),
    (RecordKey::Language, &["language", "lang", "inlanguage", "locale"]),
    (
        RecordKey::Description,
        &["description", "summary", "abstract", "dek", "subtitle", "subheadline", "teaser", "lead"],
    ),
    (RecordKey::Dateline, &["dateline"]),
];

/// Folds a key name for comparison: lowercase, without `_`, `-`, `.` or spaces.
pub fn fold_key(name: &str) -> String {
    name.chars().filter(|c| !matches!(c, '_' | '-' | ' ' | '.')).flat_map(char::to_lowercase).collect()
}

/// Returns the field a key name maps to, and its rank among the aliases (lower wins).
pub fn key_for(name: &str) -> Option<(RecordKey, usize)> {
    let folded = fold_key(name);
    ALIASES.iter().find_map(|(key, names)| names.iter().position(|n| *n == folded).map(|rank| (*key, rank)))
}

/// Builds an article from the named values a record states (a JSON object's keys, a CSV row's
/// columns): each field from its best-ranked alias present ([`key_for`]). A record with neither
/// a text nor a title is not an article; the error lists its `names` (the first eight), called
/// `what` ("keys", "columns").
pub fn article_from_named<'n>(
    source: String,
    named: impl Iterator<Item = (&'n str, Value)>,
    names: &[&str],
    what: &str,
) -> Result<Article, ParseErrorKind> {
    let mut best: Vec<(RecordKey, usize, Value)> = Vec::new();
    for (name, value) in named {
        let Some((key, rank)) = key_for(name) else { continue };
        match best.iter_mut().find(|(k, _, _)| *k == key) {
            Some(slot) if rank < slot.1 => *slot = (key, rank, value),
            Some(_) => {}
            None => best.push((key, rank, value)),
        }
    }
    let mut article = Article::new(source);
    for (key, _, value) in &best {
        apply(&mut article, *key, value);
    }
    if article.body.trim().is_empty() && article.headline.is_none() {
        let shown: Vec<&str> = names.iter().copied().take(8).collect();
        let shown = if shown.is_empty() { "none".to_string() } else { shown.join(", ") };
        return Err(ParseErrorKind::NotAnArticle(format!("no text or title field ({what}: {shown})")));
    }
    Ok(article)
}

/// The article, unless it has neither a headline nor text: then it is not an article.
pub fn require_text(article: Article) -> Result<Article, ParseErrorKind> {
    if article.headline.is_none() && article.body.trim().is_empty() {
        return Err(ParseErrorKind::NotAnArticle("no headline and no text".into()));
    }
    Ok(article)
}

/// A value as a record states it, already reduced to text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    List(Vec<String>),
    /// A number (Unix timestamps in JSON exports).
    Number(f64),
}

impl Value {
    fn as_text(&self) -> Option<String> {
        match self {
            Value::Text(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::List(v) => v.iter().map(|s| s.trim()).find(|s| !s.is_empty()).map(str::to_string),
            Value::Number(n) => Some(n.to_string()),
        }
    }
}

/// Sets one stated field on the article. Values that cannot be read (an unparseable date) are
/// kept as text where the article has a place for it (`published_text`), never dropped silently.
pub fn apply(article: &mut Article, key: RecordKey, value: &Value) {
    match key {
        RecordKey::Headline => article.headline = value.as_text().map(|s| collapse_ws(&s)),
        RecordKey::Byline => {
            let names: Vec<String> = match value {
                Value::List(items) => items.iter().flat_map(|s| byline::split_authors(s)).collect(),
                other => other.as_text().map(|s| byline::split_authors(&s)).unwrap_or_default(),
            };
            article.byline = dedup(names);
        }
        RecordKey::Published => match value {
            Value::Number(n) => article.published = date::parse_unix_timestamp(*n as i64),
            other => {
                if let Some(s) = other.as_text() {
                    article.published = date::parse_date(&s);
                    if article.published.is_none() {
                        article.published_text = Some(s);
                    }
                }
            }
        },
        RecordKey::Modified => {
            article.modified = match value {
                Value::Number(n) => date::parse_unix_timestamp(*n as i64),
                other => other.as_text().and_then(|s| date::parse_date(&s)),
            }
        }
        RecordKey::Body => {
            article.body = match value {
                Value::List(paras) => paras.join("\n\n"),
                other => other.as_text().unwrap_or_default(),
            }
        }
        RecordKey::Url => article.url = value.as_text(),
        RecordKey::Outlet => article.outlet = value.as_text(),
        RecordKey::Section => article.section = value.as_text(),
        RecordKey::Language => article.language = value.as_text().and_then(|s| language::normalize_code(&s)),
        RecordKey::Description => article.description = value.as_text().map(|s| collapse_ws(&s)),
        RecordKey::Dateline => article.dateline = value.as_text(),
    }
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn dedup(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for n in names {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_aliases() {
        let cases = [
            ("title", Some(RecordKey::Headline)),
            ("Headline", Some(RecordKey::Headline)),
            ("datePublished", Some(RecordKey::Published)),
            ("publish_date", Some(RecordKey::Published)),
            ("pubDate", Some(RecordKey::Published)),
            ("articleBody", Some(RecordKey::Body)),
            ("maintext", Some(RecordKey::Body)),
            ("source_domain", Some(RecordKey::Outlet)),
            ("site_name", Some(RecordKey::Outlet)),
            ("link", Some(RecordKey::Url)),
            ("creator", Some(RecordKey::Byline)),
            ("description", Some(RecordKey::Description)),
            ("image", None),
        ];
        for (name, want) in cases {
            assert_eq!(key_for(name).map(|k| k.0), want, "{name}");
        }
    }

    #[test]
    fn applies_values() {
        let mut a = Article::new("x");
        apply(&mut a, RecordKey::Headline, &Value::Text("  A   headline ".into()));
        apply(&mut a, RecordKey::Language, &Value::Text("es-MX".into()));
        apply(&mut a, RecordKey::Body, &Value::List(vec!["One.".into(), "Two.".into()]));
        apply(&mut a, RecordKey::Published, &Value::Text("not a date at all".into()));
        assert_eq!(a.headline.as_deref(), Some("A headline"));
        assert_eq!(a.language.as_deref(), Some("es"));
        assert_eq!(a.body, "One.\n\nTwo.");
        assert_eq!(a.published, None);
        assert_eq!(a.published_text.as_deref(), Some("not a date at all"));
    }
}
