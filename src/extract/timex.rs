//! Dated mentions in body text: temporal expressions found by hand-written rules and resolved
//! to a calendar point against the publication date, in the manner of HeidelTime's news domain.
//!
//! Found and kept:
//! * explicit dates: "March 3, 2023", "3 March 2023", "Friday, March 3, 2023", "03/03/2023",
//!   "October 2022", "2019" (a four-digit number in year-like context), "nineteen ninety-six";
//! * partial dates, completed from the publication date: "Oct. 5", "October", "an October
//!   white paper", "June last year";
//! * relative dates: "yesterday", "today", "tonight", "this morning", "on Wednesday", "last
//!   October", "next Monday", "this year", "last month", "the past year", "two weeks ago",
//!   "a year earlier", "year-earlier";
//! * anaphoric years: "the following year", "that year", "the previous year", resolved against
//!   the last year the text named.
//!
//! Not kept: durations ("20 years", "for three months"), sets ("every Monday"), weeks,
//! quarters, seasons, decades and vague references ("recently", "now"), which a calendar point
//! cannot express. Counts such as "2019 people", "$2,019" or "1,500" are not years.
//!
//! Relative and partial expressions are resolved only when the publication date is known and
//! precise enough (a weekday needs the day); otherwise they are dropped and only explicit dates
//! are kept. Where the direction is open, the tense decides, as in HeidelTime's news rule: the
//! nearest tense cue in the expression's sentence, before it first ("will", "expects", "said",
//! "-ed" verbs).
//! * A bare weekday is the most recent such day up to the publication day, or the next one
//!   from it when a future cue governs it.
//! * A bare month is the most recent such month up to the publication month in the past tense,
//!   the next one in the future tense, and the nearest one when no cue is found.
//! * A month and day without a year ("Nov. 21") is the nearest such day, among those not
//!   already past when a future cue governs it. Past cues are not trusted here: dates of record
//!   ("payable Dec. 7", "expire Nov. 21") often sit in past-tense sentences about future days;
//!   only a past-tense verb right before the date ("ended Sept. 30", "closed on Aug. 20") makes it
//!   the most recent such day up to the publication day.
//! * Anaphoric years ("the following year") count from the last date the text resolved.

use std::borrow::Cow;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::article::{DatePrecision, Mention, PubDate, TimePoint};
use crate::extract::date::{month_number, parse_date};
use crate::extract::sentences::{sentence_at, sentence_spans};

/// Finds the dated mentions of `text`, in text order. Relative expressions are resolved against
/// `published` and dropped when it is `None` or too coarse.
pub fn find_mentions(text: &str, published: Option<&PubDate>) -> Vec<Mention> {
    let toks = tokenize(text);
    if toks.is_empty() {
        return Vec::new();
    }
    let spans = sentence_spans(text);
    let anchor = published.map(|p| Anchor { date: p.date(), precision: p.precision });
    let mut out = Vec::new();
    let mut refs = References::default();
    let t = Toks { text, toks: &toks };
    let mut i = 0;
    while i < toks.len() {
        let Some((end, expr)) = match_at(&t, i) else {
            i += 1;
            continue;
        };
        let start_byte = toks[i].start;
        let end_byte = toks[end - 1].end;
        let tense = tense_at(&t, i, end);
        // "ended Sept. 30", "set on Aug. 6": a past-tense verb governing a year-less date.
        let expr = match expr {
            Expr::MonthDay(m, d) if past_verb_before(&t, i) => Expr::PastMonthDay(m, d),
            e => e,
        };
        if let Some(value) = resolve(&expr, anchor.as_ref(), tense, &refs) {
            refs.note(value);
            let sentence = sentence_at(text, &spans, start_byte);
            out.push(Mention {
                text: text[start_byte..end_byte].to_string(),
                value,
                sentence: collapse_whitespace(sentence),
            });
        }
        i = end;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
struct Tok<'a> {
    start: usize,
    end: usize,
    kind: Kind,
    /// Whitespace precedes the token.
    spaced: bool,
    /// Lowercased text of words; the digits of numbers. Borrowed from the text unless
    /// lowercasing changed it (most words are lowercase already).
    norm: Cow<'a, str>,
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut spaced = true;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() || c.is_alphabetic() {
            let digit = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let same = if digit { d.is_ascii_digit() } else { d.is_alphabetic() };
                if !same {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            (if digit { Kind::Num } else { Kind::Word }, end)
        } else {
            (Kind::Punct, i + c.len_utf8())
        };
        let s = &text[i..end];
        let norm = if kind == Kind::Word && !s.bytes().all(|b| b.is_ascii_lowercase()) {
            Cow::Owned(s.to_lowercase())
        } else {
            Cow::Borrowed(s)
        };
        out.push(Tok { start: i, end, kind, spaced, norm });
        spaced = false;
    }
    out
}

/// The tokens with the text they come from, and small accessors the rules read.
struct Toks<'a> {
    text: &'a str,
    toks: &'a [Tok<'a>],
}

impl Toks<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.toks.get(i).filter(|t| t.kind == Kind::Word).map(|t| t.norm.as_ref())
    }
    fn is_word(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }
    fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.norm.starts_with(c) && t.norm.len() == c.len_utf8())
    }
    /// A number token: its value and digit count.
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i).filter(|t| t.kind == Kind::Num)?;
        if t.norm.len() > 9 {
            return None;
        }
        Some((t.norm.parse().ok()?, t.norm.len()))
    }
    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }
    /// True when the word starts with a capital letter.
    fn capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
    fn spaced(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.spaced)
    }
}

// ---------------------------------------------------------------------------------------------
// Expressions

/// What a matched expression means before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expr {
    /// Fully explicit.
    Point(TimePoint),
    /// Month and day, year from the publication date and tense ("Oct. 5").
    MonthDay(u32, u32),
    /// Month and day governed by a past-tense verb ("ended Sept. 30"): not after publication.
    PastMonthDay(u32, u32),
    /// A bare month name, year from the publication date and tense.
    Month(u32),
    /// A month name with last (-1), this (0) or next (+1).
    MonthShift(u32, i32),
    /// A month of the publication year shifted by whole years ("June last year").
    MonthOfYear(u32, i32),
    /// A bare weekday, resolved by tense.
    Weekday(Weekday),
    /// A weekday with last (-1), this (0) or next (+1).
    WeekdayShift(Weekday, i32),
    /// Days from the publication day ("yesterday", "two weeks ago").
    Days(i64),
    /// Months from the publication month ("last month", "five months ago").
    Months(i32),
    /// Years from the publication year ("this year", "a year ago").
    Years(i32),
    /// Years from the last year the text named ("the following year").
    RefYears(i32),
    /// Months from the last month the text named ("the following month").
    RefMonths(i32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

struct Anchor {
    date: NaiveDate,
    precision: DatePrecision,
}

/// The last year and month the text named, for anaphoric expressions.
#[derive(Default)]
struct References {
    year: Option<i32>,
    month: Option<(i32, u32)>,
}

impl References {
    fn note(&mut self, p: TimePoint) {
        self.year = Some(p.year);
        self.month = p.month.map(|m| (p.year, m));
    }
}

/// Years accepted as bare numbers; outside it four digits are more likely counts or codes.
const YEARS: std::ops::RangeInclusive<u32> = 1000..=2199;

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// English month names and the abbreviations news uses; the other languages' names that
/// `date::month_number` knows are not looked for in English prose.
fn english_month(w: &str) -> Option<(u32, bool)> {
    let full = matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    );
    let abbr = matches!(
        w,
        "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
    );
    if full || abbr {
        month_number(w).map(|m| (m, abbr))
    } else {
        None
    }
}

fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "eighteen" => 18,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "hundred" => 100,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

fn unit(w: &str) -> Option<Unit> {
    Some(match w {
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "year" | "years" => Unit::Year,
        _ => return None,
    })
}

/// Words before a four-digit number that make it a year ("in 2019", "fiscal 1989").
fn year_cue_before(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "of"
            | "from"
            | "by"
            | "until"
            | "till"
            | "through"
            | "to"
            | "during"
            | "before"
            | "after"
            | "early"
            | "late"
            | "mid"
            | "fiscal"
            | "year"
            | "between"
            | "and"
            | "or"
            | "around"
            | "circa"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "for"
            | "election"
            | "season"
            | "census"
            | "than"
            | "as"
            | "on"
            | "at"
            | "about"
            | "into"
            | "throughout"
            | "when"
            | "calendar"
            | "model"
            | "class"
            | "the"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "that"
            | "this"
    )
}

/// Lowercase words after a four-digit number that keep it a year ("2019 election", "1998 and").
fn year_cue_after(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "to"
            | "through"
            | "when"
            | "election"
            | "elections"
            | "season"
            | "census"
            | "budget"
            | "level"
            | "levels"
            | "figure"
            | "figures"
            | "period"
            | "results"
            | "campaign"
            | "as"
            | "was"
            | "were"
            | "is"
            | "had"
            | "has"
            | "will"
            | "would"
            | "after"
            | "before"
            | "until"
            | "in"
            | "on"
            | "at"
            | "with"
            | "because"
            | "but"
            | "that"
            | "the"
            | "a"
            | "an"
            | "for"
            | "by"
            | "since"
            | "from"
            | "of"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "earnings"
            | "sales"
            | "profit"
            | "revenue"
            | "quarter"
            | "model"
            | "fiscal"
            | "war"
            | "law"
            | "act"
            | "report"
            | "study"
            | "survey"
            | "deal"
            | "agreement"
            | "game"
            | "games"
            | "olympics"
            | "crisis"
            | "attack"
            | "attacks"
            | "invasion"
            | "midterms"
            | "race"
            | "vote"
            | "meeting"
            | "summit"
            | "plan"
            | "rate"
            | "estimates"
            | "estimate"
            | "forecast"
            | "target"
            | "high"
            | "low"
            | "peak"
            | "levels’"
    )
}

// ---------------------------------------------------------------------------------------------
// Rules

/// Tries every rule at token `i`; returns the end (exclusive) of the longest expression found
/// there and its meaning.
fn match_at(t: &Toks<'_>, i: usize) -> Option<(usize, Expr)> {
    let tok = t.toks.get(i)?;
    match tok.kind {
        Kind::Word => match_word(t, i),
        Kind::Num => match_number(t, i),
        Kind::Punct => None,
    }
}

fn match_word(t: &Toks<'_>, i: usize) -> Option<(usize, Expr)> {
    let w = t.word(i)?;
    // "Friday, March 3, 2023": one mention, dated by the explicit part.
    if let Some(wd) = weekday(w).filter(|_| t.capitalized(i)) {
        let j = if t.is_punct(i + 1, ',') { i + 2 } else { i + 1 };
        if let Some((end, expr)) = month_date_at(t, j).or_else(|| day_month_at(t, j)) {
            if matches!(expr, Expr::Point(_) | Expr::MonthDay(..)) {
                return Some((end, expr));
            }
        }
        // "Black Friday", "Good Friday" are names, not this week's day.
        if i > 0
            && matches!(t.word(i - 1), Some("black" | "good" | "cyber" | "super" | "ash" | "palm" | "easter"))
        {
            return None;
        }
        return Some((i + 1, Expr::Weekday(wd)));
    }
    if english_month(w).is_some() {
        return month_date_at(t, i);
    }
    match w {
        "yesterday" => return Some((i + 1, Expr::Days(-1))),
        // "VOA Today", "USA Today": a capitalized "Today" after a capitalized word is a name.
        "today" if i > 0 && t.capitalized(i) && t.word(i - 1).is_some() && t.capitalized(i - 1) => {
            return None
        }
        "today" | "tonight" => return Some((i + 1, Expr::Days(0))),
        "tomorrow" => return Some((i + 1, Expr::Days(1))),
        _ => {}
    }
    if w == "last" && t.is_word(i + 1, "night") {
        return Some((i + 2, Expr::Days(-1)));
    }
    if w == "this" && matches!(t.word(i + 1), Some("morning" | "afternoon" | "evening")) {
        return Some((i + 2, Expr::Days(0)));
    }
    if let Some(m) = shifted_at(t, i) {
        return Some(m);
    }
    if let Some(m) = whole_year_at(t, i) {
        return Some(m);
    }
    if let Some(m) = ago_at(t, i) {
        return Some(m);
    }
    if let Some(m) = anaphoric_at(t, i) {
        return Some(m);
    }
    // "year-earlier", "year-ago" (adjectives of financial news): the year before publication.
    if w == "year" && t.is_punct(i + 1, '-') && matches!(t.word(i + 2), Some("earlier" | "ago")) {
        return Some((i + 3, Expr::Years(-1)));
    }
    if let Some(m) = spelled_year_at(t, i) {
        return Some(m);
    }
    None
}

/// Reads a month name at `i` (abbreviations need a period or a following number; "May" needs
/// date context) and returns it with the index after it.
fn month_at(t: &Toks<'_>, i: usize) -> Option<(u32, usize)> {
    let w = t.word(i)?;
    let (m, abbr) = english_month(w)?;
    if !t.capitalized(i) {
        return None;
    }
    let after_dot = if t.is_punct(i + 1, '.') { i + 2 } else { i + 1 };
    let followed_by_number = t.num(after_dot).is_some();
    if abbr && !(t.is_punct(i + 1, '.') || followed_by_number) {
        return None;
    }
    if w == "may" && !followed_by_number && !month_context_before(t, i) {
        return None;
    }
    Some((m, if abbr { after_dot } else { i + 1 }))
}

/// Words before a month name that make it a date ("in May", "last May", "mid-May").
fn month_context_before(t: &Toks<'_>, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    if t.is_punct(i - 1, '-') {
        return true;
    }
    matches!(
        t.word(i - 1),
        Some(
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "through"
                | "of"
                | "from"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "during"
                | "before"
                | "after"
                | "that"
                | "each"
                | "to"
                | "and"
                | "or"
                | "between"
                | "on"
                | "an"
                | "a"
        )
    )
}

/// Month-first dates at `i`: "March 3, 2023", "Sept. 30", "October 2022", "June last year",
/// "October".
fn month_date_at(t: &Toks<'_>, i: usize) -> Option<(usize, Expr)> {
    let (m, j) = month_at(t, i)?;
    if let Some((d, dl)) = t.num(j) {
        if dl <= 2 && (1..=31).contains(&d) && t.spaced(j) {
            let mut k = j + 1;
            if matches!(t.word(k), Some("st" | "nd" | "rd" | "th")) && !t.spaced(k) {
                k += 1;
            }
            let y_at = if t.is_punct(k, ',') { k + 1 } else { k };
            if let Some((y, 4)) = t.num(y_at) {
                if is_plain_number_end(t, y_at) {
                    let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
                    return Some((y_at + 1, Expr::Point(TimePoint::from_date(date))));
                }
            }
            NaiveDate::from_ymd_opt(2000, m, d)?; // rejects "Feb. 30" (2000 is a leap year)
            return Some((k, Expr::MonthDay(m, d)));
        }
    }
    // "March eighth"
    if let Some(d) = t.word(j).and_then(ordinal_word) {
        NaiveDate::from_ymd_opt(2000, m, d)?;
        return Some((j + 1, Expr::MonthDay(m, d)));
    }
    // "January nineteen ninety-seven"
    if let Some((end, Expr::Point(p))) = spelled_year_at(t, j) {
        return Some((end, Expr::Point(TimePoint::month(p.year, m))));
    }
    let y_at = if t.is_punct(j, ',') || t.is_word(j, "of") { j + 1 } else { j };
    if let Some((y, 4)) = t.num(y_at) {
        if YEARS.contains(&y) && is_plain_number_end(t, y_at) && !t.is_word(y_at + 1, "s") {
            return Some((y_at + 1, Expr::Point(TimePoint::month(y as i32, m))));
        }
    }
    if t.is_word(j, "year") || t.is_word(j + 1, "year") {
        let shift = match t.word(j) {
            Some("last") => Some(-1),
            Some("this") => Some(0),
            Some("next") => Some(1),
            _ => None,
        };
        if let Some(s) = shift {
            return Some((j + 2, Expr::MonthOfYear(m, s)));
        }
    }
    Some((j, Expr::Month(m)))
}

/// Day-first dates at `i`: "3 March 2023", "3rd of March", "14 October".
fn day_month_at(t: &Toks<'_>, i: usize) -> Option<(usize, Expr)> {
    let (d, dl) = t.num(i)?;
    if dl > 2 || !(1..=31).contains(&d) {
        return None;
    }
    let mut j = i + 1;
    if matches!(t.word(j), Some("st" | "nd" | "rd" | "th")) && !t.spaced(j) {
        j += 1;
    }
    if t.is_word(j, "of") {
        j += 1;
    }
    let (m, k) = month_at(t, j)?;
    let y_at = if t.is_punct(k, ',') { k + 1 } else { k };
    if let Some((y, 4)) = t.num(y_at) {
        if is_plain_number_end(t, y_at) {
            let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
            return Some((y_at + 1, Expr::Point(TimePoint::from_date(date))));
        }
    }
    NaiveDate::from_ymd_opt(2000, m, d)?;
    Some((k, Expr::MonthDay(m, d)))
}

/// True when the number at `i` is not continued by digits after a comma or point ("2,019",
/// "2019.5") and not a percentage.
fn is_plain_number_end(t: &Toks<'_>, i: usize) -> bool {
    let continued = (t.is_punct(i + 1, ',') || t.is_punct(i + 1, '.'))
        && !t.spaced(i + 1)
        && t.num(i + 2).is_some()
        && !t.spaced(i + 2);
    !(continued || t.is_punct(i + 1, '%') || t.is_word(i + 1, "percent"))
}

fn match_number(t: &Toks<'_>, i: usize) -> Option<(usize, Expr)> {
    if let Some(m) = day_month_at(t, i) {
        return Some(m);
    }
    if let Some(m) = numeric_date_at(t, i) {
        return Some(m);
    }
    if let Some(m) = ago_at(t, i) {
        return Some(m);
    }
    year_at(t, i).map(|y| (i + 1, Expr::Point(TimePoint::year(y))))
}

/// Numeric dates written without spaces: "03/03/2023", "2023-03-03", "14.03.2023".
fn numeric_date_at(t: &Toks<'_>, i: usize) -> Option<(usize, Expr)> {
    let sep = t.toks.get(i + 1)?;
    if sep.kind != Kind::Punct || !matches!(sep.norm.as_ref(), "/" | "-" | ".") {
        return None;
    }
    let sep = sep.norm.chars().next()?;
    let adjacent = (i + 1..i + 5).all(|k| !t.spaced(k));
    if !adjacent || !t.is_punct(i + 3, sep) {
        return None;
    }
    let (_, l1) = t.num(i)?;
    let (_, l2) = t.num(i + 2)?;
    let (_, l3) = t.num(i + 4)?;
    let shape_ok = matches!((l1, l2, l3), (4, 1 | 2, 1 | 2) | (1 | 2, 1 | 2, 4));
    // Not part of a longer run ("1.2.2023.4", version numbers, phone numbers).
    let longer =
        (t.is_punct(i + 5, sep) && !t.spaced(i + 5)) || (i > 0 && t.is_punct(i - 1, sep) && !t.spaced(i));
    if !shape_ok || longer {
        return None;
    }
    let s = &t.text[t.toks[i].start..t.toks[i + 4].end];
    let d = parse_date(s)?;
    Some((i + 5, Expr::Point(TimePoint::from_date(d.date()))))
}

/// A four-digit number in year-like context: returns the year.
fn year_at(t: &Toks<'_>, i: usize) -> Option<i32> {
    let (y, len) = t.num(i)?;
    if len != 4 || !YEARS.contains(&y) || !is_plain_number_end(t, i) {
        return None;
    }
    // Part of a larger number or an amount: "1,500", "$2019", "No. 1998".
    if i > 0 && !t.spaced(i) {
        if let Some(p) = t.toks.get(i - 1) {
            if p.kind == Kind::Punct && matches!(p.norm.as_ref(), "," | "." | "$" | "£" | "€" | "#" | "¥")
            {
                return None;
            }
            if p.kind == Kind::Word && p.norm != "mid" {
                return None;
            }
        }
    }
    // Decades ("1990s") are not years; "1990's" is ambiguous and left out too.
    if !t.spaced(i + 1) && (t.is_word(i + 1, "s") || (t.is_punct(i + 1, '\'') && t.is_word(i + 2, "s"))) {
        return None;
    }
    // Times and scores: "2100 GMT", "1998-1999" are fine; "1:1998" is not a year.
    if t.is_punct(i + 1, ':') && t.num(i + 2).is_some() {
        return None;
    }
    // "the company's 1989 results"
    let possessive = i > 1 && t.is_word(i - 1, "s") && (t.is_punct(i - 2, '\'') || t.is_punct(i - 2, '’'));
    let before_ok = possessive || (i > 0 && t.word(i - 1).is_some_and(year_cue_before));
    if before_ok {
        return Some(y as i32);
    }
    match t.toks.get(i + 1) {
        None => Some(y as i32),
        Some(n) if n.kind == Kind::Punct => (!matches!(n.norm.as_ref(), "$" | "%")).then_some(y as i32),
        Some(n) if n.kind == Kind::Num => None,
        Some(n) => {
            let w = n.norm.as_ref();
            if t.capitalized(i + 1) || year_cue_after(w) {
                Some(y as i32)
            } else {
                None
            }
        }
    }
}

/// "last October", "next Monday", "this year", "last month", "the past year", "this coming
/// Sunday".
fn shifted_at(t: &Toks<'_>, i: usize) -> Option<(usize, Expr)> {
    let w = t.word(i)?;
    let mut shift = match w {
        "last" | "past" | "previous" => -1,
        "this" | "current" => 0,
        "next" | "coming" => 1,
        _ => return None,
    };
    let mut j = i + 1;
    // "this coming Sunday", "this past spring"
    if w == "this" && matches!(t.word(j), Some("coming" | "past")) {
        shift = if t.is_word(j, "coming") { 1 } else { -1 };
        j += 1;
    }
    // "the previous year" refers to a year the text named, not to the publication year.
    if w == "previous" && i > 0 && t.is_word(i - 1, "the") {
        return match t.word(j) {
            Some("year") => Some((j + 1, Expr::RefYears(-1))),
            Some("month") => Some((j + 1, Expr::RefMonths(-1))),
            _ => None,
        };
    }
    // "the past year" is the year before publication; "the next year" is a span, not kept.
    if w == "next" && i > 0 && t.is_word(i - 1, "the") {
        return None;
    }
    // "the current fiscal year", "last fiscal year"
    if t.is_word(j, "fiscal") && t.is_word(j + 1, "year") {
        j += 1;
    }
    let target = t.word(j)?;
    if let Some(wd) = weekday(target).filter(|_| t.capitalized(j)) {
        // "this coming Sunday, March 8": the explicit date decides.
        let k = if t.is_punct(j + 1, ',') { j + 2 } else { j + 1 };
        if let Some((end, expr @ (Expr::Point(_) | Expr::MonthDay(..)))) = month_date_at(t, k) {
            return Some((end, expr));
        }
        return Some((j + 1, Expr::WeekdayShift(wd, shift)));
    }
    if let Some((m, end)) = month_at(t, j) {
        // "last May" is a month even without other context.
        return Some((end, Expr::MonthShift(m, shift)));
    }
    if t.is_word(j, "may") && t.capitalized(j) {
        return Some((j + 1, Expr::MonthShift(5, shift)));
    }
    match target {
        "year" => Some((j + 1, Expr::Years(shift))),
        "month" => Some((j + 1, Expr::Months(shift))),
        // "this week", "last weekend", "this spring": no calendar point.
        _ => None,
    }
}

/// "for the year", "the full year": the publication year, as financial reports use them.
/// Not "the year ended Sept. 30" (a fiscal year) nor "the year-earlier quarter".
fn whole_year_at(t: &Toks<'_>, i: usize) -> Option<(usize, Expr)> {
    let end = match (t.word(i)?, t.word(i + 1), t.word(i + 2)) {
        ("the", Some("full" | "whole" | "entire"), Some("year")) => i + 3,
        ("the", Some("year"), _) if i > 0 && t.is_word(i - 1, "for") => i + 2,
        _ => return None,
    };
    if t.is_punct(end, '-')
        || matches!(t.word(end), Some("ended" | "ending" | "earlier" | "ago" | "before" | "after" | "to"))
    {
        return None;
    }
    Some((end, Expr::Years(0)))
}

/// "two weeks ago", "10 days ago", "a year ago", "a year earlier".
fn ago_at(t: &Toks<'_>, i: usize) -> Option<(usize, Expr)> {
    let n = match t.num(i) {
        Some((n, len)) if len <= 3 => n,
        Some(_) => return None,
        None => number_word(t.word(i)?)?,
    };
    let u = unit(t.word(i + 1)?)?;
    let dir = t.word(i + 2)?;
    let n = i32::try_from(n).ok()?;
    let expr = match (dir, u) {
        ("ago", Unit::Day) => Expr::Days(-i64::from(n)),
        ("ago", Unit::Week) => Expr::Days(-7 * i64::from(n)),
        ("ago", Unit::Month) => Expr::Months(-n),
        ("ago", Unit::Year) => Expr::Years(-n),
        // "a year earlier" in news compares with the same period a year before publication.
        ("earlier", Unit::Year) => Expr::Years(-n),
        _ => return None,
    };
    Some((i + 3, expr))
}

/// "the following year", "that year", "the same year", "the year before", "the following month".
fn anaphoric_at(t: &Toks<'_>, i: usize) -> Option<(usize, Expr)> {
    let w = t.word(i)?;
    match (w, t.word(i + 1), t.word(i + 2), t.word(i + 3)) {
        ("the", Some("following" | "next"), Some("year"), _) if t.is_word(i + 1, "following") => {
            Some((i + 3, Expr::RefYears(1)))
        }
        ("the", Some("following"), Some("month"), _) => Some((i + 3, Expr::RefMonths(1))),
        ("the", Some("same"), Some("year"), _) => Some((i + 3, Expr::RefYears(0))),
        ("the", Some("year"), Some("before"), _) => Some((i + 3, Expr::RefYears(-1))),
        ("the", Some("year"), Some("after"), _) => Some((i + 3, Expr::RefYears(1))),
        ("that", Some("year"), _, _) => Some((i + 2, Expr::RefYears(0))),
        ("a", Some("year"), Some("later"), _) => Some((i + 3, Expr::RefYears(1))),
        _ => None,
    }
}

/// Years written in words, as transcripts of broadcasts have them: "nineteen ninety-six",
/// "the year two thousand", "two thousand and one".
fn spelled_year_at(t: &Toks<'_>, i: usize) -> Option<(usize, Expr)> {
    let w = t.word(i)?;
    let century = match w {
        "nineteen" => 1900,
        "eighteen" => 1800,
        "two" if t.is_word(i + 1, "thousand") => {
            // "two thousand [and] [one..nineteen]" — only after "the year" or "in", since
            // "two thousand" is usually a count.
            let cue = i > 0 && matches!(t.word(i - 1), Some("year" | "in" | "since" | "until" | "by"));
            if !cue {
                return None;
            }
            let mut j = i + 2;
            if t.is_word(j, "and") {
                j += 1;
            }
            if let Some(n) = t.word(j).and_then(small_number) {
                return Some((j + 1, Expr::Point(TimePoint::year(2000 + n as i32))));
            }
            return Some((i + 2, Expr::Point(TimePoint::year(2000))));
        }
        _ => return None,
    };
    let tens = match t.word(i + 1)? {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    if t.is_punct(i + 2, '-') {
        if let Some(u) = t.word(i + 3).and_then(small_number).filter(|n| (1..=9).contains(n)) {
            return Some((i + 4, Expr::Point(TimePoint::year(century + tens + u as i32))));
        }
    }
    // "nineteen ninety" but not "nineteen ninety people"
    Some((i + 2, Expr::Point(TimePoint::year(century + tens))))
}

/// Day numbers written as ordinal words ("March eighth"); compounds past twentieth are rare.
fn ordinal_word(w: &str) -> Option<u32> {
    const ORD: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let i = ORD.iter().position(|o| *o == w)?;
    u32::try_from(i + 1).ok()
}

fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Tense

/// Words that put a clause in the future.
fn future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "ll"
            | "shall"
            | "would"
            | "scheduled"
            | "expects"
            | "expected"
            | "expect"
            | "plans"
            | "planning"
            | "intends"
            | "upcoming"
            | "due"
            | "might"
            | "should"
            | "hopes"
            | "aims"
            | "until"
            | "next"
            | "tomorrow"
            | "coming"
            | "forecast"
            | "predicted"
    )
}

/// Words that put a clause in the past, besides regular "-ed" verbs.
fn past_cue(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "told"
            | "was"
            | "were"
            | "had"
            | "did"
            | "ago"
            | "last"
            | "earlier"
            | "since"
            | "came"
            | "took"
            | "made"
            | "went"
            | "got"
            | "gave"
            | "began"
            | "fell"
            | "rose"
            | "met"
            | "won"
            | "lost"
            | "left"
            | "sold"
            | "bought"
            | "paid"
            | "held"
            | "led"
            | "saw"
            | "spent"
            | "yesterday"
            | "brought"
            | "thought"
            | "felt"
            | "kept"
            | "became"
            | "ran"
            | "wrote"
            | "spoke"
            | "broke"
            | "chose"
            | "drew"
            | "grew"
            | "knew"
            | "threw"
            | "flew"
            | "struck"
    )
}

/// True when the expression at `i` directly follows a past-tense verb, with "on" between or
/// not ("ended Sept. 30", "closed on Oct. 2").
fn past_verb_before(t: &Toks<'_>, i: usize) -> bool {
    let k = if i > 0 && t.is_word(i - 1, "on") { i - 1 } else { i };
    if k == 0 {
        return false;
    }
    let Some(w) = t.word(k - 1) else {
        return false;
    };
    // Time words are not verbs; "will be paid Dec. 14" is a passive, not a past. A note that the
    // article was updated or corrected on a day tells of a day after it was published.
    if matches!(w, "ago" | "last" | "earlier" | "since" | "yesterday")
        || matches!(w, "updated" | "edited" | "corrected" | "amended" | "revised")
        || (k > 1 && matches!(t.word(k - 2), Some("be" | "been" | "being")))
    {
        return false;
    }
    past_cue(w) || (w.len() > 4 && w.ends_with("ed") && !ed_exception(w))
}

/// Words ending in "-ed" that are not past-tense verbs in news prose.
fn ed_exception(w: &str) -> bool {
    matches!(
        w,
        "scheduled"
            | "expected"
            | "planned"
            | "proposed"
            | "need"
            | "speed"
            | "feed"
            | "seed"
            | "indeed"
            | "red"
            | "bed"
            | "shed"
            | "wed"
            | "united"
            | "limited"
            | "based"
            | "related"
            | "detailed"
            | "advanced"
            | "hundred"
            | "unprecedented"
            | "interested"
            | "concerned"
            | "supposed"
    )
}

/// The tense of the clause around tokens `start..end`: the nearest cue before it in its
/// sentence, else the nearest after, else past (news reports what happened).
fn tense_at(t: &Toks<'_>, start: usize, end: usize) -> Option<Tense> {
    let classify = |k: usize| -> Option<Tense> {
        let w = t.word(k)?;
        if future_cue(w) {
            // "had been due to expire", "had planned to": a plan seen from the past.
            let had = (t.is_word(k.wrapping_sub(1), "had")
                || (t.is_word(k.wrapping_sub(1), "been") && t.is_word(k.wrapping_sub(2), "had")))
                && t.is_word(k + 1, "to");
            return Some(if had { Tense::Past } else { Tense::Future });
        }
        if (w == "going" || w == "set") && t.is_word(k + 1, "to") {
            return Some(Tense::Future);
        }
        if past_cue(w) || (w.len() > 4 && w.ends_with("ed") && !ed_exception(w)) {
            // A participle after "be", "been" or "being" ("will be named", "is being traded")
            // is passive, not past: the auxiliary before it carries the tense.
            if k > 0 && matches!(t.word(k - 1), Some("be" | "been" | "being")) {
                return None;
            }
            return Some(Tense::Past);
        }
        None
    };
    let boundary =
        |k: usize| t.is_punct(k, '.') || t.is_punct(k, '!') || t.is_punct(k, '?') || t.is_punct(k, ';');
    let mut k = start;
    while k > 0 {
        k -= 1;
        if boundary(k) && !is_abbreviation_dot(t, k) {
            break;
        }
        if let Some(tense) = classify(k) {
            return Some(tense);
        }
    }
    let mut k = end;
    while k < t.toks.len() && k < end + 12 {
        if boundary(k) && !is_abbreviation_dot(t, k) {
            break;
        }
        if let Some(tense) = classify(k) {
            return Some(tense);
        }
        k += 1;
    }
    None
}

/// A period after a month abbreviation or a title, or a decimal point, is not a clause end.
fn is_abbreviation_dot(t: &Toks<'_>, k: usize) -> bool {
    if !t.is_punct(k, '.') || k == 0 {
        return false;
    }
    // A decimal point ("3.8 percent", "$42.875") sits between digits.
    if t.num(k - 1).is_some() && !t.spaced(k) && t.num(k + 1).is_some() && !t.spaced(k + 1) {
        return true;
    }
    matches!(
        t.word(k - 1),
        Some(
            "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "st"
                | "u"
                | "s"
                | "a"
                | "p"
                | "m"
                | "gen"
                | "gov"
                | "sen"
                | "rep"
                | "inc"
                | "co"
                | "corp"
                | "jr"
        )
    )
}

// ---------------------------------------------------------------------------------------------
// Resolution

fn resolve(expr: &Expr, anchor: Option<&Anchor>, cue: Option<Tense>, refs: &References) -> Option<TimePoint> {
    if let Expr::Point(p) = expr {
        return Some(*p);
    }
    match *expr {
        Expr::RefYears(n) => return refs.year.map(|y| TimePoint::year(y + n)),
        Expr::RefMonths(n) => {
            let (y, m) = refs.month?;
            let s = shift_months(NaiveDate::from_ymd_opt(y, m, 1)?, n)?;
            return Some(TimePoint::month(s.year(), s.month()));
        }
        _ => {}
    }
    let a = anchor?;
    let needs = match expr {
        Expr::MonthDay(..)
        | Expr::PastMonthDay(..)
        | Expr::Weekday(_)
        | Expr::WeekdayShift(..)
        | Expr::Days(_) => DatePrecision::Day,
        Expr::Month(_) | Expr::MonthShift(..) | Expr::MonthOfYear(..) | Expr::Months(_) => {
            DatePrecision::Month
        }
        _ => DatePrecision::Year,
    };
    if a.precision < needs {
        return None;
    }
    let d = a.date;
    let (y, am) = (d.year(), d.month());
    let p = match *expr {
        Expr::Years(n) => TimePoint::year(y + n),
        Expr::Months(n) => {
            let s = shift_months(NaiveDate::from_ymd_opt(y, am, 1)?, n)?;
            TimePoint::month(s.year(), s.month())
        }
        Expr::Days(n) => TimePoint::from_date(d.checked_add_signed(chrono::TimeDelta::try_days(n)?)?),
        Expr::Month(m) => {
            let year = match cue {
                Some(Tense::Past) if m > am => y - 1,
                Some(Tense::Future) if m < am => y + 1,
                Some(_) => y,
                // No cue: the nearest such month.
                None if i64::from(m) - i64::from(am) > 6 => y - 1,
                None if i64::from(am) - i64::from(m) > 6 => y + 1,
                None => y,
            };
            TimePoint::month(year, m)
        }
        Expr::MonthShift(m, s) => {
            let year = match s {
                s if s < 0 => {
                    if m < am {
                        y
                    } else {
                        y - 1
                    }
                }
                0 => y,
                _ => {
                    if m > am {
                        y
                    } else {
                        y + 1
                    }
                }
            };
            TimePoint::month(year, m)
        }
        Expr::MonthOfYear(m, s) => TimePoint::month(y + s, m),
        Expr::MonthDay(m, day) => {
            let cands = [y - 1, y, y + 1].map(|yy| NaiveDate::from_ymd_opt(yy, m, day));
            let cands = cands.iter().flatten().copied();
            // The nearest such day: news rarely dates an event more than half a year away
            // without a year. Past cues ("-ed" verbs, "said") are too often wrong for dates of
            // record ("payable Dec. 7", "authorized … effective Feb. 1") to override that; a
            // future cue rules out days already past.
            let pick = match cue {
                Some(Tense::Future) => {
                    cands.filter(|x| (*x - d).num_days() >= -7).min_by_key(|x| (*x - d).num_days().abs())
                }
                _ => cands.min_by_key(|x| (*x - d).num_days().abs()),
            };
            TimePoint::from_date(pick?)
        }
        Expr::PastMonthDay(m, day) => {
            let cands = [y - 1, y].map(|yy| NaiveDate::from_ymd_opt(yy, m, day));
            TimePoint::from_date(cands.iter().flatten().copied().filter(|x| *x <= d).max()?)
        }
        Expr::Weekday(wd) => {
            let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
            let fwd = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
            let day = match cue.unwrap_or(Tense::Past) {
                Tense::Past => d.checked_sub_days(Days::new(u64::from(back)))?,
                Tense::Future => d.checked_add_days(Days::new(u64::from(fwd)))?,
            };
            TimePoint::from_date(day)
        }
        Expr::WeekdayShift(wd, s) => {
            let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
            let fwd = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
            let day = if s < 0 {
                d.checked_sub_days(Days::new(u64::from(if back == 0 { 7 } else { back })))?
            } else if s > 0 {
                d.checked_add_days(Days::new(u64::from(if fwd == 0 { 7 } else { fwd })))?
            } else {
                // "this Sunday": the one of the current week, ahead in the future tense.
                match cue.unwrap_or(Tense::Past) {
                    Tense::Future => d.checked_add_days(Days::new(u64::from(fwd)))?,
                    Tense::Past => d.checked_sub_days(Days::new(u64::from(back)))?,
                }
            };
            TimePoint::from_date(day)
        }
        Expr::Point(_) | Expr::RefYears(_) | Expr::RefMonths(_) => return None,
    };
    Some(p)
}

fn shift_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n.unsigned_abs()))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> PubDate {
        PubDate::day(NaiveDate::from_ymd_opt(y, m, d).expect("valid test date"))
    }

    /// Friday 3 March 2023, the seed article's publication date.
    fn seed_date() -> PubDate {
        day(2023, 3, 3)
    }

    fn found(text: &str, published: Option<&PubDate>) -> Vec<(String, String)> {
        find_mentions(text, published).into_iter().map(|m| (m.text, m.value.to_iso())).collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn seed_expectations() {
        let text = "Former President Donald Trump is asking his advisers for a plan to launch a military \
            invasion of Mexico to attack drug cartels if re-elected in 2024, Rolling Stone reported on \
            Wednesday.\n\nOne such proposal that Trump has been briefed on this year is an October white \
            paper from the Center for Renewing America. This idea is not new. In 2019, Trump considered \
            designating the drug cartels as terrorist organizations. This comes after the U.S. spent 20 \
            years trying to stabilize Afghanistan.";
        let got = found(text, Some(&seed_date()));
        let want = pairs(&[
            ("2024", "2024"),
            ("Wednesday", "2023-03-01"),
            ("this year", "2023"),
            ("October", "2022-10"),
            ("2019", "2019"),
        ]);
        assert_eq!(got, want);
        let m = find_mentions(text, Some(&seed_date()));
        assert_eq!(
            m[4].sentence,
            "In 2019, Trump considered designating the drug cartels as terrorist organizations."
        );
    }

    #[test]
    fn explicit_and_relative_expressions() {
        let p = seed_date();
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("It happened on March 3, 2021.", &[("March 3, 2021", "2021-03-03")]),
            ("It happened on 3 March 2021.", &[("3 March 2021", "2021-03-03")]),
            ("They met Friday, Oct. 7, 2022, in Paris.", &[("Friday, Oct. 7, 2022", "2022-10-07")]),
            ("The report came out in October 2022.", &[("October 2022", "2022-10")]),
            ("It was filed on 03/01/2021.", &[("03/01/2021", "2021-03-01")]),
            ("The plant closed Oct. 5.", &[("Oct. 5", "2022-10-05")]),
            ("The plant will close Oct. 5.", &[("Oct. 5", "2023-10-05")]),
            ("The strike began last October.", &[("last October", "2022-10")]),
            ("The vote is next May.", &[("next May", "2023-05")]),
            ("She resigned in June last year.", &[("June last year", "2022-06")]),
            ("Sales fell last year and rose this year.", &[("last year", "2022"), ("this year", "2023")]),
            ("Prices will rise next month.", &[("next month", "2023-04")]),
            ("He left two weeks ago.", &[("two weeks ago", "2023-02-17")]),
            ("He left 10 days ago.", &[("10 days ago", "2023-02-21")]),
            ("It closed five months ago.", &[("five months ago", "2022-10")]),
            ("It closed a year ago.", &[("a year ago", "2022")]),
            (
                "He spoke yesterday and will speak tomorrow.",
                &[("yesterday", "2023-03-02"), ("tomorrow", "2023-03-04")],
            ),
            ("Officials said today that talks failed.", &[("today", "2023-03-03")]),
            ("The minister resigned on Monday.", &[("Monday", "2023-02-27")]),
            ("The minister will resign on Monday.", &[("Monday", "2023-03-06")]),
            ("The talks ended Friday.", &[("Friday", "2023-03-03")]),
            ("They met last Friday.", &[("last Friday", "2023-02-24")]),
            ("Prices rose earlier this month.", &[("this month", "2023-03")]),
            (
                "He was elected in 2010 and resigned the following year.",
                &[("2010", "2010"), ("the following year", "2011")],
            ),
            ("The tower was built in nineteen ninety-six.", &[("nineteen ninety-six", "1996")]),
            ("Year-earlier profit was higher.", &[("Year-earlier", "2022")]),
            ("Payment is due Oct. 5.", &[("Oct. 5", "2023-10-05")]),
            ("The dividend is payable April 1 to holders of record.", &[("April 1", "2023-04-01")]),
            (
                "Women's Day is this coming Wednesday, March eighth.",
                &[("this coming Wednesday, March eighth", "2023-03-08")],
            ),
            (
                "January nineteen ninety-seven. A bomb exploded.",
                &[("January nineteen ninety-seven", "1997-01")],
            ),
            ("The company's 2021 results were poor.", &[("2021", "2021")]),
            ("For the year, volume was flat.", &[("the year", "2023")]),
            ("Sales in the current fiscal year will rise.", &[("current fiscal year", "2023")]),
            ("The year ended Sept. 30 was good.", &[("Sept. 30", "2022-09-30")]),
        ];
        for (text, want) in cases {
            assert_eq!(found(text, Some(&p)), pairs(want), "text {text:?}");
        }
    }

    #[test]
    fn passive_participles_do_not_make_the_past() {
        let p = seed_date();
        assert_eq!(
            found("The new bridge will be opened to traffic in December.", Some(&p)),
            pairs(&[("December", "2023-12")])
        );
        assert_eq!(
            found("The museum will be reopened on Tuesday.", Some(&p)),
            pairs(&[("Tuesday", "2023-03-07")])
        );
        // An active "-ed" verb still puts the clause in the past.
        assert_eq!(found("The museum reopened on Tuesday.", Some(&p)), pairs(&[("Tuesday", "2023-02-28")]));
    }

    #[test]
    fn a_past_verb_before_a_year_less_date_keeps_it_past() {
        let p = seed_date();
        assert_eq!(
            found("Revenue for the fiscal year ended June 30 rose 4%.", Some(&p)),
            pairs(&[("June 30", "2022-06-30")])
        );
        assert_eq!(found("The plant closed on Aug. 20.", Some(&p)), pairs(&[("Aug. 20", "2022-08-20")]));
        // An editor's note tells of a day after publication: the nearest such day.
        assert_eq!(
            found("This story was updated on March 6 to correct a name.", Some(&p)),
            pairs(&[("March 6", "2023-03-06")])
        );
        // A passive after "be" is not a past: the nearest day, ahead in the future tense.
        assert_eq!(found("The bonus will be paid June 30.", Some(&p)), pairs(&[("June 30", "2023-06-30")]));
    }

    #[test]
    fn a_plan_in_the_past_perfect_is_past() {
        let p = seed_date();
        assert_eq!(
            found("The ferry had been scheduled to sail on Monday, but a storm kept it in port.", Some(&p)),
            pairs(&[("Monday", "2023-02-27")])
        );
        assert_eq!(
            found("The talks had been due to end Monday.", Some(&p)),
            pairs(&[("Monday", "2023-02-27")])
        );
        assert_eq!(
            found("The ferry is scheduled to sail on Monday.", Some(&p)),
            pairs(&[("Monday", "2023-03-06")])
        );
    }

    #[test]
    fn a_possessive_or_demonstrative_before_four_digits_makes_a_year() {
        let p = seed_date();
        assert_eq!(found("Critics said its 2015 overhaul failed.", Some(&p)), pairs(&[("2015", "2015")]));
        assert_eq!(found("That 1998 treaty still binds them.", Some(&p)), pairs(&[("1998", "1998")]));
        assert_eq!(found("The club lost their 2019 opener.", Some(&p)), pairs(&[("2019", "2019")]));
    }

    #[test]
    fn a_decimal_point_does_not_end_the_clause() {
        let p = seed_date();
        assert_eq!(
            found("Unemployment fell to 3.8 percent in June.", Some(&p)),
            pairs(&[("June", "2022-06")])
        );
        assert_eq!(found("Shares closed at $12.50 on Monday.", Some(&p)), pairs(&[("Monday", "2023-02-27")]));
    }

    #[test]
    fn not_events() {
        let p = seed_date();
        let cases = [
            "The U.S. spent 20 years trying to stabilize Afghanistan.",
            "The program ran for three months.",
            "Some 2019 people attended.",
            "The bill came to $2,019 in total.",
            "About 1,500 troops were sent.",
            "Prices rose 2010 percent.",
            "The 1990s were calm.",
            "You may go now.",
            "Protesters will march on the capital.",
            "Shoppers crowded stores on Black Friday.",
            "The flight number was 2300.",
            "Recently, prices rose. Now they fall.",
            "Prices rose this week and last weekend.",
            "This is VOA Today.",
        ];
        for text in cases {
            assert_eq!(found(text, Some(&p)), Vec::<(String, String)>::new(), "text {text:?}");
        }
    }

    #[test]
    fn relative_expressions_need_a_publication_date() {
        let text = "On Wednesday, officials said the plan dates from October 2022. In 2019 it was rejected; \
            this year it is back.";
        assert_eq!(found(text, None), pairs(&[("October 2022", "2022-10"), ("2019", "2019")]));
        // A year-precision date resolves years but not weekdays or months.
        let year_only = PubDate::datetime(
            NaiveDate::from_ymd_opt(2023, 1, 1).expect("date").and_hms_opt(0, 0, 0).expect("time"),
            None,
            DatePrecision::Year,
        );
        assert_eq!(
            found(text, Some(&year_only)),
            pairs(&[("October 2022", "2022-10"), ("2019", "2019"), ("this year", "2023")])
        );
    }

    #[test]
    fn invalid_and_odd_input_is_safe() {
        let p = seed_date();
        assert!(found("It happened on February 30, 2021.", Some(&p)).iter().all(|(_, v)| v != "2021-02-30"));
        for text in
            ["", "   ", "...", "March", "2019", "9999999999999999999999 days ago", "a year", "Friday,"]
        {
            let _ = find_mentions(text, Some(&p));
            let _ = find_mentions(text, None);
        }
        let far = day(1605, 11, 5);
        assert_eq!(found("It happened yesterday.", Some(&far)), pairs(&[("yesterday", "1605-11-04")]));
    }
}
