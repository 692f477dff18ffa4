using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using FinCompliance.Analyzers;
using FinCompliance.Package.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Package.Tests;

/// <summary>
/// The shipped severity sets of FinComplianceMode, checked against the rule table so that a new rule cannot be
/// forgotten in Strict or Audit.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ModeGlobalConfigTests(PackageFixture package)
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> AllRules = typeof(Rules)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToList();

    [Fact]
    public void Strict_makes_every_rule_an_error()
    {
        var config = Read("Strict");

        Assert.Equal(AllRules.Select(r => r.Id).Order(), config.Severities.Keys.Order());
        Assert.All(config.Severities, entry => Assert.Equal("error", entry.Value));
    }

    [Fact]
    public void Audit_makes_every_rule_at_least_a_warning()
    {
        var config = Read("Audit");

        Assert.Equal(AllRules.Select(r => r.Id).Order(), config.Severities.Keys.Order());
        foreach (var rule in AllRules)
        {
            var expected = rule.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning";
            Assert.True(expected == config.Severities[rule.Id], $"{rule.Id}: expected {expected}, found {config.Severities[rule.Id]}");
        }
    }

    [Fact]
    public void Default_keeps_descriptor_severities_and_configures_no_rule_by_id()
    {
        // An ID-specific entry would override a team's category-wide .editorconfig setting.
        Assert.Empty(Read("Default").Severities);
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Strict")]
    [InlineData("Audit")]
    public void Mode_configs_are_global_and_rank_below_the_users_own(string mode)
    {
        var config = Read(mode);

        Assert.Equal("true", config.Options.GetValueOrDefault("is_global"));
        // A user's globalconfig has level 0 (100 for a file named .globalconfig); ours must lose to both.
        Assert.True(int.Parse(config.Options["global_level"], System.Globalization.CultureInfo.InvariantCulture) < 0);
    }

    private (Dictionary<string, string> Options, Dictionary<string, string> Severities) Read(string mode)
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entry = archive.GetEntry($"buildTransitive/FinCompliance.{mode}.globalconfig")
                    ?? throw new InvalidOperationException(mode + " globalconfig is not in the package");
        using var reader = new StreamReader(entry.Open());
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var severities = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"Unreadable line in the {mode} globalconfig: {line}");
            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            const string prefix = "dotnet_diagnostic.";
            const string suffix = ".severity";
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                Assert.True(severities.TryAdd(key[prefix.Length..^suffix.Length], value), $"Duplicate entry in the {mode} globalconfig: {key}");
            }
            else
            {
                options[key] = value;
            }
        }

        return (options, severities);
    }
}
