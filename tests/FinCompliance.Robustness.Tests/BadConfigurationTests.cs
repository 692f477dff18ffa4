using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// Bad configuration a real build can hand the analyzers: invalid option values, malformed terms files, binary, huge or
/// pathological AdditionalFiles. Each gives FIN0001 or is ignored — never an exception, never a hang (each run fails
/// the test if it needs more than <see cref="AnalysisPipeline.Timeout"/>).
/// </summary>
public sealed class BadConfigurationTests
{
    /// <summary>Inputs on which options matter: promotions, records, EF Core entities, retained records, aliases.</summary>
    private static ImmutableArray<RobustnessInput> OptionSensitiveInputs { get; } =
    [
        .. UnusualConstructs.All.Where(i => !i.Name.Contains("huge", StringComparison.Ordinal)
                                            && !i.Name.Contains("deep", StringComparison.Ordinal)
                                            && !i.Name.Contains("many members", StringComparison.Ordinal)),
        RobustnessInput.Single("aliases in use", """
            namespace Vendor { public sealed class SensitiveAttribute : System.Attribute { } }
            namespace Pay { public sealed class PrivacyPropertyAttribute : System.Attribute { } }
            namespace App
            {
                [FinCompliance.PersistedEntity]
                public class Customer
                {
                    [Vendor.Sensitive] public string Mobile { get; set; } = "";
                    [Vendor.Sensitive, Pay.PrivacyProperty] public string IdNumber { get; set; } = "";
                    public void Log() => System.Console.WriteLine(Mobile);
                }
            }
            """),
    ];

    /// <summary>A small promotion: enough for the AdditionalFiles to be read alongside C#.</summary>
    private static RobustnessInput SmallPromotion { get; } = RobustnessInput.Single("small promotion", """
        using FinCompliance;
        [ProductPromotion(ProductKind.Fund)]
        public partial class Ad { public string Copy => "保本"; }
        """);

    public static TheoryData<string, string> InvalidOptionValues => new()
    {
        { "build_property.FinComplianceRetentionYears", "abc" },
        { "build_property.FinComplianceRetentionYears", "-3" },
        { "build_property.FinComplianceRetentionYears", "0" },
        { "build_property.FinComplianceRetentionYears", "99999999999999999999" },
        { "build_property.FinComplianceRetentionYears", "7.5" },
        { "build_property.FinComplianceMode", "Nope" },
        { "build_property.FinComplianceMode", "" },
        { "build_property.FinComplianceGenerateInventory", "maybe" },
        { "fincompliance.attribute_aliases", "=, ==, ,;;, (((, )))" },
        { "fincompliance.attribute_aliases", "Vendor.SensitiveAttribute=PersonalData(NoSuchKind)" },
        { "fincompliance.attribute_aliases", "Vendor.SensitiveAttribute=PersonalData(" },
        { "fincompliance.attribute_aliases", "Vendor.SensitiveAttribute=RequiresDisclosure(Fees), Pay.X=System.Obsolete" },
        { "fincompliance.attribute_aliases", "ünïcödé.属性=Encrypted, Bad Name=Encrypted, .Leading=Encrypted" },
        { "fincompliance.attribute_aliases", new string('(', 10_000) + "=" + new string(')', 10_000) },
    };

    /// <summary>
    /// An invalid option value is reported as FIN0001 or ignored: apart from FIN0001, the diagnostics are the ones the
    /// build reports without the option.
    /// </summary>
    [Theory]
    [MemberData(nameof(InvalidOptionValues))]
    public void An_invalid_option_value_gives_FIN0001_or_is_ignored(string key, string value)
    {
        var bad = AnalysisEnvironment.Default.WithGlobalOption(key, value).Named($"{key}={Shorten(value)}");
        var absent = AnalysisEnvironment.Default with { GlobalOptions = AnalysisEnvironment.Default.GlobalOptions.Remove(key), Name = $"without {key}" };

        var failures = new List<string>();
        foreach (var input in OptionSensitiveInputs)
        {
            var withBad = AnalysisPipeline.Run(input, bad);
            failures.AddRange(withBad.Failures);
            if (!withBad.Failures.IsEmpty)
            {
                continue;
            }

            var withoutOption = AnalysisPipeline.Run(input, absent);
            var unexpected = withBad.DiagnosticKeys.Where(k => !k.StartsWith("FIN0001 ", StringComparison.Ordinal))
                .Except(withoutOption.DiagnosticKeys).ToArray();
            var missing = withoutOption.DiagnosticKeys.Except(withBad.DiagnosticKeys).ToArray();
            if (unexpected.Length > 0 || missing.Length > 0)
            {
                failures.Add($"{bad.Name} on '{input.Name}' is neither FIN0001 nor ignored: " +
                             $"extra [{string.Join("; ", unexpected)}], missing [{string.Join("; ", missing)}]");
            }
        }

        Assert.True(failures.Count == 0, AnalysisPipeline.Report(failures, OptionSensitiveInputs.Length));
    }

    public static TheoryData<string> BadFiles => new(BadAdditionalFiles.Keys.Order(StringComparer.Ordinal));

    /// <summary>Malformed terms files and pathological promotional copy, by name.</summary>
    private static readonly Dictionary<string, Func<AnalysisEnvironment>> BadAdditionalFiles = new(StringComparer.Ordinal)
    {
        ["terms: garbage lines"] = () => WithTerms(string.Join("\n",
            "=", "+", "-", "[", "]]]", "\0\0\0", "\t\t", "guaranteed:", ":", "+ ", "exempt:", "# only a comment", "😀😀😀", "\uFFFF\uD800",
            new string('x', 5000), "+ " + new string('保', 5000), "- -", "++保本", "[section", "key = = value", "\\", "\\u0000")),
        ["terms: empty"] = () => WithTerms(string.Empty),
        ["terms: unreadable (GetText returns null)"] = () => AnalysisEnvironment.Default.WithAdditionalFile(
            new InMemoryAdditionalText("/config/" + AnalysisEnvironment.TermsFileName, () => null), null),
        ["terms: random bytes"] = () => AnalysisEnvironment.Default.WithAdditionalFile(
            InMemoryAdditionalText.FromBytes("/config/" + AnalysisEnvironment.TermsFileName, RandomBytes(64 * 1024)), null),
        ["terms: 50,000 lines"] = () => WithTerms(string.Join("\n", Enumerable.Range(0, 50_000).Select(i => i % 2 == 0 ? $"+ 术语{i}" : $"- term {i}"))),
        ["terms: two files of that name"] = () => WithTerms("+ 稳收益").WithAdditionalFile(new InMemoryAdditionalText("/other/" + AnalysisEnvironment.TermsFileName, "- 保本\n=\n"), null),
        ["promotion: random bytes"] = () => Promotion("/promo/random.txt", RandomBytes(256 * 1024)),
        ["promotion: invalid UTF-8"] = () => Promotion("/promo/invalid.md", [.. Encoding.UTF8.GetBytes("保本 "), 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(" 稳赚")]),
        ["promotion: UTF-16 with BOM"] = () => Promotion("/promo/utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("保本保息 guaranteed returns")]),
        ["promotion: 10 MB text"] = () => Promotion("/promo/huge.txt", LargeText(10 * 1024 * 1024, lineLength: 100)),
        ["promotion: a single 1 MB line"] = () => Promotion("/promo/oneline.md", LargeText(1024 * 1024, lineLength: int.MaxValue)),
        ["promotion: deeply nested JSON"] = () => Promotion("/promo/deep.json", Encoding.UTF8.GetBytes(
            new string('[', 100_000) + "\"保本\"" + new string(']', 100_000) + "{\"a\":" .PadRight(1, ' ') + string.Concat(Enumerable.Repeat("{\"k\":", 50_000)) + "1" + new string('}', 50_000))),
        ["promotion: deeply nested HTML"] = () => Promotion("/promo/deep.html", Encoding.UTF8.GetBytes(
            string.Concat(Enumerable.Repeat("<div title=\"零风险\">", 100_000)) + "保本" + string.Concat(Enumerable.Repeat("</div>", 100_000)))),
        ["promotion: malformed HTML and resx"] = () => Promotion("/promo/broken.html", Encoding.UTF8.GetBytes(
                "<html><body <p title=\"保本>稳赚<!-- unterminated <script>\"'<<<>>>&#xFFFFFFFF;&bogus;<![CDATA[ 无风险"))
            .WithAdditionalFile(InMemoryAdditionalText.FromBytes("/promo/broken.resx", Encoding.UTF8.GetBytes("<root><data name=\"x\"><value>保本</value></data><data name=")), "promotion")
            .WithAdditionalFile(InMemoryAdditionalText.FromBytes("/promo/page.cshtml", Encoding.UTF8.GetBytes("@{ var x = \"保本\"; } <p>@x 稳赚 @(")), "promotion"),
        ["promotion: unreadable (GetText returns null)"] = () => AnalysisEnvironment.Default.WithAdditionalFile(new InMemoryAdditionalText("/promo/missing.md", () => null), "promotion"),
        ["promotion: unknown FinComplianceText kind"] = () => AnalysisEnvironment.Default.WithAdditionalFile(new InMemoryAdditionalText("/promo/x.txt", "保本"), "no-such-kind"),
        ["promotion: file without extension or path"] = () => AnalysisEnvironment.Default
            .WithAdditionalFile(new InMemoryAdditionalText("", "保本"), "promotion")
            .WithAdditionalFile(new InMemoryAdditionalText("/promo/noext", "保本"), "promotion")
            .WithAdditionalFile(new InMemoryAdditionalText("/promo/.json", "{"), "promotion"),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_additional_file_never_crashes_or_hangs(string name)
    {
        var environment = BadAdditionalFiles[name]().Named(name);
        var result = AnalysisPipeline.Run(SmallPromotion, environment);
        Assert.True(result.Failures.IsEmpty, AnalysisPipeline.Report(result.Failures, 1));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("AD", StringComparison.Ordinal));
    }

    private static AnalysisEnvironment WithTerms(string text)
        => AnalysisEnvironment.Default.WithAdditionalFile(new InMemoryAdditionalText("/config/" + AnalysisEnvironment.TermsFileName, text), null);

    private static AnalysisEnvironment Promotion(string path, byte[] bytes)
        => AnalysisEnvironment.Default.WithAdditionalFile(InMemoryAdditionalText.FromBytes(path, bytes), "promotion");

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(Mutations.Seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Promotional-looking text, with a flagged phrase now and then, of about <paramref name="size"/> bytes.</summary>
    private static byte[] LargeText(int size, int lineLength)
    {
        var text = new StringBuilder(size);
        var phrases = new[] { "本基金投资于货币市场工具，", "historical yield 2.1% ", "保本", " risk-free ", "收益稳健，", "不保本。" };
        var random = new Random(Mutations.Seed);
        var column = 0;
        while (text.Length < size / 2)
        {
            var phrase = phrases[random.Next(phrases.Length)];
            text.Append(phrase);
            column += phrase.Length;
            if (column >= lineLength)
            {
                text.Append('\n');
                column = 0;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value.Substring(0, 37) + "...";
}
