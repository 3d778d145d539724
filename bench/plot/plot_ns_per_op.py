#!/usr/bin/env python3
"""Draws ns/op per workload per map from the suite's gosync-results.csv as an SVG, one panel per worker count.

Usage: python3 bench/plot/plot_ns_per_op.py RESULTS_CSV OUTPUT_SVG [TITLE]

Standard library only (the machines have no plotting package and no internet). Bars are on a log scale, since
ns/op spans five orders of magnitude (a 1-ns load, a 20-µs copy of the whole map).
"""
import csv
import math
import sys
from collections import defaultdict
from xml.sax.saxutils import escape

# The suite's map order and one colour each (colour-blind-safe palette, Okabe-Ito).
MAPS = [
    ("SyncMap", "#D55E00"),
    ("ConcurrentDictionary", "#0072B2"),
    ("NonBlocking", "#009E73"),
    ("RwLockDictionary", "#CC79A7"),
    ("LockDictionary", "#E69F00"),
    ("CopyOnWrite", "#56B4E9"),
    ("SyncMapBaseline", "#999999"),
    ("ConcurrentDictionaryRandomized", "#000000"),
]

# Go's file order (map_bench_test.go), so the plot reads like Go's output; unknown names go last.
GO_ORDER = [
    "LoadMostlyHits", "LoadMostlyMisses", "LoadOrStoreBalanced", "LoadOrStoreUnique", "LoadOrStoreCollision",
    "LoadAndDeleteBalanced", "LoadAndDeleteUnique", "LoadAndDeleteCollision", "Range", "AdversarialAlloc",
    "AdversarialDelete", "DeleteCollision", "SwapCollision", "SwapMostlyHits", "SwapMostlyMisses",
    "CompareAndSwapCollision", "CompareAndSwapNoExistingKey", "CompareAndSwapValueNotEqual", "CompareAndSwapMostlyHits",
    "CompareAndSwapMostlyMisses", "CompareAndDeleteCollision", "CompareAndDeleteMostlyHits",
    "CompareAndDeleteMostlyMisses", "Clear",
]

BAR = 5  # height of one bar
GROUP_GAP = 9  # space between workloads
LABEL_WIDTH = 210  # workload names
PANEL_WIDTH = 380
PANEL_GAP = 60
TOP = 90  # title and legend
AXIS = 40  # tick labels under the panels


def read(path):
    rows = defaultdict(dict)  # (workload, workers) -> map -> ns
    workloads, workers, maps = [], set(), set()
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["median_ns"] == "":
                continue
            w = row["workload"]
            types = row.get("types", "long/ref")
            if types != "long/ref":  # the type matrix: one group per workload and key/value pair
                w = f"{w} {types}"
            if w not in workloads:
                workloads.append(w)
            workers.add(int(row["workers"]))
            maps.add(row["map"])
            rows[(w, int(row["workers"]))][row["map"]] = float(row["median_ns"])
    workloads.sort(key=lambda w: GO_ORDER.index(w.split()[0]) if w.split()[0] in GO_ORDER else len(GO_ORDER))
    return rows, workloads, sorted(workers), [m for m in MAPS if m[0] in maps]


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    rows, workloads, workers, maps = read(argv[1])
    title = argv[3] if len(argv) > 3 else "ns/op per workload per map (log scale, lower is faster)"
    values = [ns for by_map in rows.values() for ns in by_map.values() if ns > 0]
    low = 10 ** math.floor(math.log10(min(values)))
    high = 10 ** math.ceil(math.log10(max(values)))
    decades = math.log10(high / low)

    def x(ns):  # position within a panel
        return PANEL_WIDTH * math.log10(max(ns, low) / low) / decades

    group = len(maps) * BAR + GROUP_GAP
    height = TOP + len(workloads) * group + AXIS
    width = LABEL_WIDTH + len(workers) * (PANEL_WIDTH + PANEL_GAP)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="10" y="20" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (name, colour) in enumerate(maps):  # legend
        lx = 10 + (i % 4) * 200
        ly = 38 + (i // 4) * 16
        out.append(f'<rect x="{lx}" y="{ly}" width="12" height="10" fill="{colour}"/>')
        out.append(f'<text x="{lx + 16}" y="{ly + 9}">{escape(name)}</text>')
    for p, n in enumerate(workers):
        left = LABEL_WIDTH + p * (PANEL_WIDTH + PANEL_GAP)
        out.append(f'<text x="{left}" y="{TOP - 8}" font-weight="bold">{n} worker{"s" if n > 1 else ""}</text>')
        bottom = TOP + len(workloads) * group
        decade = low
        while decade <= high * 1.0001:  # grid lines and labels at each power of ten
            gx = left + x(decade)
            out.append(f'<line x1="{gx:.1f}" y1="{TOP}" x2="{gx:.1f}" y2="{bottom}" stroke="#ddd"/>')
            label = f"{decade:g} ns" if decade < 1000 else f"{decade / 1000:g} µs"
            out.append(f'<text x="{gx:.1f}" y="{bottom + 14}" text-anchor="middle">{label}</text>')
            decade *= 10
        for wi, workload in enumerate(workloads):
            by_map = rows.get((workload, n), {})
            for mi, (name, colour) in enumerate(maps):
                ns = by_map.get(name)
                if ns is None:
                    continue
                y = TOP + wi * group + mi * BAR
                out.append(
                    f'<rect x="{left}" y="{y}" width="{max(x(ns), 1):.1f}" height="{BAR - 1}" fill="{colour}">'
                    f"<title>{escape(workload)} · {escape(name)} · {n} workers: {ns:.3g} ns/op</title></rect>"
                )
    for wi, workload in enumerate(workloads):
        y = TOP + wi * group + len(maps) * BAR / 2 + 4
        out.append(f'<text x="{LABEL_WIDTH - 8}" y="{y:.1f}" text-anchor="end">{escape(workload)}</text>')
    out.append("</svg>")
    with open(argv[2], "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv)
