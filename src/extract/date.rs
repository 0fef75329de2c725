//! The one publication-date parser shared by every input format.
//!
//! [`parse_date`] reads the date strings news sources put in metadata, bylines and feeds:
//! ISO 8601 (`2023-03-14`, `2023-03-14T06:30:00.123+01:00`, `20230314`), RFC 2822/1123
//! (`Tue, 14 Mar 2023 06:30:00 GMT`), written-out dates in English, Spanish, French, German,
//! Italian, Portuguese and Dutch (`March 3, 2023`, `3rd February 2021, 14:05`,
//! `3 de marzo de 2023`, `14 mars 2023`, `14. März 2023`), wire formats (Reuters-21578's
//! `26-FEB-1987 15:01:01.79`), byline forms (`Updated 5:02 PM EST, Fri March 3, 2023`,
//! `Tuesday 14 March 2023 06.30 GMT`), numeric dates (`03/03/2023`, `14.03.2023`) and Unix
//! timestamps. It keeps the precision the string gives (year, month, day, minute, second) and
//! the offset it states; it never guesses a missing year and never prints.
//!
//! It owns neither relative expressions in body text (`extract::timex`) nor the choice between
//! several candidate dates of a page (the format parsers' metadata cascades).
//!
//! # Day and month order
//!
//! A numeric date whose first two fields could both be a month (`03/04/2023`) is read by
//! [`parse_date`] with this rule:
//! * a field greater than 12 can only be the day, so `14/03/2023` and `03/14/2023` are
//!   unambiguous whatever the separator;
//! * otherwise `/` means month first (US usage: `03/04/2023` is March 4), while `.` and `-`
//!   mean day first (European and Indian usage: `03.04.2023` is 3 April).
//!
//! [`parse_date_with`] lets a caller that knows the source's convention override the second
//! point. Two-digit years are read as 1970–2069.
//!
//! # Time zones
//!
//! Numeric offsets (`Z`, `+01:00`, `-0500`, `GMT+1`) and common abbreviations (`GMT`, `BST`,
//! `CET`, `EST`, `PDT`, `IST` = India, `JST`, `AEDT`, …) become a fixed offset. The generic US
//! names `ET`, `CT`, `MT`, `PT` take the offset in force on that date (EST or EDT).

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveTime, Offset, TimeZone};
use regex::Regex;

use crate::article::{DatePrecision, PubDate};

/// How to read a numeric date whose first two fields could both be a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// `03/04/2023` is March 4 (US).
    MonthFirst,
    /// `03/04/2023` is 3 April (most of the world).
    DayFirst,
}

/// Parses a date string in any form news sources use; `None` when the string is not a date,
/// names an impossible day (February 30), or lacks a year.
///
/// Ambiguous numeric dates follow the module's default rule (`/` month first, `.` and `-` day
/// first).
pub fn parse_date(s: &str) -> Option<PubDate> {
    parse_impl(s, None).filter(|d| !is_unix_epoch(d))
}

/// Parses like [`parse_date`], reading ambiguous numeric dates (both fields ≤ 12) in `order`.
pub fn parse_date_with(s: &str, order: DayOrder) -> Option<PubDate> {
    parse_impl(s, Some(order)).filter(|d| !is_unix_epoch(d))
}

/// True for the Unix epoch itself (1970-01-01T00:00:00Z, in any zone it is written in, or the
/// bare day 1970-01-01): what a CMS or an export writes for a date it does not have (a null
/// or zero timestamp), never an article's publication.
pub fn is_unix_epoch(d: &PubDate) -> bool {
    d.to_utc().timestamp() == 0
}

/// Converts a Unix timestamp to a UTC date with second precision. Values of magnitude 10^11
/// and above are read as milliseconds (10^11 seconds lies in the year 5138), so both JSON
/// conventions work. `None` when chrono cannot represent the instant.
pub fn parse_unix_timestamp(n: i64) -> Option<PubDate> {
    // Zero is a null written as a number.
    if n == 0 {
        return None;
    }
    let dt = if n.unsigned_abs() >= 100_000_000_000 {
        DateTime::from_timestamp_millis(n)?
    } else {
        DateTime::from_timestamp(n, 0)?
    };
    Some(PubDate::datetime(dt.naive_utc(), Some(0), DatePrecision::Second))
}

/// Finds a date in a URL's path: `/2023/03/03/`, `/2023-03-03/`, `-20230303`, `/2023/03/`
/// (month precision). Host and query are ignored; `None` when no plausible date (years
/// 1990–2099) is present.
pub fn date_from_url(url: &str) -> Option<PubDate> {
    static YMD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|[/_.-])((?:19|20)[0-9]{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12][0-9]|3[01])(?:$|[/_.-])",
        )
        .expect("static regex")
    });
    static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[/_.-])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?:$|[/_.-])")
            .expect("static regex")
    });
    static YM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|/)((?:19|20)[0-9]{2})/(0?[1-9]|1[0-2])(?:$|/)").expect("static regex")
    });
    let path = url_path(url);
    for re in [&*YMD, &*COMPACT] {
        for c in re.captures_iter(path) {
            let (y, m, d) = (num(&c, 1)?, num(&c, 2)?, num(&c, 3)?);
            if (1990..=2099).contains(&y) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m as u32, d as u32) {
                    return Some(PubDate::day(date));
                }
            }
        }
    }
    let c = YM.captures(path)?;
    let (y, m) = (num(&c, 1)?, num(&c, 2)?);
    if !(1990..=2099).contains(&y) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y, m as u32, 1)?;
    Some(PubDate::datetime(date.and_time(NaiveTime::MIN), None, DatePrecision::Month))
}

/// Returns the path of a URL: after the host, before `?` or `#`. A string without a scheme is
/// taken as a path.
fn url_path(url: &str) -> &str {
    let rest = match url.find("://") {
        Some(i) => {
            let after = &url[i + 3..];
            match after.find('/') {
                Some(j) => &after[j..],
                None => "",
            }
        }
        None => url,
    };
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    &rest[..end]
}

fn num(c: &regex::Captures<'_>, i: usize) -> Option<i32> {
    c.get(i)?.as_str().parse().ok()
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// A piece of the lowercased input. Whitespace separates tokens but is not one;
/// `spaced` records whether whitespace preceded the token.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    kind: TokKind<'a>,
    spaced: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum TokKind<'a> {
    /// A run of ASCII digits: its value and its digit count.
    Num(u64, usize),
    Word(&'a str),
    Punct(char),
}

/// Splits into digit runs, letter runs and single punctuation marks. `None` for digit runs too
/// long to be any date field.
fn tokenize(s: &str) -> Option<Vec<Tok<'_>>> {
    let mut out = Vec::with_capacity(16);
    let mut spaced = false;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                it.next();
            }
            let digits = &s[i..end];
            if digits.len() > 15 {
                return None;
            }
            TokKind::Num(digits.parse().ok()?, digits.len())
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            TokKind::Word(&s[i..end])
        } else {
            TokKind::Punct(c)
        };
        out.push(Tok { kind, spaced });
        spaced = false;
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

/// Month names and abbreviations (lowercase) in the supported languages: English, Spanish,
/// French, German, Italian, Portuguese, Dutch, the Scandinavian languages, and (nominative and
/// genitive) Polish, Russian, Czech, and Turkish.
pub(crate) fn month_number(w: &str) -> Option<u32> {
    let m = match w {
        "january" | "jan" | "enero" | "ene" | "janvier" | "janv" | "januar" | "jänner" | "jän"
        | "gennaio" | "gen" | "janeiro" | "januari" | "stycznia" | "styczeń" | "styczen" | "sty"
        | "января" | "январь" | "янв" | "ledna" | "leden" | "ocak" => 1,
        "february" | "feb" | "febr" | "febrero" | "février" | "fevrier" | "févr" | "fév" | "fev"
        | "februar" | "febbraio" | "fevereiro" | "februari" | "lutego" | "luty" | "lut" | "февраля"
        | "февраль" | "фев" | "února" | "unora" | "únor" | "şubat" | "subat" => 2,
        "march" | "mar" | "marzo" | "mars" | "märz" | "maerz" | "mär" | "mrz" | "março" | "marco"
        | "maart" | "mrt" | "marts" | "marca" | "marzec" | "марта" | "март" | "března" | "brezna"
        | "březen" | "mart" => 3,
        "april" | "apr" | "abril" | "abr" | "avril" | "avr" | "aprile" | "kwietnia" | "kwiecień" | "kwi"
        | "апреля" | "апрель" | "апр" | "dubna" | "duben" | "nisan" => 4,
        "may" | "mayo" | "mai" | "maggio" | "mag" | "maio" | "mei" | "maj" | "maja" | "мая" | "май"
        | "května" | "kvetna" | "květen" | "mayıs" | "mayis" => 5,
        "june" | "jun" | "junio" | "juin" | "juni" | "giugno" | "giu" | "junho" | "czerwca" | "czerwiec"
        | "cze" | "июня" | "июнь" | "июн" | "června" | "cervna" | "červen" | "haziran" => 6,
        "july" | "jul" | "julio" | "juillet" | "juil" | "juli" | "luglio" | "lug" | "julho" | "lipca"
        | "lipiec" | "lip" | "июля" | "июль" | "июл" | "července" | "cervence" | "červenec" | "temmuz" => {
            7
        }
        "august" | "aug" | "agosto" | "ago" | "août" | "aout" | "augustus" | "augusti" | "sierpnia"
        | "sierpień" | "sie" | "августа" | "август" | "авг" | "srpna" | "srpen" | "ağustos" | "agustos" => {
            8
        }
        "september" | "sep" | "sept" | "septiembre" | "setiembre" | "septembre" | "settembre" | "set"
        | "setembro" | "września" | "wrzesnia" | "wrzesień" | "wrz" | "сентября" | "сентябрь" | "сен"
        | "сент" | "září" | "zari" | "eylül" | "eylul" => 9,
        "october" | "oct" | "octubre" | "octobre" | "oktober" | "okt" | "ottobre" | "ott" | "outubro"
        | "out" | "października" | "pazdziernika" | "październik" | "paź" | "октября" | "октябрь" | "окт"
        | "října" | "rijna" | "říjen" | "ekim" => 10,
        "november" | "nov" | "noviembre" | "novembre" | "novembro" | "listopada" | "listopad" | "lis"
        | "ноября" | "ноябрь" | "ноя" | "listopadu" | "kasım" | "kasim" => 11,
        "december" | "dec" | "diciembre" | "dic" | "décembre" | "decembre" | "déc" | "dezember" | "dez"
        | "dicembre" | "dezembro" | "desember" | "grudnia" | "grudzień" | "grudzien" | "gru" | "декабря"
        | "декабрь" | "дек" | "prosince" | "prosinec" | "aralık" | "aralik" => 12,
        _ => return None,
    };
    Some(m)
}

/// Weekday names and abbreviations (lowercase); they carry no information a full date lacks.
pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "mon"
            | "tuesday"
            | "tue"
            | "tues"
            | "wednesday"
            | "wed"
            | "thursday"
            | "thu"
            | "thur"
            | "thurs"
            | "friday"
            | "fri"
            | "saturday"
            | "sat"
            | "sunday"
            | "sun"
            | "lunes"
            | "martes"
            | "miércoles"
            | "miercoles"
            | "jueves"
            | "viernes"
            | "sábado"
            | "sabado"
            | "domingo"
            | "lun"
            | "mié"
            | "mie"
            | "jue"
            | "vie"
            | "sáb"
            | "sab"
            | "dom"
            | "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "mer"
            | "jeu"
            | "ven"
            | "sam"
            | "dim"
            | "montag"
            | "dienstag"
            | "mittwoch"
            | "donnerstag"
            | "freitag"
            | "samstag"
            | "sonnabend"
            | "sonntag"
            | "mo"
            | "di"
            | "mi"
            | "do"
            | "fr"
            | "sa"
            | "so"
            | "lunedì"
            | "lunedi"
            | "martedì"
            | "martedi"
            | "mercoledì"
            | "mercoledi"
            | "giovedì"
            | "giovedi"
            | "venerdì"
            | "venerdi"
            | "domenica"
            | "segunda"
            | "terça"
            | "terca"
            | "quarta"
            | "quinta"
            | "sexta"
            | "feira"
            | "maandag"
            | "dinsdag"
            | "woensdag"
            | "donderdag"
            | "vrijdag"
            | "zaterdag"
            | "zondag"
    )
}

/// Words that surround dates in bylines and metadata without changing them.
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "published"
            | "publish"
            | "updated"
            | "update"
            | "posted"
            | "last"
            | "modified"
            | "created"
            | "first"
            | "date"
            | "dated"
            | "on"
            | "at"
            | "the"
            | "of"
            | "t"
            | "de"
            | "del"
            | "el"
            | "le"
            | "la"
            | "à"
            | "a"
            | "mis"
            | "jour"
            | "publié"
            | "publiée"
            | "modifié"
            | "modifiée"
            | "actualizado"
            | "actualizada"
            | "publicado"
            | "publicada"
            | "las"
            | "los"
            | "y"
            | "am"
            | "um"
            | "uhr"
            | "den"
            | "der"
            | "vom"
            | "veröffentlicht"
            | "aktualisiert"
            | "stand"
            | "zuletzt"
            | "il"
            | "alle"
            | "ore"
            | "pubblicato"
            | "aggiornato"
            | "atualizado"
            | "atualizada"
            | "em"
            | "às"
            | "as"
            | "gepubliceerd"
            | "bijgewerkt"
            | "op"
            | "om"
            | "van"
            | "het"
            | "time"
    )
}

/// Ordinal suffixes written right after a day number: 3rd, 1er, 1º.
fn is_ordinal_suffix(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th" | "er" | "re" | "e" | "º" | "ª" | "o")
}

/// Fixed offsets (seconds east of UTC) for zone abbreviations seen in news.
fn zone_offset(w: &str) -> Option<i32> {
    const H: i32 = 3600;
    let off = match w {
        "gmt" | "utc" | "ut" | "wet" | "z" => 0,
        "bst" | "west" | "cet" | "met" | "mez" | "wat" => H,
        "cest" | "mest" | "mesz" | "eet" | "sast" | "cat" => 2 * H,
        "eest" | "msk" | "eat" | "ast_arabia" => 3 * H,
        "gst" => 4 * H,
        "pkt" => 5 * H,
        "ist" => 5 * H + 1800,
        "wib" | "ict" => 7 * H,
        "hkt" | "sgt" | "awst" | "pht" | "myt" | "cst_china" => 8 * H,
        "jst" | "kst" => 9 * H,
        "acst" => 9 * H + 1800,
        "aest" => 10 * H,
        "acdt" => 10 * H + 1800,
        "aedt" => 11 * H,
        "nzst" => 12 * H,
        "nzdt" => 13 * H,
        "adt" => -3 * H,
        "brt" | "art" => -3 * H,
        "nst" => -3 * H - 1800,
        "ndt" => -2 * H - 1800,
        "ast" | "edt" => -4 * H,
        "est" | "cdt" => -5 * H,
        "cst" | "mdt" => -6 * H,
        "mst" | "pdt" => -7 * H,
        "pst" | "akdt" => -8 * H,
        "akst" => -9 * H,
        "hst" => -10 * H,
        _ => return None,
    };
    Some(off)
}

/// US generic zone names whose offset depends on daylight saving time.
fn generic_zone(w: &str) -> Option<chrono_tz::Tz> {
    match w {
        "et" => Some(chrono_tz::America::New_York),
        "ct" => Some(chrono_tz::America::Chicago),
        "mt" => Some(chrono_tz::America::Denver),
        "pt" => Some(chrono_tz::America::Los_Angeles),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Parser

/// The date part left once times, zones and words are taken out.
#[derive(Debug, Clone, Copy, PartialEq)]
enum DItem {
    Num(u64, usize),
    Month(u32),
    Sep(char),
}

#[derive(Debug, Clone, Copy)]
struct TimeOfDay {
    hour: u32,
    minute: u32,
    second: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Zone {
    Fixed(i32),
    Generic(chrono_tz::Tz),
}

fn parse_impl(s: &str, order: Option<DayOrder>) -> Option<PubDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(d) = parse_one(s, order) {
        return Some(d);
    }
    // JavaScript's `Date.toString()` ends with the zone's long name, which only repeats the
    // offset before it: "Wed May 04 2022 00:53:27 GMT+0000 (Coordinated Universal Time)".
    if let Some(head) = s.strip_suffix(')').and_then(|t| t.rsplit_once('(')).map(|(head, _)| head) {
        if let Some(d) = parse_one(head.trim_end(), order) {
            return Some(d);
        }
    }
    // Bylines join several facts ("March 3, 2023 | 5 min read", "Published … · Updated …"):
    // the first part that is a date wins.
    if s.contains(['|', '•', '·', ';']) {
        return s.split(['|', '•', '·', ';']).find_map(|part| parse_one(part.trim(), order));
    }
    None
}

fn parse_one(s: &str, order: Option<DayOrder>) -> Option<PubDate> {
    if s.is_empty() {
        return None;
    }
    let lower = s.to_lowercase();
    let text = strip_label(&lower);
    // "a.m." / "p.m." would otherwise split into one-letter words.
    let text = text.replace("a.m.", "am").replace("p.m.", "pm");
    let toks = tokenize(&text)?;
    if toks.is_empty() {
        return None;
    }
    // A bare number: a Unix timestamp (seconds or milliseconds) or a compact date.
    if let [Tok { kind: TokKind::Num(n, len), .. }] = toks[..] {
        if matches!(len, 9 | 10 | 13) {
            return parse_unix_timestamp(i64::try_from(n).ok()?);
        }
    }

    let mut items: Vec<DItem> = Vec::with_capacity(8);
    let mut time: Option<TimeOfDay> = None;
    let mut zone: Option<Zone> = None;
    // True right after a time or a zone word, where `+05:30` / `-0500` is an offset.
    let mut offset_ok = false;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        match t.kind {
            TokKind::Num(n, len) => {
                if let Some((tod, used)) = time_at(&toks, i) {
                    if time.is_some() {
                        return None;
                    }
                    time = Some(tod);
                    offset_ok = true;
                    i += used;
                    continue;
                }
                // ISO basic time after 'T': 20230314T063000.
                if i > 0 && toks[i - 1].kind == TokKind::Word("t") && (len == 4 || len == 6) && !t.spaced {
                    let (h, m, sec) = if len == 6 {
                        (n / 10_000, n / 100 % 100, Some((n % 100) as u32))
                    } else {
                        (n / 100, n % 100, None)
                    };
                    time = Some(TimeOfDay { hour: h as u32, minute: m as u32, second: sec });
                    offset_ok = true;
                    i += 1;
                    continue;
                }
                items.push(DItem::Num(n, len));
                offset_ok = false;
            }
            TokKind::Punct(c @ ('+' | '-' | '−')) if offset_ok => {
                let (off, used) = offset_at(&toks, i + 1)?;
                let off = if c == '+' { off } else { -off };
                zone = Some(Zone::Fixed(off));
                offset_ok = false;
                i += 1 + used;
                continue;
            }
            TokKind::Punct(c) => {
                match c {
                    '.' | '/' | '-' | ',' => items.push(DItem::Sep(c)),
                    '(' | ')' | '[' | ']' | ':' | '\'' | '’' => {}
                    _ => return None,
                }
                offset_ok = false;
            }
            TokKind::Word(w) => {
                if let Some(m) = month_number(w) {
                    items.push(DItem::Month(m));
                } else if let Some(off) = zone_offset(w) {
                    // "z" is only a zone right after a time ("06:30:00Z").
                    if w == "z" && !offset_ok {
                        return None;
                    }
                    zone = Some(Zone::Fixed(off));
                    offset_ok = true;
                    i += 1;
                    continue;
                } else if let Some(tz) = generic_zone(w) {
                    zone = Some(Zone::Generic(tz));
                    offset_ok = true;
                    i += 1;
                    continue;
                } else if matches!(w, "am" | "pm") && time.is_some() && offset_ok {
                    // Meridiem right after the time it qualifies ("5:02 PM"); German "am" is
                    // a filler elsewhere.
                    let tod = time.as_mut()?;
                    tod.hour = apply_meridiem(tod.hour, w == "pm")?;
                    i += 1;
                    continue;
                } else if is_ordinal_suffix(w)
                    && !t.spaced
                    && i > 0
                    && matches!(toks[i - 1].kind, TokKind::Num(_, 1 | 2))
                {
                    // "3rd"
                } else if is_weekday(w) || is_filler(w) {
                } else {
                    return None;
                }
                offset_ok = false;
            }
        }
        i += 1;
    }

    // Punctuation around the date belongs to the words and times beside it: a weekday's
    // abbreviation dot ("Di., 25.01.2022"), a comma or dash before the time
    // ("10.12.2022, 07:00:03", "25.01.2022 - 14:45").
    let first = items.iter().position(|it| !matches!(it, DItem::Sep(_)))?;
    let last = items.iter().rposition(|it| !matches!(it, DItem::Sep(_)))?;
    let (date, precision) = date_from_items(&items[first..=last], order)?;
    let (local, precision) = match (time, precision) {
        (Some(t), DatePrecision::Day) => {
            let sec = t.second.unwrap_or(0).min(59);
            let tod = NaiveTime::from_hms_opt(t.hour, t.minute, sec)?;
            let p = if t.second.is_some() { DatePrecision::Second } else { DatePrecision::Minute };
            (date.and_time(tod), p)
        }
        // A time without a day ("March 2023 10:00") is noise; keep the date.
        (_, p) => (date.and_time(NaiveTime::MIN), p),
    };
    let offset_secs = match zone {
        None => None,
        Some(Zone::Fixed(o)) => Some(o),
        Some(Zone::Generic(tz)) => {
            tz.from_local_datetime(&local).earliest().map(|dt| dt.offset().fix().local_minus_utc())
        }
    };
    Some(PubDate::datetime(local, offset_secs, precision))
}

/// Drops a leading label ending in a colon ("Published on:", "Fecha de publicación:") when it
/// holds no digits, so the date after it is read alone.
fn strip_label(s: &str) -> &str {
    if let Some(i) = s.find(':') {
        let (head, tail) = (&s[..i], &s[i + 1..]);
        if !head.bytes().any(|b| b.is_ascii_digit()) && head.chars().any(char::is_alphabetic) {
            return tail.trim_start();
        }
    }
    s
}

/// Reads a time of day starting at `toks[i]`: `6:30`, `06:30:00`, `15:01:01.79`, `06.30`
/// (before a zone, a meridiem or the end), `14h05`, `5 PM`. Returns it and the tokens used.
fn time_at(toks: &[Tok<'_>], i: usize) -> Option<(TimeOfDay, usize)> {
    let TokKind::Num(h, hl) = toks.get(i)?.kind else {
        return None;
    };
    if hl > 2 || h > 24 {
        return None;
    }
    let kind = |j: usize| toks.get(j).map(|t| t.kind);
    let two_digit = |j: usize| match kind(j) {
        Some(TokKind::Num(v, 2)) => Some(v as u32),
        _ => None,
    };
    let hour = h as u32;
    // hh:mm[:ss[.frac]]
    if kind(i + 1) == Some(TokKind::Punct(':')) {
        let minute = two_digit(i + 2)?;
        let mut used = 3;
        let mut second = None;
        if kind(i + 3) == Some(TokKind::Punct(':')) {
            second = Some(two_digit(i + 4)?);
            used = 5;
            if matches!(kind(i + 5), Some(TokKind::Punct('.' | ','))) {
                if let Some(TokKind::Num(..)) = kind(i + 6) {
                    used = 7;
                }
            }
        }
        if hour > 23 || minute > 59 || second.is_some_and(|s| s > 60) {
            return None;
        }
        return Some((TimeOfDay { hour, minute, second }, used));
    }
    let after_is_time_end = |j: usize| match kind(j) {
        None => true,
        Some(TokKind::Word(w)) => {
            matches!(w, "am" | "pm" | "uhr" | "h") || zone_offset(w).is_some() || generic_zone(w).is_some()
        }
        Some(TokKind::Punct(c)) => matches!(c, ',' | '(' | '|'),
        Some(TokKind::Num(..)) => false,
    };
    // hh.mm (Guardian "06.30 GMT"), never inside a dotted date such as 14.03.2023.
    if kind(i + 1) == Some(TokKind::Punct('.'))
        && !toks[i + 1].spaced
        && (i == 0 || kind(i - 1) != Some(TokKind::Punct('.')))
    {
        if let Some(minute) = two_digit(i + 2) {
            if after_is_time_end(i + 3) && hour <= 23 && minute <= 59 {
                return Some((TimeOfDay { hour, minute, second: None }, 3));
            }
        }
    }
    // 14h05 / 14h
    if let Some(TokKind::Word("h")) = kind(i + 1) {
        if hour <= 23 {
            let (minute, used) = match two_digit(i + 2) {
                Some(m) if m <= 59 => (m, 3),
                _ => (0, 2),
            };
            return Some((TimeOfDay { hour, minute, second: None }, used));
        }
    }
    // "5 PM"
    if let Some(TokKind::Word("am" | "pm")) = kind(i + 1) {
        if (1..=12).contains(&hour) {
            return Some((TimeOfDay { hour, minute: 0, second: None }, 1));
        }
    }
    None
}

fn apply_meridiem(hour: u32, pm: bool) -> Option<u32> {
    if !(1..=12).contains(&hour) {
        return None;
    }
    Some(match (pm, hour) {
        (false, 12) => 0,
        (false, h) => h,
        (true, 12) => 12,
        (true, h) => h + 12,
    })
}

/// Reads the digits of a numeric offset after its sign: `05:30`, `0530`, `05`, `1`.
/// Returns the offset in seconds and the tokens used.
fn offset_at(toks: &[Tok<'_>], i: usize) -> Option<(i32, usize)> {
    let TokKind::Num(n, len) = toks.get(i)?.kind else {
        return None;
    };
    let (h, m, used) = match len {
        1 | 2 => match (toks.get(i + 1).map(|t| t.kind), toks.get(i + 2).map(|t| t.kind)) {
            (Some(TokKind::Punct(':')), Some(TokKind::Num(m, 2))) => (n, m, 3),
            _ => (n, 0, 1),
        },
        4 => (n / 100, n % 100, 1),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some(((h * 3600 + m * 60) as i32, used))
}

fn full_year(y: u64, len: usize) -> Option<i32> {
    match len {
        2 if y < 70 => Some(2000 + y as i32),
        2 => Some(1900 + y as i32),
        4 => Some(y as i32),
        _ => None,
    }
}

fn ymd(y: i32, m: u64, d: u64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

fn month_start(y: i32, m: u64) -> Option<NaiveDate> {
    ymd(y, m, 1)
}

/// Interprets the date items: numeric forms when no month name is present, written-out forms
/// otherwise.
fn date_from_items(items: &[DItem], order: Option<DayOrder>) -> Option<(NaiveDate, DatePrecision)> {
    use DItem::{Month, Num, Sep};
    let has_month = items.iter().any(|it| matches!(it, Month(_)));
    if has_month {
        // Separators carry nothing once a month is named ("26-FEB-1987", "Mar. 3, 2023",
        // "14. März 2023").
        let core: Vec<DItem> = items.iter().copied().filter(|it| !matches!(it, Sep(_))).collect();
        let day = |d: u64, len: usize| (len <= 2 && (1..=31).contains(&d)).then_some(d);
        return match core[..] {
            [Month(m), Num(d, dl), Num(y, 4)] | [Num(d, dl), Month(m), Num(y, 4)] => {
                Some((ymd(y as i32, u64::from(m), day(d, dl)?)?, DatePrecision::Day))
            }
            [Num(y, 4), Month(m), Num(d, dl)] => {
                Some((ymd(y as i32, u64::from(m), day(d, dl)?)?, DatePrecision::Day))
            }
            // Two-digit years only after a day and a month name: the wire form "26-FEB-87",
            // a dateline's "14 Gennaio 20".
            [Num(d, dl), Month(m), Num(y, 2)] => {
                Some((ymd(full_year(y, 2)?, u64::from(m), day(d, dl)?)?, DatePrecision::Day))
            }
            [Month(m), Num(y, 4)] | [Num(y, 4), Month(m)] => {
                Some((month_start(y as i32, u64::from(m))?, DatePrecision::Month))
            }
            _ => None,
        };
    }
    match items[..] {
        [Num(y, 4), Sep(a), Num(m, 1 | 2), Sep(b), Num(d, 1 | 2)]
            if a == b && matches!(a, '-' | '/' | '.') =>
        {
            Some((ymd(y as i32, m, d)?, DatePrecision::Day))
        }
        [Num(y, 4), Sep('-' | '/'), Num(m, 1 | 2)] => Some((month_start(y as i32, m)?, DatePrecision::Month)),
        [Num(a, 1 | 2), Sep(s1), Num(b, 1 | 2), Sep(s2), Num(y, yl @ (2 | 4))]
            if s1 == s2 && matches!(s1, '-' | '/' | '.') =>
        {
            let year = full_year(y, yl)?;
            let day_first = if a > 12 {
                true
            } else if b > 12 {
                false
            } else {
                match order {
                    Some(DayOrder::DayFirst) => true,
                    Some(DayOrder::MonthFirst) => false,
                    None => s1 != '/',
                }
            };
            let (d, m) = if day_first { (a, b) } else { (b, a) };
            Some((ymd(year, m, d)?, DatePrecision::Day))
        }
        [Num(n, 8)] => Some((ymd((n / 10_000) as i32, n / 100 % 100, n % 100)?, DatePrecision::Day)),
        [Num(y, 4)] => Some((ymd(y as i32, 1, 1)?, DatePrecision::Year)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_iso())
    }

    #[test]
    fn forms_news_uses() {
        let cases: &[(&str, &str)] = &[
            // ISO 8601
            ("2023-03-14", "2023-03-14"),
            ("2023-03", "2023-03"),
            ("2023", "2023"),
            ("2023-03-14T06:30:00Z", "2023-03-14T06:30:00Z"),
            ("2023-03-14T06:30:00.123+01:00", "2023-03-14T06:30:00+01:00"),
            ("2023-03-14T06:30:00-05:00", "2023-03-14T06:30:00-05:00"),
            ("2023-03-14T06:30+0530", "2023-03-14T06:30:00+05:30"),
            ("2023-03-14 06:30:00", "2023-03-14T06:30:00"),
            ("2023-03-14T06:30:00.000000Z", "2023-03-14T06:30:00Z"),
            ("20230314", "2023-03-14"),
            ("20230314T063000Z", "2023-03-14T06:30:00Z"),
            ("2023/03/14", "2023-03-14"),
            // RFC 2822 / 1123
            ("Tue, 14 Mar 2023 06:30:00 GMT", "2023-03-14T06:30:00Z"),
            ("Tue, 14 Mar 2023 06:30:00 +0100", "2023-03-14T06:30:00+01:00"),
            ("Tue, 14 Mar 2023 06:30:00 -0000", "2023-03-14T06:30:00Z"),
            // written out, English
            ("March 3, 2023", "2023-03-03"),
            ("3 March 2023", "2023-03-03"),
            ("Mar. 3, 2023", "2023-03-03"),
            ("Friday, March 3, 2023", "2023-03-03"),
            ("March 3rd, 2023", "2023-03-03"),
            ("March 2023", "2023-03"),
            ("Updated 5:02 PM EST, Fri March 3, 2023", "2023-03-03T17:02:00-05:00"),
            ("March 14, 2023 6:30 AM EST", "2023-03-14T06:30:00-05:00"),
            ("March 14, 2023 6:30 a.m. ET", "2023-03-14T06:30:00-04:00"),
            ("Jan. 10, 2023 at 12:15 p.m. ET", "2023-01-10T12:15:00-05:00"),
            ("Tuesday 14 March 2023 06.30 GMT", "2023-03-14T06:30:00Z"),
            ("3rd February 2021, 14:05", "2021-02-03T14:05:00"),
            ("Published: March 3, 2023", "2023-03-03"),
            ("Published 11:00 AM IST, 14 Mar 2023", "2023-03-14T11:00:00+05:30"),
            ("Posted on 14 March 2023 at 10:00 BST", "2023-03-14T10:00:00+01:00"),
            ("14 Mar 2023 10:00 AEDT", "2023-03-14T10:00:00+11:00"),
            ("14 Mar 2023 10:00 GMT+1", "2023-03-14T10:00:00+01:00"),
            ("12:00 AM, March 3, 2023", "2023-03-03T00:00:00"),
            ("March 3, 2023 | 5 min read", "2023-03-03"),
            // JavaScript's Date.toString(), with the zone's long name
            ("Wed May 04 2022 00:53:27 GMT+0000 (Coordinated Universal Time)", "2022-05-04T00:53:27Z"),
            (
                "Tue Feb 20 2018 01:00:00 GMT+0100 (Central European Standard Time)",
                "2018-02-20T01:00:00+01:00",
            ),
            // CMS stamps: a weekday's abbreviation dot, a comma or dash before the time
            ("Di., 25.01.2022 - 14:45", "2022-01-25T14:45:00"),
            ("10.12.2022, 07:00:03", "2022-12-10T07:00:03"),
            // wire
            ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"),
            ("26-FEB-87", "1987-02-26"),
            ("14 Gennaio 20", "2020-01-14"),
            // numeric, documented day/month rule
            ("03/03/2023", "2023-03-03"),
            ("03/04/2023", "2023-03-04"),
            ("14/03/2023", "2023-03-14"),
            ("03/14/2023", "2023-03-14"),
            ("14.03.2023", "2023-03-14"),
            ("03.04.2023", "2023-04-03"),
            ("03-04-2023", "2023-04-03"),
            ("3/4/23", "2023-03-04"),
            ("14.03.2023 10:15", "2023-03-14T10:15:00"),
            // other languages
            ("3 de marzo de 2023", "2023-03-03"),
            ("viernes, 3 de marzo de 2023 10:15", "2023-03-03T10:15:00"),
            ("14 mars 2023", "2023-03-14"),
            ("mardi 14 mars 2023 à 06h30", "2023-03-14T06:30:00"),
            ("1er mars 2023", "2023-03-01"),
            ("14. März 2023", "2023-03-14"),
            ("Dienstag, 14. März 2023, 06:30 Uhr", "2023-03-14T06:30:00"),
            ("am 14. März 2023 um 06:30 Uhr MEZ", "2023-03-14T06:30:00+01:00"),
            ("14 marzo 2023", "2023-03-14"),
            ("14 de março de 2023", "2023-03-14"),
            ("14 maart 2023", "2023-03-14"),
            ("14 août 2023", "2023-08-14"),
            ("15 августа 2016, 13:43", "2016-08-15T13:43:00"),
            ("12 września 2022", "2022-09-12"),
            ("3. října 2021", "2021-10-03"),
            ("14 mars 2023", "2023-03-14"),
            ("1 maj 2023", "2023-05-01"),
            ("14 Ağustos 2023", "2023-08-14"),
            // far past and future still parse
            ("1605-11-05", "1605-11-05"),
            ("5 November 1605", "1605-11-05"),
            ("2300-01-01T00:00:00Z", "2300-01-01T00:00:00Z"),
            // timestamps as strings
            ("1678775400", "2023-03-14T06:30:00Z"),
            ("1678775400000", "2023-03-14T06:30:00Z"),
        ];
        for (input, want) in cases {
            assert_eq!(iso(input).as_deref(), Some(*want), "input {input:?}");
        }
    }

    #[test]
    fn precision_is_kept() {
        let cases: &[(&str, DatePrecision)] = &[
            ("2023", DatePrecision::Year),
            ("March 2023", DatePrecision::Month),
            ("March 3, 2023", DatePrecision::Day),
            ("March 3, 2023 10:15", DatePrecision::Minute),
            ("2023-03-03T10:15:07Z", DatePrecision::Second),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input).map(|d| d.precision), Some(*want), "input {input:?}");
        }
    }

    #[test]
    fn offsets_are_kept_and_utc_is_right() {
        let d = parse_date("Updated 5:02 PM EST, Fri March 3, 2023").unwrap();
        assert_eq!(d.offset_secs, Some(-5 * 3600));
        assert_eq!(d.to_utc().to_rfc3339(), "2023-03-03T22:02:00+00:00");
        let d = parse_date("2023-03-14T06:30:00").unwrap();
        assert_eq!(d.offset_secs, None);
    }

    #[test]
    fn explicit_order_only_affects_ambiguous_dates() {
        let cases: &[(&str, DayOrder, &str)] = &[
            ("03/04/2023", DayOrder::DayFirst, "2023-04-03"),
            ("03/04/2023", DayOrder::MonthFirst, "2023-03-04"),
            ("03.04.2023", DayOrder::MonthFirst, "2023-03-04"),
            ("14/03/2023", DayOrder::MonthFirst, "2023-03-14"),
            ("03/14/2023", DayOrder::DayFirst, "2023-03-14"),
        ];
        for (input, order, want) in cases {
            let got = parse_date_with(input, *order).map(|d| d.to_iso());
            assert_eq!(got.as_deref(), Some(*want), "input {input:?} {order:?}");
        }
    }

    #[test]
    fn not_dates_are_none() {
        let cases = [
            "",
            "   ",
            "hello world",
            "February 30, 2023",
            "2023-02-30",
            "2023-13-01",
            "31/31/2023",
            "Mar. 3",
            "3 March",
            "25:00 March 3, 2023",
            "March 3, 2023 13:00 PM",
            "yesterday",
            "5 hours ago",
            "1,500",
            "$2,019",
            "by John Smith",
            "12345678901234567890123",
            "2023-03-14T06:30:00+99:00",
            "Z 2023",
            "3.14",
            "a:b:c",
        ];
        for input in cases {
            assert_eq!(iso(input), None, "input {input:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let cases = [
            "::::",
            "----",
            "+",
            "-",
            "12:",
            ":30",
            "T",
            "2023-",
            "2023--03",
            "99999999",
            "０３/０３/２０２３",
            "März",
            "𝟚𝟘𝟚𝟛",
            "\u{0}\u{1}",
            "12 pm pm",
            "1e10",
            "-1678775400",
            "9999999999999",
            "am am am 12",
        ];
        for input in cases {
            let _ = parse_date(input);
            let _ = date_from_url(input);
        }
        let long = "1".repeat(500);
        assert_eq!(parse_date(&long), None);
    }

    #[test]
    fn unix_timestamps_seconds_and_millis() {
        let s = parse_unix_timestamp(1_678_775_400).unwrap();
        assert_eq!(s.to_iso(), "2023-03-14T06:30:00Z");
        let ms = parse_unix_timestamp(1_678_775_400_123).unwrap();
        assert_eq!(ms.to_iso(), "2023-03-14T06:30:00Z");
        // Zero, and the epoch written as a date in any zone, is a missing date.
        assert!(parse_unix_timestamp(0).is_none());
        for null in ["1970-01-01T00:00:00Z", "1970-01-01T01:00:00+01:00", "1970-01-01", "0"] {
            assert!(parse_date(null).is_none(), "{null}");
        }
        assert!(parse_date("1970-01-02").is_some());
        assert!(parse_date("1970-01-01T00:00:01Z").is_some());
        assert!(parse_unix_timestamp(i64::MAX).is_none());
    }

    #[test]
    fn dates_in_urls() {
        let cases: &[(&str, Option<&str>)] = &[
            ("https://www.example.com/2023/03/03/politics/trump-mexico.html", Some("2023-03-03")),
            ("https://example.com/news/2023-03-03/trump", Some("2023-03-03")),
            ("https://example.com/news/trump-mexico-20230303.html", Some("2023-03-03")),
            ("https://example.com/2023/03/trump-mexico", Some("2023-03")),
            ("https://example.com/2023/3/3/trump", Some("2023-03-03")),
            ("https://example.com/article/123456789", None),
            ("https://example.com/2023/13/45/x", None),
            ("https://example.com/x?date=2023-03-03", None),
            ("https://2023.example.com/a", None),
            ("https://example.com/1800/01/01/x", None),
        ];
        for (url, want) in cases {
            assert_eq!(date_from_url(url).map(|d| d.to_iso()).as_deref(), *want, "url {url}");
        }
    }
}
