#!/usr/bin/env python3
"""Soak test with crashes, run by src/bench/soak inside pg_virtualenv (the PG* variables name the server).

Runs two instances of the packaged service against one database of its own for a bounded time (default 10 minutes,
--duration SECONDS) with concurrent writers (POST creates, each with an Idempotency-Key and a marker in its body,
retried with the same key and body on both instances in turn until acknowledged or a deadline), readers (lists,
single records and indicators, with and without Cache-Control: no-cache and If-None-Match), CSV imports (keyed
too) and a change-feed poller, while it SIGKILLs one instance and restarts it, restarts PostgreSQL and freezes it
once (SIGSTOP of the postmaster and all its backends, SIGCONT after some seconds). At the end it checks, from the
database, the change feed and the history, that every acknowledged write is present exactly once, no write is
half-applied, the feed has no gap or duplicate, no answer was a 5xx other than the documented 503s, and resident
memory did not grow without bound. It prints a table of what it did and what it found (also written to
target/soak-report.md) and exits 0 only if every check passes.

Python 3 standard library only; psql, pg_lsclusters and pg_ctlcluster for the database. It may run as root (CI) or as
the user who owns the cluster.
"""
import argparse
import collections
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TARGET = os.path.join(ROOT, "target")
JAR = os.path.join(TARGET, "quarkus-app", "quarkus-run.jar")
JVM_OPTIONS = os.path.join(ROOT, "docker", "jvm.options")
REPORT = os.path.join(TARGET, "soak-report.md")

PROBLEM = "urn:cqdrug:problem:"
# The 503s the problem catalogue documents (common/problem/ProblemType.java, src/docs/api.md#errors): each says
# "retry". Any other 5xx (500 internal, a 503 without one of these types, a 502 or 504 from anywhere) is a failure.
DOCUMENTED_503 = {PROBLEM + "busy", PROBLEM + "database-unavailable", PROBLEM + "statement-timeout"}
IN_PROGRESS = PROBLEM + "idempotency-in-progress"
IMPORT_REJECTED = PROBLEM + "import-rejected"

# The tables whose audit twins the change feed reads (registry/ApiResource.inFeed()), with the feed's names.
FEED_TABLES = [("cluster", "clusters"), ("organization", "organizations"), ("candidate", "candidates"),
               ("milestone", "milestones"), ("approval", "approvals"), ("target", "targets"),
               ("collaboration", "collaborations"), ("published_count", "published-counts"),
               ("source_document", "sources")]

# What the writers create: feed name -> (table, the column that carries the marker, the event its creation writes).
KINDS = {
    "clusters": ("cluster", "code", None),
    "organizations": ("organization", "name", None),
    "candidates": ("candidate", "code", "candidate.created"),
    "published-counts": ("published_count", "source_url", "published_count.created"),
}
LETTERS = {"clusters": "c", "organizations": "o", "candidates": "d", "published-counts": "p"}
WEIGHTED_KINDS = ["clusters", "organizations", "candidates", "candidates", "published-counts"]

# A request that has no answer after this long counts as hung (the freeze's slowest answer is measured, not cut off).
CLIENT_TIMEOUT = 40.0
# The Kubernetes manifest's memory limit (application.properties, quarkus.kubernetes.resources.limits.memory):
# past it a pod is OOM-killed, so no instance may get there.
MEMORY_LIMIT_MB = 512.0
SETTLE_AFTER_LAST_FAULT = 6.0

T0 = time.monotonic()


def now():
    return time.monotonic() - T0


def log(message):
    print(f"[{now():7.1f} s] {message}", file=sys.stderr, flush=True)


class Failure(Exception):
    """A run that cannot go on (an instance that does not start, a cluster that cannot be found)."""


# --- answers -----------------------------------------------------------------------------------------------------

Answer = collections.namedtuple("Answer", "kind instance method route status problem error began seconds")
ANSWERS = []  # every request's outcome; list.append is atomic under the GIL


class Reply:
    def __init__(self, status, headers, body, error, problem, seconds):
        self.status, self.headers, self.body = status, headers, body
        self.error, self.problem, self.seconds = error, problem, seconds

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def outcome(self):
        if self.status is None:
            return self.error
        return f"{self.status} {self.problem[len(PROBLEM):]}" if self.problem and self.problem.startswith(PROBLEM) \
            else str(self.status)


def request(instance, method, path, body=None, headers=None, kind="read", route=None, timeout=CLIENT_TIMEOUT):
    """One HTTP exchange on a connection of its own (an instance may be killed under it), recorded in ANSWERS."""
    sent = dict(headers or {})
    sent["Connection"] = "close"
    status, received, data, error = None, {}, b"", None
    began = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", instance.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        status = response.status
        received = {name.lower(): value for name, value in response.getheaders()}
    except ConnectionRefusedError:
        error = "connection refused"
    except (socket.timeout, TimeoutError):
        error = "timeout"
    except (ConnectionError, http.client.HTTPException, OSError) as e:
        error = type(e).__name__
    finally:
        connection.close()
    seconds = time.monotonic() - began
    problem = None
    if status is not None and status >= 400:
        if received.get("content-type", "").startswith("application/problem+json"):
            try:
                problem = json.loads(data).get("type")
            except (ValueError, AttributeError):
                problem = "unreadable problem"
    ANSWERS.append(Answer(kind, instance.n, method, route or path, status, problem, error, began, seconds))
    return Reply(status, received, data, error, problem, seconds)


# --- processes ---------------------------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def java():
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    return shutil.which("java") or "java"


class Instance:
    """One packaged instance, started as TwoInstancesIT starts them; its output goes to target/soak-<n>.log."""

    def __init__(self, n, port, env):
        self.n, self.port, self.env = n, port, env
        self.process = None
        self.generation = 0
        self.expected_down = False
        self.log_path = os.path.join(TARGET, f"soak-{n}.log")
        self.log_file = None

    def start(self):
        """Starts the process (from the main thread only: the JVM is told to die with the thread that forked it)."""
        if self.log_file:
            self.log_file.close()
        self.log_file = open(self.log_path, "a")
        self.log_file.write(f"--- soak: start {self.generation + 1} of instance {self.n} at {now():.1f} s\n")
        self.log_file.flush()
        command = [java(), f"@{JVM_OPTIONS}", "-jar", JAR]
        setpriv = shutil.which("setpriv")
        if setpriv:  # should this script die without cleaning up, its instances go with it
            command = [setpriv, "--pdeathsig", "KILL", *command]
        env = {**self.env, "QUARKUS_HTTP_PORT": str(self.port)}
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=self.log_file,
                                        stderr=subprocess.STDOUT)
        self.generation += 1
        self.expected_down = False

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def ready(self):
        return request(self, "GET", "/q/health/ready", kind="ready", timeout=5).status == 200

    def wait_ready(self, within=180.0):
        began = time.monotonic()
        while time.monotonic() - began < within:
            if not self.alive():
                raise Failure(f"instance {self.n} exited with {self.process.returncode}; see {self.log_path}")
            if self.ready():
                return time.monotonic() - began
            time.sleep(0.25)
        raise Failure(f"instance {self.n} was not ready within {within:.0f} s; see {self.log_path}")

    def kill(self):
        """SIGKILL, as a crash or the OOM killer ends a process."""
        self.expected_down = True
        if self.alive():
            self.process.send_signal(signal.SIGKILL)
        if self.process:
            self.process.wait(30)

    def stop(self):
        self.expected_down = True
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
        if self.log_file:
            self.log_file.close()
            self.log_file = None

    def rss_mb(self):
        process = self.process
        if process is None or process.poll() is not None:
            return None
        try:
            with open(f"/proc/{process.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None


def run(*command, timeout=180):
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        output = (done.stderr or done.stdout).strip()[:500]
        raise Failure(f"{' '.join(command)} exited with {done.returncode}: {output}")
    return done.stdout


class Cluster:
    """The PostgreSQL cluster the PG* variables name, found as DatabaseOutageIT finds it: by its port."""

    def __init__(self):
        self.port = os.environ.get("PGPORT", "5432")
        for line in run("pg_lsclusters", "-h").splitlines():
            fields = line.split()
            if len(fields) > 5 and fields[2] == self.port:
                self.version, self.name, self.data = fields[0], fields[1], fields[5]
                break
        else:
            raise Failure(f"no PostgreSQL cluster listens on port {self.port} (pg_lsclusters); run under pg_virtualenv")
        self.frozen = []
        self.guard = None

    def status(self):
        for line in run("pg_lsclusters", "-h").splitlines():
            fields = line.split()
            if len(fields) > 5 and fields[2] == self.port:
                return fields[3]
        return "unknown"

    def restart(self):
        run("pg_ctlcluster", self.version, self.name, "restart", "-m", "fast")

    def ensure_running(self):
        if self.status() != "online":
            log(f"PostgreSQL {self.version}/{self.name} is {self.status()}: starting it")
            run("pg_ctlcluster", self.version, self.name, "start")

    def postmaster(self):
        with open(os.path.join(self.data, "postmaster.pid")) as f:
            return int(f.readline().strip())

    @staticmethod
    def children(parent):
        found = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stat = f.read()
            except OSError:
                continue  # gone meanwhile
            fields = stat[stat.rfind(")") + 2:].split()
            if len(fields) > 1 and fields[1] == str(parent):
                found.append(int(entry))
        return found

    def freeze(self, seconds):
        """SIGSTOP to the postmaster, then to every backend and auxiliary process it has (listed until no new one
        appears: a stopped postmaster forks none). A process of its own sends SIGCONT after the freeze and a margin
        should this script die in the meantime."""
        postmaster = self.postmaster()
        self.guard = subprocess.Popen(
            ["sh", "-c", f'sleep {seconds + 30}; p=$(head -1 "$1/postmaster.pid"); kill -CONT $p $(pgrep -P $p)',
             "soak-thaw-guard", self.data], start_new_session=True, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.kill(postmaster, signal.SIGSTOP)
        self.frozen = [postmaster]
        for _ in range(5):
            new = [pid for pid in self.children(postmaster) if pid not in self.frozen]
            if not new:
                break
            for pid in new:
                try:
                    os.kill(pid, signal.SIGSTOP)
                    self.frozen.append(pid)
                except ProcessLookupError:
                    pass
        return len(self.frozen)

    def thaw(self):
        for pid in self.frozen:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
        if self.frozen:
            for pid in self.children(self.frozen[0]):  # anything left stopped
                try:
                    os.kill(pid, signal.SIGCONT)
                except ProcessLookupError:
                    pass
        self.frozen = []
        if self.guard and self.guard.poll() is None:
            try:
                os.killpg(self.guard.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.guard.wait()
        self.guard = None


def psql(sql, database, timeout=300):
    done = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-d", database, "-c", sql],
                          capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise Failure(f"psql: {done.stderr.strip()[:500]}")
    return done.stdout.strip()


def psql_json(sql, database):
    return json.loads(psql(f"select coalesce(json_agg(t), '[]'::json) from ({sql}) t", database) or "[]")


# --- the load ----------------------------------------------------------------------------------------------------

class Write:
    """One keyed POST: a create (kind is the resource) or a CSV import (kind 'imports'), and what came of it."""

    def __init__(self, kind, key, path, body, content_type, markers):
        self.kind, self.key, self.path, self.body, self.content_type = kind, key, path, body, content_type
        self.markers = markers  # the values the written rows carry, one per row
        self.began = None
        self.attempts = 0
        self.outcomes = collections.Counter()
        self.last = None
        self.acked = False
        self.ids = None  # the ids the first acknowledgement named
        self.mismatches = []  # later answers that named other ids
        self.replays = []  # (Idempotent-Replayed header, ids) of deliberate repeats
        self.expected_rejection = False
        self.rejected = False
        self.refused = None  # an answer that ended the write without acknowledging it
        self.unanswered = False


class Soak:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.run_id = "%06x" % random.SystemRandom().getrandbits(24)
        self.database = f"soak_{self.run_id}"
        self.key = f"soak-admin-{random.SystemRandom().getrandbits(160):040x}"
        self.instances = []
        self.cluster = None
        self.database_created = False
        self.stop = threading.Event()
        self.stop_poller = threading.Event()
        self.stop_sampler = threading.Event()
        self.writes = []
        self.imports = []
        self.acked_records = []  # (kind, id) readable records, for the readers
        self.replay_queue = collections.deque()
        self.etags = {}
        self.read_findings = []  # unexpected read answers
        self.missing_reads = []  # 404 for an acknowledged record
        self.polls = []  # [(since, latest, entries)] of the poller's complete polls
        self.poll_failures = 0
        self.poll_disorder = 0
        self.memory = []  # (monotonic, instance, generation, MB)
        self.faults = []
        self.unexpected_exits = []
        self.load_began = self.load_ended = None
        self.fixture_org = self.fixture_cluster = None

    # --- setup and teardown ---

    def setup(self):
        if not os.path.isfile(JAR):
            raise Failure(f"{JAR} is missing: build it (src/bench/soak does)")
        os.makedirs(TARGET, exist_ok=True)
        self.cluster = Cluster()
        admin_db = os.environ.get("PGDATABASE", "postgres")
        psql(f"create database {self.database}", admin_db)
        self.database_created = True
        self.server_version = psql("show server_version", self.database)
        host = os.environ.get("PGHOST", "localhost")
        if not host or host.startswith("/"):
            host = "localhost"
        env = {**os.environ,
               "QUARKUS_DATASOURCE_JDBC_URL": f"jdbc:postgresql://{host}:{self.cluster.port}/{self.database}",
               "QUARKUS_DATASOURCE_USERNAME": os.environ.get("PGUSER", "postgres"),
               "QUARKUS_DATASOURCE_PASSWORD": os.environ.get("PGPASSWORD", ""),
               "TRACKER_BOOTSTRAP_ADMIN_KEY": self.key,
               # one key and one address send all the load: 1,200 and 300 requests a minute would refuse most of it
               "TRACKER_RATE_LIMIT_ENABLED": "false",
               "MALLOC_ARENA_MAX": "2"}
        for n in (1, 2):
            path = os.path.join(TARGET, f"soak-{n}.log")
            if os.path.exists(path):
                os.remove(path)
            self.instances.append(Instance(n, free_port(), env))
        log(f"Database {self.database} on PostgreSQL {self.server_version} ({self.cluster.version}/"
            f"{self.cluster.name}, port {self.cluster.port}); starting two instances on ports "
            f"{', '.join(str(i.port) for i in self.instances)}...")
        for instance in self.instances:
            instance.start()
        for instance in self.instances:
            took = instance.wait_ready()
            log(f"instance {instance.n} ready after {took:.1f} s")

    def teardown(self):
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        self.stop.set()
        self.stop_poller.set()
        self.stop_sampler.set()
        if self.cluster:
            try:
                self.cluster.thaw()
            except Exception as e:  # keep cleaning up
                log(f"thaw: {e}")
            try:
                self.cluster.ensure_running()
            except Exception as e:
                log(f"starting PostgreSQL: {e}")
        for instance in self.instances:  # SIGTERM to both, then wait for each
            instance.expected_down = True
            if instance.alive():
                instance.process.terminate()
        for instance in self.instances:
            try:
                instance.stop()
            except Exception as e:
                log(f"stopping instance {instance.n}: {e}")
                if instance.process:
                    instance.process.kill()
        if self.database_created and not self.args.keep:
            try:
                psql(f"drop database if exists {self.database} with (force)",
                     os.environ.get("PGDATABASE", "postgres"))
            except Exception as e:
                log(f"dropping {self.database}: {e}")
        elif self.database_created:
            log(f"kept database {self.database}")

    # --- writes ---

    def perform(self, write, rng, replay=False):
        """POSTs the write with its key until an instance acknowledges it (2xx), refuses it, or its deadline passes;
        the same key and body each time, on both instances in turn, with backoff."""
        deadline = time.monotonic() + self.args.write_deadline
        first = rng.randrange(2)
        attempt = 0
        if write.began is None:
            write.began = time.monotonic()
        while True:
            instance = self.instances[(first + attempt) % 2]
            attempt += 1
            reply = request(instance, "POST", write.path, write.body,
                            {"Authorization": f"Bearer {self.key}", "Idempotency-Key": write.key,
                             "Content-Type": write.content_type},
                            kind="replay" if replay else ("import" if write.kind == "imports" else "write"),
                            route=write.path)
            outcome = reply.outcome()
            if not replay:
                write.attempts = attempt
                write.outcomes[outcome] += 1
                write.last = outcome
            if reply.status is not None and 200 <= reply.status < 300:
                ids = self.ids_of(write, reply)
                if replay:
                    write.replays.append((reply.headers.get("idempotent-replayed"), ids))
                if write.ids is None and not replay:
                    write.ids = ids
                    write.acked = True
                elif ids != write.ids:
                    write.mismatches.append((outcome, ids))
                return
            if write.expected_rejection and reply.status == 422 and reply.problem == IMPORT_REJECTED:
                if replay:
                    write.replays.append((reply.headers.get("idempotent-replayed"), "rejected"))
                else:
                    write.rejected = True
                return
            retry = (reply.status is None or reply.status >= 500 or reply.status == 429
                     or (reply.status == 409 and reply.problem == IN_PROGRESS))
            if not retry:
                text = reply.body[:300].decode(errors="replace")
                if replay:
                    write.mismatches.append((outcome, text))
                else:
                    write.refused = f"{outcome}: {text}"
                return
            if time.monotonic() > deadline:
                if replay:
                    write.mismatches.append((outcome, "no answer before the deadline"))
                else:
                    write.unanswered = True
                return
            delay = min(3.0, 0.2 * 2 ** min(attempt - 1, 4))
            try:
                delay = max(delay, min(float(reply.headers.get("retry-after", 0)), 5.0))
            except ValueError:
                pass
            time.sleep(delay * (0.5 + rng.random() / 2))

    @staticmethod
    def ids_of(write, reply):
        document = reply.json()
        if not isinstance(document, dict):
            return None
        if write.kind == "imports":
            ids = document.get("ids")
            return tuple(ids) if isinstance(ids, list) else None
        return (document["id"],) if isinstance(document.get("id"), str) else None

    def create(self, kind, key, n):
        if kind == "clusters":
            body = {"code": key, "name": f"Soak cluster {key}", "regionCode": "CN-CQ"}
            marker = key
        elif kind == "organizations":
            body = {"name": key, "kind": "COMPANY", "regionCode": "CN-CQ"}
            marker = key
        elif kind == "candidates":
            body = {"code": key, "name": "soakimab", "sponsorId": self.fixture_org, "clusterId": self.fixture_cluster,
                    "category": "CHEMICAL", "registrationClass": "1", "modality": "SMALL_MOLECULE", "phase": "PHASE_1",
                    "phaseReachedOn": "2024-01-01"}
            marker = key
        else:
            marker = f"https://example.org/soak/{key}"
            body = {"regionCode": "CN-TJ", "metric": "CLASS1_APPROVALS", "periodFrom": "2020-01-01",
                    "periodTo": "2020-12-31", "value": n % 100000, "evidence": "REPORTED", "sourceUrl": marker}
        return Write(kind, key, f"/api/v1/{kind}", json.dumps(body).encode(), "application/json", [marker])

    def fixtures(self):
        """A sponsor and a cluster for the candidates, created through the API like everything else."""
        rng = random.Random(0)
        org = Write("organizations", f"fixture-{self.run_id}-org", "/api/v1/organizations", json.dumps(
            {"name": f"fixture-{self.run_id}", "kind": "COMPANY", "regionCode": "CN-CQ"}).encode(),
            "application/json", [])
        cluster = Write("clusters", f"fixture-{self.run_id}-cluster", "/api/v1/clusters", json.dumps(
            {"code": f"fixture-{self.run_id}", "name": "Soak fixture", "regionCode": "CN-CQ"}).encode(),
            "application/json", [])
        for write in (org, cluster):
            self.perform(write, rng)
            if not write.acked:
                raise Failure(f"creating {write.path} fixture: {write.refused or write.last}")
        self.fixture_org, self.fixture_cluster = org.ids[0], cluster.ids[0]

    def writer(self, w):
        rng = random.Random(self.args.seed * 1000 + w)
        n = 0
        while not self.stop.is_set():
            try:
                due, earlier = self.replay_queue[0]
                if due <= time.monotonic():
                    self.replay_queue.remove((due, earlier))
                    self.perform(earlier, rng, replay=True)
            except (IndexError, ValueError):
                pass  # another writer took it
            kind = rng.choice(WEIGHTED_KINDS)
            n += 1
            write = self.create(kind, f"soak-{self.run_id}-{LETTERS[kind]}{w}-{n}", n)
            self.writes.append(write)
            if "orphan-claim" in (self.args.inject or []) and w == 0 and n <= 3:
                self.orphan_claim(write)
            self.perform(write, rng)
            if write.acked:
                self.acked_records.append((kind, write.ids[0]))
                if rng.random() < 0.15:  # sent again later, to the other instance or this one: the same answer
                    self.replay_queue.append((time.monotonic() + 2.0, write))
            self.stop.wait(self.args.think)

    def importer(self):
        rng = random.Random(self.args.seed * 1000 + 999)
        k = 0
        header = "code,name,sponsorId,clusterId,category,registrationClass,modality,phase,phaseReachedOn"
        while not self.stop.is_set():
            k += 1
            key = f"soak-{self.run_id}-i-{k}"
            rows = rng.randint(3, 12)
            codes = [f"{key}-r{j}" for j in range(1, rows + 1)]
            lines = [header] + [f"{code},soakimab {j},fixture-{self.run_id},fixture-{self.run_id},CHEMICAL,1,"
                                f"SMALL_MOLECULE,PHASE_1,2024-01-01" for j, code in enumerate(codes, 1)]
            bad = k % 4 == 0  # every fourth import has a bad last row: refused whole, none of its rows written
            if bad:
                lines[-1] = lines[-1].replace("PHASE_1", "NO_SUCH_PHASE")
            write = Write("imports", key, "/api/v1/candidates/import", ("\n".join(lines) + "\n").encode(),
                          "text/csv", codes)
            write.expected_rejection = bad
            self.imports.append(write)
            self.perform(write, rng)
            if write.acked and write.ids:
                self.acked_records.extend(("candidates", i) for i in write.ids)
            self.stop.wait(self.args.import_interval)

    # --- reads ---

    def reader(self, r):
        rng = random.Random(self.args.seed * 1000 + 500 + r)
        while not self.stop.is_set():
            instance = rng.choice(self.instances)
            x = rng.random()
            single = None
            if x < 0.35 and self.acked_records:
                kind, id_ = rng.choice(self.acked_records)
                path, route, single = f"/api/v1/{kind}/{id_}", f"/api/v1/{kind}/{{id}}", id_
            elif x < 0.8:
                kind = rng.choice(list(KINDS))
                path = route = f"/api/v1/{kind}?limit=20"
            else:
                path = route = "/api/v1/indicators"
            headers = {}
            if rng.random() < 0.5:
                headers["Cache-Control"] = "no-cache"
            if path in self.etags and rng.random() < 0.5:
                headers["If-None-Match"] = self.etags[path]
            reply = request(instance, "GET", path, headers=headers, kind="read", route=route)
            if reply.status == 200:
                if "etag" in reply.headers:
                    self.etags[path] = reply.headers["etag"]
                if single and (reply.json() or {}).get("id") != single:
                    self.read_findings.append(f"GET {path} answered another record")
            elif reply.status == 304 and "If-None-Match" in headers:
                pass
            elif reply.status is None or (reply.status == 503 and reply.problem in DOCUMENTED_503):
                pass  # an instance down, or the database: both expected during the faults
            elif reply.status == 404 and single:
                self.missing_reads.append(f"instance {instance.n}: GET {path}")
            else:
                self.read_findings.append(f"instance {instance.n}: GET {route} answered {reply.outcome()}")
            self.stop.wait(self.args.read_think)

    def read_feed(self, since, limit, instances, kind="feed"):
        """One whole read of the change feed after since, following nextCursor to its end, page by page on the
        instances in turn: (entries, latestRevision of the last page), or None when a page failed."""
        cursor, entries, page = None, [], 0
        while True:
            instance = instances[page % len(instances)]
            path = f"/api/v1/changes?since={since}&limit={limit}"
            if cursor:
                path += "&cursor=" + urllib.parse.quote(cursor, safe="")
            reply = request(instance, "GET", path, kind=kind, route="/api/v1/changes")
            document = reply.json() if reply.status == 200 else None
            if not isinstance(document, dict):
                return None
            for item in document["items"]:
                entries.append((item["revision"], item["resource"], item["id"], item["operation"]))
            cursor, latest = document.get("nextCursor"), document["latestRevision"]
            if not cursor:
                return entries, latest
            page += 1

    def poller(self):
        """A mirror's loop, as api.md describes it: poll with since set to the latestRevision of the last read,
        follow nextCursor to the end; through every fault."""
        since, count = 0, 0
        while True:
            final = self.stop_poller.is_set()
            order = self.instances if count % 2 == 0 else self.instances[::-1]
            result = self.read_feed(since, 200, order)
            if result is None:
                self.poll_failures += 1
            else:
                entries, latest = result
                keys = [e[:3] for e in entries]
                if keys != sorted(keys) or any(e[0] <= since for e in entries):
                    self.poll_disorder += 1
                self.polls.append((since, latest, entries))
                since = latest
                count += 1
                if final:
                    return
            time.sleep(0.5)

    def sampler(self):
        while not self.stop_sampler.wait(self.args.memory_interval):
            for instance in self.instances:
                generation = instance.generation
                mb = instance.rss_mb()
                if mb is not None:
                    self.memory.append((time.monotonic(), instance.n, generation, mb))

    # --- faults ---

    def supervise_until(self, moment):
        """Waits until moment, restarting an instance that exited without being killed (and noting it)."""
        while time.monotonic() < moment:
            for instance in self.instances:
                if not instance.expected_down and not instance.alive():
                    code = instance.process.returncode
                    self.unexpected_exits.append(f"instance {instance.n} exited with {code} at {now():.1f} s")
                    log(f"instance {instance.n} exited by itself ({code}); starting it again")
                    instance.start()
            time.sleep(min(0.5, max(0.0, moment - time.monotonic())))

    def both_ready(self, began, within=120.0):
        """Seconds from began until both instances answer ready, or None if they do not within the bound."""
        deadline = time.monotonic() + within
        waiting = list(self.instances)
        while waiting and time.monotonic() < deadline:
            waiting = [i for i in waiting if not i.ready()]
            if waiting:
                time.sleep(0.2)
        return None if waiting else time.monotonic() - began

    def kill_and_restart(self, instance):
        began = time.monotonic()
        log(f"SIGKILL instance {instance.n} (pid {instance.process.pid})")
        instance.kill()
        pause = min(5.0, max(2.0, 0.05 * self.args.duration))
        time.sleep(pause)
        restarted = time.monotonic()
        instance.start()
        try:
            start_to_ready = instance.wait_ready()
        except Failure as e:
            start_to_ready = None
            log(str(e))
        ready = self.both_ready(restarted)
        log(f"instance {instance.n} started again after {pause:.0f} s down; ready {start_to_ready or 0:.1f} s after"
            f" its start")
        self.faults.append({"fault": f"SIGKILL of instance {instance.n}, {pause:.0f} s down, started again",
                            "began": began, "ended": restarted,
                            "detail": f"start to ready {start_to_ready:.1f} s" if start_to_ready else "did not start",
                            "ready": ready})

    def restart_postgres(self):
        began = time.monotonic()
        log(f"pg_ctlcluster {self.cluster.version} {self.cluster.name} restart -m fast")
        try:
            self.cluster.restart()
            detail = f"pg_ctlcluster took {time.monotonic() - began:.1f} s"
        except Failure as e:
            detail = str(e)
            self.cluster.ensure_running()
        ended = time.monotonic()
        ready = self.both_ready(ended)
        log(f"PostgreSQL restarted; both instances ready {ready or -1:.1f} s later")
        self.faults.append({"fault": "PostgreSQL restart (-m fast)", "began": began, "ended": ended,
                            "detail": detail, "ready": ready})

    def freeze_postgres(self):
        seconds = self.args.freeze_seconds
        began = time.monotonic()
        stopped = self.cluster.freeze(seconds)
        log(f"froze PostgreSQL: SIGSTOP to {stopped} processes for {seconds:.0f} s")
        try:
            time.sleep(seconds)
        finally:
            self.cluster.thaw()
        ended = time.monotonic()
        ready = self.both_ready(ended)
        log(f"SIGCONT; both instances ready {ready or -1:.1f} s later")
        self.faults.append({"fault": f"freeze of PostgreSQL, {seconds:.0f} s ({stopped} processes stopped)",
                            "began": began, "ended": ended, "detail": None, "ready": ready, "freeze": True})

    def schedule(self):
        d = self.args.duration
        plan = [(0.15, "kill"), (0.40, "restart"), (0.65, "freeze")]
        if d >= 300:
            plan.append((0.85, "kill"))
        return [(fraction * d, fault) for fraction, fault in plan]

    # --- the run ---

    def run(self):
        self.setup()
        self.fixtures()
        threads = [threading.Thread(target=self.writer, args=(w,), daemon=True, name=f"writer-{w}")
                   for w in range(self.args.writers)]
        threads.append(threading.Thread(target=self.importer, daemon=True, name="importer"))
        readers = [threading.Thread(target=self.reader, args=(r,), daemon=True, name=f"reader-{r}")
                   for r in range(self.args.readers)]
        poller = threading.Thread(target=self.poller, daemon=True, name="poller")
        sampler = threading.Thread(target=self.sampler, daemon=True, name="sampler")
        self.load_began = time.monotonic()
        log(f"load for {self.args.duration:.0f} s: {self.args.writers} writers, {self.args.readers} readers, one"
            f" importer, one feed poller")
        for thread in threads + readers + [poller, sampler]:
            thread.start()
        for at, fault in self.schedule():
            self.supervise_until(self.load_began + at)
            if fault == "kill":
                self.kill_and_restart(self.instances[1])
            elif fault == "restart":
                self.restart_postgres()
            else:
                self.freeze_postgres()
        last = self.faults[-1]["ended"] + (self.faults[-1]["ready"] or 0) if self.faults else self.load_began
        self.supervise_until(max(self.load_began + self.args.duration, last + SETTLE_AFTER_LAST_FAULT))
        self.load_ended = time.monotonic()
        log("load ends; waiting for the writes in flight")
        self.stop.set()
        for thread in threads + readers:
            thread.join(self.args.write_deadline + 60)
        self.stop_poller.set()
        poller.join(120)
        self.stop_sampler.set()
        sampler.join(10)
        ready = self.both_ready(time.monotonic())
        if ready is None:
            log("the instances are not both ready after the run")
        self.replay_at_the_end()
        for what in self.args.inject or []:
            if what != "orphan-claim":
                self.inject(what)
        return self.check()

    def replay_at_the_end(self):
        """Every retried acknowledged write, and a sample of the others, sent again with its key: each must be
        answered as it was, naming the same record."""
        acked = [w for w in self.writes + self.imports if w.acked or w.rejected]
        retried = [w for w in acked if w.attempts > 1]
        rest = [w for w in acked if w.attempts <= 1]
        self.rng.shuffle(rest)
        chosen = (retried + rest)[:max(200, min(len(acked), self.args.final_replays))]
        log(f"sending {len(chosen)} acknowledged writes again with their keys ({len(retried)} of them retried ones)")
        queue = collections.deque(chosen)

        def work(seed):
            rng = random.Random(seed)
            while True:
                try:
                    write = queue.popleft()
                except IndexError:
                    return
                self.perform(write, rng, replay=True)

        workers = [threading.Thread(target=work, args=(s,), daemon=True) for s in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(self.args.write_deadline + 120)
        self.final_replays = len(chosen)

    def orphan_claim(self, write):
        """A claim committed without an answer, as the release before V19 left a key when it crashed between claiming
        it and storing the answer (the claim then answered 409 in progress for ten minutes)."""
        psql(f"insert into idempotency_key (principal, idempotency_key, fingerprint, claim, created_at) select"
             f" principal, '{write.key}', 'orphaned', 'orphaned', now() from idempotency_key where idempotency_key like"
             f" 'fixture-{self.run_id}-%' limit 1", self.database)
        log(f"injected: {write.key} claimed without an answer before it is sent")

    def inject(self, what):
        """Breaks something on purpose before the checks, to show that they catch it."""
        if what == "duplicate":
            write = next(w for w in self.writes if w.kind == "organizations" and w.acked)
            psql(f"insert into organization (id, name, kind, region_code, created_at, updated_at, version) values"
                 f" (gen_random_uuid(), '{write.markers[0]}', 'COMPANY', 'CN-CQ', now(), now(), 0)", self.database)
            log(f"injected: a second organization named {write.markers[0]}, written behind the service's back")
        elif what == "lost":
            write = next(w for w in self.writes if w.kind == "published-counts" and w.acked)
            psql(f"delete from published_count where id = '{write.ids[0]}'", self.database)
            log(f"injected: published count {write.ids[0]} deleted behind the service's back")
        elif what == "feed-gap":
            for since, latest, entries in self.polls:
                if entries:
                    log(f"injected: the poller forgets {entries[len(entries) // 2]}")
                    del entries[len(entries) // 2]
                    break

    # --- the checks ---

    def check(self):
        db = self.database
        run_like = f"soak-{self.run_id}-%"
        log("checking: the database")
        rows = psql_json(
            f"select 'clusters' as kind, id::text as id, code as marker from cluster where code like '{run_like}'"
            f" union all select 'organizations', id::text, name from organization where name like '{run_like}'"
            f" union all select 'candidates', id::text, code from candidate where code like '{run_like}'"
            f" union all select 'published-counts', id::text, source_url from published_count"
            f" where source_url like 'https://example.org/soak/{run_like}'", db)
        by_marker = collections.defaultdict(list)
        for row in rows:
            by_marker[row["marker"]].append(row["id"])
        row_ids = {row["id"] for row in rows}
        row_kind = {row["id"]: row["kind"] for row in rows}

        audit = {}
        for kind, (table, column, _) in KINDS.items():
            marker = f"{column} like '{'https://example.org/soak/' if kind == 'published-counts' else ''}{run_like}'"
            for row in psql_json(
                    f"select t.id::text as id, count(a.rev) filter (where a.revtype = 0) as created,"
                    f" min(a.rev) filter (where a.revtype = 0) as rev, min(r.author) filter (where a.revtype = 0)"
                    f" as author from {table} t left join {table}_aud a on a.id = t.id left join revision r"
                    f" on r.id = a.rev where t.{marker} group by t.id", db):
                audit[row["id"]] = row
        milestones = {row["id"]: row for row in psql_json(
            f"select c.id::text as id, count(m.id) as live, (select count(*) from milestone_aud ma where"
            f" ma.candidate_id = c.id and ma.revtype = 0 and ma.rev = (select min(ca.rev) from candidate_aud ca"
            f" where ca.id = c.id and ca.revtype = 0)) as created_with from candidate c left join milestone m"
            f" on m.candidate_id = c.id where c.code like '{run_like}' group by c.id", db)}
        events = collections.Counter()
        for row in psql_json(
                f"select record_id::text as id, count(*) as n from event where type in ('candidate.created',"
                f" 'published_count.created') and record_id in (select id from candidate where code like"
                f" '{run_like}' union all select id from published_count where source_url like"
                f" 'https://example.org/soak/{run_like}') group by record_id", db):
            events[row["id"]] = row["n"]
        keys = {row["key"]: row for row in psql_json(
            f"select idempotency_key as key, status, body from idempotency_key"
            f" where idempotency_key like '{run_like}'", db)}

        checks = []

        def add(name, failures, numbers):
            checks.append((name, failures == 0, numbers))

        every = self.writes + self.imports
        writes_acked = [w for w in self.writes if w.acked]
        imports_acked = [w for w in self.imports if w.acked]
        unanswered = [w for w in every if w.unanswered]
        last_answers = collections.Counter(w.last for w in unanswered)
        add(f"every attempted write answered within its deadline ({self.args.write_deadline:.0f} s)", len(unanswered),
            f"{len(self.writes) - sum(w.unanswered for w in self.writes)} of {len(self.writes)} creates,"
            f" {len(self.imports) - sum(w.unanswered for w in self.imports)} of {len(self.imports)} imports"
            + (f"; unanswered {len(unanswered)}, their last answers: {fmt_counter(last_answers)}"
               if unanswered else ""))

        refused = [w for w in every if w.refused]
        add("no write refused (keyed creates with valid bodies, and imports other than the planned bad ones)",
            len(refused), f"{len(refused)} refused" + (": " + "; ".join(f"{w.key} {w.refused[:120]}"
                                                                        for w in refused[:3]) if refused else ""))

        missing = duplicated = other = 0
        examples = []
        for w in writes_acked:
            ids = by_marker.get(w.markers[0], [])
            if not ids:
                missing += 1
                examples.append(f"{w.key} missing")
            elif len(ids) > 1:
                duplicated += 1
                examples.append(f"{w.key} {len(ids)} rows")
            elif (ids[0],) != w.ids:
                other += 1
                examples.append(f"{w.key} answered {w.ids}, stored {ids[0]}")
        import_rows = 0
        for w in imports_acked:
            stored = [by_marker.get(m, []) for m in w.markers]
            import_rows += len(w.markers)
            if any(not ids for ids in stored):
                missing += 1
                examples.append(f"{w.key}: {sum(1 for ids in stored if not ids)} of {len(stored)} rows missing")
            elif any(len(ids) > 1 for ids in stored):
                duplicated += 1
                examples.append(f"{w.key}: rows twice")
            elif tuple(ids[0] for ids in stored) != w.ids:
                other += 1
                examples.append(f"{w.key}: other ids than answered")
        add("every acknowledged write present exactly once, with the id its answer named (database)",
            missing + duplicated + other,
            f"{len(writes_acked)} creates and {len(imports_acked)} imports ({import_rows} rows) acknowledged;"
            f" missing {missing}, duplicated {duplicated}, another id {other}" + example_text(examples))

        twice = [m for m, ids in by_marker.items() if len(ids) > 1]
        attempted_markers = {m for w in every for m in w.markers}
        strangers = [m for m in by_marker if m not in attempted_markers]
        stored_unacked = sum(1 for w in self.writes if not w.acked and by_marker.get(w.markers[0]))
        add("no key wrote twice, and no row without a write that carried it (database)", len(twice) + len(strangers),
            f"{len(by_marker)} markers stored, {len(twice)} more than once, {len(strangers)} unknown;"
            f" {stored_unacked} unacknowledged creates stored (allowed: at most once)")

        half = collections.Counter()
        examples = []
        for w in self.imports:
            present = sum(1 for m in w.markers if by_marker.get(m))
            if present not in (0, len(w.markers)):
                half["import partly stored"] += 1
                examples.append(f"{w.key}: {present} of {len(w.markers)} rows")
            if w.expected_rejection and present:
                half["bad import stored"] += 1
            if present == len(w.markers):
                revisions = {(audit.get(by_marker[m][0]) or {}).get("rev") for m in w.markers}
                if len(revisions) != 1:
                    half["import rows in several revisions"] += 1
        for id_, row in audit.items():
            if row["created"] != 1:
                half["record without exactly one creation revision"] += 1
                examples.append(f"{row_kind.get(id_)} {id_}: {row['created']} creation revisions")
        for id_, row in milestones.items():
            if row["live"] != 1 or row["created_with"] != 1:
                half["candidate without its first milestone in its creation revision"] += 1
                examples.append(f"candidate {id_}: {row['live']} milestones, {row['created_with']} in its revision")
        for id_ in row_ids:
            if KINDS[row_kind[id_]][2] and events[id_] != 1:
                half["record without exactly one created event"] += 1
                examples.append(f"{row_kind[id_]} {id_}: {events[id_]} created events")
        orphans = [k for k, row in keys.items() if row["status"] is None]
        if orphans:
            half["key claimed, never answered"] = len(orphans)
            examples.append(f"claims without answer: {', '.join(orphans[:3])}")
        for w in every:
            stored = keys.get(w.key)
            present = [by_marker[m][0] for m in w.markers if by_marker.get(m)]
            answered_2xx = stored is not None and stored["status"] is not None and 200 <= stored["status"] < 300
            if present and not answered_2xx:
                half["rows stored without their key's answer"] += 1
                examples.append(f"{w.key}: rows stored, key {'missing' if stored is None else stored['status']}")
            if answered_2xx:
                named = self.ids_of(w, Reply(200, {}, (stored["body"] or "").encode(), None, None, 0))
                if named is None or tuple(present) != named:
                    half["key answered, rows not stored as answered"] += 1
                    examples.append(f"{w.key}: answer names {named}, stored {present}")
        add("no write half-applied: rows, milestones, audit revisions, events and key answers all or none (database)",
            sum(half.values()),
            (fmt_counter(half) if half else f"{len(rows)} rows, {len(keys)} keys, all whole; every import all or none"
             f" ({sum(1 for w in self.imports if w.rejected)} planned bad ones wrote none)") + example_text(examples))

        mismatches = [w for w in every if w.mismatches]
        replays = [r for w in every for r in w.replays]
        not_flagged = sum(1 for flag, _ in replays if flag != "true")
        add("a retry's answer names the same record as the first acknowledgement (and says Idempotent-Replayed)",
            len(mismatches) + not_flagged,
            f"{len(replays)} deliberate repeats of acknowledged keys ({self.final_replays} after the run);"
            f" {len(mismatches)} named another record or failed, {not_flagged} without Idempotent-Replayed: true"
            + example_text([f"{w.key}: {w.mismatches[0]}" for w in mismatches]))

        reads = [a for a in ANSWERS if a.kind == "read"]
        add("acknowledged records readable through both instances (no 404)", len(self.missing_reads),
            f"{sum(1 for a in reads if '{id}' in a.route)} single-record reads, {len(self.missing_reads)} answered 404"
            + example_text(self.missing_reads))
        add("reads answered as the API promises (200, 304 to If-None-Match, documented 503s)", len(self.read_findings),
            f"{len(reads)} reads, {len(self.read_findings)} otherwise" + example_text(self.read_findings))

        api = [a for a in ANSWERS if a.kind != "ready" and a.status is not None]
        bad_5xx = [a for a in api if a.status >= 500 and not (a.status == 503 and a.problem in DOCUMENTED_503)]
        documented = collections.Counter(a.problem[len(PROBLEM):] for a in api
                                         if a.status == 503 and a.problem in DOCUMENTED_503)
        add("no 5xx other than the documented 503 problems (busy, database-unavailable, statement-timeout)",
            len(bad_5xx), f"{len(api)} answers; documented 503s: {fmt_counter(documented) or 'none'}; others:"
            f" {len(bad_5xx)}" + example_text([f"instance {a.instance} {a.method} {a.route} {a.status}"
                                               f" {a.problem or ''}" for a in bad_5xx]))
        hung = [a for a in ANSWERS if a.error == "timeout" and a.kind != "ready"]
        add(f"every request answered or refused, none hung past {CLIENT_TIMEOUT:.0f} s", len(hung),
            f"{len(hung)} without an answer" + example_text([f"instance {a.instance} {a.method} {a.route} at"
                                                             f" {a.began - T0:.0f} s" for a in hung]))

        log("checking: the change feed, read whole")
        full = None
        for _ in range(5):
            full = self.read_feed(0, 500, self.instances[:1], kind="final")
            if full:
                break
            time.sleep(2)
        if not full:
            add("change feed read whole", 1, "the feed could not be read after the run")
            feed_keys, latest = [], 0
        else:
            entries, latest = full
            feed_keys = [e[:3] for e in entries]
            duplicates = len(feed_keys) - len(set(feed_keys))
            disorder = sum(1 for a, b in zip(feed_keys, feed_keys[1:]) if a >= b)
            add("change feed read whole: no duplicate, in revision order", duplicates + disorder,
                f"{len(entries)} changes up to revision {latest}; {duplicates} duplicates, {disorder} out of order")
            audited = set()
            union = " union all ".join(f"select rev, '{name}' as resource, id::text as id from {table}_aud"
                                       for table, name in FEED_TABLES)
            for line in psql(f"select rev || '|' || resource || '|' || id from ({union}) x where rev <= {latest}",
                             db).splitlines():
                rev, resource, id_ = line.split("|")
                audited.add((int(rev), resource, id_))
            feed_set = set(feed_keys)
            gaps = sorted(audited - feed_set)
            extra = sorted(feed_set - audited)
            revisions = [int(x) for x in psql(f"select id from revision where id <= {latest} order by id",
                                              db).split()]
            skipped = (revisions[-1] - revisions[0] + 1 - len(revisions)) if revisions else 0
            add("change feed has no gap: every audit row of the database in it, nothing else (database)",
                len(gaps) + len(extra),
                f"{len(audited)} audit rows, {len(gaps)} missing from the feed, {len(extra)} only in the feed;"
                f" {len(revisions)} revisions (sequence numbers unused: {skipped}; rolled-back transactions and"
                f" restarts skip values, no change is lost)" + example_text([str(g) for g in gaps + extra]))
            created = collections.Counter((e[1], e[2]) for e in entries if e[3] == "CREATED")
            expected = [(k, id_) for k, id_ in self.acked_records]
            wrong = [f"{k} {id_}: {created[(k, id_)]}" for k, id_ in expected if created[(k, id_)] != 1]
            add("every acknowledged record in the feed as CREATED exactly once", len(wrong),
                f"{len(expected)} acknowledged records, {len(wrong)} not once" + example_text(wrong))

            seen = [e[:3] for _, _, poll in self.polls for e in poll]
            polled_to = self.polls[-1][1] if self.polls else 0
            repeated = len(seen) - len(set(seen))
            skipped_by_poller = sorted(k for k in feed_set if k[0] <= polled_to and k not in set(seen))
            unknown = sorted(set(seen) - feed_set)
            add("feed polled through the faults (since = last latestRevision, cursors followed): nothing skipped,"
                " nothing twice", repeated + len(skipped_by_poller) + len(unknown) + self.poll_disorder,
                f"{len(self.polls)} complete polls ({self.poll_failures} broken off by a fault and polled again),"
                f" {len(seen)} changes up to revision {polled_to}; skipped {len(skipped_by_poller)}, twice"
                f" {repeated}, unknown {len(unknown)}, pages out of order {self.poll_disorder}"
                + example_text([str(k) for k in skipped_by_poller + unknown]))

        log("checking: the history")
        acked_ids = [(k, id_) for k, id_ in self.acked_records]
        wrong = [f"{k} {id_}: {(audit.get(id_) or {}).get('created', 0)} creation revisions"
                 for k, id_ in acked_ids if (audit.get(id_) or {}).get("created") != 1]
        sample = acked_ids if len(acked_ids) <= self.args.history_limit else \
            self.rng.sample(acked_ids, self.args.history_limit)
        history_wrong = self.check_history(sample, audit)
        add("history: each acknowledged record's creation revision, once, in its audit table and through"
            " /{id}/history", len(wrong) + len(history_wrong),
            f"{len(acked_ids)} records in the audit tables, {len(wrong)} wrong; {len(sample)} histories read,"
            f" {len(history_wrong)} wrong" + example_text(wrong + history_wrong))

        for fault in self.faults:
            # the requests under way while the fault lasted, and until both instances were ready again
            until = fault["ended"] + (fault["ready"] or 0)
            overlapping = [a for a in ANSWERS if a.kind not in ("ready", "replay", "history", "final")
                           and a.began < until and a.began + a.seconds > fault["began"]]
            longest = max((a.seconds for a in overlapping), default=0.0)
            statuses = collections.Counter(a.status or a.error for a in overlapping)
            fault["requests"] = (f"{len(overlapping)} requests, the longest {longest:.1f} s; {fmt_counter(statuses)}")
            if fault.get("freeze"):
                overlapping = [a for a in overlapping if a.began < fault["ended"]]
                longest = max((a.seconds for a in overlapping), default=0.0)
                add(f"while frozen, every request answered within {self.args.frozen_within:.0f} s (socket timeout"
                    " 10 s and a margin, operations.md)", int(longest > self.args.frozen_within),
                    f"longest {longest:.1f} s of {len(overlapping)} requests begun before SIGCONT; answers:"
                    f" {fmt_counter(collections.Counter(a.status or a.error for a in overlapping))}")
        not_ready = [f["fault"] for f in self.faults if f["ready"] is None]
        add("after every fault both instances ready again by themselves (within 120 s)", len(not_ready),
            "; ".join(f"{f['fault']}: {f['ready']:.1f} s" if f["ready"] is not None else f"{f['fault']}: not ready"
                      for f in self.faults))
        add("no instance exited unless killed", len(self.unexpected_exits),
            "; ".join(self.unexpected_exits) or "none did")

        growth, numbers = self.memory_growth()
        add(f"resident memory of the instance that ran throughout: last third's peak <= {self.args.memory_factor}"
            " x first third's", growth, numbers)
        peaks = {}
        for _, n, generation, mb in self.memory:
            peaks[(n, generation)] = max(peaks.get((n, generation), 0), mb)
        over = {k: v for k, v in peaks.items() if v >= MEMORY_LIMIT_MB}
        add(f"resident memory of every instance under {MEMORY_LIMIT_MB:.0f} MB (the Kubernetes memory limit)",
            len(over), ", ".join(f"instance {n} start {g}: peak {mb:.0f} MB" for (n, g), mb in sorted(peaks.items()))
            or "no samples")
        if self.args.inject:
            checks.append((f"(--inject {' '.join(self.args.inject)}: this run was broken on purpose)", False, ""))
        return checks

    def check_history(self, sample, audit):
        queue = collections.deque(sample)
        wrong = []

        def work():
            while True:
                try:
                    kind, id_ = queue.popleft()
                except IndexError:
                    return
                reply = None
                for attempt in range(5):
                    reply = request(self.instances[attempt % 2], "GET", f"/api/v1/{kind}/{id_}/history",
                                    kind="history", route=f"/api/v1/{kind}/{{id}}/history")
                    if reply.status == 200:
                        break
                    time.sleep(1)
                entries = reply.json() if reply.status == 200 else None
                if not isinstance(entries, list) or not entries:
                    wrong.append(f"{kind} {id_}: history answered {reply.outcome()}")
                    continue
                created = [e for e in entries if e.get("operation") == "CREATED"]
                expected = (audit.get(id_) or {}).get("rev")
                if len(created) != 1 or entries[0] is not created[0] or created[0].get("revision") != expected:
                    wrong.append(f"{kind} {id_}: {len(created)} CREATED, first revision"
                                 f" {entries[0].get('revision')}, audit table {expected}")
                elif created[0].get("author") != "bootstrap-admin":
                    wrong.append(f"{kind} {id_}: created by {created[0].get('author')}")

        workers = [threading.Thread(target=work, daemon=True) for _ in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(600)
        return wrong

    def memory_growth(self):
        """The first instance is never killed: its resident memory over the load, in thirds of the time."""
        samples = [(t, mb) for t, n, generation, mb in self.memory
                   if n == 1 and generation == 1 and self.load_began <= t <= self.load_ended]
        if any("instance 1 " in e for e in self.unexpected_exits) or len(samples) < 6:
            return 1, f"not measurable: {len(samples)} samples of an instance that ran throughout"
        span = (self.load_ended - self.load_began) / 3
        first = [mb for t, mb in samples if t < self.load_began + span]
        last = [mb for t, mb in samples if t >= self.load_began + 2 * span]
        if not first or not last:
            return 1, "not measurable: a third without samples"
        ratio = max(last) / max(first)
        return int(ratio > self.args.memory_factor), (
            f"instance 1: first third's peak {max(first):.0f} MB, last third's {max(last):.0f} MB (x{ratio:.2f});"
            f" {len(samples)} samples every {self.args.memory_interval:.0f} s")

    # --- the table ---

    def report(self, checks, started):
        every = self.writes + self.imports
        acked = [w for w in self.writes if w.acked]
        by_kind = collections.Counter(w.kind for w in self.writes)
        acked_kind = collections.Counter(w.kind for w in acked)
        reads = [a for a in ANSWERS if a.kind == "read"]
        read_outcomes = collections.Counter(a.status or a.error for a in reads)
        writes_answers = [a for a in ANSWERS if a.kind in ("write", "import")]
        write_outcomes = collections.Counter(
            (f"{a.status} {a.problem[len(PROBLEM):]}" if a.problem else a.status) if a.status else a.error
            for a in writes_answers)
        imports_acked = [w for w in self.imports if w.acked]
        load = (self.load_ended or time.monotonic()) - (self.load_began or time.monotonic())
        latencies = sorted(a.seconds for a in ANSWERS if a.kind in ("write", "import", "read") and a.status)
        faults = collections.Counter(f["fault"].split(",")[0].split(" of instance")[0] for f in self.faults)
        lines = [
            f"# Soak with crashes: {load:.0f} s of load on two instances, database {self.database}",
            "",
            f"PostgreSQL {getattr(self, 'server_version', '?')} (cluster {self.cluster.version}/{self.cluster.name});"
            f" the packaged jar with docker/jvm.options and MALLOC_ARENA_MAX=2; {self.args.writers} writers,"
            f" {self.args.readers} readers, one importer, one feed poller; run {self.run_id}, seed {self.args.seed},"
            f" {time.monotonic() - started:.0f} s in all.",
            "",
            "| what was done | |",
            "| --- | ---: |",
            f"| creates attempted (clusters, organizations, candidates, published counts) | {len(self.writes)}"
            f" ({', '.join(f'{k} {by_kind[k]}' for k in KINDS)}) |",
            f"| creates acknowledged | {len(acked)} ({', '.join(f'{k} {acked_kind[k]}' for k in KINDS)}) |",
            f"| creates retried (more than one attempt) | {sum(1 for w in self.writes if w.attempts > 1)}"
            f" ({sum(w.attempts for w in self.writes)} attempts; most for one: "
            f"{max((w.attempts for w in self.writes), default=0)}) |",
            f"| answers to keyed POSTs | {fmt_counter(write_outcomes)} |",
            f"| CSV imports attempted / acknowledged / refused as planned (a bad row) | {len(self.imports)} /"
            f" {len(imports_acked)} ({sum(len(w.markers) for w in imports_acked)} rows) /"
            f" {sum(1 for w in self.imports if w.rejected)} |",
            f"| CSV imports retried | {sum(1 for w in self.imports if w.attempts > 1)} |",
            f"| acknowledged keys sent again (during and after the run) | {sum(len(w.replays) for w in every)} |",
            f"| reads (lists, single records, indicators; half no-cache, some If-None-Match) | {len(reads)}"
            f" ({fmt_counter(read_outcomes)}) |",
            f"| change-feed polls / broken off by a fault | {len(self.polls)} / {self.poll_failures} |",
            f"| median / 99th percentile / longest answer | {pct(latencies, 50):.3f} / {pct(latencies, 99):.3f} /"
            f" {latencies[-1] if latencies else 0:.1f} s |",
            f"| SIGKILLs of an instance | {faults['SIGKILL']} |",
            f"| PostgreSQL restarts | {faults['PostgreSQL restart (-m fast)']} |",
            f"| PostgreSQL freezes | {sum(1 for f in self.faults if f.get('freeze'))} |",
            "",
            "| fault | at | what it cost (requests under way until both were ready) | both instances ready again |",
            "| --- | ---: | --- | ---: |",
        ]
        for f in self.faults:
            ready = f"{f['ready']:.1f} s after it ended" if f["ready"] is not None else "**not within 120 s**"
            cost = "; ".join(x for x in (f["detail"], f.get("requests")) if x)
            lines.append(f"| {f['fault']} | {f['began'] - self.load_began:.0f} s | {cost} | {ready} |")
        lines += ["", "| check | result | numbers |", "| --- | --- | --- |"]
        for name, passed, numbers in checks:
            lines.append(f"| {name} | {'PASS' if passed else '**FAIL**'} | {numbers} |")
        lines += [
            "",
            f"Memory factor {self.args.memory_factor}: after the first third (warm-up included) the JVM's bounded"
            " pools may still fill: the heap from -Xms64m towards -Xmx128m, metaspace from about 74 to 84 MB as new"
            " kinds of answer are served, compiled code up to the 40 MB cache, about 100 MB on some 250 MB; past"
            f" x{self.args.memory_factor} the growth is more than those caps allow, so it is native memory that"
            " keeps growing. The absolute bound is the Kubernetes limit.",
        ]
        return "\n".join(lines)


def fmt_counter(counter):
    return ", ".join(f"{k}: {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def example_text(examples, n=3):
    return (" (e.g. " + "; ".join(str(e) for e in examples[:n]) + ")") if examples else ""


def pct(values, p):
    if not values:
        return 0.0
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=600, help="seconds of load (default 600); the faults"
                        " are scheduled at 15%%, 40%% and 65%% of it (and 85%% from 300 s on)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--think", type=float, default=0.05, help="seconds a writer waits between writes")
    parser.add_argument("--read-think", type=float, default=0.02)
    parser.add_argument("--import-interval", type=float, default=1.0)
    parser.add_argument("--write-deadline", type=float, default=60.0,
                        help="seconds a write is retried before it counts as unanswered (default 60)")
    parser.add_argument("--freeze-seconds", type=float, default=20.0,
                        help="how long the database stays frozen: longer than the socket timeout (10 s), so that the"
                             " bound on answers is what --frozen-within checks (default 20)")
    parser.add_argument("--frozen-within", type=float, default=15.0,
                        help="the longest answer allowed while the database is frozen (default 15 s)")
    parser.add_argument("--memory-factor", type=float, default=1.5)
    parser.add_argument("--memory-interval", type=float, default=3.0)
    parser.add_argument("--history-limit", type=int, default=3000, help="most histories read over HTTP")
    parser.add_argument("--final-replays", type=int, default=1000,
                        help="most acknowledged keys sent again after the run (the retried ones first)")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--inject", choices=["duplicate", "lost", "feed-gap", "orphan-claim"], action="append",
                        help="break something on purpose, to see the checks fail: a second row with an acknowledged"
                        " marker, an acknowledged row deleted, a change the poller forgets, three keys claimed"
                        " without an answer before they are sent (repeatable)")
    args = parser.parse_args()

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, terminate)
    started = time.monotonic()
    soak = Soak(args)
    checks = None
    text = None
    try:
        checks = soak.run()
        text = soak.report(checks, started)
    except Failure as e:
        log(f"the soak could not run: {e}")
        if soak.writes or soak.faults:
            text = soak.report([("the soak ran to its end", False, str(e))], started)
    except Exception:  # a bug of the script's own: its exit status says so (2), not a failed check (1)
        traceback.print_exc()
    finally:
        soak.teardown()
    if text:
        print(text, flush=True)
        with open(REPORT, "w") as f:
            f.write(text + "\n")
    if not checks:
        return 2  # the soak did not run to its end
    return 0 if all(passed for _, passed, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
