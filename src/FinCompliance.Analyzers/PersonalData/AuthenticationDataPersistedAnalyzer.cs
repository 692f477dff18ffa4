using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers;

/// <summary>
/// FIN3002: a C3 member (PIN, card security code, track data, card expiry, password, biometric) of a persisted type,
/// encrypted or not, or one that System.Text.Json / Newtonsoft.Json writes out when its type is serialized in the
/// compilation. PCI DSS 3.3.1 forbids storing sensitive authentication data after authorisation at all.
/// </summary>
public sealed class AuthenticationDataPersistedAnalyzer : FinComplianceAnalyzer
{
    public AuthenticationDataPersistedAnalyzer()
        : base(Rules.AuthenticationDataPersisted)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        var classifier = PersonalDataClassifier.For(context.Compilation, context.Options);
        var json = PersonalDataSymbols.For(context.Compilation);

        // As FIN3001: the calls from the driver's operations, the C3 members as declared, the judgement at compilation end.
        PersonalDataStorageModel.RegisterCompilationEndRule(
            context,
            classifier,
            member => classifier.Classify(member) is { Level: SensitivityLevel.C3 } classification ? classification : null,
            (endContext, model, member, classification) =>
            {
                if (Ways(member, model, json) is { } ways)
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(
                        Rules.AuthenticationDataPersisted, member.Locations[0], member.Name, classification.ToString(), ways));
                }
            });
    }

    /// <summary>How a C3 member leaves the process: "persisted", "serialized by …", both, or null.</summary>
    private static string? Ways(ISymbol member, PersonalDataStorageModel model, PersonalDataSymbols json)
    {
        var ways = new List<string>(2);
        if (model.IsPersistedMember(member))
        {
            ways.Add("persisted");
        }

        var serializers = model.SerializedBy(member.ContainingType);
        var by = new List<string>(2);
        if ((serializers & JsonSerializers.SystemTextJson) != 0 && IsWrittenBySystemTextJson(member, json))
        {
            by.Add("System.Text.Json");
        }

        if ((serializers & JsonSerializers.NewtonsoftJson) != 0 && IsWrittenByNewtonsoft(member, json))
        {
            by.Add("Newtonsoft.Json");
        }

        if (by.Count > 0)
        {
            ways.Add("serialized by " + string.Join(" and ", by));
        }

        return ways.Count == 0 ? null : string.Join(" and ", ways);
    }

    /// <summary>System.Text.Json's defaults: public properties with a public getter, fields and non-public properties only with <c>[JsonInclude]</c>.</summary>
    private static bool IsWrittenBySystemTextJson(ISymbol member, PersonalDataSymbols json)
    {
        var ignore = member.GetAttribute(json.SystemTextJsonIgnore);
        if (ignore is not null)
        {
            // [JsonIgnore] means Condition = Always; Never/WhenWritingNull/WhenWritingDefault still write real values.
            var condition = 1;
            foreach (var named in ignore.NamedArguments)
            {
                if (named.Key == "Condition" && named.Value.Value is int value)
                {
                    condition = value;
                }
            }

            if (condition == 1)
            {
                return false;
            }
        }

        var included = member.HasAttribute(json.SystemTextJsonInclude);
        return member switch
        {
            IPropertySymbol { IsIndexer: false, GetMethod: { } getter } => included || (member.DeclaredAccessibility == Accessibility.Public && getter.DeclaredAccessibility == Accessibility.Public),
            IFieldSymbol => included,
            _ => false,
        };
    }

    /// <summary>Newtonsoft.Json's defaults: public properties and fields (opt-out), or only <c>[JsonProperty]</c>/<c>[DataMember]</c> ones in opt-in types.</summary>
    private static bool IsWrittenByNewtonsoft(ISymbol member, PersonalDataSymbols json)
    {
        if (member.HasAttribute(json.NewtonsoftJsonIgnore) || member.HasAttribute(json.IgnoreDataMember))
        {
            return false;
        }

        if (member.HasAttribute(json.NewtonsoftJsonProperty))
        {
            return true;
        }

        if (IsOptIn(member.ContainingType, json))
        {
            return member.HasAttribute(json.DataMember);
        }

        return member switch
        {
            IPropertySymbol { IsIndexer: false, GetMethod: { } getter } => member.DeclaredAccessibility == Accessibility.Public && getter.DeclaredAccessibility == Accessibility.Public,
            IFieldSymbol => member.DeclaredAccessibility == Accessibility.Public,
            _ => false,
        };
    }

    private static bool IsOptIn(INamedTypeSymbol type, PersonalDataSymbols json)
    {
        var jsonObject = type.GetAttribute(json.NewtonsoftJsonObject);
        if (jsonObject is not null)
        {
            // MemberSerialization: OptOut = 0, OptIn = 1, Fields = 2.
            var mode = jsonObject.GetArgument(0, "MemberSerialization");
            return mode?.Value is 1;
        }

        return type.HasAttribute(json.DataContract);
    }
}
