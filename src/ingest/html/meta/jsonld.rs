//! JSON-LD: reads a page's `application/ld+json` scripts into what they say about the
//! article ([`LdArticle`]): the article-typed object's headline, authors (resolving `@id`
//! references in `@graph` lists), dates, publisher, section, URL, language, description and
//! body. Anything that is not valid JSON is ignored.

use serde_json::Value;

use super::{clean_text, is_absolute, set_once_opt};
use crate::extract::byline;

/// JSON-LD types that describe an article (the page's main object).
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "techarticle",
    "scholarlyarticle",
    "socialmediaposting",
    "posting",
];

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    pub section: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub body: Option<String>,
    /// `datePublished` of a non-article object (a `WebPage`), a weaker signal.
    pub page_published: Option<String>,
    /// True when an article-typed object was found.
    pub is_article: bool,
}

/// Reads one JSON-LD script into `ld`, keeping the first value found for each field.
pub(super) fn read_json_ld(raw: &str, ld: &mut LdArticle) {
    let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim().trim_end_matches(';');
    let Ok(value) = serde_json::from_str::<Value>(raw) else {
        return;
    };
    let mut objects = Vec::new();
    collect_objects(&value, &mut objects, 0);
    // The article object first; pages list breadcrumbs, organisations and videos beside it.
    for obj in &objects {
        let types = type_names(obj);
        if types.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) {
            ld.is_article = true;
            set_once_opt(&mut ld.headline, str_field(obj, "headline").or_else(|| str_field(obj, "name")));
            if ld.authors.is_empty() {
                ld.authors = ld_authors(obj.get("author").or_else(|| obj.get("creator")), &objects);
            }
            set_once_opt(
                &mut ld.published,
                str_field(obj, "datePublished").or_else(|| str_field(obj, "dateCreated")),
            );
            set_once_opt(&mut ld.modified, str_field(obj, "dateModified"));
            set_once_opt(&mut ld.section, first_str(obj.get("articleSection")));
            set_once_opt(&mut ld.url, str_field(obj, "url").filter(|u| is_absolute(u)));
            set_once_opt(&mut ld.language, str_field(obj, "inLanguage"));
            set_once_opt(&mut ld.description, str_field(obj, "description"));
            set_once_opt(&mut ld.body, str_field(obj, "articleBody"));
            if let Some(p) = obj.get("publisher") {
                set_once_opt(&mut ld.publisher, name_of(p));
            }
        } else if types.iter().any(|t| t.ends_with("page")) {
            set_once_opt(&mut ld.page_published, str_field(obj, "datePublished"));
        }
    }
}

/// Flattens arrays and `@graph` lists into the objects they hold (bounded depth).
fn collect_objects<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_objects(i, out, depth + 1)),
        Value::Object(map) => {
            out.push(map);
            if let Some(g) = map.get("@graph") {
                collect_objects(g, out, depth + 1);
            }
            if let Some(m) = map.get("mainEntity") {
                collect_objects(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn type_names(obj: &serde_json::Map<String, Value>) -> Vec<String> {
    match obj.get("@type") {
        Some(Value::String(t)) => vec![t.to_ascii_lowercase()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(str::to_ascii_lowercase).collect(),
        _ => Vec::new(),
    }
}

fn str_field(obj: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    first_str(obj.get(key))
}

fn first_str(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => clean_text(s),
        Value::Array(items) => items.iter().find_map(|i| first_str(Some(i))),
        _ => None,
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean_text(s),
        Value::Object(o) => str_field(o, "name"),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

/// Person names from a JSON-LD `author`: a string, an object or a list of them. Objects typed
/// as organisations are left out: a publisher signing its own copy is not an author.
/// Yoast-style graphs give the author as a reference (`{"@id": "…#/schema/person/…"}`) to a
/// `Person` elsewhere in the graph; `objects` resolves it.
fn ld_authors(v: Option<&Value>, objects: &[&serde_json::Map<String, Value>]) -> Vec<String> {
    let mut out = Vec::new();
    let items: Vec<&Value> = match v {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => return out,
    };
    for item in items.into_iter().take(20) {
        let name = match item {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => {
                let target = match (o.get("name"), o.get("@id").and_then(Value::as_str)) {
                    (None, Some(r)) => objects
                        .iter()
                        .find(|x| x.get("@id").and_then(Value::as_str) == Some(r) && x.contains_key("name"))
                        .copied()
                        .unwrap_or(o),
                    _ => o,
                };
                let types = type_names(target);
                let person = types.iter().any(|t| t == "person");
                if !person && types.iter().any(|t| t.ends_with("organization")) {
                    None
                } else {
                    str_field(target, "name")
                }
            }
            _ => None,
        };
        if let Some(n) = name {
            for a in byline::split_authors(&n) {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_author_references() {
        let mut ld = LdArticle::default();
        read_json_ld(
            r#"{"@graph":[{"@type":"Article","headline":"H","author":{"@id":"https://x.org/#/person/1"}},
            {"@type":["Person","Organization"],"@id":"https://x.org/#/person/1","name":"Helge Example"}]}"#,
            &mut ld,
        );
        assert_eq!(ld.authors, vec!["Helge Example".to_string()]);
    }

    #[test]
    fn json_ld_authors_and_graph() {
        let mut ld = LdArticle::default();
        read_json_ld(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
            {"@type":["NewsArticle"],"headline":"H","datePublished":"2023-03-03T10:00:00Z",
             "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"JOHN ROE"},
                       {"@type":"Organization","name":"Reuters"}],
             "publisher":{"@type":"Organization","name":"The Planet"}}]}"#,
            &mut ld,
        );
        assert_eq!(ld.headline.as_deref(), Some("H"));
        assert_eq!(ld.authors, vec!["Jane Doe".to_string(), "John Roe".to_string()]);
        assert_eq!(ld.publisher.as_deref(), Some("The Planet"));
        assert_eq!(ld.published.as_deref(), Some("2023-03-03T10:00:00Z"));
        // Broken JSON is ignored, not fatal.
        read_json_ld("{not json", &mut ld);
    }
}
