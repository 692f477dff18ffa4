using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers;

/// <summary>The must-precede attributes a method carries (directly, through overrides or interface members).</summary>
[Flags]
internal enum MustPrecedeRoles : byte
{
    None = 0,
    ProductSale = 1,
    SuitabilityCheck = 2,
    RequiresCustomerIdentification = 4,
    CustomerIdentification = 8,
}

/// <summary>
/// Answers "which must-precede attributes does this method carry?", looking through generic instantiations, reduced
/// extension methods, overrides and interface implementations (method attributes are not inherited by
/// <see cref="ISymbol.GetAttributes"/>, but a call on an implementation of a marked interface method is the same
/// sale). One instance per compilation, shared by FIN4001 and FIN5001: the override / interface walk is done once
/// per method definition for all four attributes, and methods of assemblies that cannot see the FinCompliance
/// attributes (the framework, most packages) are answered without reading their attributes at all (unless an attribute
/// alias stands for one of them: any assembly may define the aliased attribute).
/// </summary>
internal sealed class MarkedMethods
{
    private static readonly ConditionalWeakTable<Compilation, MarkedMethods> Cache = new();

    /// <summary>
    /// The guarded roles the pre-scan looks for: once a body is known to call both, the rest of it cannot change
    /// the answer of <see cref="GuardedRolesCalledUnder"/>.
    /// </summary>
    private const MustPrecedeRoles GuardedRoles = MustPrecedeRoles.ProductSale | MustPrecedeRoles.RequiresCustomerIdentification;

    // FIN4001 and FIN5001 pre-scan the same bodies one after the other: the second finds the first's answer here.
    private readonly SyntaxMemo<MustPrecedeRoles> recentScans = new(1024);

    private readonly INamedTypeSymbol?[] attributes;
    private readonly FinComplianceAttributes matcher;
    private readonly bool aliased;
    private readonly IAssemblySymbol sourceAssembly;
    private readonly SymbolAnswers roles = new();
    private readonly Lazy<HashSet<IAssemblySymbol>> blindAssemblies;

    // Made once: a method group converted at each call is a new delegate per invoked method looked up.
    private readonly Func<ISymbol, byte> compute;

    private MarkedMethods(Compilation compilation, FinComplianceAttributes matcher)
    {
        this.matcher = matcher;
        var symbols = matcher.Symbols;

        // Indexed by bit position in MustPrecedeRoles.
        attributes = [symbols.ProductSale, symbols.SuitabilityCheck, symbols.RequiresCustomerIdentification, symbols.CustomerIdentification];
        aliased = attributes.Any(matcher.IsAliasTarget);
        sourceAssembly = compilation.Assembly;
        blindAssemblies = new Lazy<HashSet<IAssemblySymbol>>(ComputeBlindAssemblies);
        compute = definition => (byte)Compute((IMethodSymbol)definition);
    }

    [ThreadStatic]
    private static Stack<IOperation>? pendingOperations;

    /// <summary>The index of <paramref name="compilation"/> (built on first use, shared by the rules).</summary>
    public static MarkedMethods For(Compilation compilation, FinComplianceAttributes attributes)
        => Cache.GetValue(compilation, c => new MarkedMethods(c, attributes));

    /// <summary>The roles of <paramref name="method"/> (<see cref="MustPrecedeRoles.None"/> for null).</summary>
    [MethodImpl(JitOptions.Optimized)]
    public MustPrecedeRoles RolesOf(IMethodSymbol? method)
    {
        if (method is null)
        {
            return MustPrecedeRoles.None;
        }

        // Every instantiation shares its definition's attributes: one cache entry per definition.
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (definition.ContainingAssembly is { } assembly && !CanSeeAttributes(assembly))
        {
            return MustPrecedeRoles.None;
        }

        return (MustPrecedeRoles)roles.GetOrAdd(definition, compute);
    }

    [MethodImpl(JitOptions.Optimized)]
    public bool Has(IMethodSymbol? method, MustPrecedeRoles role) => (RolesOf(method) & role) != 0;

    /// <summary>
    /// The guarded roles (<see cref="MustPrecedeRoles.ProductSale"/>, <see cref="MustPrecedeRoles.RequiresCustomerIdentification"/>)
    /// of the methods invoked anywhere under <paramref name="root"/> (an operation block's root): the cheap pre-scan
    /// that lets most bodies skip the control-flow graph. One scan per body for both rules.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public MustPrecedeRoles GuardedRolesCalledUnder(IOperation root)
    {
        if (!recentScans.TryGet(root.Syntax, out var roles))
        {
            roles = Scan(root);
            recentScans.Set(root.Syntax, roles);
        }

        return roles;
    }

    [MethodImpl(JitOptions.Optimized)]
    private MustPrecedeRoles Scan(IOperation root)
    {
        // Inside the rule host's block action the operations are listed already: no second walk.
        if (BlockOperations.TryGet(root, out var listed))
        {
            return ScanListed(listed);
        }

        // An explicit stack (reused per thread): deep expressions such as long concatenations must not overflow.
        var pending = pendingOperations ??= new Stack<IOperation>();
        pending.Clear();
        pending.Push(root);
        var found = MustPrecedeRoles.None;
        try
        {
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                if (operation is IInvocationOperation invocation && AddGuardedRoles(invocation, ref found))
                {
                    break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            return found;
        }
        finally
        {
            pending.Clear();
        }
    }

    [MethodImpl(JitOptions.Optimized)]
    private MustPrecedeRoles ScanListed(ArraySegment<IOperation> operations)
    {
        var found = MustPrecedeRoles.None;
        var array = operations.Array!;
        for (var i = operations.Offset; i < operations.Offset + operations.Count; i++)
        {
            if (array[i].Kind == OperationKind.Invocation && AddGuardedRoles((IInvocationOperation)array[i], ref found))
            {
                break;
            }
        }

        return found;
    }

    /// <summary>
    /// Adds the guarded roles of the method <paramref name="invocation"/> calls; true once both are found (the rest of
    /// the body cannot change the answer).
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    private bool AddGuardedRoles(IInvocationOperation invocation, ref MustPrecedeRoles found)
    {
        found |= RolesOf(invocation.TargetMethod) & GuardedRoles;
        return found == GuardedRoles;
    }

    /// <summary>
    /// Whether methods of <paramref name="assembly"/> can carry the attributes (or override / implement methods that
    /// do): this compilation, the attributes' own assembly and the assemblies that reference it, directly or through
    /// other references. Overridden and implemented members always live in referenced assemblies, so an assembly
    /// outside this set cannot reach a marked method either. An assembly the compilation does not list (a missing
    /// reference) is assumed to see them.
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    private bool CanSeeAttributes(IAssemblySymbol assembly)
    {
        // An alias of one of the attributes may be defined, and used, by a vendor assembly that never references FinCompliance.
        return ReferenceEquals(assembly, sourceAssembly) || aliased || !blindAssemblies.Value.Contains(assembly);
    }

    /// <summary>The referenced assemblies that cannot see the attributes (computed once: a fixed point over references).</summary>
    private HashSet<IAssemblySymbol> ComputeBlindAssemblies()
    {
        var referenced = sourceAssembly.Modules.SelectMany(module => module.ReferencedAssemblySymbols)
            .Where(assembly => assembly is not null)
            .Distinct<IAssemblySymbol>(SymbolEqualityComparer.Default)
            .ToList();
        var seeing = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        foreach (var attribute in attributes)
        {
            if (attribute?.ContainingAssembly is { } attributeAssembly)
            {
                seeing.Add(attributeAssembly);
            }
        }

        if (seeing.Count > 0)
        {
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var assembly in referenced)
                {
                    if (!seeing.Contains(assembly)
                        && assembly.Modules.Any(module => module.ReferencedAssemblySymbols.Any(r => r is not null && seeing.Contains(r))))
                    {
                        seeing.Add(assembly);
                        changed = true;
                    }
                }
            }
        }

        var blind = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        foreach (var assembly in referenced)
        {
            if (!seeing.Contains(assembly))
            {
                blind.Add(assembly);
            }
        }

        return blind;
    }

    private MustPrecedeRoles Compute(IMethodSymbol definition)
    {
        var result = MustPrecedeRoles.None;
        for (var current = definition; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
        {
            result |= OwnRoles(current) | InterfaceRoles(current);
        }

        return result;
    }

    private MustPrecedeRoles OwnRoles(ISymbol symbol)
    {
        var result = MustPrecedeRoles.None;
        foreach (var attribute in symbol.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            var aliasTarget = matcher.AliasTarget(attributeClass); // null at once when no alias is configured
            for (var i = 0; i < attributes.Length; i++)
            {
                if (attributes[i] is { } attributeType
                    && (SymbolEqualityComparer.Default.Equals(attributeClass, attributeType)
                        || (aliasTarget is not null && SymbolEqualityComparer.Default.Equals(aliasTarget, attributeType))))
                {
                    result |= (MustPrecedeRoles)(1 << i);
                }
            }
        }

        return result;
    }

    /// <summary>The roles of the interface members <paramref name="method"/> implements.</summary>
    private MustPrecedeRoles InterfaceRoles(IMethodSymbol method)
    {
        var result = MustPrecedeRoles.None;
        foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
        {
            result |= OwnRoles(explicitImplementation.OriginalDefinition);
        }

        var type = method.ContainingType;
        if (type is null || method.IsStatic || method.MethodKind != MethodKind.Ordinary)
        {
            return result;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (member is IMethodSymbol interfaceMethod
                    && OwnRoles(interfaceMethod.OriginalDefinition) is var memberRoles and not MustPrecedeRoles.None
                    && (memberRoles & ~result) != 0
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method))
                {
                    result |= memberRoles;
                }
            }
        }

        return result;
    }

}
