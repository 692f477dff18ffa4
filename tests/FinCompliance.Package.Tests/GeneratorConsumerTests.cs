using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using FinCompliance.Package.Tests.Infrastructure;

namespace FinCompliance.Package.Tests;

/// <summary>
/// The generators load from the package (FinCompliance.Generators.dll beside the analyzers it depends on), their
/// output compiles under -warnaserror, and FinComplianceGenerateInventory reaches them through buildTransitive.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class GeneratorConsumerTests(PackageFixture package)
{
    private const string PromotionSource = """
        using FinCompliance;

        namespace Consumer;

        [ProductPromotion(ProductKind.Fund)]
        public partial class BondFundBanner
        {
            public string Headline => "稳健增利债券基金：以债券为主的中低风险配置";
        }

        public static class BannerText
        {
            // Compiles only when the generator has added the risk warning.
            public static string Footer => BondFundBanner.RiskWarning;
        }
        """;

    private const string InventoryTypeName = "FinCompliance.Generated.ComplianceInventory";

    [Fact]
    public void Partial_promotion_gets_its_risk_warning_and_the_assembly_an_inventory()
    {
        var directory = GeneratorsConsumer();

        var build = package.Build(directory, "-warnaserror");

        Assert.True(build.Succeeded, build.Describe());
        Assert.Empty(build.FinDiagnostics);
        Assert.Contains(InventoryTypeName, TypeNames(directory));
    }

    [Fact]
    public void Inventory_can_be_turned_off_with_the_build_property()
    {
        var directory = GeneratorsConsumer();

        var build = package.Build(directory, "-warnaserror", "-p:FinComplianceGenerateInventory=false");

        Assert.True(build.Succeeded, build.Describe());
        Assert.DoesNotContain(InventoryTypeName, TypeNames(directory));
        Assert.Contains("Consumer.BondFundBanner", TypeNames(directory));
    }

    private string GeneratorsConsumer()
    {
        lock (package)
        {
            var directory = Path.Combine(package.ConsumersDirectory, "Generators");
            return Directory.Exists(directory)
                ? directory
                : package.CreateConsumer("Generators", new Dictionary<string, string> { ["Banner.cs"] = PromotionSource });
        }
    }

    private static List<string> TypeNames(string consumerDirectory)
    {
        var assembly = Path.Combine(consumerDirectory, "bin", "Debug", "net10.0", "Generators.dll");
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.TypeDefinitions
            .Select(handle => reader.GetTypeDefinition(handle))
            .Select(type => reader.GetString(type.Namespace) + "." + reader.GetString(type.Name))
            .ToList();
    }
}
