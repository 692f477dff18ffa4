using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers;

/// <summary>
/// FIN3001: a C2 member of a persisted type (EF Core entity, <c>[Table]</c>, <c>[PersistedEntity]</c>) whose value
/// is not encrypted (<c>[Encrypted]</c> on the member or its type, or an <c>[Encrypted]</c> EF Core value converter).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataStoredInPlaintextAnalyzer : FinComplianceAnalyzer
{
    public PersonalDataStoredInPlaintextAnalyzer()
        : base(Rules.PersonalDataStoredInPlaintext)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        var classifier = PersonalDataClassifier.For(context.Compilation, context.Options);

        // Which types are stored is a fact of the whole compilation (a DbContext elsewhere, a navigation, a value
        // converter): the calls are collected from the operations the driver binds anyway, the C2 members as their
        // symbols are declared, and the members are judged at compilation end (issue #6).
        var model = new PersonalDataStorageModel(context.Compilation, classifier);
        var candidates = new ConcurrentBag<(ISymbol Member, PersonalDataClass Classification)>();
        context.RegisterOperationAction(operationContext => model.AddInvocation((IInvocationOperation)operationContext.Operation), OperationKind.Invocation);
        context.RegisterSymbolAction(
            symbolContext =>
            {
                var member = symbolContext.Symbol;
                if (member.IsStatic || member.IsImplicitlyDeclared || member is IFieldSymbol { IsConst: true })
                {
                    return;
                }

                // C1 is internal information; C3 is FIN3002's; a credential hash is already one-way.
                if (classifier.Classify(member) is not { Level: SensitivityLevel.C2 } classification
                    || classification.Kind == PersonalInformationKind.CredentialHash
                    || classifier.IsEncrypted(member))
                {
                    return;
                }

                candidates.Add((member, classification));
            },
            SymbolKind.Property,
            SymbolKind.Field);
        context.RegisterCompilationEndAction(endContext =>
        {
            if (candidates.IsEmpty)
            {
                return;
            }

            model.Complete(endContext.CancellationToken);
            foreach (var (member, classification) in candidates)
            {
                if (model.IsPersistedMember(member) && !model.IsEncryptedByConversion(member))
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(
                        Rules.PersonalDataStoredInPlaintext, member.Locations[0], member.Name, classification.ToString()));
                }
            }
        });
    }
}
