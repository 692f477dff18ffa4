using System;
using System.IO;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace FinCompliance.Generators.Tests;

/// <summary>
/// Snapshot testing with verified files kept in the repository: <c>Snapshots/&lt;name&gt;.verified.cs</c> is compared
/// exactly (line endings normalised); on a mismatch <c>&lt;name&gt;.received.cs</c> is written beside it and the test
/// fails with a readable diff. Set <see cref="AcceptVariable"/>=1 to accept the received output as verified.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "FINCOMPLIANCE_ACCEPT_SNAPSHOTS";

    public static string Directory { get; } = FindSnapshotDirectory();

    public static void Verify(string actual, string name)
    {
        actual = Normalize(actual);
        var verifiedPath = Path.Combine(Directory, name + ".verified.cs");
        var receivedPath = Path.Combine(Directory, name + ".received.cs");
        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;

        if (verified == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true")
        {
            File.WriteAllText(verifiedPath, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var message = verified is null
            ? $"No verified snapshot {verifiedPath}. Received output written to {receivedPath}; accept it with {AcceptVariable}=1.\n{actual}"
            : $"Snapshot {name} differs; received output written to {receivedPath} (accept with {AcceptVariable}=1):\n{Diff(verified, actual)}";
        Assert.Fail(message);
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var text = new StringBuilder();
        foreach (var line in diff.Lines)
        {
            var prefix = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            if (line.Type != ChangeType.Unchanged || text.Length < 4000)
            {
                text.Append(prefix).Append(line.Text).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FindSnapshotDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "FinCompliance.Generators.Tests", "Snapshots");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/FinCompliance.Generators.Tests/Snapshots not found above " + AppContext.BaseDirectory);
    }
}
