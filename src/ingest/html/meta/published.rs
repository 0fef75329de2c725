//! The publication-date cascade: JSON-LD `datePublished`, `<meta>` published times, a marked
//! `<time>`, the URL path, the visible date under the headline (or in an element classed as a
//! date), then weaker guesses; never a date in the page's own future, and a visible date
//! corrects the metadata's day only when the metadata confirms it.

use chrono::{Datelike, Timelike};

use super::Signals;
use crate::article::{DatePrecision, PubDate};
use crate::extract::date;

impl Signals {
    /// Publication date: JSON-LD `datePublished`, `<meta>` published times, a marked `<time>`,
    /// a generic `<meta name=date>` with a time of day (on a page that states no other
    /// publication date, only after the first `<time>` it shows), the URL path (without any of these,
    /// the visible date under the headline or, without one, the day an element classed as a date
    /// shows, then a day-only generic `<meta name=date>`), the
    /// first `<time>`, then the extractor's guess. A UTC stamp is read on the day the page
    /// writes for the same instant in its own time. A candidate later than the
    /// page's modification date is skipped (a date in the page's own future is not its
    /// publication date). Returns the raw text too when a string could not be normalised.
    pub(super) fn published(
        &self,
        url: Option<&str>,
        modified: Option<PubDate>,
        extractor_date: Option<PubDate>,
    ) -> (Option<PubDate>, Option<String>) {
        let mut texts: Vec<&str> = Vec::new();
        texts.extend(self.ld.published.as_deref());
        texts.extend(self.meta_published.iter().map(String::as_str));
        texts.extend(self.times.iter().filter(|(_, marked)| *marked).map(|(t, _)| t.as_str()));
        let parsed = |ts: &mut dyn Iterator<Item = &str>| ts.filter_map(date::parse_date).collect::<Vec<_>>();
        let mut specific = parsed(&mut texts.iter().copied());
        if let Some(i) = self.corroborated_meta(url).filter(|&i| i < specific.len()) {
            // `specific` opens with the JSON-LD date, then the <meta> ones.
            specific[..=i].rotate_right(1);
        }
        // A generic `<meta name=date>` with a time of day is a stamp of the publication; one
        // with only a day is often the day the page was built.
        let (timed, mut generic): (Vec<PubDate>, Vec<PubDate>) =
            parsed(&mut self.meta_dates.iter().map(String::as_str))
                .into_iter()
                .partition(|d| d.precision > DatePrecision::Day);
        // But a `<time>` element the page shows its readers beats any generic `<meta
        // name=date>` on a page that states no publication date: that tag is filled by the
        // site's template as often with the page's build or last edit as with the article's.
        let shown_time = self.times.iter().find_map(|(t, _)| date::parse_date(t));
        let time_first =
            specific.is_empty() && shown_time.is_some() && !(timed.is_empty() && generic.is_empty());
        if time_first {
            generic.splice(0..0, timed);
        } else {
            specific.extend(timed);
        }
        texts.extend(self.meta_dates.iter().map(String::as_str));
        // Each candidate with whether the page states it as its publication date.
        // The dates shown under the headline, read once for both their uses below.
        let visible = self.visible_dates();
        // Without a date around the headline, the day an element classed as a date shows.
        let class_day = if visible.is_empty() { self.class_date() } else { None };
        let mut ranked: Vec<(PubDate, bool)> = specific.iter().map(|d| (*d, true)).collect();
        // A date the page's title states, where it ranks first: no visible date corrects it.
        let mut titled = None;
        // A full day in the URL is stated by the site too, and ranks after the metadata.
        let from_url = url.and_then(date::date_from_url);
        let url_day = from_url.filter(|d| d.precision >= DatePrecision::Day);
        // Without a specific publication date, the date the page shows under its headline beats
        // a day-only `<meta name=date>`, the URL month,
        // unmarked <time>s and the extractor's guess.
        if specific.is_empty() && url_day.is_none() {
            titled = self.title_date();
            ranked.extend(titled.map(|d| (d, false)));
            ranked.extend(visible.first().or(class_day.as_ref()).map(|d| (*d, false)));
            // Then the date the page labels as its publication's, and at last, on pages that
            // state no other, the day it says it was last changed.
            let labelled = [&self.labelled_published, &self.labelled_updated]
                .into_iter()
                .filter_map(|t| t.as_deref().and_then(|t| self.parse_visible(t)));
            ranked.extend(labelled.map(|d| (d, false)));
        }
        if time_first {
            ranked.extend(shown_time.map(|d| (d, false)));
        }
        ranked.extend(generic.iter().map(|d| (*d, true)));
        ranked.extend(url_day.map(|d| (d, false)));
        let weaker = from_url
            .filter(|_| url_day.is_none())
            .into_iter()
            .chain(self.ld.page_published.as_deref().and_then(date::parse_date))
            .chain(self.times.iter().filter_map(|(t, _)| date::parse_date(t)))
            .chain(extractor_date);
        ranked.extend(weaker.map(|d| (d, false)));
        // The page's stated publication dates (JSON-LD, <meta>, a marked <time>) are trusted
        // even when the modification stamp is older (a CMS that stamps the draft's last
        // edit); weaker candidates later than the modification date are in the page's future.
        let not_after_modified = |(d, stated): &(PubDate, bool)| match modified {
            Some(m) => *stated || d.date() <= m.date(),
            None => true,
        };
        let candidates: Vec<PubDate> = ranked.iter().map(|(d, _)| *d).collect();
        if let Some((d, _)) = ranked.iter().find(|c| not_after_modified(c)) {
            if Some(*d) == titled {
                return (Some(*d), None);
            }
            // A day-only generic `<meta name=date>` (a build day, or a print edition's date)
            // does not confirm a visible date against a stated time.
            let confirming: Vec<PubDate> =
                candidates.iter().filter(|c| !generic.contains(c)).copied().collect();
            if let Some(v) = Self::visible_correction(d, &visible, &confirming, modified) {
                return (Some(v), None);
            }
            // A date element away from the headline corrects the pick only when the page's
            // modification stamp states the same day ("Updated Mar 12, 2020" beside a
            // JSON-LD date of the first draft): the weaker candidates are often the very
            // `<time>` that element is, or a teaser's, and would confirm it by themselves, and
            // a day next to a UTC pick's is as often another story's as the local view.
            let stamped =
                class_day.zip(modified).filter(|(c, m)| c.date() == m.date() && c.date() != d.date());
            if d.precision >= DatePrecision::Day {
                if let Some((_, m)) = stamped {
                    return (Some(m), None);
                }
            }
            let time_days: Vec<PubDate> = self
                .times
                .iter()
                .filter_map(|(t, _)| date::parse_date(t))
                .filter(|t| t.precision == DatePrecision::Day)
                .collect();
            if let Some(v) = local_view(d, &candidates).or_else(|| local_day(d, &time_days)) {
                return (Some(v), None);
            }
            // A month from the URL ("/2013/10/") is refined by a weaker source giving a day
            // in that month (a <time>, the visible date).
            if d.precision < DatePrecision::Day {
                let refined = candidates.iter().find(|c| {
                    c.precision >= DatePrecision::Day
                        && c.date().year() == d.date().year()
                        && (d.precision == DatePrecision::Year || c.date().month() == d.date().month())
                });
                if let Some(c) = refined {
                    return (Some(*c), None);
                }
            }
            // A day without a time (a date shown on the page) takes the time of day that a
            // weaker source (a `<time>`, a `<meta name=date>`) states for that same day. A
            // stamp at midnight is a day written as a time, and adds nothing.
            let timed = candidates.iter().find(|c| {
                d.precision == DatePrecision::Day
                    && c.precision > DatePrecision::Day
                    && c.date() == d.date()
                    && c.local.time() != chrono::NaiveTime::MIN
            });
            return (Some(*timed.unwrap_or(d)), None);
        }
        (candidates.first().copied(), texts.first().map(|t| t.to_string()))
    }
}

impl Signals {
    /// The index in the stated candidates (JSON-LD first, then `<meta>`) of a `<meta>`
    /// published time that should beat the JSON-LD `datePublished`: the two disagree on the
    /// day, another kind of source (a generic `<meta name=date>`, a `<time>`, the URL) states
    /// the `<meta>` day, and none states the JSON-LD one. JSON-LD blocks are often written by
    /// a separate plugin or template that carries a stale date (the first draft's, a
    /// republished story's original); two kinds of metadata that agree outvote it.
    fn corroborated_meta(&self, url: Option<&str>) -> Option<usize> {
        let ld = self.ld.published.as_deref().and_then(date::parse_date)?;
        let metas: Vec<PubDate> = self.meta_published.iter().filter_map(|t| date::parse_date(t)).collect();
        let (i, meta) = metas.iter().copied().enumerate().find(|(_, m)| m.precision >= DatePrecision::Day)?;
        if meta.date() == ld.date() || ld.precision < DatePrecision::Day {
            return None;
        }
        let url_day = url.and_then(date::date_from_url).filter(|d| d.precision >= DatePrecision::Day);
        let others: Vec<PubDate> = self
            .meta_dates
            .iter()
            .chain(self.times.iter().map(|(t, _)| t))
            .filter_map(|t| date::parse_date(t))
            .chain(url_day)
            .chain(self.title_date())
            .collect();
        let states = |day: chrono::NaiveDate| others.iter().any(|o| o.date() == day);
        let ld_backed = states(ld.date()) || metas.iter().any(|m| m.date() == ld.date());
        (states(meta.date()) && !ld_backed).then_some(i + 1)
    }

    /// The date the page's `<title>` (or `og:title`) gives as a part of its own, the way
    /// some outlets date every page: "Storm warning | Region | Example News | 28.04.2023",
    /// "23.01.2022 - Local team wins", "Heavy rain : 31.10.2023, 10.19 Uhr". A date inside the
    /// title's words ("Minutes of the meeting of 10 October 2019") is its subject, not its stamp.
    fn title_date(&self) -> Option<PubDate> {
        [&self.title, &self.og_title].into_iter().flatten().find_map(|t| {
            t.split(['|', '–', '—', ':', ','])
                .flat_map(|part| part.split(" - "))
                .map(str::trim)
                .find(|part| VISIBLE_DATE.find(part).is_some_and(|m| m.len() == part.len()))
                .and_then(|part| self.parse_visible(part))
        })
    }

    /// A date written for the page's readers, day precision or finer. "02/10/2020" on a
    /// British or German page is 2 October: outside US English, numeric dates put the day
    /// first.
    fn parse_visible(&self, text: &str) -> Option<PubDate> {
        let lang = self.html_lang.as_deref().or(self.meta_lang.as_deref()).unwrap_or("").to_ascii_lowercase();
        let day_first =
            !lang.is_empty() && lang != "en" && !lang.starts_with("en-us") && !lang.starts_with("en_us");
        let parsed = if day_first {
            date::parse_date_with(text, date::DayOrder::DayFirst)
        } else {
            date::parse_date(text)
        };
        parsed.filter(|d| d.precision >= DatePrecision::Day)
    }

    /// The first day written in an element whose class or id names a date or time
    /// ([`Signals::date_texts`]), unless elements of the same class and id show other days:
    /// then it is the first item of a list (events, teasers, comments), not the page's stamp.
    fn class_date(&self) -> Option<PubDate> {
        let day = |t: &str| VISIBLE_DATE.find_iter(t).find_map(|m| self.parse_visible(m.as_str()));
        let (names, first) = self.date_texts.iter().find_map(|(n, t)| day(t).map(|d| (n, d)))?;
        let listed = self
            .date_texts
            .iter()
            .any(|(n, t)| n == names && day(t).is_some_and(|d| d.date() != first.date()));
        (!listed).then_some(first)
    }

    /// The dates written in the short visible lines around the headline, in reading order
    /// (day precision or finer), up to the second long line: one long line may be the
    /// standfirst, a second is the body, whose dates are quotes and embeds.
    pub fn visible_dates(&self) -> Vec<PubDate> {
        let parse = |text: &str| self.parse_visible(text);
        let mut out = Vec::new();
        let mut long = 0;
        for line in &self.header_lines {
            let is_long = line.chars().count() > 160;
            long += usize::from(is_long);
            // A date line is a stamp ("Posted 3 March 2023 | Jane Doe"), not a sentence that
            // mentions a day; a paragraph may still open with its date ("29.11.2022 – The…").
            let stamp = !is_long && VISIBLE_DATE.replace_all(line, "").split_whitespace().count() <= 10;
            if stamp && long < 2 {
                out.extend(VISIBLE_DATE.find_iter(line).filter_map(|m| parse(m.as_str())));
            } else if is_long && long <= 2 {
                out.extend(opening_date(line).or_else(|| closing_date(line)).and_then(parse));
            }
            if long >= 2 {
                break;
            }
        }
        out
    }

    /// A visible date that should replace the cascade's pick `d`: the page shows its readers
    /// another day under the headline, and that day is one the metadata knows too (the
    /// modification date, a weaker candidate), or is `d`'s own day seen in the page's local
    /// time (`2018-12-31T23:11Z` shown as "1. Januar 2019"). A visible day no metadata
    /// confirms is not trusted over the metadata.
    fn visible_correction(
        d: &PubDate,
        visible: &[PubDate],
        candidates: &[PubDate],
        modified: Option<PubDate>,
    ) -> Option<PubDate> {
        if visible.is_empty()
            || d.precision < DatePrecision::Day
            || visible.iter().any(|v| v.date() == d.date())
        {
            return None;
        }
        let first = visible.first()?;
        let known = candidates.iter().chain(modified.as_ref()).find(|c| c.date() == first.date());
        if let Some(c) = known {
            return Some(*c);
        }
        // A UTC time near midnight: the visible day is the same instant in local time.
        let utc_like = d.offset_secs.is_none_or(|o| o == 0);
        let gap = (first.date() - d.date()).num_days().abs();
        (utc_like && gap == 1 && d.precision > DatePrecision::Day).then_some(*first)
    }
}

/// The same instant as a UTC pick `d`, written by the page in its own local time on another
/// day: a zoned stamp (`2022-05-03T23:37:37-04:00` beside `2022-05-04T03:37:37Z`) or a stamp
/// without offset that differs from `d` by whole quarter hours (`2023-11-08 23:30:59` beside
/// `2023-11-09T05:30:59Z`). The publication day is the day where the page was published.
/// A naive stamp only counts when `d`'s minutes and seconds are not both zero, so that two
/// unrelated round times do not pass for one instant.
fn local_view(d: &PubDate, candidates: &[PubDate]) -> Option<PubDate> {
    if d.precision <= DatePrecision::Day || d.offset_secs != Some(0) {
        return None;
    }
    let informative = d.local.minute() != 0 || d.local.second() != 0;
    candidates
        .iter()
        .filter(|c| c.precision > DatePrecision::Day && c.date() != d.date())
        .find(|c| match c.offset_secs {
            Some(0) => false,
            Some(_) => (c.to_utc() - d.to_utc()).num_seconds().abs() < 60,
            None => {
                let shift = (c.local - d.local).num_seconds();
                informative && shift % 900 == 0 && shift.abs() <= 14 * 3600
            }
        })
        .copied()
}

/// The date a paragraph opens with, dateline-style: "29.11.2022 – Text", "BERLIN, 3. März
/// 2023 — Text", "Karlsruhe, (12.11.2021). Text" (at most three words before the date, a
/// dash, bar or colon after it, or the date alone in parentheses).
fn opening_date(line: &str) -> Option<&str> {
    let m = VISIBLE_DATE.find(line)?;
    let before = &line[..m.start()];
    let after = line[m.end()..].trim_start();
    let dash = after.starts_with(['–', '—', '-', '|', ':']);
    let bracketed = before.trim_end().ends_with('(') && after.starts_with(')');
    ((dash || bracketed) && before.split_whitespace().count() <= 3).then(|| m.as_str())
}

/// The date a long header line closes with after its last sentence, where a standfirst
/// and the stamp under it share one block: "… What is the secret of its recovery? Monday,
/// 6 January 2020" (at most a weekday between the sentence's end and the date, nothing after
/// it). A date inside or at the end of a sentence ("… said on 6 January 2020") is a quote.
fn closing_date(line: &str) -> Option<&str> {
    let m = VISIBLE_DATE.find_iter(line).last()?;
    if !line[m.end()..].trim().is_empty() {
        return None;
    }
    let mut before = line[..m.start()].trim_end().trim_end_matches(',').trim_end();
    if let Some((head, last)) = before.rsplit_once(char::is_whitespace) {
        if date::is_weekday(&last.trim_end_matches('.').to_lowercase()) {
            before = head.trim_end();
        }
    }
    before.ends_with(['.', '?', '!', '"', '”', '“', '»', '«']).then(|| m.as_str())
}

/// The day a `<time>` element shows for a UTC pick `d` near midnight: the day before when the
/// UTC time is early enough for the Americas (before 08:00), the day after when it is late
/// enough for Asia and Oceania (from 16:00).
fn local_day(d: &PubDate, days: &[PubDate]) -> Option<PubDate> {
    if d.precision <= DatePrecision::Day || d.offset_secs != Some(0) {
        return None;
    }
    let hour = d.local.hour();
    days.iter()
        .find(|c| {
            let gap = (c.date() - d.date()).num_days();
            (gap == -1 && hour < 8) || (gap == 1 && hour >= 16)
        })
        .copied()
}

/// The first date in `text` that a label calls the publication's ([`PUBLISHED_LABEL`]:
/// "Erschienen am: 13.10.2021", "Posted on Monday, September 21, 2020", "Publié le 3 mars
/// 2023") or the last modification's ([`UPDATED_LABEL`]). Returns the date's text.
pub(super) fn labelled_date(text: &str, labels: &regex::Regex) -> Option<String> {
    labels.find_iter(text).find_map(|label| {
        let rest = &text[label.end()..];
        let near = rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i);
        let m = VISIBLE_DATE.find(&rest[..near])?;
        // At most a weekday between the label and the date.
        let gap = rest[..m.start()].trim_end_matches([' ', ',']);
        if gap.split_whitespace().count() > 1 {
            return None;
        }
        // German post footers put the verb last ("wurde am 3. Mai 2010 um 23:03 Uhr
        // veröffentlicht"): "wurde am" alone opens any sentence of the body, so the verb must
        // follow the date closely.
        if label.as_str().get(..5).is_some_and(|w| w.eq_ignore_ascii_case("wurde")) {
            let after = &rest[m.end()..];
            let near = after.char_indices().nth(40).map_or(after.len(), |(i, _)| i);
            if !PUBLISHED_VERB.is_match(&after[..near]) {
                return None;
            }
        }
        Some(m.as_str().to_string())
    })
}

/// The verbs that close a German post footer's "wurde am … veröffentlicht".
static PUBLISHED_VERB: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(?:veröffentlicht|gepostet|publiziert|erstellt|geschrieben)\b")
        .expect("valid regex")
});

/// A label that says the date after it is the last modification's, with its preposition and
/// colon.
pub(super) static UPDATED_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?-u:\b)(?:updated|last\s+modified|aktualisiert|letzte\s+änderung|zuletzt\s+geändert|mis\s+à\s+jour|actualizado|aggiornato|bijgewerkt)(?:\s+(?:am|on|le|el|em|il|op))?\s*:?\s*",
    )
    .expect("valid regex")
});

/// A label that says the date after it is the publication's, with its preposition and colon.
pub(super) static PUBLISHED_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)(?-u:\b)(?:published|posted|erschienen|veröffentlicht|publiziert|publié|publicado|publicada|pubblicato|gepubliceerd|wurde(?:\s+\p{L}+)?\s+am)(?:\s+(?:am|on|le|el|em|il|op))?\s*:?\s*",
    )
    .expect("valid regex")
});

/// Written dates in a visible line: ISO, numeric day-first or month-first, "3. März 2023",
/// "3 de marzo de 2023", "07 Dezember, 2022" (a comma before the year), "14 Gennaio 20" (a
/// two-digit year after a month's name), "March 3, 2023".
/// `date::parse_date` judges each match. A month's name is any run of three or more letters:
/// bounding it ({3,10}) copied the Unicode letter class ten times per use, and compiling this
/// one pattern cost as much as parsing half a page in every run of morgue. Digits are ASCII
/// (`[0-9]`, not Unicode's `\d`): the date parser reads no others, and Unicode's digit class
/// doubled the compile time again.
static VISIBLE_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?x)
        \b[0-9]{4}-[0-9]{2}-[0-9]{2}\b
        | \b[0-9]{1,2}\.\s?[0-9]{1,2}\.\s?[0-9]{4}\b
        | \b[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}\b
        | \b[0-9]{1,2}(?:\.|º|er)?\s+(?:de\s+)?\p{L}{3,}\.?(?:\s+de|,)?\s+[0-9]{4}\b
        | \b[0-9]{1,2}\.?\s+\p{L}{3,}\.?\s+[0-9]{2}\b
        | \b\p{L}{3,}\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4}\b",
    )
    .expect("valid regex")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::html::meta::LdArticle;

    #[test]
    fn stated_date_after_the_modification_stamp() {
        let modified = date::parse_date("2022-12-20T16:55:21Z");
        // A stated datePublished a few hours after an older modification stamp is kept.
        let s = Signals {
            ld: LdArticle { published: Some("2022-12-21T05:49:28Z".into()), ..LdArticle::default() },
            ..Signals::default()
        };
        let (d, _) = s.published(None, modified, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2022-12-21"));
        // An unmarked <time> in the page's future is not its publication date.
        let s = Signals {
            times: vec![("2023-05-01T10:00:00Z".into(), false), ("2022-12-19T10:00:00Z".into(), false)],
            ..Signals::default()
        };
        let (d, _) = s.published(None, modified, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2022-12-19"));
    }

    #[test]
    fn days_shown_by_date_elements() {
        let texts = |ts: &[(&str, &str)]| -> Vec<(String, String)> {
            ts.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect()
        };
        let day = |d: Option<PubDate>| d.map(|d| d.date().to_string());
        // (date texts, JSON-LD datePublished, modification stamp, expected day)
        type Case<'a> = (&'a [(&'a str, &'a str)], Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: [Case; 7] = [
            // The only date a page states, beating an unmarked <time> further down.
            (&[("post-date", "Posted 4 May 2021")], None, None, Some("2021-05-04")),
            // Items of one list showing different days: no stamp of the page.
            (&[("event-date", "12.06.2021"), ("event-date", "19.06.2021")], None, None, Some("2021-04-01")),
            // The same day twice in one class is still the page's.
            (&[("text-date", "4 May 2021"), ("text-date", "4 May 2021")], None, None, Some("2021-05-04")),
            // A stale JSON-LD date corrected by the shown day that the modification stamp states.
            (
                &[("timestamp", "Updated Mar 3, 2021")],
                Some("2020-10-15T16:00:00Z"),
                Some("2021-03-03T10:00:00Z"),
                Some("2021-03-03"),
            ),
            // Not when nothing but the element states that day.
            (
                &[("timestamp", "Updated Mar 3, 2021")],
                Some("2020-10-15T16:00:00Z"),
                Some("2021-04-01T10:00:00Z"),
                Some("2020-10-15"),
            ),
            // Nor a day next to a UTC pick's, which the headline's date would correct.
            (
                &[("timestamp", "3 March 2021")],
                Some("2021-03-02T23:30:00Z"),
                Some("2021-04-01T10:00:00Z"),
                Some("2021-03-02"),
            ),
            (&[], None, None, Some("2021-04-01")),
        ];
        for (dates, ld, modified, want) in cases {
            let s = Signals {
                date_texts: texts(dates),
                ld: LdArticle { published: ld.map(String::from), ..LdArticle::default() },
                times: vec![("2021-04-01T08:00:00Z".into(), false)],
                ..Signals::default()
            };
            let (d, _) = s.published(None, modified.and_then(date::parse_date), None);
            assert_eq!(day(d).as_deref(), want, "{dates:?}");
        }
    }

    #[test]
    fn url_month_is_refined_by_a_day_in_it() {
        let s = Signals { times: vec![("2013-10-05T10:00:00".into(), false)], ..Signals::default() };
        let (d, _) = s.published(Some("https://blog.example.org/2013/10/post/"), None, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2013-10-05"));
        // A day in another month does not refine it.
        let s = Signals { times: vec![("2014-02-05T10:00:00".into(), false)], ..Signals::default() };
        let (d, _) = s.published(Some("https://blog.example.org/2013/10/post/"), None, None);
        assert_eq!(d.map(|d| d.precision), Some(DatePrecision::Month));
    }

    #[test]
    fn a_shown_day_takes_the_time_a_weaker_source_gives_it() {
        // (the <time> beside the shown day, the published value)
        let cases = [
            ("2023-03-03T14:05:00+01:00", "2023-03-03T14:05:00+01:00"),
            // Another day's time, or a midnight stamp (a day written as a time), adds nothing.
            ("2023-03-02T14:05:00+01:00", "2023-03-03"),
            ("2023-03-03T00:00:00Z", "2023-03-03"),
        ];
        for (time, want) in cases {
            let s = Signals {
                header_lines: vec!["Posted 3 March 2023 | Jane Doe".into()],
                times: vec![(time.into(), false)],
                ..Signals::default()
            };
            let (d, _) = s.published(None, None, None);
            assert_eq!(d.map(|d| d.to_iso()).as_deref(), Some(want), "{time}");
        }
    }

    #[test]
    fn visible_dates_near_the_headline() {
        // No metadata date: the visible day beats the URL month and an unmarked <time> from
        // a teaser; on a British page "02/10/2020" is 2 October.
        let s = Signals {
            html_lang: Some("en-GB".into()),
            header_lines: vec!["Posted 02/10/2020, 10:15".into()],
            times: vec![("2020-02-10T08:00:00Z".into(), false)],
            ..Signals::default()
        };
        let (d, _) = s.published(Some("https://example.org/2020/09/post"), None, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2020-10-02"));
        // A UTC stamp just before midnight is the next day where the page is read.
        let s = Signals {
            ld: LdArticle { published: Some("2018-12-31T23:11:59Z".into()), ..LdArticle::default() },
            header_lines: vec!["1. Januar 2019".into()],
            ..Signals::default()
        };
        let (d, _) = s.published(None, None, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2019-01-01"));
        // A visible date no metadata confirms does not override the stated date, and a date
        // quoted in the body (a long line after the standfirst) is not read at all.
        let long = "x ".repeat(100);
        let s = Signals {
            ld: LdArticle { published: Some("2023-03-03T10:00:00+01:00".into()), ..LdArticle::default() },
            header_lines: vec![long.clone(), long, "1. Mai 1990".into()],
            ..Signals::default()
        };
        assert!(s.visible_dates().is_empty());
        let (d, _) = s.published(None, None, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2023-03-03"));
    }

    #[test]
    fn utc_stamp_takes_the_day_the_page_writes_for_the_same_instant() {
        let day = |meta: &str, time: &str| {
            let s = Signals {
                meta_published: vec![meta.into()],
                times: vec![(time.into(), false)],
                ..Signals::default()
            };
            s.published(None, None, None).0.map(|d| d.date().to_string())
        };
        // The same instant with the page's own offset, or without offset a whole number of
        // hours away with the same minutes and seconds: the local day.
        assert_eq!(
            day("2022-05-04T03:37:37+00:00", "2022-05-03T23:37:37-04:00").as_deref(),
            Some("2022-05-03")
        );
        assert_eq!(day("2023-11-09T05:30:59Z", "2023-11-08 23:30:59").as_deref(), Some("2023-11-08"));
        // Another instant, or two round times that need not be one, keep the stated day.
        assert_eq!(day("2022-05-04T03:37:37Z", "2022-05-03T20:00:00-04:00").as_deref(), Some("2022-05-04"));
        assert_eq!(day("2022-05-04T02:00:00Z", "2022-05-03 20:00:00").as_deref(), Some("2022-05-04"));
        assert_eq!(day("2022-05-04T03:37:37Z", "2022-05-03 23:12:00").as_deref(), Some("2022-05-04"));
    }

    #[test]
    fn a_day_only_generic_meta_date_gives_way_to_the_visible_date() {
        let day = |meta: &str| {
            let s = Signals {
                meta_dates: vec![meta.into()],
                header_lines: vec!["Jane Doe | 5 February 2020".into()],
                ..Signals::default()
            };
            s.published(None, None, None).0.map(|d| d.date().to_string())
        };
        // `<meta name=date content=2020-02-12>` is often the day the page was built.
        assert_eq!(day("2020-02-12").as_deref(), Some("2020-02-05"));
        // With a time of day it stamps the publication and is trusted.
        assert_eq!(day("2020-02-12T10:00:00+01:00").as_deref(), Some("2020-02-12"));
        // A day-only one does not confirm the visible date against a stated time (a daily
        // shows the next morning's print edition on an article posted the evening before).
        let s = Signals {
            ld: LdArticle { published: Some("2024-04-25T19:30:04+02:00".into()), ..LdArticle::default() },
            meta_dates: vec!["2024-04-26".into()],
            header_lines: vec!["Ausgabe vom 26.04.2024".into()],
            html_lang: Some("de".into()),
            ..Signals::default()
        };
        assert_eq!(
            s.published(None, None, None).0.map(|d| d.date().to_string()).as_deref(),
            Some("2024-04-25")
        );
    }

    #[test]
    fn written_dates_in_a_stamp_line() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Von Christian Thiele , 07 Dezember, 2022", Some("2022-12-07")),
            ("Last updated on 20 Feb, 2020. 3 min read", Some("2020-02-20")),
            ("Posted 3. März 2023 | Jane Doe", Some("2023-03-03")),
            ("By Jane Doe, March 3, 2023", Some("2023-03-03")),
            // A dateline with a two-digit year after the month's name.
            ("( Pescasseroli, 14 Gennaio 20 )", Some("2020-01-14")),
            ("Kinder zwischen 6 und 12 Jahren", None),
        ];
        for (line, want) in cases {
            let s = Signals { header_lines: vec![line.to_string()], ..Signals::default() };
            let got = s.visible_dates().first().map(|d| d.date().to_string());
            assert_eq!(got.as_deref(), *want, "{line}");
        }
    }

    #[test]
    fn a_shown_time_beats_a_generic_meta_date() {
        let day = |ld: Option<&str>, meta: &str, times: &[&str]| {
            let s = Signals {
                ld: LdArticle { published: ld.map(String::from), ..LdArticle::default() },
                meta_dates: vec![meta.into()],
                times: times.iter().map(|t| (t.to_string(), false)).collect(),
                ..Signals::default()
            };
            s.published(None, None, None).0.map(|d| d.date().to_string())
        };
        // A template's `<meta name=date>`, timed or not, gives way to the `<time>` shown.
        assert_eq!(day(None, "2022-01-26T14:32:06+02:00", &["2022-01-21"]).as_deref(), Some("2022-01-21"));
        assert_eq!(day(None, "2022-01-21", &["2022-01-25T08:00:00+01:00"]).as_deref(), Some("2022-01-25"));
        // Without a <time> the timed meta date stands; a stated datePublished beats both.
        assert_eq!(day(None, "2022-01-26T14:32:06+02:00", &[]).as_deref(), Some("2022-01-26"));
        assert_eq!(
            day(Some("2022-01-24T10:00:00+01:00"), "2022-01-26T14:32:06+02:00", &["2022-01-21"]).as_deref(),
            Some("2022-01-24")
        );
    }

    #[test]
    fn a_paragraph_opening_with_its_date() {
        let body = "Mehrfach und vehement hatte die Branche gewarnt. ".repeat(5);
        let dates = |first: &str| {
            let s = Signals {
                header_lines: vec![
                    format!("Am Freitag hat die Regierung entschieden. {body}"),
                    format!("{first}{body}"),
                ],
                ..Signals::default()
            };
            s.visible_dates().iter().map(|d| d.date().to_string()).collect::<Vec<_>>()
        };
        assert_eq!(dates("29.11.2022 – "), vec!["2022-11-29"]);
        assert_eq!(dates("BERLIN, 29. November 2022 — "), vec!["2022-11-29"]);
        // A press release's place and date in parentheses.
        assert_eq!(dates("Karlsruhe, (12.11.2021). "), vec!["2021-11-12"]);
        assert_eq!(dates("(21. November 2022) "), vec!["2022-11-21"]);
        // A date in parentheses inside a sentence is still a quote.
        assert!(dates("Das Gesetz vom Dezember (29.11.2022) gilt: ").is_empty());
        // A date inside a sentence of the body is a quote, not the paragraph's date.
        assert!(dates("Seit dem 29.11.2022 gilt: ").is_empty());
    }

    #[test]
    fn a_time_element_shows_the_local_day_of_a_utc_stamp() {
        let day = |stamp: &str, shown: &str| {
            let s = Signals {
                ld: LdArticle { published: Some(stamp.into()), ..LdArticle::default() },
                times: vec![(shown.into(), false)],
                ..Signals::default()
            };
            s.published(None, None, None).0.map(|d| d.date().to_string())
        };
        // 00:25 UTC is the evening before in the Americas.
        assert_eq!(day("Wed, 04 May 2022 00:25:56 GMT", "3 de mayo de 2022").as_deref(), Some("2022-05-03"));
        // At noon UTC no time zone is a day behind.
        assert_eq!(day("2022-05-04T12:25:56Z", "3 de mayo de 2022").as_deref(), Some("2022-05-04"));
    }

    #[test]
    fn labelled_publication_dates_anywhere_on_the_page() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Herausgeber: Presse. Erschienen am: 13.10.2021 Lesungen: 61", Some("13.10.2021")),
            ("Posted on Monday, September 21, 2020 by Jane", Some("September 21, 2020")),
            ("Publié le 3 mars 2023 à 10h", Some("3 mars 2023")),
            // A German post footer, the verb after the date.
            (
                "Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 10:15 Uhr veröffentlicht und unter Politik abgelegt.",
                Some("3. Dezember 2011"),
            ),
            ("Ein Rezept für Zimtsterne wurde am 19. Mai 2010 um 23:03 Uhr gepostet", Some("19. Mai 2010")),
            // "wurde am" in a sentence of the text is a quote.
            ("Der Antrag wurde am 3. Dezember 2011 im Rat beraten und dann abgelehnt.", None),
            // A label whose date is far away, or no date at all (multi-byte text after it).
            ("Published in our weekly print edition since 1998, 3 March 2023", None),
            ("Veröffentlicht am: äöüäöüäöüäöüäöüäöüäöüäöüäöüäöüäöüäöüäöüäöüäöü", None),
        ];
        for (text, want) in cases {
            assert_eq!(labelled_date(text, &PUBLISHED_LABEL).as_deref(), *want, "{text}");
        }
        // Without stated metadata the labelled date is the publication date.
        let s = Signals {
            labelled_published: Some("13.10.2021".into()),
            labelled_updated: Some("15.10.2021".into()),
            ..Signals::default()
        };
        let (d, _) = s.published(None, None, date::parse_date("2021-10-15"));
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2021-10-13"));
        // A page that only says when it was last changed: that day, not the extractor's guess.
        let text = "FRAGEN AN DEN AUTOR Letzte Änderung: 14.01.2022 um 09:25 Seitenaufrufe: 512";
        let s = Signals { labelled_updated: labelled_date(text, &UPDATED_LABEL), ..Signals::default() };
        let (d, _) = s.published(None, None, date::parse_date("2016-03-09"));
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2022-01-14"));
    }
    #[test]
    fn a_standfirst_line_closing_with_its_stamp() {
        let standfirst = "The island, once stripped of its plants by goats, has made an astonishing \
                          comeback within a few years, and the rangers say the lizards are back too. \
                          What is the secret of its recovery?";
        let cases: &[(&str, Option<&str>)] = &[
            (" Monday, 6 January 2020", Some("2020-01-06")),
            (" 6 January 2020", Some("2020-01-06")),
            // The date ends a sentence of the text, or words follow it: a quote.
            (" It began on 6 January 2020", None),
            (" 6 January 2020 was the day", None),
        ];
        for (tail, want) in cases {
            let line = format!("{standfirst}{tail}");
            assert!(line.chars().count() > 160);
            let s = Signals { header_lines: vec![line.clone()], ..Signals::default() };
            let got = s.visible_dates().first().map(|d| d.date().to_string());
            assert_eq!(got.as_deref(), *want, "{tail}");
        }
        // Shown under the headline, the stamp picks the metadata date it matches.
        let s = Signals {
            meta_published: vec!["2020-01-03T09:48:24Z".into()],
            header_lines: vec![format!("{standfirst} Monday, 6 January 2020")],
            ..Signals::default()
        };
        let (d, _) = s.published(None, date::parse_date("2020-01-06T09:22:36Z"), None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2020-01-06"));
    }

    #[test]
    fn a_meta_date_another_source_backs_beats_json_ld() {
        let day = |meta_dates: &[&str], times: &[&str]| {
            let s = Signals {
                ld: LdArticle { published: Some("2021-12-06 14:36".into()), ..LdArticle::default() },
                meta_published: vec!["2022-12-15T09:13:00".into()],
                meta_dates: meta_dates.iter().map(|t| t.to_string()).collect(),
                times: times.iter().map(|t| (t.to_string(), false)).collect(),
                ..Signals::default()
            };
            s.published(None, None, None).0.map(|d| d.date().to_string())
        };
        // `<meta name=date>` states the `<meta>` published day: two kinds of metadata agree.
        assert_eq!(day(&["2022-12-15"], &[]).as_deref(), Some("2022-12-15"));
        // Alone against JSON-LD, or with the JSON-LD day stated elsewhere too, it does not.
        assert_eq!(day(&[], &[]).as_deref(), Some("2021-12-06"));
        assert_eq!(day(&["2022-12-15"], &["2021-12-06T14:36:00+01:00"]).as_deref(), Some("2021-12-06"));
        // A date standing in the title backs it as well.
        let s = Signals {
            ld: LdArticle { published: Some("2022-05-10T23:35:55".into()), ..LdArticle::default() },
            meta_published: vec!["2022-05-11T04:10:00-03:00".into()],
            title: Some("Port strike spreads - Society - 11/05/2022 - The Daily Example".into()),
            html_lang: Some("es".into()),
            ..Signals::default()
        };
        assert_eq!(
            s.published(None, None, None).0.map(|d| d.date().to_string()).as_deref(),
            Some("2022-05-11")
        );
    }

    #[test]
    fn a_date_standing_in_the_title() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Storm warning for the coast | Region | Example News | 28.04.2023", Some("2023-04-28")),
            ("23.01.2022 - Local team wins the derby - Sports", Some("2022-01-23")),
            ("Heavy rain in the valley : 31.10.2023, 10.19 Uhr", Some("2023-10-31")),
            // A date among the title's words is its subject.
            ("Minutes of the board meeting of 10 October 2019 – Example Club", None),
            ("Results: County youth games, 2023 edition | Example", None),
        ];
        for (title, want) in cases {
            let s = Signals {
                title: Some(title.to_string()),
                html_lang: Some("de".into()),
                ..Signals::default()
            };
            assert_eq!(s.title_date().map(|d| d.date().to_string()).as_deref(), *want, "{title}");
        }
        // On a page stating no publication date, it beats a dated photo caption under the
        // headline.
        let s = Signals {
            title: Some("Storm warning for the coast | Region | Example News | 28.04.2023".into()),
            header_lines: vec!["Flooded street in Harbourtown, 24. April 2023".into()],
            html_lang: Some("de".into()),
            ..Signals::default()
        };
        let (d, _) = s.published(None, None, date::parse_date("2023-04-24"));
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2023-04-28"));
    }
}
