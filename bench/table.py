#!/usr/bin/env python3
"""Turns the outputs of bench/all.sh's scripts (a folder) into the Markdown table of issue 16:
each figure, DPO Desk's value, the floor it is set against, the ratio and the target."""
import datetime
import json
import os
import re
import sys

folder = sys.argv[1]


def text(name: str) -> str:
    path = os.path.join(folder, name)
    return open(path).read() if os.path.exists(path) else ""


rows = []


def above(value, floor):
    """How far a memory figure lies above (or below) its floor."""
    difference = value - floor
    return f"floor {'+' if difference >= 0 else '−'} {abs(difference):.0f} MiB"


def row(figure, value, floor="—", ratio="—", target="—"):
    rows.append(f"| {figure} | {value} | {floor} | {ratio} | {target} |")


startup = json.loads(text("startup.json") or "{}")
if startup:
    s, p, r = startup["start_ms"], startup["pss_mib"], startup["rss_mib"]
    row("Cold start to the sign-in screen (page cache dropped, key from the keyring)",
        f"{s['app']:.0f} ms", f"{s['floor']:.0f} ms", f"{s['app'] / s['floor']:.2f} ×", "≤ 1.15 ×")
    row("Memory at the sign-in screen, PSS (RSS)", f"{p['app']:.0f} MiB ({r['app']:.0f})",
        f"{p['floor']:.0f} MiB ({r['floor']:.0f})", above(p['app'], p['floor']), "≤ floor + 40 MiB")
    if "floor_same" in s:
        row("… against the floor drawn like the app (GPU compositing off): cold start",
            f"{s['app']:.0f} ms", f"{s['floor_same']:.0f} ms", f"{s['app'] / s['floor_same']:.2f} ×", "≤ 1.15 ×")
        row("… and memory, PSS (RSS)", f"{p['app']:.0f} MiB ({r['app']:.0f})",
            f"{p['floor_same']:.0f} MiB ({r['floor_same']:.0f})", above(p['app'], p['floor_same']), "≤ floor + 40 MiB")

floor_pss = startup.get("pss_mib", {}).get("floor") if startup else None
for m in re.finditer(r"^(.+?): (\d+) activities in the tenant; first rows after a click, median of 7: (\d+) ms .*?PSS (\d+) MiB, RSS (\d+) MiB", text("list.txt"), re.M):
    label, count, ms, pss, rss = m.groups()
    row(f"First rows after the click, {int(count):,} activities in the tenant ({label})", f"{ms} ms", target="≤ 100 ms")
    if count == "20000" and label.startswith("one tenant"):
        extra = above(int(pss), floor_pss) if floor_pss else "—"
        row("Memory with the 20,000-activity list open, PSS (RSS)", f"{pss} MiB ({rss})",
            f"{floor_pss:.0f} MiB" if floor_pss else "—", extra, "≤ floor + 100 MiB")
        same_pss = startup.get("pss_mib", {}).get("floor_same") if startup else None
        if same_pss:
            row("… against the floor drawn like the app", f"{pss} MiB ({rss})", f"{same_pss:.0f} MiB",
                above(int(pss), same_pss), "≤ floor + 100 MiB")
activities = None
for line in text("list.txt").splitlines():
    heading = re.search(r"\((\d+) tenants, (\d+) activities\):$", line)
    if heading:
        activities = f"{int(heading.group(2)):,} activities in {int(heading.group(1)):,} tenant(s)"
        continue
    m = re.match(r"^\s+(first window of 200 by name|last window of 200 by name|full-text search, first window of 200):?\s+median\s+([\d.]+) ms", line)
    if m and activities:
        row(f"Core, release: {m.group(1)} ({activities})", f"{m.group(2)} ms", target="search: 4–7 ms before" if "search" in m.group(1) and activities.startswith("20,000") else "—")
big = re.search(r"dashboard after sign-in (\d+) ms, tenant switch (\d+) ms, header search (\d+) ms", text("list.txt"))
measures = re.search(r"big installation: 100 tenants, 80000 activities, (\d+) measures per tenant", text("list.txt"))
if big:
    d, t, h = big.groups()
    toms = f"{int(measures.group(1)) * 100:,} TOMs" if measures else "their TOMs"
    row(f"Big installation (100 tenants, 80,000 activities, {toms}): dashboard after sign-in", f"{d} ms", target="≤ 300 ms")
    row("Big installation: tenant switch", f"{t} ms", target="≤ 150 ms")
    row("Big installation: header search", f"{h} ms", target="≤ 30 ms")

backup = text("backup.txt")
database = re.search(r"^database: (\d+) MiB", backup, re.M)
size = f"{database.group(1)} MiB" if database else "≈ 100 MB"
floor = re.search(r"^floor\s+median\s+([\d.]+) s", backup, re.M)
for name, target in [("backup create", "≤ 2 ×"), ("backup verify", "≤ 1.5 ×"), ("backup restore", "≤ 2.5 ×")]:
    m = re.search(rf"^{name}\s+median\s+[\d.]+ s, net\s+([\d.]+) s\s+([\d.]+) × floor", backup, re.M)
    if m and floor:
        row(f"`{name}` of a {size} database, net of the command's start", f"{m.group(1)} s", f"{floor.group(1)} s", f"{m.group(2)} ×", target)

for m in re.finditer(r"^(deb|rpm) package: ([\d.]+) MiB", text("packages.txt"), re.M):
    row(f".{m.group(1)} package", f"{m.group(2)} MiB", target="< 8 MiB")

print(f"Measured by `bench/all.sh` on {datetime.date.today().isoformat()} (2 cores, Xvfb, release builds; medians):")
print()
print("| Figure | DPO Desk | Floor | Ratio | Target |")
print("|---|---|---|---|---|")
print("\n".join(rows))
if startup.get("trace"):
    print()
    print("Start trace (medians, ms since the process began; the floor logs only its window and page):")
    print()
    print("| DPO Desk | Floor | Floor drawn like the app | phase |")
    print("|---|---|---|---|")
    for phase, ms in startup["trace"].items():
        floors = [startup.get(f"trace_{n}", {}).get(phase) for n in ("floor", "floor_same")]
        cells = " | ".join("—" if f is None else f"{f:.0f}" for f in floors)
        print(f"| {ms:.0f} | {cells} | {phase} |")
