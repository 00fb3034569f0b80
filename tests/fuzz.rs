//! Fuzzing the readers and the text report with generated documents: case-like
//! JSON built from the case's own field names, values of every type, broken
//! text and control characters. Nothing may panic; every failure is a list of
//! errors, each with a path that names a place in the document (or the whole
//! document) and a message; the text report never carries a control character
//! but its own line breaks.
//!
//! `make test` runs a short pass; `make fuzz` runs a long one
//! (`SFO_FUZZ_CASES`, default 256 here).

use proptest::prelude::*;
use serde_json::{Map, Value};
use sfo_check::policy::PolicyProfile;
use sfo_check::{check_json, policy::PolicySet, Options};

fn cases() -> u32 {
    std::env::var("SFO_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

/// Names the case format uses, so generated documents reach deep into it.
const KEYS: &[&str] = &[
    "schema",
    "reference",
    "today",
    "policy",
    "supervision",
    "type",
    "start",
    "scheduled_end",
    "terminated",
    "offence",
    "id",
    "inchoate",
    "alleged_from",
    "alleged_to",
    "charged",
    "first_court_appearance",
    "charges_dropped",
    "review",
    "notification_submitted",
    "review_submitted",
    "qa_completed",
    "extensions",
    "step",
    "requested",
    "decision",
    "decided",
    "new_due",
    "extra_working_days",
    "rosh",
    "date",
    "overall",
    "groups",
    "public",
    "children",
    "previous",
    "assessor",
    "role",
    "circumstances",
    "events",
    "note",
    "notes",
    "custody_incidents",
    "orders",
    "protects",
    "non_convicted_behaviour",
    "mappa",
    "level",
    "category",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        // Dates, near-dates and text with control and bidirectional characters.
        "(19|20|21|22)[0-9]{2}-[01][0-9]-[0-3][0-9]".prop_map(Value::from),
        "[a-z-]{0,12}".prop_map(Value::from),
        "[\\x00-\\x1f\\u{202e}a-z\\n]{0,8}".prop_map(Value::from),
        Just(Value::from("sfo-check/case@1")),
        Just(Value::from("murder")),
        Just(Value::from("licence")),
        Just(Value::from("granted")),
    ]
}

fn document() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..6).prop_map(|members| {
                Value::Object(
                    members
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// A document's text, sometimes cut short or given a key twice.
fn text_of(doc: &Value, cut: usize, twice: bool) -> String {
    let mut text = doc.to_string();
    if twice && text.starts_with('{') && text.len() > 2 {
        text.insert_str(1, r#""today":"2024-01-01","today":"2024-01-02","#);
        if text.ends_with(",}") {
            text = text.replace(",}", "}");
        }
    }
    if cut > 0 && cut < text.len() && text.is_char_boundary(cut) {
        text.truncate(cut);
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn the_case_reader_and_text_report_never_panic(doc in document(), cut in 0usize..400, twice in any::<bool>()) {
        let text = text_of(&doc, cut, twice);
        let clock = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
        match check_json(&text, &PolicySet::default(), &Options::default(), clock) {
            Ok(report) => {
                let rendered = sfo_check::text::render(&report);
                let clean = !rendered.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{202e}');
                prop_assert!(clean, "{}", rendered);
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert!(errors.len() <= sfo_check::input::MAX_ERRORS + 1);
                for e in errors {
                    prop_assert!(!e.message.is_empty());
                    // A path is a place in the document: keys and [indexes].
                    let place = e.path.chars().all(|c| c.is_ascii_alphanumeric() || "._[]-".contains(c));
                    prop_assert!(place, "{}", e.path);
                }
            }
        }
    }

    #[test]
    fn the_policy_reader_never_panics(doc in document(), cut in 0usize..400, twice in any::<bool>()) {
        let text = text_of(&doc, cut, twice);
        if let Err(errors) = PolicyProfile::from_json(&text) {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(!e.message.is_empty());
            }
        }
    }
}
