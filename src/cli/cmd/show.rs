//! `morgue show ID`: one article, all fields.

use crate::cli::output::{self, OutputFormat};
use crate::cli::{Cli, Exit};
use crate::index::Archive;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article id (or a unique prefix of at least 6 characters), as search prints it
    pub id: String,
    /// Output format: table is a readable page, json/jsonl the whole article object [default:
    /// table on a terminal, else json]
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
}

pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<Exit> {
    let archive = Archive::open(&cli.index_dir())?;
    let Some(a) = archive.get(args.id.trim())? else {
        output::message(format!("no article with id {}", args.id));
        return Ok(Exit::NoMatch);
    };
    match OutputFormat::resolve(args.format) {
        OutputFormat::Json => output::write_json(&a)?,
        OutputFormat::Jsonl => output::write_jsonl([&a])?,
        OutputFormat::Csv => {
            let json = serde_json::to_value(&a)?;
            let obj = json.as_object().cloned().unwrap_or_default();
            let header: Vec<&str> = obj.keys().map(String::as_str).collect();
            let row: Vec<String> = obj
                .values()
                .map(|v| match v {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                })
                .collect();
            output::write_csv(&header, &[row])?;
        }
        OutputFormat::Table => {
            let (headline, derived) = a.display_headline();
            let mut rows: Vec<Vec<String>> = Vec::new();
            let mut row = |k: &str, v: String| {
                if !v.is_empty() {
                    rows.push(vec![k.to_string(), v]);
                }
            };
            row("id", a.id.clone());
            row("headline", if derived { format!("{headline} (derived)") } else { headline });
            row("byline", a.byline.join("; "));
            row(
                "published",
                a.published.map(|d| d.to_iso()).or(a.published_text.clone()).unwrap_or_default(),
            );
            row("outlet", a.outlet.clone().unwrap_or_default());
            row("url", a.url.clone().unwrap_or_default());
            row("dateline", a.dateline.clone().unwrap_or_default());
            row("section", a.section.clone().unwrap_or_default());
            row("language", a.language.clone().unwrap_or_default());
            row("source", a.source.clone());
            row("captions", a.captions.join("\n"));
            row("credits", a.credits.join("\n"));
            for kind in crate::article::EntityKind::ALL {
                let names: Vec<String> =
                    a.entities.of(kind).iter().map(|e| format!("{} ({})", e.name, e.mentions)).collect();
                row(&format!("entities {}", kind.label()), names.join(", "));
            }
            let mentions: Vec<String> =
                a.mentions.iter().map(|m| format!("{} → {}", m.text, m.value)).collect();
            row("mentions", mentions.join("\n"));
            output::write_table(&["field", "value"], &rows)?;
            println!("\n{}", a.body);
        }
    }
    Ok(Exit::Success)
}
