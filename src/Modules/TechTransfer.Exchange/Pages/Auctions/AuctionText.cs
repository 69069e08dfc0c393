using System.Globalization;
using System.Text.Json;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Exchange.Features.Auctions;
using TechTransfer.Exchange.Pages.Listings;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Pages.Auctions;

/// <summary>
/// Display helpers of the auction pages (strings in ExchangeText.resx under <c>Auction_*</c>): phase labels, exact bid
/// amounts, instants to the second, and the room's state and texts handed to <c>wwwroot/js/auction-room.js</c> as data
/// attributes (no inline script).
/// </summary>
public static class AuctionText
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Phase(AuctionPhase phase) => ListingText.R($"Auction_Phase_{phase}");
    public static string ObjectType(AuctionObjectType type) => ListingText.R($"Auction_Object_{type}");
    public static string Deposit(DepositStatus status) => ListingText.R($"Auction_Deposit_{status}");

    /// <summary>A paddle number as bidders see each other (a pseudonym, never a name).</summary>
    public static string Paddle(int? paddle) => paddle is { } p ? string.Format(CultureInfo.InvariantCulture, ListingText.R("Auction_Js_PaddleFormat"), p) : "—";

    /// <summary>
    /// A bid amount: <see cref="Yuan.Display(decimal, bool)"/>, followed by the exact yuan when the 万元 figure rounds
    /// (an increment of 50 yuan must not show two different bids as the same amount).
    /// </summary>
    public static string Amount(decimal amount)
    {
        var english = Bilingual.CurrentIsEnglish;
        var shown = Yuan.Display(amount, english);
        return english || Math.Abs(amount) < 10_000m || amount % 100m == 0 ? shown
            : $"{shown}（{amount.ToString("#,##0.00", CultureInfo.InvariantCulture)} 元）";
    }

    public static string Amount(decimal? amount) => amount is { } a ? Amount(a) : "—";

    /// <summary>An instant in Shanghai time to the second (the effective close moves by accepted bids, to the second).</summary>
    public static string Time(DateTimeOffset? at) =>
        at is { } v ? BusinessTime.ToLocal(v).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    /// <summary>Whole bid amounts posted by the form (invariant culture: "530000.00").</summary>
    public static string Value(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static decimal? ParseAmount(string? text) =>
        decimal.TryParse(text?.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The lot's state as the live feed sends it (<see cref="LiveLotState"/>), for the script's first paint.</summary>
    public static string StateJson(AuctionResponse a) => JsonSerializer.Serialize(new LiveLotState(a.Id, a.Phase, a.HighBid, a.HighBidPaddle,
        a.AcceptedBids, a.Registrations, a.EffectiveCloseAt, a.ServerTime, a.NextValidAmounts, a.HammerPrice, a.WinnerPaddle, []), Json);

    /// <summary>Every text the script shows, in the page language.</summary>
    public static string TextsJson()
    {
        var texts = Enum.GetValues<AuctionPhase>().ToDictionary(p => "phase" + (int)p, Phase);
        foreach (var key in new[] { "Leading", "Outbid", "NotBidYet", "NoBids", "PaddleFormat", "Days", "Ended", "ResultSold", "ResultNoSale",
                     "Extended", "Live", "Offline", "StartsIn", "ClosesIn" })
            texts[key] = ListingText.R("Auction_Js_" + key);
        texts["english"] = Bilingual.CurrentIsEnglish ? "1" : "";
        return JsonSerializer.Serialize(texts, Json);
    }
}
