using System;
using FinCompliance.Analyzers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FinCompliance.Generators;

/// <summary>Attribute arguments read from syntax, as the generators' syntax readers accept them: enum members only.</summary>
internal static class AttributeArgumentSyntax
{
    /// <summary>
    /// <c>[PersonalData(PersonalDataKind.Phone, Level = PersonalDataLevel.C3)]</c>'s kind and level (null when not given),
    /// from the kind argument and the <c>Level</c> argument's expression; false for anything else than declared members.
    /// </summary>
    public static bool TryPersonalData(ExpressionSyntax kindArgument, ExpressionSyntax? levelArgument, out PersonalInformationKind kind, out SensitivityLevel? level)
    {
        (kind, level) = (default, null);
        if (!TryEnumMember(kindArgument, "PersonalDataKind", out var kindName) || !Enum.IsDefined(typeof(PersonalInformationKind), kindName))
        {
            return false;
        }

        kind = (PersonalInformationKind)Enum.Parse(typeof(PersonalInformationKind), kindName);
        if (levelArgument is not null)
        {
            if (!TryEnumMember(levelArgument, "PersonalDataLevel", out var levelName) || !Enum.IsDefined(typeof(SensitivityLevel), levelName))
            {
                return false;
            }

            level = (SensitivityLevel)Enum.Parse(typeof(SensitivityLevel), levelName);
        }

        return true;
    }

    /// <summary><c>PersonalDataKind.Phone</c> (qualified or not) gives <c>Phone</c>.</summary>
    public static bool TryEnumMember(ExpressionSyntax expression, string enumName, out string member)
    {
        member = string.Empty;
        if (expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } access)
        {
            return false;
        }

        var owner = access.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax right } => right.Identifier.ValueText,
            _ => null,
        };
        member = name.Identifier.ValueText;
        return owner == enumName;
    }
}
