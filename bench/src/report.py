#!/usr/bin/env python3
"""bench/run's report: reads results.tsv (scenario, variant, run, seconds, extra), prints a table and
writes docs/PERFORMANCE.md with the machine, the versions, the command, medians and min–max, the
targets, and bench/notes.md (the hand-written analysis) appended.
usage: report.py RESULTS.tsv REPO_ROOT RUNS COMMAND"""
import collections
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys


def sh(*command):
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=60)
        return (out.stdout + out.stderr).strip()
    except Exception as e:  # a missing tool is reported, not fatal
        return f"unknown ({e})"


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
    info = {"CPU": cpu, "cores (nproc)": sh("nproc"), "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
            "OS": f"{platform.system()} {platform.release()}"}
    work = os.path.dirname(os.path.abspath(sys.argv[1]))
    for name, label in (("load-start.txt", "load average (1/5/15 min) at start"),
                        ("load-end.txt", "load average (1/5/15 min) at end")):
        path = os.path.join(work, name)
        if os.path.exists(path):
            with open(path) as f:
                info[label] = f.read().strip()
    return info


def versions(repo):
    java = sh("java", "-version").splitlines()[0]
    moto = sh("python3", "-c", "import moto; print(moto.__version__)")
    cdkj = sh(os.path.join(repo, "bin", "cdkj"), "--version").splitlines()[-1]
    with open(os.path.join(repo, "bench", "node_modules", "aws-cdk", "package.json")) as f:
        cli = json.load(f)["version"]
    with open(os.path.join(repo, "pom.xml")) as f:
        lib = re.search(r"<aws-cdk-lib.version>([^<]+)<", f.read())
    return {"java": java, "node": sh("node", "--version"), "moto": moto, "cdkj": cdkj,
            "aws-cdk (Node CLI)": cli, "aws-cdk-lib": lib.group(1) if lib else "see pom.xml"}


def load(path):
    rows = collections.OrderedDict()
    with open(path) as f:
        for line in f:
            scenario, variant, run, seconds, extra = (line.rstrip("\n").split("\t") + [""])[:5]
            rows.setdefault((scenario, variant), []).append((float(seconds), extra))
    return rows


def stats(values):
    return statistics.median(values), min(values), max(values)


def fmt(v):
    return f"{v:.2f}"


def table(header, lines):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in line) + " |" for line in lines]
    return "\n".join(out)


TITLES = {
    "synth-javacp": "1a. Cold cross-account synth of sample-app — app command `java -cp … io.cdkj.sample.SampleApp`",
    "synth-mvn": "1b. Cold cross-account synth of sample-app — app command `mvn -e -q compile exec:java`",
    "synth-maven-clone": "1c. Cold cross-account synth from a fresh clone — `mvn -q cdkj:synth` (the Maven plugin) against the Node CDK CLI with `mvn -e -q compile exec:java`",
    "credentials": "2. Credential resolution for N target accounts (assume-role plugin, moto)",
    "startup": "3. Start-up",
    "deploy-2": "4a. Deploy of 2 stacks in 2 accounts",
    "deploy-10": "4b. Deploy of 10 stacks across 5 accounts",
}


def main(results, repo, runs, command):
    rows = load(results)
    sections = []
    medians = {}
    for (scenario, variant), values in rows.items():
        medians[(scenario, variant)] = statistics.median(v for v, _ in values)
    by_scenario = collections.OrderedDict()
    for (scenario, variant), values in rows.items():
        by_scenario.setdefault(scenario, []).append((variant, values))
    for scenario, variants in by_scenario.items():
        if scenario.startswith("synth-split"):
            continue
        lines = []
        if scenario == "credentials":
            header = ["accounts × mode", "process wall s (median)", "min–max", "host resolution s (median)",
                      "AssumeRole calls", "GetCallerIdentity calls"]
            for variant, values in variants:
                med, lo, hi = stats([v for v, _ in values])
                inner = statistics.median(float(e.split()[0]) for _, e in values)
                assume, gci = values[0][1].split()[1:3]
                lines.append([variant, fmt(med), f"{fmt(lo)}–{fmt(hi)}", fmt(inner), assume, gci])
        else:
            header = ["variant", "median s", "min–max s", "runs", "CPU s (median)"]
            base = None
            if scenario.startswith("synth"):
                header.append("× Node CDK CLI")
                base = next((m for (sc, va), m in medians.items() if sc == scenario and va.startswith("Node CDK CLI")),
                            None)
            for variant, values in variants:
                med, lo, hi = stats([v for v, _ in values])
                cpus = [float(e[4:]) for _, e in values if e.startswith("cpu=")]
                line = [variant, fmt(med), f"{fmt(lo)}–{fmt(hi)}", len(values),
                        fmt(statistics.median(cpus)) if cpus else ""]
                if base:
                    line.append(f"{med / base:.2f}")
                lines.append(line)
            split = rows.get(("synth-split-" + scenario.split("-", 1)[1], "warm")) if scenario.startswith("synth") else None
            if split:
                own = statistics.median(v for v, _ in split)
                total = statistics.median(float(e) for _, e in split if e)
                lines.append(["(warm: toolkit's own work, from --verbose timing)", fmt(own), "", len(split), "",
                              f"{100 * own / total:.1f} % of synth"])
        sections.append(f"### {TITLES.get(scenario, scenario)}\n\n" + table(header, lines))

    m = machine()
    v = versions(repo)
    doc = ["# Performance", "",
           f"Generated by `{command.strip()}` on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC;"
           f" {runs} runs per variant, variants alternating; wall-clock seconds; median and min–max.", "",
           "## Machine", "", table(["", ""], list(m.items())), "",
           "## Versions", "", table(["", ""], list(v.items())), "",
           "## Results", ""]
    doc += [s + "\n" for s in sections]
    notes = os.path.join(repo, "bench", "notes.md")
    if os.path.exists(notes):
        with open(notes) as f:
            doc += [f.read()]
    text = "\n".join(doc)
    os.makedirs(os.path.join(repo, "docs"), exist_ok=True)
    with open(os.path.join(repo, "docs", "PERFORMANCE.md"), "w") as f:
        f.write(text)
    print("\n\n".join(sections))
    print(f"\nwritten: {os.path.join(repo, 'docs', 'PERFORMANCE.md')}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
