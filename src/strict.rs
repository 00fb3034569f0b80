//! Reads JSON text strictly and within limits, before any document type sees
//! it: a key given twice is an error (serde_json keeps the last silently), and
//! a document, a list or a text that is too long is refused at the point it
//! goes over, naming the limit, so no input can make the engine work or hold
//! memory without bound. A UTF-8 byte-order mark is skipped.

use crate::input::{ErrorCode, FieldError};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// The largest document read (a case, a policy profile, a scenario): 1 MB.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;
/// The most items in any one list (supervision periods, events, extensions, …).
pub const MAX_LIST_ITEMS: usize = 500;
/// The longest text in any one value, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Where a value is: a chain of steps up to the document, built on the stack
/// as the reader descends, so a path is written out only for an error.
enum Step<'p> {
    Root,
    Key(&'p Step<'p>, &'p str),
    Index(&'p Step<'p>, usize),
}

impl Step<'_> {
    fn path(&self) -> String {
        match self {
            Step::Root => String::new(),
            Step::Key(parent, key) => match parent.path() {
                p if p.is_empty() => (*key).to_string(),
                p => format!("{p}.{key}"),
            },
            Step::Index(parent, i) => format!("{}[{i}]", parent.path()),
        }
    }
}

// A reading error carries its path and code through serde_json's error, which
// can only hold a message: they are framed by a character JSON text never
// produces in an error message.
const MARK: char = '\u{1}';

fn framed<E: de::Error>(step: &Step<'_>, code: &str, message: String) -> E {
    E::custom(format!(
        "{MARK}{}{MARK}{code}{MARK}{message}{MARK}",
        step.path()
    ))
}

/// How much a document may hold, beside its size.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The longest text, in characters.
    pub text_chars: usize,
    /// The most items in a list, or members in an object.
    pub items: usize,
}

impl Limits {
    /// Every document sfo-check reads as such: a case, a profile, a scenario.
    pub const DOCUMENT: Limits = Limits {
        text_chars: MAX_TEXT_CHARS,
        items: MAX_LIST_ITEMS,
    };
    /// A draft of the page's form: answers as typed, however long or many,
    /// within the document's own size.
    pub const DRAFT: Limits = Limits {
        text_chars: MAX_DOCUMENT_BYTES,
        items: MAX_DOCUMENT_BYTES,
    };
}

/// The reader at a place in the document, with its limits.
struct Strict<'p>(&'p Step<'p>, Limits);

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        let most = self.1.text_chars;
        if v.len() > most && v.chars().count() > most {
            return Err(framed(
                self.0,
                "too-large",
                format!(
                    "is longer than {} characters",
                    crate::text::count(most as u64)
                ),
            ));
        }
        Ok(Value::String(v.to_string()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let at = Step::Index(self.0, items.len());
            if items.len() == self.1.items {
                // One more item is an error; the rest is never read.
                return match seq.next_element::<de::IgnoredAny>()? {
                    Some(_) => Err(framed(
                        self.0,
                        "too-large",
                        format!("has more than {} items", self.1.items),
                    )),
                    None => Ok(Value::Array(items)),
                };
            }
            match seq.next_element_seed(Strict(&at, self.1))? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = Step::Key(self.0, &key);
            if members.contains_key(&key) {
                return Err(framed(
                    &at,
                    "duplicate",
                    "is given twice in the same object: the second would silently replace the first"
                        .to_string(),
                ));
            }
            if members.len() == self.1.items {
                return Err(framed(
                    self.0,
                    "too-large",
                    format!("has more than {} members", self.1.items),
                ));
            }
            let value = map.next_value_seed(Strict(&at, self.1))?;
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

fn code_of(text: &str) -> ErrorCode {
    match text {
        "duplicate" => ErrorCode::Duplicate,
        "too-large" => ErrorCode::TooLarge,
        _ => ErrorCode::Invalid,
    }
}

/// The JSON `text` (of a document called `what`, e.g. "case") as a value,
/// read strictly and within the limits; or the one error that stopped it.
pub fn parse(text: &str, what: &str) -> Result<Value, FieldError> {
    parse_within(text, what, Limits::DOCUMENT)
}

/// As [`parse`], within other `limits` (a draft's).
pub fn parse_within(text: &str, what: &str, limits: Limits) -> Result<Value, FieldError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(what));
    }
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = Strict(&Step::Root, limits)
        .deserialize(&mut reader)
        .and_then(|value| reader.end().map(|()| value));
    value.map_err(|e| {
        let message = e.to_string();
        let mut parts = message.split(MARK);
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(_), Some(path), Some(code), Some(said)) => {
                FieldError::coded(path, code_of(code), said)
            }
            _ if e.to_string().starts_with("recursion limit exceeded") => FieldError::coded(
                "",
                ErrorCode::TooLarge,
                format!(
                    "the {what} is nested more than {MAX_DEPTH} levels deep (at line {}, column {}): no sfo-check document nests so deeply",
                    e.line(),
                    e.column()
                ),
            )
            .with("max", MAX_DEPTH.to_string()),
            _ => FieldError::coded("", ErrorCode::NotJson, format!("not valid JSON: {message}")),
        }
    })
}

/// The most levels of objects and lists the JSON reader reads (serde_json
/// stops at the 128th); a case is at most four levels deep.
pub const MAX_DEPTH: usize = 127;

/// The error for a document over [`MAX_DOCUMENT_BYTES`].
pub fn too_large(what: &str) -> FieldError {
    FieldError::coded(
        "",
        ErrorCode::TooLarge,
        format!(
            "the {what} is larger than 1 MB ({MAX_DOCUMENT_BYTES} bytes), the most sfo-check reads"
        ),
    )
    .with("max", MAX_DOCUMENT_BYTES.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (String, ErrorCode, String) {
        let e = parse(text, "case").unwrap_err();
        (e.path, e.code, e.message)
    }

    #[test]
    fn a_document_nested_too_deeply_is_an_error_saying_so() {
        for text in [
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)),
        ] {
            let (path, code, message) = error(&text);
            assert_eq!((path.as_str(), code), ("", ErrorCode::TooLarge));
            assert!(
                message.starts_with(
                    "the case is nested more than 127 levels deep (at line 1, column "
                ),
                "{message}"
            );
        }
        let nested = |n| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&nested(MAX_DEPTH), "case").is_ok());
        assert_eq!(error(&nested(MAX_DEPTH + 1)).1, ErrorCode::TooLarge);
    }

    #[test]
    fn a_key_given_twice_is_an_error_naming_it() {
        let (path, code, _) = error(r#"{"offence":{"id":"murder","id":"not-listed"}}"#);
        assert_eq!((path.as_str(), code), ("offence.id", ErrorCode::Duplicate));
        let (path, _, _) = error(r#"{"events":[{"date":"2024-01-01"}],"events":[]}"#);
        assert_eq!(path, "events");
        let (path, _, _) = error(r#"{"a":[{"b":1},{"b":2,"b":3}]}"#);
        assert_eq!(path, "a[1].b");
    }

    #[test]
    fn limits_are_errors_where_they_are_passed() {
        let list = format!(
            "{{\"events\":[{}]}}",
            vec!["{}"; MAX_LIST_ITEMS + 1].join(",")
        );
        let (path, code, message) = error(&list);
        assert_eq!((path.as_str(), code), ("events", ErrorCode::TooLarge));
        assert_eq!(message, "has more than 500 items");
        let full = format!("{{\"events\":[{}]}}", vec!["{}"; MAX_LIST_ITEMS].join(","));
        assert_eq!(
            parse(&full, "case").unwrap()["events"]
                .as_array()
                .unwrap()
                .len(),
            500
        );

        let text = format!("{{\"notes\":\"{}\"}}", "é".repeat(MAX_TEXT_CHARS + 1));
        assert_eq!(error(&text).0, "notes");
        let text = format!("{{\"notes\":\"{}\"}}", "é".repeat(MAX_TEXT_CHARS));
        assert!(parse(&text, "case").is_ok());

        let big = format!("{{\"notes\":\"{}\"}}", " ".repeat(MAX_DOCUMENT_BYTES));
        let (path, code, message) = error(&big);
        assert_eq!((path.as_str(), code), ("", ErrorCode::TooLarge));
        assert!(message.starts_with("the case is larger than 1 MB"));
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_bad_json_is_still_reported() {
        assert_eq!(parse("\u{feff}{\"a\":1}", "case").unwrap()["a"], 1);
        let (path, code, message) = error("{\"a\":1,}");
        assert_eq!((path.as_str(), code), ("", ErrorCode::NotJson));
        assert!(
            message.starts_with("not valid JSON: trailing comma"),
            "{message}"
        );
        assert_eq!(error("{\"a\":1} x").1, ErrorCode::NotJson);
    }

    #[test]
    fn values_read_as_serde_json_reads_them() {
        let text = r#"{"a":[1,-2,3.5,true,null,"x"],"b":{"c":{}}}"#;
        assert_eq!(
            parse(text, "case").unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }
}
