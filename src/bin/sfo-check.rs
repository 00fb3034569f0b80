//! The `sfo-check` command line. Exit 0 on success, 2 on bad input with
//! every error (field path and reason) on stderr.

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use sfo_check::calendar::{bank_holidays, Calendar, MAX_YEAR, MIN_YEAR};
use sfo_check::caseload;
use sfo_check::date::parse_iso_date;
use sfo_check::input::{ErrorCode, FieldError};
use sfo_check::policy::PolicyProfile;
use sfo_check::strict::{too_large, MAX_DOCUMENT_BYTES};
use sfo_check::text::safe;
use sfo_check::{Checker, Options};
use std::io::Read;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "sfo-check",
    version,
    about = "Checks Serious Further Offence cases: qualification, working-day deadlines and RoSH flags."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Text,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum BatchFormat {
    Csv,
    Jsonl,
}

/// How `check` and `batch` assess: on which date, with which profiles.
#[derive(clap::Args)]
struct Assess {
    /// Assess on this date (YYYY-MM-DD) instead of the case's own or the clock's.
    #[arg(long)]
    today: Option<String>,
    /// Load a policy profile from a JSON file (repeatable); the default is always loaded.
    #[arg(long = "policy")]
    policies: Vec<String>,
    /// Use the loaded profile with this id, whatever the dates.
    #[arg(long)]
    policy_id: Option<String>,
}

/// What `batch` reads and writes, and how.
#[derive(clap::Args)]
struct BatchArgs {
    file: String,
    /// How to write the results.
    #[arg(long, value_enum, default_value = "csv")]
    format: BatchFormat,
    /// How the cases are written; by default, from the file's name (.csv,
    /// .jsonl) or its first character.
    #[arg(long, value_enum)]
    input: Option<BatchFormat>,
    #[command(flatten)]
    assess: Assess,
    /// Check this many cases at once (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=1024))]
    threads: Option<u16>,
}

#[derive(Subcommand)]
enum Command {
    /// Check a case (a JSON file, or - for standard input) and print the report.
    Check {
        case: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        #[command(flatten)]
        assess: Assess,
    },
    /// Check a caseload (a CSV file or JSON lines of cases, or - for standard
    /// input): one result row per case, in input order, on standard output,
    /// and a summary on standard error. Exit 0 when every row was checked, 1
    /// when some rows had errors (every other row is still checked), 2 when
    /// nothing can be checked (the file cannot be read, an option is wrong)
    /// or the results cannot be written.
    Batch(BatchArgs),
    /// Print a year's bank holidays in England and Wales, one ISO date per line.
    BankHolidays { year: i32 },
    /// Print the N-th working day after DATE (DATE itself is day 0).
    AddWorkingDays {
        date: String,
        #[arg(allow_hyphen_values = true)]
        n: String,
        /// Also skip this policy profile's extra non-working days.
        #[arg(long)]
        policy: Option<String>,
    },
    /// Print the number of working days after FROM up to and including TO.
    WorkingDays {
        from: String,
        to: String,
        /// Also skip this policy profile's extra non-working days.
        #[arg(long)]
        policy: Option<String>,
    },
    /// Print the default policy profile.
    Policy,
    /// Training scenarios (`sfo-check/scenario@1` files).
    Scenarios {
        #[command(subcommand)]
        action: ScenarioAction,
    },
}

#[derive(Subcommand)]
enum ScenarioAction {
    /// Check every scenario file in DIR against the engine; each mismatch is
    /// reported. Exit 0 when all agree, 1 when some differ, 2 when a file
    /// cannot be read.
    Check { dir: String },
}

/// `scenarios check DIR`: one line per file, then a count.
fn check_scenarios(dir: &str) -> ExitCode {
    let mut files: Vec<std::path::PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => {
            eprintln!("error: cannot read {dir}: {e}");
            return ExitCode::from(2);
        }
    };
    files.sort();
    let checker = Checker::new();
    let (mut agree, mut differ, mut unreadable) = (0, 0, 0);
    let mut ids: Vec<(String, String)> = Vec::new();
    for path in &files {
        let name = path.display().to_string();
        let read = read_input(&name, "scenario file")
            .map_err(|e| vec![e])
            .and_then(|text| sfo_check::scenario::Scenario::from_json(&text));
        let outcome = read.and_then(|scenario| {
            scenario
                .report(&checker)
                .map(|report| (scenario.compare(&report), scenario.id))
        });
        match outcome {
            Err(errors) => {
                unreadable += 1;
                for e in errors {
                    eprintln!("{}: {}", safe(&name), safe(&e.to_string()));
                }
            }
            Ok((mismatches, id)) => {
                if let Some((_, other)) = ids.iter().find(|(known, _)| *known == id) {
                    eprintln!("{name}: id: \"{id}\" is also the id of {other}");
                    unreadable += 1;
                    continue;
                }
                ids.push((id, name.clone()));
                if mismatches.is_empty() {
                    agree += 1;
                    println!("{name}: agrees with the engine");
                } else {
                    differ += 1;
                    for m in mismatches {
                        println!("{name}: {m}");
                    }
                }
            }
        }
    }
    println!(
        "{} scenarios: {agree} agree, {differ} differ, {unreadable} cannot be used",
        files.len()
    );
    match (unreadable, differ) {
        (0, 0) => ExitCode::SUCCESS,
        (0, _) => ExitCode::from(1),
        _ => ExitCode::from(2),
    }
}

fn fail(errors: &[FieldError], context: &str) -> ExitCode {
    for e in errors {
        // One line each, whatever a value in it holds.
        let line = safe(&e.to_string()).into_owned();
        if context.is_empty() {
            eprintln!("error: {line}");
        } else {
            eprintln!("error: {}: {line}", safe(context));
        }
    }
    ExitCode::from(2)
}

fn date_arg(name: &str, text: &str) -> Result<NaiveDate, FieldError> {
    parse_iso_date(text).map_err(|m| FieldError::new(name, m))
}

/// The working-day calendar, with a policy profile's extra days if one is given.
fn calendar(policy: Option<&str>) -> Result<Calendar, (Vec<FieldError>, String)> {
    let Some(path) = policy else {
        return Ok(Calendar::default());
    };
    let text = read_input(path, "policy file").map_err(|e| (vec![e], String::new()))?;
    let profile = PolicyProfile::from_json(&text).map_err(|e| (e, path.to_string()))?;
    Ok(profile.calendar())
}

fn in_range(name: &str, date: NaiveDate) -> Result<(), FieldError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&chrono::Datelike::year(&date)) {
        Ok(())
    } else {
        Err(FieldError::new(
            name,
            format!("must be in the years {MIN_YEAR} to {MAX_YEAR}"),
        ))
    }
}

/// A file (or standard input, "-") holding a `what` ("case file", …), read
/// only up to the limit: a device or an endless pipe is refused at 1 MB, never
/// read to its end first.
fn read_input(path: &str, what: &str) -> Result<String, FieldError> {
    let bytes = read_bytes(path, MAX_DOCUMENT_BYTES).map_err(|e| match e.code {
        ErrorCode::TooLarge => too_large(what),
        _ => e,
    })?;
    String::from_utf8(bytes)
        .map_err(|_| FieldError::new("", format!("the {what} is not UTF-8 text")))
}

/// A file's bytes (or standard input's, "-"), refused past `limit`.
fn read_bytes(path: &str, limit: usize) -> Result<Vec<u8>, FieldError> {
    let cannot = |e: std::io::Error| FieldError::new("", format!("cannot read {path}: {e}"));
    let source: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(cannot)?)
    };
    let mut bytes = Vec::new();
    source
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > limit {
        return Err(FieldError::coded(
            "",
            ErrorCode::TooLarge,
            format!(
                "{path} is larger than {} MB, the most it may be",
                limit / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

/// The checker and options `check` and `batch` share: the profiles loaded,
/// the one named (which must be loaded) and the date to assess on.
fn prepare(
    Assess {
        today,
        policies,
        policy_id,
    }: Assess,
) -> Result<(Checker, Options), (Vec<FieldError>, String)> {
    let one = |e: FieldError| (vec![e], String::new());
    let today = today
        .map(|t| date_arg("--today", &t).and_then(|d| in_range("--today", d).map(|_| d)))
        .transpose()
        .map_err(one)?;
    let mut checker = Checker::new();
    for path in &policies {
        let text = read_input(path, "policy file").map_err(one)?;
        checker
            .add_policy_json(&text)
            .map_err(|e| (e, path.clone()))?;
    }
    if let Some(id) = &policy_id {
        let set = checker.policies();
        if !set.profiles().any(|p| &p.id == id) {
            let loaded: Vec<&str> = set.profiles().map(|p| p.id.as_str()).collect();
            return Err(one(FieldError::new(
                "--policy-id",
                format!(
                    "no policy profile \"{id}\" is loaded (loaded: {})",
                    loaded.join(", ")
                ),
            )));
        }
    }
    let options = Options {
        today,
        policy: policy_id,
    };
    Ok((checker, options))
}

/// Where `batch` writes its results.
enum Sink<W: std::io::Write> {
    Csv(Box<csv::Writer<W>>),
    Jsonl(W),
}

impl<W: std::io::Write> Sink<W> {
    fn header(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Csv(w) => w
                .write_record(caseload::result_columns())
                .map_err(Into::into),
            Sink::Jsonl(_) => Ok(()),
        }
    }

    fn write(&mut self, result: &caseload::RowResult) -> std::io::Result<()> {
        match self {
            Sink::Csv(w) => caseload::write_row(w, result).map_err(Into::into),
            Sink::Jsonl(w) => writeln!(w, "{}", caseload::to_json_line(result)),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Csv(w) => w.flush(),
            Sink::Jsonl(w) => w.flush(),
        }
    }
}

/// At most this many rows' errors go to standard error; all are in the results.
const ERROR_ROWS_SHOWN: usize = 20;

/// `batch FILE`: see [`Command::Batch`].
fn batch(
    BatchArgs {
        file,
        format,
        input,
        assess,
        threads,
    }: BatchArgs,
) -> ExitCode {
    let (checker, options) = match prepare(assess) {
        Ok(prepared) => prepared,
        Err((errors, context)) => return fail(&errors, &context),
    };
    let bytes = match read_bytes(&file, caseload::MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => return fail(&[e], ""),
    };
    let input_format = match input {
        Some(BatchFormat::Csv) => caseload::Format::Csv,
        Some(BatchFormat::Jsonl) => caseload::Format::JsonLines,
        None => caseload::Format::detect(&file, &bytes),
    };
    let cases = match caseload::read(&bytes, input_format) {
        Ok(cases) => cases,
        Err(e) => return fail(&[FieldError::coded("", e.code, e.message)], &file),
    };
    drop(bytes);
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(threads.map_or(0, usize::from))
        .build()
    {
        Ok(pool) => pool,
        Err(e) => return fail(&[FieldError::new("--threads", e.to_string())], ""),
    };
    let clock = chrono::Local::now().date_naive();
    let mut summary = caseload::Summary {
        blank_rows: cases.blank_rows,
        ..Default::default()
    };
    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut out = match format {
        BatchFormat::Csv => Sink::Csv(Box::new(csv::Writer::from_writer(stdout))),
        BatchFormat::Jsonl => Sink::Jsonl(stdout),
    };
    let mut written = out.header();
    // Checked a block at a time, in parallel, and written in input order;
    // once the results cannot be written, nothing more is checked.
    for block in cases.inputs.chunks(4096) {
        if written.is_err() {
            break;
        }
        let results: Vec<caseload::RowResult> = pool.install(|| {
            block
                .par_iter()
                .map(|input| caseload::check_row(&checker, input, &options, clock))
                .collect()
        });
        for result in &results {
            summary.add(result);
            if !result.errors().is_empty() && summary.rows_with_errors <= ERROR_ROWS_SHOWN {
                for e in result.errors() {
                    eprintln!("row {}: {}", result.row, safe(&e.to_string()));
                }
            }
            written = written.and_then(|_| out.write(result));
        }
    }
    if let Err(e) = written.and_then(|_| out.flush()) {
        eprintln!("error: cannot write the results: {e}");
        return ExitCode::from(2);
    }
    if summary.rows_with_errors > ERROR_ROWS_SHOWN {
        eprintln!(
            "… and {} more rows with errors: every one is in the results",
            summary.rows_with_errors - ERROR_ROWS_SHOWN
        );
    }
    eprintln!("{}", summary.describe());
    if summary.rows_with_errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run(command: Command) -> Result<String, (Vec<FieldError>, String)> {
    let one = |e: FieldError| (vec![e], String::new());
    match command {
        Command::Check {
            case,
            format,
            assess,
        } => {
            let (checker, options) = prepare(assess)?;
            let text = read_input(&case, "case file").map_err(one)?;
            let clock = chrono::Local::now().date_naive();
            let report = checker
                .check(&text, &options, clock)
                .map_err(|e| (e, case.clone()))?;
            Ok(match format {
                Format::Json => report.to_json() + "\n",
                Format::Text => sfo_check::text::render(&report),
            })
        }
        Command::BankHolidays { year } => {
            if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
                return Err(one(FieldError::new(
                    "YEAR",
                    format!("must be from {MIN_YEAR} to {MAX_YEAR}"),
                )));
            }
            // A note, not an error: standard output stays one date per line.
            if year < sfo_check::calendar::FIRST_CONFIRMED_YEAR {
                eprintln!(
                    "note: {year} is before {}, the first confirmed year: computed with today's rules, not confirmed; holidays that were different then (such as Early May, from 1978, and one-off royal occasions) are not included",
                    sfo_check::calendar::FIRST_CONFIRMED_YEAR
                );
            } else if !sfo_check::calendar::is_confirmed_year(year) {
                eprintln!(
                    "note: {year} is outside the confirmed years ({}–{}): computed by rule, so predicted; one-off holidays may still be proclaimed",
                    sfo_check::calendar::FIRST_CONFIRMED_YEAR,
                    sfo_check::calendar::LAST_CONFIRMED_YEAR
                );
            }
            Ok(bank_holidays(year)
                .iter()
                .map(|h| format!("{}\n", h.date))
                .collect())
        }
        Command::AddWorkingDays { date, n, policy } => {
            let start = date_arg("DATE", &date).map_err(one)?;
            in_range("DATE", start).map_err(one)?;
            let n: u32 = n.parse().map_err(|_| {
                one(FieldError::new(
                    "N",
                    format!("must be a whole number of working days, 0 or more, got \"{n}\""),
                ))
            })?;
            calendar(policy.as_deref())?
                .add_working_days(start, n)
                .map(|d| format!("{d}\n"))
                .ok_or_else(|| one(FieldError::new("N", format!("the result falls outside the years {MIN_YEAR} to {MAX_YEAR}, or N is over {}", sfo_check::calendar::MAX_WORKING_DAYS))))
        }
        Command::WorkingDays { from, to, policy } => {
            let from = date_arg("FROM", &from).map_err(one)?;
            let to = date_arg("TO", &to).map_err(one)?;
            in_range("FROM", from).map_err(one)?;
            in_range("TO", to).map_err(one)?;
            Ok(format!(
                "{}\n",
                calendar(policy.as_deref())?.working_days_between(from, to)
            ))
        }
        Command::Batch(_) => Err(one(FieldError::new("", "caseloads are checked by batch"))),
        Command::Policy => Ok(PolicyProfile::default_profile().to_pretty_json() + "\n"),
        Command::Scenarios {
            action: ScenarioAction::Check { dir },
        } => Err((
            vec![FieldError::new(
                "",
                format!("{dir}: scenarios are checked by check_scenarios"),
            )],
            String::new(),
        )),
    }
}

fn main() -> ExitCode {
    let command = match Cli::parse().command {
        Command::Scenarios {
            action: ScenarioAction::Check { dir },
        } => return check_scenarios(&dir),
        Command::Batch(args) => return batch(args),
        command => command,
    };
    match run(command) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err((errors, context)) => fail(&errors, &context),
    }
}
