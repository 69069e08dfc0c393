using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Features.Deals;

/// <summary>The deal's notices (shared Notification table, same transaction): to both parties and the exchange operator.</summary>
internal static class DealNotices
{
    public static string Link(Guid dealId) => $"/exchange/deals/{dealId}";

    private static string Trim(string text) => text.Length <= 300 ? text : text[..299] + "…";

    private static void ToParties(TechTransferDbContext db, ExchangeDeal d, string zh, string en, DateTimeOffset now)
    {
        db.Add(Notification.ToOrganization(d.SellerOrganizationId, null, Trim(zh), Trim(en), Link(d.Id), now));
        if (d.BuyerOrganizationId is { } buyer) db.Add(Notification.ToOrganization(buyer, null, Trim(zh), Trim(en), Link(d.Id), now));
        else if (d.BuyerUserId is { } user) db.Add(Notification.ToUser(user, Trim(zh), Trim(en), Link(d.Id), now));
        db.Add(Notification.ToRole(Roles.ExchangeOperator, Trim(zh), Trim(en), Link(d.Id), now));
    }

    /// <summary>The deal's title in an English notice: its English title where it has one.</summary>
    private static string En(ExchangeDeal d) => string.IsNullOrWhiteSpace(d.TitleEn) ? d.Title : d.TitleEn;

    public static void Created(TechTransferDbContext db, ExchangeDeal d, DateTimeOffset now) =>
        ToParties(db, d, $"“{d.Title}”已成交（{d.DealNo}），成交确认书待买受人和交易所签署",
            $"\"{En(d)}\" is sold ({d.DealNo}); the deal confirmation awaits the buyer's and the exchange's signatures", now);

    public static void Confirmed(TechTransferDbContext db, ExchangeDeal d, DateTimeOffset now) =>
        ToParties(db, d, $"“{d.Title}”的成交确认书（{d.DealNo}）已由双方签署，卖方可生成合同草稿",
            $"The deal confirmation of \"{En(d)}\" ({d.DealNo}) is signed by both sides; the seller may prepare the contract draft", now);

    public static void Annulled(TechTransferDbContext db, ExchangeDeal d, DateTimeOffset now) =>
        ToParties(db, d, $"“{d.Title}”的成交（{d.DealNo}）已作废", $"The deal on \"{En(d)}\" ({d.DealNo}) was annulled", now);
}
