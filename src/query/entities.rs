//! Who and what is mentioned: the most mentioned persons, organizations, places and other names
//! in the articles matching a query, and co-mentions (`--with NAME`: the entities of the articles
//! that mention NAME).
//!
//! Counts come from the `entity_stats` fast column, one `KIND\u{1f}name\u{1f}mentions` value per
//! distinct entity of an article (see [`crate::index::Archive::document`]). [`EntityCollector`]
//! counts term ordinals per segment, resolves the ordinals it saw to strings once per segment,
//! and merges the segments by (kind, name). No document is loaded and nothing is re-tagged.

use std::cmp::Reverse;
use std::collections::HashMap;

use serde::{Serialize, Serializer};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::search::{build_query, QuerySpec};
use super::QueryError;
use crate::article::EntityKind;
pub use crate::extract::fold::Folder;
use crate::index::{fields::names, Archive, STATS_SEP};

/// An entities request.
#[derive(Debug, Clone, Default)]
pub struct EntitiesSpec {
    /// The articles to count in (`limit` and `sort` are ignored); an empty text means all.
    pub query: QuerySpec,
    /// Only entities of this kind.
    pub kind: Option<EntityKind>,
    /// How many entities to return (0: all).
    pub limit: usize,
    /// Co-mentions: count only in the articles that mention an entity of this name (any kind),
    /// and leave that entity out of the list.
    pub with: Option<String>,
}

/// One entity and how much the matching articles mention it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    pub name: String,
    /// `person`, `org`, `place` or `misc` (the words of `--type` and of the query fields).
    #[serde(rename = "type", serialize_with = "serialize_kind")]
    pub kind: EntityKind,
    /// The number of matching articles that mention it.
    pub articles: u64,
    /// The number of mentions, summed over those articles.
    pub mentions: u64,
}

/// The result of an entities request.
#[derive(Debug, Clone, Serialize)]
pub struct EntitiesResult {
    pub query: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
    /// The number of articles counted in: those matching the query (and, with `with`, mentioning
    /// that name).
    pub articles: u64,
    /// Most mentioned first: by articles, then mentions, then name.
    pub entities: Vec<EntityCount>,
}

/// Returns the word used for a kind in `--type`, the JSON output and the query fields.
pub fn kind_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "org",
        EntityKind::Location => "place",
        EntityKind::Misc => "misc",
    }
}

fn serialize_kind<S: Serializer>(kind: &EntityKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind_word(*kind))
}

/// Counts the entities of the articles matching `spec`.
///
/// With `with`, an article counts when one of its entities has that name after folding case and
/// accents ("lopez obrador" finds "López Obrador"), or is a person whose name ends with it (a
/// surname: "Trump" finds "Donald Trump", as the tagger itself links the two within an article).
/// When no entity matches at all, the name may stand for a longer one, so a second pass accepts
/// entities whose name contains it as whole words ("Renewing America" finds "Center for Renewing
/// America").
pub fn entities(archive: &Archive, spec: &EntitiesSpec) -> Result<EntitiesResult, QueryError> {
    let searcher = archive.searcher()?;
    let query = build_query(archive, &spec.query)?;
    let with = spec.with.as_deref().map(|w| Folder::new().words(w)).filter(|w| !w.is_empty());
    let mut fruit = searcher.search(&*query, &EntityCollector { with: with.clone(), whole_words: false })?;
    if with.is_some() && fruit.articles == 0 {
        fruit = searcher.search(&*query, &EntityCollector { with, whole_words: true })?;
    }
    let mut list = merge_spellings(
        fruit.counts.into_iter().filter(|((kind, _), _)| spec.kind.is_none_or(|k| k == *kind)),
    );
    sort_entities(&mut list);
    if spec.limit > 0 {
        list.truncate(spec.limit);
    }
    Ok(EntitiesResult {
        query: spec.query.text.clone(),
        with: spec.with.clone(),
        articles: fruit.articles,
        entities: list,
    })
}

/// Merges the spellings of one name across articles ("López Obrador" in one, "Lopez Obrador"
/// in another), as ingest merges them within an article: same kind and same folded name key.
/// Each article holds at most one spelling of a key, so the counts add up exactly. The name
/// shown is the spelling most articles use; on a tie, the one with accents, then the first in
/// alphabetical order.
fn merge_spellings(counts: impl Iterator<Item = ((EntityKind, String), (u64, u64))>) -> Vec<EntityCount> {
    let mut folder = Folder::new();
    let mut groups: HashMap<(EntityKind, String), (EntityCount, u64)> = HashMap::new();
    for ((kind, name), (articles, mentions)) in counts {
        let key = match folder.name_key(&name) {
            k if k.is_empty() => name.clone(),
            k => k,
        };
        let accents = |n: &str| n.chars().filter(|c| !c.is_ascii()).count();
        let (group, best_articles) = groups
            .entry((kind, key))
            .or_insert_with(|| (EntityCount { name: name.clone(), kind, articles: 0, mentions: 0 }, 0));
        let better = (articles, accents(&name), Reverse(&name))
            > (*best_articles, accents(&group.name), Reverse(&group.name));
        if better || group.articles == 0 {
            group.name = name;
            *best_articles = articles;
        }
        group.articles += articles;
        group.mentions += mentions;
    }
    groups.into_values().map(|(count, _)| count).collect()
}

/// Sorts by articles, then mentions (both descending), then name and kind.
fn sort_entities(list: &mut [EntityCount]) {
    list.sort_by(|a, b| {
        (Reverse(a.articles), Reverse(a.mentions), &a.name, a.kind).cmp(&(
            Reverse(b.articles),
            Reverse(b.mentions),
            &b.name,
            b.kind,
        ))
    });
}

/// Splits an `entity_stats` value into kind, name and mention count.
fn parse_stat(value: &str) -> Option<(EntityKind, &str, u64)> {
    let (kind, rest) = value.split_once(STATS_SEP)?;
    let (name, mentions) = rest.rsplit_once(STATS_SEP)?;
    Some((EntityKind::from_label(kind)?, name, mentions.parse().ok()?))
}

/// True when an entity of `kind` named `name` (folded words) matches the `with` words: equal, a
/// person's name ending with them, or, with `whole_words`, any name containing them as a run of
/// whole words.
fn name_matches(kind: EntityKind, name: &[String], with: &[String], whole_words: bool) -> bool {
    if name == with {
        return true;
    }
    if with.is_empty() {
        return false;
    }
    (kind == EntityKind::Person && name.ends_with(with))
        || (whole_words && name.windows(with.len()).any(|w| w == with))
}

/// Entity counts merged over segments.
#[derive(Debug, Default)]
pub struct EntityFruit {
    /// (kind, name) → (articles, mentions).
    pub counts: HashMap<(EntityKind, String), (u64, u64)>,
    /// Articles counted in.
    pub articles: u64,
}

/// A collector of entity counts from the `entity_stats` fast column.
pub struct EntityCollector {
    /// Folded words of the `--with` name.
    pub with: Option<Vec<String>>,
    /// Let the `--with` name match inside longer names (see [`entities`]).
    pub whole_words: bool,
}

/// What one segment saw: per term ordinal, the number of counted documents holding it.
pub struct SegmentEntityCounts {
    column: Option<StrColumn>,
    counts: Vec<u64>,
    /// With `--with`: which ordinals are the named entity.
    target: Option<Vec<bool>>,
    articles: u64,
    ords: Vec<u64>,
}

impl Collector for EntityCollector {
    type Fruit = EntityFruit;
    type Child = SegmentEntityCounts;

    fn for_segment(
        &self,
        _ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentEntityCounts> {
        let column = segment.fast_fields().str(names::ENTITY_STATS)?;
        let terms = column.as_ref().map_or(0, |c| c.num_terms());
        let target = match (&self.with, &column) {
            (Some(with), Some(col)) => {
                // One pass over the segment's dictionary decides which values name the entity,
                // so that each document costs only ordinal lookups.
                let mut folder = Folder::new();
                let mut target = vec![false; terms];
                let mut stream = col.dictionary().stream()?;
                while stream.advance() {
                    let Ok(value) = std::str::from_utf8(stream.key()) else { continue };
                    let Some((kind, name, _)) = parse_stat(value) else { continue };
                    if name_matches(kind, &folder.words(name), with, self.whole_words) {
                        if let Some(slot) =
                            usize::try_from(stream.term_ord()).ok().and_then(|i| target.get_mut(i))
                        {
                            *slot = true;
                        }
                    }
                }
                Some(target)
            }
            (Some(_), None) => Some(Vec::new()),
            (None, _) => None,
        };
        Ok(SegmentEntityCounts { column, counts: vec![0; terms], target, articles: 0, ords: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segments: Vec<(Option<StrColumn>, Vec<u64>, u64)>,
    ) -> tantivy::Result<EntityFruit> {
        let mut fruit = EntityFruit::default();
        for (column, counts, articles) in segments {
            fruit.articles += articles;
            let Some(column) = column else { continue };
            let seen: Vec<u64> = (0u64..).zip(&counts).filter(|(_, n)| **n > 0).map(|(ord, _)| ord).collect();
            let mut values: Vec<String> = Vec::with_capacity(seen.len());
            column.dictionary().sorted_ords_to_term_cb(&seen, |bytes| {
                values.push(String::from_utf8_lossy(bytes).into_owned());
            })?;
            for (ord, value) in seen.iter().zip(&values) {
                let docs = usize::try_from(*ord).ok().and_then(|i| counts.get(i)).copied().unwrap_or(0);
                // A value that is not KIND␟name␟count was not written by morgue; skip it.
                let Some((kind, name, mentions)) = parse_stat(value) else { continue };
                let entry = fruit.counts.entry((kind, name.to_string())).or_insert((0, 0));
                entry.0 += docs;
                entry.1 += docs * mentions;
            }
        }
        Ok(fruit)
    }
}

impl SegmentCollector for SegmentEntityCounts {
    type Fruit = (Option<StrColumn>, Vec<u64>, u64);

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(column) = &self.column else {
            if self.target.is_none() {
                self.articles += 1;
            }
            return;
        };
        self.ords.clear();
        self.ords.extend(column.term_ords(doc));
        let is_target = |ord: &u64| {
            self.target
                .as_ref()
                .is_some_and(|t| usize::try_from(*ord).ok().and_then(|i| t.get(i)).copied().unwrap_or(false))
        };
        if self.target.is_some() && !self.ords.iter().any(is_target) {
            return;
        }
        self.articles += 1;
        for ord in &self.ords {
            if is_target(ord) {
                continue;
            }
            if let Some(n) = usize::try_from(*ord).ok().and_then(|i| self.counts.get_mut(i)) {
                *n += 1;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        (self.column, self.counts, self.articles)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Entity};

    fn ent(name: &str, mentions: u32) -> Entity {
        Entity { name: name.into(), mentions }
    }

    fn article(
        n: usize,
        body: &str,
        persons: &[(&str, u32)],
        orgs: &[(&str, u32)],
        places: &[(&str, u32)],
    ) -> Article {
        let mut a = Article::new(format!("/e/{n}.txt"));
        a.body = body.into();
        a.outlet = Some(if n < 3 { "Ledger" } else { "Courier" }.into());
        a.entities.persons = persons.iter().map(|(p, m)| ent(p, *m)).collect();
        a.entities.organizations = orgs.iter().map(|(p, m)| ent(p, *m)).collect();
        a.entities.locations = places.iter().map(|(p, m)| ent(p, *m)).collect();
        a.assign_id();
        a
    }

    struct TestIndex {
        _dir: tempfile::TempDir,
        archive: Archive,
    }

    /// Five articles over two segments.
    fn corpus() -> TestIndex {
        let articles = [
            article(
                0,
                "cartels",
                &[("Donald Trump", 3), ("Andrés Manuel López Obrador", 2)],
                &[("CNN", 1)],
                &[("Mexico", 4)],
            ),
            article(1, "cartels", &[("Donald Trump", 1)], &[], &[("Mexico", 1), ("Washington", 2)]),
            article(2, "heat", &[("Priya Natarajan", 2)], &[("Vellmont Council", 3)], &[("Vellmont", 5)]),
            article(
                3,
                "cartels",
                &[("Andrés Manuel López Obrador", 1)],
                &[("Rolling Stone", 2)],
                &[("Mexico", 2)],
            ),
            article(4, "nothing named", &[], &[], &[]),
        ];
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path(), false).unwrap();
        let mut w = archive.writer().unwrap();
        for (i, a) in articles.iter().enumerate() {
            w.add_document(archive.document(a, &a.source, 1).unwrap()).unwrap();
            if i == 1 {
                w.commit().unwrap();
            }
        }
        w.commit().unwrap();
        TestIndex { _dir: dir, archive }
    }

    fn run(ix: &TestIndex, text: &str, kind: Option<EntityKind>, with: Option<&str>) -> EntitiesResult {
        let spec = EntitiesSpec {
            query: QuerySpec { text: text.into(), ..QuerySpec::default() },
            kind,
            limit: 0,
            with: with.map(String::from),
        };
        entities(&ix.archive, &spec).unwrap()
    }

    fn rows(r: &EntitiesResult) -> Vec<(String, &'static str, u64, u64)> {
        r.entities.iter().map(|e| (e.name.clone(), kind_word(e.kind), e.articles, e.mentions)).collect()
    }

    fn row(name: &str, kind: &'static str, articles: u64, mentions: u64) -> (String, &'static str, u64, u64) {
        (name.to_string(), kind, articles, mentions)
    }

    #[test]
    fn spellings_merge_across_articles() {
        use EntityKind::*;
        let counts = vec![
            ((Person, "Lopez Obrador".to_string()), (1, 2)),
            ((Person, "López Obrador".to_string()), (3, 5)),
            ((Person, "LÓPEZ-OBRADOR".to_string()), (1, 1)),
            ((Organization, "López Obrador".to_string()), (1, 1)),
            ((Location, "U.S.".to_string()), (2, 2)),
            ((Location, "US".to_string()), (2, 3)),
        ];
        let mut list = merge_spellings(counts.into_iter());
        sort_entities(&mut list);
        let got: Vec<(&str, EntityKind, u64, u64)> =
            list.iter().map(|e| (e.name.as_str(), e.kind, e.articles, e.mentions)).collect();
        assert_eq!(
            got,
            vec![
                ("López Obrador", Person, 5, 8),
                ("U.S.", Location, 4, 5),
                ("López Obrador", Organization, 1, 1),
            ]
        );
    }

    #[test]
    fn counts_articles_and_mentions_over_segments() {
        let ix = corpus();
        let r = run(&ix, "cartels", None, None);
        assert_eq!(r.articles, 3);
        assert_eq!(
            rows(&r),
            vec![
                row("Mexico", "place", 3, 7),
                row("Donald Trump", "person", 2, 4),
                row("Andrés Manuel López Obrador", "person", 2, 3),
                row("Rolling Stone", "org", 1, 2), // ties are broken by name
                row("Washington", "place", 1, 2),
                row("CNN", "org", 1, 1),
            ]
        );
    }

    #[test]
    fn empty_query_counts_all_articles() {
        let ix = corpus();
        let r = run(&ix, "", None, None);
        assert_eq!(r.articles, 5);
        assert_eq!(r.entities.len(), 9);
        assert_eq!(
            r.entities[0],
            EntityCount { name: "Mexico".into(), kind: EntityKind::Location, articles: 3, mentions: 7 }
        );
    }

    #[test]
    fn type_filter_and_limit() {
        let ix = corpus();
        let r = run(&ix, "", Some(EntityKind::Organization), None);
        assert_eq!(
            rows(&r),
            vec![
                row("Vellmont Council", "org", 1, 3),
                row("Rolling Stone", "org", 1, 2),
                row("CNN", "org", 1, 1)
            ]
        );
        let spec = EntitiesSpec { limit: 2, kind: Some(EntityKind::Person), ..EntitiesSpec::default() };
        let r = entities(&ix.archive, &spec).unwrap();
        assert_eq!(
            rows(&r),
            vec![row("Donald Trump", "person", 2, 4), row("Andrés Manuel López Obrador", "person", 2, 3)]
        );
    }

    #[test]
    fn with_lists_co_mentions_ignoring_case_and_accents() {
        let ix = corpus();
        let r = run(&ix, "", None, Some("andres manuel LOPEZ obrador"));
        assert_eq!(r.articles, 2);
        assert_eq!(
            rows(&r),
            vec![
                row("Mexico", "place", 2, 6),
                row("Donald Trump", "person", 1, 3),
                row("Rolling Stone", "org", 1, 2),
                row("CNN", "org", 1, 1),
            ]
        );
        // A surname finds the person: "Trump" is Donald Trump.
        let r = run(&ix, "", Some(EntityKind::Location), Some("trump"));
        assert_eq!(r.articles, 2);
        assert_eq!(rows(&r), vec![row("Mexico", "place", 2, 5), row("Washington", "place", 1, 2)]);
        // Nothing named exactly "stone": whole words inside longer names count.
        let r = run(&ix, "", None, Some("stone"));
        assert_eq!(r.articles, 1);
        assert_eq!(
            rows(&r),
            vec![row("Mexico", "place", 1, 2), row("Andrés Manuel López Obrador", "person", 1, 1)]
        );
        // A name no article mentions.
        let r = run(&ix, "", None, Some("Nobody Atall"));
        assert_eq!(r.articles, 0);
        assert!(r.entities.is_empty());
    }

    #[test]
    fn nothing_matching() {
        let ix = corpus();
        let r = run(&ix, "zeppelin", None, None);
        assert_eq!(r.articles, 0);
        assert!(r.entities.is_empty());
        let r = run(&ix, "nothing", None, None);
        assert_eq!(r.articles, 1);
        assert!(r.entities.is_empty());
    }

    #[test]
    fn json_shape() {
        let ix = corpus();
        let spec = EntitiesSpec {
            query: QuerySpec { text: "heat".into(), ..QuerySpec::default() },
            limit: 1,
            ..EntitiesSpec::default()
        };
        let r = entities(&ix.archive, &spec).unwrap();
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            serde_json::json!({"query": "heat", "articles": 1, "entities": [
                {"name": "Vellmont", "type": "place", "articles": 1, "mentions": 5}
            ]})
        );
    }

    #[test]
    fn stats_values_parse() {
        let cases = [
            ("PER\u{1f}Donald Trump\u{1f}3", Some((EntityKind::Person, "Donald Trump", 3))),
            ("LOC\u{1f}U.S.\u{1f}12", Some((EntityKind::Location, "U.S.", 12))),
            ("XYZ\u{1f}Thing\u{1f}1", None),
            ("PER\u{1f}No count", None),
            ("PER\u{1f}Bad\u{1f}x", None),
        ];
        for (value, want) in cases {
            assert_eq!(parse_stat(value), want, "{value}");
        }
    }

    #[test]
    fn folding_and_name_matching() {
        let mut f = Folder::new();
        assert_eq!(f.key("Andrés Manuel López Obrador"), "andres manuel lopez obrador");
        assert_eq!(f.key("  U.S.  "), "u s");
        let w = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let cases = [
            (EntityKind::Person, "donald trump", "donald trump", false, true),
            (EntityKind::Person, "donald trump", "trump", false, true),
            (EntityKind::Person, "donald trump", "donald", false, false),
            (EntityKind::Organization, "trump tower", "trump", false, false),
            (EntityKind::Organization, "trump tower", "trump", true, true),
            (EntityKind::Location, "mexico city", "mexico", false, false),
            (EntityKind::Person, "donald trumpet", "trump", true, false),
            (EntityKind::Person, "donald trump", "", true, false),
        ];
        for (kind, name, with, whole, want) in cases {
            let with = if with.is_empty() { Vec::new() } else { w(with) };
            assert_eq!(
                name_matches(kind, &w(name), &with, whole),
                want,
                "{kind:?} {name} / {with:?} / {whole}"
            );
        }
    }
}
