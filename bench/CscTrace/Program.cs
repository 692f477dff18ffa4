using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Analysis;
using Microsoft.Diagnostics.Tracing.Etlx;
using TraceLog = Microsoft.Diagnostics.Tracing.Etlx.TraceLog;

// Reads .nettrace files recorded from csc with dotnet-trace (see docs/performance.md, "Profiling csc"):
//   diff <a.nettrace> <b.nettrace> [top=40] [filter]  frames whose inclusive / exclusive samples grew most from a to b, and GC counts
//   top <trace> [top=40] [filter]                     frames by inclusive samples
//   callers <trace> <frame> [depth=4]                 the call chains that lead to a frame
//   callees <trace> <frame> [depth=2]                 where the samples under a frame go
//   jit <trace>                                       JIT time and tier per namespace; FinCompliance's slowest and tier-0 methods
//   jitdiff <a> <b> [top=40]                          what b JIT-compiled that a did not, by type (both recorded like jit)
//   alloc <trace> [owner]                             sampled allocations by the outermost FinCompliance frame and type;
//                                                     with an owner, that owner's allocations by their innermost FinCompliance frame
//   allocdiff <a> <b> [top=25]                        what b allocated more than a: by area (FinCompliance, analyzer driver, generators, compiler), type and allocating method
//   gc <trace>...                                     each trace's collections per generation: count, pauses, time from start to end, promoted and surviving heap
// Sample traces need --providers Microsoft-DotNETCore-SampleProfiler,Microsoft-Windows-DotNETRuntime:0x14C14FCCBD:4;
// jit needs Microsoft-Windows-DotNETRuntime:0x10:5; gc 0x1:4; alloc Microsoft-Windows-DotNETRuntime:0x1:5. The sample profiler samples waiting threads too: read deltas, not totals.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: diff|top|callers|callees|jit|jitdiff|alloc|allocdiff|gc <trace> ... (see Program.cs)");
    return 1;
}

int Int(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;
string? Str(int index) => args.Length > index ? args[index] : null;

switch (args[0])
{
    case "diff":
        Diff(Profile.Read(args[1]), Profile.Read(args[2]), Int(3, 40), Str(4));
        break;
    case "top":
        var profile = Profile.Read(args[1]);
        Console.WriteLine($"samples {profile.Total}; {profile.Gc}");
        foreach (var (frame, count) in profile.Inclusive.Where(kv => Str(3) is not { } f || kv.Key.Contains(f)).OrderByDescending(kv => kv.Value).Take(Int(2, 40)))
        {
            Console.WriteLine($"{count,8} {profile.Exclusive.GetValueOrDefault(frame),8}  {Shorten(frame)}");
        }

        break;
    case "callers":
        Chains(args[1], args[2], Int(3, 4), towardsLeaf: false);
        break;
    case "callees":
        Chains(args[1], args[2], Int(3, 2), towardsLeaf: true);
        break;
    case "jit":
        Jit(args[1]);
        break;
    case "jitdiff":
        JitDiff(args[1], args[2], Int(3, 40));
        break;
    case "alloc":
        Allocations(args[1], Str(2));
        break;
    case "allocdiff":
        AllocationDiff(args[1], args[2], Int(3, 25));
        break;
    case "gc":
        Collections(args.Skip(1));
        break;
    default:
        Console.Error.WriteLine($"unknown command {args[0]}");
        return 1;
}

return 0;

static void Diff(Profile a, Profile b, int top, string? filter)
{
    Console.WriteLine($"samples: a {a.Total}, b {b.Total}");
    Console.WriteLine($"a: {a.Gc}");
    Console.WriteLine($"b: {b.Gc}");
    var rows = a.Inclusive.Keys.Union(b.Inclusive.Keys)
        .Where(frame => filter is null || frame.Contains(filter, StringComparison.OrdinalIgnoreCase))
        .Select(frame => (Frame: frame,
            InA: a.Inclusive.GetValueOrDefault(frame), InB: b.Inclusive.GetValueOrDefault(frame),
            ExA: a.Exclusive.GetValueOrDefault(frame), ExB: b.Exclusive.GetValueOrDefault(frame)))
        .ToList();
    Console.WriteLine("--- inclusive: delta, a, b ---");
    foreach (var row in rows.OrderByDescending(r => r.InB - r.InA).Take(top))
    {
        Console.WriteLine($"{row.InB - row.InA,7} {row.InA,7} {row.InB,7}  {Shorten(row.Frame)}");
    }

    Console.WriteLine("--- exclusive: delta, a, b ---");
    foreach (var row in rows.OrderByDescending(r => r.ExB - r.ExA).Take(top))
    {
        Console.WriteLine($"{row.ExB - row.ExA,7} {row.ExA,7} {row.ExB,7}  {Shorten(row.Frame)}");
    }
}

static void Chains(string path, string target, int depth, bool towardsLeaf)
{
    var chains = new Dictionary<string, int>();
    var hits = 0;
    foreach (var frames in Profile.Stacks(path))
    {
        // frames[0] is the leaf. Callers: above the outermost occurrence; callees: below the innermost one.
        var index = towardsLeaf ? frames.FindIndex(f => f.Contains(target)) : frames.FindLastIndex(f => f.Contains(target));
        if (index < 0)
        {
            continue;
        }

        hits++;
        var parts = new List<string>();
        for (var i = towardsLeaf ? index - 1 : index + 1; i >= 0 && i < frames.Count && parts.Count < depth; i += towardsLeaf ? -1 : 1)
        {
            parts.Add(Name(frames[i]));
        }

        var key = parts.Count == 0 ? "(self)" : string.Join(towardsLeaf ? " -> " : " <- ", parts);
        chains[key] = chains.GetValueOrDefault(key) + 1;
    }

    Console.WriteLine($"{target}: {hits} samples");
    foreach (var (chain, count) in chains.OrderByDescending(kv => kv.Value).Take(30))
    {
        Console.WriteLine($"{count,7}  {chain}");
    }
}

static void Jit(string path)
{
    using var source = new EventPipeEventSource(path);
    var started = new Dictionary<long, (double At, string Name)>();
    var byArea = new Dictionary<string, (double Ms, int Count)>();
    var ours = new List<(double Ms, string Name, string Tier)>();
    source.Clr.MethodJittingStarted += e => started[e.MethodID] = (e.TimeStampRelativeMSec, e.MethodNamespace + "::" + e.MethodName);
    source.Clr.MethodLoadVerbose += e =>
    {
        if (!started.Remove(e.MethodID, out var start))
        {
            return;
        }

        var ms = e.TimeStampRelativeMSec - start.At;
        var area = start.Name.StartsWith("FinCompliance.", StringComparison.Ordinal) ? "FinCompliance"
            : start.Name.Contains("FinCompliance.", StringComparison.Ordinal) ? "generic code instantiated over FinCompliance types"
            : start.Name.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) ? "Roslyn"
            : "other";
        var current = byArea.GetValueOrDefault(area);
        byArea[area] = (current.Ms + ms, current.Count + 1);
        if (area != "Roslyn" && area != "other")
        {
            ours.Add((ms, start.Name, e.OptimizationTier.ToString()));
        }
    };
    source.Process();

    foreach (var (area, (ms, count)) in byArea.OrderByDescending(kv => kv.Value.Ms))
    {
        Console.WriteLine($"{ms,9:F0} ms {count,6} methods  {area}");
    }

    Console.WriteLine("FinCompliance by tier: " + string.Join(", ", ours.GroupBy(m => m.Tier).Select(g => $"{g.Key} {g.Count()} ({g.Sum(m => m.Ms):F0} ms)")));
    Console.WriteLine("Promoted for PGO but never re-compiled optimised (hot, still tier 0):");
    foreach (var method in ours.Where(m => m.Tier == "QuickJittedInstrumented").Select(m => m.Name).Distinct().Order())
    {
        Console.WriteLine("  " + Shorten(method));
    }
}

static Dictionary<string, double> JitCompilations(string path)
{
    // Every compilation (method and tier) with its JIT time; a method compiled at tier 0 and again optimised counts twice.
    using var source = new EventPipeEventSource(path);
    var started = new Dictionary<long, (double At, string Name)>();
    var compiled = new Dictionary<string, double>();
    source.Clr.MethodJittingStarted += e => started[e.MethodID] = (e.TimeStampRelativeMSec, e.MethodNamespace + "::" + e.MethodName + e.MethodSignature);
    source.Clr.MethodLoadVerbose += e =>
    {
        if (started.Remove(e.MethodID, out var start))
        {
            var key = start.Name + " @" + e.OptimizationTier;
            compiled[key] = compiled.GetValueOrDefault(key) + e.TimeStampRelativeMSec - start.At;
        }
    };
    source.Process();
    return compiled;
}

static void JitDiff(string pathA, string pathB, int top)
{
    // The JIT work that b's configuration adds to a's, e.g. what loading FinCompliance makes the runtime compile in
    // the compiler and the framework besides FinCompliance's own methods.
    var a = JitCompilations(pathA);
    var b = JitCompilations(pathB);
    Console.WriteLine($"a: {a.Count} compilations, {a.Values.Sum():F0} ms; b: {b.Count} compilations, {b.Values.Sum():F0} ms");
    var added = b.Where(kv => !a.ContainsKey(kv.Key)).ToList();
    var removed = a.Count(kv => !b.ContainsKey(kv.Key));
    Console.WriteLine($"only in b: {added.Count} compilations, {added.Sum(kv => kv.Value):F0} ms; only in a: {removed}");
    string TypeOf(string key) => key[..key.IndexOf("::", StringComparison.Ordinal)];
    string AreaOf(string key) => key.StartsWith("FinCompliance.", StringComparison.Ordinal) ? "FinCompliance"
        : key.Contains("FinCompliance.", StringComparison.Ordinal) ? "instantiated over FinCompliance types"
        : key.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) ? "Roslyn" : "other";
    foreach (var area in added.GroupBy(kv => AreaOf(kv.Key)).OrderByDescending(g => g.Sum(kv => kv.Value)))
    {
        Console.WriteLine($"{area.Sum(kv => kv.Value),9:F0} ms {area.Count(),6}  {area.Key}: " +
            string.Join(", ", area.GroupBy(kv => kv.Key[(kv.Key.LastIndexOf(" @", StringComparison.Ordinal) + 2)..]).Select(g => $"{g.Key} {g.Count()}")));
    }

    Console.WriteLine("by type (outside FinCompliance):");
    foreach (var type in added.Where(kv => AreaOf(kv.Key) != "FinCompliance").GroupBy(kv => TypeOf(kv.Key)).OrderByDescending(g => g.Sum(kv => kv.Value)).Take(top))
    {
        Console.WriteLine($"{type.Sum(kv => kv.Value),9:F0} ms {type.Count(),5}  {Shorten(type.Key)}");
    }
}

static void Allocations(string path, string? ownerFilter)
{
    // One AllocationTick event per ~100 KB allocated, with the allocating stack: charged to the outermost
    // FinCompliance frame on it (the callback the driver called), or to the rest of the compiler.
    var byOwner = new Dictionary<string, long>();
    var byType = new Dictionary<string, long>();
    long total = 0;
    using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(path));
    foreach (var e in log.Events)
    {
        if (e is not Microsoft.Diagnostics.Tracing.Parsers.Clr.GCAllocationTickTraceData tick)
        {
            continue;
        }

        total += tick.AllocationAmount64;
        // The host's dispatch (CombinedActions) calls the rules' callbacks: charged to the rule, not to it.
        string? ours = null, innermost = null;
        for (var frame = e.CallStack(); frame is not null; frame = frame.Caller)
        {
            if (frame.CodeAddress.FullMethodName is { } name && name.StartsWith("FinCompliance.", StringComparison.Ordinal)
                && (ours is null || !name.StartsWith("FinCompliance.Analyzers.CombinedActions", StringComparison.Ordinal)))
            {
                ours = Name(name);
                innermost ??= ours;
            }
        }

        if (ownerFilter is not null)
        {
            // Only the owner asked for, charged to the innermost FinCompliance frame (where the allocation happened).
            if (ours is null || !ours.Contains(ownerFilter, StringComparison.Ordinal))
            {
                continue;
            }

            ours = innermost;
        }

        var owner = ours ?? "(not FinCompliance)";
        byOwner[owner] = byOwner.GetValueOrDefault(owner) + tick.AllocationAmount64;
        if (ours is not null)
        {
            var key = tick.TypeName + " @ " + ours;
            byType[key] = byType.GetValueOrDefault(key) + tick.AllocationAmount64;
        }
    }

    Console.WriteLine($"sampled allocations: {total / 1048576.0:F0} MB");
    foreach (var (owner, bytes) in byOwner.OrderByDescending(kv => kv.Value).Take(15))
    {
        Console.WriteLine($"{bytes / 1048576.0,8:F1} MB  {owner}");
    }

    Console.WriteLine("--- FinCompliance's, by type ---");
    foreach (var (key, bytes) in byType.OrderByDescending(kv => kv.Value).Take(20))
    {
        Console.WriteLine($"{bytes / 1048576.0,8:F1} MB  {Shorten(key)}");
    }
}

// What the GC did during each trace, by generation: the costs that grow with what survives (promoted bytes, the heap
// left after each collection) apart from those that grow with what is allocated (the number of gen0 collections).
// "heap after" is the mean over a generation's collections, and the largest on the "all" line.
static void Collections(IEnumerable<string> paths)
{
    Console.WriteLine($"{"trace",-28} {"gen",3} {"count",5} {"pause ms",9} {"span ms",9} {"promoted MB",12} {"heap after MB",14} {"allocated MB",13}");
    foreach (var path in paths)
    {
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(path));
        var source = log.Events.GetSource();
        source.NeedLoadedDotNetRuntimes();
        source.Process();
        var gcs = source.Processes().Select(p => p.LoadedDotNetRuntime()).Where(r => r is not null).SelectMany(r => r!.GC.GCs).ToList();
        foreach (var generation in gcs.GroupBy(g => g.Generation).OrderBy(g => g.Key))
        {
            // Background gen2 collections run beside the program; their span is mostly concurrent marking.
            Console.WriteLine($"{Path.GetFileName(path),-28} {generation.Key,3} {generation.Count(),5} {generation.Sum(g => g.PauseDurationMSec),9:F0} "
                + $"{generation.Sum(g => g.DurationMSec),9:F0} {generation.Sum(g => g.PromotedMB),12:F0} {generation.Average(g => g.HeapSizeAfterMB),14:F0} "
                + $"{generation.Sum(g => g.AllocedSinceLastGCMB),13:F0}");
        }

        Console.WriteLine($"{Path.GetFileName(path),-28} all {gcs.Count,5} {gcs.Sum(g => g.PauseDurationMSec),9:F0} {gcs.Sum(g => g.DurationMSec),9:F0} "
            + $"{gcs.Sum(g => g.PromotedMB),12:F0} {(gcs.Count > 0 ? gcs.Max(g => g.HeapSizeAfterMB) : 0),14:F0} {gcs.Sum(g => g.AllocedSinceLastGCMB),13:F0}");
    }
}

static void AllocationDiff(string pathA, string pathB, int top)
{
    var a = AllocationProfile.Read(pathA);
    var b = AllocationProfile.Read(pathB);
    Console.WriteLine($"sampled allocations: {a.Total / 1048576.0:F0} MB -> {b.Total / 1048576.0:F0} MB ({(b.Total - a.Total) / 1048576.0:+0;-0} MB)");
    Print("by area (the outermost of: FinCompliance, analyzer driver, generator driver; else the compiler)", a.ByArea, b.ByArea, top);
    Print("by type", a.ByType, b.ByType, top);
    Print("by allocating method (innermost frame outside the runtime's allocation helpers)", a.BySite, b.BySite, top);
    Print("by type, under the analyzer driver but not in FinCompliance's frames", a.DriverByType, b.DriverByType, top);
    Print("by driver method, under the analyzer driver but not in FinCompliance's frames", a.DriverBySite, b.DriverBySite, top);

    static void Print(string title, Dictionary<string, long> a, Dictionary<string, long> b, int top)
    {
        Console.WriteLine($"--- {title}: MB in a, b, b - a ---");
        foreach (var key in a.Keys.Union(b.Keys).OrderByDescending(k => Math.Abs(b.GetValueOrDefault(k) - a.GetValueOrDefault(k))).Take(top))
        {
            long x = a.GetValueOrDefault(key), y = b.GetValueOrDefault(key);
            Console.WriteLine($"{x / 1048576.0,8:F1} {y / 1048576.0,8:F1} {(y - x) / 1048576.0,8:+0.0;-0.0}  {Shorten(key)}");
        }
    }
}

static string Name(string frame)
{
    var paren = frame.IndexOf('(');
    return paren > 0 ? frame[..paren] : frame;
}

static string Shorten(string frame) => frame.Length > 200 ? frame[..200] : frame;

internal sealed record Profile(Dictionary<string, int> Inclusive, Dictionary<string, int> Exclusive, int Total, string Gc)
{
    private const string SampleProvider = "Microsoft-DotNETCore-SampleProfiler";

    public static Profile Read(string path)
    {
        var inclusive = new Dictionary<string, int>();
        var exclusive = new Dictionary<string, int>();
        var total = 0;
        var seen = new HashSet<string>();
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(path));
        var source = log.Events.GetSource();
        source.NeedLoadedDotNetRuntimes();
        source.AllEvents += e =>
        {
            if (e.ProviderName != SampleProvider || e.CallStack() is not { } stack)
            {
                return;
            }

            total++;
            seen.Clear();
            exclusive[FrameOf(stack)] = exclusive.GetValueOrDefault(FrameOf(stack)) + 1;
            for (var frame = stack; frame is not null; frame = frame.Caller)
            {
                var name = FrameOf(frame);
                if (seen.Add(name))
                {
                    inclusive[name] = inclusive.GetValueOrDefault(name) + 1;
                }
            }
        };
        source.Process();

        var gc = "";
        foreach (var process in source.Processes())
        {
            if (process.LoadedDotNetRuntime() is { GC.GCs: { Count: > 0 } gcs })
            {
                gc += $"GCs {gcs.Count} (gen0 {gcs.Count(g => g.Generation == 0)}, gen1 {gcs.Count(g => g.Generation == 1)}, gen2 {gcs.Count(g => g.Generation == 2)}), "
                      + $"pauses {gcs.Sum(g => g.PauseDurationMSec):F0} ms, peak heap {gcs.Max(g => g.HeapSizePeakMB):F0} MB";
            }
        }

        return new Profile(inclusive, exclusive, total, gc);
    }

    /// <summary>Each sample's frames, leaf first.</summary>
    public static IEnumerable<List<string>> Stacks(string path)
    {
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(path));
        foreach (var e in log.Events)
        {
            if (e.ProviderName != SampleProvider)
            {
                continue;
            }

            var frames = new List<string>();
            for (var frame = e.CallStack(); frame is not null; frame = frame.Caller)
            {
                frames.Add(FrameOf(frame));
            }

            yield return frames;
        }
    }

    private static string FrameOf(TraceCallStack frame)
        => frame.CodeAddress.FullMethodName is { Length: > 0 } name ? name : "?" + frame.CodeAddress.ModuleName;
}

/// <summary>Sampled allocations (one AllocationTick per ~100 KB) grouped several ways, for <c>allocdiff</c>.</summary>
internal sealed class AllocationProfile
{
    private const string Driver = "Microsoft.CodeAnalysis.Diagnostics.";

    public long Total { get; private set; }

    public Dictionary<string, long> ByArea { get; } = new();

    public Dictionary<string, long> ByType { get; } = new();

    public Dictionary<string, long> BySite { get; } = new();

    public Dictionary<string, long> DriverByType { get; } = new();

    public Dictionary<string, long> DriverBySite { get; } = new();

    public static AllocationProfile Read(string path)
    {
        var profile = new AllocationProfile();
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(path));
        foreach (var e in log.Events)
        {
            if (e is not Microsoft.Diagnostics.Tracing.Parsers.Clr.GCAllocationTickTraceData tick)
            {
                continue;
            }

            var bytes = tick.AllocationAmount64;
            profile.Total += bytes;
            string? site = null, area = null, driverSite = null;
            for (var frame = e.CallStack(); frame is not null; frame = frame.Caller)
            {
                var name = frame.CodeAddress.FullMethodName;
                if (string.IsNullOrEmpty(name))
                {
                    continue;
                }

                site ??= IsAllocationHelper(name) ? null : Trim(name);
                // Outermost wins: keep overwriting while walking towards the thread's root.
                if (name.StartsWith("FinCompliance.", StringComparison.Ordinal))
                {
                    area = "FinCompliance";
                }
                else if (name.Contains("GeneratorDriver", StringComparison.Ordinal) || name.Contains("SourceGeneratorAdaptor", StringComparison.Ordinal))
                {
                    area = area == "FinCompliance" ? area : "generator driver";
                }
                else if (name.StartsWith(Driver, StringComparison.Ordinal) && area is null)
                {
                    area = "analyzer driver";
                    driverSite ??= Trim(name);
                }
            }

            area ??= "compiler";
            Add(profile.ByArea, area, bytes);
            Add(profile.ByType, tick.TypeName ?? "?", bytes);
            Add(profile.BySite, site ?? "?", bytes);
            if (area == "analyzer driver")
            {
                Add(profile.DriverByType, tick.TypeName ?? "?", bytes);
                Add(profile.DriverBySite, driverSite ?? "?", bytes);
            }
        }

        return profile;
    }

    private static void Add(Dictionary<string, long> map, string key, long bytes) => map[key] = map.GetValueOrDefault(key) + bytes;

    private static bool IsAllocationHelper(string name)
        => name.StartsWith("System.", StringComparison.Ordinal) && (name.Contains("Array", StringComparison.Ordinal) || name.Contains("String", StringComparison.Ordinal)
            || name.Contains("Collections", StringComparison.Ordinal) || name.Contains("Buffers", StringComparison.Ordinal));

    private static string Trim(string name)
    {
        var paren = name.IndexOf('(');
        return paren > 0 ? name[..paren] : name;
    }
}
