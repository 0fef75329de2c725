#!/usr/bin/env python3
"""Generate a synthetic news corpus for morgue's benchmark.

Writes N fictional articles into a folder, mostly as JSONL files of 1,000 records, plus single
articles as .txt (front matter or wire layout) and .html (JSON-LD or meta tags only) and a few
JSON array files, so that every parser is exercised. The output is deterministic for a given
--n and --seed: the same command always writes the same bytes.

Python 3 standard library only. Usage:

    python3 bench/gen_corpus.py --n 100000 --out /tmp/corpus [--seed 42] [--manifest FILE]

The summary (counts per format, dated/undated, per-year counts) is printed as JSON on stdout and,
with --manifest, written to FILE (keep FILE outside --out: it is not an article).
"""

import argparse
import datetime as dt
import json
import os
import random
import sys

# Share of articles written as single-article .txt and .html files, and as JSON array records;
# the rest go to JSONL files. Many small files exercise discovery and per-file overhead.
TXT_SHARE = 0.04
HTML_SHARE = 0.02
JSON_ARRAY_SHARE = 0.01
JSONL_RECORDS_PER_FILE = 1000
JSON_ARRAY_RECORDS_PER_FILE = 50
FILES_PER_DIR = 1000  # keeps folders a reasonable size for the single-article files
UNDATED_SHARE = 0.05
SPANISH_SHARE = 0.02
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)

COMMON = """the of and to in a is that for on with as was by at it from be this are have an
has not but had or which their were been they more its after one about two who also would new
year said there other when than some into over last first could will people can what time up
may out only most so week city officials government plan state years under between during while
before against since public three program report policy local national say month department
council first many where support after federal number before still both percent law because early
long part told work across just around million made through another several country early day
former nearly including called expected according agency budget group members residents security
proposal meeting statement decision cost costs plans leaders vote voters question increase order
office rules system data region school change issue series level recent future among however""".split()

TOPICS = {
    "cartels": {
        "weight": 10,
        "sections": ["World", "Politics", "National"],
        "words": """cartels drug cartels fentanyl border military strikes terrorist designation
        organizations sovereignty smuggling trafficking weapons rifles extradition enforcement
        sanctions laboratories precursor chemicals cooperation intervention troops drones
        prosecutors seizures kingpin violence homicide checkpoint""".split(),
        "headlines": [
            "{Org} weighs new steps against drug cartels",
            "Officials in {Place} debate military options against cartels",
            "{Person} warns of fentanyl surge along the border",
            "Terrorist designation for cartels returns to the agenda",
            "Seizures of trafficked rifles rise near {Place}",
        ],
    },
    "heat": {
        "weight": 8,
        "sections": ["Climate", "Local", "Science"],
        "words": """heat wave temperatures cooling centers record humidity drought climate
        resilience shade trees roofs reflective emergency warning grid outages adaptation
        emissions wildfire smoke forecast degrees hottest summer""".split(),
        "headlines": [
            "{Place} opens cooling centers as heat wave builds",
            "Record temperatures strain the power grid in {Place}",
            "{Org} unveils climate resilience plan",
            "Heat emergency declared across {Place}",
            "Why cool roofs are spreading in {Place}",
        ],
    },
    "transit": {
        "weight": 7,
        "sections": ["Transit", "Local", "Business"],
        "words": """light rail transit buses ridership fares stations tunnel bridge construction
        commuters timetable subway tram ferry corridor funding measure tax delays overruns
        electrification depot signals""".split(),
        "headlines": [
            "Light rail line in {Place} faces new delays",
            "{Org} approves fare increase for buses",
            "Commuters in {Place} cheer return of night service",
            "Transit tax measure heads to voters in {Place}",
            "Cost of {Place} tunnel project climbs again",
        ],
    },
    "election": {
        "weight": 8,
        "sections": ["Politics", "Elections"],
        "words": """election ballot ballots candidates campaign turnout primary runoff mayor
        governor senate polls precincts recount debate endorsement incumbent challenger
        referendum districts registration absentee""".split(),
        "headlines": [
            "{Person} leads early count in mayor's race",
            "Turnout surges in {Place} primary",
            "{Org} endorses challenger in governor's race",
            "Recount ordered in close {Place} election",
            "Candidates clash over budget in {Place} debate",
        ],
    },
    "economy": {
        "weight": 8,
        "sections": ["Business", "Economy"],
        "words": """inflation interest rates unemployment wages factories exports tariffs
        markets stocks bonds housing mortgage rents retail earnings growth recession lending
        investment startups layoffs""".split(),
        "headlines": [
            "{Org} raises rates as inflation persists",
            "Factory jobs return to {Place}",
            "Rents climb faster than wages in {Place}",
            "{Person} named chief executive of {Org}",
            "Exporters in {Place} brace for new tariffs",
        ],
    },
    "health": {
        "weight": 6,
        "sections": ["Health", "Science"],
        "words": """hospital vaccine outbreak clinics nurses doctors patients overdose
        treatment insurance pandemic virus infections emergency rooms staffing research trial
        medicine pharmacy prescriptions""".split(),
        "headlines": [
            "Hospitals in {Place} report staffing shortages",
            "{Org} expands vaccine clinics",
            "Overdose deaths fall for the first time in {Place}",
            "New trial results lift hopes at {Org}",
            "{Person} to lead state health department",
        ],
    },
    "sports": {
        "weight": 5,
        "sections": ["Sports"],
        "words": """season championship coach players stadium league tournament goal
        playoffs injury contract draft fans victory defeat title match referee roster
        transfer""".split(),
        "headlines": [
            "{Place} wins championship in overtime",
            "{Person} signs new contract",
            "Stadium plan divides {Place}",
            "{Org} fined over ticket sales",
            "Injury ends season for {Person}",
        ],
    },
}

SPANISH = """el la los las de del que en y a un una por con para se su al lo como más pero sus
le ya o este sí porque esta entre cuando muy sin sobre también gobierno ciudad presidente año
cárteles seguridad frontera elecciones calor transporte economía salud según dijo funcionarios
política medidas acuerdo cooperación soberanía investigación violencia tráfico""".split()

FIRST_NAMES = """Ana Tom Lucia Graham Priya Jonah Marisol Rodrigo Owen Camila Hannah Ruth Gil Dana
Leonard Bernard Sofia Daniel Elena Teresa Arthur Nadia Omar Ingrid Kofi Mei Raul Beatriz Sven
Amara Felix Yusuf Clara Diego Helen Marcus Irene Tariq Lena Pablo Greta Samuel Aisha Victor
Noor Hugo Julia Ren Esther Kenji Maya Andres Olga Luis Fatima Peter Rosa Ivan Chloe""".split()
LAST_NAMES = """Ruiz Becker Ferrer Pellew Natarajan Whitfield Ortega Estrada Taggart Duarte
Lindqvist Castellano Marchetti Okafor Ibsen Ashby Beltran Whitcomb Marquez Alcott Penrose Haddad
Mensah Lindgren Nakamura Osei Varga Moreau Kowalski Fischer Santos Abara Quinlan Delacroix
Brennan Sato Halvorsen Mbeki Navarro Calloway Petrov Lindholm Achebe Romano Fairbanks Iqbal
Herrera Novak Sorensen Tanaka Oyelaran Vance Kaur Dalton Mercado Holt Strand Ferreira Ueda
Galloway Rahman""".split()
ORG_HEADS = """Northern Coastal Federal Regional Metropolitan Hemisphere Continental Valley
Atlantic Pacific Central Harbor Summit Riverside Prairie National Civic Allied""".split()
ORG_NOUNS = """Security Transit Health Energy Grain Water Policy Labor Trade Housing Climate
Justice Finance Research Mining Shipping Media Education""".split()
ORG_TAILS = """Institute Council Authority Commission Bank Alliance Foundation Agency Board
Association Union Partners Group Department Office""".split()
PLACES = """Vellmont Marrow Bay Eastgate Port Alder Cresthaven Brightfield Lowmoor Saltmarsh
Kingsreach Duneport Ashford Falls Redwater Northbridge Harlow Springs Cedar Point Mexico City
Monterrey Tijuana Culiacan Nogales Phoenix El Paso San Diego Houston Washington Chicago Denver
Toronto Madrid Lisbon Berlin Nairobi Lagos Manila Jakarta Sydney Auckland Lima Bogota Santiago
Quito Montevideo Oslo Warsaw Prague Vienna Athens Istanbul Cairo Casablanca Mumbai Dhaka
Seoul Osaka Hanoi""".split()
# Multi-word place names are kept whole by joining the pairs defined here.
PLACE_PAIRS = ["Marrow Bay", "Port Alder", "Ashford Falls", "Harlow Springs", "Cedar Point",
               "Mexico City", "El Paso", "San Diego"]
OUTLETS = [
    "The Daily Compass", "The Harbor Ledger", "The Northfield Courier", "The Vellmont Beacon",
    "Ardent County Times", "Continental Review", "Meridian Policy Review", "La Voz del Valle",
    "The Prairie Sentinel", "Coastline Morning Post", "The Summit Herald", "Riverside Gazette",
    "Metro Evening Standard", "The Lakeshore Record", "Valley Dispatch", "The Granite Observer",
    "Capital Wire Service", "The Atlantic Mirror", "Southern Tribune", "The Civic Chronicle",
    "Eastgate Examiner", "Westbrook Times", "The Morning Lantern", "Global Desk Review",
    "The Border Reporter", "Harlow Springs Journal", "Port Alder Packet", "The Kingsreach Star",
    "Duneport Weekly", "Cresthaven Clarion",
]
PINNED_PERSONS = ["Marisol Ortega", "Priya Natarajan"]
PINNED_ORGS = ["Hemisphere Security Institute"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ROLES = ["a spokeswoman for", "a spokesman for", "an analyst at", "the director of",
         "a researcher at", "a senior official at", "the chair of", "a lawyer for"]


def place_names():
    """Returns the place list with the multi-word names joined."""
    out, words, i = [], PLACES, 0
    while i < len(words):
        pair = f"{words[i]} {words[i + 1]}" if i + 1 < len(words) else ""
        if pair in PLACE_PAIRS:
            out.append(pair)
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


def rare_words(rng, n):
    """Invents n pronounceable rare words, so the term dictionary has a realistic long tail."""
    onsets = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
              "br", "cr", "dr", "gl", "pl", "st", "tr", "sh", "ch", "th"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
    codas = ["", "", "n", "r", "s", "l", "m", "t", "x", "nd", "rk", "st"]
    seen, out = set(), []
    while len(out) < n:
        w = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        w += rng.choice(codas)
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def zipf_cum_weights(n, s=1.05):
    """Cumulative Zipf weights for ranks 1..n, for random.choices."""
    total, out = 0.0, []
    for r in range(1, n + 1):
        total += 1.0 / (r ** s)
        out.append(total)
    return out


class Generator:
    """Holds the vocabularies and the random stream; produces one article dict at a time."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        rng = self.rng
        self.places = place_names()
        self.persons = [f"{f} {l}" for f in FIRST_NAMES for l in LAST_NAMES]
        rng.shuffle(self.persons)
        self.orgs = sorted({f"{h} {n} {t}" for h in ORG_HEADS for n in ORG_NOUNS for t in ORG_TAILS})
        rng.shuffle(self.orgs)
        self.orgs = self.orgs[:400]
        # Names the benchmark queries ask for (person:, org:, place:) get a mid-frequency rank, so
        # those queries always have answers whatever the seed.
        for name in PINNED_PERSONS:
            if name in self.persons:
                self.persons.remove(name)
            self.persons.insert(20, name)
        for name in PINNED_ORGS:
            if name in self.orgs:
                self.orgs.remove(name)
            self.orgs.insert(10, name)
        self.rare = rare_words(rng, 20000)
        self.rare_cum = zipf_cum_weights(len(self.rare))
        self.common_cum = zipf_cum_weights(len(COMMON), 0.9)
        self.person_cum = zipf_cum_weights(len(self.persons), 0.8)
        self.org_cum = zipf_cum_weights(len(self.orgs), 0.8)
        self.place_cum = zipf_cum_weights(len(self.places), 0.7)
        self.topic_names = list(TOPICS)
        self.topic_weights = [TOPICS[t]["weight"] for t in self.topic_names]
        self.day_span = (LAST_DAY - FIRST_DAY).days

    def person(self):
        return self.rng.choices(self.persons, cum_weights=self.person_cum)[0]

    def org(self):
        return self.rng.choices(self.orgs, cum_weights=self.org_cum)[0]

    def place(self):
        return self.rng.choices(self.places, cum_weights=self.place_cum)[0]

    def words(self, topic, k):
        """Draws k words: mostly common ones, then topic words, then the rare tail."""
        rng = self.rng
        common = rng.choices(COMMON, cum_weights=self.common_cum, k=k)
        tw = TOPICS[topic]["words"]
        out = []
        for w in common:
            r = rng.random()
            if r < 0.22:
                out.append(rng.choice(tw))
            elif r < 0.30:
                out.append(rng.choices(self.rare, cum_weights=self.rare_cum)[0])
            else:
                out.append(w)
        return out

    def sentence(self, topic, published):
        rng = self.rng
        kind = rng.random()
        if kind < 0.18:
            quote = " ".join(self.words(topic, rng.randint(8, 16)))
            return f'"{quote.capitalize()}," said {self.person()}, {rng.choice(ROLES)} the {self.org()}.'
        if kind < 0.26 and published is not None:
            return self.dated_sentence(topic, published)
        ws = self.words(topic, rng.randint(10, 22))
        # Sprinkle names into the running text so the entity tagger has work to do.
        if rng.random() < 0.5:
            ws.insert(rng.randrange(len(ws)), f"in {self.place()}")
        if rng.random() < 0.3:
            ws.insert(rng.randrange(len(ws)), f"the {self.org()}")
        s = " ".join(ws)
        return s[0].upper() + s[1:] + "."

    def dated_sentence(self, topic, published):
        """A sentence mentioning a dated event, explicit or relative to the publication date."""
        rng = self.rng
        d = published.date()
        r = rng.random()
        if r < 0.3:
            when = f"In {MONTHS[rng.randrange(12)]} {d.year - rng.randint(0, 5)}"
        elif r < 0.5:
            when = f"In {d.year - rng.randint(1, 10)}"
        elif r < 0.7:
            when = f"On {WEEKDAYS[rng.randrange(7)]}"
        elif r < 0.85:
            when = f"Last {MONTHS[rng.randrange(12)]}"
        else:
            when = f"On {MONTHS[d.month - 1]} {d.day}, {d.year}"
        rest = " ".join(self.words(topic, rng.randint(8, 14)))
        return f"{when}, {self.person()} said the {self.org()} would {rest}."

    def published(self):
        """A publication datetime in 2000-2024 (UTC offset kept), or None for undated."""
        rng = self.rng
        if rng.random() < UNDATED_SHARE:
            return None
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(self.day_span + 1))
        offset = dt.timezone(dt.timedelta(hours=rng.choice([-8, -7, -6, -5, -4, 0, 0, 1, 2])))
        return dt.datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60),
                           rng.randrange(60), tzinfo=offset)

    def article(self, n):
        rng = self.rng
        topic = rng.choices(self.topic_names, weights=self.topic_weights)[0]
        published = self.published()
        spanish = rng.random() < SPANISH_SHARE
        headline = rng.choice(TOPICS[topic]["headlines"]).format(
            Org=self.org(), Place=self.place(), Person=self.person())
        paragraphs = []
        target = rng.randint(150, 350)
        words_so_far = 0
        while words_so_far < target:
            if spanish:
                p = " ".join(rng.choice(SPANISH) for _ in range(rng.randint(25, 60)))
                p = p[0].upper() + p[1:] + f". {self.person()} habló en {self.place()}."
            else:
                p = " ".join(self.sentence(topic, published) for _ in range(rng.randint(2, 4)))
            paragraphs.append(p)
            words_so_far += p.count(" ") + 1
        dateline_place = self.place()
        paragraphs[0] = f"{dateline_place.upper()} — {paragraphs[0]}"
        nauth = rng.choices([0, 1, 2], weights=[5, 80, 15])[0]
        authors = [self.person() for _ in range(nauth)]
        outlet = rng.choice(OUTLETS)
        slug = "-".join(headline.lower().replace("'", "").split()[:6])
        domain = outlet.lower().replace("the ", "").replace(" ", "") + ".example"
        year = published.year if published else "undated"
        return {
            "n": n,
            "topic": topic,
            "headline": headline,
            "authors": authors,
            "published": published,
            "outlet": outlet,
            "domain": domain,
            "section": rng.choice(TOPICS[topic]["sections"]),
            "language": "es" if spanish else "en",
            "url": f"https://{domain}/{year}/{n}/{slug}",
            "paragraphs": paragraphs,
            "dateline_place": dateline_place,
        }


# ---- date renderings: each format writes dates in the forms that format meets in the wild ----

def iso(d):
    return d.isoformat()


def rfc2822(d):
    u = d.astimezone(dt.timezone.utc)
    return f"{WEEKDAYS[u.weekday()][:3]}, {u.day:02d} {MONTHS[u.month - 1][:3]} {u.year} {u:%H:%M:%S} GMT"


def long_date(d):
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def updated_line(d):
    hour = d.hour % 12 or 12
    ampm = "AM" if d.hour < 12 else "PM"
    zone = ZONES.get(int(d.utcoffset().total_seconds() // 3600), "GMT")
    return (f"Updated {hour}:{d.minute:02d} {ampm} {zone}, "
            f"{WEEKDAYS[d.weekday()][:3]} {MONTHS[d.month - 1]} {d.day}, {d.year}")


# Zone abbreviations for the offsets `published` draws, as US and European pages print them.
ZONES = {-8: "PST", -7: "MST", -6: "CST", -5: "EST", -4: "EDT", 0: "GMT", 1: "CET", 2: "EET"}


def byline_text(authors):
    return " and ".join(authors)


# ---- writers ----

def jsonl_record(a, rng):
    """One JSONL record; alternates between news-please keys and simple keys, and date forms."""
    d = a["published"]
    body = "\n\n".join(a["paragraphs"])
    if rng.random() < 0.5:
        date = None
        if d is not None:
            r = rng.random()
            date = (int(d.timestamp()) if r < 0.2
                    else d.strftime("%Y-%m-%d %H:%M:%S") if r < 0.6 else iso(d))
        return {"title": a["headline"], "authors": a["authors"], "publish_date": date,
                "maintext": body, "source_domain": a["domain"], "url": a["url"],
                "language": a["language"]}
    rec = {"title": a["headline"], "author": byline_text(a["authors"]) or None,
           "text": body, "source": a["outlet"], "url": a["url"], "section": a["section"]}
    if d is not None:
        rec["date"] = iso(d) if rng.random() < 0.7 else d.date().isoformat()
    return rec


def txt_article(a, rng):
    d = a["published"]
    body = "\n\n".join(a["paragraphs"])
    if rng.random() < 0.7:
        head = [f"Title: {a['headline']}"]
        if a["authors"]:
            head.append(f"By: {byline_text(a['authors'])}")
        if d is not None:
            head.append("Date: " + (rfc2822(d) if rng.random() < 0.4 else long_date(d)))
        head += [f"Source: {a['outlet']}", f"URL: {a['url']}", f"Section: {a['section']}",
                 f"Language: {a['language']}"]
        tail = rng.choice(["", "", "\n\nRead more: " + a["headline"],
                           "\n\nSign up for our newsletter to get the news every morning.",
                           "\n\nFollow us on social media for updates."])
        return "\n".join(head) + "\n\n" + body + tail + "\n"
    # Wire layout: headline, byline, optional timestamp line, dateline with agency, photo credit.
    lines = [a["headline"]]
    if a["authors"]:
        lines.append("By " + byline_text(a["authors"]))
    if d is not None:
        lines.append(updated_line(d))
    paras = list(a["paragraphs"])
    first = paras[0].split(" — ", 1)[-1]
    if d is not None:
        paras[0] = f"{a['dateline_place'].upper()}, {MONTHS[d.month - 1][:3]}. {d.day} (AP) — {first}"
    else:
        paras[0] = f"{a['dateline_place'].upper()} (AP) — {first}"
    if len(paras) > 2:
        paras.insert(2, f"A view of {a['dateline_place']}. (AP Photo/{a['authors'][0] if a['authors'] else 'Staff'})")
    return "\n".join(lines) + "\n\n" + "\n\n".join(paras) + "\n"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def html_article(a, rng):
    d = a["published"]
    ps = "\n".join(f"<p>{esc(p)}</p>" for p in a["paragraphs"])
    figure = (f'<figure><img src="https://{a["domain"]}/img/{a["n"]}.jpg" alt="">'
              f"<figcaption>A street in {esc(a['dateline_place'])}. "
              f'<span class="credit">{esc(rng.choice(FIRST_NAMES))} {esc(rng.choice(LAST_NAMES))}/{esc(a["outlet"])}</span>'
              "</figcaption></figure>")
    nav = '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/subscribe">Subscribe</a></nav>'
    aside = ('<aside class="related"><h2>Related</h2><ul><li><a href="/a">More coverage</a></li>'
             "</ul></aside>")
    footer = f"<footer>&copy; {esc(a['outlet'])}</footer>"
    if rng.random() < 0.5:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["headline"],
              "author": [{"@type": "Person", "name": n} for n in a["authors"]],
              "publisher": {"@type": "Organization", "name": a["outlet"]},
              "articleSection": a["section"], "inLanguage": a["language"]}
        if d is not None:
            ld["datePublished"] = iso(d)
        head = ('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False)
                .replace("</", "<\\/") + "</script>")
        main = f"<article><h1>{esc(a['headline'])}</h1>{figure}\n{ps}</article>"
    else:
        metas = [f'<meta property="og:title" content="{esc(a["headline"])}">',
                 f'<meta property="og:site_name" content="{esc(a["outlet"])}">',
                 f'<meta property="og:url" content="{esc(a["url"])}">']
        if d is not None:
            metas.append(f'<meta property="article:published_time" content="{iso(d)}">')
        if a["authors"]:
            metas.append(f'<meta name="author" content="{esc(byline_text(a["authors"]))}">')
        head = "\n".join(metas)
        main = f'<div class="story">{figure}\n{ps}</div>'
    return (f'<!DOCTYPE html>\n<html lang="{a["language"]}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(a['headline'])} | {esc(a['outlet'])}</title>\n{head}\n</head>\n"
            f"<body>\n{nav}\n<main>\n{main}\n{aside}\n</main>\n{footer}\n</body>\n</html>\n")


def json_array_record(a):
    d = a["published"]
    rec = {"headline": a["headline"], "authors": a["authors"], "articleBody": "\n\n".join(a["paragraphs"]),
           "link": a["url"], "site_name": a["outlet"]}
    if d is not None:
        rec["datePublished"] = rfc2822(d)
    return rec


def generate(n, out, seed):
    gen = Generator(seed)
    layout = random.Random(seed + 1)  # a separate stream so format choice does not shift content
    os.makedirs(out, exist_ok=True)
    stats = {"articles": 0, "files": 0, "by_format": {"jsonl": 0, "json": 0, "txt": 0, "html": 0},
             "undated": 0, "per_year": {}, "spanish": 0, "seed": seed}
    jsonl_buf, array_buf, single = [], [], 0

    def flush_jsonl():
        if jsonl_buf:
            path = os.path.join(out, f"feed-{stats['by_format_files_jsonl']:05d}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write("".join(jsonl_buf))
            stats["by_format_files_jsonl"] += 1
            stats["files"] += 1
            jsonl_buf.clear()

    def flush_array():
        if array_buf:
            path = os.path.join(out, f"array-{stats['by_format_files_json']:05d}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(array_buf, f, ensure_ascii=False)
                f.write("\n")
            stats["by_format_files_json"] += 1
            stats["files"] += 1
            array_buf.clear()

    stats["by_format_files_jsonl"] = 0
    stats["by_format_files_json"] = 0
    for i in range(n):
        a = gen.article(i)
        stats["articles"] += 1
        if a["published"] is None:
            stats["undated"] += 1
        else:
            y = str(a["published"].year)
            stats["per_year"][y] = stats["per_year"].get(y, 0) + 1
        if a["language"] == "es":
            stats["spanish"] += 1
        r = layout.random()
        if r < TXT_SHARE + HTML_SHARE:
            sub = os.path.join(out, f"pages-{single // FILES_PER_DIR:04d}")
            os.makedirs(sub, exist_ok=True)
            single += 1
            if r < TXT_SHARE:
                name, text, kind = f"article-{i:07d}.txt", txt_article(a, layout), "txt"
            else:
                name, text, kind = f"page-{i:07d}.html", html_article(a, layout), "html"
            with open(os.path.join(sub, name), "w", encoding="utf-8") as f:
                f.write(text)
            stats["by_format"][kind] += 1
            stats["files"] += 1
        elif r < TXT_SHARE + HTML_SHARE + JSON_ARRAY_SHARE:
            array_buf.append(json_array_record(a))
            stats["by_format"]["json"] += 1
            if len(array_buf) >= JSON_ARRAY_RECORDS_PER_FILE:
                flush_array()
        else:
            jsonl_buf.append(json.dumps(jsonl_record(a, layout), ensure_ascii=False) + "\n")
            stats["by_format"]["jsonl"] += 1
            if len(jsonl_buf) >= JSONL_RECORDS_PER_FILE:
                flush_jsonl()
    flush_jsonl()
    flush_array()
    stats["files_by_format"] = {
        "jsonl": stats.pop("by_format_files_jsonl"),
        "json": stats.pop("by_format_files_json"),
        "txt": stats["by_format"]["txt"],
        "html": stats["by_format"]["html"],
    }
    stats["per_year"] = dict(sorted(stats["per_year"].items()))
    return stats


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=100000, help="number of articles (default 100000)")
    p.add_argument("--out", required=True, help="output folder (created if missing)")
    p.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    p.add_argument("--manifest", help="also write the summary JSON to this file")
    args = p.parse_args(argv)
    if args.n < 0:
        p.error("--n must be >= 0")
    if os.path.isdir(args.out) and os.listdir(args.out):
        p.error(f"--out {args.out} is not empty")
    stats = generate(args.n, args.out, args.seed)
    text = json.dumps(stats, indent=2)
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
