//! Property tests: working-day arithmetic, determinism, and no panics on any JSON.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use serde_json::Value;
use sfo_check::calendar::Calendar;
use sfo_check::policy::PolicySet;
use sfo_check::{check_json, Options};

fn date() -> impl Strategy<Value = NaiveDate> {
    // 1995-01-01 to about 2040.
    (0u64..16_500).prop_map(|d| NaiveDate::from_ymd_opt(1995, 1, 1).unwrap() + Days::new(d))
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z0-9 -]{0,12}".prop_map(Value::String),
        date().prop_map(|d| Value::String(d.to_string())),
        Just(Value::String("2024-02-31".into())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(field_name(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Real field names as well as junk, so random documents reach deep code.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "supervision",
            "type",
            "start",
            "scheduled_end",
            "terminated",
            "offence",
            "id",
            "alleged_from",
            "alleged_to",
            "charged",
            "first_court_appearance",
            "charges_dropped",
            "review",
            "extensions",
            "step",
            "requested",
            "decision",
            "new_due",
            "rosh",
            "date",
            "overall",
            "groups",
            "children",
            "circumstances",
            "mappa",
            "level",
            "events",
            "today",
            "inchoate",
            "orders",
            "protects",
            "custody_incidents",
            "previous",
        ])
        .prop_map(String::from),
        "[a-z_]{1,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn add_working_days_lands_on_a_working_day_and_counts_back(start in date(), n in 1u32..400) {
        let cal = Calendar::default();
        let end = cal.add_working_days(start, n).unwrap();
        prop_assert!(cal.is_working_day(end));
        prop_assert!(end > start);
        prop_assert_eq!(cal.working_days_between(start, end), i64::from(n));
        prop_assert_eq!(cal.working_days_between(end, start), -i64::from(n));
        // Every day strictly between is either not a working day or counted.
        prop_assert_eq!(cal.add_working_days(start, n - 1).map(|d| d < end), Some(true));
    }

    #[test]
    fn working_days_between_is_additive(a in date(), b in date(), c in date()) {
        let cal = Calendar::default();
        prop_assert_eq!(
            cal.working_days_between(a, b) + cal.working_days_between(b, c),
            cal.working_days_between(a, c)
        );
    }

    #[test]
    fn next_working_day_is_add_one(d in date()) {
        let cal = Calendar::default();
        prop_assert_eq!(cal.next_working_day(d), cal.add_working_days(d, 1));
        prop_assert!(cal.working_day_on_or_after(d).unwrap() >= d);
    }

    #[test]
    fn random_json_never_panics_and_is_deterministic(doc in json_value()) {
        let text = doc.to_string();
        let policies = PolicySet::default();
        let clock = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
        let first = check_json(&text, &policies, &Options::default(), clock);
        let second = check_json(&text, &policies, &Options::default(), clock);
        prop_assert_eq!(&first, &second);
        if let Err(errors) = first {
            prop_assert!(!errors.is_empty());
        }
    }

    #[test]
    fn random_cases_with_real_shape_never_panic(
        start in date(), len in 0u64..2000, offset in 0u64..3000, court_gap in 0u64..30,
        range in prop::option::of(0u64..40), level in 0usize..4, today_gap in 0u64..400,
    ) {
        let levels = ["low", "medium", "high", "very-high"];
        let end = start + Days::new(len);
        let offence = start + Days::new(offset);
        let court = offence + Days::new(court_gap);
        let mut case = serde_json::json!({
            "today": (court + Days::new(today_gap)).to_string(),
            "supervision": [{"type": "licence", "start": start.to_string(), "scheduled_end": end.to_string()}],
            "offence": {"id": "kidnapping", "alleged_from": offence.to_string(),
                        "charged": court.to_string(), "first_court_appearance": court.to_string()},
            "rosh": {"date": start.to_string(), "overall": levels[level]},
            "events": [{"type": "recall", "date": offence.to_string()}],
        });
        if let Some(r) = range {
            case["offence"]["alleged_to"] = (offence + Days::new(r)).to_string().into();
        }
        let clock = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
        let result = check_json(&case.to_string(), &PolicySet::default(), &Options::default(), clock);
        if let Ok(report) = &result {
            prop_assert_eq!(report.deadlines.len(), 4);
            prop_assert!(report.stamp.today.year() >= 1995);
        }
    }
}
