using System.Collections.Generic;
using FinCompliance;

namespace FundSales.Marketplace;

/// <summary>An investor's money waiting to be matched with a bond-crowdfunding project.</summary>
[ClientFunds]
public sealed class PendingSubscription
{
    public string InvestorRef { get; set; } = "";
    public decimal Amount { get; set; }
}

/// <summary>A guarantee house the platform works with.</summary>
public sealed class GuaranteePartner
{
    [CreditEnhancement]
    public void CoverDefault(string projectId)
    {
    }
}

/// <summary>
/// The distributor's crowdfunding marketplace: it may only match investors with projects (an information
/// intermediary), never hold their money or stand behind the projects.
/// </summary>
[InformationIntermediary]
public sealed class CrowdfundingMarketplace
{
    private readonly GuaranteePartner guarantor = new();

    // FIN2003: the marketplace keeps investors' money itself (资金池).
    public List<PendingSubscription> Escrow { get; } = new();

    // Compliant: only the custodian bank's account reference is kept.
    public string CustodianAccountRef { get; set; } = "";

    // FIN2004: the platform promises to compensate investors itself...
    [CreditEnhancement]
    public void CompensateInvestors(string projectId)
    {
    }

    // FIN2004: ...or through a guarantee partner.
    public void OnProjectDefault(string projectId) => guarantor.CoverDefault(projectId);

    // Compliant: disclosing the risk instead of covering it.
    public string DescribeRisk(string projectId) => $"Project {projectId}: unsecured; investors bear the default risk.";
}
