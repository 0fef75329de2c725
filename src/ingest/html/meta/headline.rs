//! The headline cascade: JSON-LD `headline`, `og:title`, `<h1>`, `<title>`, with the site's
//! name (and a numeric dateline) cut off the title's ends, a kicker kept or dropped as the page
//! writes it (a colon binds it; a dash, a run-in or a topic line after the headline does not),
//! and blog post titles and `<h2>`s for pages without an article `<h1>`. The visible `<h1>`
//! wins over an SEO metadata title, unless it is the site's name, a teaser, one of many, or
//! the page states another headline twice (JSON-LD repeated in a heading, a marked post title
//! a metadata title gives, a metadata title a heading shows under a kicker run in without a
//! colon).

use super::{norm, Signals};

impl Signals {
    /// Headline: JSON-LD `headline`, `og:title`, `<h1>`, `<title>`, each with the site name cut
    /// off. When an `<h1>` is the same headline as the metadata's (up to case and a site
    /// suffix), the visible `<h1>` form is kept. Without metadata titles, the `<h1>` that the
    /// `<title>` names wins over a site-wide one, then the `<title>` part that is not the site.
    pub(super) fn headline(&self, outlet: Option<&str>, host: Option<&str>) -> Option<String> {
        let headline = self.headline_with_kicker(outlet, host)?;
        // A kicker the <h1> marks apart and runs into the headline without punctuation
        // ("Nach Corona-Lockerungen Autohäuser rechnen …") is not part of it; written with a
        // colon or dash ("Klimaschutz: Bohren, bis es heiß wird") the pair is the headline.
        let key = norm(&headline);
        for (kicker, core) in &self.h1_kickers {
            let (k, c) = (norm(kicker), norm(core));
            // A topic line marked after the headline in the markup, set above it by the
            // style sheet ("Energiewende … <span class=topline>Forschung</span>"), is no
            // part of it either; a "kicker" longer than the rest is the headline itself.
            let between =
                key.strip_prefix(&c).and_then(|r| r.strip_suffix(&k)).map(|m| m.split_whitespace().count());
            if !c.is_empty() && !k.is_empty() && k.len() < c.len() && between.is_some_and(|n| n <= 2) {
                return Some(core.clone());
            }
            if !(key.starts_with(&k) && key.ends_with(&c) && key.len() <= k.len() + c.len() + 1) {
                // A metadata title putting another kicker than the page's before the headline
                // ("Corona-Lockerungen: Autohäuser …" where the <h1> shows "Nach
                // Corona-Lockerungen"): readers see neither form, the headline proper is it.
                let other = headline
                    .trim_end()
                    .strip_suffix(core.trim())
                    .is_some_and(|pre| pre.trim_end().ends_with(':') && norm(pre) != k && !c.is_empty());
                if other {
                    return Some(core.clone());
                }
                continue;
            }
            let titles = [&self.ld.headline, &self.og_title, &self.twitter_title, &self.meta_title];
            let written = std::iter::once(&headline).chain(titles.into_iter().flatten());
            let sep = written.into_iter().find_map(|t| {
                [":", " -", " –", " —"].into_iter().find(|p| t.contains(&format!("{kicker}{p}")))
            });
            // Only a colon binds the kicker into the headline; a dash ("Corona-Pandemie -
            // „…“") sets a topic line above it, as the run-in kicker does.
            return Some(match sep {
                Some(p) if p == ":" => format!("{kicker}{p} {core}"),
                _ => core.clone(),
            });
        }
        Some(self.unmarked_dash_kicker(&headline).unwrap_or(headline))
    }

    /// The headline without a kicker that the `<h1>` runs into it unmarked ("Olympische Spiele
    /// in Paris Getränke per Schiff …") while a metadata title sets it apart with a dash
    /// ("Olympische Spiele in Paris - Getränke per Schiff …"): a topic line, as above.
    fn unmarked_dash_kicker(&self, headline: &str) -> Option<String> {
        let headline = headline.split_whitespace().collect::<Vec<_>>().join(" ");
        let titles = [&self.ld.headline, &self.og_title, &self.twitter_title, &self.meta_title, &self.title];
        for t in titles.into_iter().flatten() {
            for sep in [" - ", " – ", " — "] {
                for (pos, _) in t.match_indices(sep) {
                    let (kicker, rest) = (t[..pos].trim(), &t[pos + sep.len()..]);
                    let Some(core) = headline.strip_prefix(kicker).and_then(|r| r.strip_prefix(' ')) else {
                        continue;
                    };
                    let core_key = norm(core);
                    // The title may give the headline's short form after the kicker
                    // ("Initiative X - kostenloser Stromcheck | Site" over "Initiative X
                    // Kostenloser Stromcheck für private Haushalte"): its part up to the next
                    // separator, of two words or more, begins the <h1>'s rest.
                    let short = title_parts(rest).first().map(|p| norm(p)).unwrap_or_default();
                    let shortened = short.contains(' ') && core_key.starts_with(&format!("{short} "));
                    if kicker.chars().count() >= 3
                        && !core.starts_with(['-', '–', '—', ':', '|'])
                        && core_key.contains(' ')
                        && (norm(rest).starts_with(&core_key) || shortened)
                    {
                        return Some(core.to_string());
                    }
                }
            }
        }
        None
    }

    /// The article's visible titles: its `<h1>`s, or without one the blog's post titles.
    fn visible_titles(&self) -> &[String] {
        if self.h1.is_empty() {
            &self.post_titles
        } else {
            &self.h1
        }
    }

    /// The headline cascade, keeping a kicker the chosen title starts with.
    fn headline_with_kicker(&self, outlet: Option<&str>, host: Option<&str>) -> Option<String> {
        let site: Vec<&str> =
            outlet.into_iter().chain(host).chain(self.site_titles.iter().map(String::as_str)).collect();
        let strip = |t: &str| strip_site_names(t, &site);
        let candidates = [&self.ld.headline, &self.og_title, &self.twitter_title, &self.meta_title];
        let meta = candidates.into_iter().flatten().map(|t| strip(t)).find(|t| !t.is_empty());
        let Some(mut meta) = meta else {
            return self.headline_from_title(&site);
        };
        // Another metadata title that is this one without a suffix ("Headline-정치ㅣ한국일보"
        // beside name=title "Headline") shows where the site's part begins.
        let shorter = [&self.ld.headline, &self.og_title, &self.twitter_title, &self.meta_title, &self.title]
            .into_iter()
            .flatten()
            .filter(|t| t.chars().count() >= 8 && t.len() < meta.len())
            .filter(|t| {
                meta.strip_prefix(t.as_str()).is_some_and(|rest| {
                    rest.trim_start().starts_with(['-', '|', 'ㅣ', '｜', '–', '—', '·', '_', '«', '»'])
                })
            })
            .max_by_key(|t| t.len());
        if let Some(t) = shorter {
            meta = t.clone();
        }
        // A metadata title that stops where another title goes on with a quotation mark was
        // cut at an unescaped `"` in its attribute (`content="… de "incapacitado""`).
        let quoted = [&self.title, &self.ld.headline, &self.og_title, &self.twitter_title]
            .into_iter()
            .flatten()
            .find(|t| {
                t.strip_prefix(meta.trim_end())
                    .is_some_and(|rest| rest.trim_start().starts_with(['"', '“', '„', '”']))
            });
        if let Some(t) = quoted {
            meta = strip(t);
        }
        // Without any <h1>, two titles that put different labels before a colon and agree
        // after it ("Industriell Revolutioniert?: Anno 1800 Beta" beside "next2games |
        // Vorschauen: Anno 1800 Beta"): the labels are a teaser line and a section, the part
        // both give is the headline.
        if self.visible_titles().is_empty() {
            if let Some(tail) = shared_colon_tail(&meta, &self.titles_but(&meta)) {
                meta = tail;
            }
        }
        // Without any <h1>, an <h2>/<h3> that is one part of the metadata title is the post's
        // title, the other parts a blog name the page does not state elsewhere.
        if self.visible_titles().is_empty() {
            let parts = title_parts(&meta);
            let named = self
                .sub_heads
                .iter()
                .filter(|h| {
                    parts.len() >= 2 && parts.iter().any(|p| norm(p) == norm(h) && norm(p).len() >= 8)
                })
                .max_by_key(|h| h.chars().count());
            if let Some(h) = named {
                return Some(h.clone());
            }
            // Likewise a first heading that is the metadata title without a bracketed note
            // at its end ("Der historische Purzelbaum (2021/5)"): an issue or series number.
            let bare = meta
                .trim_end()
                .strip_suffix(')')
                .and_then(|m| m.rsplit_once(" ("))
                .map(|(head, _)| norm(head))
                .filter(|k| k.contains(' '));
            if let Some(k) = bare {
                if let Some(h) = self.sub_heads.iter().take(3).find(|h| norm(h) == k) {
                    return Some(h.clone());
                }
            }
        }
        // A JSON-LD headline other than the <h1> that the page repeats in one of its first
        // <h2>/<h3>s is the article's headline stated twice; the <h1> is a search-engine or
        // social-media rewording set above it ("Streit um Klöckner eskaliert: …" over
        // "Grünen-Spitze gegen Klöckner: …"). An <h1> holding the JSON-LD headline whole
        // is its longer form and stays.
        if let (Some(ld), Some(h)) = (self.ld.headline.as_deref().map(&strip), self.h1.first()) {
            let (k, hk) = (norm(&ld), norm(h));
            let repeated = self.sub_heads.iter().take(3).any(|s| norm(s) == k);
            if repeated && k.split(' ').count() >= 3 && hk != k && !hk.contains(&k) {
                return Some(ld);
            }
        }
        // Any metadata title a heading shows under a kicker run in without a colon.
        if let Some(t) = self.metadata_title_in_heading(&strip) {
            return Some(t);
        }
        // Likewise a post title the page marks (`itemprop=headline`, `entry-title`) apart from
        // its <h1> and that a metadata title states: the <h1> is a section or blog name.
        if let (Some(p), Some(h)) = (self.post_titles.first(), self.h1.first()) {
            let (pk, hk) = (norm(p), norm(h));
            let titles =
                [&self.ld.headline, &self.og_title, &self.twitter_title, &self.meta_title, &self.title];
            let stated = titles.into_iter().flatten().any(|t| norm(&strip(t)) == pk);
            if stated && pk.split(' ').count() >= 3 && pk != hk && !hk.contains(&pk) {
                return Some(p.clone());
            }
        }
        if let Some(h) = self.heading_before_title_part(&meta) {
            return Some(h);
        }
        // An <h1> written exactly as one of the metadata titles is the headline both the page
        // and its metadata state (the first metadata title may be an SEO rewording).
        let metas: Vec<String> = candidates.into_iter().flatten().map(|t| norm(&strip(t))).collect();
        let agreed = self.visible_titles().first().filter(|h| {
            let k = norm(h);
            k.chars().count() >= 8 && metas.contains(&k)
        });
        if let Some(h) = agreed {
            return Some(h.clone());
        }
        // The visible <h1> is the headline as readers see it; metadata titles often carry a
        // kicker, a site name or an SEO rewording. Take the <h1> that shares most words with
        // the metadata title, when it shares at least half of them.
        // An <h1> that is (part of) the site's name ("WordPress.com" on "The WordPress.com
        // Blog") shares words with a title naming the site but is no headline.
        let single = self.visible_titles().len() < 2;
        let best = self
            .visible_titles()
            .iter()
            .take(8)
            .filter(|h| !is_site_name(h, &site))
            .map(|h| (overlap(&meta, h), h))
            // Where the page has several <h1>s, one shared word ("Montauk", "Korsetts") is a
            // topic its headings share, not the same headline.
            .filter(|(o, h)| *o >= 0.5 && h.chars().count() >= 8 && (single || shared_words(&meta, h) >= 2))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        match best {
            // An <h1> holding the whole metadata title and more carries a kicker
            // ("Corona-Pandemie - „…“"): the metadata title is the headline itself.
            Some((_, h)) if norm(h).len() > norm(&meta).len() && norm(h).contains(&norm(&meta)) => {
                // …unless the metadata title was cut short ("… for Hong Kong leader...") or
                // stops where the <h1> goes on after a colon or slash ("Lemon cake: simply
                // delicious!" beside "Lemon cake | Site"): then the <h1> is the whole headline.
                if is_truncated(&meta) || continues_after_punctuation(h, &meta) {
                    Some(h.clone())
                } else {
                    Some(meta)
                }
            }
            Some((_, h)) => Some(h.clone()),
            None => Some(self.distinct_h1(&meta, &site).unwrap_or(meta)),
        }
    }

    /// A metadata title other than the `<h1>` that one of the page's first `<h2>`/`<h3>`s
    /// states, whole or after a kicker it runs in ("Neue Leipziger Schule Judy Lybke, …"
    /// beside og:title "Judy Lybke, …"): the headline as the article shows it, the `<h1>` a
    /// rewording or its kicker form. Of several such titles the shortest, the one without
    /// the kicker, is the headline.
    fn metadata_title_in_heading(&self, strip: &dyn Fn(&str) -> String) -> Option<String> {
        let h1 = self.h1.first().map(|h| norm(h)).unwrap_or_default();
        let titles = [&self.ld.headline, &self.og_title, &self.twitter_title, &self.meta_title];
        titles
            .into_iter()
            .flatten()
            .map(|t| strip(t))
            .filter(|t| {
                let k = norm(t);
                if k.split(' ').count() < 3 || k == h1 {
                    return false;
                }
                // An <h1> holding the title whole and going on is its longer form; one ending
                // in it is the title under its kicker.
                if h1.contains(&k) && !h1.ends_with(&k) {
                    return false;
                }
                // The heading runs a kicker into the title without a colon: the kicker
                // stands before the title ("Kicker Title" beside "Title"), or where the title
                // writes "Kicker: Title" the heading drops the colon. Stated as is (colons
                // and all), a heading is often another article's teaser.
                let colons = |x: &str| x.matches(':').count();
                self.sub_heads.iter().take(3).any(|s| {
                    let sk = norm(s);
                    let run_in = sk.strip_suffix(&k).is_some_and(|pre| pre.ends_with(' '));
                    (run_in && colons(s) <= colons(t)) || (sk == k && colons(s) < colons(t))
                })
            })
            .min_by_key(|t| t.chars().count())
    }

    /// One of the page's first `<h2>`/`<h3>`s that the metadata title puts before a separator,
    /// when what follows it is the page's other heading: the `<h1>` ("Update: POI im
    /// Routenplaner" in "Karten mit mehr Infos - Update: POI im Routenplaner") or the next
    /// `<h2>` (a subtitle). The metadata joins headline and second line; the `<h1>` is then a
    /// section, kicker or short form, and the heading the metadata names first is the headline.
    fn heading_before_title_part(&self, meta: &str) -> Option<String> {
        let heads = || self.sub_heads.iter().take(3);
        let h1 = self.h1.first().map(|h| norm(h)).unwrap_or_default();
        for sep in TITLE_SEPARATORS {
            for (pos, _) in meta.match_indices(sep) {
                let (first, rest) = (norm(&meta[..pos]), norm(&meta[pos + sep.len()..]));
                // A section name before the headline ("Lokales Hamburg - <h1>") may be a
                // heading too, but it is shorter than what follows it.
                let words = |k: &str| k.split(' ').count();
                if words(&first) < 2 || rest.is_empty() || first == h1 || words(&first) < words(&rest) {
                    continue;
                }
                let Some(head) = heads().find(|s| norm(s) == first) else {
                    continue;
                };
                if rest == h1 || heads().any(|s| norm(s) == rest) {
                    return Some(head.clone());
                }
            }
        }
        None
    }

    /// The page's metadata titles and `<title>` other than `meta`.
    fn titles_but(&self, meta: &str) -> Vec<String> {
        [&self.ld.headline, &self.og_title, &self.twitter_title, &self.meta_title, &self.title]
            .into_iter()
            .flatten()
            .filter(|t| norm(t) != norm(meta))
            .cloned()
            .collect()
    }

    /// The page's own `<h1>` when it shares no words with the metadata title: product and
    /// service pages give their metadata an SEO title ("About Us", "Privatkredit-Zinsen: So
    /// ermitteln Sie Ihre Kosten") and show readers another. Only a first `<h1>` of a few, of
    /// three words or more and not the site's name, counts: single words and long lists of
    /// `<h1>`s are navigation ("Navigation", "Partner", teaser titles).
    fn distinct_h1(&self, meta: &str, site: &[&str]) -> Option<String> {
        if self.h1.len() > 4 {
            return None;
        }
        let h = self.h1.first()?;
        let (k, m) = (norm(h), norm(meta));
        // An <h1> ending in the page's <title> carries a kicker line before it: the <title>.
        let title = self.title.as_deref().map(|t| strip_site_names(t, site)).unwrap_or_default();
        let tk = norm(&title);
        if tk.split(' ').count() >= 3 && k.len() > tk.len() && k.ends_with(&tk) && !m.contains(&tk) {
            return Some(title);
        }
        let words = k.split(' ').filter(|w| !w.is_empty()).count();
        let related = k.contains(&m) || m.contains(&k);
        let names_site = site.iter().any(|s| {
            let s = squash(s);
            s.len() >= 4 && squash(h).contains(&s)
        });
        // A teaser cut short ("Wann, wenn nicht jetzt...") introduces the text, it is no title.
        (words >= 3 && !related && !names_site && !is_site_name(h, site) && !is_truncated(h))
            .then(|| h.clone())
    }

    /// The headline of a page without metadata titles, from its `<title>` and `<h1>`s.
    fn headline_from_title(&self, site: &[&str]) -> Option<String> {
        let title = self.title.as_deref().map(|t| strip_site_names(t, site)).filter(|t| !t.is_empty());
        let Some(title) = title else {
            return self.visible_titles().first().cloned();
        };
        let parts = title_parts(&title);
        let title_key = norm(&title);
        // An <h1> the <title> repeats (whole or as one of its parts) is the article's.
        let is_named = |h: &&String| {
            let k = norm(h);
            !k.is_empty() && (k == title_key || parts.iter().any(|p| norm(p) == k))
        };
        let named = self.visible_titles().iter().take(12).filter(is_named).max_by_key(|h| h.chars().count());
        // Without any <h1> or post title, and no heading the <title> repeats: a heading that
        // holds every word of the title (or of one of its parts) and more is the article's
        // full title, the <title> its short form ("Ausbildung" -> "Bootsdienst Ausbildung").
        if self.visible_titles().is_empty() && !self.sub_heads.iter().take(12).any(|s| is_named(&s)) {
            let words = |t: &str| {
                norm(t).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect::<Vec<_>>()
            };
            let keys: Vec<Vec<String>> = std::iter::once(title.as_str())
                .chain(parts.iter().map(String::as_str))
                .map(words)
                .filter(|w| w.concat().chars().count() >= 4)
                .collect();
            let fuller = self.sub_heads.iter().take(8).find(|s| {
                let sw = words(s);
                keys.iter().any(|k| sw.len() > k.len() && k.iter().all(|w| sw.contains(w)))
            });
            if let Some(s) = fuller {
                return Some(s.clone());
            }
        }
        // A blog sets its name in an <h1> and the post's title in an <h2>/<h3>; its <title>
        // holds both ("Post title | Blog name"). An <h1> that is only one part of the title,
        // beside a heading that is another part, is the blog's name; and without any <h1> the
        // heading the title repeats is the post's.
        let sub_named = self
            .sub_heads
            .iter()
            .take(12)
            .filter(is_named)
            .filter(|s| named.is_none_or(|h| norm(h) != norm(s)))
            .max_by_key(|h| h.chars().count());
        let h1_is_part = named.is_some_and(|h| norm(h) != title_key);
        let named = match sub_named {
            Some(s) if self.h1.is_empty() || h1_is_part => Some(s),
            _ => named,
        };
        // An <h1> that is the <title>'s end part beside a heading that is the rest of it
        // ("Offshore wind – clean power | Offshore Wind Foundation") is the site's name.
        if let Some(h) = named.filter(|h| h1_is_part && title_key.ends_with(&norm(h))) {
            let rest = norm(&strip_site_name(&title, Some(h)));
            let heading = self.post_titles.iter().chain(self.sub_heads.iter().take(12)).find(|s| {
                let k = norm(s);
                k != norm(h) && k == rest && rest != title_key
            });
            if let Some(s) = heading {
                return Some(s.clone());
            }
        }
        if let Some(h) = named {
            if parts.len() < 2 || norm(h).len() * 3 >= title_key.len() / parts.len() {
                return Some(h.clone());
            }
        }
        // A <title> that is, whole, one of the page's <h2>/<h3>s names the article's heading
        // where no <h1> is named: the <h1>s are the site's or teasers ("L-Mag").
        if named.is_none() {
            let sub =
                self.sub_heads.iter().take(12).find(|s| norm(s) == title_key && title_key.contains(' '));
            if let Some(s) = sub {
                return Some(s.clone());
            }
        }
        // An <h1> the <title> does not name is still the visible headline (titles are often
        // the site's SEO text), unless the title names another <h1>, or the page has many
        // <h1>s (teasers, one per language or per item) none of which the title names.
        if self.h1.len() > 4 {
            return Some(title);
        }
        self.visible_titles().first().cloned().or(Some(title))
    }
}

/// Cuts an outlet's name off a title: "Headline | The Outlet", "The Outlet - Headline",
/// "Headline - outlet.com". Only a part that is the outlet (or its host) is cut.
pub fn strip_site_name(title: &str, outlet: Option<&str>) -> String {
    let title = title.trim();
    // Bare bars last: "NEWS WEB EASY|子どもへの…" writes the separator without spaces.
    let seps = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", "|", "｜"];
    let Some(outlet) = outlet.map(norm).filter(|o| !o.is_empty()) else {
        return title.to_string();
    };
    let outlet_short = outlet.trim_end_matches(" com").replace(' ', "");
    for sep in seps {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let t = norm(tail);
            if !head.trim().is_empty()
                && (t == outlet
                    || t.replace(' ', "") == outlet_short
                    || outlet.contains(&t)
                    || t.contains(&outlet))
            {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            let h = norm(head);
            if !tail.trim().is_empty() && (h == outlet || h.replace(' ', "") == outlet_short) {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Separators between a title's parts ("Headline | Site", "Site » Blog » Headline").
const TITLE_SEPARATORS: &[&str] =
    &[" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " • ", " : ", " │ "];

/// A title's parts between separators, in order.
fn title_parts(title: &str) -> Vec<String> {
    let mut parts = vec![title.to_string()];
    for sep in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>()).collect();
    }
    parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// Cuts every site name in `site` (outlet, host, site-title `<h1>`s) off a title's ends:
/// "Headline | Site", "Site » Headline", "Headline - lastampa.it" ("La Stampa").
pub fn strip_site_names(title: &str, site: &[&str]) -> String {
    let mut t = title.trim().to_string();
    for _ in 0..3 {
        let before = t.clone();
        for name in site {
            t = strip_site_name(&t, Some(name));
        }
        // A last part squashing to the host's name ("La Stampa" on lastampa.it).
        for sep in TITLE_SEPARATORS.iter().copied().chain(["-", "_", "|"]) {
            if let Some((head, tail)) = t.rsplit_once(sep) {
                let tail_key = norm(tail).replace(' ', "");
                let squashed = site.iter().any(|s| {
                    let k = norm(s).replace(' ', "");
                    tail_key.len() >= 3
                        && (k == tail_key
                            || k.starts_with(&tail_key)
                                && k[tail_key.len()..].starts_with(|c: char| c.is_alphanumeric())
                                && k.len() - tail_key.len() <= 4)
                });
                if squashed && !head.trim().is_empty() {
                    t = head.trim().to_string();
                }
            }
        }
        if let Some(head) = cjk_site_suffix_cut(&t) {
            t = head;
        }
        // A date set before or after the headline ("23.01.2022 - Headline") is the page's
        // dateline, not part of the title.
        for sep in TITLE_SEPARATORS {
            if let Some((_, tail)) =
                t.split_once(sep).filter(|(h, tl)| is_date_part(h) && !tl.trim().is_empty())
            {
                t = tail.trim().to_string();
            }
            if let Some((head, _)) =
                t.rsplit_once(sep).filter(|(h, tl)| is_date_part(tl) && !h.trim().is_empty())
            {
                t = head.trim().to_string();
            }
        }
        if t == before {
            break;
        }
    }
    t
}

/// The title without a short name in Chinese, Japanese or Korean script that it ends in after
/// a bare `-`, `_` or `|` ("…的城！-新华网"): such titles write the site's name in its own
/// script, which neither the metadata nor the Latin host name spells, so the name cannot be
/// matched; a hyphen or underscore before a last run of two to six such characters, after a
/// headline at least twice as long in the same scripts, is the suffix's separator.
fn cjk_site_suffix_cut(title: &str) -> Option<String> {
    let (head, tail) = title.rsplit_once(['-', '_', '|', '｜'])?;
    let (head, tail) = (head.trim_end(), tail.trim());
    let n = tail.chars().count();
    let head_cjk = head.chars().filter(|c| is_cjk_letter(*c)).count();
    ((2..=6).contains(&n) && tail.chars().all(is_cjk_letter) && head_cjk >= 2 * n && head_cjk >= 6)
        .then(|| head.to_string())
}

/// True for a letter of the Han, kana or Hangul scripts (Korean included: a site name is
/// written in it too; `body.rs` counts words of the scripts written without spaces instead).
fn is_cjk_letter(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// True when a title part is a numeric date and nothing else ("23.01.2022", "2020-01-23").
fn is_date_part(p: &str) -> bool {
    let p = p.trim();
    p.chars().filter(char::is_ascii_digit).count() >= 6
        && p.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-' | ' '))
}

/// A title's words run together, lowercased: "The WordPress.com Blog" -> "thewordpresscomblog".
fn squash(s: &str) -> String {
    norm(s).replace(' ', "")
}

/// True when `h` is one of the site's names or a piece of one ("WordPress.com" of "The
/// WordPress.com Blog", "Daily Planet" of dailyplanet.com).
fn is_site_name(h: &str, site: &[&str]) -> bool {
    let k = squash(h);
    k.chars().count() >= 3 && site.iter().any(|s| squash(s).contains(&k))
}

/// True when `long` is `short` going on after a colon or slash ("Lemon cake: simply
/// delicious!" after "Lemon cake", "Can fish feel pain / suffer?" after "Can fish feel pain?").
fn continues_after_punctuation(long: &str, short: &str) -> bool {
    let short = short.trim().trim_end_matches(['?', '!', '.']).trim_end();
    !short.is_empty()
        && long.trim().strip_prefix(short).is_some_and(|rest| rest.trim_start().starts_with([':', '/']))
}

/// The part after `meta`'s last colon when another title ends in it after a colon too, the
/// two putting labels before it that share no word ("Teaser?: Headline", "Site | Section:
/// Headline"). Fewer than three words after the colon are too few to tell.
fn shared_colon_tail(meta: &str, others: &[String]) -> Option<String> {
    let (pre, tail) = meta.rsplit_once(':')?;
    let (tail, tk) = (tail.trim(), norm(tail));
    if tk.split(' ').count() < 3 {
        return None;
    }
    let label = |p: &str| title_parts(p).last().map(|l| norm(l)).unwrap_or_default();
    let own = label(pre);
    others.iter().find_map(|o| {
        let (opre, otail) = o.rsplit_once(':')?;
        let other = label(opre);
        let disjoint =
            !own.is_empty() && !other.is_empty() && own.split(' ').all(|w| !other.split(' ').any(|v| v == w));
        (norm(otail) == tk && disjoint).then(|| tail.to_string())
    })
}

/// True when a title ends in an ellipsis: a teaser form cut short.
fn is_truncated(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with("...") || t.ends_with('…')
}

/// How many distinct words of `a` that `b` has too.
fn shared_words(a: &str, b: &str) -> usize {
    let (a, b) = (norm(a), norm(b));
    let wb: Vec<&str> = b.split(' ').collect();
    let mut seen: Vec<&str> = Vec::new();
    for w in a.split(' ').filter(|w| !w.is_empty() && wb.contains(w)) {
        if !seen.contains(&w) {
            seen.push(w);
        }
    }
    seen.len()
}

/// Share of the shorter title's words that the other title has too.
fn overlap(a: &str, b: &str) -> f64 {
    let (a, b) = (norm(a), norm(b));
    let wa: Vec<&str> = a.split(' ').filter(|w| !w.is_empty()).collect();
    let wb: Vec<&str> = b.split(' ').filter(|w| !w.is_empty()).collect();
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    if short.is_empty() {
        return 0.0;
    }
    short.iter().filter(|w| long.contains(w)).count() as f64 / short.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::html::meta::gather;
    use trafilatura::dom::Document;

    #[test]
    fn site_names_are_cut() {
        let cases = [
            ("Storm hits coast | The Daily Planet", Some("The Daily Planet"), "Storm hits coast"),
            ("The Daily Planet - Storm hits coast", Some("The Daily Planet"), "Storm hits coast"),
            ("Storm hits coast - dailyplanet.com", Some("dailyplanet.com"), "Storm hits coast"),
            ("Storm hits coast - and more", Some("The Daily Planet"), "Storm hits coast - and more"),
            ("Storm hits coast", None, "Storm hits coast"),
            // A bare bar, without spaces.
            (
                "NEWS WEB EASY|子どもへの体罰を禁止する法律ができる",
                Some("NEWS WEB EASY"),
                "子どもへの体罰を禁止する法律ができる",
            ),
        ];
        for (title, outlet, want) in cases {
            assert_eq!(strip_site_name(title, outlet), want, "{title}");
        }
    }

    #[test]
    fn date_parts_are_cut() {
        let cases = [
            ("23.01.2022 - Wierer darf noch jubeln - Biathlon Antholz", "Wierer darf noch jubeln"),
            ("Ziele, Chancen, Risiken | DW | 28.04.2023", "Ziele, Chancen, Risiken"),
            // A number inside the headline, or a short one, stays.
            ("30.11. | Buch der Woche", "30.11. | Buch der Woche"),
            ("Teil 49 - 1931 bis 1945", "Teil 49 - 1931 bis 1945"),
        ];
        for (title, want) in cases {
            assert_eq!(strip_site_names(title, &["biathlon-antholz.it", "DW"]), want, "{title}");
        }
    }

    #[test]
    fn cjk_site_names_after_a_bare_separator_are_cut() {
        let cases = [
            ("春天的花园里开满了美丽的花朵！-示例网", "春天的花园里开满了美丽的花朵！"),
            ("春天的花园里开满了美丽的花朵_示例日报", "春天的花园里开满了美丽的花朵"),
            // A short title is no headline with a suffix; a Latin or numeric tail stays.
            ("花朵_示例百科", "花朵_示例百科"),
            ("春天的花园里开满了美丽的花朵-2024", "春天的花园里开满了美丽的花朵-2024"),
            ("Storm hits coast-Today", "Storm hits coast-Today"),
        ];
        for (title, want) in cases {
            assert_eq!(strip_site_names(title, &[]), want, "{title}");
        }
    }

    #[test]
    fn kicker_run_into_the_h1_that_metadata_sets_apart_with_a_dash() {
        // (metadata title, h1, want)
        let cases = [
            (
                "Olympische Spiele in Paris - Getränke per Schiff ins Stadtzentrum",
                "Olympische Spiele in Paris Getränke per Schiff ins Stadtzentrum",
                "Getränke per Schiff ins Stadtzentrum",
            ),
            // The title gives the headline's short form after the kicker.
            (
                "Initiative EnergieEffizienz - kostenloser Stromcheck | Ökologisch Bauen",
                "Initiative EnergieEffizienz Kostenloser Stromcheck für private Haushalte",
                "Kostenloser Stromcheck für private Haushalte",
            ),
            // …of two words or more: one shared word is no short form.
            (
                "Bündnis Klima - Kostenloser Check | Ökologisch Bauen",
                "Bündnis Klima Kostenloser Stromcheck für private Haushalte",
                "Bündnis Klima Kostenloser Stromcheck für private Haushalte",
            ),
            // A colon may belong to the headline: the <h1> stays.
            (
                "Ausschuss zur Ahrtal-Flut: Zwei Rücktritte - und viele offene Fragen",
                "Ausschuss zur Ahrtal-Flut Zwei Rücktritte - und viele offene Fragen",
                "Ausschuss zur Ahrtal-Flut Zwei Rücktritte - und viele offene Fragen",
            ),
            // The <h1> writes the dash too: nothing is cut.
            (
                "Habeck in München - Windkraft geht nur ohne 10H",
                "Habeck in München – Windkraft geht nur ohne 10H",
                "Habeck in München – Windkraft geht nur ohne 10H",
            ),
        ];
        for (meta, h1, want) in cases {
            let s = Signals { og_title: Some(meta.into()), h1: vec![h1.into()], ..Signals::default() };
            assert_eq!(s.headline(None, None).as_deref(), Some(want), "{meta}");
        }
    }

    #[test]
    fn headline_without_metadata_titles() {
        // (title, h1s, site-title h1s, want)
        let cases: &[(&str, &[&str], &[&str], &str)] = &[
            // The <h1> the <title> repeats beats an earlier, site-wide one.
            ("Vegetarisch leben | Ethify", &["Ethify", "Vegetarisch leben"], &[], "Vegetarisch leben"),
            // A logo <h1> is the site, not the article.
            ("seelenradio » Nummer zwei: Leo", &[], &["seelenradio"], "Nummer zwei: Leo"),
            // Without an <h1>, the title without its host-named suffix.
            ("Perturbazione polare al Centro - La Stampa", &[], &[], "Perturbazione polare al Centro"),
            // An <h1> the title does not name is still the visible headline.
            ("Blockhaus Typ 3 in Ludorf | Urlauber", &["Blockhaus 3"], &[], "Blockhaus 3"),
            // …but of many <h1>s none of which the title names, none is the headline.
            (
                "pix-bavaria",
                &[
                    "Boarische Buidl",
                    "Bilder aus Bayern",
                    "Bavarian pictures",
                    "Imágenes de Baviera",
                    "Photos de Bavière",
                ],
                &[],
                "pix-bavaria",
            ),
        ];
        for (title, h1, site_h1, want) in cases {
            let s = Signals {
                title: Some(title.to_string()),
                h1: h1.iter().map(|h| h.to_string()).collect(),
                site_titles: site_h1.iter().map(|h| h.to_string()).collect(),
                ..Signals::default()
            };
            assert_eq!(s.headline(None, Some("lastampa.it")).as_deref(), Some(*want), "{title}");
        }
    }

    #[test]
    fn blog_name_in_h1_post_title_in_h2() {
        // (title, h1s, h2/h3s, want)
        let cases: &[(&str, &[&str], &[&str], &str)] = &[
            // The <h1> is one part of the title, an <h2> the other: the <h1> is the blog.
            (
                "Rain in the valley | Tom's Notes",
                &["Tom's Notes"],
                &["Rain in the valley", "Archive"],
                "Rain in the valley",
            ),
            (
                "Tom's Notes » Archive » Rain in the valley",
                &["Tom's Notes"],
                &["Rain in the valley"],
                "Rain in the valley",
            ),
            // An <h1> that is the whole title stays, whatever the <h2>s say.
            ("Rain in the valley", &["Rain in the valley"], &["Rain"], "Rain in the valley"),
            // The whole <title> is an <h2>, the <h1> is not named by it: the <h2>.
            (
                "Gedenktag: Erinnerung mit Stolpersteinen",
                &["L-Mag"],
                &["Mehr", "Gedenktag: Erinnerung mit Stolpersteinen"],
                "Gedenktag: Erinnerung mit Stolpersteinen",
            ),
            // No <h2> named by the title: the <h1> stays.
            (
                "Rain in the valley | Tom's Notes",
                &["Rain in the valley"],
                &["Comments"],
                "Rain in the valley",
            ),
        ];
        for (title, h1, subs, want) in cases {
            let s = Signals {
                title: Some(title.to_string()),
                h1: h1.iter().map(|h| h.to_string()).collect(),
                sub_heads: subs.iter().map(|h| h.to_string()).collect(),
                ..Signals::default()
            };
            assert_eq!(s.headline(None, None).as_deref(), Some(*want), "{title}");
        }
    }

    #[test]
    fn h1_agreeing_with_a_later_metadata_title() {
        // JSON-LD carries an SEO rewording; og:title and the <h1> agree on the headline.
        let s = Signals {
            ld: super::super::LdArticle {
                headline: Some("Seven surprises after 130 pounds".into()),
                ..Default::default()
            },
            og_title: Some("A woman shares the 7 changes she did not expect after losing weight".into()),
            h1: vec!["A woman shares the 7 changes she did not expect after losing weight".into()],
            ..Signals::default()
        };
        assert_eq!(
            s.headline(None, None).as_deref(),
            Some("A woman shares the 7 changes she did not expect after losing weight")
        );
    }

    #[test]
    fn truncated_metadata_title_gives_way_to_h1() {
        let s = Signals {
            og_title: Some("Leader should read the playbook of Taiwan...".into()),
            h1: vec!["Leader should read the playbook of Taiwan's president".into()],
            ..Signals::default()
        };
        assert_eq!(
            s.headline(None, None).as_deref(),
            Some("Leader should read the playbook of Taiwan's president")
        );
    }

    #[test]
    fn h1_against_metadata_title() {
        // (og:title, h1s, outlet, want)
        let cases: &[(&str, &[&str], &str, &str)] = &[
            // An SEO title sharing no words with the page's one <h1>: the <h1>.
            (
                "About Us - Shabka",
                &["The strategic Think & Do Tank"],
                "Shabka",
                "The strategic Think & Do Tank",
            ),
            (
                "Privatkredit-Zinsen: So ermitteln Sie Ihre Kosten | SMAVA",
                &["Wie hoch sind die Zinsen für einen Privatkredit?"],
                "SMAVA",
                "Wie hoch sind die Zinsen für einen Privatkredit?",
            ),
            // …but not an <h1> of one or two words, nor one of many, nor the site's name.
            (
                "Tag des Zweinutzungshuhns am 22. Januar",
                &["Detailansicht"],
                "Oekolandbau",
                "Tag des Zweinutzungshuhns am 22. Januar",
            ),
            (
                "Las trabas del Congreso | El Mostrador",
                &["El Mostrador, el primer diario digital de Chile."],
                "El Mostrador",
                "Las trabas del Congreso",
            ),
            (
                "Die Möglichkeit nichts zu tun",
                &["Menu", "Unsere Partner im Netz", "Hier Hotels buchen", "Kontakt", "Impressum"],
                "Gnaur",
                "Die Möglichkeit nichts zu tun",
            ),
            // An <h1> that is a piece of the site's name shares words with the title yet
            // is no headline.
            (
                "Want to See a More Diverse WordPress Community? So Do We.",
                &["WordPress.com"],
                "The WordPress.com Blog",
                "Want to See a More Diverse WordPress Community? So Do We.",
            ),
            // The metadata title stops where the <h1> goes on after a colon or slash.
            (
                "Saftiger Zitronenkuchen vom Blech | Backen macht glücklich",
                &["Saftiger Zitronenkuchen vom Blech: einfach köstlich!"],
                "Backen macht glücklich",
                "Saftiger Zitronenkuchen vom Blech: einfach köstlich!",
            ),
            (
                "Können Fische Schmerzen spüren?",
                &["Können Fische Schmerzen spüren / empfinden?"],
                "Angelmagazin",
                "Können Fische Schmerzen spüren / empfinden?",
            ),
            // A kicker before it, or more words without punctuation: the metadata title.
            ("Daten gehackt", &["Interne Unterlagen Daten gehackt"], "Tagesschau", "Daten gehackt"),
        ];
        for (og, h1, outlet, want) in cases {
            let s = Signals {
                og_title: Some(og.to_string()),
                h1: h1.iter().map(|h| h.to_string()).collect(),
                ..Signals::default()
            };
            assert_eq!(s.headline(Some(outlet), None).as_deref(), Some(*want), "{og}");
        }
    }

    #[test]
    fn h1_ending_in_the_title_carries_a_kicker_line() {
        let s = Signals {
            og_title: Some("Medienmitteilungen".into()),
            title: Some("Impfen ist bis Ende Februar noch möglich".into()),
            h1: vec!["Medienmitteilung der Direktion Impfen ist bis Ende Februar noch möglich".into()],
            ..Signals::default()
        };
        assert_eq!(s.headline(None, None).as_deref(), Some("Impfen ist bis Ende Februar noch möglich"));
    }

    #[test]
    fn h1_that_is_the_titles_site_part() {
        // (title, h1, headings, want)
        let cases: &[(&str, &str, &[&str], &str)] = &[
            (
                "Offshore-Windenergie – Sauberer Strom vom Meer | Stiftung OFFSHORE-WINDENERGIE",
                "Stiftung Offshore Windenergie",
                &["Offshore-Windenergie – Sauberer Strom vom Meer", "Windenergie im XXL-Format"],
                "Offshore-Windenergie – Sauberer Strom vom Meer",
            ),
            // The <h1> is the title's first part, the heading its end: the <h1> is the article's.
            (
                "Protokoll der Vorstandssitzung vom 10. Oktober 2019 – TALENT Schweiz",
                "Protokoll der Vorstandssitzung vom 10. Oktober 2019",
                &["TALENT Schweiz"],
                "Protokoll der Vorstandssitzung vom 10. Oktober 2019",
            ),
        ];
        for (title, h1, heads, want) in cases {
            let s = Signals {
                title: Some(title.to_string()),
                h1: vec![h1.to_string()],
                post_titles: heads.iter().map(|h| h.to_string()).collect(),
                ..Signals::default()
            };
            assert_eq!(s.headline(None, None).as_deref(), Some(*want), "{title}");
        }
    }

    #[test]
    fn metadata_title_cut_at_an_unescaped_quote() {
        let s = Signals {
            og_title: Some("Senador califica a Biden de".into()),
            title: Some("Senador califica a Biden de \"incapacitado\" | El Universal".into()),
            ..Signals::default()
        };
        assert_eq!(
            s.headline(Some("El Universal"), None).as_deref(),
            Some("Senador califica a Biden de \"incapacitado\"")
        );
    }

    #[test]
    fn teasers_and_topic_headings_are_not_the_headline() {
        // A teaser <h1> cut short, and a later <h1> sharing only one word with the metadata
        // title: the metadata title.
        let s = Signals {
            og_title: Some("Das vielleicht schönste Ende der Welt: Montauk".into()),
            h1: vec!["Wann, wenn nicht jetzt...".into(), "\"Downtown\" Montauk".into()],
            ..Signals::default()
        };
        assert_eq!(s.headline(None, None).as_deref(), Some("Das vielleicht schönste Ende der Welt: Montauk"));
        // Of several <h1>s, the first one sharing a single word is no more the headline.
        let s = Signals {
            og_title: Some("Korsetts - Shops, Designer, online kaufen".into()),
            h1: vec![
                "Korsetts – Deutschland".into(),
                "Korsetts – Weltweit".into(),
                "Weitere Korsett Artikel".into(),
            ],
            ..Signals::default()
        };
        assert_eq!(s.headline(None, None).as_deref(), Some("Korsetts - Shops, Designer, online kaufen"));
        // A single <h1> may share a single word with it.
        let s = Signals {
            og_title: Some("Nachhaltiger leben".into()),
            h1: vec!["Nachhaltig leben".into()],
            ..Signals::default()
        };
        assert_eq!(s.headline(None, None).as_deref(), Some("Nachhaltig leben"));
    }

    #[test]
    fn json_ld_headline_repeated_in_a_heading() {
        // (ld headline, h1, first headings, want)
        let cases: &[(&str, &str, &[&str], &str)] = &[
            (
                "Grünen-Spitze gegen Klöckner: Nun attackiert auch Lang",
                "Streit um Klöckner eskaliert: Lang nennt sie Polarisierungsunternehmerin",
                &["Grünen-Spitze gegen Klöckner: Nun attackiert auch Lang", "Weitere Videos"],
                "Grünen-Spitze gegen Klöckner: Nun attackiert auch Lang",
            ),
            // Not repeated in a heading: the <h1> both the page and og:title state.
            (
                "Grünen-Spitze gegen Klöckner: Nun attackiert auch Lang",
                "Streit um Klöckner eskaliert: Lang nennt sie Polarisierungsunternehmerin",
                &["Weitere Videos"],
                "Streit um Klöckner eskaliert: Lang nennt sie Polarisierungsunternehmerin",
            ),
            // An <h1> holding the JSON-LD headline whole is its longer form.
            (
                "Ultium Cells erhöht Gigafactory-Kapazität",
                "Ultium Cells erhöht Gigafactory-Kapazität in Tennessee",
                &["Weitere US-Zellprojekte", "Ultium Cells erhöht Gigafactory-Kapazität"],
                "Ultium Cells erhöht Gigafactory-Kapazität in Tennessee",
            ),
        ];
        for (ld, h1, heads, want) in cases {
            let s = Signals {
                ld: super::super::LdArticle { headline: Some(ld.to_string()), ..Default::default() },
                og_title: Some(h1.to_string()),
                h1: vec![h1.to_string()],
                sub_heads: heads.iter().map(|h| h.to_string()).collect(),
                ..Signals::default()
            };
            assert_eq!(s.headline(None, None).as_deref(), Some(*want), "{ld}");
        }
    }

    #[test]
    fn metadata_title_under_a_run_in_kicker_heading() {
        // (ld headline, og:title, meta title, h1, first heading, want)
        let cases: &[(&str, &str, &str, &str, &str, &str)] = &[
            // The heading runs a kicker into og:title: og:title, without the <h1>'s kicker.
            (
                "Neue Schule: Judy Lybke, ganz und gar nicht eigenartig",
                "Judy Lybke, ganz und gar nicht eigenartig",
                "",
                "Neue Schule: Judy Lybke, ganz und gar nicht eigenartig",
                "Neue Schule Judy Lybke, ganz und gar nicht eigenartig",
                "Judy Lybke, ganz und gar nicht eigenartig",
            ),
            // The heading drops the colon of og:title's kicker: og:title as written.
            (
                "Schule mit KI - Kinder lernen schneller",
                "Technik im Klassenzimmer: Schule mit KI – Sie lernen schneller",
                "",
                "Schule mit KI - Kinder lernen schneller",
                "Technik im Klassenzimmer Schule mit KI – Sie lernen schneller",
                "Technik im Klassenzimmer: Schule mit KI – Sie lernen schneller",
            ),
            // Of two titles the heading states, the shorter one without the kicker.
            (
                "Vanlife in Schweden",
                "Vanlife in Schweden: Skandinavien im Wohnmobil erleben",
                "Skandinavien im Wohnmobil erleben",
                "Vanlife in Schweden - Skandinavien im Wohnmobil",
                "Vanlife in Schweden Skandinavien im Wohnmobil erleben",
                "Skandinavien im Wohnmobil erleben",
            ),
            // A kicker the heading binds with a colon stays with the headline: the <h1>.
            (
                "Musik-Stars fordern neues Streaming-Modell",
                "Abrechnung: Musik-Stars fordern neues Streaming-Modell",
                "",
                "Abrechnung: Musik-Stars fordern neues Streaming-Modell",
                "Abrechnung : Musik-Stars fordern neues Streaming-Modell",
                "Abrechnung: Musik-Stars fordern neues Streaming-Modell",
            ),
            // A heading stating a social title as written is a teaser: the <h1>.
            (
                "Peta erstattet Anzeige wegen toten Tauben",
                "Düsseldorf: Tote Tauben im Dome gefunden",
                "",
                "Peta erstattet Anzeige wegen toten Tauben",
                "Düsseldorf: Tote Tauben im Dome gefunden",
                "Peta erstattet Anzeige wegen toten Tauben",
            ),
        ];
        for (ld, og, meta, h1, head, want) in cases {
            let s = Signals {
                ld: super::super::LdArticle { headline: Some(ld.to_string()), ..Default::default() },
                og_title: Some(og.to_string()),
                meta_title: Some(meta.to_string()).filter(|m| !m.is_empty()),
                h1: vec![h1.to_string()],
                sub_heads: vec![head.to_string(), "Weitere Artikel".into()],
                ..Signals::default()
            };
            assert_eq!(s.headline(None, None).as_deref(), Some(*want), "{og}");
        }
    }

    #[test]
    fn heading_the_metadata_title_names_before_another_heading() {
        // (og:title, h1, first headings, want)
        let cases: &[(&str, &str, &[&str], &str)] = &[
            // "Headline - <h1>": the <h1> is a short form, the heading the headline.
            (
                "Karten zeigen jetzt mehr Details - Update: POI im Routenplaner",
                "Update: POI im Routenplaner",
                &["Karten zeigen jetzt mehr Details", "Die wichtigsten Neuerungen"],
                "Karten zeigen jetzt mehr Details",
            ),
            // "Headline - Subtitle", both headings, under a section <h1>.
            (
                "01.12. | Platte der Woche - Jana Beispiel • Stille Wasser",
                "Musik",
                &["01.12. | Platte der Woche", "Jana Beispiel • Stille Wasser"],
                "01.12. | Platte der Woche",
            ),
            // A section heading before the <h1>'s headline is shorter than it: the <h1>.
            (
                "Lokales Umland - Neue Brücke über den Fluss wird im Mai eröffnet",
                "Neue Brücke über den Fluss wird im Mai eröffnet",
                &["Lokales Umland", "Mehr aus der Region"],
                "Neue Brücke über den Fluss wird im Mai eröffnet",
            ),
            // What follows is neither the <h1> nor a heading: the metadata title stays.
            (
                "Karten zeigen jetzt mehr Details - und viel mehr",
                "Musik",
                &["Karten zeigen jetzt mehr Details"],
                "Karten zeigen jetzt mehr Details - und viel mehr",
            ),
        ];
        for (og, h1, heads, want) in cases {
            let s = Signals {
                og_title: Some(og.to_string()),
                h1: vec![h1.to_string()],
                sub_heads: heads.iter().map(|h| h.to_string()).collect(),
                ..Signals::default()
            };
            assert_eq!(s.headline(None, None).as_deref(), Some(*want), "{og}");
        }
    }

    #[test]
    fn titles_agreeing_after_different_labels() {
        // (og:title, title, h1s, want)
        let cases: &[(&str, &str, &[&str], &str)] = &[
            (
                "Industriell Revolutioniert?: Anno 1800 Beta",
                "next2games | Vorschauen: Anno 1800 Beta",
                &[],
                "Anno 1800 Beta",
            ),
            // Labels sharing a word are the same kicker written twice: og:title as it is.
            (
                "Rapids: Barisic ist geschlaucht vom Spiel",
                "Rapids Barisic: Barisic ist geschlaucht vom Spiel",
                &[],
                "Rapids: Barisic ist geschlaucht vom Spiel",
            ),
            // With an <h1>, the <h1>.
            (
                "Industriell Revolutioniert?: Anno 1800 Beta",
                "next2games | Vorschauen: Anno 1800 Beta",
                &["Industriell Revolutioniert?: Anno 1800 Beta"],
                "Industriell Revolutioniert?: Anno 1800 Beta",
            ),
        ];
        for (og, title, h1, want) in cases {
            let s = Signals {
                og_title: Some(og.to_string()),
                title: Some(title.to_string()),
                h1: h1.iter().map(|h| h.to_string()).collect(),
                ..Signals::default()
            };
            assert_eq!(s.headline(None, None).as_deref(), Some(*want), "{og}");
        }
    }

    #[test]
    fn heading_holding_the_short_title() {
        // (title, headings, want): no <h1>, no metadata titles.
        let cases: &[(&str, &[&str], &str)] = &[
            ("Feuerwehr Oldenburg - Ausbildung", &["Bootsdienst Ausbildung"], "Bootsdienst Ausbildung"),
            (
                "Neubau Werkstattgebäude - Neubau WSL Birmensdorf",
                &["Hauptnavigation", "Projektwettbewerb Neubau Werkstattgebäude WSL Birmensdorf"],
                "Projektwettbewerb Neubau Werkstattgebäude WSL Birmensdorf",
            ),
            // A heading the title repeats exactly keeps the title, whatever others hold.
            ("Baumgutachten", &["Baumgutachten", "Baumgutachten: wann und wie?"], "Baumgutachten"),
        ];
        for (title, heads, want) in cases {
            let s = Signals {
                title: Some(title.to_string()),
                sub_heads: heads.iter().map(|h| h.to_string()).collect(),
                ..Signals::default()
            };
            assert_eq!(s.headline(None, None).as_deref(), Some(*want), "{title}");
        }
    }

    #[test]
    fn marked_post_title_that_metadata_states() {
        let s = Signals {
            ld: super::super::LdArticle {
                headline: Some("Deutschland und Frankreich: Der enge Partner wird zum Fremden".into()),
                ..Default::default()
            },
            twitter_title: Some("Deutschland, Frankreich und die Rückkehr der Ressentiments".into()),
            h1: vec!["Corona: Report von der deutsch-französischen Grenze".into()],
            post_titles: vec!["Deutschland, Frankreich und die Rückkehr der Ressentiments".into()],
            ..Signals::default()
        };
        assert_eq!(
            s.headline(None, None).as_deref(),
            Some("Deutschland, Frankreich und die Rückkehr der Ressentiments")
        );
        // A post title no metadata title states leaves the <h1>.
        let s = Signals {
            og_title: Some("Corona: Report von der deutsch-französischen Grenze".into()),
            h1: vec!["Corona: Report von der deutsch-französischen Grenze".into()],
            post_titles: vec!["Weitere Artikel aus der Region".into()],
            ..Signals::default()
        };
        assert_eq!(
            s.headline(None, None).as_deref(),
            Some("Corona: Report von der deutsch-französischen Grenze")
        );
    }

    #[test]
    fn blog_titles_without_h1() {
        // (page, want): the post title in an <h2> the <title> repeats, an entry-title <h3>,
        // an <h2> that is one part of og:title; a sidebar heading is not taken.
        let cases = [
            (
                r#"<title>Alles neu im Mai | Bibliothek und mehr</title><body><aside><h2>Bibliothek und mehr</h2></aside>
                <h2><a href="/2014/05/mai/">Alles neu im Mai</a></h2><p>Text</p></body>"#,
                "Alles neu im Mai",
            ),
            (
                r#"<title>Krimiblog</title><body><h3 class="entry-title">Das schönste Video der Welt</h3></body>"#,
                "Das schönste Video der Welt",
            ),
            (
                r#"<meta property="og:title" content="Jane's Home | Reflections on Python 3"><body>
                <h2>Reflections on Python 3</h2></body>"#,
                "Reflections on Python 3",
            ),
        ];
        let cases = cases.into_iter().chain([
            // An <h2> that is og:title without its bracketed issue number.
            (
                r#"<meta property="og:title" content="Der historische Purzelbaum (2021/5)"><body>
                <h2>Der historische Purzelbaum</h2><h2>Kunst und Essen in Leipzig</h2></body>"#,
                "Der historische Purzelbaum",
            ),
            // A heading writing the note too keeps it.
            (
                r#"<meta property="og:title" content="Geister und Spuk (#5)"><body>
                <h2>Geister und Spuk (#5)</h2></body>"#,
                "Geister und Spuk (#5)",
            ),
        ]);
        for (page, want) in cases {
            let doc = Document::parse(&format!("<html><head>{page}</html>"));
            let m = gather(&doc).resolve(None, &[], None);
            assert_eq!(m.headline.as_deref(), Some(want), "{page}");
        }
    }

    #[test]
    fn marked_kickers() {
        // (h1 markup, og:title, want)
        let cases = [
            // Kicker run into the headline without punctuation: the headline proper.
            (
                r#"<h1><span class="dachzeile">Interne Unterlagen</span> <span class="headline">Daten gehackt</span></h1>"#,
                "Daten gehackt - Interne Unterlagen",
                "Daten gehackt",
            ),
            // Written "Kicker: Headline" by the metadata: that form, with the hidden colon.
            (
                r#"<h1><span class="x__kicker">Akkutechnik<span class="go-vh">:</span></span> <span>Wie viele Akkus?</span></h1>"#,
                "Akkutechnik: Wie viele Akkus? - Golem",
                "Akkutechnik: Wie viele Akkus?",
            ),
            // Set apart with a dash: a topic line above the headline, not part of it.
            (
                r#"<h1><span class="dachzeile">Corona-Pandemie</span> <span class="headline">„Es kommt darauf an“</span></h1>"#,
                "Corona-Pandemie - „Es kommt darauf an“",
                "„Es kommt darauf an“",
            ),
            // The metadata puts another kicker before the headline than the page shows.
            (
                r#"<h1><span class="dachzeile">Nach Corona-Lockerungen</span> <span class="headline">Autohäuser rechnen mit Flaute</span></h1>"#,
                "Corona-Lockerungen: Autohäuser rechnen mit Flaute",
                "Autohäuser rechnen mit Flaute",
            ),
            // A topic line marked after the headline in the markup: the headline proper.
            (
                r#"<h1><span>Energiewende und nachhaltiges Wirtschaften</span> <small><span class="c-topline__item">, Thema: Forschung</span></small></h1>"#,
                "Energiewende und Wirtschaften",
                "Energiewende und nachhaltiges Wirtschaften",
            ),
            // No kicker marked: the <h1> as it is.
            ("<h1>Covid-19: Was nun?</h1>", "Covid-19: Was nun?", "Covid-19: Was nun?"),
        ];
        for (h1, og, want) in cases {
            let html = format!(
                "<html><head><meta property=\"og:title\" content=\"{og}\"></head><body>{h1}</body></html>"
            );
            let doc = Document::parse(&html);
            let m = gather(&doc).resolve(None, &[], None);
            assert_eq!(m.headline.as_deref(), Some(want), "{h1}");
        }
    }
}
