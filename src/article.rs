//! The one `Article` type that flows through every stage, and the small value types it is made of.
//!
//! Parsers (`ingest`) create articles with what their format states; extractors (`extract`) fill in
//! what is missing; the index (`index`) stores them; queries (`query`) return them. Nothing here
//! parses or prints: these are plain data types with their serialized forms.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize, Serializer};

/// The input formats morgue reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text or Markdown, one article per file.
    Text,
    /// An HTML page, one article per file.
    Html,
    /// A JSON object or an array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A WARC web archive: one article per archived HTML page.
    Warc,
    /// An ARC web archive (the format before WARC): one article per archived HTML page.
    Arc,
    /// News XML: NITF, a Reuters newsitem, or an RSS or Atom feed (one article per item).
    Xml,
    /// A zip archive: each member read as the file it is.
    Zip,
    /// A CSV or TSV table, one article per row.
    Csv,
    /// A Word document (`.docx`): one article, or several separated by "End of Document".
    Docx,
    /// Reuters-21578 SGML (`.sgm`): one article per `<REUTERS>` document.
    Sgml,
    /// Rich Text Format (`.rtf`), as news databases export articles: read like a Word document.
    Rtf,
    /// A PDF document's text layer (`.pdf`), as news databases also export articles: read like
    /// a Word document once its lines are paragraphs again.
    Pdf,
}

impl Format {
    /// Returns the lowercase name used in messages and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
            Format::Arc => "arc",
            Format::Xml => "xml",
            Format::Zip => "zip",
            Format::Csv => "csv",
            Format::Docx => "docx",
            Format::Sgml => "sgml",
            Format::Rtf => "rtf",
            Format::Pdf => "pdf",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// A publication (or modification) date as the source gave it: the local wall-clock time, the
/// UTC offset when the source stated one, and how precise it is.
///
/// Serialized as ISO 8601 at its precision: `2023`, `2023-03`, `2023-03-03`,
/// `2023-03-03T10:15:00-05:00` (or without offset when none was given).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PubDate {
    /// Local date and time as written (time 00:00 when only a date is known; day 1 / month 1 for
    /// month / year precision).
    pub local: NaiveDateTime,
    /// Offset from UTC in seconds, when the source stated one.
    pub offset_secs: Option<i32>,
    pub precision: DatePrecision,
}

impl PubDate {
    /// Builds a day-precision date.
    pub fn day(date: NaiveDate) -> PubDate {
        PubDate { local: date.and_time(NaiveTime::MIN), offset_secs: None, precision: DatePrecision::Day }
    }

    /// Builds a date with a time of day; `offset_secs` as the source gave it.
    pub fn datetime(local: NaiveDateTime, offset_secs: Option<i32>, precision: DatePrecision) -> PubDate {
        PubDate { local, offset_secs, precision }
    }

    /// Gives a day-precision date the time of day a source states apart from it (a database
    /// export's time line), to the minute; a date that already has a time keeps it.
    pub fn at_time(self, time: NaiveTime, offset_secs: Option<i32>) -> PubDate {
        if self.precision != DatePrecision::Day {
            return self;
        }
        PubDate::datetime(self.local.date().and_time(time), offset_secs, DatePrecision::Minute)
    }

    /// Returns the calendar date as written (not shifted to UTC).
    pub fn date(&self) -> NaiveDate {
        self.local.date()
    }

    /// Returns the instant in UTC. Dates without an offset are read as UTC; dates without a time
    /// as midnight.
    pub fn to_utc(&self) -> DateTime<Utc> {
        match self.offset_secs.and_then(FixedOffset::east_opt) {
            Some(off) => match off.from_local_datetime(&self.local).single() {
                Some(dt) => dt.with_timezone(&Utc),
                None => Utc.from_utc_datetime(&self.local),
            },
            None => Utc.from_utc_datetime(&self.local),
        }
    }

    /// Returns true when the date is inside the range tantivy's date fields can hold
    /// (1677-09-21 … 2262-04-11, nanoseconds in an i64).
    pub fn in_index_range(&self) -> bool {
        use chrono::Datelike;
        (1678..=2261).contains(&self.local.year())
    }

    /// Formats the date in ISO 8601 at its precision.
    pub fn to_iso(&self) -> String {
        let d = self.local;
        match self.precision {
            DatePrecision::Year => d.format("%Y").to_string(),
            DatePrecision::Month => d.format("%Y-%m").to_string(),
            DatePrecision::Day => d.format("%Y-%m-%d").to_string(),
            DatePrecision::Minute | DatePrecision::Second => {
                let base = d.format("%Y-%m-%dT%H:%M:%S").to_string();
                match self.offset_secs.and_then(FixedOffset::east_opt) {
                    Some(off) if off.local_minus_utc() == 0 => format!("{base}Z"),
                    Some(off) => format!("{base}{off}"),
                    None => base,
                }
            }
        }
    }
}

impl fmt::Display for PubDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl Serialize for PubDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for PubDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PubDate::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not an ISO date: {s}")))
    }
}

impl PubDate {
    /// Reads back the form [`PubDate::to_iso`] writes (not a general date parser: that is
    /// `extract::date`).
    pub fn parse_iso(s: &str) -> Option<PubDate> {
        let s = s.trim();
        if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
            return Some(PubDate::datetime(
                dt.naive_local(),
                Some(dt.offset().local_minus_utc()),
                DatePrecision::Second,
            ));
        }
        if let Ok(local) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
            return Some(PubDate::datetime(local, None, DatePrecision::Second));
        }
        let p = TimePoint::parse_iso(s)?;
        let date = p.first_day()?;
        Some(PubDate { local: date.and_time(NaiveTime::MIN), offset_secs: None, precision: p.precision() })
    }
}

/// A calendar point named in an article's text, at the precision the text gives it:
/// a year (`2019`), a month (`2022-10`) or a day (`2023-03-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimePoint {
    pub year: i32,
    pub month: Option<u32>,
    /// Only set when `month` is.
    pub day: Option<u32>,
}

impl TimePoint {
    pub fn year(year: i32) -> TimePoint {
        TimePoint { year, month: None, day: None }
    }

    pub fn month(year: i32, month: u32) -> TimePoint {
        TimePoint { year, month: Some(month), day: None }
    }

    pub fn from_date(d: NaiveDate) -> TimePoint {
        use chrono::Datelike;
        TimePoint { year: d.year(), month: Some(d.month()), day: Some(d.day()) }
    }

    /// Returns the precision of the point.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// Returns the first day the point covers.
    pub fn first_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Formats the point in ISO 8601 at its precision.
    pub fn to_iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<TimePoint> {
        let mut parts = s.trim().split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month = match parts.next() {
            Some(m) => Some(m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(d.parse::<u32>().ok()?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let p = TimePoint { year, month, day };
        p.first_day()?;
        Some(p)
    }
}

impl fmt::Display for TimePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl Serialize for TimePoint {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for TimePoint {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        TimePoint::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not an ISO date: {s}")))
    }
}

/// A dated event the article's text mentions ("In 2019, …", "on Wednesday"), resolved against
/// the publication date when it is relative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The expression as written.
    pub text: String,
    /// The resolved calendar point.
    pub value: TimePoint,
    /// The sentence the expression stands in.
    pub sentence: String,
}

/// The kinds of named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    #[serde(rename = "PER")]
    Person,
    #[serde(rename = "ORG")]
    Organization,
    #[serde(rename = "LOC")]
    Location,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] =
        [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Misc];

    /// Returns the CoNLL label: PER, ORG, LOC or MISC.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    /// Parses a CoNLL label (PER, ORG, LOC, MISC; also PERSON, GPE, …).
    pub fn from_label(s: &str) -> Option<EntityKind> {
        match s.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" => Some(EntityKind::Person),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(EntityKind::Organization),
            "LOC" | "LOCATION" | "GPE" | "PLACE" => Some(EntityKind::Location),
            "MISC" | "OTHER" => Some(EntityKind::Misc),
            _ => None,
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One distinct entity of an article: its canonical name (the longest form used) and how many
/// times the text mentions it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub mentions: u32,
}

/// The named entities of an article's text, one list per kind, most mentioned first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entities {
    pub persons: Vec<Entity>,
    pub organizations: Vec<Entity>,
    pub locations: Vec<Entity>,
    pub misc: Vec<Entity>,
}

impl Entities {
    /// Returns the list for one kind.
    pub fn of(&self, kind: EntityKind) -> &[Entity] {
        match kind {
            EntityKind::Person => &self.persons,
            EntityKind::Organization => &self.organizations,
            EntityKind::Location => &self.locations,
            EntityKind::Misc => &self.misc,
        }
    }

    /// Returns the mutable list for one kind.
    pub fn of_mut(&mut self, kind: EntityKind) -> &mut Vec<Entity> {
        match kind {
            EntityKind::Person => &mut self.persons,
            EntityKind::Organization => &mut self.organizations,
            EntityKind::Location => &mut self.locations,
            EntityKind::Misc => &mut self.misc,
        }
    }

    pub fn is_empty(&self) -> bool {
        EntityKind::ALL.iter().all(|k| self.of(*k).is_empty())
    }
}

/// A news article, as every stage sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// Stable identifier: a hash of the source and the content (see [`Article::assign_id`]).
    pub id: String,
    /// The input path, plus `#N` (1-based record number) for files that hold several articles.
    pub source: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub headline: Option<String>,
    /// Author names, in the order given; never photographers or cited reporters.
    pub byline: Vec<String>,
    pub published: Option<PubDate>,
    /// The publication date as written, when it could not be normalized or lies outside the
    /// range the index can hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_text: Option<String>,
    /// The last-modified date, kept apart from `published`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<PubDate>,
    /// The place line of a wire story ("WASHINGTON (Reuters)").
    pub dateline: Option<String>,
    pub section: Option<String>,
    /// ISO 639-1 code ("en", "es").
    pub language: Option<String>,
    /// A summary the source gives (JSON `description`, HTML `og:description`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The article's own text, paragraphs separated by a blank line.
    pub body: String,
    pub captions: Vec<String>,
    pub credits: Vec<String>,
    /// Teasers and boilerplate removed from the end of the text ("ALSO IN THE NEWS: …",
    /// "Read more: …"), kept apart rather than lost.
    pub teasers: Vec<String>,
    pub entities: Entities,
    /// Dated events the text mentions.
    pub mentions: Vec<Mention>,
}

impl Article {
    /// Creates an empty article for `source`.
    pub fn new(source: impl Into<String>) -> Article {
        Article { source: source.into(), ..Article::default() }
    }

    /// Sets `id` from the source and the content, so that the same article read from the same
    /// place gets the same id, and a changed article a new one.
    pub fn assign_id(&mut self) {
        let mut h = Fnv64::new();
        h.write(self.source.as_bytes());
        h.write(&[0]);
        h.write(self.headline.as_deref().unwrap_or("").as_bytes());
        h.write(&[0]);
        h.write(self.body.as_bytes());
        self.id = format!("{:016x}", h.finish());
    }

    /// Returns the headline, or one derived from the first sentence of the body when the article
    /// has none. The flag is true when the headline is derived.
    pub fn display_headline(&self) -> (String, bool) {
        if let Some(h) = self.headline.as_deref().filter(|h| !h.trim().is_empty()) {
            return (h.to_string(), false);
        }
        (derive_headline(&self.body), true)
    }
}

/// Derives a headline from text: its first sentence, cut at a word boundary to at most 90 chars.
pub fn derive_headline(body: &str) -> String {
    let first = body.split("\n\n").find(|p| !p.trim().is_empty()).unwrap_or("").trim();
    let mut end = first.len();
    for (i, c) in first.char_indices() {
        if matches!(c, '.' | '!' | '?') && i > 20 {
            let rest = &first[i + 1..];
            if rest.is_empty() || rest.starts_with(' ') {
                end = i;
                break;
            }
        }
    }
    let sentence = &first[..end];
    const MAX: usize = 90;
    if sentence.chars().count() <= MAX {
        return sentence.to_string();
    }
    let mut out = String::new();
    for word in sentence.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// FNV-1a, 64 bits: small, fast and stable across Rust versions (unlike `DefaultHasher`), which
/// matters because ids are stored in indexes that outlive the binary.
struct Fnv64(u64);

impl Fnv64 {
    fn new() -> Fnv64 {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pubdate_iso_at_each_precision() {
        let d = NaiveDate::from_ymd_opt(2023, 3, 3).unwrap();
        assert_eq!(PubDate::day(d).to_iso(), "2023-03-03");
        let t = d.and_hms_opt(10, 15, 0).unwrap();
        let p = PubDate::datetime(t, Some(-5 * 3600), DatePrecision::Second);
        assert_eq!(p.to_iso(), "2023-03-03T10:15:00-05:00");
        assert_eq!(p.to_utc().to_rfc3339(), "2023-03-03T15:15:00+00:00");
        let z = PubDate::datetime(t, Some(0), DatePrecision::Second);
        assert_eq!(z.to_iso(), "2023-03-03T10:15:00Z");
        let m = PubDate::datetime(t, None, DatePrecision::Month);
        assert_eq!(m.to_iso(), "2023-03");
    }

    #[test]
    fn pubdate_iso_roundtrip() {
        for s in [
            "2023",
            "2023-03",
            "2023-03-03",
            "2023-03-03T10:15:00-05:00",
            "2023-03-03T10:15:00Z",
            "2023-03-03T10:15:00",
        ] {
            assert_eq!(PubDate::parse_iso(s).map(|d| d.to_iso()).as_deref(), Some(s), "{s}");
        }
        assert!(PubDate::parse_iso("March 3").is_none());
    }

    #[test]
    fn index_range_excludes_far_dates() {
        let old = PubDate::day(NaiveDate::from_ymd_opt(1605, 11, 5).unwrap());
        assert!(!old.in_index_range());
        let new = PubDate::day(NaiveDate::from_ymd_opt(2023, 1, 1).unwrap());
        assert!(new.in_index_range());
    }

    #[test]
    fn timepoint_roundtrip() {
        for s in ["2019", "2022-10", "2023-03-01"] {
            assert_eq!(TimePoint::parse_iso(s).unwrap().to_iso(), s);
        }
        assert!(TimePoint::parse_iso("2023-13").is_none());
        assert!(TimePoint::parse_iso("2023-02-30").is_none());
    }

    #[test]
    fn id_is_stable_and_content_sensitive() {
        let mut a = Article::new("x.txt");
        a.body = "hello".into();
        a.assign_id();
        let first = a.id.clone();
        a.assign_id();
        assert_eq!(a.id, first);
        a.body = "hello!".into();
        a.assign_id();
        assert_ne!(a.id, first);
        assert_eq!(first.len(), 16);
    }

    #[test]
    fn derived_headline_is_first_sentence() {
        let body = "Former President Donald Trump is asking his advisers for a plan. More text.";
        assert_eq!(derive_headline(body), "Former President Donald Trump is asking his advisers for a plan");
    }
}
