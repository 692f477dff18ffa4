using System.Collections.Immutable;
using System.Linq;

namespace FinCompliance.Robustness.Tests;

/// <summary>One C# source file of an input.</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>
/// One compilation's worth of C# sources, named after where it came from and how it was mutated
/// (e.g. <c>samples/FundSales/Orders.cs [cut at 1234]</c>) so that a failure names the input that caused it.
/// </summary>
public sealed record RobustnessInput(string Name, ImmutableArray<SourceFile> Files)
{
    public static RobustnessInput Single(string name, string text) => new(name, [new SourceFile("/src/" + SafeFileName(name), text)]);

    public override string ToString() => Name;

    public int Length => Files.Sum(f => f.Text.Length);

    private static string SafeFileName(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray();
        var safe = new string(chars);
        return safe.EndsWith(".cs", System.StringComparison.Ordinal) ? safe : safe + ".cs";
    }
}
