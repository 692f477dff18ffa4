using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FinCompliance.Generators;

/// <summary>Turns each use of an inventoried attribute into <see cref="InventoryEntry"/> rows, and merges them.</summary>
internal static class InventoryParser
{
    /// <summary>
    /// The attributes the inventory lists (category = attribute name without <c>Attribute</c>): what data is held
    /// and how it is protected, where it goes and how long it is kept, whose money it is, and the processing done for
    /// sales and identification. Content annotations (<c>RiskWarning</c>, <c>Disclosure</c>, …) are not listed.
    /// </summary>
    public static readonly ImmutableArray<string> Categories = ImmutableArray.Create(
        "PersonalData", "NotPersonalData", "Encrypted", "MasksPersonalData", "DataEgress", "PersistedEntity", "RetainedRecord", "OptIn",
        "ClientFunds", "CustomerReserveFunds", "ProprietaryFunds", "Redemption", "AuthorizedTransfer", "InformationIntermediary", "CreditEnhancement",
        "ProductPromotion", "ProductYield", "PromotionalReward",
        "ProductSale", "SuitabilityCheck", "RequiresCustomerIdentification", "CustomerIdentification");

    /// <summary>The names of <c>ProductKind</c>, by value.</summary>
    public static readonly string[] ProductKindNames =
        ["General", "Fund", "Wealth", "Insurance", "Lending", "Crowdfunding", "Trust", "ConsumerFinance", "Payment"];

    /// <summary>
    /// The syntax half of a file: the entries the syntax settles (<see cref="InventorySyntaxReader"/>, when
    /// <paramref name="context"/> allows it), and the candidates left for binding. It needs no compilation, so the
    /// generator keeps its result for every file that was not edited.
    /// </summary>
    public static InventoryFileReading ReadFile(InventoryCandidates candidates, InventoryReadContext context, CancellationToken cancellationToken)
    {
        var entries = new List<InventoryEntry>();
        List<PendingCandidate>? toBind = null;
        foreach (var candidate in candidates.Nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = entries.Count;
            switch (context.BySyntax ? InventorySyntaxReader.Read(candidate, entries, context.MultiPartRecords) : SyntaxReading.NotSettled)
            {
                case SyntaxReading.Read:
                    break;
                case SyntaxReading.NeedsBoundId:
                    (toBind ??= []).Add(new PendingCandidate(candidate, entries.GetRange(start, entries.Count - start).ToEquatableArray()));
                    entries.RemoveRange(start, entries.Count - start);
                    break;
                default:
                    (toBind ??= []).Add(new PendingCandidate(candidate, ReadEntries: null));
                    break;
            }
        }

        return new InventoryFileReading(entries.ToEquatableArray(), toBind is null ? null : new PendingCandidates(candidates.Tree, toBind.ToImmutableArray()));
    }

    /// <summary>
    /// The documentation IDs the project's types settle (<see cref="SourceTypes"/>) for the candidates <see cref="ReadFile"/>
    /// read but left for their ID (methods with parameters of the project's types): their entries join the read ones, the
    /// rest stays for binding. Separate from <see cref="ReadFile"/> so that a change of the project's types names IDs
    /// again without re-reading every file. <paramref name="reading"/> itself when nothing is named.
    /// </summary>
    public static InventoryFileReading NameIds(InventoryFileReading reading, SourceTypes types)
    {
        if (reading.ToBind is not { } pending)
        {
            return reading;
        }

        List<InventoryEntry>? named = null;
        List<PendingCandidate>? stillPending = null;
        for (var i = 0; i < pending.Candidates.Length; i++)
        {
            var candidate = pending.Candidates[i];
            if (candidate.ReadEntries is { } readEntries
                && InventorySyntaxReader.TryGetNamedId(candidate.Candidate.Node, types, out var id, out var kind))
            {
                if (named is null)
                {
                    named = [.. reading.Entries];
                    stillPending = [.. pending.Candidates.Take(i)];
                }

                foreach (var entry in readEntries)
                {
                    named.Add(entry with { Symbol = id, SymbolKind = kind });
                }
            }
            else
            {
                stillPending?.Add(candidate);
            }
        }

        return named is null
            ? reading
            : new InventoryFileReading(named.ToEquatableArray(), stillPending!.Count == 0 ? null : new PendingCandidates(pending.Tree, stillPending.ToImmutableArray()));
    }

    /// <summary>The bound half of a file: the candidates <see cref="ReadFile"/> left, bound in <paramref name="compilation"/>.</summary>
    public static EquatableArray<InventoryEntry> BindFile(PendingCandidates pending, Compilation compilation, CancellationToken cancellationToken)
    {
        var semanticModel = compilation.GetSemanticModel(pending.Tree);
        var entries = new List<InventoryEntry>();
        foreach (var (candidate, readEntries) in pending.Candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (readEntries is null)
            {
                AddBySymbol(candidate, semanticModel, pending.Tree, entries, cancellationToken);
            }
            else if (InventorySyntaxReader.TryGetBoundId(candidate.Node, semanticModel, cancellationToken, out var id, out var kind) && id is not null)
            {
                foreach (var entry in readEntries)
                {
                    entries.Add(entry with { Symbol = id, SymbolKind = kind });
                }
            }
        }

        return entries.ToEquatableArray();
    }

    private static void AddBySymbol(InventoryCandidate candidate, SemanticModel semanticModel, SyntaxTree tree, List<InventoryEntry> entries, CancellationToken cancellationToken)
    {
        var node = candidate.Node;
        var target = node switch
        {
            CompilationUnitSyntax => semanticModel.Compilation.Assembly,
            LambdaExpressionSyntax => semanticModel.GetSymbolInfo(node, cancellationToken).Symbol,
            _ => semanticModel.GetDeclaredSymbol(node, cancellationToken),
        };
        if (target is null)
        {
            return;
        }

        // A record's positional parameter is listed as its property, with the attributes the parameter's lists give the
        // property ([property: PersonalData(...)]) beside its own.
        var property = PositionalProperty(target, cancellationToken);
        var attributes = MatchingAttributes(target, tree, candidate.Categories, property is null ? null : (property, node.Span));
        if (attributes.Count == 0)
        {
            return;
        }

        var symbol = (ISymbol?)property ?? target;
        var id = DocumentationId(symbol);
        if (id is null)
        {
            return;
        }

        var returnAttributes = symbol is IMethodSymbol method ? method.GetReturnTypeAttributes() : ImmutableArray<AttributeData>.Empty;
        foreach (var (category, attribute) in attributes)
        {
            var isReturn = returnAttributes.Contains(attribute);
            var description = Describe(category, attribute);
            entries.Add(new InventoryEntry(
                isReturn ? id + "/return" : id,
                isReturn ? "ReturnValue" : SymbolKindOf(symbol),
                category,
                description.Kind,
                description.Level,
                description.Detail,
                description.RetentionYears));
        }
    }

    /// <summary>
    /// The attributes of the categories the node may carry, applied in this file, in category order: the attributes
    /// <c>ForAttributeWithMetadataName</c> gives for each category (own, return value's, and the modules' for an assembly),
    /// and for a record's positional parameter those of its property applied within the parameter (<paramref name="positional"/>).
    /// </summary>
    private static List<(string Category, AttributeData Attribute)> MatchingAttributes(
        ISymbol symbol, SyntaxTree tree, int categories, (IPropertySymbol Property, TextSpan Parameter)? positional)
    {
        var all = new List<AttributeData>(symbol.GetAttributes());
        if (positional is var (property, parameter))
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.ApplicationSyntaxReference is { } application && application.SyntaxTree == tree && parameter.Contains(application.Span))
                {
                    all.Add(attribute);
                }
            }
        }

        if (symbol is IMethodSymbol method)
        {
            all.AddRange(method.GetReturnTypeAttributes());
        }

        if (symbol is IAssemblySymbol assembly)
        {
            foreach (var module in assembly.Modules)
            {
                all.AddRange(module.GetAttributes());
            }
        }

        var result = new List<(string, AttributeData)>();
        for (var i = 0; i < Categories.Length; i++)
        {
            if ((categories & (1 << i)) == 0)
            {
                continue;
            }

            var metadataName = MetadataName(Categories[i]);
            foreach (var attribute in all)
            {
                if (attribute.ApplicationSyntaxReference?.SyntaxTree == tree
                    && attribute.AttributeClass is { ContainingType: null, Arity: 0 } attributeClass
                    && attributeClass.ToDisplayString(QualifiedName) == metadataName)
                {
                    result.Add((Categories[i], attribute));
                }
            }
        }

        return result;
    }

    /// <summary><c>FinCompliance.PersonalDataAttribute</c>: how <c>ForAttributeWithMetadataName</c> names a non-generic, non-nested class.</summary>
    private static readonly SymbolDisplayFormat QualifiedName = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

    private static string MetadataName(string category) => "FinCompliance." + category + "Attribute";

    public static InventoryOptions ReadOptions(AnalyzerConfigOptionsProvider provider, CancellationToken _)
    {
        var options = provider.GlobalOptions;
        var enabled = !(options.TryGetValue("build_property." + AnalyzerOptionsExtensions.GenerateInventoryProperty, out var generate)
                        && string.Equals(generate?.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        var years = options.TryGetValue("build_property." + AnalyzerOptionsExtensions.RetentionYearsProperty, out var text)
                    && int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                    && parsed > 0
            ? parsed
            : AnalyzerOptionsExtensions.DefaultRetentionYears;
        return new InventoryOptions(enabled, years);
    }

    public static EquatableArray<InventoryEntry> Concat(ImmutableArray<EquatableArray<InventoryEntry>> groups)
        => groups.SelectMany(static group => group).ToEquatableArray();

    /// <summary>The model to emit, or null when the inventory is off or empty.</summary>
    public static InventoryModel? Build(EquatableArray<InventoryEntry> entries, InventoryOptions options)
    {
        if (!options.Enabled || entries.IsEmpty)
        {
            return null;
        }

        var rows = entries
            .Select(entry => entry.RetentionYears < 0
                ? entry
                : entry with
                {
                    Detail = entry.RetentionYears == 0
                        ? $"Retention: {options.DefaultRetentionYears} years (FinComplianceRetentionYears)"
                        : $"Retention: {entry.RetentionYears} years",
                })
            .Distinct()
            .OrderBy(entry => entry.Symbol, StringComparer.Ordinal)
            .ThenBy(entry => entry.Category, StringComparer.Ordinal)
            .ThenBy(entry => entry.SymbolKind, StringComparer.Ordinal);
        return new InventoryModel(rows.ToEquatableArray());
    }

    private static InventoryDescription Describe(string category, AttributeData attribute)
    {
        switch (category)
        {
            case "PersonalData":
                int? level = null;
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "Level" && named.Value.Value is int levelValue)
                    {
                        level = levelValue;
                    }
                }

                return InventoryDescription.PersonalData(attribute.ConstructorArguments is [{ Value: int kind }] ? kind : -1, level);
            case "ProductPromotion":
                return InventoryDescription.ProductPromotion(attribute.ConstructorArguments is [{ Value: int product }] ? product : 0);
            case "RetainedRecord":
                return InventoryDescription.RetainedRecord(attribute.ConstructorArguments is [{ Value: int years }] ? years : 0);
            case "AuthorizedTransfer":
                return InventoryDescription.AuthorizedTransfer(attribute.ConstructorArguments is [{ Value: string text }] ? text : string.Empty);
            default:
                return InventoryDescription.None;
        }
    }

    /// <summary>
    /// A record's positional parameter stands for the property the compiler makes of it: that is what an auditor
    /// looks for (<c>P:Bank.Trade.Details</c>, not <c>M:Bank.Trade.#ctor(…)/Details</c>).
    /// </summary>
    private static IPropertySymbol? PositionalProperty(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol is not IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { IsRecord: true } record } constructor } parameter)
        {
            return null;
        }

        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax)
            {
                foreach (var member in record.GetMembers(parameter.Name))
                {
                    if (member is IPropertySymbol property)
                    {
                        return property;
                    }
                }
            }
        }

        return null;
    }

    private static string? DocumentationId(ISymbol symbol)
        => symbol is IParameterSymbol parameter
            ? parameter.ContainingSymbol?.GetDocumentationCommentId() is { } owner ? owner + "/" + parameter.Name : null
            : symbol.GetDocumentationCommentId();

    private static string SymbolKindOf(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol => "Type",
        IPropertySymbol => "Property",
        IFieldSymbol => "Field",
        IMethodSymbol => "Method",
        IParameterSymbol => "Parameter",
        _ => symbol.Kind.ToString(),
    };
}
