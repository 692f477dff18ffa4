using System.Threading;
using System.Threading.Tasks;
using FinCompliance.Analyzers.PersonalData;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpAnalyzerVerifier<FinCompliance.Analyzers.PersonalData.PersonalDataLoggedAnalyzer>;

namespace FinCompliance.Analyzers.Tests.PersonalData;

public sealed class PersonalDataLoggedTests
{
    internal const string Model = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading.Tasks;
        using FinCompliance;
        using Microsoft.Extensions.Logging;

        public class Customer
        {
            public int Id { get; set; }
            [PersonalData(PersonalDataKind.Name)] public string Name { get; set; } = "";
            [PersonalData(PersonalDataKind.BankCardNumber)] public string CardNumber { get; set; } = "";
            [PersonalData(PersonalDataKind.Phone)] public string? Phone { get; set; }
            [PersonalData(PersonalDataKind.CardSecurityCode)] public string Cvv { get; set; } = "";
            [PersonalData(PersonalDataKind.AccountBalance)] public decimal Balance { get; set; }
            [PersonalData(PersonalDataKind.InternalReference)] public string BranchCode { get; set; } = "";
            [PersonalData(PersonalDataKind.IdNumber), Encrypted] public string IdNumber { get; set; } = "";
            [NotPersonalData] public string Nickname { get; set; } = "";
            public string Segment { get; set; } = "";
        }

        public class Order
        {
            public int Id { get; set; }
            public decimal Amount { get; set; }
            public string Product { get; set; } = "";
        }

        public class Account
        {
            public string Number { get; set; } = "";
            public Customer Holder { get; set; } = new();
        }

        [PersonalData(PersonalDataKind.BankCardNumber)]
        public readonly record struct CardNumber(string Value)
        {
            public int Length => Value.Length;
        }

        public static class Masks
        {
            [MasksPersonalData] public static string Tail(string? value) => value is null ? "" : value.Substring(value.Length - 4);
        }

        public static class Lookup
        {
            [return: PersonalData(PersonalDataKind.Phone)]
            public static Task<string> PhoneAsync(int id) => Task.FromResult("13800000000");
        }
        """;

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => VerifyWithLibrariesAsync(Model + "\npublic class Subject\n{\n" + body + "\n}\n", expected);

    internal static Task VerifyWithLibrariesAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.AddLibraries();
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task MessageNamesTheKindLevelAndSink() => VerifyAsync(
        """
        void M(ILogger logger, Customer customer)
        {
            logger.LogInformation("Card {Card}", {|#0:customer.CardNumber|});
            Console.WriteLine({|#1:customer.Cvv|});
            throw new InvalidOperationException("Declined: " + {|#2:customer.Phone|});
        }
        """,
        Verify.Diagnostic(Rules.PersonalDataLogged).WithLocation(0).WithArguments("BankCardNumber, C2", "Microsoft.Extensions.Logging"),
        Verify.Diagnostic(Rules.PersonalDataLogged).WithLocation(1).WithArguments("CardSecurityCode, C3", "the console"),
        Verify.Diagnostic(Rules.PersonalDataLogged).WithLocation(2).WithArguments("Phone, C2", "an exception message"));

    [Fact]
    public Task MicrosoftExtensionsLoggingCallsAreFlagged() => VerifyAsync("""
        void M(ILogger logger, ILogger<Subject> typed, Customer customer, Exception error)
        {
            logger.LogInformation("Card {Card}", {|FIN3003:customer.CardNumber|});
            logger.LogWarning($"Phone {{|FIN3003:customer.Phone|}}");
            logger.LogError(error, "Customer {Name} failed, balance {Balance}", {|FIN3003:customer.Name|}, {|FIN3003:customer.Balance|});
            typed.LogDebug("{Cvv}", {|FIN3003:customer.Cvv|});
            logger.LogTrace("x"); logger.LogCritical("{Id}", customer.Id);
            logger.Log(LogLevel.Information, "Card {Card}", {|FIN3003:customer.CardNumber|});
            logger.Log(LogLevel.Information, new EventId(1), {|FIN3003:customer.CardNumber|}, null, (state, _) => state);
            using var scope = logger.BeginScope("Customer {Phone}", {|FIN3003:customer.Phone|});
        }
        """);

    [Fact]
    public Task LoggerMessageMethodArgumentsAreFlagged() => VerifyAsync("""
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Card {card} for {segment}")]
        static void LogCard(ILogger logger, string card, string segment) { }

        void M(ILogger logger, Customer customer)
        {
            LogCard(logger, {|FIN3003:customer.CardNumber|}, customer.Segment);
            LogCard(logger, Masking.Mask(customer.CardNumber, PersonalDataKind.BankCardNumber), customer.Segment);
        }
        """);

    [Fact]
    public Task LoggerMessageDefineDelegatesAreFlagged() => VerifyAsync("""
        private static readonly Action<ILogger, string, Exception?> CardDeclined =
            LoggerMessage.Define<string>(LogLevel.Warning, new EventId(7), "Card {Card} declined");

        void M(ILogger logger, Customer customer, Action<string> notify)
        {
            CardDeclined(logger, {|FIN3003:customer.CardNumber|}, null);
            CardDeclined.Invoke(logger, Masking.Mask(customer.CardNumber, PersonalDataKind.BankCardNumber), null);
            notify(customer.CardNumber);
        }
        """);

    [Fact]
    public Task ElementsOfPersonalDataCollectionsAndNullablesCarryIt() => VerifyAsync("""
        void M(ILogger logger, [PersonalData(PersonalDataKind.Phone)] List<string> phones,
            [PersonalData(PersonalDataKind.Income)] decimal? income, [PersonalData(PersonalDataKind.Address)] Dictionary<string, string> addresses)
        {
            logger.LogInformation("{Phone}", {|FIN3003:phones[0]|});
            logger.LogInformation("{Income}", {|FIN3003:income.Value|});
            logger.LogInformation("{Home}", {|FIN3003:addresses["home"]|});
            foreach (var phone in phones)
            {
                logger.LogInformation("{Phone}", {|FIN3003:phone|});
            }

            logger.LogInformation("{Count}", phones.Count);
            logger.LogInformation("{Known}", income.HasValue);
            logger.LogInformation("{Kinds}", addresses.Keys.Count);
        }
        """);

    [Fact]
    public Task SerilogCallsAreFlagged() => VerifyAsync("""
        void M(Serilog.ILogger log, Customer customer, Order order)
        {
            Serilog.Log.Information("Card {Card}", {|FIN3003:customer.CardNumber|});
            Serilog.Log.Fatal("{Phone}", {|FIN3003:customer.Phone|});
            log.Warning("Phone {Phone}", {|FIN3003:customer.Phone|});
            log.Error("{A} {B} {C} {D}", 1, 2, 3, {|FIN3003:customer.Name|});
            log.Debug("x"); log.Verbose("{Id}", customer.Id);
            log.ForContext("Phone", {|FIN3003:customer.Phone|}).Information("updated");
            log.Information("{@Customer}", {|FIN3003:customer|});
            log.Information("{@Order}", order);
        }
        """);

    [Fact]
    public Task NLogAndLog4NetCallsAreFlagged() => VerifyAsync("""
        private static readonly NLog.Logger NLogger = NLog.LogManager.GetCurrentClassLogger();

        void M(NLog.ILogger nlog, log4net.ILog log4, Customer customer)
        {
            NLogger.Info("Card {0}", {|FIN3003:customer.CardNumber|});
            nlog.Warn({|FIN3003:customer.Phone|});
            nlog.Log(NLog.LogLevel.Error, "{0}", {|FIN3003:customer.Name|});
            NLogger.Debug("id {0}", customer.Id);
            log4.InfoFormat("Card {0}", {|FIN3003:customer.CardNumber|});
            log4.Error({|FIN3003:customer.Phone|});
            log4.Debug(customer.Segment);
        }
        """);

    [Fact]
    public Task ConsoleDebugAndTraceAreFlagged() => VerifyAsync("""
        void M(Customer customer, bool verbose)
        {
            Console.WriteLine({|FIN3003:customer.CardNumber|});
            Console.Write("Phone: {0}", {|FIN3003:customer.Phone|});
            Console.Out.WriteLine({|FIN3003:customer.Name|});
            Console.Error.Write({|FIN3003:customer.Cvv|});
            Debug.WriteLine({|FIN3003:customer.CardNumber|});
            Debug.WriteLineIf(verbose, {|FIN3003:customer.Phone|});
            Debug.Assert(customer.Id > 0, $"bad card {{|FIN3003:customer.CardNumber|}}");
            Trace.TraceInformation("Card {0}", {|FIN3003:customer.CardNumber|});
            Trace.WriteLine({|FIN3003:customer.Balance|});
            Console.WriteLine(customer.Segment);
            Console.WriteLine(customer.Id);
        }
        """);

    [Fact]
    public Task ExceptionMessagesAreFlagged() => VerifyAsync("""
        class CardDeclinedException : Exception
        {
            public CardDeclinedException([PersonalData(PersonalDataKind.BankCardNumber)] string card)
                : base("Declined " + {|FIN3003:card|}) { }
        }

        void M(Customer customer)
        {
            var a = new InvalidOperationException($"Card {{|FIN3003:customer.CardNumber|}} declined");
            var b = new ArgumentException("Bad phone " + {|FIN3003:customer.Phone|}, nameof(customer));
            var c = new ArgumentException("Bad phone", nameof(customer.Phone));
            var d = new CardDeclinedException(customer.CardNumber);
            throw new Exception(string.Format("Customer {0}", {|FIN3003:customer.Name|}));
        }
        """);

    [Fact]
    public Task PersonalDataFlowsThroughLocalsConcatenationFormattingArraysAndTernaries() => VerifyAsync("""
        void M(ILogger logger, Customer customer, bool full)
        {
            var card = customer.CardNumber;
            var text = "Card " + card;
            logger.LogInformation({|FIN3003:text|});
            logger.LogInformation($"Card {{|FIN3003:card|}} / {customer.Id}");
            logger.LogInformation(string.Format("Card {0}", {|FIN3003:card|}));
            logger.LogInformation("{A}", new object[] { {|FIN3003:card|}, customer.Id });
            logger.LogInformation("{A}", full ? {|FIN3003:card|} : customer.Segment);
            logger.LogInformation("{A}", {|FIN3003:customer.Phone|} ?? customer.Segment);
            var balance = customer.Balance * 2;
            logger.LogInformation("{Balance}", {|FIN3003:balance|});
            logger.LogInformation("{Balance}", {|FIN3003:customer.Balance.ToString("N2")|});
            logger.LogInformation("{Phone}", {|FIN3003:customer.Phone?.Trim()|});
            logger.LogInformation("{Cards}", string.Join(",", new[] { {|FIN3003:card|} }));
        }
        """);

    [Fact]
    public Task PersonalDataFlowsThroughLambdasLocalFunctionsAndAwait() => VerifyAsync("""
        async Task M(ILogger logger, Customer customer, List<Customer> customers)
        {
            Action log = () => logger.LogInformation("{Card}", {|FIN3003:customer.CardNumber|});
            customers.ForEach(c => Console.WriteLine({|FIN3003:c.Phone|}));
            void Local(string value) => logger.LogInformation("{Value}", {|FIN3003:value|});
            Local(customer.Name);
            var phone = await Lookup.PhoneAsync(customer.Id);
            logger.LogInformation("{Phone}", {|FIN3003:phone|});
            logger.LogInformation("{Phone}", {|FIN3003:await Lookup.PhoneAsync(1)|});
            logger.LogInformation("{Phones}", string.Join(",", {|FIN3003:customers.Select(c => c.Phone)|}));
            logger.LogInformation("{Total}", {|FIN3003:customers.Sum(c => c.Balance)|});
            logger.LogInformation("{Count}", customers.Count(c => c.Phone != null));
            logger.LogInformation("{Ids}", string.Join(",", customers.Select(c => c.Id)));
        }
        """);

    [Fact]
    public Task EncryptedAtRestIsStillPlaintextInALog() => VerifyAsync("""
        void M(ILogger logger, Customer customer)
        {
            logger.LogInformation("{Id}", {|FIN3003:customer.IdNumber|});
        }
        """);

    [Fact]
    public Task WholeObjectsWithPersonalDataMembersAreFlagged() => VerifyAsync("""
        void M(ILogger logger, Customer customer, Account account, List<Customer> customers, Order order)
        {
            logger.LogInformation("{@Customer}", {|FIN3003:customer|});
            logger.LogInformation("{@Account}", {|FIN3003:account|});
            logger.LogInformation("{@Customers}", {|FIN3003:customers|});
            logger.LogInformation("{@Data}", new { {|FIN3003:customer.Phone|}, customer.Id });
            logger.LogInformation("{@Data}", new { Who = {|FIN3003:customer|}, order.Amount });
            logger.LogInformation("{@Order}", order);
            logger.LogInformation("{Account}", account.Number);
        }
        """);

    [Fact]
    public Task TypesAnnotatedAsAWholeCarryTheirContent() => VerifyAsync("""
        void M(ILogger logger, CardNumber card)
        {
            logger.LogInformation("{Card}", {|FIN3003:card|});
            logger.LogInformation("{Card}", {|FIN3003:card.Value|});
            logger.LogInformation("{Length}", card.Length);
            logger.LogInformation("{Length}", card.Value.Length);
            logger.LogInformation("{Hash}", card.GetHashCode());
        }
        """);

    [Fact]
    public Task MaskedValuesAndDerivedFactsAreNotFlagged() => VerifyAsync("""
        void M(ILogger logger, Customer customer, Microsoft.Extensions.Compliance.Redaction.Redactor redactor)
        {
            logger.LogInformation("Card {Card}", Masking.Mask(customer.CardNumber, PersonalDataKind.BankCardNumber));
            var masked = Masking.Mask(customer.Phone, PersonalDataKind.Phone);
            logger.LogInformation($"Phone {masked}");
            logger.LogInformation("Card {Card}", Masks.Tail(customer.CardNumber));
            logger.LogInformation("Card {Card}", redactor.Redact(customer.CardNumber));
            logger.LogInformation("{Length}", customer.CardNumber.Length);
            logger.LogInformation("{Missing}", customer.Phone == null);
            logger.LogInformation("{Empty}", string.IsNullOrEmpty(customer.Phone));
            logger.LogInformation("{Hash}", customer.CardNumber.GetHashCode());
            logger.LogInformation("{Position}", customer.CardNumber.IndexOf('4'));
            logger.LogInformation("{Starts}", customer.CardNumber.StartsWith("62"));
            logger.LogInformation("{Digits}", customer.CardNumber.Count(char.IsDigit));
            logger.LogInformation("{Id} {Segment}", customer.Id, customer.Segment);
            logger.LogInformation("{Branch}", customer.BranchCode);
            logger.LogInformation("{Nick}", customer.Nickname);
            Console.WriteLine($"{customer.Id}: {customer.CardNumber.Length} digits");
        }
        """);

    [Fact]
    public Task ReassignedLocalsNoLongerCarryPersonalData() => VerifyAsync("""
        void M(ILogger logger, Customer customer)
        {
            var text = customer.CardNumber;
            text = "redacted";
            logger.LogInformation(text);
        }
        """);

    [Fact]
    public Task LookAlikeLoggersOfTheUsersOwnNamespaceAreNotSinks() => VerifyWithLibrariesAsync(Model + """

        namespace MyApp
        {
            public class Logger { public void Info(string message) { } public void Information(string m, params object[] a) { } }
            public static class Log { public static void Information(string m, params object[] a) { } }
            public static class Console { public static void WriteLine(object? value) { } }
            public static class Debug { public static void WriteLine(object? value) { } }
            public class NotAnException { public NotAnException(string message) { } }

            public class Subject
            {
                void M(Logger logger, global::Customer customer)
                {
                    logger.Info(customer.CardNumber);
                    logger.Information("{Card}", customer.CardNumber);
                    Log.Information("{Card}", customer.CardNumber);
                    Console.WriteLine(customer.CardNumber);
                    Debug.WriteLine(customer.CardNumber);
                    _ = new NotAnException(customer.CardNumber);
                }
            }
        }
        """);

    [Fact]
    public Task DataClassificationSubclassMembersCount() => VerifyWithLibrariesAsync("""
        using Microsoft.Extensions.Compliance.Classification;
        using Microsoft.Extensions.Logging;

        public sealed class PrivateDataAttribute : DataClassificationAttribute
        {
            public PrivateDataAttribute() : base(new DataClassification("Bank", "Private")) { }
        }

        public class Payee
        {
            [PrivateData] public string Email { get; set; } = "";
            public string Alias { get; set; } = "";
        }

        public class Subject
        {
            void M(ILogger logger, Payee payee, FinCompliance.PersonalDataKind unused)
            {
                logger.LogInformation("{Email}", {|#0:payee.Email|});
                logger.LogInformation("{Alias}", payee.Alias);
            }
        }
        """,
        Verify.Diagnostic(Rules.PersonalDataLogged).WithLocation(0).WithArguments("Other, C2", "Microsoft.Extensions.Logging"));

    [Fact]
    public Task AttributeAliasesCount()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.Extensions.Logging;

                namespace Vendor
                {
                    [System.AttributeUsage(System.AttributeTargets.All)] public sealed class SensitiveAttribute : System.Attribute { }
                    [System.AttributeUsage(System.AttributeTargets.All)] public sealed class ScrubAttribute : System.Attribute { }
                }

                public class Payee
                {
                    [Vendor.Sensitive] public string Mobile { get; set; } = "";
                    public string Alias { get; set; } = "";
                    [Vendor.Scrub] public static string Scrub(string value) => "***";
                }

                public class Subject
                {
                    void M(ILogger logger, Payee payee, FinCompliance.PersonalDataKind unused)
                    {
                        logger.LogInformation("{Mobile}", {|#0:payee.Mobile|});
                        logger.LogInformation("{Mobile}", Payee.Scrub(payee.Mobile));
                        logger.LogInformation("{Alias}", payee.Alias);
                    }
                }
                """,
        };
        test.TestState.AddLibraries();
        test.TestState.AddGlobalOptions(("fincompliance.attribute_aliases", "Vendor.SensitiveAttribute=PersonalData(Phone), Vendor.ScrubAttribute=MasksPersonalData"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Rules.PersonalDataLogged).WithLocation(0).WithArguments("Phone, C2", "Microsoft.Extensions.Logging"));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task BrokenCodeDoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = Model + """

                public class Subject
                {
                    void M(ILogger logger, Customer customer)
                    {
                        logger.LogInformation("{Card}", customer.Missing, );
                        logger.LogInformation($"{customer.CardNumber.}");
                        Console.WriteLine(Unknown(customer.CardNumber));
                        throw new Exception(message: );
                        var x = new { customer. };
                        Console.WriteLine({|FIN3003:customer.CardNumber|}
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AddLibraries();
        return test.RunAsync(CancellationToken.None);
    }
}
