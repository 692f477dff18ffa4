#!/usr/bin/env python3
"""CPU per FinCompliance rule and generator, from a perf recording of csc (docs/performance.md, "Real CPU per rule").

    perf script -i with.data -F tid,ip,sym > with.txt
    bench/perf-by-rule.py with.txt [details per rule, default 0]

Every sample whose stack passes through FinCompliance's code is charged to the outermost FinCompliance frame's type
(the callback the compiler called: a rule, an engine a rule registered, or a generator), so the binding and JIT work a
callback triggers count as its own. The host's dispatch (`CombinedActions`, which calls the rules' callbacks) is looked
through; only samples in the dispatch itself are charged to it. Unlike csc's /reportanalyzer times, which are wall-clock time inside callbacks, these
are CPU samples: a callback that waits for a core costs nothing here.
"""
import collections
import re
import sys

DISPATCH = '.CombinedActions'
FRAME = re.compile(r'\] (FinCompliance\.[A-Za-z0-9_.`]+?)(?:\+[^:]*)?::([^(]+)')


def main(path, details):
    samples = 0
    through = 0
    by_type = collections.Counter()
    below = collections.defaultdict(collections.Counter)

    def flush(frames):
        nonlocal samples, through
        if not frames:
            return
        samples += 1
        ours = [(i, m) for i, m in ((i, FRAME.search(f)) for i, f in enumerate(frames)) if m]
        if not ours:
            return
        through += 1
        rules = [(i, m) for i, m in ours if not m.group(1).endswith(DISPATCH)]
        name = (rules or ours)[-1][1].group(1).rsplit('.', 1)[-1]
        by_type[name] += 1
        if details:
            i, innermost = ours[0]
            callee = re.sub(r'^.*?\] ', '', re.sub(r'\(.*', '', frames[i - 1])) if i > 0 else '(own code)'
            below[name][f"{innermost.group(1).rsplit('.', 1)[-1]}::{innermost.group(2)[:40]} -> {callee[-80:]}"] += 1

    frames = []
    with open(path, errors='replace') as lines:
        for line in lines:
            line = line.rstrip('\n')
            if not line.strip():
                flush(frames)
                frames = []
            elif line[0] in '\t ':
                parts = line.strip().split(' ', 1)
                frames.append(parts[1] if len(parts) > 1 else '')
    flush(frames)

    if samples == 0:
        sys.exit('no samples in ' + path)
    print(f'{samples} samples, {through} through FinCompliance ({through * 100 / samples:.2f} % of all CPU samples)')
    for name, count in by_type.most_common():
        print(f'{count:7d} {count * 100 / samples:6.2f} %  {name}')
        for where, n in below[name].most_common(details):
            print(f'          {n:6d}  {where}')


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)
