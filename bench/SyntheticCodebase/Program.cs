using System;
using System.IO;
using System.Linq;

namespace FinCompliance.SyntheticCodebase;

/// <summary>
/// <c>dotnet run --project bench/SyntheticCodebase -- &lt;output folder&gt; [--files N] [--seed S] [--no-fincompliance] [--net-analyzers]</c>
/// writes the synthetic code base and a project file that builds it with the repository's analyzers and generators.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("-", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: SyntheticCodebase <output folder> [--files N] [--seed S] [--no-fincompliance] [--net-analyzers]");
            return 2;
        }

        var output = Path.GetFullPath(args[0]);
        var files = Option(args, "--files", 2100);
        var seed = Option(args, "--seed", CodebaseWriter.DefaultSeed);
        var root = FindRepositoryRoot();

        var generated = CodebaseWriter.Generate(files, seed);
        foreach (var file in generated)
        {
            var path = Path.Combine(output, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        File.WriteAllText(Path.Combine(output, "Synthetic.csproj"),
            CodebaseWriter.ProjectFile(root, !args.Contains("--no-fincompliance"), args.Contains("--net-analyzers")));
        // Keep the repository's central package management and build settings out of the generated project.
        File.WriteAllText(Path.Combine(output, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(output, "Directory.Packages.props"), "<Project />\n");

        var lines = generated.Sum(f => f.Text.Count(c => c == '\n') + 1);
        Console.WriteLine($"wrote {generated.Count} files, {lines:N0} lines to {output}");
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
