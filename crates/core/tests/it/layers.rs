//! The core's layers point one way: kernel → store → access → domain → services → desk.
//! A module may use its own layer and those before it; inside `domain`, a domain may use
//! the descriptor types and the domains it owns (master data ← activities ← areas ←
//! companies ← tenants); only the registry knows them all. Read from the sources, so a wrong `use` fails here
//! instead of growing into a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LAYERS: &[&str] = &["kernel", "store", "access", "domain", "services", "desk"];
const DOMAIN_ORDER: &[&str] = &[
    "descriptor",
    "master_data",
    "toms",
    "activities",
    "dpias",
    "requests",
    "processor_agreements",
    "breaches",
    "courses",
    "areas",
    "companies",
    "documents",
    "tenants",
    "website_texts",
    "registry",
];

fn source_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every module of the crate (`domain::areas`, …) with its source, unit tests cut off.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).unwrap().with_extension("");
                let mut parts: Vec<String> = rel
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                if parts.last().is_some_and(|p| p == "mod") {
                    parts.pop();
                }
                if parts == ["lib"] {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap().to_string();
                out.insert(parts.join("::"), code);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&source_root(), &source_root(), &mut out);
    out
}

/// The modules each module refers to by a `crate::…` path.
fn edges(modules: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges = BTreeMap::new();
    for (name, code) in modules {
        let mut targets = BTreeSet::new();
        for (i, _) in code.match_indices("crate::") {
            let path: String = code[i + 7..]
                .chars()
                .take_while(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == ':'
                })
                .collect();
            let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let target = (1..=segments.len())
                .rev()
                .map(|n| segments[..n].join("::"))
                .find(|c| modules.contains_key(c));
            if let Some(target) = target {
                if &target != name && !name.starts_with(&format!("{target}::")) {
                    targets.insert(target);
                }
            }
        }
        edges.insert(name.clone(), targets);
    }
    edges
}

fn rank(module: &str) -> (usize, usize) {
    let mut parts = module.split("::");
    let layer = parts.next().unwrap();
    let layer_rank = LAYERS
        .iter()
        .position(|l| *l == layer)
        .unwrap_or_else(|| panic!("{module} is in no layer"));
    let domain_rank = match (layer, parts.next()) {
        ("domain", Some(domain)) => DOMAIN_ORDER.iter().position(|d| *d == domain).unwrap_or_else(|| {
            panic!("domain::{domain} is not in the domain order of tests/it/layers.rs: add it where it belongs")
        }),
        _ => 0,
    };
    (layer_rank, domain_rank)
}

#[test]
fn every_module_lives_in_a_layer() {
    for name in modules().keys() {
        rank(name);
    }
}

#[test]
fn no_module_uses_a_later_layer_or_a_domain_it_does_not_own() {
    let modules = modules();
    let mut wrong = Vec::new();
    for (from, targets) in edges(&modules) {
        for to in targets {
            if rank(&to) > rank(&from) {
                wrong.push(format!("{from} uses {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the direction of the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_modules_have_no_import_cycle() {
    let modules = modules();
    let edges = edges(&modules);
    // Depth-first search with colours: grey on the stack, black done.
    fn visit<'a>(
        node: &'a str,
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        colour: &mut BTreeMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        colour.insert(node, 1);
        stack.push(node);
        for next in &edges[node] {
            match colour.get(next.as_str()) {
                Some(1) => {
                    let start = stack.iter().position(|n| n == next).unwrap();
                    return Some(stack[start..].iter().map(|s| s.to_string()).collect());
                }
                Some(_) => {}
                None => {
                    if let Some(cycle) = visit(next, edges, colour, stack) {
                        return Some(cycle);
                    }
                }
            }
        }
        stack.pop();
        colour.insert(node, 2);
        None
    }
    let mut colour = BTreeMap::new();
    for node in edges.keys() {
        if !colour.contains_key(node.as_str()) {
            let cycle = visit(node, &edges, &mut colour, &mut Vec::new());
            assert!(
                cycle.is_none(),
                "import cycle: {}",
                cycle.unwrap().join(" → ")
            );
        }
    }
}
