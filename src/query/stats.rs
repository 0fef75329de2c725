//! Collection statistics: article count, date range, undated count, top outlets, size on disk.
//! Everything is read from fast fields.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::QueryError;
use crate::index::{fields::names, Archive};

/// One outlet and how many articles it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletCount {
    pub outlet: String,
    pub articles: usize,
}

/// Statistics of an index.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub articles: usize,
    pub earliest: Option<DateTime<Utc>>,
    pub latest: Option<DateTime<Utc>>,
    pub undated: usize,
    pub outlets: Vec<OutletCount>,
    pub index_bytes: u64,
}

/// Computes the statistics, with the `top` most frequent outlets.
pub fn stats(archive: &Archive, top: usize) -> Result<Stats, QueryError> {
    let searcher = archive.searcher()?;
    let mut articles = 0;
    let mut undated = 0;
    let mut earliest: Option<i64> = None;
    let mut latest: Option<i64> = None;
    let mut outlets: HashMap<String, usize> = HashMap::new();
    let mut no_outlet = 0;
    for segment in searcher.segment_readers() {
        let ff = segment.fast_fields();
        let dates = ff.date(names::PUBLISHED)?;
        let outlet_col = ff.str(names::OUTLET)?;
        let mut counts: HashMap<u64, usize> = HashMap::new();
        for doc in segment.doc_ids_alive() {
            articles += 1;
            match dates.first(doc) {
                Some(d) => {
                    let s = d.into_timestamp_secs();
                    earliest = Some(earliest.map_or(s, |e| e.min(s)));
                    latest = Some(latest.map_or(s, |l| l.max(s)));
                }
                None => undated += 1,
            }
            match outlet_col.as_ref().and_then(|c| c.term_ords(doc).next()) {
                Some(ord) => *counts.entry(ord).or_default() += 1,
                None => no_outlet += 1,
            }
        }
        if let Some(col) = &outlet_col {
            let mut name = String::new();
            for (ord, n) in counts {
                name.clear();
                col.ord_to_str(ord, &mut name)?;
                *outlets.entry(name.clone()).or_default() += n;
            }
        }
    }
    let mut outlets: Vec<OutletCount> =
        outlets.into_iter().map(|(outlet, articles)| OutletCount { outlet, articles }).collect();
    if no_outlet > 0 {
        outlets.push(OutletCount { outlet: "(no outlet)".into(), articles: no_outlet });
    }
    outlets.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.outlet.cmp(&b.outlet)));
    outlets.truncate(top);
    let to_dt = |s: i64| DateTime::<Utc>::from_timestamp(s, 0);
    Ok(Stats {
        articles,
        earliest: earliest.and_then(to_dt),
        latest: latest.and_then(to_dt),
        undated,
        outlets,
        index_bytes: archive.size_on_disk(),
    })
}
