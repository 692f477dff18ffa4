using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;

namespace FinCompliance.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/FinCompliance.Benchmarks -- --quick</c> (300 files, 3 runs) or <c>--full</c>
/// (2,100 files ≈ 205,000 lines, 3 runs; the peer set's per-analyzer times only with <c>--peer-per-analyzer</c>); <c>--files N --runs R</c>
/// override; <c>--no-peer</c> skips the peer set; <c>--generators</c> measures only the generators (first run, one-line edits); <c>--out FILE</c> writes the markdown table (default
/// bench/FinCompliance.Benchmarks/results/&lt;mode&gt;.md). <c>-- bdn [BenchmarkDotNet args]</c> runs the BenchmarkDotNet suite.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "bdn")
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray());
            return 0;
        }

        var full = args.Contains("--full");
        if (args.Contains("--generators"))
        {
            Console.WriteLine(new SideBySide(Option(args, "--files", full ? 2100 : 300), Option(args, "--runs", 5), includePeer: false, peerPerAnalyzer: false, Console.Out)
                .RunGeneratorsOnly());
            return 0;
        }

        var mode = full ? "full" : "quick";
        var files = Option(args, "--files", full ? 2100 : 300);
        var runs = Option(args, "--runs", 3);
        var table = new SideBySide(files, runs, includePeer: !args.Contains("--no-peer"), peerPerAnalyzer: !full || args.Contains("--peer-per-analyzer"), Console.Out).Run();

        var outIndex = Array.IndexOf(args, "--out");
        var path = outIndex >= 0 && outIndex + 1 < args.Length
            ? args[outIndex + 1]
            : Path.Combine(FindBenchFolder(), "results", mode + ".md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, table);
        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"written to {Path.GetFullPath(path)}");
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }

    private static string FindBenchFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinCompliance.Benchmarks.csproj")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
