//! The browser bindings: the only module that knows about JavaScript.
//! Everything crosses as plain data (JSON text the browser parses); bad input
//! comes back as `{ errors: [{ path, label, code, params, message }] }`, never a panic.

use crate::calendar::{bank_holidays, Calendar, MAX_YEAR, MIN_YEAR};
use crate::date::parse_iso_date;
use crate::input::FieldError;
use crate::policy::{PolicyProfile, PolicySet};
use crate::{Options, ENGINE_VERSION};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct ErrorList {
    errors: Vec<FieldError>,
}

fn errors(list: Vec<FieldError>) -> JsValue {
    to_js(&ErrorList { errors: list })
}

fn error(path: &str, message: impl Into<String>) -> JsValue {
    errors(vec![FieldError::new(path, message)])
}

/// Crosses as JSON text parsed by the browser: one serializer for every
/// type (serde_json, which the engine has anyway) keeps the module small,
/// and `JSON.parse` builds the objects faster than field-by-field calls.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

/// The case as JSON text: the engine reads it with its own field-by-field errors.
fn json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| error("", format!("the {what} is not JSON data")))
}

fn clock_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct CheckOptions {
    today: Option<String>,
    /// The id of the profile to use.
    policy_id: Option<String>,
    /// Extra policy profiles (JSON objects or text) to load beside the default.
    policies: Vec<serde_json::Value>,
}

/// Options read like a case: every bad field named, under `options.`.
fn read_js_options<T: serde::de::DeserializeOwned + Default>(
    options: JsValue,
) -> Result<T, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(T::default());
    }
    let text = json_text(&options, "options")?;
    crate::input::from_json_str(&text, "options")
        .map_err(|e| errors(e.into_iter().map(|f| f.within("options.")).collect()))
}

fn today_option(today: Option<String>) -> Result<Option<NaiveDate>, JsValue> {
    today
        .map(|t| date_in_range(&JsValue::from_str(&t), "options.today"))
        .transpose()
}

/// A JS argument that must be a date (`YYYY-MM-DD` text) in the years the
/// calendar covers; anything else is an error naming the argument.
fn date_in_range(value: &JsValue, name: &str) -> Result<NaiveDate, JsValue> {
    let text = value
        .as_string()
        .ok_or_else(|| error(name, "must be a date written YYYY-MM-DD, as text"))?;
    let date = parse_iso_date(&text).map_err(|m| error(name, m))?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&chrono::Datelike::year(&date)) {
        return Err(error(
            name,
            format!("must be in the years {MIN_YEAR} to {MAX_YEAR}"),
        ));
    }
    Ok(date)
}

/// A JS argument that must be a whole number from `min` to `max`: never
/// rounded, wrapped or read as 0 when it is not.
fn whole_number(value: &JsValue, name: &str, min: i32, max: i32) -> Result<i32, JsValue> {
    match value.as_f64() {
        // Bounds as whole numbers: formatting a float would add 11 KB of code.
        Some(n) if n.fract() == 0.0 && (f64::from(min)..=f64::from(max)).contains(&n) => {
            Ok(n as i32)
        }
        _ => Err(error(
            name,
            format!("must be a whole number from {min} to {max}"),
        )),
    }
}

fn read_options(options: JsValue) -> Result<(Options, PolicySet), JsValue> {
    let raw: CheckOptions = read_js_options(options)?;
    let today = today_option(raw.today)?;
    let mut set = PolicySet::default();
    for (i, policy) in raw.policies.into_iter().enumerate() {
        let text = match policy {
            serde_json::Value::String(text) => text,
            other => other.to_string(),
        };
        PolicyProfile::from_json(&text)
            .and_then(|profile| set.add(profile).map_err(|e| vec![e]))
            .map_err(|e| {
                errors(
                    e.into_iter()
                        .map(|f| f.within(&format!("policies[{i}].")))
                        .collect(),
                )
            })?;
    }
    Ok((
        Options {
            today,
            policy: raw.policy_id,
        },
        set,
    ))
}

/// The options a kept checker takes: its profiles are its own.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct KeptOptions {
    today: Option<String>,
    policy_id: Option<String>,
}

fn read_kept_options(options: JsValue) -> Result<Options, JsValue> {
    let raw: KeptOptions = read_js_options(options)?;
    Ok(Options {
        today: today_option(raw.today)?,
        policy: raw.policy_id,
    })
}

/// What a calendar file is written with: `{ now, include_done }`.
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct CalendarOptions {
    /// Milliseconds since 1970 (UTC); the DTSTAMP and the rising SEQUENCE.
    now: Option<f64>,
    include_done: bool,
}

fn read_calendar_options(options: JsValue) -> Result<crate::ics::IcsOptions, JsValue> {
    let raw: CalendarOptions = read_js_options(options)?;
    let now = raw
        .now
        .filter(|ms| ms.is_finite())
        .and_then(|ms| chrono::DateTime::from_timestamp_millis(ms as i64))
        .ok_or_else(|| {
            error(
                "options.now",
                "must be a time in milliseconds, as Date.now() gives it",
            )
        })?;
    Ok(crate::ics::IcsOptions {
        now,
        include_done: raw.include_done,
    })
}

/// A checker the page keeps: the built-in profile and any added, each read,
/// validated and hashed once, then used for every check.
#[wasm_bindgen(js_name = Checker)]
pub struct KeptChecker {
    inner: crate::Checker,
}

#[wasm_bindgen(js_class = Checker)]
impl KeptChecker {
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> KeptChecker {
        KeptChecker {
            inner: crate::Checker::new(),
        }
    }

    /// Adds a profile (object or JSON text), replacing a loaded one with the
    /// same id; throws `{ errors }` and keeps the profiles it had when it is
    /// bad or takes the built-in profile's id.
    #[wasm_bindgen(js_name = addPolicy)]
    pub fn add_policy(&mut self, profile: JsValue) -> Result<(), JsValue> {
        let text = json_text(&profile, "policy profile")?;
        self.inner.add_policy_json(&text).map_err(errors)
    }

    /// The profiles it holds, in the order added.
    pub fn policies(&self) -> JsValue {
        let profiles: Vec<&PolicyProfile> = self.inner.policies().profiles().collect();
        to_js(&profiles)
    }

    /// As the free `check`, with this checker's profiles; options are
    /// `{ today, policy_id }`.
    pub fn check(&self, case: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let text = json_text(&case, "case")?;
        let options = read_kept_options(options)?;
        self.inner
            .check(&text, &options, clock_today())
            .map(|report| to_js(&report))
            .map_err(errors)
    }

    /// Reads a training scenario (object or JSON text) and checks its case:
    /// `{ scenario, report, mismatches }`, or throws `{ errors }` labelled in
    /// the scenario's words.
    #[wasm_bindgen(js_name = openScenario)]
    pub fn open_scenario(&self, scenario: JsValue) -> Result<JsValue, JsValue> {
        let text = json_text(&scenario, "scenario")?;
        crate::scenario::Scenario::open(&text, &self.inner)
            .map(|opened| to_js(&opened))
            .map_err(errors)
    }

    /// A training scenario of `case` with the trainer's `{ title, narrative,
    /// learning_points, topics, minutes }`; its expected outcome is this
    /// checker's report. Throws `{ errors }`.
    #[wasm_bindgen(js_name = writeScenario)]
    pub fn write_scenario(
        &self,
        case: JsValue,
        words: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = json_text(&case, "case")?;
        let words: crate::scenario::ScenarioText =
            crate::input::from_json_str(&json_text(&words, "scenario")?, "scenario")
                .map_err(errors)?;
        let options = read_kept_options(options)?;
        crate::scenario::Scenario::author(&text, words, &self.inner, &options, clock_today())
            .map(|scenario| to_js(&scenario))
            .map_err(errors)
    }

    /// The case's deadlines as an iCalendar file's text (see `ics.rs`):
    /// `options` as for `check`, `calendar` is `{ now, include_done }` with
    /// `now` in milliseconds since 1970, as `Date.now()` gives it. Throws
    /// `{ errors }` as `check` does.
    #[wasm_bindgen(js_name = calendarFile)]
    pub fn calendar_file(
        &self,
        case: JsValue,
        options: JsValue,
        calendar: JsValue,
    ) -> Result<String, JsValue> {
        let text = json_text(&case, "case")?;
        let options = read_kept_options(options)?;
        let calendar = read_calendar_options(calendar)?;
        self.inner
            .calendar_file(&text, &options, clock_today(), &calendar)
            .map_err(errors)
    }

    /// As the free `validate`, with this checker's profiles.
    pub fn validate(&self, case: JsValue, options: JsValue) -> JsValue {
        let (text, options) = match (json_text(&case, "case"), read_kept_options(options)) {
            (Ok(text), Ok(options)) => (text, options),
            (Err(e), _) | (_, Err(e)) => {
                return js_sys::Reflect::get(&e, &JsValue::from_str("errors")).unwrap_or(e)
            }
        };
        to_js(&self.inner.validate(&text, &options, clock_today()))
    }
}

/// Checks a case (object or JSON text); returns the report, or throws `{ errors }`.
#[wasm_bindgen]
pub fn check(case: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = json_text(&case, "case")?;
    let (options, set) = read_options(options)?;
    crate::check_json(&text, &set, &options, clock_today())
        .map(|report| to_js(&report))
        .map_err(errors)
}

/// Every problem with a case, as `[{ path, message }]` (empty when it is valid).
#[wasm_bindgen]
pub fn validate(case: JsValue, options: JsValue) -> JsValue {
    let (text, (options, set)) = match (json_text(&case, "case"), read_options(options)) {
        (Ok(text), Ok(rest)) => (text, rest),
        (Err(e), _) | (_, Err(e)) => {
            return js_sys::Reflect::get(&e, &JsValue::from_str("errors")).unwrap_or(e)
        }
    };
    to_js(&crate::validate_json(&text, &set, &options, clock_today()))
}

#[wasm_bindgen(js_name = bankHolidays)]
pub fn bank_holidays_js(year: JsValue) -> Result<JsValue, JsValue> {
    let year = whole_number(&year, "year", MIN_YEAR, MAX_YEAR)?;
    Ok(to_js(&bank_holidays(year)))
}

/// The most working days added at once: more than the calendar's years hold.
const MAX_WORKING_DAYS: i32 = 100_000;

#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days_js(date: JsValue, n: JsValue) -> Result<String, JsValue> {
    count_working_days(date, n, Calendar::add_working_days)
}

/// The n-th working day before `date` (`date` is day 0): where a reminder
/// n working days ahead of a due date falls.
#[wasm_bindgen(js_name = workingDaysBefore)]
pub fn working_days_before_js(date: JsValue, n: JsValue) -> Result<String, JsValue> {
    count_working_days(date, n, Calendar::working_days_before)
}

/// `date` moved `n` working days by `step` (forward or back), each argument
/// checked strictly.
fn count_working_days(
    date: JsValue,
    n: JsValue,
    step: fn(&Calendar, NaiveDate, u32) -> Option<NaiveDate>,
) -> Result<String, JsValue> {
    let date = date_in_range(&date, "date")?;
    let n = whole_number(&n, "n", 0, MAX_WORKING_DAYS)?.unsigned_abs();
    step(&Calendar::default(), date, n)
        .map(|d| d.to_string())
        .ok_or_else(|| {
            error(
                "n",
                format!("the result falls outside the years {MIN_YEAR} to {MAX_YEAR}"),
            )
        })
}

#[wasm_bindgen(js_name = workingDays)]
pub fn working_days_js(from: JsValue, to: JsValue) -> Result<f64, JsValue> {
    let from = date_in_range(&from, "from")?;
    let to = date_in_range(&to, "to")?;
    Ok(Calendar::default().working_days_between(from, to) as f64)
}

/// Reads JSON text as the engine does (strictly, within the limits) before a
/// page takes it apart itself: throws `{ errors }` for a key given twice, a
/// size over a limit or text that is not JSON, naming where. `what` names the
/// document in messages ("the case file is larger than 1 MB").
#[wasm_bindgen(js_name = readDocument)]
pub fn read_document(text: &str, what: &str) -> Result<(), JsValue> {
    crate::strict::parse(text, what)
        .map(|_| ())
        .map_err(|e| errors(vec![e]))
}

/// As `readDocument`, for a file the page opens as a case: one with more
/// rows than a case holds is refused too, before the page draws them. A
/// draft (`sfo-check/draft@1`) keeps answers as typed, so its answers are
/// read however long or many, within the document's size: the form shows a
/// too-long answer's own error once it is back in its field.
#[wasm_bindgen(js_name = readCaseDocument)]
pub fn read_case_document(text: &str, what: &str) -> Result<(), JsValue> {
    let as_draft = crate::strict::parse_within(text, what, crate::strict::Limits::DRAFT)
        .map_err(|e| errors(vec![e]))?;
    if as_draft.get("schema").and_then(|s| s.as_str()) == Some(crate::case::DRAFT_SCHEMA) {
        return Ok(());
    }
    read_document(text, what)?;
    let case = crate::input::read_partial_str::<crate::case::Case>(text, what).value;
    match case.as_ref().and_then(crate::case::Case::too_many_rows) {
        Some(error) => Err(errors(vec![error])),
        None => Ok(()),
    }
}

/// The error for a file of `bytes` bytes over the limit for what it holds
/// (`"caseload file"`, or a document: `"case file"`, `"policy file"`, …),
/// known from its size before it is read; null when it is within it.
#[wasm_bindgen(js_name = fileTooLarge)]
pub fn file_too_large(what: &str, bytes: f64) -> JsValue {
    // Saturating: a size past what a u64 holds is still too large.
    let bytes = bytes.max(0.0) as u64;
    let error = if what == "caseload file" {
        crate::caseload::too_large(bytes).map(|e| FieldError::coded("", e.code, e.message))
    } else {
        (bytes > crate::strict::MAX_DOCUMENT_BYTES as u64).then(|| crate::strict::too_large(what))
    };
    error.map_or(JsValue::NULL, |e| to_js(&e))
}

#[wasm_bindgen(js_name = defaultPolicy)]
pub fn default_policy() -> JsValue {
    to_js(&PolicyProfile::default_profile())
}

/// Reads and checks a policy profile to load (object or JSON text): one
/// with the built-in profile's id is refused. Throws `{ errors }`.
#[wasm_bindgen(js_name = readPolicy)]
pub fn read_policy(policy: JsValue) -> Result<JsValue, JsValue> {
    let text = json_text(&policy, "policy profile")?;
    PolicyProfile::from_json(&text)
        .and_then(|p| p.check_loadable().map(|()| p).map_err(|e| vec![e]))
        .map(|p| to_js(&p))
        .map_err(errors)
}

/// Every name the page shows: rules, kinds of inaccuracy, field words and
/// the values each field can take (see `vocab.rs`).
#[wasm_bindgen]
pub fn vocabulary() -> JsValue {
    to_js(&crate::vocab::vocabulary())
}

/// A case path in words: `supervision[1].start` → "Supervision period 2: start date".
#[wasm_bindgen(js_name = fieldLabel)]
pub fn field_label(path: &str) -> String {
    crate::fields::label(path)
}

#[wasm_bindgen]
pub fn version() -> String {
    ENGINE_VERSION.to_string()
}

/// A caseload the page's worker keeps: read once, checked a slice at a time
/// (so progress can be shown), then asked for pages of results, the chart's
/// figures, the results as CSV, any row's case and the calendar of every open deadline.
// Built only into the caseload worker's module (`--features caseload`): the
// CSV reader and the caseload code would add a third to the page's module.
#[cfg(feature = "caseload")]
#[wasm_bindgen(js_name = Caseload)]
pub struct KeptCaseload {
    checker: crate::Checker,
    options: Options,
    clock: NaiveDate,
    cases: crate::caseload::Caseload,
    results: Vec<crate::caseload::RowResult>,
}

#[cfg(feature = "caseload")]
#[derive(Serialize)]
struct FileProblem {
    errors: [crate::caseload::FileError; 1],
}

#[cfg(feature = "caseload")]
#[wasm_bindgen(js_class = Caseload)]
impl KeptCaseload {
    /// Reads the file's bytes (its name tells CSV from JSON lines); options
    /// are `{ today, policy_id, policies }` as for `check`. Throws `{ errors }`
    /// when the file cannot be read at all.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8], name: &str, options: JsValue) -> Result<KeptCaseload, JsValue> {
        let (options, set) = read_options(options)?;
        let checker = crate::Checker::from(set);
        let format = crate::caseload::Format::detect(name, bytes);
        let cases = crate::caseload::read(bytes, format)
            .map_err(|e| to_js(&FileProblem { errors: [e] }))?;
        Ok(KeptCaseload {
            checker,
            options,
            clock: clock_today(),
            results: Vec::with_capacity(cases.inputs.len()),
            cases,
        })
    }

    /// How many cases the file holds.
    pub fn rows(&self) -> usize {
        self.cases.inputs.len()
    }

    /// Checks up to `count` more rows; returns how many are checked so far.
    #[wasm_bindgen(js_name = checkNext)]
    pub fn check_next(&mut self, count: usize) -> usize {
        let from = self.results.len();
        let to = from.saturating_add(count).min(self.cases.inputs.len());
        for input in &self.cases.inputs[from..to] {
            self.results.push(crate::caseload::check_row(
                &self.checker,
                input,
                &self.options,
                self.clock,
            ));
        }
        self.results.len()
    }

    /// The counts at the top of the results.
    pub fn summary(&self) -> JsValue {
        to_js(&crate::caseload::Summary::of(
            &self.results,
            self.cases.blank_rows,
        ))
    }

    /// A page of results: `{ sort, descending, status, overdue_only,
    /// flagged_only, search, offset, limit }` → `{ total, matching, offset, rows }`.
    pub fn query(&self, query: JsValue) -> Result<JsValue, JsValue> {
        let query: crate::caseload::Query = read_js_options(query)?;
        Ok(to_js(&crate::caseload::query(&self.results, &query)))
    }

    /// Steps to do by the week they are due, for the chart and its table.
    #[wasm_bindgen(js_name = dueByWeek)]
    pub fn due_by_week(&self, weeks: usize) -> JsValue {
        to_js(&crate::caseload::due_by_week(&self.results, weeks.min(52)))
    }

    /// The results as CSV, as `sfo-check batch` writes them.
    pub fn csv(&self) -> String {
        crate::caseload::to_csv(&self.results)
    }

    /// The case of result `index` as case file text, to open in the form.
    #[wasm_bindgen(js_name = caseText)]
    pub fn case_text(&self, index: usize) -> Option<String> {
        crate::caseload::case_json(self.cases.inputs.get(index)?)
    }

    /// The calendar events of the results at `indexes` (from
    /// `withStepsToDo`, a slice at a time), each checked again as its own
    /// case's file would be, as UTF-8 bytes (a part of a Blob, never decoded
    /// into a string); `calendar` is `{ now, include_done }`. A whole file is
    /// `calendarFrame().start`, every slice, then `.end`.
    #[wasm_bindgen(js_name = calendarEvents)]
    pub fn calendar_events(&self, indexes: &[u32], calendar: JsValue) -> Result<Vec<u8>, JsValue> {
        let calendar = read_calendar_options(calendar)?;
        let mut out = String::with_capacity(indexes.len() * 2048);
        for input in indexes
            .iter()
            .filter_map(|&i| self.cases.inputs.get(usize::try_from(i).ok()?))
        {
            crate::caseload::write_calendar_events(
                &mut out,
                &self.checker,
                input,
                &self.options,
                self.clock,
                &calendar,
            );
        }
        Ok(out.into_bytes())
    }

    /// Indexes of the results with a dated step still to come.
    #[wasm_bindgen(js_name = withStepsToDo)]
    pub fn with_steps_to_do(&self) -> Vec<u32> {
        crate::caseload::with_steps_to_come(&self.results)
    }
}

#[derive(Serialize)]
struct CalendarFrame {
    start: &'static str,
    end: &'static str,
}

/// What a calendar file starts and ends with, around its events.
#[wasm_bindgen(js_name = calendarFrame)]
pub fn calendar_frame() -> JsValue {
    to_js(&CalendarFrame {
        start: crate::ics::FILE_START,
        end: crate::ics::FILE_END,
    })
}

#[derive(Serialize)]
struct ColumnView {
    name: &'static str,
    /// The case field, with the period's position (`supervision[1].start`).
    path: String,
}

/// The caseload CSV's columns and the case field each fills, in order.
#[wasm_bindgen(js_name = caseloadColumns)]
pub fn caseload_columns() -> JsValue {
    let columns: Vec<ColumnView> = crate::caseload::COLUMNS
        .iter()
        .map(|c| ColumnView {
            name: c.name,
            path: c.path(),
        })
        .collect();
    to_js(&columns)
}
