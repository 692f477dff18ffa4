using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace FinCompliance.Generators;

/// <summary>
/// Simple names of FinCompliance attributes (<c>PersonalData</c>, and <c>PersonalDataAttribute</c>), and whether in a
/// compilation such a name, written in an attribute list, can only mean FinCompliance's attribute: the condition under
/// which a generator may read those attributes from syntax instead of binding them (issue #6). Shared by the inventory
/// and the masked-record generator, each with its own names.
/// </summary>
internal sealed class OwnAttributeNames
{
    /// <summary>The namespace of FinCompliance's attributes (see <see cref="IsOwnOrNotAnAttribute"/>).</summary>
    private const string OwnNamespace = "FinCompliance";

    private readonly HashSet<string> names;
    private readonly MetadataTypeNames.NameHashes hashes;

    /// <param name="simpleNames">Attribute names without the <c>Attribute</c> suffix; both forms are added.</param>
    public OwnAttributeNames(IEnumerable<string> simpleNames)
    {
        names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in simpleNames)
        {
            names.Add(name);
            names.Add(name + "Attribute");
        }

        hashes = new MetadataTypeNames.NameHashes(names);
    }

    public bool Contains(string name) => names.Contains(name);

    /// <summary>
    /// Whether an attribute of one of these names (directly, not through a <c>using</c> alias) can only bind to
    /// FinCompliance's attribute: no other attribute class of such a name is declared in source or in a referenced
    /// assembly.
    /// </summary>
    public bool AreUnambiguous(Compilation compilation, CancellationToken cancellationToken)
    {
        var sourceDeclaresOne = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            sourceDeclaresOne |= SourceDeclarations.Read(tree, this, withTypeFacts: false, cancellationToken).DeclaresName;
        }

        return AreUnambiguous(compilation, sourceDeclaresOne, cancellationToken);
    }

    /// <summary>
    /// <see cref="AreUnambiguous(Compilation, CancellationToken)"/>, with what <see cref="SourceDeclarations.Read"/> found
    /// in the source files: the source is only searched by symbol when some file declares a type of such a name (that
    /// search merges the declarations of every file of a compilation csc then replaces).
    /// </summary>
    public bool AreUnambiguous(Compilation compilation, bool sourceDeclaresOne, CancellationToken cancellationToken)
    {
        if (sourceDeclaresOne)
        {
            foreach (var symbol in compilation.GetSymbolsWithName(names.Contains, SymbolFilter.Type, cancellationToken))
            {
                if (symbol is INamedTypeSymbol type && !IsOwnOrNotAnAttribute(type))
                {
                    return false;
                }
            }
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The type names are a cheap first test; only an assembly that has one of the names gets its types walked,
            // once for all of them (its NamespaceNames are the namespaces' simple names, not their full names: no lookup
            // by them).
            if (MayDeclareTypeNamedLikeOne(compilation, assembly) && DeclaresAnotherAttribute(assembly.GlobalNamespace, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="assembly"/> may declare a type, nested or not, of one of the names. From its metadata's
    /// type-definition table when it has one (<see cref="MetadataTypeNames"/>); otherwise from
    /// <see cref="IAssemblySymbol.TypeNames"/>, which builds a set of every type name of the assembly (a project
    /// reference in the IDE, whose compilation has no metadata yet).
    /// </summary>
    private bool MayDeclareTypeNamedLikeOne(Compilation compilation, IAssemblySymbol assembly)
    {
        if (compilation.GetMetadataReference(assembly) is PortableExecutableReference reference
            && MetadataTypeNames.MayDeclareAny(reference, hashes, OwnNamespace) is { } found)
        {
            return found;
        }

        var typeNames = assembly.TypeNames;
        return names.Any(typeNames.Contains);
    }

    /// <summary>Whether a type under <paramref name="container"/>, nested or not, has one of the names and is an attribute other than FinCompliance's.</summary>
    private bool DeclaresAnotherAttribute(INamespaceOrTypeSymbol container, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Nested types and namespaces only: a type's other members are never loaded.
        foreach (var type in container.GetTypeMembers())
        {
            if ((names.Contains(type.Name) && !IsOwnOrNotAnAttribute(type)) || DeclaresAnotherAttribute(type, cancellationToken))
            {
                return true;
            }
        }

        if (container is INamespaceSymbol ns)
        {
            foreach (var child in ns.GetNamespaceMembers())
            {
                if (DeclaresAnotherAttribute(child, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsOwnOrNotAnAttribute(INamedTypeSymbol type)
    {
        if (type is { ContainingType: null, ContainingNamespace: { Name: OwnNamespace, ContainingNamespace.IsGlobalNamespace: true } })
        {
            return true;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Attribute", ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return false;
            }
        }

        return true;
    }
}
