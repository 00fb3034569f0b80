//! The `sfo-check` command line. Exit 0 on success, 2 on bad input with
//! every error (field path and reason) on stderr.

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use sfo_check::calendar::{bank_holidays, Calendar, MAX_YEAR, MIN_YEAR};
use sfo_check::caseload;
use sfo_check::date::parse_iso_date;
use sfo_check::ics::IcsOptions;
use sfo_check::input::{ErrorCode, FieldError};
use sfo_check::policy::PolicyProfile;
use sfo_check::strict::{too_large, MAX_DOCUMENT_BYTES};
use sfo_check::text::safe;
use sfo_check::{Checker, Options};
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

/// A line on standard error. One that cannot be written is dropped: a
/// message about a failure is never a reason to panic.
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Standard output, buffered; an error when it was closed.
fn stdout() -> std::io::Result<std::io::BufWriter<std::io::StdoutLock<'static>>> {
    if stdout_was_closed() {
        return Err(std::io::Error::other("standard output is closed"));
    }
    Ok(std::io::BufWriter::with_capacity(
        64 * 1024,
        std::io::stdout().lock(),
    ))
}

/// Whether standard output was closed when the command started (`>&-`).
/// Rust's runtime then opens /dev/null in its place, for reading and
/// writing, and everything written vanishes; no shell redirection opens it
/// so (`> /dev/null` is for writing only), which tells the two apart.
#[cfg(target_os = "linux")]
fn stdout_was_closed() -> bool {
    let to_null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
    let read_write = || {
        let info = std::fs::read_to_string("/proc/self/fdinfo/1").unwrap_or_default();
        info.lines()
            .find_map(|line| line.strip_prefix("flags:"))
            .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 == 0o2)
    };
    to_null && read_write()
}

#[cfg(not(target_os = "linux"))]
fn stdout_was_closed() -> bool {
    false
}

/// The exit for output that could not be written: a reader that has gone
/// (`| head -1`) ends the command quietly, as a signal ends `grep`
/// (128 + SIGPIPE); any other failure is one line and exit 2.
fn unwritten(error: &std::io::Error) -> ExitCode {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        return ExitCode::from(141);
    }
    note!("error: cannot write the output: {error}");
    ExitCode::from(2)
}

/// Writes a command's whole output.
fn emit(text: &str) -> ExitCode {
    match stdout().and_then(|mut out| {
        out.write_all(text.as_bytes())?;
        out.flush()
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => unwritten(&e),
    }
}

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
    /// The deadlines still to do as an iCalendar file.
    Ics,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum BatchFormat {
    Csv,
    Jsonl,
    /// Every open deadline of the cases as one iCalendar file.
    Ics,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    Csv,
    Jsonl,
}

/// What a calendar file holds beyond the steps still to do.
#[derive(clap::Args)]
struct CalendarArgs {
    /// With --format ics: add the steps already done, for a record.
    #[arg(long)]
    include_done: bool,
}

impl CalendarArgs {
    fn options(&self) -> IcsOptions {
        IcsOptions {
            now: chrono::Utc::now(),
            include_done: self.include_done,
        }
    }
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
    input: Option<InputFormat>,
    #[command(flatten)]
    assess: Assess,
    #[command(flatten)]
    calendar: CalendarArgs,
    /// Check this many cases at once (default: one per core; at most
    /// THREADS_PER_CORE a core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

/// More threads than this a core check no faster: they take turns on the
/// same cores, and each holds its own memory.
const THREADS_PER_CORE: usize = 4;

#[derive(Subcommand)]
enum Command {
    /// Check a case (a JSON file, or - for standard input) and print the report.
    Check {
        case: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        #[command(flatten)]
        assess: Assess,
        #[command(flatten)]
        calendar: CalendarArgs,
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
    /// Check every scenario file in DIR against the engine and the rules for
    /// training material; each mismatch is reported. Exit 0 when all agree,
    /// 1 when some differ or break a rule, 2 when a file cannot be read.
    Check { dir: String },
}

/// A path as a person reads it: invalid UTF-8 bytes as `\xNN`, control
/// characters escaped, so a file's name never changes the terminal.
fn shown(path: &Path) -> String {
    let mut text = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        text.push_str(&safe(chunk.valid()));
        for byte in chunk.invalid() {
            text.push_str(&format!("\\x{byte:02x}"));
        }
    }
    text
}

/// `scenarios check DIR`: one line per file, then a count.
fn check_scenarios(dir: &str) -> ExitCode {
    let mut files: Vec<std::path::PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => {
            note!("error: cannot read {}: {e}", safe(dir));
            return ExitCode::from(2);
        }
    };
    files.sort();
    let mut out = match stdout() {
        Ok(out) => out,
        Err(e) => return unwritten(&e),
    };
    let checker = Checker::new();
    let (mut agree, mut differ, mut unfit, mut unreadable) = (0, 0, 0, 0);
    let mut ids: Vec<(String, String)> = Vec::new();
    let mut written = Ok(());
    for path in &files {
        let name = shown(path);
        let read = read_input(path, &name, "scenario file")
            .map_err(|e| vec![e])
            .and_then(|text| sfo_check::scenario::Scenario::from_json(&text));
        let outcome = read.and_then(|scenario| {
            scenario
                .report(&checker)
                .map(|report| (scenario.compare(&report), scenario.review(), scenario.id))
        });
        match outcome {
            Err(errors) => {
                unreadable += 1;
                for e in errors {
                    note!("{name}: {}", safe(&e.to_string()));
                }
            }
            Ok((mismatches, problems, id)) => {
                if let Some((_, other)) = ids.iter().find(|(known, _)| *known == id) {
                    note!("{name}: id: \"{}\" is also the id of {other}", safe(&id));
                    unreadable += 1;
                    continue;
                }
                ids.push((id, name.clone()));
                if mismatches.is_empty() && problems.is_empty() {
                    agree += 1;
                    written = written.and_then(|_| writeln!(out, "{name}: agrees with the engine"));
                }
                if !mismatches.is_empty() {
                    differ += 1;
                }
                if !problems.is_empty() {
                    unfit += 1;
                }
                for m in mismatches {
                    written =
                        written.and_then(|_| writeln!(out, "{name}: {}", safe(&m.to_string())));
                }
                for p in problems {
                    written =
                        written.and_then(|_| writeln!(out, "{name}: {}", safe(&p.to_string())));
                }
            }
        }
        if written.is_err() {
            break;
        }
    }
    let summary = format!(
        "{} scenarios: {agree} agree, {differ} differ, {unfit} break the library\u{2019}s rules, {unreadable} cannot be used",
        files.len()
    );
    if let Err(e) = written
        .and_then(|_| writeln!(out, "{summary}"))
        .and_then(|_| out.flush())
    {
        return unwritten(&e);
    }
    match (unreadable, differ + unfit) {
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
            note!("error: {line}");
        } else {
            note!("error: {}: {line}", safe(context));
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
    let text = read_named(path, "policy file").map_err(|e| (vec![e], String::new()))?;
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

/// A file named on the command line (or standard input, "-"): see [`read_input`].
fn read_named(name: &str, what: &str) -> Result<String, FieldError> {
    read_input(Path::new(name), &safe(name), what)
}

/// A file (or standard input, "-") holding a `what` ("case file", …), read
/// only up to the limit: a device or an endless pipe is refused at 1 MB, never
/// read to its end first. `shown` is its name in messages.
fn read_input(path: &Path, shown: &str, what: &str) -> Result<String, FieldError> {
    let bytes = read_bytes(path, shown, MAX_DOCUMENT_BYTES).map_err(|e| match e.code {
        ErrorCode::TooLarge => too_large(what),
        _ => e,
    })?;
    String::from_utf8(bytes)
        .map_err(|_| FieldError::new("", format!("the {what} is not UTF-8 text")))
}

/// A file's bytes (or standard input's, "-"), refused past `limit`.
fn read_bytes(path: &Path, shown: &str, limit: usize) -> Result<Vec<u8>, FieldError> {
    let cannot = |e: std::io::Error| FieldError::new("", format!("cannot read {shown}: {e}"));
    let source: Box<dyn Read> = if path == Path::new("-") {
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
                "{shown} is larger than {} MB, the most it may be",
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
    let mut loaded_from: Vec<(String, &str)> = Vec::new();
    for path in &policies {
        let text = read_named(path, "policy file").map_err(one)?;
        let profile = PolicyProfile::from_json(&text).map_err(|e| (e, path.clone()))?;
        // Two files with one id: the second would silently replace the first.
        if let Some((_, first)) = loaded_from.iter().find(|(id, _)| *id == profile.id) {
            return Err((
                vec![FieldError::coded(
                    "id",
                    ErrorCode::Duplicate,
                    format!(
                        "\u{201c}{}\u{201d} is also the id of the profile in {}: each profile loaded needs an id of its own",
                        safe(&profile.id),
                        safe(first)
                    ),
                )],
                path.clone(),
            ));
        }
        loaded_from.push((profile.id.clone(), path));
        checker
            .add_policy(profile)
            .map_err(|e| (vec![e], path.clone()))?;
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
enum Sink<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Jsonl(W),
    Ics(W),
}

impl<W: Write> Sink<W> {
    fn start(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Csv(w) => w.write_record(caseload::result_columns()).map_err(io_error),
            Sink::Jsonl(_) => Ok(()),
            Sink::Ics(w) => w.write_all(sfo_check::ics::FILE_START.as_bytes()),
        }
    }

    /// One row's result (or, for a calendar, its events).
    fn write(&mut self, result: &caseload::RowResult, events: &str) -> std::io::Result<()> {
        match self {
            Sink::Csv(w) => caseload::write_row(w, result).map_err(io_error),
            Sink::Jsonl(w) => writeln!(w, "{}", caseload::to_json_line(result)),
            Sink::Ics(w) => w.write_all(events.as_bytes()),
        }
    }

    fn end(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Csv(w) => w.flush(),
            Sink::Jsonl(w) => w.flush(),
            Sink::Ics(w) => {
                w.write_all(sfo_check::ics::FILE_END.as_bytes())?;
                w.flush()
            }
        }
    }
}

/// A CSV writer's error as the I/O error it wraps, keeping its kind (a
/// closed pipe stays a closed pipe).
fn io_error(e: csv::Error) -> std::io::Error {
    let kind = match e.kind() {
        csv::ErrorKind::Io(inner) => inner.kind(),
        _ => std::io::ErrorKind::Other,
    };
    std::io::Error::new(kind, e)
}

/// At most this many rows' errors go to standard error; all are in the results.
const ERROR_ROWS_SHOWN: usize = 20;

/// The threads `batch` may run: one per core by default; more than
/// [`THREADS_PER_CORE`] a core is refused, saying why.
fn thread_count(asked: Option<u16>) -> Result<usize, FieldError> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let most = cores * THREADS_PER_CORE;
    match asked.map(usize::from) {
        None => Ok(cores),
        Some(n) if n <= most => Ok(n),
        Some(n) => Err(FieldError::coded(
            "--threads",
            ErrorCode::OutOfRange,
            format!(
                "{n} is more than this machine can use: it has {cores} {}, and more than {THREADS_PER_CORE} threads a core only take turns on the same cores, each holding its own memory, so give at most {most}",
                if cores == 1 { "core" } else { "cores" }
            ),
        )),
    }
}

/// `batch FILE`: see [`Command::Batch`].
fn batch(
    BatchArgs {
        file,
        format,
        input,
        assess,
        calendar,
        threads,
    }: BatchArgs,
) -> ExitCode {
    let (checker, options) = match prepare(assess) {
        Ok(prepared) => prepared,
        Err((errors, context)) => return fail(&errors, &context),
    };
    let threads = match thread_count(threads) {
        Ok(threads) => threads,
        Err(e) => return fail(&[e], ""),
    };
    let bytes = match read_bytes(Path::new(&file), &safe(&file), caseload::MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => return fail(&[e], ""),
    };
    let input_format = match input {
        Some(InputFormat::Csv) => caseload::Format::Csv,
        Some(InputFormat::Jsonl) => caseload::Format::JsonLines,
        None => caseload::Format::detect(&file, &bytes),
    };
    let cases = match caseload::read(&bytes, input_format) {
        Ok(cases) => cases,
        Err(e) => return fail(&[FieldError::coded("", e.code, e.message)], &file),
    };
    drop(bytes);
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(e) => return fail(&[FieldError::new("--threads", e.to_string())], ""),
    };
    let clock = chrono::Local::now().date_naive();
    let mut summary = caseload::Summary {
        blank_rows: cases.blank_rows,
        ..Default::default()
    };
    let stdout = match stdout() {
        Ok(out) => out,
        Err(e) => return unwritten(&e),
    };
    let ics_options = (format == BatchFormat::Ics).then(|| calendar.options());
    let mut out = match format {
        BatchFormat::Csv => Sink::Csv(Box::new(csv::Writer::from_writer(stdout))),
        BatchFormat::Jsonl => Sink::Jsonl(stdout),
        BatchFormat::Ics => Sink::Ics(stdout),
    };
    let mut written = out.start();
    // Checked a block at a time, in parallel, and written in input order;
    // once the results cannot be written, nothing more is checked.
    for block in cases.inputs.chunks(4096) {
        if written.is_err() {
            break;
        }
        let results: Vec<(caseload::RowResult, String)> = pool.install(|| {
            block
                .par_iter()
                .map(|input| {
                    let mut events = String::new();
                    let ics = ics_options.as_ref().map(|o| (o, &mut events));
                    let result =
                        caseload::check_row_with_events(&checker, input, &options, clock, ics);
                    (result, events)
                })
                .collect()
        });
        for (result, events) in &results {
            summary.add(result);
            if !result.errors().is_empty() && summary.rows_with_errors <= ERROR_ROWS_SHOWN {
                for e in result.errors() {
                    note!("row {}: {}", result.row, safe(&e.to_string()));
                }
            }
            written = written.and_then(|_| out.write(result, events));
        }
    }
    if let Err(e) = written.and_then(|_| out.end()) {
        return unwritten(&e);
    }
    if summary.rows_with_errors > ERROR_ROWS_SHOWN {
        note!(
            "… and {} more rows with errors: every one is in the results",
            summary.rows_with_errors - ERROR_ROWS_SHOWN
        );
    }
    note!("{}", summary.describe());
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
            calendar,
        } => {
            let (checker, options) = prepare(assess)?;
            let text = read_named(&case, "case file").map_err(one)?;
            let clock = chrono::Local::now().date_naive();
            let failed = |e| (e, case.clone());
            match format {
                Format::Json => checker
                    .check(&text, &options, clock)
                    .map(|report| sfo_check::text::safe_json(&report) + "\n")
                    .map_err(failed),
                Format::Text => checker
                    .check(&text, &options, clock)
                    .map(|report| sfo_check::text::render(&report))
                    .map_err(failed),
                Format::Ics => checker
                    .calendar_file(&text, &options, clock, &calendar.options())
                    .map_err(failed),
            }
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
                note!(
                    "note: {year} is before {}, the first confirmed year: computed with today's rules, not confirmed; holidays that were different then (such as Early May, from 1978, and one-off royal occasions) are not included",
                    sfo_check::calendar::FIRST_CONFIRMED_YEAR
                );
            } else if !sfo_check::calendar::is_confirmed_year(year) {
                note!(
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
                    format!(
                        "must be a whole number of working days, 0 or more, got \"{}\"",
                        safe(&n)
                    ),
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
        Ok(out) => emit(&out),
        Err((errors, context)) => fail(&errors, &context),
    }
}
