#!/usr/bin/env python3
"""Rebuilds the suite's gosync-results.csv from BenchmarkDotNet console logs, for runs whose own CSV is missing (a run
stopped before its end, or results that did not come back from another machine): per case the median, the mean and
its standard error, and bytes per operation from the "// GC:" line.

Usage: python3 bench/plot/bdn_log_to_csv.py OUTPUT_CSV LOG [LOG ...]
"""
import csv
import re
import sys

rows=[]
for path in sys.argv[2:]:
    case=None
    for line in open(path, errors="replace"):
        m=re.search(r"// Benchmark: MapBenchmarks.Run: .*\[Workload=(\w+), Types=([\w/]+), Workers=(\d+), Map=(\w+)\]", line)
        if m: case=dict(workload=m[1],types=m[2],workers=m[3],map=m[4]); continue
        if case is None: continue
        m=re.match(r"// GC:\s+\d+ \d+ \d+ (\d+) (\d+)", line)
        if m: case["bytes_per_op"]=f"{int(m[1])/max(1,int(m[2])):.3f}"; continue
        m=re.match(r"Mean = ([\d.,]+) (\w+),.*StdErr = ([\d.,]+)", line)
        if m:
            scale={"ns":1,"us":1e3,"μs":1e3,"ms":1e6}[m[2]]
            case["mean_ns"]=f"{float(m[1].replace(',',''))*scale:.3f}"; case["stderr_ns"]=f"{float(m[3].replace(',',''))*scale:.3f}"; continue
        m=re.match(r"Min = .*Median = ([\d.,]+) (\w+)", line)
        if m:
            scale={"ns":1,"us":1e3,"μs":1e3,"ms":1e6}[m[2]]
            case["median_ns"]=f"{float(m[1].replace(',',''))*scale:.3f}"; rows.append(case); case=None
with open(sys.argv[1],"w",newline="") as f:
    w=csv.DictWriter(f,fieldnames=["workload","types","map","workers","median_ns","mean_ns","stderr_ns","bytes_per_op"]); w.writeheader()
    for r in rows: w.writerow({k:r.get(k,"") for k in w.fieldnames})
print(len(rows),"rows")
