//! Hostile and careless input: a key given twice, a list where an object
//! belongs, and limits on sizes are errors naming their field, never a
//! silent or wrong answer.

use serde_json::{json, Value};
use sfo_check::input::ErrorCode;
use sfo_check::{Checker, Options};

fn errors(text: &str) -> Vec<(String, ErrorCode, String)> {
    let clock = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
    Checker::new()
        .check(text, &Options::default(), clock)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| (e.path, e.code, e.message))
        .collect()
}

fn murder() -> Value {
    json!({
        "schema": "sfo-check/case@1", "today": "2024-07-01",
        "supervision": [{"type": "licence", "start": "2023-11-06", "scheduled_end": "2024-11-05"}],
        "offence": {"id": "murder", "alleged_from": "2024-05-10", "charged": "2024-05-13", "first_court_appearance": "2024-05-14"}
    })
}

#[test]
fn a_key_given_twice_is_an_error_not_the_last_one_silently() {
    // The reproducer: the second id would make a murder "not listed".
    let text = murder()
        .to_string()
        .replace(r#""id":"murder""#, r#""id":"murder","id":"not-listed""#);
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1),
        ("offence.id", ErrorCode::Duplicate)
    );
    // A second, empty list of events would drop every event.
    let text = murder().to_string().replacen(
        '{',
        r#"{"events":[{"type":"violence-in-custody","date":"2024-01-02"}],"events":[],"#,
        1,
    );
    assert_eq!(errors(&text)[0].0, "events");
}

#[test]
fn a_list_where_an_object_belongs_is_refused() {
    let mut case = murder();
    case["offence"] = json!([
        "murder",
        null,
        "2024-05-10",
        null,
        "2024-05-13",
        "2024-05-14"
    ]);
    let found = errors(&case.to_string());
    assert_eq!(found[0].0, "offence");
    assert_eq!(found[0].1, ErrorCode::WrongType);
}

#[test]
fn lists_over_500_items_and_documents_over_1_mb_name_their_limit() {
    let mut case = murder();
    case["events"] = Value::Array(vec![
        json!({"type": "violence-in-custody", "date": "2024-01-02"});
        501
    ]);
    let found = errors(&case.to_string());
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].0.as_str(), found[0].1),
        ("events", ErrorCode::TooLarge)
    );
    assert_eq!(found[0].2, "has more than 500 items");

    let mut case = murder();
    case["notes"] = Value::String("x".repeat(1024 * 1024));
    let found = errors(&case.to_string());
    assert_eq!((found[0].0.as_str(), found[0].1), ("", ErrorCode::TooLarge));
    assert!(found[0].2.starts_with("the case is larger than 1 MB"));
}

#[test]
fn errors_stop_at_100_then_say_how_many_more() {
    let mut case = murder();
    // 400 events, each dated after the case's today: 400 errors of meaning.
    case["events"] = Value::Array(vec![
        json!({"type": "violence-in-custody", "date": "2025-01-02"});
        400
    ]);
    let found = errors(&case.to_string());
    assert_eq!(found.len(), 101);
    assert_eq!(found[100].2, "and 300 more errors");
    assert_eq!(found[100].1, ErrorCode::TooLarge);
}

#[test]
fn dates_of_things_that_have_happened_cannot_be_after_today() {
    // Today is Mon 1 Jul 2024: a call-out and a previous assessment dated
    // later would be cited by flags as if they had happened.
    let mut case = murder();
    case["circumstances"] = json!({"non_convicted_behaviour": [{"type": "domestic-abuse-call-out", "date": "2024-08-01"}]});
    case["rosh"] = json!({"date": "2024-04-02", "overall": "medium", "previous": {"date": "2024-09-01", "overall": "high"}});
    let found = errors(&case.to_string());
    let paths: Vec<(&str, ErrorCode)> = found.iter().map(|(p, c, _)| (p.as_str(), *c)).collect();
    assert!(
        paths.contains(&(
            "circumstances.non_convicted_behaviour[0].date",
            ErrorCode::InFuture
        )),
        "{found:?}"
    );
    assert!(
        paths.contains(&("rosh.previous.date", ErrorCode::InFuture)),
        "{found:?}"
    );
}

#[test]
fn an_extension_running_past_the_calendar_is_an_error_not_dropped() {
    // Court on Mon 1 Jun 2199: the notification is due in June 2199, and 400
    // more working days would run past 2200, the calendar's last year.
    let case = json!({
        "schema": "sfo-check/case@1", "today": "2199-07-01",
        "supervision": [{"type": "licence", "start": "2198-11-06", "scheduled_end": "2199-11-05"}],
        "offence": {"id": "murder", "alleged_from": "2199-05-27", "charged": "2199-05-28", "first_court_appearance": "2199-06-01"},
        "review": {"extensions": [{"step": "D-NOTIFY", "requested": "2199-06-02", "decision": "granted", "decided": "2199-06-03", "extra_working_days": 400}]}
    });
    let found = errors(&case.to_string());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1),
        (
            "review.extensions[0].extra_working_days",
            ErrorCode::OutOfRange
        )
    );
    assert!(found[0].2.contains("after 2200"));
    // 100 days stays inside 2199–2200: read as before.
    let mut fine = case.clone();
    fine["review"]["extensions"][0]["extra_working_days"] = 100.into();
    assert_eq!(errors(&fine.to_string()), []);
}

#[test]
fn a_read_that_stops_at_100_errors_says_so() {
    let mut case = murder();
    // 300 events whose dates are not real dates: reading stops at 100.
    case["events"] = Value::Array(vec![
        json!({"type": "violence-in-custody", "date": "2024-02-30"});
        300
    ]);
    let found = errors(&case.to_string());
    assert_eq!(found.len(), 101);
    assert_eq!(found[99].0, "events[99].date");
    assert_eq!(
        found[100].2,
        "reading stopped after 100 errors: fix these and check again for any more"
    );
}

#[test]
fn a_case_holds_at_most_1000_rows_across_its_lists() {
    // 500 events and 500 periods are 1,000 rows: read. One more order is
    // refused as a whole, naming the limit, before any other check.
    let mut case = murder();
    case["events"] = Value::Array(vec![
        json!({"type": "violence-in-custody", "date": "2024-01-02"});
        500
    ]);
    let period = case["supervision"][0].clone();
    case["supervision"] = Value::Array(vec![period; 500]);
    assert_eq!(errors(&case.to_string()), []);
    case["circumstances"] = json!({"orders": [{"type": "restraining", "protects": ["children"]}]});
    let found = errors(&case.to_string());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1), ("", ErrorCode::TooLarge));
    assert!(
        found[0]
            .2
            .starts_with("the case has 1,001 items in its lists"),
        "{}",
        found[0].2
    );
    assert!(found[0].2.ends_with("the most a case holds is 1,000"));
}
