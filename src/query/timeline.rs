//! Coverage over time: how many matching articles were published per day, week, month or year
//! (with empty buckets filled and undated matches counted apart), their share of all articles
//! (`--normalize`), the earliest matching articles (`--first N`), and the chronology of the dated
//! events the matching articles mention (`--events`).
//!
//! Counting never loads a document: [`DayHistogram`] reads the `published` fast column of each
//! segment and counts matches per UTC day; days are then folded into the requested buckets. Only
//! `--first N` (N documents) and `--events` (every matching document, for its stored mentions)
//! read stored articles. Rendering (terminal chart, SVG) belongs to the command line, not here.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use tantivy::collector::{Collector, DocSetCollector, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, ExistsQuery, Occur, Query};
use tantivy::{
    DateTime, DocAddress, DocId, Order, Score, Searcher, SegmentOrdinal, SegmentReader, TantivyDocument,
};

use super::entities::Folder;
use super::search::{build_query, count_undated, QuerySpec};
use super::QueryError;
use crate::article::{Article, PubDate, TimePoint};
use crate::index::{fields::names, Archive};

/// Seconds per day: buckets are whole UTC days.
const DAY_SECS: i64 = 86_400;

/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01.
const UNIX_EPOCH_FROM_CE: i64 = 719_163;

/// Two sentences that mention the same point in time are one event when the sets of their words
/// overlap at least this much (Jaccard): syndicated copies differ by a word or two of editing.
const SAME_SENTENCE: f64 = 0.8;

/// The size of a timeline bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Interval {
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    Month,
    Year,
}

impl Interval {
    /// Returns the lowercase name used in flags and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Interval::Day => "day",
            Interval::Week => "week",
            Interval::Month => "month",
            Interval::Year => "year",
        }
    }

    /// Chooses the bucket size for dates from `first` to `last`, so that a timeline has from a
    /// handful to about a hundred bars: up to 60 days by day, up to a year (366 days) by week, up
    /// to ten years (3,660 days) by month, longer spans by year.
    pub fn for_span(first: NaiveDate, last: NaiveDate) -> Interval {
        match (last - first).num_days() {
            ..=60 => Interval::Day,
            61..=366 => Interval::Week,
            367..=3660 => Interval::Month,
            _ => Interval::Year,
        }
    }

    /// Returns the first day of the bucket holding `date`.
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        let first = match self {
            Interval::Day => Some(date),
            Interval::Week => Some(date - Duration::days(i64::from(date.weekday().num_days_from_monday()))),
            Interval::Month => date.with_day(1),
            Interval::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1),
        };
        // Day 1 of a month and January 1st exist for every representable date.
        first.unwrap_or(date)
    }

    /// Returns the first day of the bucket after the one starting on `start`.
    pub fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Interval::Day => start.succ_opt(),
            Interval::Week => start.checked_add_signed(Duration::days(7)),
            Interval::Month => {
                let (y, m) = if start.month() == 12 {
                    (start.year() + 1, 1)
                } else {
                    (start.year(), start.month() + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1)
            }
            Interval::Year => NaiveDate::from_ymd_opt(start.year() + 1, 1, 1),
        }
    }

    /// Returns a short label of the bucket starting on `start`, for charts: `2023-03-06` for a
    /// day or week, `2023-03` for a month, `2023` for a year.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Interval::Day | Interval::Week => start.format("%Y-%m-%d").to_string(),
            Interval::Month => start.format("%Y-%m").to_string(),
            Interval::Year => start.format("%Y").to_string(),
        }
    }
}

/// A timeline request: which articles (the query and its filters) and what to compute.
#[derive(Debug, Clone, Default)]
pub struct TimelineSpec {
    /// The articles to count (`limit` and `sort` are ignored).
    pub query: QuerySpec,
    /// The bucket size; `None` chooses it from the span of the matching dates
    /// ([`Interval::for_span`]).
    pub by: Option<Interval>,
    /// Also compute each bucket's share of all articles in it.
    pub normalize: bool,
    /// How many of the earliest matching articles to list (0: none).
    pub first: usize,
    /// Also list the dated events the matching articles mention.
    pub events: bool,
}

/// The number of matching articles published in one bucket.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bucket {
    /// The first day of the bucket.
    pub start: NaiveDate,
    pub count: u64,
    /// `count` divided by the number of all articles published in the bucket (with
    /// `--normalize` only; 0 when the bucket holds no article at all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
}

/// One of the earliest matching articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirstArticle {
    pub id: String,
    pub published: Option<PubDate>,
    pub outlet: Option<String>,
    /// The headline, or one derived from the first sentence when the article has none.
    pub headline: String,
}

/// An article that mentions an event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSource {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<PubDate>,
}

/// A dated event mentioned by one or more matching articles: the same point in time named in the
/// same (or a nearly identical) sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// When the event happened, at the precision the text gives (`2019`, `2022-10`,
    /// `2023-03-01`).
    pub value: TimePoint,
    /// The sentence as the earliest article mentioning the event words it.
    pub sentence: String,
    /// Ids of the articles mentioning the event, earliest published first.
    pub articles: Vec<String>,
    /// The same articles with outlet and date, for display.
    #[serde(skip)]
    pub sources: Vec<EventSource>,
}

/// A computed timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub query: String,
    pub by: Interval,
    /// Every bucket from the first to the last matching date, empty ones included.
    pub buckets: Vec<Bucket>,
    /// Matching articles without a publication date (they cannot be placed in any bucket).
    pub undated: u64,
    pub first: Vec<FirstArticle>,
    pub events: Vec<Event>,
}

impl Timeline {
    /// Returns the number of matching articles placed in buckets.
    pub fn dated(&self) -> u64 {
        self.buckets.iter().map(|b| b.count).sum()
    }
}

/// Computes a timeline.
pub fn timeline(archive: &Archive, spec: &TimelineSpec) -> Result<Timeline, QueryError> {
    let searcher = archive.searcher()?;
    let query = build_query(archive, &spec.query)?;
    let counts = searcher.search(&*query, &DayHistogram)?;
    let dated_filter = spec.query.since.is_some() || spec.query.until.is_some();
    // A date range excludes every undated article, so they are counted without it: the
    // researcher learns they exist rather than losing them silently.
    let undated = if dated_filter {
        let unfiltered = QuerySpec { since: None, until: None, ..spec.query.clone() };
        count_undated(archive, &searcher, &unfiltered)? as u64
    } else {
        counts.undated
    };
    let by = spec.by.unwrap_or_else(|| match (counts.first_date(), counts.last_date()) {
        (Some(first), Some(last)) => Interval::for_span(first, last),
        _ => Interval::Day,
    });
    let mut buckets = fill_buckets(&counts.per_bucket(by), by);
    if spec.normalize {
        // The denominator is every article passing the same filters (outlet, dates), whatever
        // its text: the share of the coverage that matches, as Media Cloud normalizes.
        let all_spec = QuerySpec { text: String::new(), ..spec.query.clone() };
        let all_query = build_query(archive, &all_spec)?;
        let all = searcher.search(&*all_query, &DayHistogram)?.per_bucket(by);
        for b in &mut buckets {
            let total = all.get(&b.start).copied().unwrap_or(0);
            b.share = Some(share(b.count, total));
        }
    }
    let first = if spec.first > 0 {
        first_articles(archive, &searcher, query.box_clone(), spec.first)?
    } else {
        Vec::new()
    };
    let events = if spec.events { events_of(archive, &searcher, &*query)? } else { Vec::new() };
    Ok(Timeline { query: spec.query.text.clone(), by, buckets, undated, first, events })
}

/// `count / total`, rounded to six decimals so that JSON stays readable.
fn share(count: u64, total: u64) -> f64 {
    if total == 0 {
        return 0.0;
    }
    (count as f64 / total as f64 * 1e6).round() / 1e6
}

/// Turns bucket counts into the full run of buckets from the first to the last, empty ones
/// filled with zero.
fn fill_buckets(counts: &BTreeMap<NaiveDate, u64>, by: Interval) -> Vec<Bucket> {
    let (Some((&first, _)), Some((&last, _))) = (counts.first_key_value(), counts.last_key_value()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = first;
    while start <= last {
        out.push(Bucket { start, count: counts.get(&start).copied().unwrap_or(0), share: None });
        match by.next(start) {
            Some(next) => start = next,
            None => break,
        }
    }
    out
}

/// The `N` earliest dated articles matching `query`, ordered by the `published` fast field (only
/// those `N` documents are loaded).
fn first_articles(
    archive: &Archive,
    searcher: &Searcher,
    query: Box<dyn Query>,
    n: usize,
) -> Result<Vec<FirstArticle>, QueryError> {
    let dated = BooleanQuery::new(vec![
        (Occur::Must, query),
        (Occur::Must, Box::new(ExistsQuery::new(names::PUBLISHED.to_string(), false))),
    ]);
    // More than the index holds would only make tantivy reserve memory for nothing.
    let n = n.min(usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX)).max(1);
    let collector = TopDocs::with_limit(n).order_by_fast_field::<DateTime>(names::PUBLISHED, Order::Asc);
    let top = searcher.search(&dated, &collector)?;
    let mut out = Vec::with_capacity(top.len());
    for (_, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let article = archive.article_of(&doc)?;
        let (headline, _) = article.display_headline();
        out.push(FirstArticle {
            id: article.id,
            published: article.published,
            outlet: article.outlet,
            headline,
        });
    }
    Ok(out)
}

/// Loads every article matching `query` and groups the events they mention.
fn events_of(archive: &Archive, searcher: &Searcher, query: &dyn Query) -> Result<Vec<Event>, QueryError> {
    let mut addrs: Vec<DocAddress> = searcher.search(query, &DocSetCollector)?.into_iter().collect();
    // Document order reads the doc store sequentially.
    addrs.sort();
    let mut articles = Vec::with_capacity(addrs.len());
    for addr in addrs {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let article = archive.article_of(&doc)?;
        if !article.mentions.is_empty() {
            articles.push(article);
        }
    }
    Ok(group_events(&articles))
}

/// Groups the mentions of `articles` into events: mentions of the same point in time whose
/// sentences are the same after folding case, accents and punctuation, or nearly the same (the
/// syndicated copies of one story), are one event listing every article.
///
/// Events are ordered by the first day they cover, then coarse before precise (`2019` before
/// `2019-01` before `2019-01-01`: a year-long event starts no later than its first month), then
/// by the earliest publication date among their articles, then by sentence.
pub fn group_events(articles: &[Article]) -> Vec<Event> {
    let mut order: Vec<&Article> = articles.iter().collect();
    // Earliest published first (undated last), so each event keeps the first wording.
    order.sort_by(|a, b| {
        published_key(a.published.as_ref())
            .cmp(&published_key(b.published.as_ref()))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut folder = Folder::new();
    let mut events: Vec<Event> = Vec::new();
    let mut words: Vec<(String, HashSet<String>)> = Vec::new();
    let mut by_value: HashMap<TimePoint, Vec<usize>> = HashMap::new();
    for article in order {
        for m in &article.mentions {
            let folded = folder.words(&m.sentence);
            let key = folded.join(" ");
            let set: HashSet<String> = folded.into_iter().collect();
            let candidates = by_value.entry(m.value).or_default();
            let found = candidates
                .iter()
                .copied()
                .find(|&i| words[i].0 == key || jaccard(&words[i].1, &set) >= SAME_SENTENCE);
            let index = match found {
                Some(i) => i,
                None => {
                    events.push(Event {
                        value: m.value,
                        sentence: m.sentence.trim().to_string(),
                        articles: Vec::new(),
                        sources: Vec::new(),
                    });
                    words.push((key, set));
                    candidates.push(events.len() - 1);
                    events.len() - 1
                }
            };
            let event = &mut events[index];
            if !event.articles.contains(&article.id) {
                event.articles.push(article.id.clone());
                event.sources.push(EventSource {
                    id: article.id.clone(),
                    outlet: article.outlet.clone(),
                    published: article.published,
                });
            }
        }
    }
    events.sort_by(|a, b| {
        a.value
            .first_day()
            .cmp(&b.value.first_day())
            .then_with(|| a.value.precision().cmp(&b.value.precision()))
            .then_with(|| {
                let earliest = |e: &Event| e.sources.first().and_then(|s| s.published).map(|p| p.to_utc());
                published_key_utc(earliest(a)).cmp(&published_key_utc(earliest(b)))
            })
            .then_with(|| a.sentence.cmp(&b.sentence))
    });
    events
}

/// A sort key that puts dated articles first, earliest first.
fn published_key(p: Option<&PubDate>) -> (bool, Option<chrono::DateTime<chrono::Utc>>) {
    published_key_utc(p.map(PubDate::to_utc))
}

fn published_key_utc(
    p: Option<chrono::DateTime<chrono::Utc>>,
) -> (bool, Option<chrono::DateTime<chrono::Utc>>) {
    (p.is_none(), p)
}

/// The Jaccard similarity of two word sets (1 for two empty sets).
fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 1.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// Matching articles per UTC day of publication, and the number without a date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayCounts {
    /// Days since 1970-01-01 → articles published that day.
    pub days: BTreeMap<i64, u64>,
    pub undated: u64,
}

impl DayCounts {
    /// Returns the date of a day number.
    fn date(day: i64) -> Option<NaiveDate> {
        i32::try_from(day + UNIX_EPOCH_FROM_CE).ok().and_then(NaiveDate::from_num_days_from_ce_opt)
    }

    /// Returns the earliest day with an article.
    pub fn first_date(&self) -> Option<NaiveDate> {
        self.days.keys().next().and_then(|d| DayCounts::date(*d))
    }

    /// Returns the latest day with an article.
    pub fn last_date(&self) -> Option<NaiveDate> {
        self.days.keys().next_back().and_then(|d| DayCounts::date(*d))
    }

    /// Folds the day counts into buckets, keyed by each bucket's first day.
    pub fn per_bucket(&self, by: Interval) -> BTreeMap<NaiveDate, u64> {
        let mut out = BTreeMap::new();
        for (&day, &n) in &self.days {
            if let Some(date) = DayCounts::date(day) {
                *out.entry(by.start_of(date)).or_insert(0) += n;
            }
        }
        out
    }
}

/// A collector counting matching documents per UTC day of their `published` fast field.
pub struct DayHistogram;

impl Collector for DayHistogram {
    type Fruit = DayCounts;
    type Child = SegmentDays;

    fn for_segment(&self, _ord: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentDays> {
        // A segment in which no article has a date has no `published` column at all.
        let column: Option<Column<DateTime>> = segment.fast_fields().column_opt(names::PUBLISHED)?;
        // A dense array over the segment's day range is much cheaper than a map per document;
        // the range is at most ~213,000 days (tantivy's date range), so it always fits.
        let (min, max) = column
            .as_ref()
            .map_or((0, -1), |c| (c.min_value().into_timestamp_secs(), c.max_value().into_timestamp_secs()));
        let base = min.div_euclid(DAY_SECS);
        let len = if max >= min { (max.div_euclid(DAY_SECS) - base + 1).clamp(0, 400_000) } else { 0 };
        Ok(SegmentDays {
            column,
            base,
            dense: vec![0; len as usize],
            overflow: BTreeMap::new(),
            undated: 0,
            buffer: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<DayCounts>) -> tantivy::Result<DayCounts> {
        let mut out = DayCounts::default();
        for f in fruits {
            out.undated += f.undated;
            for (day, n) in f.days {
                *out.days.entry(day).or_insert(0) += n;
            }
        }
        Ok(out)
    }
}

/// The per-segment part of [`DayHistogram`].
pub struct SegmentDays {
    column: Option<Column<DateTime>>,
    /// Day number of `dense[0]`.
    base: i64,
    dense: Vec<u64>,
    /// Days outside the dense range (not expected; kept for safety).
    overflow: BTreeMap<i64, u64>,
    undated: u64,
    buffer: Vec<Option<DateTime>>,
}

impl SegmentDays {
    fn add(&mut self, value: Option<DateTime>) {
        let Some(value) = value else {
            self.undated += 1;
            return;
        };
        let day = value.into_timestamp_secs().div_euclid(DAY_SECS);
        match usize::try_from(day - self.base).ok().and_then(|i| self.dense.get_mut(i)) {
            Some(slot) => *slot += 1,
            None => *self.overflow.entry(day).or_insert(0) += 1,
        }
    }
}

impl SegmentCollector for SegmentDays {
    type Fruit = DayCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let value = self.column.as_ref().and_then(|c| c.first(doc));
        self.add(value);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        let Some(column) = &self.column else {
            self.undated += docs.len() as u64;
            return;
        };
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.clear();
        buffer.resize(docs.len(), None);
        column.first_vals(docs, &mut buffer);
        for value in buffer.iter().copied() {
            self.add(value);
        }
        self.buffer = buffer;
    }

    fn harvest(self) -> DayCounts {
        let mut days = self.overflow;
        for (i, n) in self.dense.into_iter().enumerate() {
            if n > 0 {
                *days.entry(self.base + i as i64).or_insert(0) += n;
            }
        }
        DayCounts { days, undated: self.undated }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{DatePrecision, Mention};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn article(n: usize, published: Option<&str>, body: &str) -> Article {
        let mut a = Article::new(format!("/t/{n}.txt"));
        a.headline = Some(format!("Story {n}"));
        a.outlet = Some(if n.is_multiple_of(2) { "Even Times" } else { "Odd Ledger" }.into());
        a.body = body.into();
        a.published = published.and_then(PubDate::parse_iso);
        a.assign_id();
        a
    }

    fn mention(value: &str, sentence: &str) -> Mention {
        Mention { text: value.into(), value: TimePoint::parse_iso(value).unwrap(), sentence: sentence.into() }
    }

    struct TestIndex {
        _dir: tempfile::TempDir,
        archive: Archive,
        articles: Vec<Article>,
    }

    /// Writes `articles` into a new index, in two commits so that there are two segments.
    fn index(articles: Vec<Article>) -> TestIndex {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path(), false).unwrap();
        let mut w = archive.writer().unwrap();
        let half = articles.len() / 2;
        for (i, a) in articles.iter().enumerate() {
            w.add_document(archive.document(a, &a.source, 1).unwrap()).unwrap();
            if i + 1 == half {
                w.commit().unwrap();
            }
        }
        w.commit().unwrap();
        TestIndex { _dir: dir, archive, articles }
    }

    /// Ten articles: "cartels" in seven of them (one undated), spread over 2023.
    fn corpus() -> TestIndex {
        let mut v = vec![
            article(0, Some("2023-01-02"), "drug cartels"),
            article(1, Some("2023-01-04T23:30:00-05:00"), "cartels again"), // 2023-01-05 in UTC
            article(2, Some("2023-01-08"), "cartels on a Sunday"),
            article(3, Some("2023-01-09"), "nothing relevant"),
            article(4, Some("2023-01-23"), "cartels three weeks later"),
            article(5, Some("2023-03-15"), "cartels in March"),
            article(6, Some("2023-03-16"), "weather report"),
            article(7, None, "undated cartels story"),
            article(8, None, "undated weather"),
            article(9, Some("2023-01-02T08:00:00Z"), "cartels, second story that day"),
        ];
        v[5].mentions.push(mention("2019", "In 2019, officials first floated the idea."));
        index(v)
    }

    fn spec(text: &str, by: Option<Interval>) -> TimelineSpec {
        TimelineSpec {
            query: QuerySpec { text: text.into(), ..QuerySpec::default() },
            by,
            ..TimelineSpec::default()
        }
    }

    fn counts(t: &Timeline) -> Vec<(String, u64)> {
        t.buckets.iter().map(|b| (b.start.to_string(), b.count)).collect()
    }

    #[test]
    fn weekly_counts_fill_empty_weeks_and_count_undated() {
        let ix = corpus();
        let t = timeline(&ix.archive, &spec("cartels", Some(Interval::Week))).unwrap();
        let expect: Vec<(String, u64)> = [
            ("2023-01-02", 4), // Mon 2nd (two), Thu 5th (UTC), Sun 8th
            ("2023-01-09", 0),
            ("2023-01-16", 0),
            ("2023-01-23", 1),
            ("2023-01-30", 0),
            ("2023-02-06", 0),
            ("2023-02-13", 0),
            ("2023-02-20", 0),
            ("2023-02-27", 0),
            ("2023-03-06", 0),
            ("2023-03-13", 1),
        ]
        .iter()
        .map(|(s, n)| (s.to_string(), *n))
        .collect();
        assert_eq!(counts(&t), expect);
        assert_eq!(t.undated, 1);
        assert_eq!(t.dated(), 6);
        assert!(t.buckets.iter().all(|b| b.share.is_none()));
    }

    #[test]
    fn day_month_year_buckets() {
        let ix = corpus();
        let t = timeline(&ix.archive, &spec("cartels", Some(Interval::Month))).unwrap();
        assert_eq!(
            counts(&t),
            vec![("2023-01-01".into(), 5), ("2023-02-01".into(), 0), ("2023-03-01".into(), 1)]
        );
        let t = timeline(&ix.archive, &spec("cartels", Some(Interval::Year))).unwrap();
        assert_eq!(counts(&t), vec![("2023-01-01".into(), 6)]);
        let t = timeline(&ix.archive, &spec("cartels", Some(Interval::Day))).unwrap();
        assert_eq!(t.buckets.len(), 73); // 2023-01-02 ..= 2023-03-15
        assert_eq!(t.buckets[0].count, 2);
        assert_eq!(t.buckets[3].count, 1); // 2023-01-05, the UTC day of 23:30 EST on the 4th
        assert_eq!(t.buckets[2].count, 0);
    }

    #[test]
    fn default_interval_follows_the_span() {
        let ix = corpus();
        // 2023-01-02 .. 2023-03-15 is 72 days: weeks.
        let t = timeline(&ix.archive, &spec("cartels", None)).unwrap();
        assert_eq!(t.by, Interval::Week);
        let t = timeline(&ix.archive, &spec("drug", None)).unwrap();
        assert_eq!(t.by, Interval::Day);
        assert_eq!(counts(&t), vec![("2023-01-02".into(), 1)]);
    }

    #[test]
    fn normalize_divides_by_all_articles_of_the_bucket() {
        let ix = corpus();
        let mut s = spec("cartels", Some(Interval::Month));
        s.normalize = true;
        let t = timeline(&ix.archive, &s).unwrap();
        // January: 5 of 6 dated articles; February: none at all; March: 1 of 2.
        let shares: Vec<Option<f64>> = t.buckets.iter().map(|b| b.share).collect();
        assert_eq!(shares, vec![Some(0.833333), Some(0.0), Some(0.5)]);
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json["buckets"][2], serde_json::json!({"start": "2023-03-01", "count": 1, "share": 0.5}));
    }

    #[test]
    fn date_filters_keep_undated_reported() {
        let ix = corpus();
        let mut s = spec("cartels", Some(Interval::Month));
        s.query.since = Some(d("2023-01-05"));
        s.query.until = Some(d("2023-01-31"));
        let t = timeline(&ix.archive, &s).unwrap();
        assert_eq!(counts(&t), vec![("2023-01-01".into(), 3)]);
        assert_eq!(t.undated, 1);
        s.query.outlet = Some("Even Times".into());
        let t = timeline(&ix.archive, &s).unwrap();
        assert_eq!(counts(&t), vec![("2023-01-01".into(), 2)]); // 8th and 23rd
        assert_eq!(t.undated, 0); // the undated cartels story is in the Odd Ledger
    }

    #[test]
    fn nothing_matching_gives_no_buckets() {
        let ix = corpus();
        let t = timeline(&ix.archive, &spec("zeppelin", None)).unwrap();
        assert!(t.buckets.is_empty());
        assert_eq!(t.undated, 0);
        assert_eq!(t.dated(), 0);
    }

    #[test]
    fn first_lists_the_earliest_dated_matches() {
        let ix = corpus();
        let mut s = spec("cartels", None);
        s.first = 3;
        let t = timeline(&ix.archive, &s).unwrap();
        let ids: Vec<&str> = t.first.iter().map(|f| f.id.as_str()).collect();
        let a = &ix.articles;
        assert_eq!(ids, vec![a[0].id.as_str(), a[9].id.as_str(), a[1].id.as_str()]);
        assert_eq!(t.first[0].headline, "Story 0");
        assert_eq!(t.first[0].outlet.as_deref(), Some("Even Times"));
        let json = serde_json::to_value(&t.first[1]).unwrap();
        assert_eq!(json["published"], "2023-01-02T08:00:00Z");
        assert!(t.events.is_empty());
    }

    #[test]
    fn events_come_from_matching_articles() {
        let ix = corpus();
        let mut s = spec("cartels", None);
        s.events = true;
        let t = timeline(&ix.archive, &s).unwrap();
        assert_eq!(t.events.len(), 1);
        assert_eq!(t.events[0].value.to_iso(), "2019");
        assert_eq!(t.events[0].articles, vec![ix.articles[5].id.clone()]);
        let json = serde_json::to_value(&t).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 6);
        for k in ["query", "by", "buckets", "undated", "first", "events"] {
            assert!(json.get(k).is_some(), "{k}");
        }
        assert_eq!(
            json["events"][0],
            serde_json::json!({
                "value": "2019",
                "sentence": "In 2019, officials first floated the idea.",
                "articles": [ix.articles[5].id.clone()]
            })
        );
        let s = spec("weather", None);
        assert!(timeline(&ix.archive, &TimelineSpec { events: true, ..s }).unwrap().events.is_empty());
    }

    #[test]
    fn events_group_syndicated_copies_and_sort_by_date() {
        let mut wire = article(1, Some("2019-11-27T19:14:00Z"), "wire");
        wire.mentions = vec![
            mention(
                "2019-11-26",
                "López Obrador said in an interview broadcast on Tuesday that he rejected it.",
            ),
            mention("2019", "In 2019, Trump considered designating the cartels."),
        ];
        let mut copy = article(2, Some("2019-11-27T21:40:00Z"), "copy");
        copy.mentions = vec![
            // The syndicated copy: accents and punctuation lost, one word changed.
            mention("2019-11-26", "Lopez Obrador said in an interview broadcast Tuesday that he rejected it"),
            mention("2019-11", "The plan was first reported in November 2019."),
            mention("2019-11", "The plan was first reported in November 2019."),
        ];
        let mut later = article(3, Some("2023-03-03"), "later");
        later.mentions = vec![
            mention("2019-11", "Officials in November 2019 discussed a different idea entirely."),
            mention("2019-11", "THE PLAN WAS FIRST REPORTED IN NOVEMBER, 2019!"),
            mention("2022-10", "A white paper published last October."),
        ];
        let mut undated = article(4, None, "seed");
        undated.mentions = vec![mention("2019", "In 2019, Trump considered designating the cartels.")];
        let events = group_events(&[later.clone(), undated.clone(), copy.clone(), wire.clone()]);
        let summary: Vec<(String, Vec<String>)> =
            events.iter().map(|e| (e.value.to_iso(), e.articles.clone())).collect();
        assert_eq!(
            summary,
            vec![
                ("2019".into(), vec![wire.id.clone(), undated.id.clone()]),
                ("2019-11".into(), vec![copy.id.clone(), later.id.clone()]),
                ("2019-11".into(), vec![later.id.clone()]),
                ("2019-11-26".into(), vec![wire.id.clone(), copy.id.clone()]),
                ("2022-10".into(), vec![later.id.clone()]),
            ]
        );
        // The earliest article's wording is kept.
        assert!(events[3].sentence.starts_with("López Obrador"));
        assert_eq!(events[1].sentence, "The plan was first reported in November 2019.");
        assert_eq!(events[0].sources[0].outlet.as_deref(), Some("Odd Ledger"));
    }

    #[test]
    fn segments_without_any_date_count_as_undated() {
        // The first commit holds only undated articles, so its segment has no `published` column.
        let ix = index(vec![
            article(0, None, "cartels undated one"),
            article(1, None, "cartels undated two"),
            article(2, Some("2024-05-01"), "cartels dated"),
            article(3, Some("2024-05-02"), "weather"),
        ]);
        let mut s = spec("cartels", None);
        s.normalize = true;
        s.first = usize::MAX;
        let t = timeline(&ix.archive, &s).unwrap();
        assert_eq!(counts(&t), vec![("2024-05-01".into(), 1)]);
        assert_eq!(t.buckets[0].share, Some(1.0));
        assert_eq!(t.undated, 2);
        assert_eq!(t.first.len(), 1);
        let only_undated = index(vec![article(0, None, "cartels"), article(1, None, "cartels")]);
        let t = timeline(&only_undated.archive, &TimelineSpec { first: 2, ..spec("cartels", None) }).unwrap();
        assert!(t.buckets.is_empty());
        assert_eq!(t.undated, 2);
        assert!(t.first.is_empty());
    }

    #[test]
    fn interval_boundaries() {
        let cases = [
            (Interval::Week, "2023-01-01", "2022-12-26"), // Sunday belongs to the week of Monday the 26th
            (Interval::Week, "2023-01-02", "2023-01-02"),
            (Interval::Week, "2024-03-03", "2024-02-26"),
            (Interval::Month, "2024-02-29", "2024-02-01"),
            (Interval::Year, "2024-12-31", "2024-01-01"),
            (Interval::Day, "2024-12-31", "2024-12-31"),
        ];
        for (by, date, start) in cases {
            assert_eq!(by.start_of(d(date)), d(start), "{by:?} {date}");
        }
        assert_eq!(Interval::Month.next(d("2023-12-01")), Some(d("2024-01-01")));
        assert_eq!(Interval::Week.next(d("2023-12-25")), Some(d("2024-01-01")));
        assert_eq!(Interval::Year.next(d("2023-01-01")), Some(d("2024-01-01")));
        assert_eq!(Interval::Month.label(d("2023-03-01")), "2023-03");
        assert_eq!(Interval::Year.label(d("2023-01-01")), "2023");
    }

    #[test]
    fn span_rule() {
        let cases = [
            ("2023-01-01", "2023-01-01", Interval::Day),
            ("2023-01-01", "2023-03-02", Interval::Day),
            ("2023-01-01", "2023-03-03", Interval::Week),
            ("2023-01-01", "2024-01-01", Interval::Week),
            ("2023-01-01", "2024-01-03", Interval::Month),
            ("2019-07-23", "2024-11-06", Interval::Month),
            ("1990-01-01", "2024-11-06", Interval::Year),
        ];
        for (a, b, want) in cases {
            assert_eq!(Interval::for_span(d(a), d(b)), want, "{a} {b}");
        }
    }

    #[test]
    fn day_numbers_roundtrip_before_and_after_1970() {
        let mut c = DayCounts::default();
        c.days.insert(-1, 1);
        c.days.insert(19_419, 2);
        assert_eq!(c.first_date(), Some(d("1969-12-31")));
        assert_eq!(c.last_date(), Some(d("2023-03-03")));
        let p =
            PubDate::datetime(d("1969-12-31").and_hms_opt(12, 0, 0).unwrap(), None, DatePrecision::Second);
        assert_eq!(p.to_utc().timestamp().div_euclid(DAY_SECS), -1);
    }
}
