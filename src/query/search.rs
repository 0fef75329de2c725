//! Search: turns a [`QuerySpec`] (the query string in tantivy's syntax plus date, outlet and
//! mention filters) into ranked [`Hit`]s with highlighted snippets.

use std::ops::Bound;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, ExistsQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, Searcher, TantivyDocument, Term};

use super::QueryError;
use crate::article::{Article, PubDate, TimePoint};
use crate::index::{fields::names, Archive};

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct QuerySpec {
    /// The query in morgue's syntax (words, "phrases", OR, -word, NOT, field:value); empty
    /// matches every article.
    pub text: String,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub outlet: Option<String>,
    /// Articles that mention an event at this point (a year, month or day).
    pub mentions: Option<TimePoint>,
    pub limit: usize,
    pub sort: Sort,
}

/// One search result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    /// Relevance score; absent when sorted by date.
    pub score: Option<f32>,
    pub published: Option<PubDate>,
    pub outlet: Option<String>,
    pub headline: String,
    /// True when the article has no headline and this one is derived from its first sentence.
    pub headline_derived: bool,
    pub byline: Vec<String>,
    pub source: String,
    /// A passage of the body around the matched words.
    pub snippet: String,
    /// Byte ranges of the matched words inside `snippet`.
    #[serde(skip)]
    pub highlights: Vec<(usize, usize)>,
}

/// Search results.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResult {
    /// Number of articles matching (all of them, not only the ones returned).
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Undated articles that match the query but not a --since/--until filter (they cannot be
    /// placed in the range, and are counted here rather than dropped silently).
    pub undated_excluded: usize,
}

/// Builds the tantivy query for a spec: the parsed query string AND the filters.
pub fn build_query(archive: &Archive, spec: &QuerySpec) -> Result<Box<dyn Query>, QueryError> {
    let f = &archive.fields;
    let mut parser = QueryParser::for_index(&archive.index, f.default_search());
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.headline, 2.0);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let text = spec.text.trim();
    if text.is_empty() || text == "*" {
        clauses.push((Occur::Must, Box::new(tantivy::query::AllQuery)));
    } else {
        let q = parser.parse_query(text).map_err(|e| QueryError::Syntax(e.to_string()))?;
        clauses.push((Occur::Must, q));
    }
    if let Some(outlet) = spec.outlet.as_deref() {
        let escaped = outlet.replace('\\', "\\\\").replace('"', "\\\"");
        let q = parser
            .parse_query(&format!("outlet:\"{escaped}\""))
            .map_err(|e| QueryError::Syntax(e.to_string()))?;
        clauses.push((Occur::Must, q));
    }
    if let Some(point) = spec.mentions {
        let term = Term::from_field_text(f.mentions, &point.to_iso());
        clauses.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
    }
    if let Some(range) = date_range(archive, spec.since, spec.until) {
        clauses.push((Occur::Must, range));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// A range query on the publication date: from the start of `since` to the end of `until`.
fn date_range(
    archive: &Archive,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Option<Box<dyn Query>> {
    if since.is_none() && until.is_none() {
        return None;
    }
    let term = |d: NaiveDate| {
        let secs = d.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp()).unwrap_or(0);
        Term::from_field_date(archive.fields.published, DateTime::from_timestamp_secs(secs))
    };
    let lower = since.map(|d| Bound::Included(term(d))).unwrap_or(Bound::Unbounded);
    let upper =
        until.and_then(|d| d.succ_opt()).map(|d| Bound::Excluded(term(d))).unwrap_or(Bound::Unbounded);
    Some(Box::new(RangeQuery::new(lower, upper)))
}

/// Runs a search.
pub fn search(archive: &Archive, spec: &QuerySpec) -> Result<SearchResult, QueryError> {
    let searcher = archive.searcher()?;
    let query = build_query(archive, spec)?;
    let limit = spec.limit.max(1);
    let (total, ranked): (usize, Vec<(Option<f32>, DocAddress)>) = match spec.sort {
        Sort::Relevance => {
            let (top, count) =
                searcher.search(&query, &(TopDocs::with_limit(limit).order_by_score(), Count))?;
            (count, top.into_iter().map(|(s, a)| (Some(s), a)).collect())
        }
        Sort::Newest | Sort::Oldest => {
            let order = if spec.sort == Sort::Newest { Order::Desc } else { Order::Asc };
            let collector =
                TopDocs::with_limit(limit).order_by_fast_field::<DateTime>(names::PUBLISHED, order);
            let (top, count) = searcher.search(&query, &(collector, Count))?;
            (count, top.into_iter().map(|(_, a)| (None, a)).collect())
        }
    };
    let generator = SnippetGenerator::create(&searcher, &*query, archive.fields.body_stem).ok();
    let mut hits = Vec::with_capacity(ranked.len());
    for (score, addr) in ranked {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let article = archive.article_of(&doc)?;
        hits.push(to_hit(article, score, generator.as_ref()));
    }
    let undated_excluded = if spec.since.is_some() || spec.until.is_some() {
        count_undated(archive, &searcher, &QuerySpec { since: None, until: None, ..spec.clone() })?
    } else {
        0
    };
    Ok(SearchResult { total, hits, undated_excluded })
}

/// Hands every article matching `spec` to `each`, one at a time and in `spec.sort` order (by
/// date, undated articles come last), ignoring `spec.limit`: an export holds one article at a
/// time, not the result. Returns how many matched; an error from `each` stops the export.
pub fn for_each_match<E: From<QueryError>>(
    archive: &Archive,
    spec: &QuerySpec,
    mut each: impl FnMut(Article) -> Result<(), E>,
) -> Result<usize, E> {
    let searcher = archive.searcher().map_err(QueryError::from)?;
    let query = build_query(archive, spec)?;
    let total = searcher.search(&query, &Count).map_err(QueryError::from)?;
    if total == 0 {
        return Ok(0);
    }
    let ranked: Vec<DocAddress> = match spec.sort {
        Sort::Relevance => {
            let top = searcher
                .search(&query, &TopDocs::with_limit(total).order_by_score())
                .map_err(QueryError::from)?;
            top.into_iter().map(|(_, a)| a).collect()
        }
        Sort::Newest | Sort::Oldest => {
            let order = if spec.sort == Sort::Newest { Order::Desc } else { Order::Asc };
            let collector =
                TopDocs::with_limit(total).order_by_fast_field::<DateTime>(names::PUBLISHED, order);
            searcher
                .search(&query, &collector)
                .map_err(QueryError::from)?
                .into_iter()
                .map(|(_, a)| a)
                .collect()
        }
    };
    for addr in ranked {
        let doc: TantivyDocument = searcher.doc(addr).map_err(QueryError::from)?;
        each(archive.article_of(&doc).map_err(QueryError::from)?)?;
    }
    Ok(total)
}

/// Counts the articles that match `spec` and have no publication date in the index.
pub fn count_undated(archive: &Archive, searcher: &Searcher, spec: &QuerySpec) -> Result<usize, QueryError> {
    let query = build_query(archive, spec)?;
    let undated = BooleanQuery::new(vec![
        (Occur::Must, query),
        (Occur::MustNot, Box::new(ExistsQuery::new(names::PUBLISHED.to_string(), false))),
    ]);
    Ok(searcher.search(&undated, &Count)?)
}

fn to_hit(article: Article, score: Option<f32>, generator: Option<&SnippetGenerator>) -> Hit {
    let (headline, headline_derived) = article.display_headline();
    let (snippet, highlights) = match generator.map(|g| g.snippet(&article.body)) {
        Some(s) if !s.highlighted().is_empty() => {
            (s.fragment().to_string(), s.highlighted().iter().map(|r| (r.start, r.end)).collect())
        }
        _ => (lead(&article.body, 160), Vec::new()),
    };
    Hit {
        id: article.id,
        score,
        published: article.published,
        outlet: article.outlet,
        headline,
        headline_derived,
        byline: article.byline,
        source: article.source,
        snippet,
        highlights,
    }
}

/// The first `max` characters of a text, cut at a word boundary.
fn lead(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(i) => format!("{}…", &cut[..i]),
        None => cut,
    }
}

impl Hit {
    /// The snippet with matched words wrapped in `open`/`close` (e.g. ANSI bold, or `<b>`).
    pub fn marked_snippet(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.snippet.len() + 16);
        let mut last = 0;
        for &(s, e) in &self.highlights {
            if s < last
                || e > self.snippet.len()
                || !self.snippet.is_char_boundary(s)
                || !self.snippet.is_char_boundary(e)
            {
                continue;
            }
            out.push_str(&self.snippet[last..s]);
            out.push_str(open);
            out.push_str(&self.snippet[s..e]);
            out.push_str(close);
            last = e;
        }
        out.push_str(&self.snippet[last..]);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_highlights() {
        let hit = Hit {
            id: String::new(),
            score: None,
            published: None,
            outlet: None,
            headline: String::new(),
            headline_derived: false,
            byline: vec![],
            source: String::new(),
            snippet: "drug cartels in Mexico".into(),
            highlights: vec![(5, 12)],
        };
        assert_eq!(hit.marked_snippet("[", "]"), "drug [cartels] in Mexico");
    }

    #[test]
    fn lead_cuts_at_words() {
        assert_eq!(lead("one two three", 100), "one two three");
        assert_eq!(lead("alpha beta gamma delta", 12), "alpha beta…");
    }
}
