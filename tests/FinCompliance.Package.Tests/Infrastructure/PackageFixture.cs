using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace FinCompliance.Package.Tests.Infrastructure;

/// <summary>
/// Packs src/FinCompliance.Package once per test run into a temporary local feed and builds consumer projects
/// against it. Consumers restore into a NuGet packages folder of their own (<c>NUGET_PACKAGES</c>), so a
/// FinCompliance of the same version cached by an earlier run can never be the one under test.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "FinCompliance";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, BuildResult> builds = new(StringComparer.Ordinal);

    public PackageFixture()
    {
        WorkRoot = Path.Combine(Path.GetTempPath(), "fincompliance-package-tests-" + Guid.NewGuid().ToString("N")[..12]);
        FeedDirectory = Directory.CreateDirectory(Path.Combine(WorkRoot, "feed")).FullName;
        PackagesDirectory = Directory.CreateDirectory(Path.Combine(WorkRoot, "nuget-packages")).FullName;
        ConsumersDirectory = Directory.CreateDirectory(Path.Combine(WorkRoot, "consumers")).FullName;

        var project = Path.Combine(RepositoryPaths.Root, "src", "FinCompliance.Package", "FinCompliance.Package.csproj");
        // Own artifacts folder: the pack neither depends on nor disturbs the bin/obj of the solution build that is
        // running these tests, and it proves the package builds from sources alone (as on a clean clone).
        PackResult = DotnetProcess.Run(
            RepositoryPaths.Root,
            [
                "pack", project, "-c", "Release", "-o", FeedDirectory,
                "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + Path.Combine(WorkRoot, "artifacts"),
                "-nodeReuse:false", "--disable-build-servers",
            ],
            timeout: PackTimeout);

        var packages = Directory.GetFiles(FeedDirectory, "*.nupkg");
        if (PackResult.ExitCode != 0 || packages.Length != 1)
        {
            throw new InvalidOperationException(
                $"Packing FinCompliance failed ({packages.Length} .nupkg produced).{Environment.NewLine}{PackResult.Describe()}");
        }

        PackagePath = packages[0];
        Nuspec = ReadNuspec(PackagePath);
        XNamespace ns = Nuspec.Root!.Name.Namespace;
        Version = Nuspec.Root.Element(ns + "metadata")!.Element(ns + "version")!.Value;
    }

    public string WorkRoot { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public string ConsumersDirectory { get; }

    public ProcessResult PackResult { get; }

    public string PackagePath { get; }

    public XDocument Nuspec { get; }

    public string Version { get; }

    private string PackageReferenceItem => $"""
          <ItemGroup>
            <PackageReference Include="{PackageId}" Version="[{Version}]" />
          </ItemGroup>
        """;

    /// <summary>
    /// Writes a consumer project (csproj referencing the packed FinCompliance, nuget.config, and <paramref name="files"/>)
    /// into a fresh folder. <paramref name="projectBody"/> is extra csproj XML inside &lt;Project&gt;. Without
    /// <paramref name="referencesPackage"/> the project gets FinCompliance only through its own project references.
    /// </summary>
    public string CreateConsumer(string name, IReadOnlyDictionary<string, string> files, string projectBody = "", bool referencesPackage = true)
    {
        var directory = Path.Combine(ConsumersDirectory, name);
        if (Directory.Exists(directory))
        {
            throw new InvalidOperationException($"Consumer '{name}' exists already.");
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <clear />
              </fallbackPackageFolders>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="{PackageId}" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        // net10.0: the SDK running the tests ships its reference pack, so restoring needs nothing but the local feed.
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
            {(referencesPackage ? PackageReferenceItem : string.Empty)}
            {projectBody}
            </Project>
            """);
        foreach (var (relativePath, content) in files)
        {
            var path = Path.Combine(directory, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        return directory;
    }

    /// <summary>
    /// Builds a consumer with extra command-line arguments, once per distinct argument list (tests that read the same
    /// build share it). Every build is a full rebuild: an up-to-date CoreCompile would print no diagnostics at all.
    /// </summary>
    public BuildResult Build(string consumerDirectory, params string[] arguments)
    {
        var key = consumerDirectory + "|" + string.Join(" ", arguments);
        lock (builds)
        {
            if (!builds.TryGetValue(key, out var result))
            {
                result = new BuildResult(DotnetProcess.Run(
                    consumerDirectory,
                    ["build", "--no-incremental", "-nodeReuse:false", "--disable-build-servers", "-clp:NoSummary", .. arguments],
                    new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory },
                    BuildTimeout));
                builds.Add(key, result);
            }

            return result;
        }
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("FINCOMPLIANCE_KEEP_PACKAGE_TEST_FILES") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; never fail a run over it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static XDocument ReadNuspec(string packagePath)
    {
        using var archive = ZipFile.OpenRead(packagePath);
        var entry = archive.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "FinCompliance package";
}
