using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = FinCompliance.Analyzers.Tests.CSharpCodeFixVerifier<
    FinCompliance.Analyzers.PersonalData.PersonalDataLoggedAnalyzer,
    FinCompliance.CodeFixes.PersonalDataLoggedCodeFixProvider>;

namespace FinCompliance.Analyzers.Tests.PersonalData;

public sealed class PersonalDataLoggedCodeFixTests
{
    private const string Customer = """

        public class Customer
        {
            public int Id { get; set; }
            [FinCompliance.PersonalData(FinCompliance.PersonalDataKind.BankCardNumber)] public string CardNumber { get; set; } = "";
            [FinCompliance.PersonalData(FinCompliance.PersonalDataKind.Phone)] public string? Phone { get; set; }
            [FinCompliance.PersonalData(FinCompliance.PersonalDataKind.AccountBalance)] public decimal Balance { get; set; }
            [FinCompliance.PersonalData(FinCompliance.PersonalDataKind.AccountBalance)] public decimal? Pending { get; set; }
        }
        """;

    private static Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = new Verify.Test { TestCode = source + Customer, FixedCode = fixedSource + Customer };
        test.TestState.AddLibraries();
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task WrapsTheReferenceUsingTheShortNamesWhenTheFileImportsFinCompliance() => VerifyFixAsync(
        """
        using FinCompliance;
        using Microsoft.Extensions.Logging;

        public class Subject
        {
            void M(ILogger logger, Customer customer)
            {
                logger.LogInformation("Card {Card}", {|FIN3003:customer.CardNumber|});
            }
        }
        """,
        """
        using FinCompliance;
        using Microsoft.Extensions.Logging;

        public class Subject
        {
            void M(ILogger logger, Customer customer)
            {
                logger.LogInformation("Card {Card}", Masking.Mask(customer.CardNumber, PersonalDataKind.BankCardNumber));
            }
        }
        """);

    [Fact]
    public Task QualifiesTheNamesWhenTheFileDoesNotImportFinCompliance() => VerifyFixAsync(
        """
        using System;

        public class Subject
        {
            void M(Customer customer)
            {
                Console.WriteLine($"Phone {{|FIN3003:customer.Phone|}}");
            }
        }
        """,
        """
        using System;

        public class Subject
        {
            void M(Customer customer)
            {
                Console.WriteLine($"Phone {FinCompliance.Masking.Mask(customer.Phone, FinCompliance.PersonalDataKind.Phone)}");
            }
        }
        """);

    [Fact]
    public Task NonStringValuesAreConvertedFirstAndFixAllFixesEveryReference() => VerifyFixAsync(
        """
        using System;
        using FinCompliance;

        public class Subject
        {
            void M(Customer customer)
            {
                Console.WriteLine("Balance " + {|FIN3003:customer.Balance|} + " pending " + {|FIN3003:customer.Pending|});
                throw new InvalidOperationException($"Card {{|FIN3003:customer.CardNumber|}} / {{|FIN3003:customer.Phone|}}");
            }
        }
        """,
        """
        using System;
        using FinCompliance;

        public class Subject
        {
            void M(Customer customer)
            {
                Console.WriteLine("Balance " + Masking.Mask(customer.Balance.ToString(), PersonalDataKind.AccountBalance) + " pending " + Masking.Mask(customer.Pending?.ToString(), PersonalDataKind.AccountBalance));
                throw new InvalidOperationException($"Card {Masking.Mask(customer.CardNumber, PersonalDataKind.BankCardNumber)} / {Masking.Mask(customer.Phone, PersonalDataKind.Phone)}");
            }
        }
        """);

    [Fact]
    public Task FixAllMasksManyReferencesInOneMethod()
    {
        // Fix All rewrites a document once; every occurrence must still get its own kind and conversion.
        var source = new System.Text.StringBuilder();
        var expected = new System.Text.StringBuilder();
        for (var i = 0; i < 45; i++)
        {
            var (reference, masked) = (i % 3) switch
            {
                0 => ("customer.CardNumber", "Masking.Mask(customer.CardNumber, PersonalDataKind.BankCardNumber)"),
                1 => ("customer.Phone", "Masking.Mask(customer.Phone, PersonalDataKind.Phone)"),
                _ => ("customer.Balance", "Masking.Mask(customer.Balance.ToString(), PersonalDataKind.AccountBalance)"),
            };
            source.Append($"        logger.LogInformation(\"Line {i} {{Value}}\", {{|FIN3003:{reference}|}});\n");
            expected.Append($"        logger.LogInformation(\"Line {i} {{Value}}\", {masked});\n");
        }

        const string Head = """
            using FinCompliance;
            using Microsoft.Extensions.Logging;

            public class Subject
            {
                void M(ILogger logger, Customer customer)
                {

            """;
        const string Tail = """
                }
            }
            """;
        var test = new Verify.Test
        {
            TestCode = Head + source + Tail + Customer,
            FixedCode = Head + expected + Tail + Customer,
            // One fix at a time is covered above; here only Fix All matters (and 45 single fixes would re-analyse 45 times).
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
            NumberOfIncrementalIterations = 45,
            NumberOfFixAllInDocumentIterations = 1,
        };
        test.TestState.AddLibraries();
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task NoFixForWholeObjectsOrValuesMixingKinds()
    {
        const string source = """
            using FinCompliance;
            using Microsoft.Extensions.Logging;

            public class Subject
            {
                void M(ILogger logger, Customer customer)
                {
                    var both = customer.CardNumber + customer.Phone;
                    logger.LogInformation("{@Customer}", {|FIN3003:customer|});
                    logger.LogInformation("{Both}", {|FIN3003:both|});
                }
            }
            """;
        return VerifyFixAsync(source, source);
    }
}
