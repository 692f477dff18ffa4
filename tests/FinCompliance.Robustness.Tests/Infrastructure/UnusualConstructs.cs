using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace FinCompliance.Robustness.Tests;

/// <summary>
/// C# that rules written against ordinary classes and methods tend to trip over, each annotated so that every rule
/// family has something to look at: top-level statements, records and primary constructors, generics, partial types
/// across files, nested lambdas, local functions, unsafe code, patterns, switch expressions, file-scoped types, a huge
/// method and deeply nested expressions.
/// </summary>
public static class UnusualConstructs
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Linq;
        using System.Threading.Tasks;
        using FinCompliance;

        """;

    /// <summary>Shared declarations the constructs use: accounts of each fund kind, checks, sales, a masked log sink.</summary>
    private const string Domain = """
        namespace Unusual.Domain
        {
            using System;
            using System.Threading.Tasks;
            using FinCompliance;

            [CustomerReserveFunds] public sealed class ReserveAccount { public decimal Balance { get; set; } public decimal Withdraw(decimal a) => a; }
            [ProprietaryFunds] public sealed class OwnAccount { public decimal Balance { get; set; } public void Deposit(decimal a) { } }
            [ClientFunds] public sealed class ClientAccount { public decimal Balance { get; set; } public void Deposit(decimal a) { } }
            public static class Payouts
            {
                [Redemption] public static void Redeem(decimal amount) { }
                [ProductSale] public static void Sell(string product) { }
                [SuitabilityCheck] public static bool IsSuitable(string customer, string product) => true;
                [SuitabilityCheck] public static Task<bool> IsSuitableAsync(string customer) => Task.FromResult(true);
                [RequiresCustomerIdentification] public static void Transfer(decimal amount) { }
                [CustomerIdentification] public static bool Identify(string customer) => true;
                [CustomerIdentification] public static void EnsureIdentified(string customer) { }
                [DataEgress] public static void SendToPartner(string payload) { }
            }
        }

        """;

    public static ImmutableArray<RobustnessInput> All { get; } =
    [
        Input("top-level statements", """
            using Unusual.Domain;
            using FinCompliance;

            var reserve = new ReserveAccount();
            Payouts.Redeem(reserve.Withdraw(10m));
            Payouts.Sell("fund");
            if (Payouts.IsSuitable("c", "p")) { Payouts.Sell("fund"); }
            [PersonalData(PersonalDataKind.Phone)] string phone = "138";
            Console.WriteLine(phone);
            Local();
            void Local() { Payouts.Transfer(1m); }
            record TopLevelRecord([property: PersonalData(PersonalDataKind.IdNumber)] string IdNumber);
            """),

        Input("records and primary constructors", """
            namespace Unusual.Records;

            public record Customer([property: PersonalData(PersonalDataKind.Name)] string Name, [property: PersonalData(PersonalDataKind.Pin)] string Pin);
            public partial record struct Card([property: PersonalData(PersonalDataKind.BankCardNumber)] string Number, [property: PersonalData(PersonalDataKind.CardSecurityCode)] string Cvv);
            public sealed record Sealed(int Id) { [PersonalData(PersonalDataKind.Email)] public string? Email { get; init; } public override string ToString() => Email ?? ""; }
            public partial record Derived(string IdNumber, string Mobile) : Customer("n", "p");
            public class Service([PersonalData(PersonalDataKind.Phone)] string phone, Microsoft.Extensions.Logging.ILogger logger)
            {
                public void Log() => Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "phone {Phone}", phone);
            }
            [ProductPromotion(ProductKind.Fund)]
            public class Promo(string name) { public string Copy => $"{name}: 保本保息, guaranteed returns"; }
            [PersistedEntity]
            public record Entity(int Id) { [PersonalData(PersonalDataKind.IdNumber)] public string IdNumber { get; set; } = ""; [PersonalData(PersonalDataKind.Password)] public string Password { get; set; } = ""; }
            """),

        Input("generics", """
            namespace Unusual.Generics;

            public interface IAccount<TMoney> where TMoney : struct { TMoney Balance { get; } }
            [ClientFunds] public class Client<T> : IAccount<T> where T : struct { public T Balance => default; }
            [ProprietaryFunds] public class Own<T> : IAccount<T> where T : struct { public T Balance => default; }
            public static class Mixer
            {
                public static TOut Combine<TIn, TOut>(IAccount<TIn> a, IAccount<TIn> b, Func<TIn, TIn, TOut> f) where TIn : struct => f(a.Balance, b.Balance);
                public static decimal Mix(Client<decimal> c, Own<decimal> o) => Combine(c, o, (x, y) => x + y);
                public static T Id<T>([PersonalData(PersonalDataKind.Name)] T value) { Console.WriteLine(value); return value; }
                public static void Open<T>(List<T> items) where T : Client<decimal>, new() { var t = new T(); items.Add(t); }
            }
            [ProductPromotion] public class GenericPromo<T> { [RiskWarning] public const string Warning = "市场有风险"; public string Copy<TX>() => "最高收益 " + typeof(TX).Name; }
            """),

        new RobustnessInput("partial types across files",
        [
            new SourceFile("/src/PartialA.cs", Usings + """
                namespace Unusual.Partials;
                [ProductPromotion(ProductKind.Crowdfunding)]
                public partial class Campaign { public string Title => "零风险众筹"; }
                [InformationIntermediary]
                public partial class Platform { [ClientFunds] private decimal pool; }
                public partial record Holder([property: PersonalData(PersonalDataKind.Phone)] string Phone);
                """),
            new SourceFile("/src/PartialB.cs", Usings + """
                namespace Unusual.Partials;
                public partial class Campaign { [Disclosure(DisclosureItem.BusinessModel)] public string Model => "m"; [RiskWarning] public string Warning => ""; }
                public partial class Platform { [CreditEnhancement] public void Guarantee() { } public void Run() => Guarantee(); }
                public partial record Holder { [PersonalData(PersonalDataKind.Pin)] public string? Pin { get; init; } }
                """),
            new SourceFile("/src/PartialC.cs", Usings + """
                namespace Unusual.Partials;
                partial class Campaign { partial void OnCopy(); partial void OnCopy() { var s = "本金保障"; } }
                """),
        ]),

        Input("nested lambdas and local functions", """
            namespace Unusual.Lambdas;
            using Unusual.Domain;

            public class Flows
            {
                public void Run(ReserveAccount reserve, OwnAccount own, ClientAccount client, [PersonalData(PersonalDataKind.IdNumber)] string id)
                {
                    Func<Func<decimal, decimal>, Action> outer = f => () => { Payouts.Redeem(f(reserve.Balance)); };
                    outer(x => x + own.Balance)();
                    Action<string> log = s => Console.WriteLine(new Func<string, string>(t => t + id)(s));
                    log("x");
                    decimal Local(decimal a) { decimal Inner() => a + client.Balance + own.Balance; return Inner(); }
                    static void Sell() { if (Payouts.IsSuitable("c", "p")) Payouts.Sell("p"); Payouts.Sell("q"); }
                    Local(1);
                    Sell();
                    var tasks = Enumerable.Range(0, 3).Select(async i => { if (await Payouts.IsSuitableAsync("c")) Payouts.Sell("p" + i); });
                    Task.WhenAll(tasks).GetAwaiter().GetResult();
                    Payouts.SendToPartner(((Func<string>)(() => id))());
                }
            }
            """),

        Input("unsafe code", """
            namespace Unusual.Unsafe;
            using Unusual.Domain;

            public unsafe struct Buffer
            {
                public fixed byte Data[16];
                [PersonalData(PersonalDataKind.BankCardNumber)] public char* Pan;
                public static void Copy(ReserveAccount reserve, decimal* amounts)
                {
                    decimal* p = stackalloc decimal[2];
                    p[0] = reserve.Balance;
                    Payouts.Redeem(*p + amounts[0]);
                    delegate*<decimal, void> redeem = &Payouts.Redeem;
                    redeem(p[0]);
                    fixed (char* c = "保本") { Console.WriteLine(*c); }
                }
            }
            """),

        Input("pattern matching and switch expressions", """
            namespace Unusual.Patterns;
            using Unusual.Domain;

            public class Router
            {
                public decimal Pick(object account, [PersonalData(PersonalDataKind.AccountNumber)] string accountNo) => account switch
                {
                    ReserveAccount { Balance: > 0 } r when accountNo is { Length: > 4 } => r.Balance,
                    ClientAccount c and { Balance: var b } => b,
                    OwnAccount o => o.Balance,
                    [_, _] => 0m,
                    null => throw new ArgumentException("account " + accountNo),
                    _ => 0m,
                };

                public void Go(object a, ReserveAccount reserve)
                {
                    if (a is ReserveAccount { Balance: var x } && x is > 10 and < 100 or 5) { Payouts.Redeem(x); }
                    var sale = a switch { string s when Payouts.IsSuitable(s, "p") => true, _ => false };
                    if (sale) Payouts.Sell("p");
                    switch (a) { case OwnAccount own when own.Balance > reserve.Balance: own.Deposit(reserve.Balance); break; case var other: break; }
                    var tuple = (reserve.Balance, 1) switch { (> 0, var n) => n, _ => 0 };
                }
            }
            """),

        Input("file-scoped types and attributes in odd places", """
            namespace Unusual.FileScoped;

            file class Hidden { [PersonalData(PersonalDataKind.Password)] public string Password = ""; public override string ToString() => Password; }
            file record Secret([property: PersonalData(PersonalDataKind.Biometric)] byte[] Face);
            [ProductPromotion(ProductKind.Wealth)]
            file struct Ad { public const string Copy = "稳赚" + "不赔"; [ProductYield] public decimal Yield; [PromotionalReward] public decimal Coupon; public decimal Total => Yield + Coupon; }
            public class Options { [OptIn] public bool Insurance { get; set; } = true; [OptIn, DefaultValue(true)] public bool Sms { get; set; } public Options() { Sms = true; } }
            [RetainedRecord(-1)] public class Trade { public DateTime At { get; set; } }
            [RequiresDisclosure((DisclosureItem)99)] public class Odd { [Disclosure((DisclosureItem)(-1))] public string D => ""; }
            [PersonalData((PersonalDataKind)12345, Level = (PersonalDataLevel)0)] public class Weird { }
            public class Consumer { public object Make() => new Options { Insurance = true, Sms = !false }; }
            """),

        Input("EF Core model with conversions and deletes", """
            namespace Unusual.Ef;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

            [Encrypted] public sealed class Cipher : ValueConverter<string, string> { public Cipher() : base(v => v, v => v) { } }
            public class Person
            {
                public int Id { get; set; }
                [PersonalData(PersonalDataKind.IdNumber)] public string IdNumber { get; set; } = "";
                [PersonalData(PersonalDataKind.Phone)] public string Phone { get; set; } = "";
                [PersonalData(PersonalDataKind.CardSecurityCode)] public string? Cvv { get; set; }
                public string Mobile { get; set; } = "";
            }
            [RetainedRecord] public class Trade { public int Id { get; set; } public DateTime CreatedAt { get; set; } }
            public class Db : DbContext
            {
                public DbSet<Person> People => Set<Person>();
                public DbSet<Trade> Trades => Set<Trade>();
                protected override void OnModelCreating(ModelBuilder b)
                {
                    b.Entity<Person>().Property(p => p.IdNumber).HasConversion<Cipher>();
                    b.Entity<Person>().Property(p => p.Phone).HasConversion(new Cipher());
                    b.Entity<Person>(e => e.Property(x => x.Mobile).HasConversion(v => v, v => v));
                }
                public async Task Purge()
                {
                    Trades.RemoveRange(Trades.Where(t => t.CreatedAt < DateTime.UtcNow.AddYears(-3)));
                    await Trades.Where(t => t.CreatedAt < DateTime.Now.AddDays(-4000)).ExecuteDeleteAsync();
                    Remove(Trades.First());
                    Trades.Remove(null!);
                }
            }
            """),

        Input("logging frameworks and exceptions", """
            namespace Unusual.Logging;
            using Microsoft.Extensions.Logging;

            public partial class Handler(ILogger<Handler> logger, Serilog.ILogger serilog, NLog.Logger nlog, log4net.ILog log4)
            {
                [LoggerMessage(1, LogLevel.Information, "Card {Card}")] partial void LogCard(string card);
                public void Handle([PersonalData(PersonalDataKind.BankCardNumber)] string card, [PersonalData(PersonalDataKind.Name)] string? name)
                {
                    logger.LogInformation("card {Card}", card);
                    logger.Log(LogLevel.Warning, new EventId(1), name, null, (s, e) => s ?? "");
                    LogCard(card);
                    LogCard(Masking.Mask(card, PersonalDataKind.BankCardNumber)!);
                    serilog.Information("{Name}", name);
                    nlog.Info($"name {name}");
                    log4.Error(name?.ToUpperInvariant());
                    System.Diagnostics.Debug.WriteLine(card.Length);
                    System.Diagnostics.Trace.TraceInformation(string.Format("{0}", card));
                    using var scope = logger.BeginScope(card);
                    throw new InvalidOperationException($"bad card {card}");
                }
            }
            """),

        Input("async, iterators, events, operators", """
            namespace Unusual.Async;
            using Unusual.Domain;

            public class Pipeline
            {
                public event EventHandler<decimal>? Moved;
                public static decimal operator +(Pipeline p, ReserveAccount r) => r.Balance;
                public async IAsyncEnumerable<decimal> Stream(ReserveAccount reserve) { yield return reserve.Balance; await Task.Yield(); Payouts.Redeem(reserve.Balance); }
                public IEnumerable<int> Iterate() { yield return 1; Payouts.Sell("x"); }
                public async Task Sell(string c)
                {
                    var ok = await Payouts.IsSuitableAsync(c).ConfigureAwait(false);
                    if (!ok) return;
                    Payouts.Sell("p");
                    try { Payouts.EnsureIdentified(c); } catch { }
                    Payouts.Transfer(1m);
                    Moved?.Invoke(this, this + new ReserveAccount());
                    await foreach (var x in Stream(new ReserveAccount())) { }
                    goto done;
                    done:
                    lock (this) { Payouts.Sell("q"); }
                }
            }
            """),

        Input("huge method", HugeMethod(1500)),
        Input("deep expression nesting", DeepNesting(200)),
        Input("many members and long string concatenation", ManyMembers(400)),
    ];

    private static RobustnessInput Input(string name, string body)
    {
        var main = new SourceFile("/src/" + name.Replace(' ', '_').Replace(',', '_') + ".cs", Usings + body);
        return body.Contains("Unusual.Domain", System.StringComparison.Ordinal)
            ? new RobustnessInput("unusual: " + name, [main, new SourceFile("/src/Domain.cs", Domain)])
            : new RobustnessInput("unusual: " + name, [main]);
    }

    /// <summary>One method of many statements mixing sales, checks, funds and personal data.</summary>
    private static string HugeMethod(int statements)
    {
        var text = new StringBuilder("namespace Unusual.Huge;\nusing Unusual.Domain;\npublic class Huge\n{\n    public void Run(ReserveAccount r, OwnAccount o, ClientAccount c, [PersonalData(PersonalDataKind.Phone)] string phone)\n    {\n        decimal total = 0;\n");
        for (var i = 0; i < statements; i++)
        {
            text.Append((i % 6) switch
            {
                0 => $"        total += r.Balance * {i};\n",
                1 => $"        if (Payouts.IsSuitable(phone, \"p{i}\")) Payouts.Sell(\"p{i}\");\n",
                2 => $"        o.Deposit(c.Balance + {i});\n",
                3 => $"        Console.WriteLine(\"{i}\" + phone);\n",
                4 => $"        for (var k{i} = 0; k{i} < 2; k{i}++) {{ total -= k{i}; }}\n",
                _ => $"        Payouts.Sell(\"q{i}\");\n",
            });
        }

        return text.Append("        Payouts.Redeem(total);\n    }\n}\n").ToString();
    }

    /// <summary>Deeply nested parentheses, conditionals and lambdas around tagged values.</summary>
    private static string DeepNesting(int depth)
    {
        var sum = new StringBuilder();
        for (var i = 0; i < depth; i++) { sum.Append("(r.Balance + "); }
        sum.Append("o.Balance");
        for (var i = 0; i < depth; i++) { sum.Append(')'); }

        var conditional = string.Concat(Enumerable.Range(0, depth / 2).Select(i => $"b{i % 3} ? phone + {i} : ")) + "phone";
        var lambdas = string.Concat(Enumerable.Range(0, depth / 4).Select(i => $"((Func<string>)(() => ")) + "phone" + string.Concat(Enumerable.Repeat("))()", depth / 4));
        return $$"""
            namespace Unusual.Deep;
            using Unusual.Domain;
            public class Deep
            {
                public void Run(ReserveAccount r, OwnAccount o, bool b0, bool b1, bool b2, [PersonalData(PersonalDataKind.IdNumber)] string phone)
                {
                    Payouts.Redeem({{sum}});
                    Console.WriteLine({{conditional}});
                    Console.WriteLine({{lambdas}});
                }
            }
            """;
    }

    /// <summary>A promotion with many members and a long concatenated copy string.</summary>
    private static string ManyMembers(int members)
    {
        var text = new StringBuilder("namespace Unusual.Many;\n[ProductPromotion(ProductKind.Fund)]\npublic partial class Catalogue\n{\n");
        for (var i = 0; i < members; i++)
        {
            text.Append($"    [PersonalData(PersonalDataKind.Other)] public string Field{i} = \"收益{i}\";\n");
        }

        text.Append("    public const string Copy = ");
        text.Append(string.Join(" + ", Enumerable.Range(0, members).Select(i => i % 50 == 0 ? "\"保本\"" : $"\"段落{i}\"")));
        return text.Append(";\n}\n").ToString();
    }
}
