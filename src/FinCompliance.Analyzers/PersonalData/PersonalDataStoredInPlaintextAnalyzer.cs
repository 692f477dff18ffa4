using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// FIN3001: a C2 member of a persisted type (EF Core entity, <c>[Table]</c>, <c>[PersistedEntity]</c>) whose value
/// is not encrypted (<c>[Encrypted]</c> on the member or its type, or an <c>[Encrypted]</c> EF Core value converter).
/// </summary>
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
        PersonalDataStorageModel.RegisterCompilationEndRule(
            context,
            classifier,
            // C1 is internal information; C3 is FIN3002's; a credential hash is already one-way.
            member => classifier.Classify(member) is { Level: SensitivityLevel.C2 } classification
                      && classification.Kind != PersonalInformationKind.CredentialHash
                      && !classifier.IsEncrypted(member)
                ? classification
                : null,
            (endContext, model, member, classification) =>
            {
                if (model.IsPersistedMember(member) && !model.IsEncryptedByConversion(member))
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(
                        Rules.PersonalDataStoredInPlaintext, member.Locations[0], member.Name, classification.ToString()));
                }
            });
    }
}
