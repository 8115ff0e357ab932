#!/usr/bin/env bash
# Benchmark of reports (issue 13): the RoPA PDF of a company with 1,000 fully filled
# activities (time, peak memory; target ≤ 3 s) and the XLSX export of 20,000 activities.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --release -p dpo-desk-core --example report_benchmark
