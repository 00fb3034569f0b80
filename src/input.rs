//! Reading JSON documents (cases, policy profiles) into typed Rust values,
//! collecting every error with the path of the field it concerns.
//!
//! serde stops at the first error, so the document is read repeatedly: each
//! failed read records its error and removes the offending member, until the
//! read succeeds or nothing more can be removed. Every field in the documents
//! is optional at this stage, so a removal never creates a new error.

use crate::tracked::{PathStep, Track, Tracked};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// At most this many errors are reported for one document.
pub const MAX_ERRORS: usize = 100;

/// What kind of problem an error is, for a program to act on (the page picks
/// its words by code, never by reading `message`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// The text is not JSON, or not a JSON object.
    NotJson,
    UnknownField,
    /// A value of the wrong type (text for a number, a list for an object).
    WrongType,
    /// A value not among those allowed (`params.value`).
    UnknownValue,
    Required,
    /// Not a real date, or not written `YYYY-MM-DD`.
    BadDate,
    /// A date before another it must follow (`params.other`, `params.other_date`).
    OutOfOrder,
    /// A date of something that has happened is after today (`params.today`).
    InFuture,
    /// A number or date outside what the tool handles (`params.min`, `params.max`).
    OutOfRange,
    /// Two values that cannot both hold.
    Conflict,
    /// A value given twice where each must be unique.
    Duplicate,
    /// Over one of the limits on size: a document, a list or a text (`params.max`).
    TooLarge,
    /// Any other problem with the value.
    Invalid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Where the problem is, e.g. `supervision[0].end`; empty for the whole document.
    pub path: String,
    /// The field in words, e.g. "Supervision period 1: scheduled end date".
    pub label: String,
    pub code: ErrorCode,
    /// Values the message mentions, by name, for a program to use.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<&'static str, String>,
    /// The problem in words, without the field's name.
    pub message: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError::coded(path, ErrorCode::Invalid, message)
    }

    pub fn coded(path: impl Into<String>, code: ErrorCode, message: impl Into<String>) -> Self {
        let path = path.into();
        FieldError {
            label: crate::fields::label(&path),
            path,
            code,
            params: BTreeMap::new(),
            message: message.into(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.params.insert(name, value.into());
        self
    }

    /// The same error inside a larger document (`options.`, `policies[0].`).
    pub fn within(self, prefix: &str) -> Self {
        let path = if self.path.is_empty() {
            prefix.trim_end_matches('.').to_string()
        } else {
            format!("{prefix}{}", self.path)
        };
        FieldError {
            label: crate::fields::label(&path),
            path,
            ..self
        }
    }

    /// An error serde reported, classified by what it says.
    fn from_serde(path: String, message: String) -> Self {
        let code = if message.starts_with("unknown field") {
            ErrorCode::UnknownField
        } else if message.starts_with("invalid type") || message.starts_with("invalid length") {
            ErrorCode::WrongType
        } else if message.starts_with("unknown variant") {
            ErrorCode::UnknownValue
        } else if message.contains("not a real date") || message.contains("YYYY-MM-DD") {
            ErrorCode::BadDate
        } else if message.starts_with("invalid value") {
            ErrorCode::OutOfRange
        } else {
            ErrorCode::Invalid
        };
        let quoted = message.split('`').nth(1).map(String::from);
        let error = FieldError::coded(path, code, message);
        match (code, quoted) {
            (ErrorCode::UnknownField | ErrorCode::UnknownValue, Some(value)) => {
                error.with("value", value)
            }
            _ => error,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The field in words first, with its path for whoever edits the file.
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else if self.label.eq_ignore_ascii_case(&self.path) {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(f, "{} ({}): {}", self.label, self.path, self.message)
        }
    }
}

/// Reads `text` (a document called `what`: "case", "policy profile", …) as
/// JSON into `T`, strictly and within the limits (`strict.rs`), or every
/// error found.
pub fn from_json_str<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, Vec<FieldError>> {
    let value = crate::strict::parse(text, what).map_err(|e| vec![e])?;
    from_value(value)
}

/// Reads a JSON object into `T`, or every error found.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, Vec<FieldError>> {
    let partial = read_partial(value);
    match partial.value {
        Some(parsed) if partial.errors.is_empty() => Ok(parsed),
        _ => Err(partial.errors),
    }
}

/// What a lenient read found: every error, and the document without the
/// members that caused them (when what is left reads at all).
pub struct Partial<T> {
    pub value: Option<T>,
    pub errors: Vec<FieldError>,
    /// Whole array elements were dropped, so later indexes in `value` no
    /// longer match the document's.
    pub shifted: bool,
}

/// Reads `text` (a document called `what`) as JSON into `T` leniently: see
/// [`Partial`]. The JSON itself is read strictly (`strict.rs`).
pub fn read_partial_str<T: DeserializeOwned>(text: &str, what: &str) -> Partial<T> {
    match crate::strict::parse(text, what) {
        Ok(value) => read_partial(value),
        Err(error) => Partial {
            value: None,
            errors: vec![error],
            shifted: false,
        },
    }
}

fn read_partial<T: DeserializeOwned>(mut value: Value) -> Partial<T> {
    if !value.is_object() {
        return Partial {
            value: None,
            errors: vec![FieldError::coded(
                "",
                ErrorCode::NotJson,
                "the document must be a JSON object ({ ... })",
            )],
            shifted: false,
        };
    }
    let mut errors = Vec::new();
    // Elements removed so far from each array, keyed by the array's original path.
    let mut removed: HashMap<String, usize> = HashMap::new();
    // Members removed so far, by original path, so the gap they leave is not
    // reported a second time as a missing field.
    let mut removed_members: Vec<String> = Vec::new();
    while errors.len() < MAX_ERRORS {
        let track = Track::default();
        let result = T::deserialize(Tracked::new(&value, &track));
        let error = match result {
            Ok(parsed) => {
                return Partial {
                    value: Some(parsed),
                    errors,
                    shifted: !removed.is_empty(),
                }
            }
            Err(error) => error,
        };
        let segments = track.into_path();
        let (path, removable) = original_path(&segments, &removed);
        let message = error.to_string();
        // serde names a missing field at its parent; name the field itself.
        let field_error = match missing_field_name(&message) {
            Some(field) => FieldError::coded(
                join(&path, field),
                ErrorCode::Required,
                "required, but missing",
            ),
            None => FieldError::from_serde(path.clone(), message),
        };
        if !removed_members.contains(&field_error.path) {
            errors.push(field_error);
        }
        if !removable || !remove_member(&mut value, &segments, &mut removed) {
            break;
        }
        removed_members.push(path);
    }
    // Stopped at the cap: say so, rather than seem to have found them all.
    if errors.len() >= MAX_ERRORS {
        errors.push(FieldError::coded(
            "",
            ErrorCode::TooLarge,
            format!(
                "reading stopped after {MAX_ERRORS} errors: fix these and check again for any more"
            ),
        ));
    }
    Partial {
        value: None,
        errors,
        shifted: !removed.is_empty(),
    }
}

/// Adds the meaning checks' errors beside the read errors, leaving out any
/// for a field that could not be read (it is reported once, not again as missing).
pub fn add_meaning_errors(errors: &mut Vec<FieldError>, more: Vec<FieldError>) {
    let unread: Vec<String> = errors.iter().map(|e| e.path.clone()).collect();
    errors.extend(more.into_iter().filter(|e| !unread.contains(&e.path)));
}

fn missing_field_name(message: &str) -> Option<&str> {
    message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// The path as the user wrote the document (array indexes before removals),
/// and whether it names a member that can be removed to read on.
fn original_path(segments: &[PathStep], removed: &HashMap<String, usize>) -> (String, bool) {
    let mut path = String::new();
    for segment in segments {
        match segment {
            PathStep::Element(index) => {
                let shift = removed.get(&path).copied().unwrap_or(0);
                path.push_str(&format!("[{}]", index + shift));
            }
            PathStep::Member(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
        }
    }
    (path, !segments.is_empty())
}

fn remove_member(
    root: &mut Value,
    segments: &[PathStep],
    removed: &mut HashMap<String, usize>,
) -> bool {
    let Some((last, parents)) = segments.split_last() else {
        return false;
    };
    let mut node = root;
    for segment in parents {
        node = match (segment, node) {
            (PathStep::Member(key), Value::Object(map)) => match map.get_mut(key) {
                Some(child) => child,
                None => return false,
            },
            (PathStep::Element(index), Value::Array(items)) => match items.get_mut(*index) {
                Some(child) => child,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, node) {
        (PathStep::Member(key), Value::Object(map)) => map.shift_remove(key).is_some(),
        (PathStep::Element(index), Value::Array(items)) if *index < items.len() => {
            items.remove(*index);
            let (array_path, _) = original_path(parents, removed);
            *removed.entry(array_path).or_insert(0) += 1;
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        name: Option<String>,
        #[serde(default)]
        items: Vec<Item>,
        #[serde(default)]
        tags: Vec<Tag>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        start: Option<crate::date::Date>,
        count: Option<u32>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "kebab-case")]
    enum Tag {
        Red,
        Blue,
    }

    fn errors(text: &str) -> Vec<String> {
        from_json_str::<Doc>(text, "document")
            .unwrap_err()
            .iter()
            .map(|e| match e.path.as_str() {
                "" => e.message.clone(),
                path => format!("{path}: {}", e.message),
            })
            .collect()
    }

    #[test]
    fn reads_a_good_document() {
        let doc: Doc = from_json_str(
            r#"{"name":"a","items":[{"count":2}],"tags":["red"]}"#,
            "document",
        )
        .unwrap();
        assert_eq!(doc.items[0].count, Some(2));
        assert_eq!(doc.tags, vec![Tag::Red]);
    }

    #[test]
    fn collects_every_error_with_its_path() {
        let found = errors(
            r#"{"nme":"a","items":[{"start":"2024-02-31"},{"count":"six","colour":1}],
                "tags":["green","red","purple"]}"#,
        );
        assert_eq!(found.len(), 6, "{found:#?}");
        assert!(
            found[0].starts_with("nme: unknown field `nme`"),
            "{found:?}"
        );
        assert_eq!(
            found[1],
            "items[0].start: 31 February 2024 is not a real date (February 2024 has 29 days)"
        );
        assert!(
            found[2].starts_with("items[1].count: invalid type"),
            "{found:?}"
        );
        assert!(
            found[3].starts_with("items[1].colour: unknown field"),
            "{found:?}"
        );
        assert!(
            found[4].starts_with("tags[0]: unknown variant `green`"),
            "{found:?}"
        );
        assert!(
            found[5].starts_with("tags[2]: unknown variant `purple`"),
            "{found:?}"
        );
    }

    /// The first error, in serde_json's own words: the tracked reader adds
    /// a path, never different wording.
    #[test]
    fn errors_read_as_serde_json_words_them() {
        for text in [
            r#"{"nme":"a"}"#,
            r#"{"name":7}"#,
            r#"{"name":[1]}"#,
            r#"{"name":{"a":1}}"#,
            r#"{"name":true}"#,
            r#"{"items":[{"count":-1}]}"#,
            r#"{"items":[{"count":1.5}]}"#,
            r#"{"items":[{"count":5000000000}]}"#,
            r#"{"items":[{"count":"6"}]}"#,
            r#"{"items":[{"start":"2024-13-01"}]}"#,
            r#"{"items":[{"start":20240101}]}"#,
            r#"{"items":{"start":"2024-01-01"}}"#,
            r#"{"items":["2024-01-01"]}"#,
            r#"{"tags":["green"]}"#,
            r#"{"tags":[null]}"#,
            r#"{"tags":"red"}"#,
            r#"{"tags":[1e-7]}"#,
            r#"{"name":1.0}"#,
            r#"{"name":-0.5}"#,
            r#"{"items":[{"count":1e20}]}"#,
            r#"{"items":[{"count":123456789.125}]}"#,
            r#"{"items":[{"start":2.5e300}]}"#,
            r#"{"items":[{"start":"2024-01-01\n\u0007é"}]}"#,
            r#"{"items":[{"count":"tab\there \"quoted\" \u200b"}]}"#,
        ] {
            let value: Value = serde_json::from_str(text).unwrap();
            let theirs = serde_json::from_value::<Doc>(value)
                .unwrap_err()
                .to_string();
            let ours = from_json_str::<Doc>(text, "document").unwrap_err();
            assert_eq!(ours[0].message, theirs, "{text}");
        }
    }

    /// serde_json reads `{"red": null}` as the word red; a case never does.
    #[test]
    fn a_word_is_never_read_from_an_object() {
        assert_eq!(
            errors(r#"{"tags":[{"red":null},"blue",{}]}"#),
            [
                "tags[0]: invalid type: map, expected string",
                "tags[2]: invalid type: map, expected string"
            ]
        );
    }

    /// serde_json reads a list as an object by position; a case never is.
    #[test]
    fn a_list_is_never_read_as_an_object() {
        assert_eq!(
            errors(r#"{"items":[["2024-01-01", 3]]}"#),
            ["items[0]: invalid type: sequence, expected struct Item"]
        );
    }

    #[test]
    fn reports_bad_json_and_wrong_root() {
        assert!(errors("{")[0].starts_with("not valid JSON"));
        assert_eq!(
            errors("[]"),
            ["the document must be a JSON object ({ ... })"]
        );
    }
}
