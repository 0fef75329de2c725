//! `morgue entities [QUERY]`: the most mentioned persons, organizations, places and other names in
//! the matching articles, or (`--with NAME`) those mentioned in the same articles as NAME.

use crate::article::EntityKind;
use crate::cli::cmd::filters::Filters;
use crate::cli::output::{self, OutputFormat};
use crate::cli::{Cli, Exit};
use crate::index::Archive;
use crate::query::entities::{self, kind_word, EntitiesSpec};

const ABOUT: &str = "\
Counts come from the index (the entities tagged at ingest), sorted by the number of matching
articles mentioning each entity, then by mentions, then by name.

--with NAME matches an entity of any type with that name, ignoring case and accents (\"lopez obrador\"
finds \"López Obrador\"), and persons whose name ends with it (\"Trump\" finds \"Donald Trump\"); when
nothing matches, names containing it as whole words count (\"renewing america\" finds \"Center for
Renewing America\").

Output (--format json):
  {\"query\", \"with\" (with --with), \"articles\", \"entities\": [{\"name\", \"type\", \"articles\", \"mentions\"}]}
  jsonl: one line per entity; csv: name,type,articles,mentions. Types: person, org, place, misc.

Query syntax: as for `morgue search` (see `morgue search --help`).";

// The subcommand's `after_help` (the exit codes) would hide an `after_help` here, so the long
// help (`--help`) carries both.
#[derive(Debug, clap::Args)]
#[command(after_long_help = format!("{ABOUT}\n\n{}", crate::cli::EXIT_CODES))]
pub struct Args {
    /// The query (all articles when omitted)
    pub query: Option<String>,
    /// Only entities of this type
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub kind: Option<KindArg>,
    /// How many entities to list (0: all)
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Co-mentions: only articles that mention NAME, listing the other entities
    #[arg(long, value_name = "NAME")]
    pub with: Option<String>,
    #[command(flatten)]
    pub filters: Filters,
    /// Output format [default: table on a terminal, else json]
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
}

/// The `--type` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    Person,
    Org,
    Place,
    Misc,
}

impl From<KindArg> for EntityKind {
    fn from(k: KindArg) -> EntityKind {
        match k {
            KindArg::Person => EntityKind::Person,
            KindArg::Org => EntityKind::Organization,
            KindArg::Place => EntityKind::Location,
            KindArg::Misc => EntityKind::Misc,
        }
    }
}

pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<Exit> {
    let archive = Archive::open(&cli.index_dir())?;
    let text = args.query.clone().unwrap_or_default();
    let spec = EntitiesSpec {
        query: args.filters.spec(&text),
        kind: args.kind.map(EntityKind::from),
        limit: args.limit,
        with: args.with.clone(),
    };
    let result = match super::answer(entities::entities(&archive, &spec), &text)? {
        Ok(v) => v,
        Err(exit) => return Ok(exit),
    };
    let format = OutputFormat::resolve(args.format);
    let header = ["name", "type", "articles", "mentions"];
    let rows: Vec<Vec<String>> = result
        .entities
        .iter()
        .map(|e| {
            vec![e.name.clone(), kind_word(e.kind).into(), e.articles.to_string(), e.mentions.to_string()]
        })
        .collect();
    match format {
        OutputFormat::Json => output::write_json(&result)?,
        OutputFormat::Jsonl => output::write_jsonl(&result.entities)?,
        OutputFormat::Csv => output::write_csv(&header, &rows)?,
        OutputFormat::Table => {
            if !rows.is_empty() {
                output::write_table(&header, &rows)?;
            }
            let scope = match &args.with {
                Some(name) => format!("the {} matching article(s) that mention {name:?}", result.articles),
                None => format!("{} matching article(s)", result.articles),
            };
            eprintln!("{} entit{} in {scope}", rows.len(), if rows.len() == 1 { "y" } else { "ies" });
        }
    }
    if result.entities.is_empty() {
        if let (Some(name), 0) = (&args.with, result.articles) {
            output::message(format!("no matching article mentions {name:?}"));
        }
        return Ok(Exit::NoMatch);
    }
    Ok(Exit::Success)
}
