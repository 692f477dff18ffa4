#!/usr/bin/env python3
"""FinCompliance's overhead from perf recordings, measured against the compiler's own work instead of the clock.

    perf script -i without1.data -F ip,sym,dso > without1.txt     (and the same for every recording)
    bench/perf-shares.py without1.txt with1.txt [without2.txt with2.txt ...]

On this VM the same compile takes ±15 % more or less time from one run to the next, so a with/without pair of wall or
CPU times cannot resolve a few per cent (docs/performance.md, "Sixth round"). Within one recording, though, every
sample is taken on the same machine at the same time. The samples under the method compiler (`MethodCompiler`:
binding, lowering and emitting method bodies) are work the compiler does whatever analyzers are loaded, so they serve
as the yardstick: each recording's samples are counted per 100 method-compiler samples, and the overhead of a pair is
how much more the build with FinCompliance needed per unit of compiler work. A VM period that slows the whole run
scales the yardstick with it.

Each sample is put in the first category whose frames it has, in this order:
  FinCompliance  a frame of FinCompliance's code (its callbacks, and the binding, graphs and JIT they trigger)
  driver         the analyzer driver and executor (operation trees, semantic models, dispatching the actions)
  generators     the generator driver
  compiler       the method compiler (the yardstick)
  emit           the PE writer and code generation outside the method compiler
  runtime        native runtime frames only (no managed frame: the GC's threads, above all)
  jit            the JIT
  other          everything else (parsing, declarations, runtime helpers under managed code, the thread pool)
"""
import collections
import random
import sys

CATEGORIES = [
    ('FinCompliance', ('FinCompliance',)),
    ('driver', ('AnalyzerDriver', 'AnalyzerExecutor', 'CompilationWithAnalyzers', 'AnalyzerManager')),
    ('generators', ('GeneratorDriver',)),
    ('compiler', ('MethodCompiler',)),
    ('emit', ('PEWriter', 'CodeGen.', 'Emit.')),
]
NAMES = [name for name, _ in CATEGORIES] + ['runtime', 'jit', 'other']


def categorize(frames):
    stack = ' | '.join(frames)
    for name, keys in CATEGORIES:
        if any(key in stack for key in keys):
            return name
    if 'libclrjit' in stack:
        return 'jit'
    if 'libcoreclr' in frames[0] and not any('perf-' in frame for frame in frames):
        return 'runtime'
    return 'other'


def load(path):
    counts = collections.Counter()
    frames = []
    with open(path, errors='replace') as lines:
        for line in lines:
            if not line.strip():
                if frames:
                    counts[categorize(frames)] += 1
                frames = []
            elif line[0] in ' \t':
                frames.append(line.strip())
    if frames:
        counts[categorize(frames)] += 1
    return counts


def mean_interval(values, resamples=2000):
    """The 5th and 95th percentiles of the mean over resamples drawn with replacement (seeded: the same pairs, the same answer)."""
    draw = random.Random(6)
    means = sorted(sum(draw.choice(values) for _ in values) / len(values) for _ in range(resamples))
    return means[resamples // 20], means[resamples - resamples // 20 - 1]


def main(paths):
    if len(paths) < 2 or len(paths) % 2:
        sys.exit('usage: perf-shares.py without1.txt with1.txt [without2.txt with2.txt ...]')
    recordings = [(path, load(path)) for path in paths]
    print('%-24s' % 'samples' + ''.join('%14s' % name for name in NAMES) + '%10s' % 'total')
    for path, counts in recordings:
        print('%-24s' % path[-24:] + ''.join('%14d' % counts[name] for name in NAMES) + '%10d' % sum(counts.values()))
    print('\nper 100 method-compiler samples')
    for path, counts in recordings:
        unit = counts['compiler'] / 100
        print('%-24s' % path[-24:] + ''.join('%14.2f' % (counts[name] / unit) for name in NAMES)
              + '%10.2f' % (sum(counts.values()) / unit))

    overheads = []
    extra = collections.Counter()
    print('\npair: overhead over the build without FinCompliance, per unit of compiler work')
    for index in range(0, len(recordings), 2):
        without, with_ = recordings[index][1], recordings[index + 1][1]
        per_without = sum(without.values()) / without['compiler']
        per_with = sum(with_.values()) / with_['compiler']
        overhead = (per_with / per_without - 1) * 100
        overheads.append(overhead)
        for name in NAMES:
            extra[name] += (with_[name] / with_['compiler'] - without[name] / without['compiler']) * 100 / per_without
        print('  %d: %+.1f %%  (samples %d -> %d, %+.1f %% by the clock)' % (
            index // 2 + 1, overhead, sum(without.values()), sum(with_.values()),
            (sum(with_.values()) / sum(without.values()) - 1) * 100))
    pairs = len(overheads)
    overheads.sort()
    median = overheads[pairs // 2] if pairs % 2 else (overheads[pairs // 2 - 1] + overheads[pairs // 2]) / 2
    low, high = mean_interval(overheads)
    print('mean of %d pair(s): %+.1f %% (90 %% bootstrap interval %+.1f … %+.1f %%)' % (pairs, sum(overheads) / pairs, low, high))
    print('median of %d pair(s): %+.1f %%; where it goes (mean over the pairs, %% of the build without):' % (pairs, median))
    for name in NAMES:
        if name != 'compiler':
            print('  %-14s %+6.2f %%' % (name, extra[name] / pairs))


if __name__ == '__main__':
    main(sys.argv[1:])
