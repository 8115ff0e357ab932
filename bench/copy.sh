#!/usr/bin/env bash
# Benchmark of copies between tenants (issue 14): a tenant copy 1:1 of 5 companies /
# 5,000 activities with their master data and TOMs, and a data copy of 100 activities.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --release -p dpo-desk-core --example copy_benchmark
