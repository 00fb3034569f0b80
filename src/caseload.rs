//! A caseload: many cases checked at once (`docs/caseload-format.md`). A CSV
//! file with one case a row, or JSON lines of full cases, in; one result row
//! a case out, in input order. A bad row is reported by its row number and
//! column, and every good row is still checked.

use crate::case::{Case, Inchoate, Level, Mappa, SupervisionPeriod};
use crate::date::Date;
use crate::input::{ErrorCode, FieldError};
use crate::registry::{RuleId, RuleKind};
use crate::report::{QualificationStatus, Report, State};
use crate::{Checker, Options};
use chrono::{Datelike, NaiveDate};
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::{Deserialize, Serialize};

/// The largest caseload file read: about 250,000 CSV rows.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// The most cases a caseload holds.
pub const MAX_ROWS: usize = 200_000;
/// The longest CSV cell, in characters (a JSON line is one case, bounded as any case is).
pub const MAX_CELL_CHARS: usize = 1_000;

/// A CSV column: its header and the case field it fills.
pub struct Column {
    pub name: &'static str,
    /// The case field, in the form `fields.rs` names it.
    pub field: &'static str,
    /// Which supervision period (0 or 1) a `supervision[]` field is in.
    pub period: usize,
}

impl Column {
    /// Its case field with the period's place: `supervision[1].start`.
    pub fn path(&self) -> String {
        self.field.replace("[]", &format!("[{}]", self.period))
    }
}

const fn column(name: &'static str, field: &'static str) -> Column {
    Column {
        name,
        field,
        period: 0,
    }
}

const fn second(name: &'static str, field: &'static str) -> Column {
    Column {
        name,
        field,
        period: 1,
    }
}

/// Every column a caseload CSV may have, in the order results describe them.
pub const COLUMNS: &[Column] = &[
    column("reference", "reference"),
    column("today", "today"),
    column("supervision_type", "supervision[].type"),
    column("supervision_start", "supervision[].start"),
    column("supervision_scheduled_end", "supervision[].scheduled_end"),
    column("supervision_terminated", "supervision[].terminated"),
    second("supervision2_type", "supervision[].type"),
    second("supervision2_start", "supervision[].start"),
    second("supervision2_scheduled_end", "supervision[].scheduled_end"),
    second("supervision2_terminated", "supervision[].terminated"),
    column("offence", "offence.id"),
    column("inchoate", "offence.inchoate"),
    column("alleged_from", "offence.alleged_from"),
    column("alleged_to", "offence.alleged_to"),
    column("charged", "offence.charged"),
    column("first_court_appearance", "offence.first_court_appearance"),
    column("charges_dropped", "offence.charges_dropped"),
    column("notification_submitted", "review.notification_submitted"),
    column("review_submitted", "review.review_submitted"),
    column("qa_completed", "review.qa_completed"),
    column("rosh_date", "rosh.date"),
    column("rosh_overall", "rosh.overall"),
    column("mappa_level", "circumstances.mappa.level"),
];

const REFERENCE: usize = 0;

/// The column holding a case field (`supervision[1].start` → `supervision2_start`).
pub fn column_for(path: &str) -> Option<&'static Column> {
    let (field, period) = match path.strip_prefix("supervision[") {
        Some(rest) => {
            let (index, field) = rest.split_once(']')?;
            (
                format!("supervision[]{field}"),
                index.parse::<usize>().ok()?,
            )
        }
        None => (path.to_string(), 0),
    };
    COLUMNS
        .iter()
        .find(|c| c.field == field && c.period == period)
}

/// How the cases are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Csv,
    JsonLines,
}

impl Format {
    /// By the file's name (`.csv`, `.jsonl`, `.ndjson`), else by its first
    /// character: a JSON line starts with `{`.
    pub fn detect(name: &str, bytes: &[u8]) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            return Format::Csv;
        }
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".json") {
            return Format::JsonLines;
        }
        let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match start.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Format::JsonLines,
            _ => Format::Csv,
        }
    }
}

/// A problem with one row, naming its column (or case field, for a JSON line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// The CSV column; empty for a JSON line or the whole row.
    pub column: String,
    /// A JSON line's case field (`offence.charged`); empty otherwise.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub field: String,
    pub code: ErrorCode,
    pub message: String,
}

impl RowError {
    fn whole_row(code: ErrorCode, message: impl Into<String>) -> RowError {
        RowError {
            column: String::new(),
            field: String::new(),
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.column.as_str(), self.field.as_str()) {
            ("", "") => f.write_str(&self.message),
            ("", field) => write!(f, "{field}: {}", self.message),
            (column, _) => write!(f, "{column}: {}", self.message),
        }
    }
}

/// One case as read: its cells or its JSON line, or why it cannot be read.
#[derive(Debug, Clone)]
pub struct Input {
    /// The row as a spreadsheet numbers it (the header is row 1), or the
    /// line number of a JSON line.
    pub row: usize,
    pub source: Source,
    /// The earlier row that gave the same reference, if one did.
    pub reference_first_in: Option<usize>,
}

impl Input {
    fn new(row: usize, source: Source) -> Input {
        Input {
            row,
            source,
            reference_first_in: None,
        }
    }

    /// The problem of a reference an earlier row gave too.
    fn repeated_reference(&self) -> Option<RowError> {
        let first = self.reference_first_in?;
        let reference = reference_of(self).unwrap_or_default();
        let json = matches!(self.source, Source::JsonLine(_));
        let message = format!(
            "\u{201c}{}\u{201d} is also the reference of {} {first}: each case needs a reference of its own, so that its results and calendar events are never taken for another case\u{2019}s",
            crate::text::safe(&reference),
            if json { "line" } else { "row" },
        );
        let (column, field) = if json {
            (String::new(), "reference".to_string())
        } else {
            (COLUMNS[REFERENCE].name.to_string(), String::new())
        };
        Some(RowError {
            column,
            field,
            code: ErrorCode::Duplicate,
            message,
        })
    }
}

#[derive(Debug, Clone)]
pub enum Source {
    /// A CSV row's cells.
    Cells(Cells),
    JsonLine(String),
    /// A row that cannot be read, with its reference when that cell can be.
    Unreadable {
        reference: Option<String>,
        errors: Vec<RowError>,
    },
}

/// A CSV row's cells, kept as read (one buffer a row, not one a cell).
#[derive(Debug, Clone)]
pub struct Cells {
    record: csv::StringRecord,
    /// For each of [`COLUMNS`], its cell in the record ([`ABSENT`] when the file has no such column).
    at: [u8; COLUMNS.len()],
}

const ABSENT: u8 = u8::MAX;

impl Cells {
    /// Column `column`'s text (of [`COLUMNS`]), trimmed; `None` when empty or absent.
    pub fn get(&self, column: usize) -> Option<&str> {
        let at = *self.at.get(column)?;
        let text = self.record.get(usize::from(at))?.trim();
        (!text.is_empty()).then_some(text)
    }

    /// Each column's text, in [`COLUMNS`] order.
    pub fn iter(&self) -> impl Iterator<Item = Option<&str>> {
        (0..COLUMNS.len()).map(|column| self.get(column))
    }
}

/// A caseload read: its cases, and how many blank rows were passed over.
#[derive(Debug, Clone, Default)]
pub struct Caseload {
    pub inputs: Vec<Input>,
    /// Rows with every cell empty, or blank lines: counted, never checked.
    pub blank_rows: usize,
}

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileError {
    pub code: ErrorCode,
    pub message: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn file_error(code: ErrorCode, message: impl Into<String>) -> FileError {
    FileError {
        code,
        message: message.into(),
    }
}

fn too_many_rows() -> FileError {
    file_error(
        ErrorCode::TooLarge,
        format!(
            "the file has more than {} cases: the most a caseload holds is {}; split it into smaller files",
            crate::text::count(MAX_ROWS as u64),
            crate::text::count(MAX_ROWS as u64)
        ),
    )
}

/// Reads a caseload file. Only a file that cannot be read at all is an error;
/// a bad row is kept, with its problems, in its place.
pub fn read(bytes: &[u8], format: Format) -> Result<Caseload, FileError> {
    if let Some(error) = too_large(bytes.len() as u64) {
        return Err(error);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut caseload = match format {
        Format::Csv => read_csv(bytes)?,
        Format::JsonLines => read_json_lines(bytes)?,
    };
    if caseload.inputs.is_empty() {
        return Err(file_error(
            ErrorCode::Required,
            "the file holds no cases: a caseload has a row (or a JSON line) for each case",
        ));
    }
    mark_repeated_references(&mut caseload);
    Ok(caseload)
}

/// A reference given to an earlier row too is a problem on the later row:
/// results and calendar events name a case by its reference, so two cases
/// under one would be taken for each other.
fn mark_repeated_references(caseload: &mut Caseload) {
    use std::collections::hash_map::Entry;
    let mut first_row = std::collections::HashMap::with_capacity(caseload.inputs.len());
    for input in &mut caseload.inputs {
        let Some(reference) = reference_of(input) else {
            continue;
        };
        match first_row.entry(reference) {
            Entry::Vacant(entry) => {
                entry.insert(input.row);
            }
            Entry::Occupied(entry) => input.reference_first_in = Some(*entry.get()),
        }
    }
}

/// The error for a caseload file of `bytes` bytes, if it is over the limit:
/// known from its size alone, so a page can refuse it before reading it.
pub fn too_large(bytes: u64) -> Option<FileError> {
    (bytes > MAX_BYTES as u64).then(|| {
        file_error(
            ErrorCode::TooLarge,
            format!(
                "the file is {}: the most a caseload file holds is {} MB",
                megabytes(bytes),
                MAX_BYTES / (1024 * 1024)
            ),
        )
    })
}

/// `12.5 MB`, in whole tenths (without float formatting, which would add
/// to the page's module: it says this before reading a file).
fn megabytes(bytes: u64) -> String {
    let tenths = (u128::from(bytes) * 10 + 512 * 1024) / (1024 * 1024);
    format!(
        "{}.{} MB",
        crate::text::count((tenths / 10) as u64),
        tenths % 10
    )
}

fn read_csv(bytes: &[u8]) -> Result<Caseload, FileError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut header = csv::ByteRecord::new();
    match reader.read_byte_record(&mut header) {
        Ok(true) => {}
        Ok(false) => {
            return Err(file_error(
                ErrorCode::Required,
                "the file is empty: a caseload starts with a header row naming its columns",
            ))
        }
        Err(e) => return Err(file_error(ErrorCode::NotJson, csv_problem(&e))),
    }
    let positions = header_positions(&header)?;
    let mut caseload = Caseload::default();
    // Rows are numbered as a spreadsheet numbers them. The csv reader passes
    // over empty lines without a record: the lines it read beyond the
    // record's own (one, and one more for each line break inside a quoted
    // cell) were empty lines, and are counted.
    let mut row = header.position().map_or(1, |p| line(p.line()));
    let mut line_before = reader.position().line();
    let mut last_has_break = false;
    // One buffer read into; each row keeps a copy of just its own size.
    let mut record = csv::ByteRecord::new();
    loop {
        let read = reader.read_byte_record(&mut record);
        let lines_read = line(reader.position().line().saturating_sub(line_before));
        line_before = reader.position().line();
        let breaks = match read {
            Ok(true) => record
                .iter()
                .map(|cell| cell.iter().filter(|b| **b == b'\n').count())
                .sum(),
            _ => 0,
        };
        let skipped = lines_read.saturating_sub(1 + breaks);
        match read {
            Ok(false) => break,
            Ok(true)
                if record
                    .iter()
                    .all(|cell| cell.iter().all(u8::is_ascii_whitespace)) =>
            {
                caseload.blank_rows += skipped + 1;
                row += skipped + 1;
            }
            Ok(true) => {
                caseload.blank_rows += skipped;
                row += skipped + 1;
                last_has_break = breaks > 0;
                push(&mut caseload, read_record(row, record.clone(), &positions))?;
            }
            // The csv reader resumes at the next record after any problem it reports.
            Err(e) => {
                row += 1;
                last_has_break = false;
                push(
                    &mut caseload,
                    Input::new(
                        row,
                        Source::Unreadable {
                            reference: None,
                            errors: vec![RowError::whole_row(ErrorCode::Invalid, csv_problem(&e))],
                        },
                    ),
                )?;
            }
        }
    }
    // A quote left open runs to the end of the file, taking every row after
    // it into one cell: the row it starts in says so, never quietly losing
    // the rows below it. (Quotes come in pairs in a file whose quotes close.)
    let quotes = bytes.iter().filter(|b| **b == b'"').count();
    if let (true, true, Some(last)) = (quotes % 2 == 1, last_has_break, caseload.inputs.last_mut())
    {
        let reference = reference_of(last);
        last.source = Source::Unreadable {
            reference,
            errors: vec![RowError::whole_row(
                ErrorCode::Invalid,
                "a quoted cell in this row is not closed, so the rows after it were read into it: close the quote (\u{201c}\"\u{201d}) and check the file again",
            )],
        };
    }
    Ok(caseload)
}

fn line(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

fn push(caseload: &mut Caseload, input: Input) -> Result<(), FileError> {
    if caseload.inputs.len() == MAX_ROWS {
        return Err(too_many_rows());
    }
    caseload.inputs.push(input);
    Ok(())
}

fn csv_problem(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            format!("the row is not UTF-8 text: {SAVE_AS_UTF8}")
        }
        _ => "the row cannot be read as CSV".to_string(),
    }
}

/// How many unknown columns an error names before counting the rest.
const UNKNOWN_COLUMNS_NAMED: usize = 10;

/// Each header cell's column index in [`COLUMNS`]; an unknown or repeated
/// header is an error naming it, so a typo never drops a fact.
fn header_positions(header: &csv::ByteRecord) -> Result<Vec<usize>, FileError> {
    let mut positions = Vec::with_capacity(header.len());
    let mut unknown = Vec::new();
    let mut repeated = Vec::new();
    for cell in header.iter() {
        let Ok(name) = std::str::from_utf8(cell) else {
            return Err(file_error(
                ErrorCode::Invalid,
                format!("the header row is not UTF-8 text: {SAVE_AS_UTF8}"),
            ));
        };
        let name = name.trim();
        match COLUMNS.iter().position(|c| c.name == name) {
            Some(index) if positions.contains(&index) => repeated.push(name.to_string()),
            Some(index) => positions.push(index),
            None => unknown.push(crate::text::safe(name).into_owned()),
        }
    }
    let quoted = |names: &[String]| {
        names
            .iter()
            .map(|n| format!("\u{201c}{n}\u{201d}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !unknown.is_empty() {
        let known: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        // The first few name the mistake; thousands would bury it.
        let shown = unknown.len().min(UNKNOWN_COLUMNS_NAMED);
        let more = match unknown.len() - shown {
            0 => String::new(),
            more => format!(" and {} more", crate::text::count(more as u64)),
        };
        return Err(file_error(
            ErrorCode::UnknownField,
            format!(
                "the header names {} that a caseload does not have: {}{more}. The columns are {}",
                if unknown.len() == 1 {
                    "a column"
                } else {
                    "columns"
                },
                quoted(&unknown[..shown]),
                known.join(", ")
            ),
        ));
    }
    if !repeated.is_empty() {
        return Err(file_error(
            ErrorCode::Duplicate,
            format!("the header names {} more than once", quoted(&repeated)),
        ));
    }
    if !positions.contains(&REFERENCE) {
        return Err(file_error(
            ErrorCode::Required,
            "the header has no \u{201c}reference\u{201d} column: each case needs one, to say which case each result is for",
        ));
    }
    Ok(positions)
}

const SAVE_AS_UTF8: &str = "save the file as \u{201c}CSV UTF-8\u{201d}";

fn read_record(row: usize, record: csv::ByteRecord, positions: &[usize]) -> Input {
    let mut errors = Vec::new();
    if record.len() != positions.len() {
        errors.push(RowError::whole_row(
            ErrorCode::Invalid,
            format!(
                "the row has {} cells but the header has {} columns",
                record.len(),
                positions.len()
            ),
        ));
    }
    let cell_error = |index: usize, code, message: String| RowError {
        column: COLUMNS[index].name.to_string(),
        field: String::new(),
        code,
        message,
    };
    // The reference names a bad row too, when its own cell reads.
    let reference_in = |cell: Option<&[u8]>| {
        std::str::from_utf8(cell?)
            .ok()
            .map(str::trim)
            .filter(|text| !text.is_empty() && text.chars().count() <= MAX_CELL_CHARS)
            .map(String::from)
    };
    let reference_at = positions.iter().position(|&index| index == REFERENCE);
    // Characters are counted only when the bytes could be too many.
    let too_long = |text: &str, index: usize| {
        (text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS).then(|| {
            cell_error(
                index,
                ErrorCode::TooLarge,
                format!(
                    "is {} characters long: the most a cell holds is {}",
                    crate::text::count(text.chars().count() as u64),
                    crate::text::count(MAX_CELL_CHARS as u64)
                ),
            )
        })
    };
    // The whole row is checked as UTF-8 at once; only a row that is not is
    // looked at cell by cell, to name its columns.
    let record = match csv::StringRecord::from_byte_record(record) {
        Ok(record) => record,
        Err(e) => {
            let record = e.into_byte_record();
            for (cell, &index) in record.iter().zip(positions) {
                match std::str::from_utf8(cell) {
                    Err(_) => errors.push(cell_error(
                        index,
                        ErrorCode::Invalid,
                        format!("is not UTF-8 text: {SAVE_AS_UTF8}"),
                    )),
                    Ok(text) => errors.extend(too_long(text, index)),
                }
            }
            let reference = reference_in(reference_at.and_then(|at| record.get(at)));
            let source = Source::Unreadable { reference, errors };
            return Input::new(row, source);
        }
    };
    for (text, &index) in record.iter().zip(positions) {
        errors.extend(too_long(text, index));
    }
    let source = if errors.is_empty() {
        let mut at = [ABSENT; COLUMNS.len()];
        for (cell, &index) in positions.iter().enumerate().take(record.len()) {
            // At most 255 cells are read: a header has one of each of the 23 columns.
            at[index] = u8::try_from(cell).unwrap_or(ABSENT);
        }
        Source::Cells(Cells { record, at })
    } else {
        let reference = reference_in(
            reference_at
                .and_then(|at| record.get(at))
                .map(str::as_bytes),
        );
        Source::Unreadable { reference, errors }
    };
    Input::new(row, source)
}

fn read_json_lines(bytes: &[u8]) -> Result<Caseload, FileError> {
    let mut caseload = Caseload::default();
    for (index, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let row = index + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            caseload.blank_rows += 1;
            continue;
        }
        let source = match std::str::from_utf8(line) {
            Ok(text) => Source::JsonLine(text.to_string()),
            Err(_) => Source::Unreadable {
                reference: None,
                errors: vec![RowError::whole_row(
                    ErrorCode::Invalid,
                    "the line is not UTF-8 text",
                )],
            },
        };
        push(&mut caseload, Input::new(row, source))?;
    }
    // The final newline ends the last line; it does not start a blank one.
    if bytes.ends_with(b"\n") {
        caseload.blank_rows -= 1;
    }
    Ok(caseload)
}

/// A cell read as a value of a case enum or a date, with the same meaning
/// (and, for dates, the same words) as in a case file.
fn typed<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, String> {
    T::deserialize(StrDeserializer::<ValueError>::new(text)).map_err(|e| e.to_string())
}

fn choice<'a, T: Deserialize<'a> + crate::fields::Choices>(text: &'a str) -> Result<T, String> {
    typed(text).map_err(|_| {
        let values: Vec<String> = T::choices().into_iter().map(|c| c.value).collect();
        format!(
            "\u{201c}{}\u{201d} is not one of the values this column takes: {}",
            crate::text::safe(text),
            values.join(", ")
        )
    })
}

impl Cells {
    /// The row as a case, from every cell that reads, and the problems with
    /// the others.
    pub fn case(&self) -> (Case, Vec<RowError>) {
        let cells = self;
        let mut errors = Vec::new();
        let mut case = Case::default();
        let mut periods = [SupervisionPeriod::default(), SupervisionPeriod::default()];
        let mut used = [false, false];
        let mut mappa = Mappa::default();
        for (column, cell) in COLUMNS.iter().zip(cells.iter()) {
            let Some(text) = cell else {
                continue;
            };
            let mut fail = |code: ErrorCode, message: String| {
                errors.push(RowError {
                    column: column.name.to_string(),
                    field: String::new(),
                    code,
                    message,
                })
            };
            let date = || typed::<Date>(text);
            macro_rules! set_date {
                ($target:expr) => {
                    match date() {
                        Ok(d) => $target = Some(d),
                        Err(m) => fail(ErrorCode::BadDate, m),
                    }
                };
            }
            let period = &mut periods[column.period];
            match column.field {
                "reference" => case.reference = Some(text.to_string()),
                "today" => set_date!(case.today),
                "supervision[].type" => {
                    used[column.period] = true;
                    period.kind = Some(text.to_string())
                }
                "supervision[].start" => {
                    used[column.period] = true;
                    set_date!(period.start)
                }
                "supervision[].scheduled_end" => {
                    used[column.period] = true;
                    set_date!(period.scheduled_end)
                }
                "supervision[].terminated" => {
                    used[column.period] = true;
                    set_date!(period.terminated)
                }
                "offence.id" => case.offence.id = Some(text.to_string()),
                "offence.inchoate" => match choice::<Inchoate>(text) {
                    Ok(v) => case.offence.inchoate = Some(v),
                    Err(m) => fail(ErrorCode::UnknownValue, m),
                },
                "offence.alleged_from" => set_date!(case.offence.alleged_from),
                "offence.alleged_to" => set_date!(case.offence.alleged_to),
                "offence.charged" => set_date!(case.offence.charged),
                "offence.first_court_appearance" => set_date!(case.offence.first_court_appearance),
                "offence.charges_dropped" => set_date!(case.offence.charges_dropped),
                "review.notification_submitted" => set_date!(case.review.notification_submitted),
                "review.review_submitted" => set_date!(case.review.review_submitted),
                "review.qa_completed" => set_date!(case.review.qa_completed),
                "rosh.date" => set_date!(case.rosh.date),
                "rosh.overall" => match choice::<Level>(text) {
                    Ok(v) => case.rosh.overall = Some(v),
                    Err(m) => fail(ErrorCode::UnknownValue, m),
                },
                "circumstances.mappa.level" => match text.parse::<u8>() {
                    Ok(level) => mappa.level = Some(level),
                    Err(_) => fail(
                        ErrorCode::WrongType,
                        format!(
                            "expected a MAPPA level as a number (1, 2 or 3), got \u{201c}{}\u{201d}",
                            crate::text::safe(text)
                        ),
                    ),
                },
                other => unreachable!("caseload column for {other} is read above"),
            }
        }
        if cells.get(REFERENCE).is_none() {
            errors.insert(
                0,
                RowError {
                    column: COLUMNS[REFERENCE].name.to_string(),
                    field: String::new(),
                    code: ErrorCode::Required,
                    message: "required, but empty: each case needs a reference".into(),
                },
            );
        }
        case.supervision = periods.into_iter().take(periods_kept(used)).collect();
        case.circumstances.mappa = mappa;
        (case, errors)
    }
}

/// How many of the two supervision periods a row's case has, by which have
/// a cell: a second given without a first keeps its place (an empty first),
/// so its problems still name the `supervision2_` columns.
fn periods_kept(given: [bool; 2]) -> usize {
    match given {
        [_, true] => 2,
        [true, false] => 1,
        [false, false] => 0,
    }
}

/// A step's due date and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepResult {
    pub step: RuleId,
    pub due: Option<NaiveDate>,
    pub state: State,
}

/// What a case's check found, in brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checked {
    pub status: QualificationStatus,
    /// The date the case was assessed on.
    pub today: NaiveDate,
    pub steps: Vec<StepResult>,
    /// Whether an extension was asked for after its step's deadline; `None`
    /// when no extension says.
    pub extension_asked_late: Option<bool>,
    pub flags: Vec<RuleId>,
}

/// The steps someone must do, most pressing first.
fn pressing(state: &State) -> Option<u8> {
    match state {
        State::Overdue { .. } => Some(0),
        State::DueToday => Some(1),
        State::DueIn { .. } => Some(2),
        _ => None,
    }
}

impl Checked {
    pub fn from_report(report: &Report) -> Checked {
        let requested: Vec<bool> = report
            .deadlines
            .iter()
            .filter_map(|d| d.extension_requested_before_deadline)
            .collect();
        Checked {
            status: report.qualification.status,
            today: report.stamp.today,
            steps: report
                .deadlines
                .iter()
                .map(|d| StepResult {
                    step: d.id,
                    due: d.current_due,
                    state: d.state.clone(),
                })
                .collect(),
            extension_asked_late: (!requested.is_empty()).then(|| requested.contains(&false)),
            flags: report.flags.iter().map(|f| f.id).collect(),
        }
    }

    /// The step to do next: the earliest overdue, else the one due soonest.
    pub fn next(&self) -> Option<&StepResult> {
        self.steps
            .iter()
            .filter(|s| s.due.is_some())
            .filter_map(|s| pressing(&s.state).map(|rank| (rank, s)))
            .min_by_key(|(rank, s)| (*rank, s.due))
            .map(|(_, s)| s)
    }

    pub fn step(&self, id: RuleId) -> Option<&StepResult> {
        self.steps.iter().find(|s| s.step == id)
    }
}

/// One case's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowResult {
    pub row: usize,
    pub reference: Option<String>,
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum Outcome {
    Checked(Checked),
    Errors { errors: Vec<RowError> },
}

impl RowResult {
    pub fn checked(&self) -> Option<&Checked> {
        match &self.outcome {
            Outcome::Checked(c) => Some(c),
            Outcome::Errors { .. } => None,
        }
    }

    pub fn errors(&self) -> &[RowError] {
        match &self.outcome {
            Outcome::Checked(_) => &[],
            Outcome::Errors { errors } => errors,
        }
    }
}

/// The row's errors from a case check, each on its column (or case field).
fn row_errors(errors: Vec<FieldError>, csv: bool) -> Vec<RowError> {
    errors
        .into_iter()
        .map(|e| {
            if !csv {
                return RowError {
                    column: String::new(),
                    field: e.path,
                    code: e.code,
                    message: e.message,
                };
            }
            let column = column_for(&e.path)
                .map(|c| c.name.to_string())
                .unwrap_or_default();
            // A problem with a field no column holds (the policy chosen for
            // the dates, say) is the row's: the message names the field.
            let message = if column.is_empty() && !e.path.is_empty() {
                format!("{}: {}", e.label, e.message)
            } else {
                e.message
            };
            RowError {
                column,
                field: String::new(),
                code: e.code,
                message,
            }
        })
        .collect()
}

/// The reference a row gives, even when the row has errors.
pub fn reference_of(input: &Input) -> Option<String> {
    match &input.source {
        Source::Cells(cells) => cells.get(REFERENCE).map(String::from),
        Source::JsonLine(text) => {
            // Only the reference is kept: the rest of the line is passed over.
            #[derive(Deserialize)]
            struct Reference {
                reference: Option<String>,
            }
            serde_json::from_str::<Reference>(text).ok()?.reference
        }
        Source::Unreadable { reference, .. } => reference.clone(),
    }
}

/// A row's case and its report, or every problem with it: a reference an
/// earlier row gave too among them.
fn checked_case(
    checker: &Checker,
    input: &Input,
    options: &Options,
    clock_today: NaiveDate,
) -> Result<(Case, Report), Vec<RowError>> {
    let checked = read_and_check(checker, input, options, clock_today);
    let Some(repeated) = input.repeated_reference() else {
        return checked;
    };
    let mut errors = checked.err().unwrap_or_default();
    errors.insert(0, repeated);
    Err(errors)
}

fn read_and_check(
    checker: &Checker,
    input: &Input,
    options: &Options,
    clock_today: NaiveDate,
) -> Result<(Case, Report), Vec<RowError>> {
    match &input.source {
        Source::Cells(cells) => {
            // Every problem at once: the cells that cannot be read, and what
            // is wrong with the case the rest make.
            let (case, mut errors) = cells.case();
            match crate::check(&case, checker.policies(), options, clock_today) {
                Ok(report) if errors.is_empty() => Ok((case, report)),
                Ok(_) => Err(errors),
                Err(more) => {
                    for e in row_errors(crate::capped(more), true) {
                        if e.column.is_empty() || !errors.iter().any(|r| r.column == e.column) {
                            errors.push(e);
                        }
                    }
                    Err(errors)
                }
            }
        }
        Source::JsonLine(text) => checker
            .read_and_check(text, options, clock_today)
            .map_err(|e| row_errors(e, false)),
        Source::Unreadable { errors, .. } => Err(errors.clone()),
    }
}

/// Appends row `input`'s calendar events (none for a row with errors), as
/// its own case's file holds them.
pub fn write_calendar_events(
    out: &mut String,
    checker: &Checker,
    input: &Input,
    options: &Options,
    clock_today: NaiveDate,
    ics_options: &crate::ics::IcsOptions,
) {
    if let Ok((case, report)) = checked_case(checker, input, options, clock_today) {
        checker.write_calendar_events(out, &case, &report, ics_options);
    }
}

/// Checks one row.
pub fn check_row(
    checker: &Checker,
    input: &Input,
    options: &Options,
    clock_today: NaiveDate,
) -> RowResult {
    check_row_with_events(checker, input, options, clock_today, None)
}

/// Checks one row and, given `events`, appends its calendar events there
/// (as [`write_calendar_events`] does) from the same check.
pub fn check_row_with_events(
    checker: &Checker,
    input: &Input,
    options: &Options,
    clock_today: NaiveDate,
    events: Option<(&crate::ics::IcsOptions, &mut String)>,
) -> RowResult {
    match checked_case(checker, input, options, clock_today) {
        Ok((case, report)) => {
            if let Some((ics_options, out)) = events {
                checker.write_calendar_events(out, &case, &report, ics_options);
            }
            RowResult {
                row: input.row,
                outcome: Outcome::Checked(Checked::from_report(&report)),
                reference: report.reference,
            }
        }
        Err(errors) => RowResult {
            row: input.row,
            reference: reference_of(input),
            outcome: Outcome::Errors { errors },
        },
    }
}

/// The deadline steps, in timetable order: each has a due-date and a state column.
pub fn steps() -> impl Iterator<Item = RuleId> {
    RuleId::ALL
        .iter()
        .copied()
        .filter(|id| id.kind() == RuleKind::Step)
}

/// A state as one word for a CSV cell (`overdue`, `due-in`, …).
pub fn state_kind(state: &State) -> &'static str {
    match state {
        State::Done => "done",
        State::DoneOnTime => "done-on-time",
        State::DoneLate { .. } => "done-late",
        State::DueIn { .. } => "due-in",
        State::DueToday => "due-today",
        State::Overdue { .. } => "overdue",
        State::Open { .. } => "open",
        State::Closed { .. } => "closed",
        State::Waiting => "waiting",
        State::NotRequired => "not-required",
    }
}

/// Working days left until a step is due: negative when overdue, 0 on the day.
pub fn working_days_left(state: &State) -> Option<i64> {
    match state {
        State::DueIn { working_days } | State::Open { working_days } => Some(*working_days),
        State::DueToday => Some(0),
        State::Overdue { working_days } => Some(-*working_days),
        _ => None,
    }
}

pub fn status_name(status: QualificationStatus) -> &'static str {
    match status {
        QualificationStatus::Qualifies => "qualifies",
        QualificationStatus::NotYet => "not-yet",
        QualificationStatus::DoesNotQualify => "does-not-qualify",
        QualificationStatus::Check => "check",
    }
}

/// The figures at the top of a caseload's results.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub cases: usize,
    pub qualifies: usize,
    pub not_yet: usize,
    pub does_not_qualify: usize,
    pub check: usize,
    pub rows_with_errors: usize,
    /// Steps past their due date, across every case.
    pub overdue_steps: usize,
    /// Steps due today or within the next 5 working days.
    pub due_within_5_working_days: usize,
    pub blank_rows: usize,
}

/// "Due soon": within this many working days.
pub const DUE_SOON_WORKING_DAYS: i64 = 5;

impl Summary {
    pub fn add(&mut self, result: &RowResult) {
        self.cases += 1;
        let Some(checked) = result.checked() else {
            self.rows_with_errors += 1;
            return;
        };
        *match checked.status {
            QualificationStatus::Qualifies => &mut self.qualifies,
            QualificationStatus::NotYet => &mut self.not_yet,
            QualificationStatus::DoesNotQualify => &mut self.does_not_qualify,
            QualificationStatus::Check => &mut self.check,
        } += 1;
        for step in &checked.steps {
            match step.state {
                State::Overdue { .. } => self.overdue_steps += 1,
                State::DueToday => self.due_within_5_working_days += 1,
                State::DueIn { working_days } if working_days <= DUE_SOON_WORKING_DAYS => {
                    self.due_within_5_working_days += 1
                }
                _ => {}
            }
        }
    }

    pub fn of<'a>(results: impl IntoIterator<Item = &'a RowResult>, blank_rows: usize) -> Summary {
        let mut summary = Summary {
            blank_rows,
            ..Summary::default()
        };
        for result in results {
            summary.add(result);
        }
        summary
    }

    /// The summary in a sentence or two, for the command line.
    pub fn describe(&self) -> String {
        let n = |count: usize, one: &str, many: &str| {
            format!(
                "{} {}",
                crate::text::count(count as u64),
                if count == 1 { one } else { many }
            )
        };
        let mut text = format!(
            "{} checked: {} qualif{}, {} not yet an SFO, {} {} not qualify, {} to check with an SFO lead; {}.\n{}, {} due within {DUE_SOON_WORKING_DAYS} working days.",
            n(self.cases - self.rows_with_errors, "case", "cases"),
            crate::text::count(self.qualifies as u64),
            if self.qualifies == 1 { "ies" } else { "y" },
            crate::text::count(self.not_yet as u64),
            crate::text::count(self.does_not_qualify as u64),
            if self.does_not_qualify == 1 { "does" } else { "do" },
            crate::text::count(self.check as u64),
            n(self.rows_with_errors, "row with errors, not checked", "rows with errors, not checked"),
            n(self.overdue_steps, "step overdue", "steps overdue"),
            n(self.due_within_5_working_days, "step", "steps"),
        );
        if self.blank_rows > 0 {
            text.push_str(&format!(
                " {} passed over.",
                n(self.blank_rows, "blank row", "blank rows")
            ));
        }
        text
    }
}

/// The result columns of the CSV output, in order.
pub fn result_columns() -> Vec<String> {
    let mut columns: Vec<String> = [
        "row",
        "reference",
        "status",
        "next_step",
        "next_due",
        "next_state",
        "next_working_days_left",
    ]
    .map(String::from)
    .to_vec();
    for step in steps() {
        columns.push(format!("{}_due", step.as_str()));
        columns.push(format!("{}_state", step.as_str()));
    }
    columns.extend(["extension_asked_late", "flags", "flag_count", "errors"].map(String::from));
    columns
}

/// A text cell made safe for a spreadsheet: its control characters made
/// visible as in every text sfo-check writes ([`crate::text::safe`]), and one
/// starting with `=`, `+`, `-` or `@` (read as a formula) given a leading
/// apostrophe.
fn spreadsheet_text(text: &str) -> std::borrow::Cow<'_, str> {
    let text = crate::text::safe(text);
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}").into()
    } else {
        text
    }
}

/// A date as `YYYY-MM-DD`, written into `buffer` (no allocation: this runs
/// for every step of every row).
fn iso(date: Option<NaiveDate>, buffer: &mut [u8; 10]) -> &[u8] {
    let Some(date) = date else { return b"" };
    let mut put = |at: usize, digits: usize, mut n: u32| {
        for i in (0..digits).rev() {
            buffer[at + i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    put(0, 4, date.year().unsigned_abs());
    put(5, 2, date.month());
    put(8, 2, date.day());
    buffer[4] = b'-';
    buffer[7] = b'-';
    &buffer[..]
}

/// One result's cells, in [`result_columns`] order, each handed to `cell`.
fn each_cell(result: &RowResult, cell: &mut dyn FnMut(&[u8])) {
    let mut date = [0u8; 10];
    cell(result.row.to_string().as_bytes());
    cell(spreadsheet_text(result.reference.as_deref().unwrap_or_default()).as_bytes());
    match &result.outcome {
        Outcome::Checked(checked) => {
            cell(status_name(checked.status).as_bytes());
            match checked.next() {
                Some(next) => {
                    cell(next.step.as_str().as_bytes());
                    cell(iso(next.due, &mut date));
                    cell(state_kind(&next.state).as_bytes());
                    match working_days_left(&next.state) {
                        Some(days) => cell(days.to_string().as_bytes()),
                        None => cell(b""),
                    }
                }
                None => (0..4).for_each(|_| cell(b"")),
            }
            for id in steps() {
                match checked.step(id) {
                    Some(step) => {
                        cell(iso(step.due, &mut date));
                        cell(state_kind(&step.state).as_bytes());
                    }
                    None => (0..2).for_each(|_| cell(b"")),
                }
            }
            cell(match checked.extension_asked_late {
                Some(true) => b"yes",
                Some(false) => b"no",
                None => b"",
            });
            let mut flags = String::new();
            for (i, flag) in checked.flags.iter().enumerate() {
                if i > 0 {
                    flags.push(' ');
                }
                flags.push_str(flag.as_str());
            }
            cell(flags.as_bytes());
            cell(checked.flags.len().to_string().as_bytes());
            cell(b"");
        }
        Outcome::Errors { errors } => {
            cell(b"error");
            (0..4 + 2 * steps().count() + 3).for_each(|_| cell(b""));
            let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            cell(spreadsheet_text(&text.join("; ")).as_bytes());
        }
    }
}

/// Writes one result as a CSV row.
pub fn write_row<W: std::io::Write>(
    writer: &mut csv::Writer<W>,
    result: &RowResult,
) -> csv::Result<()> {
    let mut outcome = Ok(());
    each_cell(result, &mut |c| {
        if outcome.is_ok() {
            outcome = writer.write_field(c);
        }
    });
    outcome?;
    writer.write_record(None::<&[u8]>)
}

/// Writes results as CSV, with a header row.
pub fn write_csv<W: std::io::Write>(
    results: &[RowResult],
    writer: &mut csv::Writer<W>,
) -> csv::Result<()> {
    writer.write_record(result_columns())?;
    for result in results {
        write_row(writer, result)?;
    }
    Ok(())
}

/// The results as one CSV text.
pub fn to_csv(results: &[RowResult]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = write_csv(results, &mut writer);
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// One result as a JSON line.
pub fn to_json_line(result: &RowResult) -> String {
    let mut value = serde_json::to_value(result).unwrap_or_default();
    if let (Some(object), Some(checked)) = (value.as_object_mut(), result.checked()) {
        let next = checked.next().map(|n| {
            serde_json::json!({
                "step": n.step,
                "due": n.due,
                "state": state_kind(&n.state),
                "working_days_left": working_days_left(&n.state),
            })
        });
        object.insert("next".into(), next.into());
        object.insert("flag_count".into(), checked.flags.len().into());
    }
    crate::text::safe_json(&value)
}

/// A row's case as a case file (`sfo-check/case@1` JSON), to open in the
/// form: a JSON line as it is; a CSV row's cells as the fields they fill,
/// each as written (a wrong value too, so the form shows it and its error).
pub fn case_json(input: &Input) -> Option<String> {
    use serde_json::{json, Map, Value};
    let cells = match &input.source {
        Source::JsonLine(text) => return Some(text.clone()),
        Source::Unreadable { .. } => return None,
        Source::Cells(cells) => cells,
    };
    let mut case = json!({ "schema": crate::case::CASE_SCHEMA });
    let mut periods = [Map::new(), Map::new()];
    for (column, cell) in COLUMNS.iter().zip(cells.iter()) {
        let Some(text) = cell else { continue };
        let value = match (column.field, text.parse::<u64>()) {
            ("circumstances.mappa.level", Ok(n)) => Value::from(n),
            _ => Value::from(text),
        };
        if let Some(field) = column.field.strip_prefix("supervision[].") {
            periods[column.period].insert(field.to_string(), value);
            continue;
        }
        let mut at = &mut case;
        let parts: Vec<&str> = column.field.split('.').collect();
        for part in &parts[..parts.len() - 1] {
            at = &mut at[*part];
        }
        at[parts[parts.len() - 1]] = value;
    }
    let kept = periods_kept(periods.each_ref().map(|p| !p.is_empty()));
    let periods: Vec<Value> = periods.into_iter().take(kept).map(Value::Object).collect();
    if !periods.is_empty() {
        case["supervision"] = Value::Array(periods);
    }
    Some(case.to_string())
}

/// How the page asks for a page of results.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Query {
    pub sort: SortKey,
    pub descending: bool,
    /// Only rows with this status (`qualifies`, …, or `error`).
    pub status: Option<String>,
    /// Only rows with a step overdue.
    pub overdue_only: bool,
    /// Only rows with a flag.
    pub flagged_only: bool,
    /// Only rows whose reference holds this text (any case).
    pub search: String,
    pub offset: usize,
    pub limit: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortKey {
    #[default]
    Row,
    Reference,
    Status,
    NextDue,
    Overdue,
    Flags,
}

/// The most rows a page of results holds.
pub const MAX_PAGE_ROWS: usize = 500;

/// One page of results, as the page's table shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Page<'a> {
    pub total: usize,
    pub matching: usize,
    pub offset: usize,
    pub rows: Vec<RowView<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowView<'a> {
    /// The result's place in the caseload, to open it.
    pub index: usize,
    pub row: usize,
    pub reference: Option<&'a str>,
    pub status: &'static str,
    pub next: Option<&'a StepResult>,
    /// Working days the next step is overdue (0 when it is not).
    pub overdue_by: i64,
    pub overdue_steps: usize,
    pub flags: &'a [RuleId],
    pub errors: &'a [RowError],
}

fn status_of(result: &RowResult) -> &'static str {
    result.checked().map_or("error", |c| status_name(c.status))
}

/// Status order for sorting: the most to act on first.
fn status_rank(result: &RowResult) -> u8 {
    match result.checked().map(|c| c.status) {
        None => 0,
        Some(QualificationStatus::Qualifies) => 1,
        Some(QualificationStatus::Check) => 2,
        Some(QualificationStatus::NotYet) => 3,
        Some(QualificationStatus::DoesNotQualify) => 4,
    }
}

fn overdue_by(result: &RowResult) -> i64 {
    match result.checked().and_then(Checked::next).map(|n| &n.state) {
        Some(State::Overdue { working_days }) => *working_days,
        _ => 0,
    }
}

fn overdue_steps(result: &RowResult) -> usize {
    result.checked().map_or(0, |c| {
        c.steps
            .iter()
            .filter(|s| matches!(s.state, State::Overdue { .. }))
            .count()
    })
}

/// The results a query asks for: filtered, sorted (ties in input order) and paged.
pub fn query<'a>(results: &'a [RowResult], q: &Query) -> Page<'a> {
    let search = q.search.trim().to_lowercase();
    let mut chosen: Vec<usize> = (0..results.len())
        .filter(|&i| {
            let r = &results[i];
            q.status.as_deref().is_none_or(|s| s == status_of(r))
                && (!q.overdue_only || overdue_steps(r) > 0)
                && (!q.flagged_only || r.checked().is_some_and(|c| !c.flags.is_empty()))
                && (search.is_empty()
                    || r.reference
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains(&search)))
        })
        .collect();
    let next_due = |i: usize| {
        results[i]
            .checked()
            .and_then(Checked::next)
            .and_then(|n| n.due)
    };
    // One ordering each way round, ties in input order; a case with nothing
    // due sorts after every date either way.
    let ordered = |o: std::cmp::Ordering| if q.descending { o.reverse() } else { o };
    let by = |chosen: &mut Vec<usize>, key: &dyn Fn(usize) -> i64| {
        chosen.sort_by(|&a, &b| ordered(key(a).cmp(&key(b))).then(a.cmp(&b)))
    };
    match q.sort {
        SortKey::Row => by(&mut chosen, &|i| i as i64),
        SortKey::Reference => chosen.sort_by(|&a, &b| {
            ordered(results[a].reference.cmp(&results[b].reference)).then(a.cmp(&b))
        }),
        SortKey::Status => by(&mut chosen, &|i| i64::from(status_rank(&results[i]))),
        SortKey::NextDue => chosen.sort_by(|&a, &b| {
            match (next_due(a), next_due(b)) {
                (Some(x), Some(y)) => ordered(x.cmp(&y)),
                (x, y) => x.is_none().cmp(&y.is_none()),
            }
            .then(a.cmp(&b))
        }),
        SortKey::Overdue => by(&mut chosen, &|i| overdue_by(&results[i])),
        SortKey::Flags => by(&mut chosen, &|i| {
            results[i].checked().map_or(0, |c| c.flags.len() as i64)
        }),
    }
    let matching = chosen.len();
    let offset = q.offset.min(matching);
    let limit = q.limit.clamp(1, MAX_PAGE_ROWS);
    let rows = chosen[offset..matching.min(offset + limit)]
        .iter()
        .map(|&index| {
            let r = &results[index];
            RowView {
                index,
                row: r.row,
                reference: r.reference.as_deref(),
                status: status_of(r),
                next: r.checked().and_then(Checked::next),
                overdue_by: overdue_by(r),
                overdue_steps: overdue_steps(r),
                flags: r.checked().map_or(&[], |c| &c.flags),
                errors: r.errors(),
            }
        })
        .collect();
    Page {
        total: results.len(),
        matching,
        offset,
        rows,
    }
}

/// The places of the results with a dated step still to come (due, due
/// today, or the SFO window open): the cases a calendar of deadlines holds.
pub fn with_steps_to_come(results: &[RowResult]) -> Vec<u32> {
    let to_come = |s: &StepResult| {
        s.due.is_some()
            && crate::ics::CalendarPlace::of(&s.state) == crate::ics::CalendarPlace::ToDo
    };
    (0..)
        .zip(results)
        .filter(|(_, r)| r.checked().is_some_and(|c| c.steps.iter().any(to_come)))
        .map(|(i, _)| i)
        .collect()
}

/// Steps to do in one part of the chart of due dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bucket {
    /// `overdue`, `week` (starting on `starts`, a Monday) or `later`.
    pub kind: &'static str,
    pub starts: Option<NaiveDate>,
    /// Steps due, in total and by step (in timetable order).
    pub steps: usize,
    pub by_step: Vec<(RuleId, usize)>,
}

/// The steps still to do (overdue, due today or due later) by the week they
/// are due: overdue first, then `weeks` weeks from the week of the latest
/// date a case was assessed on, then later.
pub fn due_by_week(results: &[RowResult], weeks: usize) -> Vec<Bucket> {
    let Some(today) = results
        .iter()
        .filter_map(|r| r.checked().map(|c| c.today))
        .max()
    else {
        return Vec::new();
    };
    let monday = today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()));
    let step_ids: Vec<RuleId> = steps().collect();
    let bucket = |kind, starts| Bucket {
        kind,
        starts,
        steps: 0,
        by_step: step_ids.iter().map(|id| (*id, 0)).collect(),
    };
    let mut buckets = vec![bucket("overdue", None)];
    for week in 0..weeks {
        buckets.push(bucket(
            "week",
            Some(monday + chrono::Days::new(7 * week as u64)),
        ));
    }
    buckets.push(bucket("later", None));
    for checked in results.iter().filter_map(RowResult::checked) {
        for step in &checked.steps {
            let index = match (&step.state, step.due) {
                (State::Overdue { .. }, _) => 0,
                (State::DueToday | State::DueIn { .. }, Some(due)) => {
                    let week = (due - monday).num_days().max(0) / 7;
                    (week as usize + 1).min(weeks + 1)
                }
                _ => continue,
            };
            let b = &mut buckets[index];
            b.steps += 1;
            if let Some(count) = b.by_step.iter_mut().find(|(id, _)| *id == step.step) {
                count.1 += 1;
            }
        }
    }
    buckets
}

/// What each result column holds (the step columns come once for each step).
const RESULT_COLUMN_WORDS: &[(&str, &str)] = &[
    ("row", "The row's number as a spreadsheet shows it (the header is row 1), or a JSON line's line number."),
    ("reference", "The case's reference, as given. One that a spreadsheet would read as a formula (it starts with `=`, `+`, `-` or `@`) is written after an apostrophe."),
    ("status", "`qualifies`, `not-yet`, `does-not-qualify` or `check` (check with your SFO lead); `error` for a row with problems, which is not checked."),
    ("next_step", "The step to do next: the earliest overdue, else one due today, else the one due soonest. Empty when none is due."),
    ("next_due", "Its due date (extensions counted)."),
    ("next_state", "`overdue`, `due-today` or `due-in`."),
    ("next_working_days_left", "Working days until it is due: 0 on the day, negative when overdue."),
    ("{STEP}_due", "Each step's due date, extensions counted; empty while it cannot be dated."),
    ("{STEP}_state", "Each step's state: `done-on-time`, `done-late`, `done`, `due-in`, `due-today`, `overdue`, `open` or `closed` (the SFO window), `waiting` or `not-required`."),
    ("extension_asked_late", "`yes` when an extension was asked for after its step's deadline, `no` when every one was asked in time, empty when there are none (only JSON lines hold extensions)."),
    ("flags", "The ids of the flags raised, separated by spaces: prompts to look again at the risk assessment."),
    ("flag_count", "How many flags."),
    ("errors", "For a row with problems: each one, with its column (or, for a JSON line, its field), separated by semicolons."),
];

/// The tables in `docs/caseload-format.md`: the columns a caseload has and
/// the columns of its results, from the engine's own lists.
pub fn columns_markdown() -> String {
    let choices = crate::fields::field_choices();
    let mut out = String::from(COLUMNS_START);
    out.push_str("\n\n| column | what it holds | case field |\n|---|---|---|\n");
    for column in COLUMNS {
        let path = column.path();
        let mut what = crate::text::capitalise(&crate::fields::label(&path));
        if let Some((_, values)) = choices.iter().find(|(field, _)| *field == column.field) {
            let values: Vec<String> = values.iter().map(|c| format!("`{}`", c.value)).collect();
            what.push_str(&format!(" (one of {})", values.join(", ")));
        }
        match column.field {
            "offence.id" => what
                .push_str(" (an offence id from the policy profile's catalogue, or `not-listed`)"),
            "supervision[].type" => {
                what.push_str(" (a supervision type id from the policy profile)")
            }
            "circumstances.mappa.level" => what.push_str(" (1, 2 or 3)"),
            _ => {}
        }
        out.push_str(&format!("| `{}` | {what} | `{path}` |\n", column.name));
    }
    out.push_str("\nThe results have these columns, in this order:\n\n| column | what it holds |\n|---|---|\n");
    let steps: Vec<String> = steps().map(|s| format!("`{s}`")).collect();
    for (name, words) in RESULT_COLUMN_WORDS {
        let name = match name.strip_prefix("{STEP}") {
            Some(suffix) => format!("`STEP{suffix}`, for STEP each of {}", steps.join(", ")),
            None => format!("`{name}`"),
        };
        out.push_str(&format!("| {name} | {words} |\n"));
    }
    out.push('\n');
    out.push_str(COLUMNS_END);
    out
}

pub const COLUMNS_START: &str =
    "<!-- columns: written by `make schema` from src/caseload.rs; do not edit -->";
pub const COLUMNS_END: &str = "<!-- /columns -->";

/// `text` (docs/caseload-format.md) with its columns section written anew.
pub fn splice_columns(text: &str) -> Option<String> {
    let start = text.find(COLUMNS_START)?;
    let end = text[start..].find(COLUMNS_END)? + start + COLUMNS_END.len();
    Some(format!(
        "{}{}{}",
        &text[..start],
        columns_markdown(),
        &text[end..]
    ))
}
