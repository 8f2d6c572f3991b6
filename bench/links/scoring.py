"""Score a tool's findings against ground_truth.json, read the farms' logs, and
compute lower bounds for the wall time of any checker on the corpus."""

from __future__ import annotations

import re
from typing import Any

Pairs = set[tuple[str, str]]  # (post file, URL)


def score(errors: Pairs, warnings: Pairs, truth: dict[str, Any]) -> dict[str, Any]:
    """Broken links found as errors, found only as warnings, missed; and false ones.
    A "false" finding is an error on a URL that works (warnings are counted apart)."""
    broken = {(link["file"], link["url"]) for link in truth["links"] if link["broken"]}
    broken_urls = {u for _, u in broken}
    kinds = {link["url"]: link["kind"] for link in truth["links"]}
    error_urls, warning_urls = {u for _, u in errors}, {u for _, u in warnings} - {u for _, u in errors}
    return {
        "occ_found": len(errors & broken), "occ_warned": len((warnings - errors) & broken),
        "occ_missed": len(broken - errors - warnings), "occ_false": len(errors - broken),
        "occ_false_warnings": len(warnings - broken),
        "url_found": len(error_urls & broken_urls), "url_warned": len(warning_urls & broken_urls),
        "url_missed": len(broken_urls - error_urls - warning_urls), "url_false": len(error_urls - broken_urls),
        "url_false_warnings": len(warning_urls - broken_urls),
        "warned_kinds": sorted({kinds[u] for u in warning_urls & broken_urls}),
        "missed_kinds": sorted({kinds[u] for u in broken_urls - error_urls - warning_urls}),
        "false_kinds": sorted({kinds.get(u, "not-in-corpus") for u in error_urls - broken_urls}),
        "false_warning_kinds": sorted({kinds.get(u, "not-in-corpus") for u in warning_urls - broken_urls}),
    }


def server_facts(log: list[dict[str, Any]], truth: dict[str, Any]) -> dict[str, Any]:
    """What the farms saw: requests, HEADs, dedupe, body bytes, 429s, requests to good URLs."""
    base = re.compile(r"^https?://[^/]+")
    good = {base.sub("", link["url"]) for link in truth["links"] if not link["broken"]}
    log = [e for e in log if not e["path"].startswith("/__")]  # the harness's own /__reset
    per_url: dict[tuple[str, str], int] = {}
    for entry in log:
        key = (entry["host"], entry["path"])
        per_url[key] = per_url.get(key, 0) + 1
    return {"requests": len(log), "HEAD": sum(e["method"] == "HEAD" for e in log),
            "max_requests_one_url": max(per_url.values(), default=0),
            "requests_to_good_urls": sum(1 for e in log if e["path"] in good),
            "huge_bytes_sent": sum(e["bytes"] for e in log if e["path"].startswith("/huge/")),
            "status_429": sum(e["status"] == 429 for e in log),
            # The farms' clocks start at the /__reset just before the tool starts: the first answer
            # shows how long start-up and parsing took, the span the network phase.
            "first_answer_s": min((e["t"] for e in log), default=0.0),
            "last_answer_s": max((e["t"] for e in log), default=0.0)}


def bounds(truth: dict[str, Any], latency: float, hosts: int) -> dict[str, Any]:
    """Lower bounds at blogcheck's default concurrency C = min(max_concurrency,
    hosts x max_per_host): `naive` = distinct URLs x latency / C (the brief's), and
    `work` = the least server time any checker must wait for (each redirect hop,
    the slow routes' delays, the 429 before the 200) / C, or the longest single
    URL (a 2 s slow route, a 1 s Retry-After), whichever is larger; `host` = the
    busiest host's server time / max_per_host, the least time for any checker
    that keeps to blogcheck's per-host limit; `in_order` = the same per-host slots
    filled in the order the posts write the URLs, with no time lost between requests."""
    from blogcheck.links.settings import LinkSettings

    defaults = LinkSettings()
    concurrency = min(defaults.max_concurrency, hosts * defaults.max_per_host)
    kinds = {link["url"]: link["kind"] for link in truth["links"]}
    work = longest = 0.0
    per_host: dict[str, float] = {}
    slots: dict[str, list[float]] = {}  # per host: when each of its slots is free again (in-order schedule)
    in_order = 0.0
    for url, kind in kinds.items():
        requests, extra, wait = 1, 0.0, 0.0
        if kind == "redirect":
            requests = int(re.search(r"/redirect/(\d+)/", url)[1]) + 1  # type: ignore[index]
        elif kind in ("ratelimit", "loop"):
            requests, wait = 2, (1.0 if kind == "ratelimit" else 0.0)
        elif kind == "slow":
            extra = int(re.search(r"/slow/(\d+)/", url)[1]) / 1000  # type: ignore[index]
        elif kind == "refused":
            requests = 0
        work += requests * latency + extra
        longest = max(longest, requests * latency + extra + wait)
        host = url.split("/")[2]
        per_host[host] = per_host.get(host, 0.0) + requests * latency + extra
        # taken in the order the posts first write it, on the first free slot of its host; the
        # Retry-After wait frees the slot (as blogcheck's scheduler does), only the URL waits
        free = slots.setdefault(host, [0.0] * defaults.max_per_host)
        start = min(free)
        free[free.index(start)] = start + requests * latency + extra
        in_order = max(in_order, start + requests * latency + extra + wait)
    busiest = max(per_host.values(), default=0.0)
    return {"distinct_urls": len(kinds), "concurrency": concurrency,
            "naive_s": round(len(kinds) * latency / concurrency, 2),
            "work_s": round(max(work / concurrency, longest), 2), "work_total_s": round(work, 1),
            "longest_s": round(longest, 2), "per_host": defaults.max_per_host,
            # the busiest host's server time over its slots: no checker keeping to `per_host`
            # requests in flight per host can finish sooner (blogcheck's HEAD-then-GET adds more)
            "host_s": round(max(busiest / defaults.max_per_host, longest), 2), "host_total_s": round(busiest, 1),
            # the same slots, each host's URLs taken in the order the posts first write them: what a
            # checker that cannot know which URL is slow gets by taking them in that order
            "in_order_s": round(in_order, 2)}
