using System;
using System.Collections.Generic;
using System.Linq;
using FinCompliance.Package.Tests.Infrastructure;

namespace FinCompliance.Package.Tests;

/// <summary>
/// Consumer projects built against the packed FinCompliance through a local feed: the analyzers load from
/// analyzers/dotnet/cs, buildTransitive passes the mode, the item metadata and the terms file to them, and the
/// severities end up where the modes and .editorconfig say. Each build costs seconds, so consumers are few and
/// builds are shared between the tests that read them.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests(PackageFixture package)
{
    private const string BannerSource = """
        using FinCompliance;

        namespace Consumer;

        [ProductPromotion(ProductKind.Fund)]
        public sealed class MoneyMarketBanner
        {
            [RiskWarning]
            public const string RiskWarning = "基金有风险，投资需谨慎。基金过往业绩不代表其未来表现。";

            public string Headline => "七日年化 2.1%，保本保息";

            public string Tagline => "稳稳的幸福，随时可取";
        }
        """;

    private const string LandingPage = """
        # 货币基金专享

        零风险，收益天天看得见。

        基金有风险，投资需谨慎。
        """;

    // Not marked FinComplianceText="promotion": an internal note, never checked however it is worded.
    private const string InternalNotes = """
        内部备注：旧版文案写过“本金保障”，已下线。
        """;

    private const string TermsFile = """
        # Team terms for FIN1001 / FIN1004
        guarantee: 稳稳的幸福
        frobnicate: nothing
        """;

    private const string CompliantSource = """
        using FinCompliance;

        namespace Consumer;

        [ProductPromotion(ProductKind.Fund)]
        public sealed class FundBanner
        {
            [RiskWarning]
            public const string RiskWarning = "基金有风险，投资需谨慎。基金过往业绩不代表其未来表现。";

            public string Headline => "七日年化收益率 2.1%，过往业绩不代表未来表现";

            public string Disclaimer => "本产品不保本，投资需谨慎。Returns are not guaranteed.";
        }
        """;

    private const string EditorConfigSource = """
        using FinCompliance;

        namespace Consumer;

        [ProductPromotion(ProductKind.Fund)]
        public sealed class EndorsedBanner
        {
            [RiskWarning]
            public const string RiskWarning = "基金有风险，投资需谨慎。";

            public string Headline => "保本保息，央行背书";
        }
        """;

    [Fact]
    public void Promotional_copy_with_guaranteed_returns_warns_at_its_file_and_line()
    {
        var build = package.Build(PromotionsConsumer());

        Assert.True(build.Succeeded, build.Describe());
        // One finding per phrase (保本, 保息): how the phrase is split is the rule's business, the line is ours.
        var headline = OnLine(build.Find("FIN1001", "Banner.cs"), LineOf(BannerSource, "保本保息"));
        Assert.All(headline, d => Assert.Equal("warning", d.Severity));
        Assert.Contains(headline, d => d.Message.Contains("保本", StringComparison.Ordinal));
        Assert.DoesNotContain(build.FinDiagnostics, d => d.Severity == "error");
    }

    [Fact]
    public void Promotional_additional_file_is_checked_and_unmarked_one_is_not()
    {
        var build = package.Build(PromotionsConsumer());

        var landing = Assert.Single(build.Find("FIN1001", "landing.md"));
        Assert.Equal(LineOf(LandingPage, "零风险"), landing.Line);
        Assert.Equal("warning", landing.Severity);
        Assert.DoesNotContain(build.Diagnostics, d => d.FileName == "notes.md");
    }

    [Fact]
    public void Terms_file_beside_the_project_is_read_and_its_bad_line_reported()
    {
        var build = package.Build(PromotionsConsumer());

        var slogan = OnLine(build.Find("FIN1001", "Banner.cs"), LineOf(BannerSource, "稳稳的幸福"));
        Assert.Contains(slogan, d => d.Message.Contains("稳稳的幸福", StringComparison.Ordinal));
        var badLine = Assert.Single(build.Find("FIN0001", "FinCompliance.terms.txt"));
        Assert.Equal(LineOf(TermsFile, "frobnicate"), badLine.Line);
        Assert.True(build.Succeeded, build.Describe());
    }

    [Fact]
    public void Warnaserror_fails_the_build_on_promotional_copy()
    {
        var build = package.Build(PromotionsConsumer(), "-warnaserror");

        Assert.False(build.Succeeded, build.Describe());
        Assert.True(build.OtherErrors.Count == 0, build.Describe());
        var headline = OnLine(build.Find("FIN1001", "Banner.cs"), LineOf(BannerSource, "保本保息"));
        Assert.All(headline, d => Assert.Equal("error", d.Severity));
    }

    [Fact]
    public void Strict_mode_turns_every_finding_into_an_error()
    {
        var build = package.Build(PromotionsConsumer(), "-p:FinComplianceMode=Strict");

        Assert.False(build.Succeeded, build.Describe());
        Assert.True(build.OtherErrors.Count == 0, build.Describe());
        Assert.NotEmpty(build.Find("FIN1001", "Banner.cs"));
        Assert.NotEmpty(build.Find("FIN1001", "landing.md"));
        Assert.NotEmpty(build.Find("FIN0001", "FinCompliance.terms.txt"));
        Assert.All(build.FinDiagnostics, d => Assert.Equal("error", d.Severity));
    }

    [Fact]
    public void Mode_name_is_case_insensitive()
    {
        // The globalconfig file names are cased; Linux file systems are not forgiving.
        var build = package.Build(PromotionsConsumer(), "-p:FinComplianceMode=strict");

        Assert.False(build.Succeeded, build.Describe());
        Assert.True(build.OtherErrors.Count == 0, build.Describe());
        Assert.Empty(build.Find("FIN0001", "Promotions.csproj"));
        Assert.NotEmpty(build.Find("FIN1001", "Banner.cs"));
        Assert.All(build.FinDiagnostics, d => Assert.Equal("error", d.Severity));
    }

    [Fact]
    public void Compliant_copy_builds_clean()
    {
        var build = package.Build(CompliantConsumer());

        Assert.True(build.Succeeded, build.Describe());
        Assert.Empty(build.FinDiagnostics);
    }

    [Fact]
    public void Invalid_configuration_values_are_reported_as_FIN0001_and_defaults_apply()
    {
        // The mode is checked by the package's targets (at the project file), the retention period by the analyzers:
        // this also proves FinComplianceRetentionYears reaches them as a compiler-visible build property.
        var build = package.Build(CompliantConsumer(), "-p:FinComplianceMode=Paranoid", "-p:FinComplianceRetentionYears=seven");

        Assert.True(build.Succeeded, build.Describe());
        Assert.All(build.FinDiagnostics, d => Assert.Equal("FIN0001", d.Id));
        Assert.All(build.FinDiagnostics, d => Assert.Equal("warning", d.Severity));
        var mode = Assert.Single(build.FinDiagnostics, d => d.Message.Contains("Paranoid", StringComparison.Ordinal));
        Assert.Equal("Compliant.csproj", mode.FileName);
        Assert.Single(build.FinDiagnostics, d => d.Message.Contains("FinComplianceRetentionYears", StringComparison.Ordinal)
                                                 && d.Message.Contains("seven", StringComparison.Ordinal));
        Assert.Equal(2, build.FinDiagnostics.Count);
    }

    [Fact]
    public void EditorConfig_severity_wins_over_strict_mode()
    {
        var directory = package.CreateConsumer(
            "EditorConfig",
            new Dictionary<string, string>
            {
                ["Banner.cs"] = EditorConfigSource,
                [".editorconfig"] = """
                    root = true

                    [*.cs]
                    dotnet_diagnostic.FIN1001.severity = none
                    """,
            },
            """
              <PropertyGroup>
                <FinComplianceMode>Strict</FinComplianceMode>
              </PropertyGroup>
            """);

        var build = package.Build(directory);

        Assert.Empty(build.Find("FIN1001"));
        // Strict is in force for everything the team did not configure: the endorsement claim is an error.
        var claim = Assert.Single(build.Find("FIN1004", "Banner.cs"));
        Assert.Equal("error", claim.Severity);
        Assert.Equal(LineOf(EditorConfigSource, "央行背书"), claim.Line);
        Assert.False(build.Succeeded, build.Describe());
        Assert.True(build.OtherErrors.Count == 0, build.Describe());
    }

    [Fact]
    public void Package_flows_to_projects_that_reference_a_consumer()
    {
        // Downstream has no PackageReference of its own: the attributes, the analyzers and buildTransitive (its mode)
        // reach it through the project reference, as they reach any project built on top of an annotated library.
        var upstream = CompliantConsumer();
        var directory = package.CreateConsumer(
            "Downstream",
            new Dictionary<string, string> { ["Banner.cs"] = EditorConfigSource },
            $"""
              <PropertyGroup>
                <FinComplianceMode>Strict</FinComplianceMode>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{System.IO.Path.Combine(upstream, "Compliant.csproj")}" />
              </ItemGroup>
            """,
            referencesPackage: false);

        var build = package.Build(directory);

        Assert.False(build.Succeeded, build.Describe());
        Assert.True(build.OtherErrors.Count == 0, build.Describe());
        var promise = OnLine(build.Find("FIN1001", "Banner.cs"), LineOf(EditorConfigSource, "保本保息"));
        Assert.All(promise, d => Assert.Equal("error", d.Severity));
    }

    private string PromotionsConsumer() => Consumer(
        "Promotions",
        new Dictionary<string, string>
        {
            ["Banner.cs"] = BannerSource,
            ["Content/landing.md"] = LandingPage,
            ["Content/notes.md"] = InternalNotes,
            ["FinCompliance.terms.txt"] = TermsFile,
        },
        """
          <ItemGroup>
            <AdditionalFiles Include="Content/landing.md" FinComplianceText="promotion" />
            <AdditionalFiles Include="Content/notes.md" />
          </ItemGroup>
        """);

    private string CompliantConsumer() => Consumer(
        "Compliant",
        new Dictionary<string, string> { ["Banner.cs"] = CompliantSource });

    // Consumers are created on first use and shared by the tests of this class (one collection, run in sequence).
    private string Consumer(string name, Dictionary<string, string> files, string projectBody = "")
    {
        lock (package)
        {
            var directory = System.IO.Path.Combine(package.ConsumersDirectory, name);
            return System.IO.Directory.Exists(directory) ? directory : package.CreateConsumer(name, files, projectBody);
        }
    }

    /// <summary>The findings on one line; fails when there is none.</summary>
    private static IReadOnlyList<BuildDiagnostic> OnLine(IReadOnlyList<BuildDiagnostic> diagnostics, int line)
    {
        var found = diagnostics.Where(d => d.Line == line).ToList();
        Assert.True(found.Count > 0, $"Nothing reported at line {line}; found: {string.Join("; ", diagnostics)}");
        return found;
    }

    private static int LineOf(string text, string fragment)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, line => line.Contains(fragment, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{fragment}' is not in the test source");
        return index + 1;
    }
}
