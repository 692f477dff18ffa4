using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FinCompliance.Analyzers.Promotion;

/// <summary>
/// FIN1005: a type that must disclose items (<c>[RequiresDisclosure(items)]</c>, or
/// <c>[ProductPromotion(ProductKind.Crowdfunding)]</c>, which implies BusinessModel, Management, Financials and
/// UseOfFunds) without a <c>[Disclosure(item)]</c> member of its own or inherited for each. One diagnostic per
/// missing item. Requirements are inherited; abstract types are left to their concrete derived types, and an item
/// a non-abstract base already misses is reported at that base only.
/// </summary>
public sealed class MissingDisclosureAnalyzer : FinComplianceAnalyzer
{
    /// <summary>Diagnostic property: the missing <c>DisclosureItem</c> name.</summary>
    public const string ItemProperty = "DisclosureItem";

    private const int Crowdfunding = 5;

    private static readonly string[] ItemNames =
        ["BusinessModel", "Management", "Financials", "UseOfFunds", "RiskLevel", "Fees", "PastPerformance"];

    private static readonly int[] CrowdfundingItems = [0, 1, 2, 3];

    public MissingDisclosureAnalyzer()
        : base(Rules.MissingDisclosure)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        if (symbols.Disclosure is not { } disclosure)
        {
            return;
        }

        var attributes = FinComplianceAttributes.For(context.Compilation, context.Options);
        context.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, attributes, disclosure), SymbolKind.NamedType);
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeType(SymbolAnalysisContext context, FinComplianceAttributes attributes, INamedTypeSymbol disclosure)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract)
        {
            return;
        }

        var required = RequiredItems(type, attributes);
        if (required.Count == 0)
        {
            return;
        }

        var disclosed = DisclosedItems(type, disclosure);
        foreach (var item in required)
        {
            if (disclosed.Contains(item) || BaseAlreadyMisses(type, item, attributes))
            {
                continue;
            }

            var name = item >= 0 && item < ItemNames.Length ? ItemNames[item] : item.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.MissingDisclosure, type.Locations.IsEmpty ? Location.None : type.Locations[0],
                ImmutableDictionary<string, string?>.Empty.Add(ItemProperty, name),
                type.Name, name));
        }
    }

    /// <summary>The items the type itself or any base type requires, in DisclosureItem order.</summary>
    private static SortedSet<int> RequiredItems(INamedTypeSymbol type, FinComplianceAttributes attributes)
    {
        var items = new SortedSet<int>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            AddOwnRequirements(current, attributes, items);
        }

        return items;
    }

    /// <remarks>
    /// An alias stands for the attribute without arguments: <c>[RequiresDisclosure]</c> requires no item, and
    /// <c>[ProductPromotion]</c> is <c>ProductKind.General</c>, which implies none.
    /// </remarks>
    private static void AddOwnRequirements(INamedTypeSymbol type, FinComplianceAttributes attributes, SortedSet<int> items)
    {
        var symbols = attributes.Symbols;
        if (attributes.TryGet(type, symbols.RequiresDisclosure, out var requires) && requires is { ConstructorArguments: [var argument] })
        {
            if (argument.Kind == TypedConstantKind.Array)
            {
                foreach (var value in argument.Values)
                {
                    if (value.Value is int item)
                    {
                        items.Add(item);
                    }
                }
            }
            else if (argument.Value is int single)
            {
                items.Add(single);
            }
        }

        if (attributes.TryGet(type, symbols.ProductPromotion, out var promotion) && promotion?.GetArgument(0, "Kind")?.Value is Crowdfunding)
        {
            items.UnionWith(CrowdfundingItems);
        }
    }

    private static HashSet<int> DisclosedItems(INamedTypeSymbol type, INamedTypeSymbol disclosure)
    {
        var items = new HashSet<int>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not (IPropertySymbol or IFieldSymbol or IMethodSymbol))
                {
                    continue;
                }

                AddDisclosed(member, disclosure, items);
            }
        }

        // interface IFeeSchedule { [Disclosure(DisclosureItem.Fees)] string FeeTable { get; } }: implementing it discloses.
        foreach (var contract in type.AllInterfaces)
        {
            foreach (var member in contract.GetMembers())
            {
                if (member is IPropertySymbol or IFieldSymbol or IMethodSymbol
                    && type.FindImplementationForInterfaceMember(member) is not null)
                {
                    AddDisclosed(member, disclosure, items);
                }
            }
        }

        return items;
    }

    private static void AddDisclosed(ISymbol member, INamedTypeSymbol disclosure, HashSet<int> items)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, disclosure)
                && attribute.ConstructorArguments is [{ Value: int item }])
            {
                items.Add(item);
            }
        }
    }

    /// <summary>
    /// Whether a non-abstract base type also requires <paramref name="item"/> and lacks it: that base is reported,
    /// and repeating the diagnostic at every derived type would be noise.
    /// </summary>
    private static bool BaseAlreadyMisses(INamedTypeSymbol type, int item, FinComplianceAttributes attributes)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (!current.IsAbstract && RequiredItems(current, attributes).Contains(item)
                && attributes.Symbols.Disclosure is { } disclosure && !DisclosedItems(current, disclosure).Contains(item))
            {
                return true;
            }
        }

        return false;
    }
}
