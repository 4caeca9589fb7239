"""Measures Barrack Script against its peers; `bench/run` prepares the tools and calls this.

Every time is wall-clock time of a whole process, taken outside the program, and every table cell is
the median of several runs: the benchmark machine has 2 cores shared with other builds, so single
runs are noisy and the median is the number that repeats. Within each round the languages take turns
in a rotated order, so a burst of load from elsewhere does not always fall on the same language.

Output is Markdown, so a run can be pasted into docs/PERFORMANCE.md as it is.
Standard library only: the harness must run on a bare machine.
"""

import argparse
import os
import resource
import pty
import re
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROGRAMS = BENCH / "programs"

# (file stem, what the table calls it)
BENCHMARKS = [
    ("fib", "fib(27): calls"),
    ("loop", "10M-iteration integer loop"),
    ("closures", "map/filter/sort of 200k (closures)"),
    ("strings", "interpolate + join 200k strings"),
    ("maps", "map insert/lookup 200k keys"),
    ("lists", "list append/len/index 1M"),
    ("floats", "escape-time floats, 1M iterations"),
    ("capture", "make/compose/call 200k closures"),
]

# Each program prints a checksum, so a fast wrong answer shows up as a failure, not a win.
TIMEOUT_SECONDS = 600


class Languages:
    """The interpreters under test and how each runs a file or a line of code."""

    def __init__(self, barrack, python, lua, tcl, baseline=None, engines=None):
        self.barrack, self.python, self.lua, self.tcl = barrack, python, lua, tcl
        self.baseline = baseline
        # With `--engines vm,tree`, the first engine is the "barrack" column and each other one a
        # column of its own, the same binary with BARRACK_ENGINE set.
        self.engines = engines or []

    def barracks(self):
        """(column name, binary) of the barrack under test, and of the baseline when one is given."""
        columns = [("barrack", self.barrack)] + [(engine, self.barrack) for engine in self.engines[1:]]
        return columns + ([("before", self.baseline)] if self.baseline else [])

    def environment(self, name):
        """The environment a column's process runs with (None: this one's)."""
        if not self.engines or name not in ["barrack"] + self.engines[1:]:
            return None
        engine = self.engines[0] if name == "barrack" else name
        return dict(os.environ, BARRACK_ENGINE=engine)

    def other_engines(self):
        return self.engines[1:]

    def program_commands(self, stem):
        """The command lines that run one benchmark, in the table's column order."""
        return [(name, [binary, str(PROGRAMS / f"{stem}.brk")]) for name, binary in self.barracks()] + [
            ("python3", [self.python, str(PROGRAMS / f"{stem}.py")]),
            ("lua5.4", [self.lua, str(PROGRAMS / f"{stem}.lua")]),
            ("tclsh", [self.tcl, str(PROGRAMS / f"{stem}.tcl")]),
        ]

    def startup_commands(self):
        return [(name, [binary, "-e", "print 1"]) for name, binary in self.barracks()] + [
            ("python3", [self.python, "-c", "print(1)"]),
            ("lua5.4", [self.lua, "-e", "print(1)"]),
        ]


class Outcome:
    """One process run: its wall time, output and whether it succeeded."""

    def __init__(self, seconds, stdout, stderr, status):
        self.seconds, self.stdout, self.stderr, self.status = seconds, stdout, stderr, status

    @property
    def failure(self):
        """A one-line reason when the run failed, else None."""
        if self.status == 0:
            return None
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return f"exit {self.status}: {lines[0] if lines else 'no message'}"


# "wall" (the default) or "cpu": user + system CPU time of the process, which a machine busy with
# other work disturbs far less than wall time (`--cpu`).
CLOCK = {"mode": "wall"}


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command, env=None):
    """Runs a command to completion and returns its Outcome."""
    start, cpu_start = time.perf_counter(), children_cpu()
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return Outcome(TIMEOUT_SECONDS, "", f"timed out after {TIMEOUT_SECONDS} s", -1)
    elapsed = children_cpu() - cpu_start if CLOCK["mode"] == "cpu" else time.perf_counter() - start
    return Outcome(elapsed, done.stdout, done.stderr, done.returncode)


def rotated(items, round_index):
    """The items starting at a different one each round."""
    shift = round_index % len(items)
    return items[shift:] + items[:shift]


def median(values):
    return statistics.median(values) if values else None


def seconds(value):
    if value is None:
        return "n/a"
    return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value:.3f} s"


def ratio(numerator, denominator):
    if numerator is None or denominator is None or denominator == 0:
        return "n/a"
    return f"{numerator / denominator:.1f}×"


def progress(message):
    print(message, file=sys.stderr, flush=True)


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# --- programs -------------------------------------------------------------------------------------

def run_programs(languages, runs):
    """Runs every benchmark `runs` times per language; returns the table and whether all agreed."""
    times = {(stem, name): [] for stem, _ in BENCHMARKS for name, _ in languages.program_commands(stem)}
    problems = {}
    for round_index in range(runs):
        for stem, _ in BENCHMARKS:
            expected = (PROGRAMS / f"{stem}.expected").read_text()
            for name, command in rotated(languages.program_commands(stem), round_index):
                if (stem, name) in problems:
                    continue
                outcome = timed(command, env=languages.environment(name))
                if outcome.failure:
                    problems[(stem, name)] = outcome.failure
                elif outcome.stdout != expected:
                    problems[(stem, name)] = f"wrong checksum {outcome.stdout.strip()!r}, expected {expected.strip()!r}"
                else:
                    times[(stem, name)].append(outcome.seconds)
            progress(f"round {round_index + 1}/{runs}: {stem} done")

    names = [name for name, _ in languages.program_commands(BENCHMARKS[0][0])]
    header = ["benchmark"] + names + ["barrack/python3", "barrack/lua5.4"]
    header += [f"barrack/{engine}" for engine in languages.other_engines()]
    header += ["barrack/before"] if "before" in names else []
    header.append("checksum")
    rows = []
    for stem, title in BENCHMARKS:
        medians = {name: (None if (stem, name) in problems else median(times[(stem, name)])) for name in names}
        cells = [title]
        cells += ["FAILED" if (stem, name) in problems else seconds(medians[name]) for name in names]
        cells += [ratio(medians["barrack"], medians["python3"]), ratio(medians["barrack"], medians["lua5.4"])]
        cells += [ratio(medians["barrack"], medians[engine]) for engine in languages.other_engines()]
        if "before" in names:
            cells.append(ratio(medians["barrack"], medians["before"]))
        cells.append((PROGRAMS / f"{stem}.expected").read_text().strip())
        rows.append(cells)
    text = markdown_table(header, rows)
    if problems:
        text += "\n\nFailures:\n" + "\n".join(f"- {stem} in {name}: {why}" for (stem, name), why in problems.items())
    return text, not problems


# --- instruction counts ---------------------------------------------------------------------------

def instructions(command, env=None):
    """Instructions one run executes under valgrind's callgrind (load-independent), or None."""
    try:
        done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + command,
                              capture_output=True, text=True, env=env, timeout=TIMEOUT_SECONDS * 4)
    except subprocess.TimeoutExpired:
        return None
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found and done.returncode == 0 else None


def millions(count):
    return "n/a" if count is None else f"{count / 1e6:,.0f} M"


def run_instructions(languages, stripped):
    """One run of each program per language under callgrind: a column the machine's load does not move.

    barrack runs as `stripped`, the same binary without its DWARF sections, which this valgrind
    cannot read."""
    names = [name for name, _ in languages.program_commands(BENCHMARKS[0][0]) if name != "tclsh"]
    header = ["benchmark"] + names + ["barrack/python3", "barrack/lua5.4"]
    header += [f"barrack/{engine}" for engine in languages.other_engines()]
    rows = []
    for stem, title in BENCHMARKS:
        counts = {}
        for name, command in languages.program_commands(stem):
            if name in names:
                if command[0] == languages.barrack and stripped:
                    command = [stripped] + command[1:]
                counts[name] = instructions(command, env=languages.environment(name))
        progress(f"instructions: {stem} done")
        cells = [title] + [millions(counts[name]) for name in names]
        cells += [ratio(counts["barrack"], counts["python3"]), ratio(counts["barrack"], counts["lua5.4"])]
        cells += [ratio(counts["barrack"], counts[engine]) for engine in languages.other_engines()]
        rows.append(cells)
    return markdown_table(header, rows)


# --- start-up -------------------------------------------------------------------------------------

def run_startup(languages, runs=20):
    """Median wall time of printing 1, the whole process, per language."""
    commands = languages.startup_commands()
    times = {name: [] for name, _ in commands}
    failures = {}
    for round_index in range(runs):
        for name, command in rotated(commands, round_index):
            outcome = timed(command, env=languages.environment(name))
            if outcome.failure or outcome.stdout.strip() != "1":
                failures[name] = outcome.failure or f"printed {outcome.stdout!r}"
            else:
                times[name].append(outcome.seconds)
    barrack = median(times["barrack"]) if "barrack" not in failures else None
    row = [f"start-up: print 1 (median of {runs})"]
    row += ["FAILED" if name in failures else seconds(median(times[name])) for name, _ in commands]
    row += [ratio(barrack, median(times["python3"])), ratio(barrack, median(times["lua5.4"]))]
    names = [name for name, _ in commands]
    header = ["measure"] + names + ["barrack/python3", "barrack/lua5.4"]
    if "before" in names:
        header.append("barrack/before")
        row.append(ratio(barrack, median(times["before"]) if "before" not in failures else None))
    text = markdown_table(header, [row])
    if failures:
        text += "\n\nFailures:\n" + "\n".join(f"- {name}: {why}" for name, why in failures.items())
    return text


# --- barrack check on a large script --------------------------------------------------------------

def large_script(blocks):
    """A script of `blocks` ten-line blocks using functions, defaults, maps, lists, loops and strings."""
    lines = []
    for i in range(blocks):
        lines += [
            f"fn step_{i}(a, b = {i % 9 + 1}) {{",
            f"  let x = a * b + {i}",
            f'  if x > 10 {{ return "big {{x}}" }} else {{ return str(x) }}',
            "}",
            f"let v_{i} = step_{i}({i % 5})",
            f'let m_{i} = {{name: "n{i}", sizes: [1, 2, 3].map(fn(s) s * {i % 7 + 1}), region: FINLAND-1}}',
            f"for j in range(3) where j % 2 == 0 {{",
            f"  m_{i}[\"k{{j}}\"] = v_{i}.len() + j",
            "}",
            f"while m_{i}.sizes.len() > 5 {{ m_{i}.sizes.pop() }}",
        ]
    return "\n".join(lines) + "\n"


def large_python(blocks):
    """The Python twin of `large_script`: the same ten-line blocks, statement for statement."""
    lines = []
    for i in range(blocks):
        lines += [
            f"def step_{i}(a, b={i % 9 + 1}):",
            f"    x = a * b + {i}",
            f'    return f"big {{x}}" if x > 10 else str(x)',
            f"v_{i} = step_{i}({i % 5})",
            f'm_{i} = {{"name": "n{i}", "sizes": list(map(lambda s: s * {i % 7 + 1}, [1, 2, 3])), "region": "FINLAND-1"}}',
            f"for j in range(3):",
            f"    if j % 2 == 0:",
            f'        m_{i}[f"k{{j}}"] = len(v_{i}) + j',
            f'while len(m_{i}["sizes"]) > 5:',
            f'    m_{i}["sizes"].pop()',
        ]
    return "\n".join(lines) + "\n"


def run_check(languages, runs, line_count=100_000):
    """Median time of `barrack check` on a generated script of `line_count` lines."""
    values, failures, check_times = [], [], []
    with tempfile.TemporaryDirectory(prefix="barrack-bench-") as folder:
        path = Path(folder) / "large.brk"
        path.write_text(large_script(line_count // 10))
        for name, binary in languages.barracks():
            times, failure = [], None
            for _ in range(runs):
                outcome = timed([binary, "check", str(path)])
                if outcome.failure:
                    failure = outcome.failure
                    break
                times.append(outcome.seconds)
            values.append("FAILED" if failure else seconds(median(times)))
            if not failure:
                check_times.append(median(times))
            if failure:
                failures.append(f"{name}: {failure}")
        # Python's side: compile() of the same program, in a whole process like `barrack check`.
        twin = Path(folder) / "large.py"
        twin.write_text(large_python(line_count // 10))
        compile_python = [languages.python, "-c", f"compile(open({str(twin)!r}).read(), 'large.py', 'exec')"]
        python_times = []
        for _ in range(runs):
            outcome = timed(compile_python)
            if outcome.failure:
                failures.append(f"python3 compile(): {outcome.failure}")
                break
            python_times.append(outcome.seconds)
    python_value = seconds(median(python_times)) if python_times else "FAILED"
    header = ["measure"] + [name for name, _ in languages.barracks()] + ["python3 compile()"]
    row = [f"`barrack check` on {line_count:,} lines (median of {runs})"] + values + [python_value]
    if python_times and values and values[0] != "FAILED":
        header.append("barrack/python3")
        row.append(ratio(check_times[0], median(python_times)))
    text = markdown_table(header, [row])
    if failures:
        text += "\n\nFailure: " + "; ".join(failures)
    return text


# --- REPL idle memory -----------------------------------------------------------------------------

def resident_kilobytes(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return None


def repl_memory(binary, idle_seconds=1.0):
    """RSS of `barrack` with no arguments on a pseudo-terminal after 1 s idle, or None without a REPL.

    A REPL shows a prompt on a terminal; a build without one reads standard input silently, so no
    output within the idle second means there is no REPL to measure.
    """
    pid, master = pty.fork()
    if pid == 0:
        os.execv(binary, [binary])
    shown = b""
    deadline = time.monotonic() + idle_seconds
    while (remaining := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([master], [], [], remaining)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    time.sleep(max(0.0, deadline - time.monotonic()))
    alive = os.waitpid(pid, os.WNOHANG) == (0, 0)
    kilobytes = resident_kilobytes(pid) if alive else None
    if alive:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(master)
    return kilobytes if (alive and shown.strip()) else None


def run_repl_memory(languages):
    values = []
    for _, binary in languages.barracks():
        kilobytes = repl_memory(binary)
        values.append("n/a (no REPL in this build)" if kilobytes is None else f"{kilobytes / 1024:.1f} MB")
    header = ["measure"] + [name for name, _ in languages.barracks()]
    return markdown_table(header, [["REPL idle RSS after 1 s"] + values])


# --- API fan-out ----------------------------------------------------------------------------------

FANOUT_CALLS = 200
FANOUT_LIMIT = 16
FANOUT_LATENCY_SECONDS = 0.020

SETUP_SCRIPT = """
let key = create_ssh_key name: "bench-key"
let models = ["RTX-A6000", "L40", "A100-PCIe-80GB", "A100-PCIe-NVLink-80GB", "H100-PCIe-80GB",
              "H100-PCIe-NVLink-80GB", "H100-SXM5-80GB", "H200-141GB", "B200-180GB", "B300-262GB"]
let regions = [FINLAND-1, FINLAND-2, FINLAND-3, ICELAND-1, CANADA-1]
let ids = []
let last = "none"
for model in models {
  for region in regions {
    let open = true
    while open and len(ids) < COUNT {
      try {
        let vm = deploy gpu: model x 1 in region name: "bench-{len(ids)}" ssh_keys: [key.id]
        ids.append(vm.id)
        print "id {vm.id}"
      } catch err {
        open = false
        last = "{err.code}: {err.message}"
      }
    }
  }
}
if len(ids) < COUNT { print "error {last}" }
""".replace("COUNT", str(FANOUT_CALLS))


def sandbox_available(barrack):
    try:
        done = subprocess.run([barrack, "sandbox", "serve", "--help"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and "--port" in done.stdout + done.stderr


def start_server(barrack, folder):
    """Starts the sandbox server on a free port; returns the process and the port it printed."""
    env = dict(os.environ, XDG_DATA_HOME=str(folder / "data"), BARRACK_CONFIG=str(folder / "none.toml"))
    server = subprocess.Popen([barrack, "sandbox", "serve", "--port", "0", "--faults", "latency=20ms"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    ready, _, _ = select.select([server.stdout], [], [], 30)
    first = server.stdout.readline() if ready else ""
    ports = re.findall(r":(\d+)", first)
    if not ports:
        server.kill()
        server.wait()
        raise RuntimeError(f"the sandbox server printed no address on its first line (got {first.strip()!r})")
    return server, int(ports[-1])


def run_fanout(languages, runs):
    """Times 200 instance(id) reads, sequential and `parallel for … limit 16`, against the ideal."""
    heading = (f"API fan-out: {FANOUT_CALLS} instance(id) calls against `barrack sandbox serve --faults "
               f"latency=20ms`, sequential vs `parallel for … limit {FANOUT_LIMIT}`")
    if not sandbox_available(languages.barrack):
        return heading + "\n\nSkipped: `barrack sandbox serve --help` does not succeed in this build."
    with tempfile.TemporaryDirectory(prefix="barrack-fanout-") as name:
        folder = Path(name)
        try:
            server, port = start_server(languages.barrack, folder)
        except (OSError, RuntimeError) as error:
            return heading + f"\n\nFailed to start the sandbox server: {error}"
        try:
            env = dict(os.environ, BARRACK_API_KEY="bench", BARRACK_API_URL=f"http://127.0.0.1:{port}",
                       BARRACK_CONFIG=str(folder / "none.toml"), XDG_DATA_HOME=str(folder / "data"))
            setup = folder / "setup.brk"
            setup.write_text(SETUP_SCRIPT)
            progress(f"fan-out: deploying {FANOUT_CALLS} instances on port {port}")
            outcome = timed([languages.barrack, str(setup)], env)
            ids = [line.split(" ", 1)[1] for line in outcome.stdout.splitlines() if line.startswith("id ")]
            notes = [line for line in outcome.stdout.splitlines() if line.startswith("error ")]
            if outcome.failure or not ids:
                return heading + f"\n\nFailed to deploy: {outcome.failure or (notes[0] if notes else 'no instance')}"
            # Fewer instances than calls (stock or credits ran out) still give FANOUT_CALLS reads.
            targets = [ids[i % len(ids)] for i in range(FANOUT_CALLS)]
            literal = "[" + ", ".join(f'"{i}"' for i in targets) + "]"
            sequential = folder / "sequential.brk"
            sequential.write_text(f"let ids = {literal}\nfor id in ids {{\n  let vm = instance(id)\n}}\n")
            parallel = folder / "parallel.brk"
            parallel.write_text(f"let ids = {literal}\nparallel for id in ids limit {FANOUT_LIMIT} {{\n"
                                "  let vm = instance(id)\n}\n")
            times = {"sequential": [], "parallel": []}
            for round_index in range(runs):
                for kind, path in rotated([("sequential", sequential), ("parallel", parallel)], round_index):
                    outcome = timed([languages.barrack, str(path)], env)
                    if outcome.failure:
                        return heading + f"\n\nFailed ({kind}): {outcome.failure}"
                    times[kind].append(outcome.seconds)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    ideal_sequential = FANOUT_CALLS * FANOUT_LATENCY_SECONDS
    ideal_parallel = ideal_sequential / FANOUT_LIMIT
    rows = [
        ["sequential `for`", seconds(median(times["sequential"])), f"N·L = {seconds(ideal_sequential)}",
         ratio(median(times["sequential"]), ideal_sequential)],
        [f"`parallel for … limit {FANOUT_LIMIT}`", seconds(median(times["parallel"])),
         f"N·L/C = {seconds(ideal_parallel)}", ratio(median(times["parallel"]), ideal_parallel)],
    ]
    table = markdown_table(["mode", "barrack (median)", "ideal", "measured/ideal"], rows)
    note = "" if len(ids) == FANOUT_CALLS else (f"\n\n{len(ids)} distinct instances were deployed "
                                                 f"({notes[0] if notes else 'no reason given'}); reads cycle over them.")
    return heading + f" (N = {FANOUT_CALLS}, L = 20 ms, C = {FANOUT_LIMIT})\n\n" + table + note


# --- main -----------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per language and benchmark (default 5)")
    parser.add_argument("--barrack", required=True)
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--lua", default="lua5.4")
    parser.add_argument("--tcl", default="tclsh")
    parser.add_argument("--baseline", help="another barrack binary to time beside it (a 'before' column)")
    parser.add_argument("--only", help="comma-separated benchmark stems to run (default: all)")
    parser.add_argument("--cpu", action="store_true",
                        help="time user + system CPU of each process instead of wall time (for a busy machine)")
    parser.add_argument("--skip", default="", help="comma-separated sections to leave out: check, repl, fanout")
    parser.add_argument("--engines", help="comma-separated engines (vm, tree): the first is the barrack column, "
                                          "each other one a column of its own")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions under valgrind's callgrind (barrack, python3, lua5.4)")
    parser.add_argument("--stripped-barrack", help="the barrack binary without debug sections, for callgrind")
    options = parser.parse_args()
    if options.cpu:
        CLOCK["mode"] = "cpu"
    skipped = set(filter(None, options.skip.split(",")))
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    engines = list(filter(None, (options.engines or "").split(",")))
    if any(engine not in ("vm", "tree") for engine in engines):
        parser.error("--engines takes vm and tree")
    languages = Languages(options.barrack, options.python, options.lua, options.tcl, options.baseline, engines)
    if options.only:
        wanted = options.only.split(",")
        unknown = [stem for stem in wanted if stem not in dict(BENCHMARKS)]
        if unknown:
            parser.error(f"--only: no benchmark named {', '.join(unknown)}")
        BENCHMARKS[:] = [entry for entry in BENCHMARKS if entry[0] in wanted]

    sections = []
    progress("programs …")
    programs, agreed = run_programs(languages, options.runs)
    clock = "CPU time (user + system)" if options.cpu else "wall time"
    sections.append(f"## Programs (median of {options.runs} runs, seconds of {clock})\n\n{programs}")
    if engines:
        sections[-1] += f"\n\n`barrack` is `BARRACK_ENGINE={engines[0]}`" + "".join(
            f"; `{engine}` is the same binary with `BARRACK_ENGINE={engine}`" for engine in engines[1:]) + "."
    if options.instructions:
        progress("instructions …")
        sections.append("## Instructions (one run each under valgrind's callgrind; the load does not move them)\n\n"
                        + run_instructions(languages, options.stripped_barrack))
    progress("start-up …")
    sections.append("## Start-up\n\n" + run_startup(languages))
    if "check" not in skipped:
        progress("check …")
        sections.append("## `barrack check`\n\n" + run_check(languages, options.runs))
    if "repl" not in skipped:
        progress("REPL memory …")
        sections.append("## REPL idle memory\n\n" + run_repl_memory(languages))
    if "fanout" not in skipped:
        progress("API fan-out …")
        sections.append("## API fan-out\n\n" + run_fanout(languages, options.runs))
    print("\n\n".join(sections))
    return 0 if agreed else 1


if __name__ == "__main__":
    sys.exit(main())
