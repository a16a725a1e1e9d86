#!/usr/bin/env python3
# tests/cli: `lantai quiz import` of generated 20 MB files within 10x the file + 100 MB peak RSS; limits checked up front
"""usage: quiz_import_memory.py LANTAI PACKS_DIR

On copies of tests/packs/valid-minimal, each run bounded by a timeout and an address-space cap:
  - a 20 MB CSV file (61,000 questions) imports, its peak RSS at most 10x the file + 100 MB, and
    the bank it writes is within the size the pack loader reads (core/pack/loader.h);
  - a 20 MB GIFT file, whose bank would be 82 MB, is refused before anything is written with
    quiz.bank_too_large naming the file, the bank's size and the limit, within the same memory;
  - a 70 MB file is refused before it is read (file.too_large: the file, its size, the limit).
The peak RSS is the child's own (os.wait4), not the test's.
"""
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

MB = 1024 * 1024
LOADER_BANK_LIMIT = 64 * MB  # kQuizBankReadLimit
HERE = Path(__file__).resolve().parent
MAKE_QUIZ_FILE = HERE.parent / "bench" / "make_quiz_file.py"

failures = []


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    failures.append(message)


def measured(args, address_space, timeout=60):
    """Runs LANTAI ARGS under an address-space cap; returns (exit code, output, its own peak RSS
    in bytes, seconds). The RSS is the child's rusage from wait4."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    start = time.monotonic()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen([str(a) for a in args], stdout=out, stderr=subprocess.STDOUT,
                                 preexec_fn=limit, env=dict(os.environ, LANG="C.UTF-8", LC_ALL=""))
        killer = threading.Timer(timeout, child.kill)
        killer.start()
        _, status, usage = os.wait4(child.pid, 0)
        killer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        if time.monotonic() - start >= timeout:
            fail(f"{' '.join(map(str, args))} did not finish in {timeout} s")
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    return child.returncode, output, usage.ru_maxrss * 1024, time.monotonic() - start


def snapshot(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def fresh_pack(work, packs):
    pack = work / "pack"
    subprocess.run(["rm", "-rf", str(pack)], check=True)
    subprocess.run(["cp", "-r", str(packs / "valid-minimal"), str(pack)], check=True)
    return pack


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    lantai, packs = Path(sys.argv[1]), Path(sys.argv[2])
    with tempfile.TemporaryDirectory(prefix="lantai-quiz-memory-") as tmp:
        work = Path(tmp)
        for fmt in ("csv", "gift"):
            subprocess.run([sys.executable, str(MAKE_QUIZ_FILE), fmt, str(work / f"q20.{fmt}"),
                            "--bytes", str(20 * 1000 * 1000)], check=True, stderr=subprocess.DEVNULL)

        # A 20 MB CSV file imports within 10x + 100 MB, into a bank the loader reads.
        source = work / "q20.csv"
        target = 10 * source.stat().st_size + 100 * MB
        pack = fresh_pack(work, packs)
        code, output, peak, seconds = measured(
            [lantai, "quiz", "import", source, "--format", "csv", "--into", f"{pack}:bench"],
            target + 256 * MB)
        print(f"20 MB CSV: exit {code}, peak RSS {peak / MB:.0f} MB (target {target / MB:.0f} MB), "
              f"{seconds:.1f} s")
        if code != 0 or "imported 6" not in output or "into quiz/bench.json" not in output:
            fail(f"the 20 MB CSV import failed (exit {code}):\n{output[-2000:]}")
        if peak > target:
            fail(f"the 20 MB CSV import peaked at {peak / MB:.0f} MB RSS, over {target / MB:.0f} MB")
        bank = pack / "quiz" / "bench.json"
        if not bank.is_file() or bank.stat().st_size > LOADER_BANK_LIMIT:
            fail(f"{bank} is missing or larger than the loader's bank limit")
        if '"quiz/bench.json"' not in (pack / "pack.json").read_text(encoding="utf-8"):
            fail("pack.json does not list the new bank")

        # A 20 MB GIFT file would make an 82 MB bank: refused before writing, in the user's terms.
        source = work / "q20.gift"
        target = 10 * source.stat().st_size + 100 * MB
        pack = fresh_pack(work, packs)
        before = snapshot(pack)
        code, output, peak, seconds = measured(
            [lantai, "quiz", "import", source, "--format", "gift", "--into", f"{pack}:bench"],
            target + 256 * MB)
        print(f"20 MB GIFT: exit {code}, peak RSS {peak / MB:.0f} MB (target {target / MB:.0f} MB), "
              f"{seconds:.1f} s")
        refusal = [line for line in output.splitlines() if "[quiz.bank_too_large]" in line]
        if code != 1 or len(refusal) != 1:
            fail(f"the 20 MB GIFT import was not refused as quiz.bank_too_large (exit {code}):\n"
                 f"{output[-2000:]}")
        elif not all(part in refusal[0] for part in
                     (f"{source}: error", f"of {source} would make the quiz bank quiz/bench.json 8",
                      "more than the 64.0 MB a quiz bank can be")):
            fail("the refusal does not name the file, the bank's size and the limit: " + refusal[0])
        if "asset.unreadable" in output:
            fail("the refusal still speaks of a bank file the user never gave:\n" + output[-2000:])
        if snapshot(pack) != before:
            fail("the pack changed after a refused import")
        if peak > target:
            fail(f"the refused 20 MB GIFT import peaked at {peak / MB:.0f} MB RSS, over "
                 f"{target / MB:.0f} MB")

        # A file over the import limit is refused before it is read: no time, no memory.
        big = work / "big.gift"
        with open(big, "wb") as f:
            f.truncate(70 * MB)
        code, output, peak, seconds = measured(
            [lantai, "quiz", "import", big, "--into", str(pack)], 512 * MB, timeout=20)
        print(f"70 MB GIFT: exit {code}, peak RSS {peak / MB:.0f} MB, {seconds:.1f} s")
        if code != 2 or f'"{big}" is 70.0 MB, more than the 64.0 MB' not in output:
            fail(f"the 70 MB file was not refused up front (exit {code}):\n{output[-2000:]}")
        if peak > 50 * MB:
            fail(f"refusing the 70 MB file took {peak / MB:.0f} MB: was it read?")

    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("quiz import memory: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
