using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using FinCompliance.Package.Tests.Infrastructure;

namespace FinCompliance.Package.Tests;

/// <summary>The .nupkg itself: SPEC §2 layout, metadata, and what the shipped assemblies depend on.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    // Parts every .nupkg has (OPC bookkeeping and the manifest); not part of the product's layout.
    private static bool IsPackagingPart(string path)
        => path.StartsWith("_rels/", StringComparison.Ordinal)
           || path.StartsWith("package/", StringComparison.Ordinal)
           || path == "[Content_Types].xml"
           || (path.EndsWith(".nuspec", StringComparison.Ordinal) && !path.Contains('/'));

    [Fact]
    public void Package_holds_exactly_the_spec_layout()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var files = archive.Entries.Select(e => e.FullName).Where(p => !IsPackagingPart(p)).Order(StringComparer.Ordinal).ToArray();

        string[] expected =
        [
            "README.md",
            "analyzers/dotnet/cs/FinCompliance.Analyzers.dll",
            "analyzers/dotnet/cs/FinCompliance.CodeFixes.dll",
            "analyzers/dotnet/cs/FinCompliance.Generators.dll",
            "buildTransitive/FinCompliance.Audit.globalconfig",
            "buildTransitive/FinCompliance.Default.globalconfig",
            "buildTransitive/FinCompliance.Strict.globalconfig",
            "buildTransitive/FinCompliance.props",
            "buildTransitive/FinCompliance.targets",
            "lib/netstandard2.0/FinCompliance.dll",
            "lib/netstandard2.0/FinCompliance.xml",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Nuspec_declares_no_dependency_and_is_a_runtime_dependency()
    {
        var root = package.Nuspec.Root!;
        XNamespace ns = root.Name.Namespace;
        var metadata = root.Element(ns + "metadata")!;

        Assert.Equal(PackageFixture.PackageId, metadata.Element(ns + "id")?.Value);
        Assert.Empty(metadata.Descendants(ns + "dependency"));
        Assert.Empty(metadata.Descendants(ns + "frameworkReference"));
        // User code references the attributes at run time: a development dependency would hide them from consumers.
        Assert.NotEqual("true", metadata.Element(ns + "developmentDependency")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        Assert.NotNull(metadata.Element(ns + "license"));
        Assert.Contains("analyzers", metadata.Element(ns + "tags")?.Value ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyzers/dotnet/cs/FinCompliance.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/FinCompliance.CodeFixes.dll")]
    [InlineData("analyzers/dotnet/cs/FinCompliance.Generators.dll")]
    public void Analyzer_assemblies_target_netstandard_and_roslyn_4_8_at_most(string path)
    {
        var references = ReadAssemblyReferences(path);

        Assert.Contains(references, r => r.Name == "netstandard");
        var roslyn = references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        // SPEC §2: compiled against Microsoft.CodeAnalysis 4.8.0 so that .NET 8 SDK / VS 17.8 hosts can load them.
        Assert.All(roslyn, r => Assert.True(r.Version <= new Version(4, 8, 0, 0), $"{path} references {r.Name} {r.Version}"));
        // Nothing that the host does not provide: the analyzers folder ships only our own assemblies.
        Assert.All(references, r => Assert.True(
            r.Name is "netstandard" || r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || r.Name.StartsWith("FinCompliance.", StringComparison.Ordinal) || r.Name.StartsWith("System.", StringComparison.Ordinal),
            $"{path} references {r.Name} {r.Version}, which is not in the package or the compiler host"));
    }

    [Fact]
    public void Runtime_library_depends_on_netstandard_only()
    {
        var references = ReadAssemblyReferences("lib/netstandard2.0/FinCompliance.dll");

        Assert.Equal(["netstandard"], references.Select(r => r.Name));
    }

    private List<(string Name, Version Version)> ReadAssemblyReferences(string path)
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entry = archive.GetEntry(path) ?? throw new InvalidOperationException(path + " is not in the package");
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (reader.GetString(reference.Name), reference.Version))
            .ToList();
    }
}
