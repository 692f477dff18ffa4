using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Analyzers;

/// <summary>
/// Answers "does this method carry the attribute?" for one attribute type, looking through generic
/// instantiations, reduced extension methods, overrides and interface implementations (method attributes are not
/// inherited by <see cref="ISymbol.GetAttributes"/>, but a call on an implementation of a marked interface method is
/// the same sale). Results are cached per compilation because the same methods are asked about again and again.
/// </summary>
internal sealed class MarkedMethods
{
    private readonly INamedTypeSymbol? attributeType;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> cache = new(SymbolEqualityComparer.Default);

    public MarkedMethods(INamedTypeSymbol? attributeType) => this.attributeType = attributeType;

    public bool IsAvailable => attributeType is not null;

    public bool IsMarked(IMethodSymbol? method)
    {
        if (method is null || attributeType is null)
        {
            return false;
        }

        return cache.GetOrAdd(method, Compute);
    }

    private bool Compute(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        for (var current = definition; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
        {
            if (current.HasAttribute(attributeType) || ImplementsMarkedInterfaceMember(current))
            {
                return true;
            }
        }

        return false;
    }

    private bool ImplementsMarkedInterfaceMember(IMethodSymbol method)
    {
        foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
        {
            if (explicitImplementation.OriginalDefinition.HasAttribute(attributeType))
            {
                return true;
            }
        }

        var type = method.ContainingType;
        if (type is null || method.IsStatic || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (member is IMethodSymbol interfaceMethod
                    && interfaceMethod.OriginalDefinition.HasAttribute(attributeType)
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
