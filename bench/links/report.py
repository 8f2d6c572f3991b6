"""RESULTS.md from the bench figures: one row per tool, ratios to the bounds."""

from __future__ import annotations

import statistics
import time
from typing import Any

NOTES = "<!-- Notes below are written by hand; run.py keeps them when it rewrites the figures above. -->"


def markdown(facts: dict[str, Any], results: list[dict[str, Any]], argv: str) -> str:
    b = facts["bounds"]
    s = facts["summary"]
    names = list(dict.fromkeys(r["tool"] for r in results))
    ours = statistics.median(r["wall_s"] for r in results if r["tool"] == "blogcheck")
    lines = [
        "# Remote link check: blogcheck against the lower bound and the peers",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} with `bench/links/run.py {argv}` on {facts['cpus']} CPUs, "
        f"Python {facts['python']}; load average {facts['load_before'][0]:.1f} before, "
        f"{facts['load_after'][0]:.1f} after (other work shared the machine).",
        "",
        f"Corpus: {s['posts']} posts, {s['link_occurrences']} link occurrences, {s['unique_urls']} distinct URLs, "
        f"{s['broken_unique_urls']} broken ({s['broken_occurrences']} occurrences), spread over "
        f"{facts['hosts']} loopback hosts with {facts['latency_ms']} ms latency each.",
        "",
        f"Lower bounds at blogcheck's default concurrency ({b['concurrency']} in flight): "
        f"naive = {b['distinct_urls']} URLs x {facts['latency_ms']} ms / {b['concurrency']} = **{b['naive_s']} s**; "
        f"work = {b['work_total_s']} s of unavoidable server time (redirect hops, slow routes, the 429 before "
        f"the 200) / {b['concurrency']}, or the longest single URL ({b['longest_s']} s) = **{b['work_s']} s**; "
        f"per host = the busiest host's {b['host_total_s']} s of server time / {b['per_host']} in flight per host "
        f"= **{b['host_s']} s** (no checker that keeps to {b['per_host']} per host can finish sooner); "
        f"in order = those {b['per_host']} slots per host filled with the URLs in the order the posts first write "
        f"them, no time lost between requests = **{b.get('in_order_s', '-')} s** (a slow URL written late "
        "starts late: a checker cannot know which URLs are slow before asking).",
        "",
        "| tool | runs | wall median (min-max) s | x naive bound | x work bound | x per-host bound | "
        "x in-order bound | x blogcheck | "
        "CPU s | peak RSS MB | requests (HEAD) | broken URLs: errors / warnings only / missed / false (of "
        f"{s['broken_unique_urls']}) | occurrences: errors / warnings only / missed / false (of "
        f"{s['broken_occurrences']}) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in names:
        runs = [r for r in results if r["tool"] == name]
        walls = [r["wall_s"] for r in runs]
        mid = statistics.median(walls)
        last = runs[-1]
        sc, sv = last["score"], last["server"]
        cpu = statistics.median(r["cpu_s"] for r in runs if r["cpu_s"] is not None) if runs[0]["cpu_s"] else "-"
        lines.append(
            f"| {name} | {len(runs)} | {mid:.2f} ({min(walls):.2f}-{max(walls):.2f}) | {mid / b['naive_s']:.1f} | "
            f"{mid / b['work_s']:.2f} | {mid / b['host_s']:.2f} | {_ratio(mid, b.get('in_order_s'))} | "
            f"{mid / ours:.2f} | {cpu} | {last['rss_mb']} | "
            f"{sv['requests']} ({sv['HEAD']}) | "
            f"{sc['url_found']} / {sc['url_warned']} / {sc['url_missed']} / {sc['url_false']} | "
            f"{sc['occ_found']} / {sc['occ_warned']} / {sc['occ_missed']} / {sc['occ_false']} |")
    lines += ["", "## Details per tool (last run)", ""]
    for name in names:
        last = [r for r in results if r["tool"] == name][-1]
        sc, sv = last["score"], last["server"]
        lines.append(f"- **{name}** (rc {last['rc']}): warned kinds {sc['warned_kinds'] or '-'}, missed kinds "
                     f"{sc['missed_kinds'] or '-'}, false kinds {sc['false_kinds'] or '-'}, false warnings "
                     f"{sc['url_false_warnings']} {sc['false_warning_kinds'] or ''}; requests to good URLs "
                     f"{sv['requests_to_good_urls']}, most requests to one URL {sv['max_requests_one_url']}, "
                     f"429s {sv['status_429']}, bytes of 50 MB bodies sent {sv['huge_bytes_sent']:,}; first answer "
                     f"at {sv['first_answer_s']:.2f} s, last at {sv['last_answer_s']:.2f} s"
                     + (f"; parse error {last['parse_error']}" if last["parse_error"] else ""))
    return "\n".join(lines) + "\n"


def _ratio(wall: float, bound: float | None) -> str:
    return f"{wall / bound:.2f}" if bound else "-"
