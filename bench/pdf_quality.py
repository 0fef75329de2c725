#!/usr/bin/env python3
"""How well `morgue parse` reads PDFs back into an article's text.

Each page of an extraction set (a gold.jsonl with `id`, `title` and `body`, paragraphs separated
by newlines) whose gold text is mostly in a Latin script is set as a web page (its headline,
then its paragraphs) in three layouts, printed to PDF by headless Chromium with the browser's
header and footer (print time, title, address, page numbers), and read back with
`morgue parse --format jsonl`. Figures per layout:

  body F1        precision, recall and F1 over 4-word shingles of \\w+ tokens against the gold
                 text, averaged over pages
  headline       share of pages whose headline equals the gold title (case and punctuation aside)
  paragraphs     share of pages whose body has exactly as many paragraphs as the gold text

Layouts: `gap` (paragraphs spaced apart, ragged right), `indent` (justified, first-line indents,
no spacing), `cols` (two columns, paragraphs spaced apart).

With --real, the saved pages themselves (html/<id>.html.gz) are printed instead, as a reader
saves a page "as PDF" (here without the sites' styles and scripts, which need the network), and
the figures compare reading the PDF with reading the saved HTML. `pdf bare` is the same print
without the browser's head and foot (`--no-pdf-header-footer`), as many readers print.

    python3 bench/pdf_quality.py --data ../shared/eval-dev/extraction [--real] [--morgue BIN]
        [--work DIR] [--chromium PATH] [--jobs N]

Needs python3 (standard library only) and Chromium (Debian's package `chromium`); the PDFs are
kept in --work (default /tmp/morgue-pdf-quality) and reused by later runs.
"""
import argparse, gzip, html, json, os, re, shutil, statistics, subprocess, sys, tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

LAYOUTS = {
    "gap": "body{font:11pt serif;margin:0} p{margin:0 0 0.8em 0}",
    "indent": "body{font:11pt serif;margin:0} p{margin:0;text-indent:1.5em;text-align:justify}",
    "cols": "body{font:10pt sans-serif;margin:0} article{column-count:2;column-gap:2em} p{margin:0 0 0.6em 0}",
}


def words(text):
    return re.findall(r"\w+", text or "")


def shingle_prf(gold, pred, n=4):
    g = Counter(tuple(words(gold)[i:i + n]) for i in range(max(1, len(words(gold)) - n + 1)))
    p = Counter(tuple(words(pred)[i:i + n]) for i in range(max(1, len(words(pred)) - n + 1)))
    tp = sum((g & p).values())
    precision = tp / sum(p.values()) if p else 0.0
    recall = tp / sum(g.values()) if g else 0.0
    return precision, recall


def same_title(a, b):
    norm = lambda s: " ".join(re.sub(r"[\W_]+", " ", (s or "").casefold()).split())
    return norm(a) == norm(b)


def latin(text):
    letters = [c for c in text if c.isalpha()]
    return letters and sum(ord(c) < 0x250 for c in letters) * 2 >= len(letters)


def print_pdf(chromium, page, pdf, header=True):
    if os.path.exists(pdf):
        return
    profile = tempfile.mkdtemp(prefix="chromium-")
    try:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        *([] if header else ["--no-pdf-header-footer"]),
                        f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", "file://" + page],
                       capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        print(f"not printed in 2 minutes, left out: {page}", file=sys.stderr)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="folder with gold.jsonl")
    ap.add_argument("--morgue", default="target/release/morgue")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "morgue-pdf-quality"))
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--real", action="store_true", help="print the saved pages, not the gold texts")
    args = ap.parse_args()
    if not os.path.exists(args.morgue):
        sys.exit(f"no morgue binary at {args.morgue}: build it (cargo build --release) or pass --morgue")
    if not shutil.which(args.chromium):
        sys.exit("Chromium is needed to print the pages (Debian: apt-get install chromium), or pass --chromium")
    gold = [json.loads(l) for l in open(os.path.join(args.data, "gold.jsonl"), encoding="utf-8")]
    gold = [g for g in gold if g.get("body") and latin(g["body"])]
    os.makedirs(args.work, exist_ok=True)
    if args.real:
        return real_pages(args, gold)
    jobs = []
    for g in gold:
        paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>" for p in g["body"].split("\n") if p.strip())
        title = html.escape(g.get("title") or "")
        for name, style in LAYOUTS.items():
            page = os.path.join(args.work, f"{g['id']}.{name}.html")
            with open(page, "w", encoding="utf-8") as f:
                f.write(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | Example News</title>"
                        f"<style>{style}</style></head><body><h1>{title}</h1><article>{paragraphs}</article></body></html>")
            jobs.append((page, page[:-5] + ".pdf"))
    with ThreadPoolExecutor(args.jobs) as pool:
        list(pool.map(lambda j: print_pdf(args.chromium, *j), jobs))
    print(f"{len(gold)} pages, Latin script, from {args.data}")
    for name in LAYOUTS:
        pdfs = [os.path.join(args.work, f"{g['id']}.{name}.pdf") for g in gold]
        read = read_all(args.morgue, pdfs)
        ps, rs, heads, counts = [], [], 0, 0
        for g, pdf in zip(gold, pdfs):
            a = read.get(pdf, {})
            body = a.get("body") or ""
            p, r = shingle_prf(g["body"], body)
            ps.append(p)
            rs.append(r)
            heads += same_title(a.get("headline"), g.get("title"))
            gold_count = sum(1 for x in g["body"].split("\n") if x.strip())
            counts += gold_count == sum(1 for x in body.split("\n\n") if x.strip())
        p, r = statistics.mean(ps), statistics.mean(rs)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        n = len(gold)
        print(f"{name:7s} body P {p:.4f} R {r:.4f} F1 {f1:.4f}   headline {heads / n:.3f}   paragraphs {counts / n:.3f}")


def read_all(morgue, paths):
    """{path: first article} for what `morgue parse` reads from each file."""
    read = {}
    for i in range(0, len(paths), 40):
        out = subprocess.run([morgue, "parse", "--format", "jsonl", *paths[i:i + 40]], capture_output=True, text=True).stdout
        for line in out.splitlines():
            a = json.loads(line)
            read.setdefault(a["source"].split("#")[0], a)
    return read


def real_pages(args, gold):
    gold = [g for g in gold if os.path.exists(os.path.join(args.data, "html", g["id"] + ".html.gz"))]
    jobs = []
    for g in gold:
        page = os.path.join(args.work, g["id"] + ".real.html")
        if not os.path.exists(page):
            with gzip.open(os.path.join(args.data, "html", g["id"] + ".html.gz")) as src, open(page, "wb") as dst:
                dst.write(src.read())
        jobs.append((page, page[:-5] + ".pdf", page[:-5] + ".bare.pdf"))
    with ThreadPoolExecutor(args.jobs) as pool:
        list(pool.map(lambda j: print_pdf(args.chromium, j[0], j[1]), jobs))
        list(pool.map(lambda j: print_pdf(args.chromium, j[0], j[2], header=False), jobs))
    kept = [(g, j) for g, j in zip(gold, jobs) if os.path.exists(j[1]) and os.path.exists(j[2])]
    gold, jobs = [g for g, _ in kept], [j for _, j in kept]
    print(f"{len(gold)} saved pages, Latin script, from {args.data}: reading the page printed to PDF "
          "(with and without the browser's head and foot), and the page itself")
    readings = (("pdf", [j[1] for j in jobs]), ("pdf bare", [j[2] for j in jobs]), ("html", [j[0] for j in jobs]))
    for name, paths in readings:
        read = read_all(args.morgue, paths)
        ps, rs, heads = [], [], 0
        for g, path in zip(gold, paths):
            a = read.get(path, {})
            p, r = shingle_prf(g["body"], a.get("body") or "")
            ps.append(p)
            rs.append(r)
            heads += same_title(a.get("headline"), g.get("title"))
        p, r = statistics.mean(ps), statistics.mean(rs)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:8s} body P {p:.4f} R {r:.4f} F1 {f1:.4f}   headline {heads / len(gold):.3f}")


if __name__ == "__main__":
    main()
