using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>
/// Exact attribute look-ups. FinCompliance attributes are looked up through <see cref="FinComplianceAttributes"/>
/// instead, which also honours <c>fincompliance.attribute_aliases</c>.
/// </summary>
public static class SymbolExtensions
{
    /// <summary>Whether <paramref name="symbol"/> carries an attribute of exactly <paramref name="attributeType"/>.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public static bool HasAttribute(this ISymbol symbol, INamedTypeSymbol? attributeType)
        => symbol.GetAttribute(attributeType) is not null;

    /// <summary>The first attribute of exactly <paramref name="attributeType"/> on <paramref name="symbol"/>, if any.</summary>
    [MethodImpl(JitOptions.Optimized)]
    public static AttributeData? GetAttribute(this ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it (a constructed generic type
    /// matches its definition: <c>EntityTypeBuilder&lt;T&gt;</c> derives from <c>EntityTypeBuilder</c>).
    /// </summary>
    public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of the first constructor argument, or of a named argument, of <paramref name="attribute"/>.</summary>
    public static TypedConstant? GetArgument(this AttributeData attribute, int position, string? name = null)
    {
        if (name is not null)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == name)
                {
                    return named.Value;
                }
            }
        }

        return position < attribute.ConstructorArguments.Length ? attribute.ConstructorArguments[position] : null;
    }
}
