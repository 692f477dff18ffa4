using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FinCompliance.Analyzers;

/// <summary>
/// FIN5002: deleting <c>[RetainedRecord]</c> entities with EF Core (<c>DbSet&lt;T&gt;.Remove/RemoveRange</c>,
/// <c>DbContext.Remove/RemoveRange</c>, <c>ExecuteDelete[Async]</c>) unless the deleted rows come from a query whose
/// <c>Where</c> selects only records older than the retention period: a date member compared (<c>&lt;</c>,
/// <c>&lt;=</c>, either operand order) with <c>DateTime</c>/<c>DateTimeOffset</c> <c>Now</c>/<c>UtcNow</c>/<c>Today</c>
/// (or <c>TimeProvider.GetUtcNow()</c>/<c>GetLocalNow()</c>) <c>.AddYears(-N)</c>, <c>.AddMonths(-M)</c> or <c>.AddDays(-D)</c>, directly or through a local. Followed for
/// <c>ExecuteDelete</c> sources, <c>RemoveRange(query)</c> and <c>Remove(entity)</c> of a <c>foreach</c> variable over
/// such a query. Also reports FIN0001 once when <c>FinComplianceRetentionYears</c> is not a positive integer.
/// </summary>
public sealed class RetainedRecordDeletedEarlyAnalyzer : FinComplianceAnalyzer
{
    private const int MaxQueryDepth = 32;

    public RetainedRecordDeletedEarlyAnalyzer()
        : base(Rules.RetainedRecordDeletedEarly, Rules.InvalidConfiguration)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        var defaultYears = RetentionPolicy.DefaultYears(context.Options, out var invalidValue);
        if (invalidValue is not null)
        {
            // Reported once per compilation, on the first tree analysed (a compilation-end action would hide it from live analysis).
            var reported = 0;
            context.RegisterSyntaxTreeAction(tree =>
            {
                if (Interlocked.Exchange(ref reported, 1) == 0)
                {
                    tree.ReportDiagnostic(Diagnostic.Create(
                        Rules.InvalidConfiguration,
                        Location.None,
                        $"{AnalyzerOptionsExtensions.RetentionYearsProperty} = '{invalidValue}' is not a positive whole number of years; the default of {AnalyzerOptionsExtensions.DefaultRetentionYears} years is used"));
                }
            });
        }

        var retainedRecord = symbols.RetainedRecord;
        var ef = EntityFrameworkSymbols.For(context.Compilation);
        if (retainedRecord is null || !ef.IsAvailable)
        {
            return;
        }

        var attributes = FinComplianceAttributes.For(context.Compilation, context.Options);
        context.RegisterOperationAction(
            OperationFilter.Where(
                static (operation, _) => IsDeletionName(((IInvocationOperation)operation).TargetMethod.Name),
                [MethodImpl(JitOptions.Optimized)] (operation) =>
                {
                    var invocation = (IInvocationOperation)operation.Operation;
                    if (!TryGetDeletion(invocation, ef, out var entityTypes, out var source))
                    {
                        return;
                    }

                    foreach (var entityType in entityTypes)
                    {
                        // attribute is null for an alias: [RetainedRecord] without arguments, the project's default period.
                        if (!attributes.TryGetOnTypeOrBase(entityType, retainedRecord, out var attribute))
                        {
                            continue;
                        }

                        var years = attribute?.GetArgument(0)?.Value is int declared && declared > 0 ? declared : defaultYears;
                        var age = source is null ? null : FindFilterAge(source, operation.CancellationToken);
                        if (age is { } found && found.Covers(years))
                        {
                            continue;
                        }

                        operation.ReportDiagnostic(Diagnostic.Create(
                            Rules.RetainedRecordDeletedEarly,
                            CallLocation(invocation),
                            entityType.Name,
                            age?.ToString() ?? "with no retention filter",
                            years));
                        return;
                    }
                }),
            OperationKind.Invocation);
    }

    /// <summary>The names of the EF Core methods that delete (the cheap test before any symbol is compared).</summary>
    private static bool IsDeletionName(string name) => name is "Remove" or "RemoveRange" or "ExecuteDelete" or "ExecuteDeleteAsync";

    /// <summary>Whether the call deletes entities; their static types; the query or entity the rows come from.</summary>
    [MethodImpl(JitOptions.Optimized)]
    private static bool TryGetDeletion(
        IInvocationOperation invocation, EntityFrameworkSymbols ef, out List<ITypeSymbol> entityTypes, out IOperation? source)
    {
        // Only calls of a deletion's name come here (the action's filter, IsDeletionName).
        entityTypes = new List<ITypeSymbol>();
        source = null;
        var method = invocation.TargetMethod;
        var declaringType = method.OriginalDefinition.ContainingType?.OriginalDefinition;
        if (declaringType is null)
        {
            return false;
        }

        switch (method.Name)
        {
            case "Remove" or "RemoveRange" when SymbolEqualityComparer.Default.Equals(declaringType, ef.DbSet):
                if (method.ContainingType is { TypeArguments: [var setEntity] })
                {
                    entityTypes.Add(setEntity);
                }

                source = invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value : null;
                break;

            case "Remove" or "RemoveRange" when SymbolEqualityComparer.Default.Equals(declaringType, ef.DbContext):
                if (method.IsGenericMethod)
                {
                    entityTypes.Add(method.TypeArguments[0]);
                }
                else
                {
                    foreach (var argument in invocation.Arguments)
                    {
                        CollectArgumentTypes(argument.Value, entityTypes);
                    }
                }

                source = invocation.Arguments.Length == 1 && invocation.Arguments[0].ArgumentKind != ArgumentKind.ParamArray
                    ? invocation.Arguments[0].Value
                    : null;
                break;

            case "ExecuteDelete" or "ExecuteDeleteAsync"
                when (SymbolEqualityComparer.Default.Equals(declaringType, ef.RelationalQueryableExtensions)
                      || SymbolEqualityComparer.Default.Equals(declaringType, ef.QueryableExtensions))
                     && method.IsGenericMethod && invocation.Arguments.Length > 0:
                entityTypes.Add(method.TypeArguments[0]);
                source = invocation.Arguments[0].Value;
                break;

            default:
                return false;
        }

        return entityTypes.Count > 0;
    }

    private static void CollectArgumentTypes(IOperation value, List<ITypeSymbol> types)
    {
        // RemoveRange(a, b) packs its arguments into an implicit params array.
        if (value is IArrayCreationOperation { IsImplicit: true, Initializer: { } initializer })
        {
            foreach (var element in initializer.ElementValues)
            {
                CollectArgumentTypes(element, types);
            }

            return;
        }

        var type = SkipConversions(value).Type;
        switch (type)
        {
            case null:
                return;
            case IArrayTypeSymbol array:
                types.Add(array.ElementType);
                return;
            case INamedTypeSymbol named when named.SpecialType != SpecialType.System_String:
                var sequence = named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                    ? named
                    : FindEnumerable(named);
                types.Add(sequence is { TypeArguments: [var element] } ? element : named);
                return;
            default:
                types.Add(type);
                return;
        }
    }

    private static INamedTypeSymbol? FindEnumerable(INamedTypeSymbol type)
    {
        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return @interface;
            }
        }

        return null;
    }

    /// <summary>The strongest age filter of the query (or entity) <paramref name="source"/>, or null when none is proven.</summary>
    private static RecordAge? FindFilterAge(IOperation source, CancellationToken cancellationToken)
    {
        RecordAge? best = null;
        var current = source;
        for (var depth = 0; current is not null && depth < MaxQueryDepth; depth++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            current = SkipConversions(current);
            switch (current)
            {
                case IAwaitOperation awaited:
                    current = awaited.Operation;
                    break;

                case IInvocationOperation invocation when invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0:
                    switch (invocation.TargetMethod.Name)
                    {
                        // These add rows from another sequence: the filter seen so far proves nothing about them.
                        case "Concat" or "Union" or "UnionBy" or "Append" or "Prepend" or "DefaultIfEmpty":
                            return null;
                        case "Where" when IsLinq(invocation.TargetMethod) && invocation.Arguments.Length == 2:
                            best = Stronger(best, PredicateAge(invocation.Arguments[1].Value));
                            break;
                    }

                    current = invocation.Arguments[0].Value;
                    break;

                case ILocalReferenceOperation local:
                    current = LocalSource(local);
                    break;

                default:
                    current = null;
                    break;
            }
        }

        return best;
    }

    /// <summary>Where a local's rows come from: its initializer, or the collection of the <c>foreach</c> that declares it.</summary>
    private static IOperation? LocalSource(ILocalReferenceOperation local)
    {
        var model = local.SemanticModel;
        if (model is null || local.Local.DeclaringSyntaxReferences is not [var reference] || reference.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return reference.GetSyntax() switch
        {
            VariableDeclaratorSyntax { Initializer.Value: var initializer } => model.GetOperation(initializer),
            ForEachStatementSyntax forEach => (model.GetOperation(forEach) as IForEachLoopOperation)?.Collection,
            _ => null,
        };
    }

    private static bool IsLinq(IMethodSymbol method)
        => method.ContainingType is { Name: "Queryable" or "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace.Name: "System" } };

    /// <summary>The age a Where predicate guarantees for every row it keeps.</summary>
    private static RecordAge? PredicateAge(IOperation argument)
    {
        var lambda = FindLambda(argument);
        if (lambda is not { Symbol.Parameters: [var row] } || lambda.Body.Operations is not [IReturnOperation { ReturnedValue: { } predicate }])
        {
            return null;
        }

        return ConditionAge(predicate, row);
    }

    private static IAnonymousFunctionOperation? FindLambda(IOperation? operation)
    {
        while (operation is not null)
        {
            switch (operation)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda;
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IDelegateCreationOperation creation:
                    operation = creation.Target;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static RecordAge? ConditionAge(IOperation condition, IParameterSymbol row)
    {
        if (SkipConversions(condition) is not IBinaryOperation binary)
        {
            return null;
        }

        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And:
                // Each side narrows the rows: one old-enough comparison is enough.
                return Stronger(ConditionAge(binary.LeftOperand, row), ConditionAge(binary.RightOperand, row));

            case BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or:
                // Either side may keep a row: both must be old enough.
                return ConditionAge(binary.LeftOperand, row) is { } left && ConditionAge(binary.RightOperand, row) is { } right
                    ? (left.MinimumDays <= right.MinimumDays ? left : right)
                    : null;

            case BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual when IsDateOf(binary.LeftOperand, row):
                return CutoffAge(binary.RightOperand, 0) ?? RecordAge.Unverifiable;

            case BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual when IsDateOf(binary.RightOperand, row):
                return CutoffAge(binary.LeftOperand, 0) ?? RecordAge.Unverifiable;

            default:
                return null;
        }
    }

    /// <summary>Whether the operand is a date member read from the row (<c>r.CreatedAt</c>, <c>r.Audit.CreatedAt</c>).</summary>
    private static bool IsDateOf(IOperation operand, IParameterSymbol row)
    {
        var member = SkipConversions(operand);
        if (member is not (IPropertyReferenceOperation or IFieldReferenceOperation) || !IsDate(member.Type))
        {
            return false;
        }

        IOperation? current = member;
        while (current is not null)
        {
            current = SkipConversions(current);
            switch (current)
            {
                case IParameterReferenceOperation parameter:
                    return SymbolEqualityComparer.Default.Equals(parameter.Parameter, row);
                case IPropertyReferenceOperation property:
                    current = property.Instance;
                    break;
                case IFieldReferenceOperation field:
                    current = field.Instance;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsDate(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var underlying] })
        {
            type = underlying;
        }

        return type is { SpecialType: SpecialType.System_DateTime }
               || type is { Name: "DateTimeOffset" or "DateOnly", ContainingNamespace.Name: "System" };
    }

    /// <summary>How far back a cut-off such as <c>DateTime.UtcNow.AddYears(-5)</c> (or a local holding it) lies.</summary>
    private static RecordAge? CutoffAge(IOperation operand, int depth)
    {
        var cutoff = SkipConversions(operand);
        if (depth > 4)
        {
            return null;
        }

        if (cutoff is ILocalReferenceOperation local)
        {
            return LocalSource(local) is { } initializer ? CutoffAge(initializer, depth + 1) : null;
        }

        if (cutoff is not IInvocationOperation { Instance: { } instance, Arguments: [var argument] } invocation
            || !IsNow(instance)
            || SkipConversions(argument.Value).ConstantValue is not { HasValue: true, Value: var constant })
        {
            return null;
        }

        var amount = constant switch
        {
            int value => -(double)value,
            double value => -value,
            _ => double.NaN,
        };

        if (double.IsNaN(amount) || amount <= 0)
        {
            return null;
        }

        return invocation.TargetMethod.Name switch
        {
            "AddYears" => new RecordAge(amount, "years"),
            "AddMonths" => new RecordAge(amount, "months"),
            "AddDays" => new RecordAge(amount, "days"),
            _ => null,
        };
    }

    /// <summary>
    /// <c>DateTime.Now</c>, <c>UtcNow</c>, <c>Today</c>, the <c>DateTimeOffset</c> ones, <c>TimeProvider.GetUtcNow()</c> /
    /// <c>GetLocalNow()</c>, optionally <c>.Date</c>.
    /// </summary>
    private static bool IsNow(IOperation operation)
    {
        operation = SkipConversions(operation);
        if (operation is IInvocationOperation { TargetMethod: { Name: "GetUtcNow" or "GetLocalNow", Parameters.Length: 0 } clockMethod })
        {
            // .NET 8 TimeProvider (injected, TimeProvider.System or a FakeTimeProvider deriving from it).
            return IsTimeProvider(clockMethod.ContainingType);
        }

        if (operation is not IPropertyReferenceOperation property)
        {
            return false;
        }

        if (property.Property.Name == "Date" && property.Instance is { } instance)
        {
            return IsNow(instance);
        }

        return property.Property is { IsStatic: true, Name: "Now" or "UtcNow" or "Today" }
               && IsDate(property.Property.ContainingType);
    }

    private static bool IsTimeProvider(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "TimeProvider", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    private static RecordAge? Stronger(RecordAge? left, RecordAge? right)
        => left is null ? right : right is null ? left : left.Value.MinimumDays >= right.Value.MinimumDays ? left : right;

    private static IOperation SkipConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The called member and its arguments (<c>ExecuteDelete()</c> of <c>query.ExecuteDelete()</c>), not the whole chain.</summary>
    private static Location CallLocation(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } syntax)
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(memberAccess.Name.SpanStart, syntax.Span.End));
        }

        return invocation.Syntax.GetLocation();
    }
}
