using System;

namespace FinCompliance;

/// <summary>This member discloses the given item (see <see cref="RequiresDisclosureAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Method, Inherited = true, AllowMultiple = true)]
public sealed class DisclosureAttribute : Attribute
{
    /// <summary>Marks the member as the disclosure of <paramref name="item"/>.</summary>
    public DisclosureAttribute(DisclosureItem item) => Item = item;

    /// <summary>The disclosed item.</summary>
    public DisclosureItem Item { get; }
}
