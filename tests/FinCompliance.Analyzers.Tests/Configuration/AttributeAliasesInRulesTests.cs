using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using FinCompliance.Analyzers.Funds;
using FinCompliance.Analyzers.Promotion;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FinCompliance.Analyzers.Tests.Configuration;

/// <summary>
/// <c>fincompliance.attribute_aliases</c> outside personal data: every rule family sees an alias as the FinCompliance
/// attribute written without arguments, and the same vendor attribute stays meaningless without the option or when
/// mapped onto another attribute.
/// </summary>
public sealed class AttributeAliasesInRulesTests
{
    // Appended to every source (after its using directives).
    private const string Vendor = """

        namespace Vendor
        {
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class ClientMoneyAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class HouseMoneyAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class ReserveAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class PayoutAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class CampaignAttribute : System.Attribute
            {
                public CampaignAttribute(int kind = 0) { }
            }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class DisclaimerAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class SellsAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class SuitsAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class AddOnAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class ArchivedAttribute : System.Attribute
            {
                public ArchivedAttribute(int years = 0) { }
            }
        }
        """;

    // ---- Funds ----------------------------------------------------------------------------------------------------

    private const string CommingledSource = """
        [Vendor.ClientMoney] public class ClientAccount { public decimal Balance { get; set; } }
        public class PremiumAccount : ClientAccount { }
        [Vendor.HouseMoney] public class OwnAccount { public decimal Balance { get; set; } }

        public class Subject
        {
            void M(ClientAccount client, PremiumAccount premium, OwnAccount own)
            {
                var total = {|FIN2002:client.Balance + own.Balance|};
                var inherited = {|FIN2002:premium.Balance - own.Balance|};
                var same = client.Balance + premium.Balance;
            }
        }
        """ + Vendor;

    [Fact]
    public Task ClientFunds_and_ProprietaryFunds_aliases_are_commingled()
        => VerifyAsync<ClientFundsCommingledAnalyzer>(
            CommingledSource, "Vendor.ClientMoneyAttribute=ClientFunds, Vendor.HouseMoneyAttribute=ProprietaryFunds");

    [Fact]
    public Task Funds_look_alikes_without_the_option_or_mapped_elsewhere_are_silent()
        => Task.WhenAll(
            VerifyAsync<ClientFundsCommingledAnalyzer>(Silent(CommingledSource), null),
            VerifyAsync<ClientFundsCommingledAnalyzer>(
                Silent(CommingledSource), "Vendor.ClientMoneyAttribute=ClientFunds, Vendor.HouseMoneyAttribute=ClientFunds"));

    private const string RedemptionSource = """
        [Vendor.Reserve] public class ReserveAccount { public decimal Balance { get; set; } }
        public class FundDesk { [Vendor.Payout] public void Redeem(decimal amount) { } }
        [Vendor.Payout] public class RedemptionPayer { public static void Advance(decimal amount) { } }

        public class Subject
        {
            void M(ReserveAccount reserve, FundDesk desk)
            {
                desk.Redeem({|FIN2001:reserve.Balance|});
                RedemptionPayer.Advance({|FIN2001:reserve.Balance|});
            }
        }
        """ + Vendor;

    [Fact]
    public Task CustomerReserveFunds_and_Redemption_aliases_are_reserve_funds_used_for_redemption()
        => VerifyAsync<ReserveFundsUsedForRedemptionAnalyzer>(
            RedemptionSource, "Vendor.ReserveAttribute=CustomerReserveFunds, Vendor.PayoutAttribute=Redemption");

    [Fact]
    public Task Redemption_look_alikes_are_silent()
        => Task.WhenAll(
            VerifyAsync<ReserveFundsUsedForRedemptionAnalyzer>(Silent(RedemptionSource), null),
            VerifyAsync<ReserveFundsUsedForRedemptionAnalyzer>(
                Silent(RedemptionSource), "Vendor.ReserveAttribute=CustomerReserveFunds, Vendor.PayoutAttribute=ProductSale"));

    // ---- Promotion --------------------------------------------------------------------------------------------------

    private const string PromotionSource = """
        [Vendor.Campaign]
        public class FundPromotion
        {
            public const string Promise = "{|FIN1001:稳赚不赔|}";
            public string Text => "本产品{|FIN1001:保本|}，年化5%";
        }

        public class DerivedPromotion : FundPromotion
        {
            public string More => "{|FIN1001:零风险|}理财";
        }

        public class Page
        {
            [Vendor.Campaign] public string Banner => "{|FIN1001:刚性兑付|}";
            public string Plain => "保本";
        }

        [Vendor.Campaign]
        public class Reuse
        {
            // Reported at the constant's declaration in FundPromotion already.
            public string Text => FundPromotion.Promise + "!";
        }
        """ + Vendor;

    [Fact]
    public Task ProductPromotion_alias_puts_text_in_scope_of_FIN1001()
        => VerifyAsync<GuaranteedReturnsAnalyzer>(PromotionSource, "Vendor.CampaignAttribute=ProductPromotion");

    [Fact]
    public Task Promotion_look_alikes_are_silent()
        => Task.WhenAll(
            VerifyAsync<GuaranteedReturnsAnalyzer>(Silent(PromotionSource), null),
            VerifyAsync<GuaranteedReturnsAnalyzer>(Silent(PromotionSource), "Vendor.CampaignAttribute=RiskWarning"));

    private const string RiskWarningSource = """
        [Vendor.Campaign] public class {|FIN1002:Bare|} { }
        [Vendor.Campaign] public class Warned { [Vendor.Disclaimer] public const string Warning = "市场有风险，投资需谨慎。"; }
        public class {|FIN1002:MemberPromotion|} { [Vendor.Campaign] public string Banner => "new"; }
        """ + Vendor;

    [Fact]
    public Task ProductPromotion_and_RiskWarning_aliases_drive_FIN1002()
        => VerifyAsync<MissingRiskWarningAnalyzer>(
            RiskWarningSource, "Vendor.CampaignAttribute=ProductPromotion, Vendor.DisclaimerAttribute=RiskWarning");

    [Fact]
    public Task RiskWarning_look_alikes_are_silent_or_still_missing()
        => Task.WhenAll(
            VerifyAsync<MissingRiskWarningAnalyzer>(Silent(RiskWarningSource), null),
            // The disclaimer mapped elsewhere is no warning: the warned campaign misses one too.
            VerifyAsync<MissingRiskWarningAnalyzer>(
                RiskWarningSource.Replace("class Warned", "class {|FIN1002:Warned|}"),
                "Vendor.CampaignAttribute=ProductPromotion, Vendor.DisclaimerAttribute=OptIn"));

    [Fact]
    public Task ProductPromotion_alias_arguments_are_not_a_product_kind()
        => VerifyAsync<MissingDisclosureAnalyzer>(
            """
            // 5 is ProductKind.Crowdfunding for [ProductPromotion]; an alias means [ProductPromotion] without arguments.
            [Vendor.Campaign(5)] public class Project { }
            [FinCompliance.ProductPromotion(FinCompliance.ProductKind.Crowdfunding)] public class {|#0:RealProject|} { }
            """ + Vendor,
            "Vendor.CampaignAttribute=ProductPromotion",
            Disclosure("BusinessModel"), Disclosure("Management"), Disclosure("Financials"), Disclosure("UseOfFunds"));

    private static DiagnosticResult Disclosure(string item)
        => new DiagnosticResult("FIN1005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("RealProject", item);

    // ---- Conduct ----------------------------------------------------------------------------------------------------

    private const string SaleSource = """
        public class Broker { [Vendor.Sells] public virtual void Sell(string customer) { } }
        public class OnlineBroker : Broker { public override void Sell(string customer) { } }
        public class Profiler { [Vendor.Suits] public bool IsSuitable(string customer) => true; }

        public class Desk
        {
            public void Unchecked(Broker broker) => {|FIN4001:broker.Sell("c")|};
            public void Overridden(OnlineBroker broker) => {|FIN4001:broker.Sell("c")|};

            public void Checked(Broker checkedBroker, Profiler profiler)
            {
                if (profiler.IsSuitable("c"))
                {
                    checkedBroker.Sell("c");
                }
            }
        }
        """ + Vendor;

    [Fact]
    public Task ProductSale_and_SuitabilityCheck_aliases_drive_FIN4001()
        => VerifyAsync<SaleWithoutSuitabilityCheckAnalyzer>(
            SaleSource, "Vendor.SellsAttribute=ProductSale, Vendor.SuitsAttribute=SuitabilityCheck");

    [Fact]
    public Task Sale_look_alikes_are_silent_and_a_check_mapped_elsewhere_checks_nothing()
        => Task.WhenAll(
            VerifyAsync<SaleWithoutSuitabilityCheckAnalyzer>(Silent(SaleSource), null),
            VerifyAsync<SaleWithoutSuitabilityCheckAnalyzer>(Silent(SaleSource), "Vendor.SellsAttribute=OptIn, Vendor.SuitsAttribute=SuitabilityCheck"),
            VerifyAsync<SaleWithoutSuitabilityCheckAnalyzer>(
                SaleSource.Replace("checkedBroker.Sell(\"c\")", "{|FIN4001:checkedBroker.Sell(\"c\")|}"),
                "Vendor.SellsAttribute=ProductSale, Vendor.SuitsAttribute=CustomerIdentification"));

    [Fact]
    public async Task ProductSale_alias_in_a_vendor_assembly_that_does_not_reference_FinCompliance_is_a_sale()
    {
        // MarkedMethods skips assemblies that cannot see the FinCompliance attributes; with aliases it must not.
        var vendor = await CompileVendorLibraryAsync("""
            namespace VendorLib
            {
                [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class SellsAttribute : System.Attribute { }
                public class VendorBroker { [Sells] public virtual void Sell(string customer) { } }
            }
            """);
        const string Source = """
            public class Desk
            {
                public void Buy(VendorLib.VendorBroker broker) => {|FIN4001:broker.Sell("c")|};
            }
            """;

        await VerifyAsync<SaleWithoutSuitabilityCheckAnalyzer>(Source, "VendorLib.SellsAttribute=ProductSale", new[] { vendor });
        await VerifyAsync<SaleWithoutSuitabilityCheckAnalyzer>(Silent(Source), null, new[] { vendor });
    }

    private const string OptInSource = """
        public class Order
        {
            [Vendor.AddOn] public bool Insurance { get; set; } = {|FIN4002:true|};
            [Vendor.AddOn] public bool Newsletter { get; set; }

            public Order() => Newsletter = {|FIN4002:true|};
        }
        """ + Vendor;

    [Fact]
    public Task OptIn_alias_is_flagged_when_preselected()
        => VerifyAsync<AddOnPreselectedAnalyzer>(OptInSource, "Vendor.AddOnAttribute=OptIn");

    [Fact]
    public Task OptIn_look_alikes_are_silent()
        => Task.WhenAll(
            VerifyAsync<AddOnPreselectedAnalyzer>(Silent(OptInSource), null),
            VerifyAsync<AddOnPreselectedAnalyzer>(Silent(OptInSource), "Vendor.AddOnAttribute=ProductSale"));

    // ---- Records ----------------------------------------------------------------------------------------------------

    private const string RetentionSource = """
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        // The alias's own argument (1) is not a retention period: the alias means [RetainedRecord], the default 5 years.
        [Vendor.Archived(1)] public class Transaction { public int Id { get; set; } public DateTime CreatedAt { get; set; } }
        public class Refund : Transaction { }

        public class Db : DbContext
        {
            public DbSet<Transaction> Transactions => Set<Transaction>();
            public DbSet<Refund> Refunds => Set<Refund>();
        }

        public class Cleanup
        {
            public void Run(Db db, Transaction t, Refund r)
            {
                db.Transactions.{|#0:Remove(t)|};
                db.Transactions.Where(x => x.CreatedAt < DateTime.UtcNow.AddYears(-2)).{|#1:ExecuteDelete()|};
                db.Transactions.Where(x => x.CreatedAt < DateTime.UtcNow.AddYears(-5)).ExecuteDelete();
                db.Refunds.{|#2:Remove(r)|};
            }
        }
        """ + Vendor;

    [Fact]
    public Task RetainedRecord_alias_uses_the_default_retention_period()
        => VerifyAsync<RetainedRecordDeletedEarlyAnalyzer>(
            RetentionSource, "Vendor.ArchivedAttribute=RetainedRecord", libraries: true,
            Retention(0, "Transaction", "with no retention filter"),
            Retention(1, "Transaction", "after 2 years"),
            Retention(2, "Refund", "with no retention filter"));

    [Fact]
    public Task RetainedRecord_look_alikes_are_silent()
        => Task.WhenAll(
            VerifyAsync<RetainedRecordDeletedEarlyAnalyzer>(Silent(RetentionSource), null, libraries: true),
            VerifyAsync<RetainedRecordDeletedEarlyAnalyzer>(Silent(RetentionSource), "Vendor.ArchivedAttribute=PersistedEntity", libraries: true));

    private static DiagnosticResult Retention(int location, string type, string age)
        => new DiagnosticResult(Rules.RetainedRecordDeletedEarly).WithLocation(location).WithArguments(type, age, 5);

    // ---- The service itself -----------------------------------------------------------------------------------------

    [Fact]
    public async Task Aliases_belong_to_the_compilation_not_to_the_shared_FinCompliance_symbols()
    {
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(TestReferences.FinCompliance);
        var tree = CSharpSyntaxTree.ParseText(
            "namespace Vendor { public sealed class MoneyAttribute : System.Attribute { } }\n[Vendor.Money] public class Account { }\npublic class Savings : Account { }");
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        var first = CSharpCompilation.Create("First", [tree], references, options);
        var second = CSharpCompilation.Create("Second", [tree], references, options);

        var aliased = FinComplianceAttributes.For(first, new GlobalOptions("Vendor.MoneyAttribute=ClientFunds"));
        var plain = FinComplianceAttributes.For(second, new GlobalOptions(null));

        Assert.True(aliased.HasAliases);
        Assert.True(aliased.Has(first.GetTypeByMetadataName("Account")!, aliased.Symbols.ClientFunds));
        Assert.True(aliased.HasOnTypeOrBase(first.GetTypeByMetadataName("Savings"), aliased.Symbols.ClientFunds));
        Assert.False(aliased.Has(first.GetTypeByMetadataName("Account")!, aliased.Symbols.ProprietaryFunds));
        Assert.True(aliased.TryGet(first.GetTypeByMetadataName("Account")!, aliased.Symbols.ClientFunds, out var data));
        Assert.Null(data);

        Assert.False(plain.HasAliases);
        Assert.False(plain.Has(second.GetTypeByMetadataName("Account")!, plain.Symbols.ClientFunds));
    }

    // ---- Helpers ----------------------------------------------------------------------------------------------------

    private static Task VerifyAsync<TAnalyzer>(string source, string? aliases, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(source, aliases, [], libraries: false, expected);

    private static Task VerifyAsync<TAnalyzer>(string source, string? aliases, bool libraries, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(source, aliases, [], libraries, expected);

    private static Task VerifyAsync<TAnalyzer>(string source, string? aliases, MetadataReference[] references)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(source, aliases, references, libraries: false, []);

    private static Task VerifyAsync<TAnalyzer>(
        string source, string? aliases, MetadataReference[] references, bool libraries, DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
        if (libraries)
        {
            test.TestState.AddLibraries();
        }

        test.TestState.AdditionalReferences.AddRange(references);
        if (aliases is not null)
        {
            test.TestState.AddGlobalOptions(("fincompliance.attribute_aliases", aliases));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The source with every diagnostic markup removed: nothing may be reported.</summary>
    private static string Silent(string source)
        => Regex.Replace(source, @"\{\|(FIN\d{4}|#\d+):(.*?)\|\}", "$2", RegexOptions.Singleline);

    private static async Task<MetadataReference> CompileVendorLibraryAsync(string source)
    {
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "VendorLib", [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private sealed class GlobalOptions(string? aliases) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = key == AnalyzerOptionsExtensions.AttributeAliasesOption ? aliases : null;
            return value is not null;
        }
    }
}
