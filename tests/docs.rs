//! The documented formats stay true: the JSON Schemas in docs/ are the ones
//! the Rust types generate, and every example case checks cleanly.

use chrono::NaiveDate;
use sfo_check::policy::{PolicyProfile, PolicySet, DEFAULT_POLICY_JSON};
use sfo_check::{check_json, schema, Options};
use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn case_schema_in_docs_is_current() {
    assert_eq!(
        read("docs/case.schema.json"),
        schema::case_schema(),
        "docs/case.schema.json is stale: run `make schema`"
    );
}

#[test]
fn scenario_schema_in_docs_is_current() {
    assert_eq!(
        read("docs/scenario.schema.json"),
        schema::scenario_schema(),
        "docs/scenario.schema.json is stale: run `make schema`"
    );
}

#[test]
fn policy_schema_in_docs_is_current() {
    assert_eq!(
        read("docs/policy.schema.json"),
        schema::policy_schema(),
        "docs/policy.schema.json is stale: run `make schema`"
    );
}

#[test]
fn examples_check_with_the_documented_outcomes() {
    let expected = [
        ("licence-murder-qualifies", "qualifies"),
        ("not-yet-charged", "not-yet"),
        ("range-straddles-window", "check"),
        ("group-b-does-not-qualify", "does-not-qualify"),
        ("review-with-extensions", "qualifies"),
        ("training-scenario-many-flags", "check"),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let count = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension() == Some("json".as_ref()))
        .count();
    assert_eq!(
        count,
        expected.len(),
        "every example case has an expected outcome here (the caseload example is tested in tests/caseload.rs)"
    );
    let clock = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for (name, status) in expected {
        let text = read(&format!("examples/{name}.json"));
        let report = check_json(&text, &PolicySet::default(), &Options::default(), clock)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let got = serde_json::to_value(report.qualification.status).unwrap();
        assert_eq!(got, status, "{name}");
        assert_eq!(report.stamp.today_source, "case", "{name} sets today");
    }
}

#[test]
fn case_format_doc_names_every_top_level_field() {
    let doc = read("docs/case-format.md");
    let schema: serde_json::Value = serde_json::from_str(&schema::case_schema()).unwrap();
    for field in schema["properties"].as_object().unwrap().keys() {
        assert!(
            doc.contains(&format!("`{field}`")),
            "docs/case-format.md does not describe `{field}`"
        );
    }
}

#[test]
fn default_policy_file_round_trips() {
    let profile = PolicyProfile::from_json(DEFAULT_POLICY_JSON).unwrap();
    let again = PolicyProfile::from_json(&profile.to_pretty_json()).unwrap();
    assert_eq!(profile, again);
    assert_eq!(profile.content_hash(), again.content_hash());
}

#[test]
fn rulebook_in_docs_is_current() {
    assert_eq!(
        read("docs/rules.md"),
        sfo_check::rulebook::rules_markdown(&PolicyProfile::default_profile()),
        "docs/rules.md is stale: run `make schema`"
    );
}

#[test]
fn the_readme_links_the_rulebook_and_nothing_outside_the_repository() {
    let readme = read("README.md");
    assert!(
        readme.contains("(docs/rules.md)"),
        "README links docs/rules.md"
    );
    assert!(
        !readme.contains("../shared"),
        "README points outside the repository"
    );
}

#[test]
fn the_pages_rules_section_is_current() {
    let page = read("www/index.html");
    let rules = sfo_check::rulebook::rules_html(&PolicyProfile::default_profile());
    let expected = sfo_check::rulebook::splice_into_page(&page, &rules)
        .expect("www/index.html has the rules markers");
    assert!(
        page == expected,
        "the rules in www/index.html are stale: run `make schema`"
    );
}

/// The relative modules a page script imports before it runs (`from './x.js'`).
/// A dynamic `import()` (Training, loaded when it opens) is fetched when
/// needed, so it is not preloaded.
fn static_imports_of(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for marker in ["from '", "from \""] {
        for (at, _) in source.match_indices(marker) {
            let rest = &source[at + marker.len()..];
            let quote = marker.chars().last().unwrap_or('\'');
            if let Some(end) = rest.find(quote) {
                let target = &rest[..end];
                if target.starts_with('.') && target.ends_with(".js") {
                    found.push(target.to_string());
                }
            }
        }
    }
    found
}

/// The page preloads every module app.js reaches (and the engine's wasm), so
/// the browser fetches them at once instead of one import level at a time;
/// and nothing it no longer uses.
#[test]
fn the_page_preloads_exactly_the_modules_it_imports() {
    let www = Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let mut reached: Vec<String> = Vec::new();
    let mut queue = vec!["app.js".to_string()];
    while let Some(module) = queue.pop() {
        if reached.contains(&module) {
            continue;
        }
        let source = std::fs::read_to_string(www.join(&module)).unwrap_or_default();
        let base = Path::new(&module).parent().unwrap_or(Path::new(""));
        for target in static_imports_of(&source) {
            let mut path = base.to_path_buf();
            for part in target.split('/') {
                match part {
                    "." => {}
                    ".." => {
                        path.pop();
                    }
                    _ => path.push(part),
                }
            }
            queue.push(path.to_string_lossy().replace('\\', "/"));
        }
        reached.push(module);
    }
    reached.retain(|m| m != "app.js");
    reached.sort();
    let page = read("www/index.html");
    let mut preloaded: Vec<String> = page
        .split("<link rel=\"modulepreload\" href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(String::from))
        .collect();
    preloaded.sort();
    assert_eq!(preloaded, reached, "www/index.html's modulepreload links");
    assert!(page.contains("<link rel=\"preload\" href=\"pkg/sfo_check_bg.wasm\""));
}

#[test]
fn caseload_columns_in_docs_are_current() {
    let doc = read("docs/caseload-format.md");
    assert_eq!(
        sfo_check::caseload::splice_columns(&doc).as_deref(),
        Some(doc.as_str()),
        "docs/caseload-format.md is stale: run `make schema`"
    );
}
