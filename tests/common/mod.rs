//! Matching an expected part of a report against the report, shared by the
//! native golden suite and the browser tests.
//!
//! Objects match when every expected key matches (an expected `null` also
//! matches an absent key); arrays must have the same length and match element
//! by element; a string starting with `~` matches any string containing the rest.

use serde_json::Value;

pub fn matches(expected: &Value, actual: &Value, path: &str, problems: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                match a.get(key) {
                    Some(actual) => matches(value, actual, &format!("{path}.{key}"), problems),
                    None if value.is_null() => {}
                    None => problems.push(format!("{path}.{key}: missing in the report")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                problems.push(format!(
                    "{path}: expected {} items, got {}: {}",
                    e.len(),
                    a.len(),
                    serde_json::to_string(a).unwrap_or_default()
                ));
                return;
            }
            for (i, (e, a)) in e.iter().zip(a).enumerate() {
                matches(e, a, &format!("{path}[{i}]"), problems);
            }
        }
        (Value::String(e), Value::String(a)) if e.starts_with('~') => {
            if !a.contains(&e[1..]) {
                problems.push(format!("{path}: {a:?} does not contain {:?}", &e[1..]));
            }
        }
        (e, a) => {
            if e != a {
                problems.push(format!("{path}: expected {e}, got {a}"));
            }
        }
    }
}

/// A whole answer's fingerprint: its JSON text as the engine writes it
/// (members in the engine's order; a JS object parsed from that text keeps
/// it), with the engine's version left out.
pub fn digest(answer: &Value) -> String {
    use sha2::{Digest, Sha256};
    let mut answer = answer.clone();
    if let Some(stamp) = answer.get_mut("stamp").and_then(Value::as_object_mut) {
        stamp.shift_remove("engine");
    }
    let text = serde_json::to_string(&answer).unwrap_or_default();
    format!("{:x}", Sha256::digest(text.as_bytes()))
}

/// The recorded digests (`tests/data/golden-digests.txt`): one line per
/// golden case, `name report|errors digest`.
pub const RECORDED_DIGESTS: &str = include_str!("../data/golden-digests.txt");

pub fn recorded_digest(name: &str) -> Option<(&'static str, &'static str)> {
    RECORDED_DIGESTS.lines().find_map(|line| {
        let mut parts = line.split(' ');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(n), Some(kind), Some(digest)) if n == name => Some((kind, digest)),
            _ => None,
        }
    })
}
