#!/usr/bin/env python3
"""Cold start and memory of DPO Desk against the floor of the stack (issue 16).

Starts the release app and the floor app (bench/floor-app: one window, one static page that
calls one command once painted) alternately, N times each, with the page cache dropped
before every start; the floor twice per round, as built and drawn like the app (WebKitGTK's
GPU compositing off, which the app does itself on Linux). Each reports "ui ready after N ms" once its first screen is painted —
DPO Desk its interactive sign-in screen (key from the keyring, database opened) — and the
time from spawning the process to that line is the cold start. Two seconds later the
memory of the process and its WebKit processes is read: PSS (proportional set size, from
/proc/PID/smaps_rollup, shared pages divided among their sharers) summed over the tree, and
RSS beside it. DPO Desk's "start trace" lines (phases since its process began) are
collected as well. Prints medians, the ratios against the floor, and with --json writes
them for bench/all.sh. Run it through bench/startup.sh (Xvfb, D-Bus, a keyring).
"""
import argparse
import json
import os
import re
import select
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
READY = re.compile(rb"ui ready after (\d+) ms")
TRACE = re.compile(rb"start trace: (.+?) at (\d+) ms")


def drop_page_cache() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


def descendants(pid: int) -> list[int]:
    """The process and every process below it (WebKit's web and network processes)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(children.get(p, []))
    return tree


def memory_mib(pid: int) -> tuple[float, float, int]:
    """PSS and RSS in MiB summed over the process tree, and how many processes it has."""
    pss = rss = 0
    tree = descendants(pid)
    for p in tree:
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1])
                    elif line.startswith("Rss:"):
                        rss += int(line.split()[1])
        except OSError:
            continue
    return pss / 1024.0, rss / 1024.0, len(tree)


def one_start(binary: str, env: dict, settle: float, timeout: float = 60.0) -> dict:
    started = time.monotonic()
    proc = subprocess.Popen([binary], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    buffer = b""
    try:
        while time.monotonic() - started < timeout:
            ready, _, _ = select.select([proc.stderr], [], [], 0.5)
            if not ready:
                if proc.poll() is not None:
                    raise RuntimeError(f"{binary} exited with {proc.returncode}: {buffer[-2000:]!r}")
                continue
            buffer += os.read(proc.stderr.fileno(), 65536)
            ready_line = READY.search(buffer)
            if ready_line:
                ms = (time.monotonic() - started) * 1000.0
                since_main = int(ready_line.group(1))
                time.sleep(settle)
                pss, rss, processes = memory_mib(proc.pid)
                trace = {m.group(1).decode(): int(m.group(2)) for m in TRACE.finditer(buffer)}
                trace.setdefault("first screen painted", since_main)
                return {"ms": ms, "main_ms": since_main, "pss": pss, "rss": rss, "processes": processes, "trace": trace}
        raise RuntimeError(f"{binary} did not report ready in time; it said: {buffer[-1500:].decode(errors='replace')}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def size(path: str) -> str:
    n = os.path.getsize(path)
    return f"{n / 1024 / 1024:.2f} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/dpo-desk"))
    parser.add_argument("--floor", default=os.path.join(ROOT, "target/release/dpo-desk-floor"))
    parser.add_argument("--cli", default=None, help="dpo-desk-cli used to create the installation")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=2.0, help="seconds between ready and the memory reading")
    parser.add_argument("--json", help="write the figures here (bench/all.sh)")
    args = parser.parse_args()
    cli = args.cli or next(p for p in [os.path.join(ROOT, "target/release/dpo-desk-cli"), os.path.join(ROOT, "target/debug/dpo-desk-cli")] if os.path.exists(p))

    results: dict[str, list[dict]] = {"app": [], "floor": [], "floor_same": []}
    with tempfile.TemporaryDirectory() as data_dir:
        env = dict(os.environ, BENCH_PW="Benchmark-Password-1")
        subprocess.run([cli, "--data-dir", data_dir, "--password-env", "BENCH_PW", "--json", "init", "--office", "Benchmark Office", "--owner", "bench"],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        app_env = dict(os.environ, DPO_DESK_DATA_DIR=data_dir)
        # First starts: keyring, font and shader caches settle; not counted.
        one_start(args.binary, app_env, 0)
        # The app turns WebKitGTK's GPU compositing off on Linux (src-tauri/src/rendering.rs);
        # the floor runs as built and, as a stricter floor, drawn the same way.
        floor_same_env = dict(os.environ, WEBKIT_DISABLE_COMPOSITING_MODE="1")
        one_start(args.floor, os.environ.copy(), 0)
        cold = True
        for i in range(args.runs):
            for name, binary, env in [("app", args.binary, app_env), ("floor", args.floor, os.environ.copy()), ("floor_same", args.floor, floor_same_env)]:
                cold = drop_page_cache() and cold
                run = one_start(binary, env, args.settle)
                results[name].append(run)
                print(f"run {i + 1} {name:10}: {run['ms']:6.0f} ms to ready, PSS {run['pss']:5.0f} MiB, RSS {run['rss']:5.0f} MiB ({run['processes']} processes)")

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    figures = {
        "runs": args.runs,
        "cold": cold,
        "start_ms": {n: med(n, "ms") for n in results},
        "pss_mib": {n: med(n, "pss") for n in results},
        "rss_mib": {n: med(n, "rss") for n in results},
        # From main() to the ready line, by the process's own clock: the rest of the start is
        # loading the binary and its libraries.
        "main_ms": {n: med(n, "main_ms") for n in results},
        "binary_mib": os.path.getsize(args.binary) / 1048576.0,
    }
    phases = sorted({p for r in results["app"] for p in r["trace"]}, key=lambda p: statistics.median(r["trace"].get(p, 0) for r in results["app"]))
    figures["trace"] = {p: statistics.median(r["trace"][p] for r in results["app"] if p in r["trace"]) for p in phases}
    # The floor's own phases (window set up, page began loading), as built and drawn like the app.
    for name in ("floor", "floor_same"):
        shared = [p for p in phases if all(p in r["trace"] for r in results[name])]
        figures[f"trace_{name}"] = {p: statistics.median(r["trace"][p] for r in results[name]) for p in shared}
    start, pss, rss = figures["start_ms"], figures["pss_mib"], figures["rss_mib"]
    print(f"cold start to an interactive screen, medians of {args.runs} (page cache {'dropped before each start' if cold else 'warm: dropping it was not permitted'}):")
    print(f"  DPO Desk {start['app']:.0f} ms, floor {start['floor']:.0f} ms: {start['app'] / start['floor']:.2f} x floor")
    print(f"  memory at that screen: PSS {pss['app']:.0f} MiB vs floor {pss['floor']:.0f} MiB (floor + {pss['app'] - pss['floor']:.0f} MiB); RSS {rss['app']:.0f} vs {rss['floor']:.0f} MiB")
    print(f"  floor drawn like the app (no GPU compositing): {start['floor_same']:.0f} ms ({start['app'] / start['floor_same']:.2f} x), PSS {pss['floor_same']:.0f} MiB (floor + {pss['app'] - pss['floor_same']:.0f} MiB), RSS {rss['floor_same']:.0f} MiB")
    main_ms = figures["main_ms"]
    print(f"  of that, from main() to ready: DPO Desk {main_ms['app']:.0f} ms, floor {main_ms['floor']:.0f} ms, floor drawn like the app {main_ms['floor_same']:.0f} ms")
    print("  start trace (medians, ms since the process began): DPO Desk, floor, floor drawn like the app")
    for phase, ms in figures["trace"].items():
        floors = "  ".join(f"{figures[f'trace_{n}'][phase]:6.0f}" if phase in figures[f"trace_{n}"] else "     —" for n in ("floor", "floor_same"))
        print(f"    {ms:6.0f}  {floors}  {phase}")
    print(f"release binary: {size(args.binary)}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
