#!/usr/bin/env python3
"""Cold start of DPO Desk to an interactive sign-in screen, and the size of what ships.

Starts the app binary N times against an existing installation (key in the keyring) and
measures from process spawn until the app logs that the UI is ready: the sign-in screen
has been rendered and its effects have run. Prints each run, the median, the binary size
and the .deb size. Run it through bench/startup.sh, which provides Xvfb and a keyring.
"""
import argparse
import glob
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def drop_page_cache() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


def one_start(binary: str, data_dir: str, timeout: float = 60.0) -> float:
    env = dict(os.environ, DPO_DESK_DATA_DIR=data_dir)
    started = time.monotonic()
    proc = subprocess.Popen([binary], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    buffer = b""
    try:
        while time.monotonic() - started < timeout:
            ready, _, _ = select.select([proc.stderr], [], [], 0.5)
            if not ready:
                if proc.poll() is not None:
                    raise RuntimeError(f"app exited with {proc.returncode}: {buffer[-2000:]!r}")
                continue
            chunk = os.read(proc.stderr.fileno(), 65536)
            buffer += chunk
            if b"dpo-desk: ui ready" in buffer:
                return (time.monotonic() - started) * 1000.0
        raise RuntimeError(f"the UI did not report ready in time; app said: {buffer[-1500:].decode(errors='replace')}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def size(path: str) -> str:
    n = os.path.getsize(path)
    return f"{n / 1024 / 1024:.2f} MiB ({n} bytes)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/dpo-desk"))
    parser.add_argument("--cli", default=None, help="dpo-desk-cli used to create the installation")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cli = args.cli or next(p for p in [os.path.join(ROOT, "target/release/dpo-desk-cli"), os.path.join(ROOT, "target/debug/dpo-desk-cli")] if os.path.exists(p))

    with tempfile.TemporaryDirectory() as data_dir:
        env = dict(os.environ, BENCH_PW="Benchmark-Password-1")
        subprocess.run([cli, "--data-dir", data_dir, "--password-env", "BENCH_PW", "--json", "init", "--office", "Benchmark Office", "--owner", "bench"],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        one_start(args.binary, data_dir)  # first start: keyring and font caches settle
        times = []
        cold = True
        for i in range(args.runs):
            cold = drop_page_cache() and cold
            ms = one_start(args.binary, data_dir)
            times.append(ms)
            print(f"run {i + 1}: {ms:.0f} ms")
        print(f"start to interactive sign-in screen, median of {args.runs}: {statistics.median(times):.0f} ms"
              f" (min {min(times):.0f}, max {max(times):.0f}; page cache {'dropped before each run' if cold else 'warm: dropping it was not permitted'})")

    print(f"release binary: {size(args.binary)}")
    debs = sorted(glob.glob(os.path.join(os.path.dirname(args.binary), "bundle/deb/*.deb")))
    print(f".deb package: {size(debs[-1])}" if debs else ".deb package: not built (npm run tauri build -- --bundles deb)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
