using System;

namespace FinCompliance.Analyzers.Flow;

/// <summary>
/// The kinds of tag the <see cref="TagFlowAnalysis"/> engine tracks. The engine treats them as opaque bits; what
/// produces, carries and ends each kind is decided by a <see cref="TagPolicy"/>.
/// </summary>
[Flags]
public enum TagKind : ushort
{
    None = 0,

    /// <summary>Money that belongs to customers (<c>[ClientFunds]</c>).</summary>
    ClientFunds = 1 << 0,

    /// <summary>Customer reserve funds (<c>[CustomerReserveFunds]</c>); rules treat them as client funds too.</summary>
    CustomerReserveFunds = 1 << 1,

    /// <summary>The institution's own money (<c>[ProprietaryFunds]</c>).</summary>
    ProprietaryFunds = 1 << 2,

    /// <summary>A redemption payer, or the account redemptions are paid from (<c>[Redemption]</c>).</summary>
    Redemption = 1 << 3,

    /// <summary>A yield figure of the product itself (<c>[ProductYield]</c>).</summary>
    ProductYield = 1 << 4,

    /// <summary>Returns from a marketing activity (<c>[PromotionalReward]</c>).</summary>
    PromotionalReward = 1 << 5,

    /// <summary>
    /// Personal financial information (<c>[PersonalData]</c>). The only kind with a payload
    /// (<see cref="TagSet.Payload"/>: which kinds and levels, encoded by the personal-data policy).
    /// </summary>
    PersonalData = 1 << 6,
}
