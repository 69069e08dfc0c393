using System.Globalization;
using System.Resources;
using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>The auction's notices through the shared Notification table, written in the lot writer's transaction.</summary>
internal static class AuctionNotices
{
    public static string Link(Guid lotId) => $"/exchange/auctions/{lotId}";

    private static string Close(AuctionLot lot) => BusinessTime.ToLocal(lot.EffectiveCloseAt).ToString("yyyy-MM-dd HH:mm:ss");

    public static (string Zh, string En) Outbid(AuctionLot lot) =>
        ($"您在“{lot.Title}”的出价已被超过，当前最高价 {lot.HighBid:0.00} 元",
         $"You were outbid on \"{lot.Title}\": the high bid is now ¥{lot.HighBid:0.00}");

    public static void ClosingSoon(TechTransferDbContext db, AuctionLot lot, IEnumerable<AuctionRegistration> registrants, DateTimeOffset now)
    {
        foreach (var r in registrants)
            db.Add(Notification.ToUser(r.UserId, $"“{lot.Title}”即将截止（{Close(lot)}，有效出价可能延时）",
                $"\"{lot.Title}\" closes soon ({Close(lot)}; accepted bids may extend it)", Link(lot.Id), now));
    }

    public static void Closed(TechTransferDbContext db, AuctionLot lot, IEnumerable<AuctionRegistration> registrants, DateTimeOffset now)
    {
        var sold = lot.Status == AuctionStatus.Sold;
        foreach (var r in registrants)
        {
            var (zh, en) = !sold ? ($"“{lot.Title}”竞价结束，未成交", $"\"{lot.Title}\" closed without a sale")
                : r.UserId == lot.WinnerUserId ? ($"恭喜！您以 {lot.HammerPrice:0.00} 元竞得“{lot.Title}”", $"You won \"{lot.Title}\" at ¥{lot.HammerPrice:0.00}")
                : ($"“{lot.Title}”已成交，成交价 {lot.HammerPrice:0.00} 元", $"\"{lot.Title}\" sold at ¥{lot.HammerPrice:0.00}");
            db.Add(Notification.ToUser(r.UserId, zh, en, Link(lot.Id), now));
        }
        var (czh, cen) = sold
            ? ($"您委托的“{lot.Title}”已成交，成交价 {lot.HammerPrice:0.00} 元", $"Your lot \"{lot.Title}\" sold at ¥{lot.HammerPrice:0.00}")
            : ($"您委托的“{lot.Title}”竞价结束，未成交", $"Your lot \"{lot.Title}\" closed without a sale");
        db.Add(Notification.ToOrganization(lot.ConsignorOrganizationId, Roles.InstitutionAdmin, czh, cen, Link(lot.Id), now));
        if (lot.OpenedByUserId is { } op) db.Add(Notification.ToUser(op, czh.Replace("您委托的", ""), cen.Replace("Your lot ", "Lot "), Link(lot.Id), now));
    }

    private static readonly ResourceManager Text = new("TechTransfer.Exchange.Resources.ExchangeText", typeof(ExchangeText).Assembly);

    /// <summary>A notice text of ExchangeText.resx in both languages (a notification stores both).</summary>
    public static (string Zh, string En) T(string key, params object[] args) =>
        (string.Format(CultureInfo.InvariantCulture, Text.GetString(key, CultureInfo.InvariantCulture)!, args),
         string.Format(CultureInfo.InvariantCulture, Text.GetString(key, CultureInfo.GetCultureInfo("en"))!, args));

    private static string Yuan(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    private static void ToUser(TechTransferDbContext db, Guid user, (string Zh, string En) text, AuctionLot lot, DateTimeOffset now) =>
        db.Add(Notification.ToUser(user, text.Zh, text.En, Link(lot.Id), now));

    public static void Withdrawn(TechTransferDbContext db, AuctionLot lot, IEnumerable<Guid> registrants, DateTimeOffset now)
    {
        foreach (var r in registrants) ToUser(db, r, T("AuctionNotice_Withdrawn", lot.Title), lot, now);
    }

    /// <summary>The winner's default: the defaulter (deposit forfeited), the new winner if the lot was offered on, the others, the consignor.</summary>
    public static void WinnerDefaulted(TechTransferDbContext db, AuctionLot lot, Guid defaulter, IEnumerable<AuctionRegistration> registrants, DateTimeOffset now)
    {
        ToUser(db, defaulter, T("AuctionNotice_DefaultedWinner", lot.Title), lot, now);
        var passed = lot.Status == AuctionStatus.Sold && lot.WinnerUserId is not null;
        if (passed) ToUser(db, lot.WinnerUserId!.Value, T("AuctionNotice_PassedToNext", lot.Title, Yuan(lot.HammerPrice)), lot, now);
        foreach (var r in registrants.Where(r => r.UserId != defaulter && r.UserId != lot.WinnerUserId))
            ToUser(db, r.UserId, T("AuctionNotice_DefaultRefund", lot.Title), lot, now);
        var (zh, en) = passed ? T("AuctionNotice_DefaultNextBidder", lot.Title, Yuan(lot.HammerPrice)) : T("AuctionNotice_DefaultReauction", lot.Title);
        db.Add(Notification.ToOrganization(lot.ConsignorOrganizationId, Roles.InstitutionAdmin, zh, en, Link(lot.Id), now));
    }
}
