using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace FinCompliance.Generators.Tests;

/// <summary>Sources of the repository that syntax readers are held to the binding paths with.</summary>
public static class RepositorySources
{
    /// <summary>The sample's sources: annotated the way a team would annotate them.</summary>
    public static IEnumerable<string> Samples()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Analyzers.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        Assert.NotNull(directory);
        return Directory.EnumerateFiles(Path.Combine(directory!, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);
    }
}
