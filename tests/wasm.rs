//! The JavaScript API, run in headless Chromium by wasm-bindgen-test
//! (`make test-wasm`): real cases through `check`, `validate` and friends,
//! structured errors for bad input, and agreement with the engine on every
//! golden case.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use sfo_check::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod common;
use common::matches;

include!(concat!(env!("OUT_DIR"), "/golden_cases.rs"));

wasm_bindgen_test_configure!(run_in_browser);

fn js(text: &str) -> JsValue {
    js_sys::JSON::parse(text).expect("test JSON parses")
}

fn to_json(value: &JsValue) -> Value {
    serde_wasm_bindgen::from_value(value.clone()).expect("a plain JS value")
}

fn policy_text(file: &str) -> &'static str {
    GOLDEN_POLICIES
        .iter()
        .find(|(name, _)| *name == file)
        .map(|(_, text)| *text)
        .expect("golden policy file")
}

/// The golden case's case, as JSON text (kept raw when it is not JSON).
fn case_of(name: &str, doc: &Value) -> JsValue {
    match (doc.get("case"), doc.get("case_text")) {
        (Some(case), _) => JsValue::from_str(&case.to_string()),
        (None, Some(Value::String(raw))) => JsValue::from_str(raw),
        _ => panic!("{name}: no case"),
    }
}

/// The golden case's options in the JS API's shape.
fn options_for(doc: &Value) -> Value {
    let given = &doc["options"];
    let mut options = serde_json::json!({});
    if let Some(today) = given["today"].as_str() {
        options["today"] = today.into();
    }
    if let Some(id) = given["policy_id"].as_str() {
        options["policy_id"] = id.into();
    }
    let policies: Vec<Value> = given["policies"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| serde_json::from_str(policy_text(f.as_str().unwrap())).unwrap())
        .collect();
    options["policies"] = Value::Array(policies);
    options
}

#[wasm_bindgen_test]
fn every_golden_case_agrees_through_the_js_api() {
    assert!(GOLDEN_CASES.len() >= 200);
    let mut failures = Vec::new();
    for (name, text) in GOLDEN_CASES {
        let doc: Value = serde_json::from_str(text).unwrap();
        let case = case_of(name, &doc);
        let options = js(&options_for(&doc).to_string());
        let mut problems = Vec::new();
        match (
            wasm::check(case.clone(), options.clone()),
            doc.get("expect"),
            doc.get("errors"),
        ) {
            (Ok(report), Some(expect), _) => {
                let report = to_json(&report);
                matches(expect, &report, "report", &mut problems);
                // validate() agrees that a reportable case has no errors.
                let errors = to_json(&wasm::validate(case, options));
                if errors != Value::Array(vec![]) {
                    problems.push(format!("validate found {errors}"));
                }
            }
            (Err(thrown), _, Some(expected)) => {
                let thrown = to_json(&thrown);
                matches(expected, &thrown["errors"], "errors", &mut problems);
                let errors = to_json(&wasm::validate(case, options));
                matches(expected, &errors, "validate", &mut problems);
            }
            (Ok(_), _, _) => problems.push("expected errors, got a report".into()),
            (Err(e), _, _) => problems.push(format!("expected a report, got {:?}", to_json(&e))),
        }
        if !problems.is_empty() {
            failures.push(format!("{name}: {}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[wasm_bindgen_test]
fn check_accepts_a_case_object_and_returns_a_plain_report() {
    let case = js(r#"{"today":"2024-07-01",
        "supervision":[{"type":"licence","start":"2023-11-06","scheduled_end":"2024-11-05"}],
        "offence":{"id":"murder","alleged_from":"2024-05-10","charged":"2024-05-13","first_court_appearance":"2024-05-14"}}"#);
    let report = to_json(&wasm::check(case, JsValue::UNDEFINED).unwrap());
    assert_eq!(report["qualification"]["status"], "qualifies");
    assert_eq!(report["deadlines"][1]["current_due"], "2024-05-21");
    assert_eq!(
        report["stamp"]["engine"],
        format!("sfo-check {}", wasm::version())
    );
}

#[wasm_bindgen_test]
fn without_today_the_browser_clock_is_used_and_stamped() {
    let case = js(r#"{"supervision":[{"type":"licence","start":"2020-01-06"}],
        "offence":{"id":"murder","alleged_from":"2024-05-10","charged":"2024-05-13","first_court_appearance":"2024-05-14"}}"#);
    let report = to_json(&wasm::check(case, JsValue::NULL).unwrap());
    assert_eq!(report["stamp"]["today_source"], "clock");
    let now = js_sys::Date::new_0();
    let today = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    assert_eq!(report["stamp"]["today"], today);
}

#[wasm_bindgen_test]
fn bad_input_comes_back_as_structured_errors() {
    let thrown = wasm::check(
        js(r#"{"supervision":[{"type":"licence","start":"2024-02-31"}],"ofence":{}}"#),
        JsValue::UNDEFINED,
    )
    .unwrap_err();
    let errors = to_json(&thrown)["errors"].clone();
    assert_eq!(errors[0]["path"], "supervision[0].start");
    assert_eq!(
        errors[0]["message"],
        "31 February 2024 is not a real date (February 2024 has 29 days)"
    );
    assert_eq!(errors[1]["path"], "ofence");

    let thrown = wasm::check(JsValue::from_str("{not json"), JsValue::UNDEFINED).unwrap_err();
    assert!(to_json(&thrown)["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("not valid JSON"));

    let thrown = wasm::check(js("{}"), js(r#"{"todya":"2024-01-01"}"#)).unwrap_err();
    assert_eq!(to_json(&thrown)["errors"][0]["path"], "options.todya");

    let thrown = wasm::check(js("{}"), js(r#"{"today":"2024-13-01"}"#)).unwrap_err();
    assert_eq!(to_json(&thrown)["errors"][0]["path"], "options.today");

    let thrown = wasm::check(js("{}"), js(r#"{"policies":[{"id":"x"}]}"#)).unwrap_err();
    let errors = to_json(&thrown)["errors"].clone();
    assert_eq!(errors[0]["path"], "policies[0].schema");
}

#[wasm_bindgen_test]
fn calendar_functions() {
    let holidays = to_json(&wasm::bank_holidays_js(JsValue::from(2023)).unwrap());
    let dates: Vec<&str> = holidays
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        [
            "2023-01-02",
            "2023-04-07",
            "2023-04-10",
            "2023-05-01",
            "2023-05-08",
            "2023-05-29",
            "2023-08-28",
            "2023-12-25",
            "2023-12-26"
        ]
    );
    assert_eq!(
        to_json(&wasm::bank_holidays_js(JsValue::from(1700)).unwrap_err())["errors"][0]["path"],
        "year"
    );
    assert_eq!(
        wasm::add_working_days_js(JsValue::from_str("2024-12-24"), JsValue::from(4)).unwrap(),
        "2025-01-02"
    );
    // Back from Thu 2 Jan 2025: New Year's Day, Boxing Day and Christmas skipped.
    assert_eq!(
        wasm::working_days_before_js(JsValue::from_str("2025-01-02"), JsValue::from(5)).unwrap(),
        "2024-12-23"
    );
    let thrown = wasm::working_days_before_js(JsValue::from_str("2025-01-02"), JsValue::from(-1));
    assert_eq!(to_json(&thrown.unwrap_err())["errors"][0]["path"], "n");
    assert_eq!(
        to_json(
            &wasm::add_working_days_js(JsValue::from_str("2024-02-30"), JsValue::from(1))
                .unwrap_err()
        )["errors"][0]["message"],
        "30 February 2024 is not a real date (February 2024 has 29 days)"
    );
    assert_eq!(
        wasm::working_days_js(
            JsValue::from_str("2024-12-24"),
            JsValue::from_str("2025-01-02")
        )
        .unwrap(),
        4.0
    );
}

/// Each wrong argument is an error naming it: never a trap, a wrapped or
/// rounded number, or a value read as 0 (the issue's reproducers).
#[wasm_bindgen_test]
fn calendar_arguments_are_strict() {
    let path_of = |thrown: JsValue| to_json(&thrown)["errors"][0]["path"].clone();
    let day = JsValue::from_str("2024-01-01");
    for n in [4294967301.0, 1.9, f64::NAN, f64::INFINITY, -1.0] {
        let thrown = wasm::add_working_days_js(day.clone(), JsValue::from(n)).unwrap_err();
        assert_eq!(path_of(thrown), "n", "{n}");
    }
    let thrown = wasm::add_working_days_js(day.clone(), JsValue::from_str("5")).unwrap_err();
    assert_eq!(path_of(thrown), "n");
    // A date that is not text names the date, not n.
    let thrown = wasm::add_working_days_js(JsValue::from(20240101), JsValue::from(1)).unwrap_err();
    assert_eq!(path_of(thrown), "date");
    let thrown = wasm::working_days_js(JsValue::NULL, day.clone()).unwrap_err();
    assert_eq!(path_of(thrown), "from");
    let thrown = wasm::bank_holidays_js(JsValue::from(2024.7)).unwrap_err();
    assert_eq!(path_of(thrown), "year");
    // options.today is range-checked like the command line's --today.
    let case = js(r#"{"schema":"sfo-check/case@1"}"#);
    let thrown = wasm::check(case.clone(), js(r#"{"today":"0000-01-01"}"#)).unwrap_err();
    assert_eq!(path_of(thrown), "options.today");
    let thrown = wasm::check(case, js(r#"{"today":"1850-06-01"}"#)).unwrap_err();
    let error = to_json(&thrown)["errors"][0].clone();
    assert_eq!(error["path"], "options.today");
    assert_eq!(error["message"], "must be in the years 1900 to 2200");
}

#[wasm_bindgen_test]
fn the_page_reads_a_file_strictly_and_a_case_within_its_rows() {
    let thrown = |result: Result<(), JsValue>| to_json(&result.unwrap_err())["errors"][0].clone();
    // A key given twice, in any document.
    let twice = r#"{"offence":{"id":"murder","id":"not-listed"}}"#;
    let error = thrown(wasm::read_document(twice, "case file"));
    assert_eq!(
        (error["path"].as_str(), error["code"].as_str()),
        (Some("offence.id"), Some("duplicate"))
    );
    // 1,000 rows are read; 1,001 are refused for a case, naming the limit.
    let rows = |n: usize| {
        let events = vec![r#"{"type":"new-relationship","date":"2024-01-02"}"#; 500].join(",");
        let periods = vec![r#"{"type":"licence"}"#; 500].join(",");
        let orders = vec![r#"{"type":"restraining"}"#; n - 1000].join(",");
        format!(
            r#"{{"events":[{events}],"supervision":[{periods}],"circumstances":{{"orders":[{orders}]}}}}"#
        )
    };
    assert!(wasm::read_case_document(&rows(1000), "case file").is_ok());
    let error = thrown(wasm::read_case_document(&rows(1001), "case file"));
    assert_eq!(error["code"], "too-large");
    assert_eq!(error["params"]["max"], "1000");
    // The rows are a case's limit, not any document's.
    assert!(wasm::read_document(&rows(1001), "case file").is_ok());
}

#[wasm_bindgen_test]
fn policies_cross_the_boundary_intact() {
    let mut policy = to_json(&wasm::default_policy());
    assert_eq!(policy["id"], "ew-default-2024");
    assert_eq!(policy["timetable"][0]["id"], "D-WINDOW-CLOSE");
    // A profile to load may not take the built-in one's id.
    let thrown = to_json(&wasm::read_policy(js(&policy.to_string())).unwrap_err());
    assert_eq!(thrown["errors"][0]["path"], "id");
    assert_eq!(thrown["errors"][0]["code"], "duplicate");
    policy["id"] = "region".into();
    let read = wasm::read_policy(js(&policy.to_string())).unwrap();
    assert_eq!(to_json(&read), policy);
    let mut broken = policy.clone();
    broken["timetable"][1]["offset"]["unit"] = "fortnights".into();
    let thrown = wasm::read_policy(js(&broken.to_string())).unwrap_err();
    assert_eq!(
        to_json(&thrown)["errors"][0]["path"],
        "timetable[1].offset.unit"
    );
}

/// The page takes every name from the engine: the vocabulary lists every
/// rule of the registry with its words, and a path reads as words.
#[wasm_bindgen_test]
fn the_vocabulary_names_every_rule_and_field() {
    let vocab = to_json(&wasm::vocabulary());
    let rules = vocab["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 26);
    let flag = rules.iter().find(|r| r["id"] == "F-DA-ENQUIRY").unwrap();
    assert_eq!(flag["title"], "Police domestic abuse enquiry not completed");
    assert_eq!(flag["inaccuracy_kinds"][0]["number"], 3);
    assert!(flag["citations"][0]["text"]
        .as_str()
        .unwrap()
        .starts_with("HM Inspectorate of Probation, Serious Further Offences Annual Report 2024"));
    assert_eq!(vocab["inaccuracy_kinds"].as_array().unwrap().len(), 5);
    assert_eq!(
        wasm::field_label("circumstances.custody_incidents[0].date"),
        "Custody incident 1: date of the incident"
    );
}

/// A kept `Checker` gives every golden case the same answer as the free
/// function, reused from one case to the next, bad ones included; and that
/// answer is the one recorded natively (`tests/data/golden-digests.txt`).
#[wasm_bindgen_test]
fn a_kept_checker_agrees_with_the_free_function_case_after_case() {
    // Each set of profiles' checker, and the error of a profile it refused.
    let mut kept: Vec<(String, wasm::KeptChecker, Option<Value>)> = Vec::new();
    let mut differ = Vec::new();
    let mut changed = Vec::new();
    for (name, text) in GOLDEN_CASES {
        let doc: Value = serde_json::from_str(text).unwrap();
        let case = case_of(name, &doc);
        let mut options = options_for(&doc);
        let policies = options["policies"].take();
        let key = policies.to_string();
        if !kept.iter().any(|(k, _, _)| *k == key) {
            let mut checker = wasm::KeptChecker::new();
            let mut refused = None;
            for profile in policies.as_array().into_iter().flatten() {
                if let Err(e) = checker.add_policy(js(&profile.to_string())) {
                    refused = Some(to_json(&e)["errors"][0].clone());
                }
            }
            kept.push((key.clone(), checker, refused));
        }
        let (_, checker, refused) = kept.iter().find(|(k, _, _)| *k == key).unwrap();
        let mut free_options = options.clone();
        free_options["policies"] = policies;
        let free = wasm::check(case.clone(), js(&free_options.to_string()));
        options.as_object_mut().unwrap().remove("policies");
        let mine = checker.check(case, js(&options.to_string()));
        let answer = |r: Result<JsValue, JsValue>| match r {
            Ok(v) => ("report", to_json(&v)),
            Err(e) => ("errors", to_json(&e)["errors"].clone()),
        };
        let (free, mine) = (answer(free), answer(mine));
        match refused {
            // The profile the free function refused for the case, the kept
            // checker refused when it was added, for the same reason.
            Some(error) => {
                let for_case = &free.1[0];
                if free.0 != "errors"
                    || for_case["path"].as_str() != Some("policies[0].id")
                    || error["path"] != "id"
                    || error["message"] != for_case["message"]
                {
                    differ.push(name.to_string());
                }
            }
            None if free != mine => differ.push(name.to_string()),
            None => {}
        }
        // Byte for byte the answer the engine gave natively before the speed work.
        let found = common::digest(&free.1);
        let recorded = common::recorded_digest(name.trim_end_matches(".json"));
        if recorded != Some((free.0, found.as_str())) {
            changed.push(name.to_string());
        }
    }
    assert!(differ.is_empty(), "{differ:?}");
    assert!(
        changed.is_empty(),
        "differ from the recorded digests: {changed:?}"
    );
}

#[wasm_bindgen_test]
fn a_kept_checker_refuses_a_bad_profile_field_by_field_and_keeps_its_own() {
    let mut checker = wasm::KeptChecker::new();
    let mut profile: Value =
        serde_json::from_str(&to_json(&wasm::default_policy()).to_string()).unwrap();
    profile["id"] = "region".into();
    profile["timetable"][1]["offset"]["unit"] = "fortnights".into();
    profile["offences"][0]["group"] = "Z".into();
    let thrown = to_json(&checker.add_policy(js(&profile.to_string())).unwrap_err());
    let paths: Vec<&str> = thrown["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["timetable[1].offset.unit", "offences[0].group"]);
    let ids: Vec<Value> = to_json(&checker.policies())
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].clone())
        .collect();
    assert_eq!(ids, ["ew-default-2024"]);
    // Options a kept checker does not take are refused by name.
    let case = js(r#"{"today":"2024-07-01"}"#);
    let thrown = to_json(&checker.check(case, js(r#"{"policies":[]}"#)).unwrap_err());
    assert_eq!(thrown["errors"][0]["path"], "options.policies");
}

/// Every shipped training scenario gives, through the JS API, the outcome
/// its `expect` names: the status, each step's state and exactly its flags.
#[wasm_bindgen_test]
fn every_training_scenario_agrees_through_the_js_api() {
    assert!(SCENARIOS.len() >= 20);
    let mut differ = Vec::new();
    for (name, text) in SCENARIOS {
        let scenario = sfo_check::scenario::Scenario::from_json(text).expect("a readable scenario");
        // A scenario with a region's own profile is checked with it, as the page checks it.
        let options = match &scenario.policy {
            Some(profile) => js(&serde_json::json!({ "policies": [profile] }).to_string()),
            None => JsValue::UNDEFINED,
        };
        let report = to_json(
            &wasm::check(JsValue::from_str(&scenario.case.to_string()), options)
                .unwrap_or_else(|e| panic!("{name}: {:?}", to_json(&e))),
        );
        let expect = serde_json::to_value(&scenario.expect).unwrap();
        let steps: serde_json::Map<String, Value> = report["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["id"].as_str().unwrap().to_string(),
                    d["state"]["kind"].clone(),
                )
            })
            .collect();
        let mut flags: Vec<&str> = report["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["id"].as_str().unwrap())
            .collect();
        let mut expected_flags: Vec<&str> = expect["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        flags.sort_unstable();
        expected_flags.sort_unstable();
        if report["qualification"]["status"] != expect["status"]
            || Value::Object(steps) != expect["steps"]
            || flags != expected_flags
        {
            differ.push(name.to_string());
        }
    }
    assert!(differ.is_empty(), "{differ:?}");
}

#[wasm_bindgen_test]
fn the_page_opens_and_writes_scenarios_through_the_kept_checker() {
    let checker = wasm::KeptChecker::new();
    // Every shipped scenario opens with no mismatch, its sources worded.
    for (name, text) in SCENARIOS {
        let opened = to_json(
            &checker
                .open_scenario(JsValue::from_str(text))
                .unwrap_or_else(|e| panic!("{name}: {:?}", to_json(&e))),
        );
        assert_eq!(opened["mismatches"], serde_json::json!([]), "{name}");
        let cited = opened["scenario"]["citations"].as_array().unwrap().len();
        assert_eq!(
            opened["citations"].as_array().unwrap().len(),
            cited,
            "{name}"
        );
        assert!(opened["report"]["deadlines"].is_array(), "{name}");
    }
    // A bad file: the error names the field in words.
    let thrown = checker
        .open_scenario(JsValue::from_str(r#"{"schema":"sfo-check/scenario@1"}"#))
        .unwrap_err();
    let errors = to_json(&thrown)["errors"].clone();
    assert_eq!(errors[0]["path"], "id");
    assert_eq!(errors[0]["label"], "Scenario id");

    // A case saved as a scenario expects what the engine says of it:
    // murder charged Mon 13 May 2024, in court Tue 14 May, during a licence.
    let case = serde_json::json!({
        "schema": "sfo-check/case@1", "today": "2024-05-17",
        "supervision": [{"type": "licence", "start": "2023-11-06", "scheduled_end": "2024-11-05"}],
        "offence": {"id": "murder", "alleged_from": "2024-05-10", "charged": "2024-05-13", "first_court_appearance": "2024-05-14"}
    });
    let words = serde_json::json!({"title": "Licence, murder", "narrative": "Told to the room."});
    let written = to_json(
        &checker
            .write_scenario(
                JsValue::from_str(&case.to_string()),
                JsValue::from_str(&words.to_string()),
                JsValue::UNDEFINED,
            )
            .unwrap_or_else(|e| panic!("{:?}", to_json(&e))),
    );
    assert_eq!(written["id"], "licence-murder");
    assert_eq!(written["expect"]["status"], "qualifies");
    // Court Tue 14 May + 5 working days = Tue 21 May: due in, on Fri 17 May.
    assert_eq!(written["expect"]["steps"]["D-NOTIFY"], "due-in");
    assert_eq!(written["expect"]["flags"], serde_json::json!([]));
}

/// A checker built with a profile of new words, then freed, gives their
/// memory back: 3,000 of them, each citing a note of 5,000 characters of its
/// own, once kept every note for good (15 MB here).
#[wasm_bindgen_test]
fn checkers_with_new_words_give_their_memory_back() {
    use wasm_bindgen::JsCast;
    let profile = to_json(&wasm::default_policy());
    let case = JsValue::from_str(include_str!("../examples/licence-murder-qualifies.json"));
    let memory_bytes = || {
        wasm_bindgen::memory()
            .unchecked_into::<js_sys::WebAssembly::Memory>()
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length()
    };
    let check_with_own_note = |i: usize| {
        let mut own = profile.clone();
        own["id"] = format!("region-{i}").into();
        own["timetable"][1]["sources"][1]["note"] = format!("{i} {}", "x".repeat(5_000)).into();
        let mut checker = wasm::KeptChecker::new();
        checker.add_policy(js(&own.to_string())).unwrap();
        let options = js(&format!(r#"{{"policy_id":"region-{i}"}}"#));
        let report = to_json(&checker.check(case.clone(), options).unwrap());
        // The note is cited, so the checker built its words.
        assert!(report["deadlines"][1]["citations"][1]["detail"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{i} x")));
    };
    for i in 0..100 {
        check_with_own_note(i);
    }
    let before = memory_bytes();
    for i in 100..3_100 {
        check_with_own_note(i);
    }
    let grown = memory_bytes() - before;
    assert!(grown < 2 * 1024 * 1024, "memory grew by {grown} bytes");
}

/// The page refuses a file by its size alone, before reading it: sizes past
/// what a 32-bit number holds (a 4 GB caseload) included.
#[wasm_bindgen_test]
fn a_file_is_refused_by_its_size_alone() {
    assert!(wasm::file_too_large("case file", 1_048_576.0).is_null());
    let case = to_json(&wasm::file_too_large("case file", 1_048_577.0));
    assert_eq!(case["code"], "too-large");
    assert_eq!(
        case["message"],
        "the case file is larger than 1 MB (1048576 bytes), the most sfo-check reads"
    );
    assert!(wasm::file_too_large("caseload file", 64.0 * 1_048_576.0).is_null());
    for (bytes, said) in [
        (2_147_483_648.0, "2,048.0 MB"),
        (4_294_967_296.0, "4,096.0 MB"),
    ] {
        let caseload = to_json(&wasm::file_too_large("caseload file", bytes));
        assert_eq!(
            caseload["message"],
            format!("the file is {said}: the most a caseload file holds is 64 MB")
        );
    }
    assert!(!wasm::file_too_large("caseload file", f64::MAX).is_null());
}
