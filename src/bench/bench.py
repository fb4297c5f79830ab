#!/usr/bin/env python3
"""Benchmark of the packaged service, run by src/bench/run inside pg_virtualenv (PG* variables name the database).

Loads the benchmark volume (load.sql), measures start-to-ready against the minimal Quarkus app, then drives each
endpoint with wrk at a fixed concurrency, twice: as dashboards poll (answers kept in memory) and computed afresh
(Cache-Control: no-cache). It sets them against two ceilings measured in the same run: the same build's constant
endpoint /bench/ceiling, and pgbench running the SQL statements the endpoint issues (captured from PostgreSQL's log).
Prints one table and writes it to target/bench-report.md.
"""
import argparse
import glob
import hashlib
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
APP_JAR = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")
MINIMAL_JAR = os.path.join(HERE, "minimal", "target", "quarkus-app", "quarkus-run.jar")
JVM_OPTIONS = os.path.join(ROOT, "docker", "jvm.options")
PORT = 18080
MINIMAL_PORT = 18090
BASE = f"http://localhost:{PORT}"
ADMIN_KEY = "bench-admin-key"
IMPORT_ROWS = 50_000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
THREADS, CONNECTIONS = 2, 32


def log(message):
    print(message, file=sys.stderr, flush=True)


def psql(*args, capture=False):
    command = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", *args]
    if capture:
        return subprocess.run(command + ["-A", "-t"], check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return None


def uuid_of(seed):
    h = hashlib.md5(seed.encode()).hexdigest()
    return f"{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def http(method, url, body=None, headers=None, timeout=120):
    request = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(), method=method)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None, b""


# --- processes ---------------------------------------------------------------------------------------------------

def jvm_options():
    return [f"@{JVM_OPTIONS}"]


def start(jar, port, extra, ready_path, out):
    began = time.monotonic()
    process = subprocess.Popen(["java", *jvm_options(), f"-Dquarkus.http.port={port}", *extra, "-jar", jar],
                               stdout=out, stderr=subprocess.STDOUT, cwd=os.path.dirname(jar),
                               env={**os.environ, "MALLOC_ARENA_MAX": "2"})
    while time.monotonic() - began < 180:
        if process.poll() is not None:
            raise SystemExit(f"{jar} exited with {process.returncode}; see {out.name}")
        status, _ = http("GET", f"http://localhost:{port}{ready_path}", timeout=2)
        if status == 200:
            return process, time.monotonic() - began
        time.sleep(0.01)
    raise SystemExit(f"{jar} was not ready within 180 s; see {out.name}")


def stop(process):
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def memory(pid):
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0]) / 1024
    return values


# --- wrk and pgbench ---------------------------------------------------------------------------------------------

def to_ms(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(path, seconds, headers=(), script=None, connections=CONNECTIONS, env=None):
    command = ["wrk", "-t", str(THREADS), "-c", str(connections), "-d", f"{seconds}s", "--latency", "--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run(command + [BASE + path], check=True, capture_output=True, text=True,
                            env={**os.environ, **(env or {})}).stdout
    drain()
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    transfer = re.search(r"Transfer/sec:\s+([\d.]+)(B|KB|MB|GB)", output)
    per_second = float(transfer.group(1)) * {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}[transfer.group(2)]
    result["kb"] = per_second / result["rps"] / 1024 if result["rps"] else 0.0
    for percentile in ("50", "99"):
        result["p" + percentile] = to_ms(re.search(rf"^\s+{percentile}(?:\.000)?%\s+(\S+)", output, re.M).group(1))
    failures = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    result["failed"] = int(failures.group(1)) if failures else 0
    if errors:
        result["failed"] += sum(int(n) for n in re.findall(r"\d+", errors.group(1)))
    return result


def drain():
    """Waits until the work one run left behind is done (requests wrk gave up on are still computed): no statement
    active in the database and the service answering its ceiling endpoint quickly, three checks in a row."""
    deadline, quiet = time.monotonic() + 300, 0
    while quiet < 3 and time.monotonic() < deadline:
        active = int(psql("-c", "select count(*) from pg_stat_activity where state = 'active'"
                                " and pid <> pg_backend_pid() and backend_type = 'client backend'", capture=True))
        began = time.perf_counter()
        http("GET", BASE + "/bench/ceiling", timeout=30)
        quick = time.perf_counter() - began < 0.02
        quiet = quiet + 1 if active == 0 and quick else 0
        time.sleep(0.05)


def postgres_log():
    logs = sorted(glob.glob("/var/log/postgresql/postgresql-*-regress.log"), key=os.path.getmtime)
    return logs[-1] if logs else None


PARAMETER = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")


def statements_since(log_file, offset):
    """The statements executed since offset, with their parameters written in (from log_min_duration_statement)."""
    with open(log_file, errors="replace") as f:
        f.seek(offset)
        lines = f.read().splitlines()
    entries, current = [], None
    for line in lines:
        if line.startswith("\t") and current is not None:
            current["text"] += "\n" + line[1:]
            continue
        match = re.search(r" (LOG|DETAIL):  (.*)$", line)
        if not match:
            current = None
            continue
        kind, text = match.groups()
        current = {"kind": kind, "text": text}
        entries.append(current)
    statements = []
    for i, entry in enumerate(entries):
        executed = re.match(r"duration: [\d.]+ ms  (?:execute [^:]*|statement): (.*)$", entry["text"], re.S)
        if entry["kind"] != "LOG" or not executed:
            continue
        sql = executed.group(1)
        detail = entries[i + 1]["text"] if i + 1 < len(entries) and entries[i + 1]["kind"] == "DETAIL" else ""
        values = dict((int(n), v) for n, v in PARAMETER.findall(detail)) if detail.startswith("parameters:") else {}
        sql = re.sub(r"\$(\d+)", lambda m: values.get(int(m.group(1)), m.group(0)), sql)
        statements.append(sql)
    return statements


def capture_sql(paths):
    """Each path's statements, computed once afresh with statement logging on for the whole server."""
    log_file = postgres_log()
    if not log_file:
        return {}
    psql("-c", "alter system set log_min_duration_statement = 0", "-c", "select pg_reload_conf()")
    time.sleep(0.5)
    captured = {}
    try:
        for name, (path, headers) in paths.items():
            offset = os.path.getsize(log_file)
            request_headers = dict(h.split(": ", 1) for h in headers)
            request_headers["Cache-Control"] = "no-cache"
            http("GET", BASE + path, headers=request_headers)
            time.sleep(0.3)
            captured[name] = [s for s in statements_since(log_file, offset)
                              if not s.startswith("alter system") and "pg_reload_conf" not in s]
    finally:
        psql("-c", "alter system reset log_min_duration_statement", "-c", "select pg_reload_conf()")
    return captured


# Eight clients keep both cores busy with SQL; more only queue, and at a million candidates each would hold the run
# for the length of its slowest transaction.
PGBENCH_CLIENTS = 8


def pgbench(statements, seconds, clients=PGBENCH_CLIENTS, transactions=None):
    """Transactions per second of the statements, run for the seconds or, when given, that many times per client
    (for a statement that may take longer than the seconds: one still running when they end is not counted)."""
    if not statements:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as script:
        script.write("\n".join(s.rstrip(";") + ";" for s in statements) + "\n")
    length = ["-t", str(transactions)] if transactions else ["-T", str(seconds)]
    output = subprocess.run(["pgbench", "-n", "-c", str(clients), "-j", str(min(THREADS, clients)), *length, "-f",
                             script.name], capture_output=True, text=True)
    os.unlink(script.name)
    match = re.search(r"tps = ([\d.]+)", output.stdout)
    if output.returncode != 0 or not match:
        log(f"pgbench failed: {output.stderr.strip()[:300]}")
        return None
    return float(match.group(1))


# --- the run -----------------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=6, help="measured seconds per wrk run")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up seconds per endpoint before measuring")
    args = parser.parse_args()
    os.makedirs(os.path.join(ROOT, "target"), exist_ok=True)
    out = open(os.path.join(ROOT, "target", "bench-service.log"), "w")
    minimal_out = open(os.path.join(ROOT, "target", "bench-minimal.log"), "w")
    # the webhook receiver of the events' measurement listens on this machine
    app_args = ["-Dquarkus.profile=bench", f"-Dtracker.bootstrap-admin-key={ADMIN_KEY}",
                "-Dtracker.webhook.allow-private=true"]

    psql("-c", "create database minimal")
    log("Migrating an empty database...")
    process, _ = start(APP_JAR, PORT, app_args, "/q/health/ready", out)
    stop(process)
    log(f"Loading {args.candidates:,} candidates...")
    began = time.monotonic()
    psql("-v", f"candidates={args.candidates}", "-f", os.path.join(HERE, "load.sql"))
    load_seconds = time.monotonic() - began
    counts = psql("-c", "select (select count(*) from candidate) || ' candidates, ' || (select count(*) from milestone)"
                        " || ' milestones, ' || (select count(*) from approval) || ' approvals, ' ||"
                        " (select count(*) from cluster) || ' clusters, ' || (select count(*) from organization)"
                        " || ' organizations, ' || (select count(*) from target) || ' targets'", capture=True)
    log(f"Loaded {counts} in {load_seconds:.0f} s")

    log("Start-to-ready, three starts each, alternating...")
    starts, minimal_starts = [], []
    for _ in range(3):
        process, seconds = start(MINIMAL_JAR, MINIMAL_PORT, [], "/q/health/ready", minimal_out)
        minimal_starts.append(seconds)
        stop(process)
        process, seconds = start(APP_JAR, PORT, app_args, "/q/health/ready", out)
        starts.append(seconds)
        stop(process)
    process, seconds = start(APP_JAR, PORT, app_args, "/q/health/ready", out)
    starts.append(seconds)

    candidate = uuid_of("candidate1")
    cluster = uuid_of("cluster3")
    cursor, path = None, "/api/v1/candidates?limit=500"
    for _ in range(args.candidates // 500 - 1):
        status, body = http("GET", BASE + path)
        cursor = json.loads(body)["nextCursor"]
        path = f"/api/v1/candidates?limit=500&cursor={cursor}"
    status, body = http("GET", BASE + f"/api/v1/candidates?limit=490&cursor={cursor}")
    last_cursor = json.loads(body)["nextCursor"]
    endpoints = {
        "one candidate": (f"/api/v1/candidates/{candidate}", ()),
        "list page 1": ("/api/v1/candidates?limit=10", ()),
        f"list page {args.candidates // 10:,} (cursor)": (f"/api/v1/candidates?limit=10&cursor={last_cursor}", ()),
        "two filters": (f"/api/v1/candidates?phase=PHASE_2&clusterId={cluster}&limit=10", ()),
        "facets": ("/api/v1/candidates/facets?field=phase", ()),
        "indicators": ("/api/v1/indicators", ()),
        "indicators, gzip": ("/api/v1/indicators", ("Accept-Encoding: gzip",)),
        "approvals per year": ("/api/v1/approvals/yearly", ()),
        "pipeline": ("/api/v1/pipeline", ()),
    }
    for name, (path, headers) in endpoints.items():
        status, _ = http("GET", BASE + path)
        if status != 200:
            raise SystemExit(f"{name}: GET {path} answered {status}")

    log("Warming up (every endpoint computed afresh, then kept)...")
    for path, headers in endpoints.values():
        wrk(path, args.warmup, headers=("Cache-Control: no-cache", *headers))
        wrk(path, 1, headers=headers)
    wrk("/bench/ceiling", args.warmup)

    log("Measuring...")
    ceiling = wrk("/bench/ceiling", args.seconds)
    rows = {}
    for name, (path, headers) in endpoints.items():
        kept = wrk(path, args.seconds, headers=headers)
        computed = wrk(path, args.seconds, headers=("Cache-Control: no-cache", *headers))
        rows[name] = (kept, computed)
        log(f"  {name}: {kept['rps']:.0f} req/s kept, {computed['rps']:.0f} computed")
    health = wrk("/q/health/live", args.seconds)

    log("Capturing each endpoint's SQL and running it with pgbench...")
    sql = capture_sql(endpoints)
    export_sql = capture_sql({"export": ("/api/v1/candidates", ("Accept: text/csv",))}).get("export", [])
    sql_tps = {name: pgbench(sql.get(name), args.seconds) for name in endpoints}

    log("CSV export of every candidate...")
    exports = []
    for _ in range(3):
        began = time.monotonic()
        status, body = http("GET", BASE + "/api/v1/candidates", headers={"Accept": "text/csv", "Cache-Control": "no-cache"},
                            timeout=600)
        exports.append((time.monotonic() - began, body.count(b"\n") - 1, status))
    export_seconds, export_rows, export_status = min(exports)
    export_sql_tps = pgbench(export_sql, args.seconds, clients=1, transactions=3)

    log("xlsx export of every candidate...")
    peak_before_xlsx = memory(process.pid)["VmHWM"]
    workbooks = []
    for _ in range(3):
        began = time.monotonic()
        status, body = http("GET", BASE + "/api/v1/candidates?format=xlsx", headers={"Cache-Control": "no-cache"},
                            timeout=600)
        seconds = time.monotonic() - began
        with zipfile.ZipFile(io.BytesIO(body)) as workbook:
            sheets = [n for n in workbook.namelist() if n.startswith("xl/worksheets/sheet")]
            data_rows = sum(workbook.read(n).count(b"<row ") - 1 for n in sheets)
        workbooks.append((seconds, data_rows, status, len(body)))
    xlsx_seconds, xlsx_rows, xlsx_status, xlsx_bytes = min(workbooks)
    peak_after_xlsx = memory(process.pid)["VmHWM"]

    log("Creates...")
    sponsor = uuid_of("org7")
    create = wrk("/api/v1/candidates", args.seconds, script=os.path.join(HERE, "create.lua"),
                 env={"BENCH_SPONSOR": sponsor, "BENCH_ADMIN_KEY": ADMIN_KEY})

    log("Events: writes with and without their outbox row, then delivery to a local receiver...")
    events = measure_events(args, sponsor)

    log("Indicators right after a write, against kept ones...")
    cold, warm = [], []
    auth = {"Authorization": f"Bearer {ADMIN_KEY}"}
    for i in range(15):
        status, _ = http("POST", BASE + "/api/v1/candidates", headers=auth, body={
            "code": f"COLD-{i}", "name": "coldimab", "sponsorId": sponsor, "category": "CHEMICAL",
            "registrationClass": "1", "modality": "SMALL_MOLECULE", "phase": "PHASE_2",
            "phaseReachedOn": "2026-01-01"})
        assert status == 201, status
        began = time.perf_counter()
        status, _ = http("GET", BASE + "/api/v1/indicators")
        cold.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        http("GET", BASE + "/api/v1/indicators")
        warm.append((time.perf_counter() - began) * 1000)
    used = memory(process.pid)

    log(f"Import of a {IMPORT_ROWS:,}-row acceptance list (xlsx): upload, read and propose, then apply...")
    workbook = acceptance_workbook(IMPORT_ROWS)
    peak_before_import = memory(process.pid)["VmHWM"]
    began = time.monotonic()
    status, body = http_file("POST", BASE + "/api/v1/sources?kind=CDE_ACCEPTANCES&url=https://www.cde.org.cn/"
                             "&retrievedAt=2026-11-30T02:00:00Z", workbook, XLSX_TYPE, auth)
    propose_seconds = time.monotonic() - began
    if status != 201:
        stop(process)
        raise SystemExit(f"the upload answered {status}: {body[:500]}")
    document = json.loads(body)
    status, body = http("GET", BASE + f"/api/v1/sources/{document['id']}/changes?limit=1")
    changeset = json.loads(body)["counts"]
    began = time.monotonic()
    status, body = http_file("POST", BASE + f"/api/v1/sources/{document['id']}/apply", b"", None,
                             {**auth, "If-Match": f'"{document["version"]}"'}, timeout=1800)
    apply_seconds = time.monotonic() - began
    if status != 200:
        stop(process)
        raise SystemExit(f"applying answered {status}: {body[:500]}")
    written = sum(n for action, n in changeset.items() if action not in ("UNCHANGED", "NEEDS_REVIEW", "NOT_INNOVATIVE"))
    peak_after_import = memory(process.pid)["VmHWM"]
    stop(process)

    # --- the table ---
    start_ours, start_minimal = statistics.median(starts), statistics.median(minimal_starts)
    cold_ms, warm_ms = statistics.median(cold), statistics.median(warm)
    lines = [
        f"Volume: {counts}; {THREADS} wrk threads, {CONNECTIONS} connections, {args.seconds} s per run after "
        f"{args.warmup} s warm-up; JVM options: MALLOC_ARENA_MAX=2 {' '.join(read_options())}.",
        "",
        "| endpoint | KB per answer | kept: req/s | p50 ms | p99 ms | ÷ ceiling | computed: req/s | p50 ms | p99 ms | SQL alone (pgbench, 8 clients) tps | computed ÷ SQL |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| ceiling: /bench/ceiling (same build) | {ceiling['kb']:.1f} | {ceiling['rps']:,.0f} | {ceiling['p50']:.2f} | {ceiling['p99']:.2f} | 1.00 | | | | | |",
        f"| /q/health/live | {health['kb']:.1f} | {health['rps']:,.0f} | {health['p50']:.2f} | {health['p99']:.2f} | {health['rps'] / ceiling['rps']:.2f} | | | | | |",
    ]
    for name, (kept, computed) in rows.items():
        tps = sql_tps.get(name)
        flags = " (errors)" if kept["failed"] or computed["failed"] else ""
        sql_alone = f"{tps:,.0f}" if tps else "n/a"
        versus_sql = f"{computed['rps'] / tps:.2f}" if tps else "n/a"
        lines.append(
            f"| {name}{flags} | {kept['kb']:.1f} | {kept['rps']:,.0f} | {kept['p50']:.2f} | {kept['p99']:.2f} | "
            f"{kept['rps'] / ceiling['rps']:.2f} | {computed['rps']:,.0f} | {computed['p50']:.2f} | "
            f"{computed['p99']:.2f} | {sql_alone} | {versus_sql} |")
    lines.append(
        f"| create (POST candidate) | {create['kb']:.1f} | {create['rps']:,.0f} | {create['p50']:.2f} | "
        f"{create['p99']:.2f} | {create['rps'] / ceiling['rps']:.2f} | | | | | |")
    export_rate = export_rows / export_seconds
    lines += [
        "",
        f"- CSV export: {export_rows:,} rows in {export_seconds:.2f} s = {export_rate:,.0f} rows/s (status "
        f"{export_status}, best of 3); its SQL alone, one client: {export_sql_tps or 0:.2f} exports/s ="
        f" {(export_sql_tps or 0) * export_rows:,.0f} rows/s.",
        f"- xlsx export: {xlsx_rows:,} rows in {xlsx_seconds:.2f} s = {xlsx_rows / xlsx_seconds:,.0f} rows/s (status "
        f"{xlsx_status}, best of 3, {xlsx_bytes / 1e6:.1f} MB); peak resident memory {peak_before_xlsx:.0f} MB before "
        f"the three exports, {peak_after_xlsx:.0f} MB after.",
        f"- Import of a {IMPORT_ROWS:,}-row CDE acceptance list as xlsx ({len(workbook) / 1e6:.1f} MB, invented rows"
        f" over the loaded record): upload, read and propose in {propose_seconds:.1f} s ="
        f" {IMPORT_ROWS / propose_seconds:,.0f} rows/s; apply (proposed again, then {written:,} changes written in one"
        f" transaction) in {apply_seconds:.1f} s = {IMPORT_ROWS / apply_seconds:,.0f} rows/s,"
        f" {written / apply_seconds:,.0f} changes/s; changeset {', '.join(f'{k} {v:,}' for k, v in sorted(changeset.items()))};"
        f" peak resident memory {peak_before_import:.0f} MB before, {peak_after_import:.0f} MB after.",
        f"- Events: a create (POST candidate, {CONNECTIONS} connections) with its outbox row (the trigger writing"
        f" the event) {events['with']['rps']:,.0f} req/s, p50 {events['with']['p50']:.2f} ms, p99"
        f" {events['with']['p99']:.2f} ms; with the trigger disabled {events['bare']['rps']:,.0f} req/s, p50"
        f" {events['bare']['p50']:.2f} ms, p99 {events['bare']['p99']:.2f} ms (p50 added:"
        f" {events['with']['p50'] - events['bare']['p50']:+.2f} ms). A backlog of {events['backlog']:,} events"
        f" delivered to a local receiver at {events['rate']:,.0f} events/s (one instance, signed, each answered"
        f" 204); commit to delivery, one write at a time: p50 {events['latency_p50']:.0f} ms, max"
        f" {events['latency_max']:.0f} ms ({events['latency_n']} writes; tracker.webhook.poll-interval 1s).",
        f"- Indicators right after a write: p50 {cold_ms:.1f} ms; kept: {warm_ms:.1f} ms; ratio "
        f"{cold_ms / warm_ms:.1f} (15 sequential pairs).",
        f"- Resident memory after the run: {used['VmRSS']:.0f} MB (peak {used['VmHWM']:.0f} MB).",
        f"- Start to ready (/q/health/ready answers 200), median of {len(starts)}: {start_ours:.2f} s; minimal app "
        f"with the same persistence extensions, median of {len(minimal_starts)}: {start_minimal:.2f} s; ratio "
        f"{start_ours / start_minimal:.2f}.",
        "",
        "Goals:",
    ]
    page1 = rows["list page 1"][0]
    last_page = rows[f"list page {args.candidates // 10:,} (cursor)"][0]
    kept_reads = ("indicators", "list page 1", "one candidate", "approvals per year", "pipeline")
    goals = [(f"{n} kept >= 0.8 x ceiling and >= 0.7 x /q/health/live ({rows[n][0]['rps'] / ceiling['rps']:.2f},"
              f" {rows[n][0]['rps'] / health['rps']:.2f})",
              rows[n][0]["rps"] >= 0.8 * ceiling["rps"] and rows[n][0]["rps"] >= 0.7 * health["rps"])
             for n in kept_reads]
    no_cache = rows["indicators"][1]
    export_ratio = export_rate / (export_sql_tps * export_rows) if export_sql_tps else 0.0
    goals += [
        ("last page p99 <= 1.5 x page 1 p99 (kept)", last_page["p99"] <= 1.5 * page1["p99"]),
        ("last page p99 <= 1.5 x page 1 p99 (computed)",
         rows[f"list page {args.candidates // 10:,} (cursor)"][1]["p99"] <= 1.5 * rows["list page 1"][1]["p99"]),
        (f"{CONNECTIONS} concurrent no-cache indicators requests all answered ({no_cache['rps']:,.0f} req/s,"
         f" {no_cache['failed']} failed)", no_cache["rps"] > 0 and no_cache["failed"] == 0),
        (f"CSV export >= 0.8 x its SQL alone ({export_ratio:.2f})", export_ratio >= 0.8),
        (f"indicators after a write <= {5 if args.candidates <= 100_000 else 20} x kept ({cold_ms / warm_ms:.1f})",
         cold_ms <= (5 if args.candidates <= 100_000 else 20) * warm_ms),
        (f"resident memory < 300 MB ({used['VmRSS']:.0f} MB)", used["VmRSS"] < 300),
        (f"start to ready <= 1.3 x minimal app ({start_ours / start_minimal:.2f})", start_ours <= 1.3 * start_minimal),
    ]
    lines += [f"- [{'x' if met else ' '}] {goal}" for goal, met in goals]
    report = "\n".join(lines)
    print(report)
    with open(os.path.join(ROOT, "target", "bench-report.md"), "w") as f:
        f.write(report + "\n")


class Receiver:
    """A local webhook receiver: answers 204 and notes when each message came."""

    def __init__(self):
        import http.server
        import threading
        received = self.received = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                received.append((time.time(), self.headers["webhook-id"], body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            request_queue_size = 256  # a batch's attempts arrive together
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/events"

    def close(self):
        self.server.shutdown()


def measure_events(args, sponsor):
    """A create with and without the outbox trigger; a paused webhook's backlog drained; commit-to-delivery."""
    auth = {"Authorization": f"Bearer {ADMIN_KEY}"}
    receiver = Receiver()
    status, body = http("POST", BASE + "/api/v1/webhooks", headers=auth, body={
        "url": receiver.url, "eventTypes": ["candidate.created"], "status": "PAUSED"})
    assert status == 201, body
    hook = json.loads(body)["webhook"]
    lua = os.path.join(HERE, "create.lua")
    mark = int(psql("-c", "select coalesce(max(seq), 0) from event", capture=True))
    psql("-c", "alter table candidate_aud disable trigger candidate_aud_event")
    bare = wrk("/api/v1/candidates", args.seconds, script=lua,
               env={"BENCH_SPONSOR": sponsor, "BENCH_ADMIN_KEY": ADMIN_KEY, "BENCH_PREFIX": "BARE"})
    psql("-c", "alter table candidate_aud enable trigger candidate_aud_event")
    with_outbox = wrk("/api/v1/candidates", args.seconds, script=lua,
                      env={"BENCH_SPONSOR": sponsor, "BENCH_ADMIN_KEY": ADMIN_KEY, "BENCH_PREFIX": "OUTBOX"})
    backlog = int(psql("-c", f"select count(*) from event where type = 'candidate.created' and seq > {mark}",
                       capture=True))
    until = time.monotonic() + 120
    while int(psql("-c", f"select count(*) from delivery where webhook_id = '{hook['id']}'", capture=True)) < backlog:
        assert time.monotonic() < until, "the events were not fanned out"
        time.sleep(0.2)
    status, body = http_file("PATCH", BASE + f"/api/v1/webhooks/{hook['id']}", json.dumps({"status": "ACTIVE"}).encode(),
                             "application/merge-patch+json", {**auth, "If-Match": f'"{hook["version"]}"'})
    assert status == 200, body
    began = time.time()
    until = time.monotonic() + 600
    while len(receiver.received) < backlog:
        assert time.monotonic() < until, f"{len(receiver.received)} of {backlog} delivered"
        time.sleep(0.05)
    rate = backlog / (max(t for t, _, _ in receiver.received) - began)
    latencies = []
    import random
    for i in range(20):
        time.sleep(random.random())  # writes at any point of the delivery schedule's second
        before = len(receiver.received)
        status, _ = http("POST", BASE + "/api/v1/candidates", headers=auth, body={
            "code": f"EVENT-{i}", "name": "eventimab", "sponsorId": sponsor, "category": "CHEMICAL",
            "registrationClass": "1", "modality": "SMALL_MOLECULE", "phase": "PHASE_1", "phaseReachedOn": "2026-01-01"})
        assert status == 201, status
        while len(receiver.received) == before:
            time.sleep(0.005)
        arrived, _, message = receiver.received[-1]
        committed = json.loads(message)["time"].replace("Z", "+00:00")
        from datetime import datetime
        latencies.append((arrived - datetime.fromisoformat(committed).timestamp()) * 1000)
    receiver.close()
    return {"bare": bare, "with": with_outbox, "backlog": backlog, "rate": rate,
            "latency_p50": statistics.median(latencies), "latency_max": max(latencies), "latency_n": len(latencies)}


def http_file(method, url, data, content_type, headers, timeout=1800):
    request = urllib.request.Request(url, data=data, method=method)
    for name, value in headers.items():
        request.add_header(name, value)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def acceptance_workbook(rows):
    """An invented CDE acceptance list as a minimal xlsx: mostly generics and supplements, as real lists are, one
    row in five a Class 1 new drug's trial or marketing application, some sponsors without a place name."""
    places = ["北京", "上海", "江苏", "浙江", "广东", "四川", "湖北", "山东", "重庆", "苏州"]
    kinds = [("CYHS", "化药", "仿制", "化学药品4类"), ("CYHB", "化药", "补充申请", "化学药品4类"),
             ("CXHS", "化药", "新药", "化学药品2.2类"), ("CXHL", "化药", "新药", "化学药品1类"),
             ("CXSS", "治疗用生物制品", "新药", "治疗用生物制品1类")]
    weights = [45, 25, 10, 10, 10]
    sequence = [kind for kind, weight in zip(kinds, weights) for _ in range(weight)]

    def cell(text):
        return f'<c t="inlineStr"><is><t>{text}</t></is></c>'

    header = ["序号", "受理号", "药品名称", "药品类型", "申请类型", "注册分类", "企业名称", "承办日期"]
    sheet = io.StringIO()
    sheet.write('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                'spreadsheetml/2006/main"><sheetData>')
    sheet.write("<row>" + "".join(cell(h) for h in header) + "</row>")
    for i in range(rows):
        letters, drug_type, application, registration = sequence[(i * 37) % len(sequence)]
        year = 21 + i % 6
        company = (f"示例{i % 3000}科技有限公司" if i % 23 == 0
                   else f"{places[i % len(places)]}示例{i % 3000}医药有限公司")
        drug = f"示例{i}{'单抗注射液' if letters[2] == 'S' else '片'}"
        accepted = f"20{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        sheet.write("<row>" + "".join(cell(v) for v in (i + 1, f"{letters}{year}{i % 100000:05d}", drug, drug_type,
                                                         application, registration, company, accepted)) + "</row>")
    sheet.write("</sheetData></worksheet>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.'
        'xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
        'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="受理品种信息" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '</Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1">'
        '<border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs>'
        '</styleSheet>',
        "xl/worksheets/sheet1.xml": sheet.getvalue(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode())
    return buffer.getvalue()


def read_options():
    with open(JVM_OPTIONS) as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


if __name__ == "__main__":
    main()
