using System.Threading.Tasks;
using FinCompliance;

namespace FundSales.Notifications;

/// <summary>The SMS / marketing partner and the fund custodian: everything handed to them leaves the institution.</summary>
public interface IPartnerGateway
{
    [DataEgress]
    Task PushAsync(string topic, object payload);
}
