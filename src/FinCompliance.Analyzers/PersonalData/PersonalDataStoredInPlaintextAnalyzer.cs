using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

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
        var compilation = context.Compilation;
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
                    || classification.Kind == PersonalInformationKind.CredentialHash)
                {
                    return;
                }

                var model = PersonalDataStorageModel.For(compilation, classifier);
                if (!model.IsPersistedMember(member) || classifier.IsEncrypted(member) || model.IsEncryptedByConversion(member))
                {
                    return;
                }

                symbolContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.PersonalDataStoredInPlaintext, member.Locations[0], member.Name, classification.ToString()));
            },
            SymbolKind.Property,
            SymbolKind.Field);
    }
}
