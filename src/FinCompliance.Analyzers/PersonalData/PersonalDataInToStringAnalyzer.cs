using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FinCompliance.Analyzers;

/// <summary>
/// FIN3004: a record with C2/C3 members whose <c>ToString</c>/<c>PrintMembers</c> the compiler generates (it prints
/// every public member verbatim), and a user-written <c>ToString</c>/<c>PrintMembers</c> that returns personal data
/// without a masking call.
/// </summary>
public sealed class PersonalDataInToStringAnalyzer : FinComplianceAnalyzer
{
    /// <summary>Diagnostic property set on the record form, which the make-partial code fix handles.</summary>
    public const string CompilerGeneratedProperty = "CompilerGenerated";

    public PersonalDataInToStringAnalyzer()
        : base(Rules.PersonalDataInToString)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, FinComplianceSymbols symbols)
    {
        var classifier = PersonalDataClassifier.For(context.Compilation, context.Options);
        context.RegisterSymbolAction(symbolContext => AnalyzeRecord(symbolContext, classifier), SymbolKind.NamedType);
        context.RegisterOperationBlockAction(blockContext => AnalyzeUserToString(blockContext, classifier));
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeRecord(SymbolAnalysisContext context, PersonalDataClassifier classifier)
    {
        if (context.Symbol is not INamedTypeSymbol { IsRecord: true } record || HasUserWrittenStringForm(record))
        {
            return;
        }

        var printed = new List<string>();
        foreach (var member in record.GetMembers())
        {
            if (IsPrintedByCompilerGeneratedPrintMembers(member) && classifier.Classify(member) is { IsProtected: true })
            {
                printed.Add(member.Name);
            }
        }

        if (printed.Count == 0)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(CompilerGeneratedProperty, "true");
        context.ReportDiagnostic(Diagnostic.Create(
            Rules.PersonalDataInToString, record.Locations[0], properties, record.Name,
            " (compiler-generated PrintMembers prints " + string.Join(", ", printed) + ")"));
    }

    /// <summary>What the synthesized <c>PrintMembers</c> prints: public instance fields and readable properties, overrides excluded.</summary>
    internal static bool IsPrintedByCompilerGeneratedPrintMembers(ISymbol member)
    {
        if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsOverride)
        {
            return false;
        }

        return member switch
        {
            IPropertySymbol property => !property.IsIndexer && property.GetMethod is { DeclaredAccessibility: Accessibility.Public } && property.Name != "EqualityContract",
            IFieldSymbol field => !field.IsConst && !field.IsImplicitlyDeclared,
            _ => false,
        };
    }

    /// <summary>
    /// A user-declared <c>ToString</c> or <c>PrintMembers</c> in any part (generated parts included, so a record the
    /// masked-record generator has completed counts), or a sealed <c>ToString</c> in a base record.
    /// </summary>
    internal static bool HasUserWrittenStringForm(INamedTypeSymbol record)
    {
        foreach (var member in record.GetMembers())
        {
            if (member is IMethodSymbol { IsImplicitlyDeclared: false } method
                && ((method.Name == "ToString" && method.Parameters.IsEmpty) || (method.Name == "PrintMembers" && method.Parameters.Length == 1)))
            {
                return true;
            }
        }

        for (var baseType = record.BaseType; baseType is { IsRecord: true }; baseType = baseType.BaseType)
        {
            foreach (var member in baseType.GetMembers("ToString"))
            {
                if (member is IMethodSymbol { IsImplicitlyDeclared: false, IsSealed: true, Parameters.IsEmpty: true })
                {
                    return true;
                }
            }
        }

        return false;
    }

    [MethodImpl(JitOptions.Optimized)]
    private static void AnalyzeUserToString(OperationBlockAnalysisContext context, PersonalDataClassifier classifier)
    {
        if (context.OwningSymbol is not IMethodSymbol { IsStatic: false, IsImplicitlyDeclared: false } method)
        {
            return;
        }

        var isToString = method.Name == "ToString" && method.Parameters.IsEmpty && method.ReturnType.SpecialType == SpecialType.System_String;
        var isPrintMembers = method.Name == "PrintMembers" && method.Parameters.Length == 1 && method.ContainingType.IsRecord;
        if (!isToString && !isPrintMembers)
        {
            return;
        }

        var walker = new StringFormWalker(classifier, context.OwningSymbol.Name == "PrintMembers" ? method.Parameters[0] : null);
        foreach (var block in context.OperationBlocks)
        {
            walker.CollectLocals(block);
        }

        foreach (var block in context.OperationBlocks)
        {
            walker.VisitOutputs(block);
        }

        foreach (var (reference, member, classification) in walker.Exposed)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.PersonalDataInToString, reference.Syntax.GetLocation(), method.ContainingType.Name,
                $": '{member.Name}' ({classification}) is not masked"));
        }
    }

    /// <summary>
    /// Finds the references to C2/C3 members that flow into a string form: the returned expressions of <c>ToString</c>,
    /// the text appended to a <c>StringBuilder</c> (locals, and <c>PrintMembers</c>' builder), through locals,
    /// interpolation, concatenation, <c>string.Format</c>/<c>Join</c>, conditionals and <c>ToString()</c>; a masking call,
    /// a comparison or a derived number (<c>Length</c>, <c>Count</c>) ends the trail.
    /// </summary>
    private sealed class StringFormWalker
    {
        private readonly PersonalDataClassifier classifier;
        private readonly IParameterSymbol? builderParameter;
        private readonly Dictionary<ILocalSymbol, List<IOperation>> localValues = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> visitedLocals = new(SymbolEqualityComparer.Default);
        private readonly HashSet<IOperation> reported = new();

        public StringFormWalker(PersonalDataClassifier classifier, IParameterSymbol? builderParameter)
        {
            this.classifier = classifier;
            this.builderParameter = builderParameter;
        }

        public List<(IOperation Reference, ISymbol Member, PersonalDataClass Classification)> Exposed { get; } = new();

        public void CollectLocals(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator:
                        Add(declarator.Symbol, initial);
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Add(target.Local, assignment.Value);
                        break;
                    case IInvocationOperation append when IsAppend(append) && BuilderOf(append) is ILocalReferenceOperation builder:
                        foreach (var argument in append.Arguments)
                        {
                            Add(builder.Local, argument.Value);
                        }

                        break;
                }
            }
        }

        public void VisitOutputs(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is IReturnOperation { ReturnedValue: { } returned } && builderParameter is null && !IsInsideFunction(operation, root))
                {
                    Visit(returned);
                }
                else if (builderParameter is not null && operation is IInvocationOperation append && IsAppend(append)
                         && BuilderOf(append) is IParameterReferenceOperation parameter
                         && SymbolEqualityComparer.Default.Equals(parameter.Parameter, builderParameter))
                {
                    foreach (var argument in append.Arguments)
                    {
                        Visit(argument.Value);
                    }
                }
            }
        }

        private static bool IsInsideFunction(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The builder an <c>Append</c> chain starts from: <c>builder.Append(a).Append(b)</c> → <c>builder</c>.</summary>
        private static IOperation? BuilderOf(IInvocationOperation append)
        {
            var instance = append.Instance;
            while (instance is IInvocationOperation inner && IsAppend(inner))
            {
                instance = inner.Instance;
            }

            return instance;
        }

        private static bool IsAppend(IInvocationOperation invocation)
            => invocation.TargetMethod.ContainingType is { Name: "StringBuilder" } builder
               && builder.ContainingNamespace?.ToDisplayString() == "System.Text"
               && (invocation.TargetMethod.Name.StartsWith("Append", System.StringComparison.Ordinal) || invocation.TargetMethod.Name == "Insert");

        private void Add(ILocalSymbol local, IOperation value)
        {
            if (!localValues.TryGetValue(local, out var values))
            {
                values = new List<IOperation>();
                localValues[local] = values;
            }

            values.Add(value);
        }

        private void Visit(IOperation? operation)
        {
            if (operation is null || operation.ConstantValue.HasValue)
            {
                return;
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    if (classifier.IsMaskingMethod(invocation.TargetMethod))
                    {
                        return;
                    }

                    if (classifier.Classify(invocation.TargetMethod) is { IsProtected: true } returned)
                    {
                        if (reported.Add(operation))
                        {
                            Exposed.Add((operation, invocation.TargetMethod, returned));
                        }

                        return;
                    }

                    if (IsDerivedFact(invocation.Type))
                    {
                        return;
                    }

                    if (IsAppend(invocation))
                    {
                        // builder.Append(x).Append(y): the arguments were collected with the builder.
                        Visit(invocation.Instance);
                        return;
                    }

                    Visit(invocation.Instance);
                    foreach (var argument in invocation.Arguments)
                    {
                        Visit(argument.Value);
                    }

                    return;

                case IPropertyReferenceOperation or IFieldReferenceOperation:
                    var member = ((IMemberReferenceOperation)operation).Member;
                    if (classifier.Classify(member) is { IsProtected: true } classification)
                    {
                        if (reported.Add(operation))
                        {
                            Exposed.Add((operation, member, classification));
                        }
                    }

                    // Not personal itself (Id, Length, Count, …): what it reads from a personal value is a derived fact.
                    return;

                case IBinaryOperation binary:
                    if (binary.Type?.SpecialType == SpecialType.System_Boolean)
                    {
                        return;
                    }

                    Visit(binary.LeftOperand);
                    Visit(binary.RightOperand);
                    return;

                case IConditionalOperation conditional:
                    Visit(conditional.WhenTrue);
                    Visit(conditional.WhenFalse);
                    return;

                case ILocalReferenceOperation local:
                    if (visitedLocals.Add(local.Local) && localValues.TryGetValue(local.Local, out var values))
                    {
                        foreach (var value in values)
                        {
                            Visit(value);
                        }
                    }

                    return;

                case IIsTypeOperation or IIsPatternOperation or IUnaryOperation { Type.SpecialType: SpecialType.System_Boolean }:
                    return;
            }

            foreach (var child in operation.ChildOperations)
            {
                Visit(child);
            }
        }

        /// <summary>A number, bool or char computed from personal data (its length, a comparison) is not the data.</summary>
        private static bool IsDerivedFact(ITypeSymbol? type)
            => type is not null && (type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Void
                || (type.SpecialType >= SpecialType.System_Char && type.SpecialType <= SpecialType.System_Double));
    }
}
