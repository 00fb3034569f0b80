//! JSON Schemas generated from the Rust types, so the documented formats and
//! the code cannot drift apart (a test compares them with `docs/`). The case
//! schema carries each field's words from [`crate::fields`]: its question as
//! `title`, its hint as `description`.

use crate::case::Case;
use crate::fields;
use crate::policy::PolicyProfile;
use serde_json::{Map, Value};

pub fn case_schema() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(Case)).unwrap_or_default();
    let (annotations, _) = walk_case_schema(&schema);
    for (pointer, info) in annotations {
        if let Some(Value::Object(node)) = schema.pointer_mut(&pointer) {
            annotate(node, info);
        }
    }
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

pub fn scenario_schema() -> String {
    let schema = schemars::schema_for!(crate::scenario::Scenario);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

pub fn policy_schema() -> String {
    let schema = schemars::schema_for!(PolicyProfile);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

fn annotate(node: &mut Map<String, Value>, info: &fields::FieldInfo) {
    let title = info
        .question
        .map_or_else(|| crate::text::capitalise(info.name), String::from);
    node.insert("title".into(), Value::String(title));
    if let Some(hint) = info.hint {
        node.insert("description".into(), Value::String(hint.into()));
    }
}

/// Every field of the case schema as a path pattern (`supervision[].start`),
/// with where its property sits in the schema; and the patterns no entry in
/// [`fields::FIELDS`] names.
pub fn walk_case_schema(
    schema: &Value,
) -> (Vec<(String, &'static fields::FieldInfo)>, Vec<String>) {
    let mut found = Vec::new();
    let mut unnamed = Vec::new();
    walk(schema, schema, "", "", &mut found, &mut unnamed);
    (found, unnamed)
}

fn walk(
    root: &Value,
    node: &Value,
    pointer: &str,
    path: &str,
    found: &mut Vec<(String, &'static fields::FieldInfo)>,
    unnamed: &mut Vec<String>,
) {
    let Some(properties) = node.get("properties").and_then(Value::as_object) else {
        return;
    };
    for (key, property) in properties {
        let child = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        let child_pointer = format!("{pointer}/properties/{key}");
        match fields::info(&child) {
            Some(info) => found.push((child_pointer, info)),
            None => unnamed.push(child.clone()),
        }
        // An object inside (through a reference), or the items of a list.
        let (target, target_path) = match property.get("items") {
            Some(items) => (items, format!("{child}[]")),
            None => (property, child),
        };
        if let Some((def_pointer, def)) = resolve(root, target) {
            walk(root, def, &def_pointer, &target_path, found, unnamed);
        }
    }
}

/// The definition a `$ref` (possibly inside `anyOf`) points to.
fn resolve<'a>(root: &'a Value, node: &'a Value) -> Option<(String, &'a Value)> {
    let reference = node.get("$ref").and_then(Value::as_str).or_else(|| {
        node.get("anyOf")?
            .as_array()?
            .iter()
            .find_map(|v| v.get("$ref").and_then(Value::as_str))
    })?;
    let pointer = reference.strip_prefix('#')?.to_string();
    let def = root.pointer(&pointer)?;
    def.get("properties").map(|_| (pointer, def))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_field_has_words_and_every_entry_is_a_field() {
        let schema = serde_json::to_value(schemars::schema_for!(Case)).unwrap();
        let (found, unnamed) = walk_case_schema(&schema);
        assert_eq!(unnamed, Vec::<String>::new(), "fields without words");
        let paths: Vec<&str> = found.iter().map(|(_, f)| f.path).collect();
        for f in fields::FIELDS {
            assert!(
                f.path.starts_with("policy.") || paths.contains(&f.path),
                "{} is not a case field",
                f.path
            );
        }
    }
}
