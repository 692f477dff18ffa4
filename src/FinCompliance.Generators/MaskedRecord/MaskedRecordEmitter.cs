namespace FinCompliance.Generators;

/// <summary>
/// Writes the <c>PrintMembers</c> of a record: the same text the compiler's would print (<c>Name = value, …</c>),
/// with C2 members through <c>Masking.Mask</c> and C3 members replaced by <c>***</c>.
/// </summary>
internal static class MaskedRecordEmitter
{
    public static string HintName(MaskedRecordTarget target) => GeneratedCode.HintName(target.Declaration.MetadataName, "PrintMembers");

    public static string Emit(MaskedRecordTarget target)
    {
        var writer = new CodeWriter();
        GeneratedCode.WriteFileHeader(writer);
        target.Declaration.Write(writer, body =>
        {
            body.Line("/// <summary>");
            body.Line("/// Prints the record's members as the compiler-generated <c>PrintMembers</c> would, with personal data masked");
            body.Line("/// (<see cref=\"global::FinCompliance.Masking\"/>), so that <c>ToString()</c> does not expose it (FIN3004).");
            body.Line("/// </summary>");
            body.Line(GeneratedCode.Attribute);
            using (body.Block($"{target.Modifiers} bool PrintMembers(global::System.Text.StringBuilder builder)"))
            {
                if (target.IsDerived)
                {
                    using (body.Block("if (base.PrintMembers(builder))"))
                    {
                        body.Line("builder.Append(\", \");");
                    }

                    body.Line();
                }
                else if (!target.IsStruct)
                {
                    body.Line("global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();");
                }

                for (var i = 0; i < target.Members.Count; i++)
                {
                    var member = target.Members[i];
                    var header = (i == 0 ? string.Empty : ", ") + member.Name + " = ";
                    body.Line($"builder.Append({GeneratedCode.Literal(header)});");
                    body.Line($"builder.Append({Value(member)});");
                }

                body.Line("return true;");
            }
        });
        return writer.ToString();
    }

    private static string Value(ResolvedMember member)
    {
        if (member.FullyMasked)
        {
            return "global::FinCompliance.Masking.FullMask"; // C3: not even its length is shown
        }

        var access = "this." + GeneratedCode.Identifier(member.Name);
        if (member.MaskKind.Length == 0)
        {
            return member.Shape switch
            {
                ValueShape.String => access,
                ValueShape.Value or ValueShape.NullableValue => access + ".ToString()",
                _ => "(object?)" + access,
            };
        }

        var text = member.Shape switch
        {
            ValueShape.String => access,
            ValueShape.Value => access + ".ToString()",
            ValueShape.TypeParameter => $"((object?){access})?.ToString()",
            _ => access + "?.ToString()",
        };
        return $"global::FinCompliance.Masking.Mask({text}, global::FinCompliance.PersonalDataKind.{member.MaskKind})";
    }
}
