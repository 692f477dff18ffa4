using System;
using System.Collections.Generic;
using System.Linq;

namespace FundSales.Catalogue;

/// <summary>The products the platform distributes, looked up by fund code.</summary>
public sealed class ProductCatalogue
{
    private readonly Dictionary<string, FundProduct> products = new(StringComparer.Ordinal);

    public ProductCatalogue(IEnumerable<FundProduct> products)
    {
        foreach (var product in products)
        {
            this.products.Add(product.Code, product);
        }
    }

    /// <summary>The shelf of the demo platform: a money-market fund, a bond fund and an equity fund.</summary>
    public static ProductCatalogue Demo { get; } = new(
    [
        new FundProduct("000198", "天天利货币市场基金", RiskLevel.R1, 0.0185m, 0.0030m),
        new FundProduct("110017", "稳健增利债券基金", RiskLevel.R2, 0.0312m, 0.0070m),
        new FundProduct("161725", "消费升级混合基金", RiskLevel.R4, 0.0000m, 0.0150m),
    ]);

    public IReadOnlyCollection<FundProduct> All => products.Values;

    public FundProduct? Find(string code) => products.TryGetValue(code, out var product) ? product : null;

    /// <summary>Products a customer of the given risk tolerance may be offered.</summary>
    public IEnumerable<FundProduct> SuitableFor(RiskLevel tolerance) => products.Values.Where(p => p.RiskLevel <= tolerance);
}
