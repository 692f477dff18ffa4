using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FinCompliance.Analyzers;

/// <summary>Which JSON serializers serialize a type somewhere in the compilation.</summary>
[Flags]
public enum JsonSerializers
{
    None = 0,
    SystemTextJson = 1,
    NewtonsoftJson = 2,
}

/// <summary>
/// Compilation-wide facts the storage rules (FIN3001, FIN3002) need and no single declaration shows: which types
/// are stored in a database, which members an EF Core value converter marked <c>[Encrypted]</c> converts, which
/// members the model ignores, and which types are serialized to JSON.
/// </summary>
/// <remarks>
/// One instance per analyzer and compilation, filled while the analyzer driver runs and read at compilation end
/// (issue #6): <see cref="AddInvocation"/> takes the configuration and serializer calls from the operations the driver
/// has already bound, so nothing is bound twice; <see cref="Complete"/> then reads the declarative facts from the
/// symbols (<c>DbSet&lt;T&gt;</c> properties, <c>[Table]</c>, <c>IEntityTypeConfiguration&lt;T&gt;</c>), which are all
/// complete by then, and binds only the candidate calls the driver did not show (generated code), found by a text and
/// syntax scan. The queries are valid only after <see cref="Complete"/>.
/// </remarks>
public sealed class PersonalDataStorageModel
{
    private static readonly HashSet<string> InterestingInvocationNames = new(StringComparer.Ordinal)
    {
        "Entity", "HasConversion", "HaveConversion", "Ignore",
        "Serialize", "SerializeAsync", "SerializeToUtf8Bytes", "SerializeToDocument", "SerializeToElement", "SerializeToNode",
        "SerializeObject", "Create", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync",
    };

    // Every name of InterestingInvocationNames contains one of these ("Create" is only a candidate on JsonContent).
    private static readonly string[] CandidateNameFragments = ["Entity", "Conversion", "Ignore", "Serialize", "AsJsonAsync"];

    private readonly HashSet<ITypeSymbol> persistedTypes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ITypeSymbol> explicitlyPersistedTypes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> encryptedByConversion = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ITypeSymbol> encryptedByConvention = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> ignoredByModel = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, JsonSerializers> serializedTypes = new(SymbolEqualityComparer.Default);

    // The candidate calls the driver has shown (AddInvocation), so that Complete binds only the others.
    private readonly HashSet<(SyntaxTree Tree, TextSpan Span)> seenInvocations = new();
    private readonly object gate = new();

    private readonly Compilation compilation;
    private readonly PersonalDataClassifier classifier;
    private readonly PersonalDataSymbols symbols;

    public PersonalDataStorageModel(Compilation compilation, PersonalDataClassifier classifier)
    {
        this.compilation = compilation;
        this.classifier = classifier;
        symbols = PersonalDataSymbols.For(compilation);
    }

    /// <summary>
    /// Registers a storage rule (FIN3001, FIN3002) on <paramref name="context"/>: the model collects the calls from the
    /// driver's invocation operations, <paramref name="classifyCandidate"/> picks the instance fields and properties to
    /// judge as they are declared (null: not a candidate), and <paramref name="judge"/> runs for each candidate at
    /// compilation end, once the model is complete.
    /// </summary>
    public static void RegisterCompilationEndRule(
        CompilationStartAnalysisContext context,
        PersonalDataClassifier classifier,
        Func<ISymbol, PersonalDataClass?> classifyCandidate,
        Action<CompilationAnalysisContext, PersonalDataStorageModel, ISymbol, PersonalDataClass> judge)
    {
        var model = new PersonalDataStorageModel(context.Compilation, classifier);
        var candidates = new ConcurrentBag<StorageCandidate>();
        context.RegisterOperationAction(
            OperationFilter.Where(
                static (operation, _) => operation.Syntax is InvocationExpressionSyntax syntax && IsCandidate(syntax),
                operationContext => model.AddInvocation((IInvocationOperation)operationContext.Operation)),
            OperationKind.Invocation);
        context.RegisterSymbolAction(
            [MethodImpl(JitOptions.Optimized)] (symbolContext) =>
            {
                var member = symbolContext.Symbol;
                if (!member.IsStatic && !member.IsImplicitlyDeclared && member is not IFieldSymbol { IsConst: true }
                    && classifyCandidate(member) is { } classification)
                {
                    candidates.Add(new StorageCandidate(member, classification));
                }
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
            foreach (var candidate in candidates)
            {
                judge(endContext, model, candidate.Member, candidate.Classification);
            }
        });
    }

    // A class, not a tuple: a bag of reference types shares the runtime's compiled code with every other one, where a
    // bag of a value type is JIT-compiled for it alone (paid again by every new csc process, issue #6).
    private sealed class StorageCandidate(ISymbol member, PersonalDataClass classification)
    {
        public ISymbol Member { get; } = member;

        public PersonalDataClass Classification { get; } = classification;
    }

    /// <summary>
    /// Records the facts of one invocation the driver has bound (an operation action on <see cref="OperationKind.Invocation"/>).
    /// Thread-safe; cheap for the invocations that cannot matter (a name test on the syntax).
    /// </summary>
    [MethodImpl(JitOptions.Optimized)]
    public void AddInvocation(IInvocationOperation invocation)
    {
        if (invocation.Syntax is not InvocationExpressionSyntax syntax || !IsCandidate(syntax))
        {
            return;
        }

        lock (gate)
        {
            if (seenInvocations.Add((syntax.SyntaxTree, syntax.Span)))
            {
                CollectInvocation(invocation);
            }
        }
    }

    /// <summary>
    /// Completes the model at compilation end, once every <see cref="AddInvocation"/> has run: the declarative facts, the
    /// candidate calls the driver did not show (code it treats as generated), and the closure over navigations and base types.
    /// </summary>
    public void Complete(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            CollectDeclaredFacts(compilation.Assembly.GlobalNamespace, cancellationToken);
            CollectUnseenInvocationFacts(cancellationToken);
            CloseOverNavigationsAndBaseTypes();
        }
    }

    /// <summary>Whether values of <paramref name="type"/> (or of a type derived from it) are stored in a database.</summary>
    public bool IsPersisted(ITypeSymbol? type) => type is not null && persistedTypes.Contains(type.OriginalDefinition);

    /// <summary>
    /// Whether <paramref name="member"/> is one of the stored columns of a persisted type: an instance property with a
    /// setter (EF Core's convention), or any instance field of a <c>[PersistedEntity]</c> type; not <c>[NotMapped]</c>,
    /// not ignored in the model.
    /// </summary>
    public bool IsPersistedMember(ISymbol member)
    {
        if (member.IsStatic || member.IsImplicitlyDeclared || !IsPersisted(member.ContainingType))
        {
            return false;
        }

        if (member.HasAttribute(symbols.NotMappedAttribute) || ignoredByModel.Contains(member.OriginalDefinition))
        {
            return false;
        }

        return member switch
        {
            IPropertySymbol property => property.SetMethod is not null && !property.IsIndexer,
            IFieldSymbol field => !field.IsConst && HasExplicitlyPersistedTypeInChain(field.ContainingType),
            _ => false,
        };
    }

    /// <summary>Whether an EF Core value converter marked <c>[Encrypted]</c> converts <paramref name="member"/>.</summary>
    public bool IsEncryptedByConversion(ISymbol member)
    {
        if (encryptedByConversion.Contains(member.OriginalDefinition))
        {
            return true;
        }

        // ConfigureConventions: configurationBuilder.Properties<CardNumber>().HaveConversion<AesConverter>().
        var type = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is not null && encryptedByConvention.Contains(type.OriginalDefinition);
    }

    /// <summary>The serializers that serialize <paramref name="type"/> (itself, as a base of a serialized type, or as a member's type).</summary>
    public JsonSerializers SerializedBy(ITypeSymbol? type)
        => type is not null && serializedTypes.TryGetValue(type.OriginalDefinition, out var serializers) ? serializers : JsonSerializers.None;

    private bool HasExplicitlyPersistedTypeInChain(INamedTypeSymbol? type)
    {
        // A field of a base class counts when a [PersistedEntity] type derives from it.
        foreach (var persisted in explicitlyPersistedTypes)
        {
            for (var current = persisted; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type?.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void CollectDeclaredFacts(INamespaceSymbol container, CancellationToken cancellationToken)
    {
        foreach (var member in container.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is INamespaceSymbol ns)
            {
                CollectDeclaredFacts(ns, cancellationToken);
            }
            else if (member is INamedTypeSymbol type)
            {
                CollectDeclaredFacts(type);
            }
        }
    }

    private void CollectDeclaredFacts(INamedTypeSymbol type)
    {
        if (type.Locations.Length == 0 || !type.Locations[0].IsInSource)
        {
            return;
        }

        CollectTypeFacts(type);
        foreach (var nested in type.GetTypeMembers())
        {
            CollectDeclaredFacts(nested);
        }
    }

    private void CollectTypeFacts(INamedTypeSymbol type)
    {
        if (type.HasAttribute(symbols.TableAttribute) || classifier.Has(type, classifier.Symbols.PersistedEntity)
            || type.HasAttribute(symbols.EntityFramework.OwnedAttribute))
        {
            persistedTypes.Add(type.OriginalDefinition);
            if (classifier.Has(type, classifier.Symbols.PersistedEntity))
            {
                explicitlyPersistedTypes.Add(type.OriginalDefinition);
            }
        }

        if (symbols.EntityFramework.EntityTypeConfiguration is not null)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, symbols.EntityFramework.EntityTypeConfiguration)
                    && implemented.TypeArguments[0] is INamedTypeSymbol configured)
                {
                    persistedTypes.Add(configured.OriginalDefinition);
                }
            }
        }

        if (symbols.EntityFramework.DbContext is not null && symbols.EntityFramework.DbSet is not null && type.IsOrDerivesFrom(symbols.EntityFramework.DbContext))
        {
            for (var context = type; context is not null && !SymbolEqualityComparer.Default.Equals(context, symbols.EntityFramework.DbContext); context = context.BaseType)
            {
                foreach (var member in context.GetMembers())
                {
                    if (member is IPropertySymbol { Type: INamedTypeSymbol { IsGenericType: true } setType }
                        && SymbolEqualityComparer.Default.Equals(setType.OriginalDefinition, symbols.EntityFramework.DbSet)
                        && setType.TypeArguments[0] is INamedTypeSymbol entity)
                    {
                        persistedTypes.Add(entity.OriginalDefinition);
                    }
                }
            }
        }
    }

    private void CollectUnseenInvocationFacts(CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!MayContainCandidate(tree))
            {
                // Most files call none of the interesting methods; reading the text is far cheaper than walking the tree.
                continue;
            }

            SemanticModel? semanticModel = null;
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation || !IsCandidate(invocation) || !seenInvocations.Add((tree, invocation.Span)))
                {
                    continue;
                }

#pragma warning disable RS1030 // Only candidate calls the driver did not show (generated code), usually none (see remarks).
                semanticModel ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (semanticModel.GetOperation(invocation) is IInvocationOperation operation)
                {
                    CollectInvocation(operation);
                }
            }
        }
    }

    /// <summary>
    /// A conservative text test: false only when no candidate invocation (<see cref="IsCandidate"/>) can be in the tree.
    /// A name counts when it is followed, after more identifier characters and white space, by <c>&lt;</c>, <c>(</c> or a
    /// comment; <c>JsonContent</c> counts anywhere; a Unicode escape (which can spell any identifier) makes every tree a candidate.
    /// </summary>
    internal static bool MayContainCandidate(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        if (text.IndexOf("JsonContent", StringComparison.Ordinal) >= 0
            || text.IndexOf("\\u", StringComparison.Ordinal) >= 0
            || text.IndexOf("\\U", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        foreach (var fragment in CandidateNameFragments)
        {
            for (var index = text.IndexOf(fragment, StringComparison.Ordinal); index >= 0; index = text.IndexOf(fragment, index + 1, StringComparison.Ordinal))
            {
                var next = index + fragment.Length;
                while (next < text.Length && (char.IsLetterOrDigit(text[next]) || text[next] == '_'))
                {
                    next++;
                }

                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && text[next] is '<' or '(' or '/')
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "Create" names countless factories (string.Create, every builder); only JsonContent.Create serializes.
    [MethodImpl(JitOptions.Optimized)]
    private static bool IsCandidate(InvocationExpressionSyntax invocation)
    {
        var name = InvokedName(invocation);
        if (!InterestingInvocationNames.Contains(name))
        {
            return false;
        }

        return name != "Create"
               || invocation.Expression is MemberAccessExpressionSyntax { Expression: var receiver } && RightmostName(receiver) == "JsonContent";
    }

    private static string RightmostName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => string.Empty,
    };

    [MethodImpl(JitOptions.Optimized)]
    private static string InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => string.Empty,
    };

    private void CollectInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        switch (method.Name)
        {
            case "Entity" when containing.IsOrDerivesFrom(symbols.EntityFramework.ModelBuilder):
                if (method.IsGenericMethod && method.TypeArguments[0] is INamedTypeSymbol entity)
                {
                    persistedTypes.Add(entity.OriginalDefinition);
                }
                else if (invocation.Arguments.Length > 0 && Unwrap(invocation.Arguments[0].Value) is ITypeOfOperation { TypeOperand: INamedTypeSymbol byType })
                {
                    persistedTypes.Add(byType.OriginalDefinition);
                }

                break;

            case "HasConversion" when containing.IsOrDerivesFrom(symbols.EntityFramework.PropertyBuilder):
                if (ConverterIsEncrypted(invocation) && ConfiguredMember(invocation.Instance) is { } converted)
                {
                    encryptedByConversion.Add(converted.OriginalDefinition);
                }

                break;

            case "HaveConversion" when containing is { Name: "PropertiesConfigurationBuilder", IsGenericType: true } conventions
                                         && conventions.ContainingNamespace?.ToDisplayString() == "Microsoft.EntityFrameworkCore.Metadata.Builders":
                if (ConverterIsEncrypted(invocation))
                {
                    encryptedByConvention.Add(conventions.TypeArguments[0].OriginalDefinition);
                }

                break;

            case "Ignore" when containing.IsOrDerivesFrom(symbols.EntityFramework.EntityTypeBuilder) || IsOwnedNavigationBuilder(containing):
                if (invocation.Arguments.Length > 0 && MemberOfSelector(invocation.Arguments[0].Value, BuilderEntityType(invocation.Instance?.Type ?? containing)) is { } ignored)
                {
                    ignoredByModel.Add(ignored.OriginalDefinition);
                }

                break;

            default:
                var serializers = SerializersOf(method);
                if (serializers != JsonSerializers.None && SerializedValueType(invocation) is { } serialized)
                {
                    AddSerialized(serialized, serializers);
                }

                break;
        }
    }

    private JsonSerializers SerializersOf(IMethodSymbol method)
    {
        var containing = method.ContainingType?.OriginalDefinition;
        if (containing is null)
        {
            return JsonSerializers.None;
        }

        if (method.Name.StartsWith("Serialize", StringComparison.Ordinal))
        {
            if (SymbolEqualityComparer.Default.Equals(containing, symbols.SystemTextJsonSerializer))
            {
                return JsonSerializers.SystemTextJson;
            }

            if (SymbolEqualityComparer.Default.Equals(containing, symbols.NewtonsoftJsonConvert)
                || containing.IsOrDerivesFrom(symbols.NewtonsoftJsonSerializer))
            {
                return JsonSerializers.NewtonsoftJson;
            }
        }

        if ((method.Name == "Create" && SymbolEqualityComparer.Default.Equals(containing, symbols.JsonContent))
            || (method.Name.EndsWith("AsJsonAsync", StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(containing, symbols.HttpClientJsonExtensions)))
        {
            return JsonSerializers.SystemTextJson;
        }

        return JsonSerializers.None;
    }

    private static ITypeSymbol? SerializedValueType(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is "value" or "inputValue")
            {
                var type = Unwrap(argument.Value).Type;
                return type is null || type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter
                    ? null
                    : type;
            }
        }

        return null;
    }

    private void AddSerialized(ITypeSymbol type, JsonSerializers serializers)
    {
        // The type, what it contains (members' types, collection elements) and its base types are all written out.
        var pending = new Stack<ITypeSymbol>();
        pending.Push(type);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var candidate in ComponentTypes(current))
            {
                var key = candidate.OriginalDefinition;
                serializedTypes.TryGetValue(key, out var known);
                if ((known & serializers) == serializers)
                {
                    continue;
                }

                serializedTypes[key] = known | serializers;
                if (candidate.BaseType is { SpecialType: SpecialType.None } baseType)
                {
                    pending.Push(baseType);
                }

                foreach (var member in candidate.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } property)
                    {
                        pending.Push(property.Type);
                    }
                    else if (member is IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field)
                    {
                        pending.Push(field.Type);
                    }
                }
            }
        }
    }

    /// <summary>The source types a value of <paramref name="type"/> is made of: itself, array elements, type arguments.</summary>
    private static IEnumerable<INamedTypeSymbol> ComponentTypes(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                foreach (var element in ComponentTypes(array.ElementType))
                {
                    yield return element;
                }

                break;

            case INamedTypeSymbol named:
                if (named.Locations.Length > 0 && named.Locations[0].IsInSource && named.TypeKind is TypeKind.Class or TypeKind.Struct)
                {
                    yield return named;
                }

                foreach (var argument in named.TypeArguments)
                {
                    foreach (var element in ComponentTypes(argument))
                    {
                        yield return element;
                    }
                }

                break;
        }
    }

    private void CloseOverNavigationsAndBaseTypes()
    {
        // EF Core maps the types an entity navigates to (and owned types) as entities too; a base class's mapped
        // properties are columns of the derived entity.
        var pending = new Stack<ITypeSymbol>(persistedTypes);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.BaseType is { SpecialType: SpecialType.None } baseType && persistedTypes.Add(baseType.OriginalDefinition))
            {
                pending.Push(baseType.OriginalDefinition);
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false } property
                    && !property.HasAttribute(symbols.NotMappedAttribute)
                    && !ignoredByModel.Contains(property.OriginalDefinition))
                {
                    foreach (var navigated in ComponentTypes(property.Type))
                    {
                        if (navigated.TypeKind == TypeKind.Class && !navigated.HasAttribute(symbols.NotMappedAttribute)
                            && persistedTypes.Add(navigated.OriginalDefinition))
                        {
                            pending.Push(navigated.OriginalDefinition);
                        }
                    }
                }
            }
        }
    }

    private bool ConverterIsEncrypted(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.IsGenericMethod && method.TypeArguments.Length > 0 && IsEncryptedType(method.TypeArguments[0]))
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            foreach (var candidate in ConverterTypes(argument.Value))
            {
                if (IsEncryptedType(candidate))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The converter types an argument can stand for: <c>new C()</c>, <c>typeof(C)</c>, a local or field and its initializer.</summary>
    private IEnumerable<ITypeSymbol> ConverterTypes(IOperation argument)
    {
        var value = Unwrap(argument);
        if (value is ITypeOfOperation typeOf)
        {
            yield return typeOf.TypeOperand;
            yield break;
        }

        if (value.Type is not null)
        {
            yield return value.Type;
        }

        ISymbol? holder = value switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        if (holder is null)
        {
            yield break;
        }

        // A converter held in a variable of the base type ValueConverter: what is it initialised with?
        foreach (var reference in holder.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };
            if (initializer is null)
            {
                continue;
            }

            // The driver's model when the declarator is in the same file (it has usually bound it already).
            var semanticModel = argument.SemanticModel is { } current && current.SyntaxTree == initializer.SyntaxTree
                ? current
#pragma warning disable RS1030 // A declarator in another file: one expression, bound on demand.
                : compilation.GetSemanticModel(initializer.SyntaxTree);
#pragma warning restore RS1030
            var type = semanticModel.GetTypeInfo(initializer).Type;
            if (type is not null)
            {
                yield return type;
            }
        }
    }

    private bool IsEncryptedType(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (classifier.Has(current, classifier.Symbols.Encrypted))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The member a property-builder chain configures: <c>b.Property(e =&gt; e.CardNo).HasMaxLength(19)</c> → CardNo.</summary>
    private ISymbol? ConfiguredMember(IOperation? receiver)
    {
        for (var current = receiver; current is IInvocationOperation call; current = call.Instance)
        {
            var containing = call.TargetMethod.ContainingType;
            if (call.TargetMethod.Name == "Property" && call.Arguments.Length > 0
                && (containing.IsOrDerivesFrom(symbols.EntityFramework.EntityTypeBuilder) || IsOwnedNavigationBuilder(containing)))
            {
                return MemberOfSelector(call.Arguments[0].Value, BuilderEntityType(call.Instance?.Type ?? containing));
            }
        }

        return null;
    }

    /// <summary>The member named by <c>e =&gt; e.Member</c> or by the string <c>"Member"</c> on <paramref name="entityType"/>.</summary>
    private static ISymbol? MemberOfSelector(IOperation selector, ITypeSymbol? entityType)
    {
        var value = Unwrap(selector);
        if (value is IDelegateCreationOperation creation)
        {
            value = Unwrap(creation.Target);
        }

        if (value is IAnonymousFunctionOperation lambda)
        {
            foreach (var statement in lambda.Body.Operations)
            {
                if (statement is IReturnOperation { ReturnedValue: { } returned })
                {
                    return Unwrap(returned) switch
                    {
                        IPropertyReferenceOperation property => property.Property,
                        IFieldReferenceOperation field => field.Field,
                        _ => null,
                    };
                }
            }

            return null;
        }

        if (value.ConstantValue is { HasValue: true, Value: string name })
        {
            for (var type = entityType; type is not null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers(name))
                {
                    if (member is IPropertySymbol or IFieldSymbol)
                    {
                        return member;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The <c>T</c> of <c>EntityTypeBuilder&lt;T&gt;</c> / <c>OwnedNavigationBuilder&lt;TOwner, T&gt;</c>.</summary>
    private static ITypeSymbol? BuilderEntityType(ITypeSymbol? builder)
        => builder is INamedTypeSymbol { IsGenericType: true } generic ? generic.TypeArguments[generic.TypeArguments.Length - 1] : null;

    private static bool IsOwnedNavigationBuilder(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "OwnedNavigationBuilder" && current.ContainingNamespace?.ToDisplayString() == "Microsoft.EntityFrameworkCore.Metadata.Builders")
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        var current = operation;
        while (true)
        {
            switch (current)
            {
                case IConversionOperation conversion:
                    current = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    break;
                default:
                    return current;
            }
        }
    }
}
