//! The filters every query command shares: publication date range, outlet and mentioned date.
//! One definition, flattened into `search`, `timeline` and `entities`.

use chrono::NaiveDate;

use crate::article::TimePoint;
use crate::query::search::QuerySpec;

#[derive(Debug, Clone, Default, clap::Args)]
pub struct Filters {
    /// Only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_parser = parse_since)]
    pub since: Option<NaiveDate>,
    /// Only articles published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_parser = parse_until)]
    pub until: Option<NaiveDate>,
    /// Only articles from this outlet
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only articles whose text mentions an event in this year, month or day (YYYY[-MM[-DD]])
    #[arg(long, value_parser = parse_point)]
    pub mentions: Option<TimePoint>,
}

impl Filters {
    /// A query spec for `text` with these filters.
    pub fn spec(&self, text: &str) -> QuerySpec {
        QuerySpec {
            text: text.to_string(),
            since: self.since,
            until: self.until,
            outlet: self.outlet.clone(),
            mentions: self.mentions,
            ..QuerySpec::default()
        }
    }

    /// True when a publication-date range is set (undated matches then fall outside it).
    pub fn has_date_range(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }
}

/// Reads a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` point.
pub fn parse_point(s: &str) -> Result<TimePoint, String> {
    TimePoint::parse_iso(s).ok_or_else(|| format!("{s:?} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"))
}

/// The first day of a `--since` point.
pub fn parse_since(s: &str) -> Result<NaiveDate, String> {
    parse_point(s)?.first_day().ok_or_else(|| format!("{s:?} is not a valid date"))
}

/// The last day of an `--until` point (`2023` means to the end of 2023).
pub fn parse_until(s: &str) -> Result<NaiveDate, String> {
    let p = parse_point(s)?;
    let first = p.first_day().ok_or_else(|| format!("{s:?} is not a valid date"))?;
    let next = match (p.month, p.day) {
        (Some(_), Some(_)) => return Ok(first),
        (Some(12), None) => NaiveDate::from_ymd_opt(p.year + 1, 1, 1),
        (Some(m), None) => NaiveDate::from_ymd_opt(p.year, m + 1, 1),
        _ => NaiveDate::from_ymd_opt(p.year + 1, 1, 1),
    };
    next.and_then(|d| d.pred_opt()).ok_or_else(|| format!("{s:?} is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds() {
        assert_eq!(parse_since("2023").unwrap().to_string(), "2023-01-01");
        assert_eq!(parse_until("2023").unwrap().to_string(), "2023-12-31");
        assert_eq!(parse_until("2024-02").unwrap().to_string(), "2024-02-29");
        assert_eq!(parse_until("2023-12").unwrap().to_string(), "2023-12-31");
        assert_eq!(parse_until("2023-03-03").unwrap().to_string(), "2023-03-03");
        assert!(parse_since("March").is_err());
    }
}
