using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FinCompliance.Generators;

/// <summary>
/// What the consuming project's language version allows. A netstandard2.0 library defaults to C# 7.3, where
/// <c>#nullable</c> is an error, so generated files only say <c>#nullable enable</c> from C# 8 on.
/// </summary>
internal static class LanguageSupport
{
    public static IncrementalValueProvider<bool> Nullable(IncrementalGeneratorInitializationContext context)
        => context.ParseOptionsProvider.Select(static (options, _) =>
            options is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8);
}
