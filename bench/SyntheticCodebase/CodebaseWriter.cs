using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace FinCompliance.SyntheticCodebase;

/// <summary>One generated source file.</summary>
public sealed record GeneratedFile(string Path, string Text);

/// <summary>
/// Writes a synthetic fintech code base annotated the way a real team would annotate theirs: promotions with copy and
/// risk warnings, funds services, EF Core entities with classified members, logging, sales flows with suitability and
/// KYC checks, records, and a majority of plain business code. About <see cref="ViolationRate"/> of the annotated
/// spots break a rule. Deterministic for a given seed and size.
/// </summary>
public static class CodebaseWriter
{
    public const int DefaultSeed = 221;

    /// <summary>Share of annotated spots that break a rule (a realistic backlog when a team adopts the package).</summary>
    public const double ViolationRate = 0.05;

    public const int FilesPerModule = 50;

    public static IReadOnlyList<GeneratedFile> Generate(int files, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var result = new List<GeneratedFile>(files);
        for (var m = 0; result.Count < files; m++)
        {
            // Each module: a shared file (domain types, DbContext) and up to FilesPerModule feature files.
            var count = Math.Min(FilesPerModule, files - result.Count - 1);
            var entities = Enumerable.Range(0, Math.Max(0, count)).Where(j => j % 10 == 2).ToArray();
            result.Add(new GeneratedFile($"Module{m:D3}/Shared.cs", Shared(m, entities)));
            for (var j = 0; j < count; j++)
            {
                var violate = random.NextDouble() < ViolationRate;
                var (kind, text) = (j % 10) switch
                {
                    0 => ("Promotion", Promotion(m, j, violate, random)),
                    1 => ("FundsService", FundsService(m, j, violate, random)),
                    2 => ("Entity", Entity(m, j, violate, random)),
                    3 => ("Logging", LoggingService(m, j, violate, random)),
                    4 => ("SalesFlow", SalesFlow(m, j, violate, random)),
                    5 => ("Record", CustomerRecord(m, j, violate, random)),
                    _ => ("Business", Business(m, j, random)),
                };
                result.Add(new GeneratedFile($"Module{m:D3}/{kind}{j:D4}.cs", text));
            }
        }

        return result;
    }

    /// <summary>The project file for building the code base with the repository's analyzers (see docs/performance.md).</summary>
    public static string ProjectFile(string repositoryRoot, bool withFinCompliance, bool withNetAnalyzers)
    {
        var src = System.IO.Path.Combine(repositoryRoot, "src");
        var perRule = System.IO.Path.Combine(repositoryRoot, "bench", "PerRuleAnalyzers");
        // As the package lays them out (analyzers/dotnet/cs): the three analyzer assemblies side by side in one folder.
        // From two project output folders csc would load FinCompliance.Analyzers twice (by itself, and as the
        // generators' dependency from theirs) and compile its shared code twice, which a package user never pays.
        var analyzers = withFinCompliance
            ? $"""
                <ProjectReference Include="{src}/FinCompliance.Analyzers/FinCompliance.Analyzers.csproj" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{src}/FinCompliance.CodeFixes/FinCompliance.CodeFixes.csproj" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{src}/FinCompliance.Generators/FinCompliance.Generators.csproj" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{perRule}/PerRuleAnalyzers.csproj" ReferenceOutputAssembly="false" />
              """
            : string.Empty;
        var packagedLayout = withFinCompliance
            ? $"""
              <Target Name="FinComplianceAnalyzersAsPackaged" BeforeTargets="CoreCompile">
                <!-- -p:FinCompliancePerRule=true: bench/PerRuleAnalyzers' build of FinCompliance.Analyzers, in which every
                     rule is an analyzer of its own, so that -p:ReportAnalyzer=true times each rule. -->
                <PropertyGroup>
                  <_FinComplianceAnalyzersFolder>{src}/FinCompliance.Analyzers/bin/$(Configuration)/netstandard2.0</_FinComplianceAnalyzersFolder>
                  <_FinComplianceAnalyzersFolder Condition="'$(FinCompliancePerRule)' == 'true'">{perRule}/bin/$(Configuration)/netstandard2.0</_FinComplianceAnalyzersFolder>
                  <_FinComplianceStage>$(IntermediateOutputPath)fincompliance</_FinComplianceStage>
                  <_FinComplianceStage Condition="'$(FinCompliancePerRule)' == 'true'">$(IntermediateOutputPath)fincompliance-per-rule</_FinComplianceStage>
                </PropertyGroup>
                <ItemGroup>
                  <_FinComplianceAnalyzer Include="$(_FinComplianceAnalyzersFolder)/FinCompliance.Analyzers.dll" />
                  <_FinComplianceAnalyzer Include="{src}/FinCompliance.CodeFixes/bin/$(Configuration)/netstandard2.0/FinCompliance.CodeFixes.dll" />
                  <_FinComplianceAnalyzer Include="{src}/FinCompliance.Generators/bin/$(Configuration)/netstandard2.0/FinCompliance.Generators.dll" />
                </ItemGroup>
                <Copy SourceFiles="@(_FinComplianceAnalyzer)" DestinationFolder="$(_FinComplianceStage)" SkipUnchangedFiles="true" />
                <ItemGroup>
                  <Analyzer Include="@(_FinComplianceAnalyzer->'$(_FinComplianceStage)/%(Filename)%(Extension)')" />
                </ItemGroup>
              </Target>
            """
            : string.Empty;
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{src}/FinCompliance.Package/buildTransitive/FinCompliance.props" />
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <FinComplianceMode>Audit</FinComplianceMode>
                <EnableNETAnalyzers>{(withNetAnalyzers ? "true" : "false")}</EnableNETAnalyzers>
                <AnalysisLevel>latest-all</AnalysisLevel>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore" Version="8.0.34" />
                <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="8.0.3" />
                <ProjectReference Include="{src}/FinCompliance/FinCompliance.csproj" />
            {analyzers}  </ItemGroup>
            {packagedLayout}  <Import Project="{src}/FinCompliance.Package/buildTransitive/FinCompliance.targets" />
            </Project>
            """;
    }

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using FinCompliance;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Logging;

        """;

    private static readonly ProductKind[] Kinds = [ProductKind.Fund, ProductKind.Wealth, ProductKind.Insurance, ProductKind.Lending, ProductKind.General];

    private enum ProductKind { Fund, Wealth, Insurance, Lending, General }

    private static string Shared(int m, int[] entities) => Usings + $$"""
        namespace Synthetic.Module{{m:D3}};

        public sealed class Customer
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.Name)] public string Name { get; set; } = "";
            [PersonalData(PersonalDataKind.Phone)] public string Phone { get; set; } = "";
            public int RiskTolerance { get; set; }
        }

        public sealed class Product
        {
            public string Code { get; set; } = "";
            public int RiskLevel { get; set; }
            public decimal MinimumAmount { get; set; }
        }

        [ClientFunds] public sealed class ClientAccount { public decimal Balance { get; set; } public void Credit(decimal amount) => Balance += amount; public decimal Debit(decimal amount) { Balance -= amount; return amount; } }
        [ProprietaryFunds] public sealed class HouseAccount { public decimal Balance { get; set; } public void Credit(decimal amount) => Balance += amount; }
        [CustomerReserveFunds] public sealed class ReserveAccount { public decimal Balance { get; set; } public decimal Withdraw(decimal amount) { Balance -= amount; return amount; } }

        public sealed class RedemptionDesk
        {
            [Redemption] public void PayOut(decimal amount, string customer) { }
        }

        public sealed class Compliance
        {
            [SuitabilityCheck] public bool IsSuitable(Customer customer, Product product) => customer.RiskTolerance >= product.RiskLevel;
            [SuitabilityCheck] public Task<bool> IsSuitableAsync(Customer customer, Product product) => Task.FromResult(IsSuitable(customer, product));
            [CustomerIdentification] public bool Identify(Customer customer) => customer.Name.Length > 0;
        }

        public sealed class OrderBook
        {
            [ProductSale] public void Subscribe(Customer customer, Product product, decimal amount) { }
            [RequiresCustomerIdentification] public void OpenAccount(Customer customer) { }
        }

        [Encrypted] public sealed class CipherConverter : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<string, string>
        {
            public CipherConverter() : base(v => v, v => v) { }
        }

        public sealed class ModuleContext : DbContext
        {
        {{string.Concat(entities.Select(i => $"    public DbSet<Entity{i:D4}> Entities{i:D4} => Set<Entity{i:D4}>();\n"))}}
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
        {{string.Concat(entities.Select(i => $"        modelBuilder.Entity<Entity{i:D4}>().Property(e => e.IdNumber).HasConversion<CipherConverter>();\n"))}}
            }
        }
        """;

    private static string Promotion(int m, int i, bool violate, Random random)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        var claim = violate ? (random.Next(2) == 0 ? "保本保息，稳赚不赔" : "guaranteed returns, risk-free") : "过往业绩不代表未来表现";
        var warning = violate && random.Next(3) == 0 ? string.Empty : """    [RiskWarning] public const string Warning = "市场有风险，投资需谨慎。";""";
        return Usings + $$"""
            namespace Synthetic.Module{{m:D3}};

            /// <summary>Landing page copy for campaign {{i}}.</summary>
            [ProductPromotion(FinCompliance.ProductKind.{{kind}})]
            public sealed class Campaign{{i:D4}}
            {
            {{warning}}
                public string Title => "{{kind}} 产品 {{i}} 期";
                public string Subtitle => "{{claim}}";
                public string Body(string customerName) => $"尊敬的{customerName}，本产品七日年化收益率参考历史数据，{{(i % 2 == 0 ? "请仔细阅读产品说明书" : "详见基金合同")}}。";
                public IReadOnlyList<string> Highlights { get; } = new[] { "起投金额低", "申购费率优惠", "T+1 到账" };
                [ProductYield] public decimal SevenDayYield { get; set; } = 0.021m;
                [PromotionalReward] public decimal NewcomerBonus { get; set; } = 0.005m;
                public decimal DisplayedYield => {{(violate && random.Next(2) == 0 ? "SevenDayYield + NewcomerBonus" : "SevenDayYield")}};
            {{BusinessMethods(random, 6)}}
            }
            """;
    }

    private static string FundsService(int m, int i, bool violate, Random random) => Usings + $$"""
        namespace Synthetic.Module{{m:D3}};

        public sealed class SettlementService{{i:D4}}
        {
            private readonly ClientAccount clients = new();
            private readonly HouseAccount house = new();
            private readonly ReserveAccount reserve = new();
            private readonly RedemptionDesk desk = new();

            public void Settle(decimal amount, string customer)
            {
                clients.Credit(amount);
                {{(violate ? "house.Credit(clients.Balance);" : "house.Credit(amount * 0m);")}}
                {{(violate && random.Next(2) == 0 ? "desk.PayOut(reserve.Withdraw(amount), customer);" : "desk.PayOut(clients.Debit(amount), customer);")}}
            }

            [AuthorizedTransfer("Management fee collected monthly, reviewed by finance.")]
            public void CollectFee(decimal fee) => house.Credit(clients.Debit(fee));

            public decimal Exposure(IEnumerable<decimal> positions) => positions.Where(p => p > 0).Sum() * 1.05m;
        {{BusinessMethods(random, 7)}}
        }
        """;

    private static string Entity(int m, int i, bool violate, Random random) => Usings + $$"""
        namespace Synthetic.Module{{m:D3}};

        public sealed class Entity{{i:D4}}
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.IdNumber)] public string IdNumber { get; set; } = "";
            [PersonalData(PersonalDataKind.BankCardNumber), Encrypted] public string CardNumber { get; set; } = "";
            [PersonalData(PersonalDataKind.Address){{(violate ? "" : ", Encrypted")}}] public string Address { get; set; } = "";
            {{(violate && random.Next(2) == 0 ? "[PersonalData(PersonalDataKind.CardSecurityCode)] public string Cvv { get; set; } = \"\";" : "[PersonalData(PersonalDataKind.CredentialHash)] public string PasswordHash { get; set; } = \"\";")}}
            public string Status { get; set; } = "Active";
            public DateTime CreatedAt { get; set; }
            public decimal Balance { get; set; }
            public string {{(violate ? "MobileNo" : "Channel")}} { get; set; } = "";
        {{BusinessMethods(random, 7)}}
        }
        """;

    private static string LoggingService(int m, int i, bool violate, Random random) => Usings + $$"""
        namespace Synthetic.Module{{m:D3}};

        public sealed class AuditTrail{{i:D4}}
        {
            private readonly ILogger<AuditTrail{{i:D4}}> logger;

            public AuditTrail{{i:D4}}(ILogger<AuditTrail{{i:D4}}> logger) => this.logger = logger;

            public void Record(Customer customer, decimal amount)
            {
                logger.LogInformation("Customer {Id} moved {Amount}", customer.Id, amount);
                logger.LogInformation("Contact {Phone}", {{(violate ? "customer.Phone" : "Masking.Mask(customer.Phone, PersonalDataKind.Phone)")}});
                if (amount > 50_000m)
                {
                    logger.LogWarning("Large transfer for {Name}", Masking.Mask(customer.Name, PersonalDataKind.Name));
                }
            }
        {{BusinessMethods(random, 7)}}
        }
        """;

    private static string SalesFlow(int m, int i, bool violate, Random random) => Usings + $$"""
        namespace Synthetic.Module{{m:D3}};

        public sealed class SalesFlow{{i:D4}}
        {
            private readonly Compliance compliance = new();
            private readonly OrderBook orders = new();

            public async Task<bool> SubscribeAsync(Customer customer, Product product, decimal amount, CancellationToken cancellationToken)
            {
                if (amount < product.MinimumAmount) return false;
                {{(violate ? "" : "if (!await compliance.IsSuitableAsync(customer, product).ConfigureAwait(false)) return false;")}}
                orders.Subscribe(customer, product, amount);
                return true;
            }

            public void Open(Customer customer)
            {
                {{(violate && random.Next(2) == 0 ? "orders.OpenAccount(customer);" : "if (compliance.Identify(customer)) { orders.OpenAccount(customer); }")}}
            }

            public sealed class Options { [OptIn] public bool AddInsurance { get; set; } {{(violate && random.Next(3) == 0 ? "= true;" : "")}} }
        {{BusinessMethods(random, 7)}}
        }
        """;

    private static string CustomerRecord(int m, int i, bool violate, Random random) => Usings + $$"""
        namespace Synthetic.Module{{m:D3}};

        public {{(violate ? "" : "partial ")}}record CustomerSnapshot{{i:D4}}(
            int Id,
            [property: PersonalData(PersonalDataKind.Name)] string Name,
            [property: PersonalData(PersonalDataKind.Email)] string Email,
            decimal Balance);

        public sealed class CustomerSnapshot{{i:D4}}Queries
        {
            public static IEnumerable<CustomerSnapshot{{i:D4}}> Rich(IEnumerable<CustomerSnapshot{{i:D4}}> all) => all.Where(c => c.Balance > 1_000_000m).OrderBy(c => c.Id);
        {{BusinessMethods(random, 8)}}
        }
        """;

    private static string Business(int m, int i, Random random) => Usings + $$"""
        namespace Synthetic.Module{{m:D3}};

        /// <summary>Plain domain logic: most of a real code base carries no compliance attribute.</summary>
        public sealed class Calculator{{i:D4}}
        {
            private readonly Dictionary<string, decimal> rates = new(StringComparer.Ordinal) { ["CNY"] = 1m, ["USD"] = 7.1m, ["EUR"] = 7.7m };

            public decimal Convert(decimal amount, string from, string to) => amount * rates[from] / rates[to];
        {{BusinessMethods(random, 9)}}
        }
        """;

    /// <summary>Ordinary methods: loops, LINQ, formatting, branching — about 10 lines each.</summary>
    private static string BusinessMethods(Random random, int count)
    {
        var text = new StringBuilder();
        for (var k = 0; k < count; k++)
        {
            var n = random.Next(1000);
            text.Append((random.Next(4)) switch
            {
                0 => $$"""

                        public decimal Accrue{{k}}(decimal principal, int days)
                        {
                            var rate = {{n}} / 100_000m;
                            var total = principal;
                            for (var d = 0; d < days; d++)
                            {
                                total += Math.Round(total * rate / 365m, 2, MidpointRounding.ToEven);
                            }
                            return total;
                        }
                    """,
                1 => $$"""

                        public IReadOnlyList<string> Report{{k}}(IEnumerable<(string Code, decimal Amount)> rows)
                        {
                            return rows
                                .Where(r => r.Amount > {{n}}m)
                                .GroupBy(r => r.Code)
                                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}: {g.Sum(x => x.Amount):N2}"))
                                .OrderBy(s => s, StringComparer.Ordinal)
                                .ToList();
                        }
                    """,
                2 => $$"""

                        public string Classify{{k}}(decimal amount) => amount switch
                        {
                            < 0 => "refund",
                            0 => "empty",
                            < {{n + 1}} => "small",
                            < {{(n + 1) * 100}} => "medium",
                            _ => "large",
                        };
                    """,
                _ => $$"""

                        public async Task<int> Poll{{k}}(Func<CancellationToken, Task<bool>> probe, CancellationToken cancellationToken)
                        {
                            var attempts = 0;
                            while (!cancellationToken.IsCancellationRequested && attempts < {{n % 7 + 3}})
                            {
                                attempts++;
                                if (await probe(cancellationToken).ConfigureAwait(false)) break;
                                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
                            }
                            return attempts;
                        }
                    """,
            });
        }

        return text.ToString();
    }
}
