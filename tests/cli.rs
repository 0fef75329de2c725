//! Integration tests: the built `morgue` binary on `sample_corpus/` and `tests/fixtures/`, one
//! module per command. Expected figures come from `sample_corpus/README.md`.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An index built from a corpus folder in a temporary directory.
struct TestIndex {
    dir: tempfile::TempDir,
}

impl TestIndex {
    fn build(corpus: &str) -> TestIndex {
        let t = TestIndex::empty();
        let out = t.run(&["ingest", root().join(corpus).to_str().unwrap(), "--format", "json"]);
        assert!(out.status.success(), "ingest failed: {}", String::from_utf8_lossy(&out.stderr));
        t
    }

    fn empty() -> TestIndex {
        TestIndex { dir: tempfile::tempdir().unwrap() }
    }

    fn index(&self) -> PathBuf {
        self.dir.path().join("idx")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::cargo_bin("morgue")
            .unwrap()
            .arg("--index")
            .arg(self.index())
            .args(args)
            .current_dir(root())
            .output()
            .unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{args:?}: {e}\nstdout: {}\nstderr: {}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        })
    }

    fn search(&self, query: &str, extra: &[&str]) -> Value {
        let mut args = vec!["search", query, "--format", "json"];
        args.extend_from_slice(extra);
        if !extra.contains(&"--limit") {
            args.extend_from_slice(&["--limit", "100"]);
        }
        self.json(&args)
    }
}

fn sources(result: &Value) -> Vec<String> {
    result["hits"].as_array().unwrap().iter().map(|h| h["source"].as_str().unwrap().to_string()).collect()
}

const SEED: &str = "000_635a76db266ea16c.txt";

fn parse_json(path: &Path) -> Vec<Value> {
    let out = Command::cargo_bin("morgue")
        .unwrap()
        .args(["parse", "--format", "jsonl"])
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Each article's file name (with `#N`), headline, first author, publication date and outlet.
fn heads(items: &[Value]) -> Vec<[&str; 5]> {
    items
        .iter()
        .map(|a| {
            [
                a["source"].as_str().unwrap().rsplit('/').next().unwrap(),
                a["headline"].as_str().unwrap_or(""),
                a["byline"][0].as_str().unwrap_or(""),
                a["published"].as_str().unwrap_or(""),
                a["outlet"].as_str().unwrap_or(""),
            ]
        })
        .collect()
}

mod ingest {
    use super::*;

    #[test]
    fn counts_and_reingest_is_a_noop() {
        let t = TestIndex::empty();
        let corpus = root().join("sample_corpus");
        let first = t.json(&["ingest", corpus.to_str().unwrap(), "--format", "json"]);
        assert_eq!(first["files_seen"], 29);
        assert_eq!(first["added"], 45);
        assert_eq!(first["failed"].as_array().unwrap().len(), 0, "{first}");
        let again = t.json(&["ingest", corpus.to_str().unwrap(), "--format", "json"]);
        assert_eq!(
            (again["added"].as_u64(), again["updated"].as_u64(), again["unchanged"].as_u64()),
            (Some(0), Some(0), Some(45))
        );
        let stats = t.json(&["stats", "--format", "json"]);
        assert_eq!(stats["articles"], 45);
    }

    #[test]
    fn summary_as_jsonl_and_csv() {
        let t = TestIndex::empty();
        let file = root().join("sample_corpus/vellmont-heat-2019-07.txt");
        let out = t.run(&["ingest", file.to_str().unwrap(), "--format", "jsonl"]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(text.lines().count(), 1, "{text}");
        let summary: Value = serde_json::from_str(text.trim()).unwrap();
        assert_eq!((summary["files_seen"].as_u64(), summary["added"].as_u64()), (Some(1), Some(1)));
        let out = t.run(&["ingest", file.to_str().unwrap(), "--format", "csv"]);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "files_seen,added,updated,unchanged,removed,failed\n1,0,0,1,0,0\n"
        );
    }

    #[test]
    fn edited_file_replaces_its_article_and_prune_removes() {
        let corpus = tempfile::tempdir().unwrap();
        for f in ["cartels-2023-03-ledger.txt", "vellmont-heat-2019-07.txt"] {
            std::fs::copy(root().join("sample_corpus").join(f), corpus.path().join(f)).unwrap();
        }
        let t = TestIndex::empty();
        let c = corpus.path().to_str().unwrap();
        t.json(&["ingest", c, "--format", "json"]);
        let path = corpus.path().join("cartels-2023-03-ledger.txt");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("talking point", "talking point zanzibarish")).unwrap();
        let r = t.json(&["ingest", c, "--format", "json"]);
        assert_eq!(
            (r["added"].as_u64(), r["updated"].as_u64(), r["unchanged"].as_u64()),
            (Some(0), Some(1), Some(1))
        );
        assert_eq!(t.json(&["stats", "--format", "json"])["articles"], 2);
        assert_eq!(t.search("zanzibarish", &[])["total"], 1);
        std::fs::remove_file(&path).unwrap();
        let r = t.json(&["ingest", c, "--prune", "--format", "json"]);
        assert_eq!(r["removed"], 1);
        assert_eq!(t.json(&["stats", "--format", "json"])["articles"], 1);
    }

    #[test]
    fn bad_files_are_reported_and_good_articles_indexed() {
        let t = TestIndex::empty();
        let out = t.run(&["ingest", "sample_corpus", "tests/fixtures/bad", "--format", "json"]);
        assert_eq!(out.status.code(), Some(3));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["added"], 48);
        let failed = report["failed"].as_array().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        for (name, reason) in [
            ("photo.png", "binary"),
            ("scan.txt", "binary"),
            ("invalid-utf8.txt", "invalid UTF-8 at byte 386"),
            ("empty.txt", "empty"),
            ("truncated.json", "invalid JSON"),
            ("malformed.json", "invalid JSON"),
            ("numbers.json", "not an article"),
            ("feed-one-bad-line.jsonl:3", "invalid JSON"),
            ("truncated.pdf", "unreadable PDF"),
            ("scan.pdf", "no text layer"),
        ] {
            assert!(
                failed.iter().any(|f| f["path"].as_str().unwrap().contains(name)
                    && f["reason"].as_str().unwrap().contains(reason)),
                "{name} not reported with {reason:?}: {failed:?}"
            );
            assert!(stderr.contains(name), "{name} not on stderr: {stderr}");
        }
        assert_eq!(failed.len(), 10, "{failed:?}");
        assert_eq!(t.json(&["stats", "--format", "json"])["articles"], 48);
    }
}

mod search {
    use super::*;

    #[test]
    fn words_phrases_accents_and_dates() {
        let t = TestIndex::build("sample_corpus");
        let r = t.search("drug cartels", &[]);
        assert_eq!(r["total"], 12);
        assert!(sources(&r).iter().any(|s| s.ends_with(SEED)), "{:?}", sources(&r));
        let seed_hit = r["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["source"].as_str().unwrap().ends_with(SEED))
            .unwrap();
        assert_eq!(seed_hit["headline_derived"], true);
        assert!(seed_hit["headline"]
            .as_str()
            .unwrap()
            .starts_with("Former President Donald Trump is asking"));

        let r = t.search("lopez obrador", &[]);
        assert_eq!(r["total"], 10);
        assert!(sources(&r).iter().any(|s| s.ends_with(SEED)));

        // Words are also matched stemmed ("cool" finds "cooling"), phrases keep their order.
        assert_eq!(t.search("roofs cool", &[])["total"], 7);
        assert_eq!(t.run(&["search", "\"roofs cool\"", "--format", "json"]).status.code(), Some(1));
        // Phrases match stemmed forms too: "cool-roof program" is a hit.
        assert_eq!(t.search("\"cool roofs\"", &[])["total"], 6);
        assert_eq!(t.search("security official", &[])["total"], 11);
        assert_eq!(t.search("\"security official\"", &[])["total"], 6);
        assert_eq!(t.search("\"white paper\"", &[])["total"], 4);

        // Boolean operators, and events mentioned in the text whatever the publication date.
        let all = t.search("cartels", &[])["total"].as_u64().unwrap();
        let without = t.search("cartels -fentanyl", &[])["total"].as_u64().unwrap();
        assert!(without < all && without > 0);
        assert_eq!(t.search("cartels NOT fentanyl", &[])["total"].as_u64().unwrap(), without);
        assert!(t.search("cartels OR fentanyl", &[])["total"].as_u64().unwrap() >= all);
        let in_2019 = t.search("cartels", &["--mentions", "2019"]);
        assert!(in_2019["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["published"].as_str().is_some_and(|d| d.starts_with("2024"))));
        assert!(sources(&in_2019).iter().any(|s| s.ends_with(SEED)), "the undated seed mentions 2019");

        let since = t.search("drug cartels", &["--since", "2023-01-01"]);
        assert_eq!(since["total"], 4);
        assert_eq!(since["undated_excluded"], 1);
        let until = t.search("drug cartels", &["--until", "2019"]);
        assert_eq!(until["total"], 3);
    }

    #[test]
    fn fields_sorting_and_outlets() {
        let t = TestIndex::build("sample_corpus");
        let r = t.search("byline:\"ana ruiz\"", &[]);
        assert!(r["total"].as_u64().unwrap() >= 2);
        let r = t.search("cartels", &["--outlet", "The Harbor Ledger"]);
        assert!(r["hits"].as_array().unwrap().iter().all(|h| h["outlet"] == "The Harbor Ledger"));
        assert_eq!(t.search("language:es", &[])["total"], 1);
        let newest = t.search("*", &["--sort", "newest", "--limit", "3"]);
        let dates: Vec<&str> =
            newest["hits"].as_array().unwrap().iter().map(|h| h["published"].as_str().unwrap()).collect();
        // The newest is the second article of the sample Factiva export.
        assert!(dates[0].starts_with("2025-10-21"), "{dates:?}");
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
        let oldest = t.search("*", &["--sort", "oldest", "--limit", "1"]);
        assert_eq!(oldest["hits"][0]["published"], "2019-07-23");
    }

    #[test]
    fn exit_codes() {
        let t = TestIndex::build("sample_corpus");
        assert_eq!(t.run(&["search", "xylophonequux", "--format", "json"]).status.code(), Some(1));
        let bad = t.run(&["search", "title:(", "--format", "json"]);
        assert_eq!(bad.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&bad.stderr).contains("cannot parse the query"));
        let missing = Command::cargo_bin("morgue")
            .unwrap()
            .args(["--index", "/nonexistent/idx", "search", "x"])
            .output()
            .unwrap();
        assert_eq!(missing.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&missing.stderr).contains("no index"));
    }
}

mod show {
    use super::*;

    #[test]
    fn shows_whole_article_by_id_and_prefix() {
        let t = TestIndex::build("sample_corpus");
        let r = t.search("\"white paper\"", &["--sort", "oldest"]);
        let id = r["hits"][0]["id"].as_str().unwrap().to_string();
        let a = t.json(&["show", &id, "--format", "json"]);
        assert_eq!(a["id"], id.as_str());
        assert!(a["body"].as_str().unwrap().len() > 200);
        let by_prefix = t.json(&["show", &id[..8], "--format", "json"]);
        assert_eq!(by_prefix["id"], id.as_str());
        assert_eq!(t.run(&["show", "0000000000000000"]).status.code(), Some(1));
    }
}

mod export {
    use super::*;

    fn lines(out: &Output) -> Vec<Value> {
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    #[test]
    fn every_article_round_trips_through_the_index() {
        let t = TestIndex::build("sample_corpus");
        let out = t.run(&["export"]);
        assert_eq!(out.status.code(), Some(0));
        let exported = lines(&out);
        assert_eq!(exported.len(), 45);
        // What the index gives back is what parsing gave, field for field.
        let parsed = parse_json(&root().join("sample_corpus"));
        for a in &exported {
            let same = parsed.iter().find(|p| p["id"] == a["id"]).expect("a parsed article with this id");
            assert_eq!(a, same);
        }
        // Oldest first, the two undated articles last.
        let dates: Vec<&str> = exported.iter().map(|a| a["published"].as_str().unwrap_or("")).collect();
        assert!(dates[0].starts_with("2019-07-23"), "{dates:?}");
        assert_eq!(dates[43..], ["", ""]);
    }

    #[test]
    fn queries_filters_and_formats() {
        let t = TestIndex::build("sample_corpus");
        let csv_out = t.run(&["export", "riverline", "--format", "csv"]);
        let mut reader = csv::Reader::from_reader(&csv_out.stdout[..]);
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(&header[..5], ["id", "source", "url", "outlet", "published"]);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 14);
        // Multi-paragraph bodies survive the quoting.
        let body = header.iter().position(|h| h == "body").unwrap();
        assert!(rows.iter().any(|r| r[body].contains("\n\n")));

        let json = t.json(&["export", "riverline", "--format", "json", "--sort", "newest"]);
        let list = json.as_array().unwrap();
        assert_eq!(list.len(), 14);
        assert!(list[0]["published"].as_str().unwrap() > list[13]["published"].as_str().unwrap());

        let since = t.run(&["export", "drug cartels", "--since", "2023"]);
        assert_eq!(lines(&since).len(), 4);
        assert!(String::from_utf8_lossy(&since.stderr).contains("1 undated article(s) match"));

        let none = t.run(&["export", "nosuchwordanywhere", "--format", "json"]);
        assert_eq!((none.status.code(), String::from_utf8_lossy(&none.stdout).trim()), (Some(1), "[]"));
        let bad = t.run(&["export", "a AND ("]);
        assert_eq!(bad.status.code(), Some(2));
        assert!(bad.stdout.is_empty());
    }
}

mod parse {
    use super::*;

    #[test]
    fn seed_meets_the_foundation_issue() {
        let arts = parse_json(&root().join("sample_corpus").join(SEED));
        assert_eq!(arts.len(), 1);
        let a = &arts[0];
        for key in [
            "id",
            "source",
            "url",
            "outlet",
            "headline",
            "byline",
            "published",
            "dateline",
            "section",
            "language",
            "body",
            "captions",
            "credits",
            "entities",
        ] {
            assert!(a.get(key).is_some(), "missing key {key}");
        }
        assert_eq!(a["headline"], Value::Null);
        assert_eq!(a["byline"], serde_json::json!([]));
        assert_eq!(a["published"], Value::Null);
        assert_eq!(a["captions"], serde_json::json!(["Former President Donald Trump"]));
        assert_eq!(a["credits"], serde_json::json!(["Drew Angerer/Getty Images"]));
        let body = a["body"].as_str().unwrap();
        assert!(body.starts_with("Former President Donald Trump is asking his advisers"));
        assert!(!body.contains("ALSO IN THE NEWS"));
        assert!(!body.contains("Drew Angerer"));
        for k in ["persons", "organizations", "locations", "misc"] {
            assert!(a["entities"][k].is_array());
        }
    }

    #[test]
    fn bad_file_exit_3_and_message() {
        let out = Command::cargo_bin("morgue")
            .unwrap()
            .args(["parse", "--format", "jsonl"])
            .arg(root().join("tests/fixtures/bad/feed-one-bad-line.jsonl"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3));
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
        assert!(String::from_utf8_lossy(&out.stderr).contains("feed-one-bad-line.jsonl:3: invalid JSON"));
    }
}

/// Web archives and compressed files: `sample_corpus/vellmont-beacon-crawl-2024.warc` holds
/// three archived pages among records that are not articles (see `sample_corpus/README.md`).
mod archives {
    use super::*;
    use std::io::Write;

    const WARC: &str = "vellmont-beacon-crawl-2024.warc";

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    fn summary(articles: &[Value]) -> Vec<(String, String, String)> {
        articles
            .iter()
            .map(|a| {
                let source = a["source"].as_str().unwrap();
                let record = source.rsplit_once('#').map_or("", |(_, n)| n).to_string();
                (record, a["headline"].as_str().unwrap().to_string(), a["url"].as_str().unwrap().to_string())
            })
            .collect()
    }

    #[test]
    fn warc_pages_become_articles() {
        let articles = parse_json(&root().join("sample_corpus").join(WARC));
        let got = summary(&articles);
        let want = [
            (
                "3",
                "Council sets Riverline fares ahead of spring opening",
                "https://vellmontbeacon.example/transit/2024/12/03/riverline-fares",
            ),
            (
                "6",
                "Cooling centers stay open late as the heat wave lingers",
                "https://vellmontbeacon.example/heat/cooling-centers-open-late",
            ),
            (
                "7",
                "Mayoral rivals clash over Riverline costs in first debate",
                "https://ardentcountytimes.example/politics/2024/08/12/vellmont-mayor-debate",
            ),
        ];
        let want: Vec<(String, String, String)> =
            want.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect();
        assert_eq!(got, want);
        // Record 3's payload is chunked; record 6 is Latin-1 bytes that only its HTTP header labels.
        assert!(articles[0]["body"].as_str().unwrap().contains("voted 7–2 on Tuesday night"));
        assert!(articles[1]["body"].as_str().unwrap().contains("José Ibáñez"));
        assert_eq!(articles[1]["byline"], serde_json::json!(["Priya Natarajan"]));
    }

    #[test]
    fn gzip_files_read_as_what_they_hold() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = root().join("sample_corpus");
        // `.warc.gz` as crawlers write it (one gzip member per record would read the same), a
        // gzipped page, and a gzipped feed saved without its extension.
        std::fs::write(dir.path().join("crawl.warc.gz"), gzip(&std::fs::read(corpus.join(WARC)).unwrap()))
            .unwrap();
        let page = std::fs::read(corpus.join("cartels-2021-06-jsonld.html")).unwrap();
        std::fs::write(dir.path().join("page.html.gz"), gzip(&page)).unwrap();
        let feed = std::fs::read(corpus.join("feed-2023-2024-newsplease.jsonl")).unwrap();
        std::fs::write(dir.path().join("feed-download"), gzip(&feed)).unwrap();
        let t = TestIndex::empty();
        let r = t.json(&["ingest", dir.path().to_str().unwrap(), "--format", "json"]);
        assert_eq!((r["files_seen"].as_u64(), r["added"].as_u64()), (Some(3), Some(3 + 1 + 5)), "{r}");
        assert_eq!(r["failed"].as_array().unwrap().len(), 0, "{r}");
        let plain = parse_json(&corpus.join("cartels-2021-06-jsonld.html"));
        let gz = parse_json(&dir.path().join("page.html.gz"));
        assert_eq!(gz[0]["headline"], plain[0]["headline"]);
        assert_eq!(gz[0]["body"], plain[0]["body"]);
        assert_eq!(t.search("riverline fare", &[])["total"], 1);
    }

    #[test]
    fn a_large_jsonl_file_is_printed_in_order_among_the_others() {
        let dir = tempfile::tempdir().unwrap();
        // 17 records padded to 1 MiB each: over the size from which JSONL is streamed.
        let pad = "x".repeat(1 << 20);
        let big: String = (1..=17)
            .map(|i| format!("{{\"title\": \"Record {i}\", \"text\": \"Text {i}.\", \"pad\": \"{pad}\"}}\n"))
            .collect();
        std::fs::write(dir.path().join("b-dump.jsonl"), big).unwrap();
        std::fs::write(dir.path().join("a.txt"), "Title: First\n\nThe first file of the folder.\n").unwrap();
        std::fs::write(dir.path().join("c.json"), r#"{"title": "Last", "text": "The last file."}"#).unwrap();
        let articles = parse_json(dir.path());
        let names: Vec<&str> =
            articles.iter().map(|a| a["source"].as_str().unwrap().rsplit('/').next().unwrap()).collect();
        let mut want = vec!["a.txt".to_string()];
        want.extend((1..=17).map(|i| format!("b-dump.jsonl#{i}")));
        want.push("c.json".into());
        assert_eq!(names, want);
        assert_eq!(articles[17]["headline"], "Record 17");
    }

    #[test]
    fn a_zip_of_the_sample_corpus_reads_like_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = root().join("sample_corpus");
        let mut names: Vec<String> = std::fs::read_dir(&corpus)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for name in &names {
            zip.start_file(format!("sample/{name}"), zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(&std::fs::read(corpus.join(name)).unwrap()).unwrap();
        }
        let path = dir.path().join("sample.zip");
        std::fs::write(&path, zip.finish().unwrap().into_inner()).unwrap();
        let t = TestIndex::empty();
        let r = t.json(&["ingest", path.to_str().unwrap(), "--format", "json"]);
        // The same articles as the folder (its README is skipped inside the zip too).
        assert_eq!((r["files_seen"].as_u64(), r["added"].as_u64()), (Some(1), Some(45)), "{r}");
        assert_eq!(r["failed"].as_array().unwrap().len(), 0, "{r}");
        let hits = t.search("riverline fare", &[]);
        let source = hits["hits"][0]["source"].as_str().unwrap();
        assert!(source.ends_with("sample.zip!/sample/vellmont-beacon-crawl-2024.warc#3"), "{source}");
    }

    /// A PDF where archives keep one: a zip that stores it uncompressed (its `%PDF-` header
    /// then sits near the zip's start), and a crawl that fetched it.
    #[test]
    fn pdfs_inside_a_zip_and_a_warc_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = std::fs::read(root().join("sample_corpus/vellmont-nexis-2025-09.pdf")).unwrap();
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let stored =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file("nexis.pdf", stored).unwrap();
        zip.write_all(&pdf).unwrap();
        std::fs::write(dir.path().join("clippings.zip"), zip.finish().unwrap().into_inner()).unwrap();
        let mut http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: {}\r\n\r\n",
            pdf.len()
        )
        .into_bytes();
        http.extend(&pdf);
        let mut warc = format!(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://nexis.example/export/ferry.pdf\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        warc.extend(&http);
        warc.extend(b"\r\n\r\n");
        std::fs::write(dir.path().join("crawl.warc"), warc).unwrap();
        let articles = parse_json(dir.path());
        let folder = format!("{}/", dir.path().display());
        let got: Vec<(&str, &str)> = articles
            .iter()
            .map(|a| {
                let source = a["source"].as_str().unwrap();
                (source.strip_prefix(&folder).unwrap_or(source), a["headline"].as_str().unwrap())
            })
            .collect();
        let ferry = "Ferry service returns to the north shore";
        let cafe = "Harbor cafe owners ask for later ferry runs";
        assert_eq!(
            got,
            [
                ("clippings.zip!/nexis.pdf#1", ferry),
                ("clippings.zip!/nexis.pdf#2", cafe),
                ("crawl.warc#1#1", ferry),
                ("crawl.warc#1#2", cafe)
            ]
        );
        assert_eq!(articles[2]["url"], "https://nexis.example/export/ferry.pdf");
    }

    #[test]
    fn an_arc_gz_file_is_read_like_a_warc() {
        let dir = tempfile::tempdir().unwrap();
        let page = std::fs::read(root().join("sample_corpus/cartels-2021-06-jsonld.html")).unwrap();
        let mut http =
            format!("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n", page.len())
                .into_bytes();
        http.extend(&page);
        let desc = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n";
        let mut arc =
            format!("filedesc://t.arc 0.0.0.0 20210611000000 text/plain {}\n", desc.len()).into_bytes();
        arc.extend(desc);
        arc.extend(b"\n");
        arc.extend(format!("http://cr.example/a 10.0.0.1 20210611000000 text/html {}\n", http.len()).bytes());
        arc.extend(&http);
        arc.extend(b"\n");
        let path = dir.path().join("crawl.arc.gz");
        std::fs::write(&path, gzip(&arc)).unwrap();
        let articles = parse_json(&path);
        assert_eq!(articles.len(), 1);
        assert!(articles[0]["source"].as_str().unwrap().ends_with("crawl.arc.gz#1"));
        assert_eq!(articles[0]["headline"], "Border towns weigh the cost of the drug cartels' arms pipeline");
    }

    #[test]
    fn a_cut_download_keeps_the_records_before_the_cut() {
        let dir = tempfile::tempdir().unwrap();
        let whole = gzip(&std::fs::read(root().join("sample_corpus").join(WARC)).unwrap());
        let path = dir.path().join("cut.warc.gz");
        std::fs::write(&path, &whole[..whole.len() * 3 / 4]).unwrap();
        let out = Command::cargo_bin("morgue")
            .unwrap()
            .args(["parse", "--format", "jsonl"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.lines().count() >= 1, "no record kept: {stdout}");
        assert!(stdout.contains("Council sets Riverline fares"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        // Read as a stream, the archive breaks at the record being read when the cut comes.
        assert!(stderr.contains("damaged web archive: cannot read further: gzip:"), "{stderr}");
    }
}

/// News XML: the NITF article and the RSS feed of `sample_corpus/` (see its README).
mod news_xml {
    use super::*;

    #[test]
    fn nitf_article() {
        let a = &parse_json(&root().join("sample_corpus/vellmont-transit-2025-03-nitf.xml"))[0];
        assert_eq!(a["headline"], "After Years of Delays, Vellmont's Riverline Carries Its First Riders");
        assert_eq!(a["byline"], serde_json::json!(["Lucia Ferrer"]));
        assert_eq!(a["published"], "2025-03-21");
        assert_eq!(a["outlet"], "The Northfield Courier");
        assert_eq!(a["dateline"], "VELLMONT, March 20");
        assert_eq!(a["credits"], serde_json::json!(["Hugo Lindgren for The Northfield Courier"]));
        let body = a["body"].as_str().unwrap();
        // The lead paragraph, which the file also gives in a block of its own, appears once.
        assert_eq!(body.matches("The first Riverline train left").count(), 1, "{body}");
        assert!(body.ends_with("in November 2020."), "{body}");
    }

    #[test]
    fn newsml_g2_text_item_only() {
        let items = parse_json(&root().join("sample_corpus/vellmont-heat-2025-07-newsml.xml"));
        assert_eq!(items.len(), 1, "the picture item is no article");
        let a = &items[0];
        assert!(a["source"].as_str().unwrap().ends_with("vellmont-heat-2025-07-newsml.xml#1"));
        assert_eq!(a["byline"], serde_json::json!(["Tomasz Wielgus"]));
        assert_eq!(a["published"], "2025-07-09T21:45:00Z");
        assert_eq!(a["outlet"], "Western States Wire");
    }

    #[test]
    fn newsml1_text_item_only() {
        let items = parse_json(&root().join("sample_corpus/vellmont-wire-2025-08-newsml1.xml"));
        assert_eq!(items.len(), 1, "the photo item is no article");
        let a = &items[0];
        assert!(a["source"].as_str().unwrap().ends_with("vellmont-wire-2025-08-newsml1.xml#1"));
        assert_eq!(a["headline"], "Vellmont utility asks customers to cut power use as heat builds");
        assert_eq!(a["byline"], serde_json::json!(["Tomasz Wielgus"]));
        assert_eq!(a["published"], "2025-08-07T18:15:00Z");
        assert_eq!(a["modified"], "2025-08-07T18:30:00Z");
        assert_eq!(a["outlet"], "Western States Wire", "the copyright line's holder");
        assert_eq!(a["body"].as_str().unwrap().split("\n\n").count(), 3);
    }

    #[test]
    fn rss_items() {
        let items = parse_json(&root().join("sample_corpus/vellmont-beacon-feed-2025.rss"));
        let got: Vec<(&str, &str, &str)> = items
            .iter()
            .map(|a| {
                (
                    a["source"].as_str().unwrap().rsplit('/').next().unwrap(),
                    a["byline"][0].as_str().unwrap(),
                    a["published"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("vellmont-beacon-feed-2025.rss#1", "Elena Varga", "2025-04-22T16:30:00-07:00"),
                ("vellmont-beacon-feed-2025.rss#2", "Priya Natarajan", "2025-06-18T08:00:00-07:00"),
            ]
        );
        // The full text of `content:encoded`, paragraph by paragraph; the excerpt is the description.
        assert_eq!(items[0]["body"].as_str().unwrap().split("\n\n").count(), 3);
        assert_eq!(items[0]["outlet"], "The Vellmont Beacon");
    }
}

/// Reuters-21578 SGML: the wire archive of `sample_corpus/` (see its README): a story, a brief
/// and an unprocessed table in the collection's layout.
mod wire_sgml {
    use super::*;

    #[test]
    fn story_brief_and_table() {
        let items = parse_json(&root().join("sample_corpus/vellmont-wire-2025-06.sgm"));
        let sources: Vec<&str> =
            items.iter().map(|a| a["source"].as_str().unwrap().rsplit('/').next().unwrap()).collect();
        assert_eq!(
            sources,
            ["vellmont-wire-2025-06.sgm#1", "vellmont-wire-2025-06.sgm#2", "vellmont-wire-2025-06.sgm#3"]
        );

        let story = &items[0];
        assert_eq!(story["headline"], "VELLMONT ORDERS 40 ELECTRIC BUSES FROM HARLOW COACHWORKS");
        assert_eq!(story["byline"], serde_json::json!(["Dana Whitlock"]));
        assert_eq!(story["published"], "2025-06-02T14:05:31");
        assert_eq!(story["dateline"], "VELLMONT, June 2");
        let body = story["body"].as_str().unwrap();
        assert_eq!(body.split("\n\n").count(), 4, "{body}");
        // The collection's marks around company names are gone, also around a wrapped name.
        assert!(body.contains("from Harlow Coachworks Inc for about"), "{body}");
        assert!(body.contains("based in Ardent Freight Park, said"), "{body}");
        assert!(!body.contains(['<', '>', '\u{3}']), "{body}");

        // A brief is its headline; the placeholder text is not kept.
        assert_eq!(items[1]["headline"], "HARLOW COACHWORKS SAYS VELLMONT ORDER FILLS PLANT THROUGH 2026");
        assert_eq!(items[1]["body"], "");

        // An unprocessed table keeps a paragraph per row, and its heading is no dateline.
        let table = items[2]["body"].as_str().unwrap();
        assert!(table.contains("\n\nEastside Flats...........101 vs.........94\n\n"), "{table}");
        assert!(items[2]["dateline"].is_null(), "{}", items[2]["dateline"]);
    }
}

/// A news database's RTF export (Factiva's "Article Format"): `sample_corpus/` holds one with two
/// articles (see its README).
mod rtf_export {
    use super::*;

    #[test]
    fn two_articles_with_their_heads() {
        let items = parse_json(&root().join("sample_corpus/vellmont-factiva-2025-08.rtf"));
        assert_eq!(
            heads(&items),
            [
                [
                    "vellmont-factiva-2025-08.rtf#1",
                    "Vellmont Signs Bus Contract After Council Vote",
                    "Dana Whitlock",
                    "2025-08-05T10:42:00",
                    "The Vellmont Beacon"
                ],
                [
                    "vellmont-factiva-2025-08.rtf#2",
                    "Heat Response Office Extends Hours at Library Branches",
                    "Priya Natarajan",
                    "2025-08-06",
                    "The Vellmont Beacon"
                ],
            ]
        );
        let a = &items[0];
        assert_eq!(a["outlet"], "The Vellmont Beacon");
        let body = a["body"].as_str().unwrap();
        // RTF escapes: a dash, curly quotes and an accented letter in the code page.
        assert!(body.starts_with("VELLMONT — The city signed"), "{body}");
        assert!(
            body.contains("6–1 vote") && body.contains("“We are replacing") && body.contains("Renée Okafor")
        );
        // Neither the page header, the document info nor the field's link is text; the
        // field's result is a teaser.
        for absent in ["Page", "morgue sample", "https://", "VELBEA", "words"] {
            assert!(!body.contains(absent), "{absent}: {body}");
        }
        assert_eq!(a["teasers"], serde_json::json!(["Read more: Council backs the bus purchase, 6–1"]));
    }
}

/// Golden files: each sample article's parse output is pinned in `tests/golden/<file>.json`;
/// `UPDATE_GOLDEN=1 cargo test` rewrites them and the diff is reviewed.
mod golden {
    use super::*;

    #[test]
    fn sample_corpus_matches_golden() {
        let update = std::env::var_os("UPDATE_GOLDEN").is_some();
        let corpus = root().join("sample_corpus");
        let mut failures = Vec::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap() != "README.md")
            .collect();
        files.sort();
        for path in files {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            let out = Command::cargo_bin("morgue")
                .unwrap()
                .current_dir(root())
                .args(["parse", "--format", "json"])
                .arg(format!("sample_corpus/{name}"))
                .output()
                .unwrap();
            assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
            let got: Value = serde_json::from_slice(&out.stdout).unwrap();
            let golden = root().join("tests/golden").join(format!("{name}.json"));
            if update {
                std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
                std::fs::write(&golden, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
                continue;
            }
            match std::fs::read_to_string(&golden) {
                Ok(text) => {
                    let want: Value = serde_json::from_str(&text).unwrap();
                    if want != got {
                        failures.push(format!("{name}: differs from {} (UPDATE_GOLDEN=1 cargo test to rewrite, then review the diff)", golden.display()));
                    }
                }
                Err(_) => failures.push(format!("{name}: no golden file {}", golden.display())),
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

mod tag {
    use super::*;

    fn tag(args: &[&str], stdin: &str) -> Output {
        Command::cargo_bin("morgue").unwrap().arg("tag").args(args).write_stdin(stdin).output().unwrap()
    }

    #[test]
    fn spans_use_code_point_offsets() {
        let text = "Mexican President Andrés Manuel López Obrador met Joe Biden in Mexico City.";
        let out = tag(&[], text);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let spans: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for s in &spans {
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[a..b].iter().collect::<String>(), s["text"].as_str().unwrap());
        }
        let has = |t: &str, l: &str| spans.iter().any(|s| s["text"] == t && s["label"] == l);
        assert!(has("Andrés Manuel López Obrador", "PER"), "{spans:?}");
        assert!(has("Joe Biden", "PER"), "{spans:?}");
        assert!(has("Mexico City", "LOC"), "{spans:?}");
    }

    #[test]
    fn jsonl_gives_one_line_per_document() {
        let input = "{\"text\": \"Rolling Stone reported on Wednesday.\"}\n{\"text\": \"CNN said so.\\nThen Reuters did.\"}\n";
        let out = tag(&["--jsonl"], input);
        let lines: Vec<Value> =
            String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert!(
            lines[1].as_array().unwrap().iter().any(|s| s["text"] == "CNN" && s["label"] == "ORG"),
            "{lines:?}"
        );
    }
}

mod entity_search {
    use super::*;

    #[test]
    fn person_org_place_fields() {
        let t = TestIndex::build("sample_corpus");
        for q in ["person:\"donald trump\"", "org:\"rolling stone\"", "place:afghanistan"] {
            let r = t.search(q, &[]);
            assert!(sources(&r).iter().any(|s| s.ends_with(SEED)), "{q}: {:?}", sources(&r));
        }
        // Bylines and photo credits are not entities of the text.
        assert_eq!(t.run(&["search", "person:\"drew angerer\"", "--format", "json"]).status.code(), Some(1));
        assert_eq!(t.run(&["search", "person:\"lucia ferrer\"", "--format", "json"]).status.code(), Some(1));
    }
}

mod timeline {
    use super::*;

    #[test]
    fn buckets_undated_first_and_events() {
        let t = TestIndex::build("sample_corpus");
        let d = t.json(&[
            "timeline",
            "drug cartels",
            "--by",
            "year",
            "--first",
            "2",
            "--events",
            "--format",
            "json",
        ]);
        let buckets: Vec<(String, u64)> = d["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| (b["start"].as_str().unwrap().to_string(), b["count"].as_u64().unwrap()))
            .collect();
        // sample_corpus/README.md: 2019: 3, 2020: 2, 2021: 1, 2022: 1, 2023: 1, 2024: 3, undated: 1.
        let want: Vec<(String, u64)> = [(2019, 3), (2020, 2), (2021, 1), (2022, 1), (2023, 1), (2024, 3)]
            .iter()
            .map(|(y, n)| (format!("{y}-01-01"), *n))
            .collect();
        assert_eq!(buckets, want);
        assert_eq!(d["undated"], 1);
        let first = d["first"].as_array().unwrap();
        assert_eq!(first.len(), 2);
        assert!(
            first.iter().all(|f| f["published"].as_str().unwrap().starts_with("2019-11-27")),
            "{first:?}"
        );
        let events = d["events"].as_array().unwrap();
        let has = |value: &str, words: &str| {
            events.iter().any(|e| e["value"] == value && e["sentence"].as_str().unwrap().contains(words))
        };
        assert!(
            has("2019", "In 2019, Trump considered designating the drug cartels as terrorist organizations"),
            "{events:?}"
        );
        assert!(has("2022-10", "white paper"), "{events:?}");
        let values: Vec<&str> = events.iter().map(|e| e["value"].as_str().unwrap()).collect();
        let mut sorted = values.clone();
        // Events run in date order: by first day, the coarser precision first.
        sorted.sort_by_key(|v| (format!("{v}{}", &"0000-01-01"[v.len()..]), v.len()));
        assert_eq!(values, sorted);
        // The syndicated copy and the wire story report the same event: one entry, two articles.
        assert!(events.iter().any(|e| e["articles"].as_array().unwrap().len() >= 2), "{events:?}");
    }

    #[test]
    fn month_buckets_are_zero_filled_and_normalized() {
        let t = TestIndex::build("sample_corpus");
        let d = t.json(&["timeline", "cartels", "--by", "month", "--normalize", "--format", "json"]);
        let buckets = d["buckets"].as_array().unwrap();
        assert_eq!(buckets.first().unwrap()["start"], "2019-11-01");
        assert!(buckets.iter().any(|b| b["count"] == 0), "zero months are filled");
        for b in buckets {
            let share = b["share"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&share), "{b}");
        }
    }

    #[test]
    fn svg_is_written_and_well_formed() {
        let t = TestIndex::build("sample_corpus");
        let svg = t.dir.path().join("t.svg");
        let out = t.run(&["timeline", "cartels", "--svg", svg.to_str().unwrap(), "--format", "json"]);
        assert!(out.status.success());
        let text = std::fs::read_to_string(&svg).unwrap();
        assert!(text.starts_with("<?xml") && text.trim_end().ends_with("</svg>"));
        assert!(text.contains("<title>cartels</title>"));
        assert_eq!(text.matches("<text").count(), text.matches("</text>").count());
    }

    #[test]
    fn no_match_exits_1() {
        let t = TestIndex::build("sample_corpus");
        assert_eq!(t.run(&["timeline", "xylophonequux", "--format", "json"]).status.code(), Some(1));
    }
}

mod entities {
    use super::*;

    fn names(d: &Value, kind: &str) -> Vec<String> {
        d["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == kind)
            .map(|e| e["name"].as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn drug_cartels_shows_the_expected_names() {
        let t = TestIndex::build("sample_corpus");
        let d = t.json(&["entities", "drug cartels", "--limit", "60", "--format", "json"]);
        let persons = names(&d, "person");
        for p in ["Andrés Manuel López Obrador", "Donald Trump", "Marisol Ortega", "Rodrigo Estrada"] {
            assert!(persons.contains(&p.to_string()), "{p} missing: {persons:?}");
        }
        assert!(names(&d, "org").contains(&"Hemisphere Security Institute".to_string()), "{d}");
        assert!(names(&d, "place").contains(&"Mexico".to_string()), "{d}");
        // Bylines and photo credits are never entities of the text.
        for who in ["Lucia Ferrer", "Rafael Montoya", "Elena Márquez", "Drew Angerer"] {
            assert!(!persons.contains(&who.to_string()), "{who} counted: {persons:?}");
        }
        let trump = d["entities"].as_array().unwrap().iter().find(|e| e["name"] == "Donald Trump").unwrap();
        assert!(trump["mentions"].as_u64() >= trump["articles"].as_u64());
    }

    #[test]
    fn type_filter_and_co_mentions() {
        let t = TestIndex::build("sample_corpus");
        let d = t.json(&["entities", "--type", "org", "--format", "json"]);
        assert!(d["entities"].as_array().unwrap().iter().all(|e| e["type"] == "org"));
        let with = t.json(&["entities", "--with", "lopez obrador", "--type", "person", "--format", "json"]);
        let persons = names(&with, "person");
        assert!(
            !persons.iter().any(|p| p.contains("López Obrador")),
            "the entity itself is not its own co-mention"
        );
        assert!(persons.contains(&"Donald Trump".to_string()), "{persons:?}");
        assert_eq!(t.run(&["entities", "xylophonequux", "--format", "json"]).status.code(), Some(1));
    }
}

/// A news database's PDF export: `sample_corpus/` holds a three-page one with two articles.
mod pdf_export {
    use super::*;

    #[test]
    fn two_articles_in_paragraphs_without_the_pages_furniture() {
        let items = parse_json(&root().join("sample_corpus/vellmont-nexis-2025-09.pdf"));
        assert_eq!(
            heads(&items),
            [
                [
                    "vellmont-nexis-2025-09.pdf#1",
                    "Ferry service returns to the north shore",
                    "Dana Okafor",
                    "2025-09-02",
                    "The Vellmont Beacon"
                ],
                [
                    "vellmont-nexis-2025-09.pdf#2",
                    "Harbor cafe owners ask for later ferry runs",
                    "Marcus Lee",
                    "2025-09-09",
                    "The Vellmont Beacon"
                ],
            ]
        );
        let first = items[0]["body"].as_str().unwrap();
        let paragraphs: Vec<&str> = first.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 4, "{first}");
        assert!(paragraphs[0].starts_with("VELLMONT - The ferry") && paragraphs[0].ends_with("Gull Point."));
        // Wrapped lines joined, and the paragraph runs on from page 1 to page 2.
        assert!(
            paragraphs[2].contains("a nurse who works at the harbor clinic in East Harbor and crosses"),
            "{first}"
        );
        assert!(
            paragraphs[2].ends_with("the authority said, adding that bicycles would ride free."),
            "{first}"
        );
        for absent in ["Page 1", "Public Library", "Load-Date", "Length:", "Body"] {
            assert!(!first.contains(absent), "{absent}: {first}");
        }
        let second = items[1]["body"].as_str().unwrap();
        assert!(second.contains("north-shore staff"), "{second}");
        assert_eq!(items[1]["byline"], serde_json::json!(["Marcus Lee", "Priya Natarajan"]));
        assert_eq!(items[0]["section"], "METRO; Pg. B1");
    }
}

/// Factiva's layout with index fields, saved as text: two articles, each closed by its `AN`
/// accession number line.
mod factiva_indexed {
    use super::*;

    #[test]
    fn fields_from_codes_and_no_index_data_in_the_text() {
        let items = parse_json(&root().join("sample_corpus/vellmont-factiva-2025-10.txt"));
        assert_eq!(
            heads(&items),
            [
                [
                    "vellmont-factiva-2025-10.txt#1",
                    "Council backs a later ferry for the north shore",
                    "Dana Okafor",
                    "2025-10-14T10:42:00",
                    "The Vellmont Beacon"
                ],
                [
                    "vellmont-factiva-2025-10.txt#2",
                    "Library branches stay open as cooling centers",
                    "Priya Natarajan",
                    "2025-10-21",
                    "The Vellmont Beacon"
                ],
            ]
        );
        let a = &items[0];
        assert_eq!((a["section"].as_str(), a["language"].as_str()), (Some("Metro"), Some("en")));
        let body = a["body"].as_str().unwrap();
        assert_eq!(body.split("\n\n").count(), 4, "{body}");
        assert!(body.starts_with("VELLMONT - The City Council voted") && body.contains("\n\nIN a letter"));
        for absent in ["Water Transport", "gcat", "VELBEA", "214 words", "Copyright", "Document"] {
            assert!(!body.contains(absent), "{absent}: {body}");
        }
    }
}
