using Microsoft.Extensions.Options;
using TechTransfer.Exchange.Domain.Auctions;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>Checks <c>Exchange:Auctions</c> at start (the options class carries no attributes; the domain reads it).</summary>
public sealed class AuctionOptionsValidator : IValidateOptions<AuctionOptions>
{
    public ValidateOptionsResult Validate(string? name, AuctionOptions o)
    {
        var failures = new List<string>();
        if (o.MinimumAnnouncementDays < 7) failures.Add("Exchange:Auctions:MinimumAnnouncementDays must be at least 7 (Auction Law art. 45).");
        if (o.ExtensionWindow <= TimeSpan.Zero || o.ExtensionWindow > TimeSpan.FromHours(1)) failures.Add("Exchange:Auctions:ExtensionWindow must be between 0 and 1 hour.");
        if (o.DepositPercent is < 0 or > 100) failures.Add("Exchange:Auctions:DepositPercent must be between 0 and 100.");
        if (o.MinimumDepositYuan < 0) failures.Add("Exchange:Auctions:MinimumDepositYuan cannot be negative.");
        if (o.CloseJobInterval < TimeSpan.FromMilliseconds(100) || o.CloseJobInterval > TimeSpan.FromMinutes(1))
            failures.Add("Exchange:Auctions:CloseJobInterval must be between 100 ms and 1 minute (the close must be on time).");
        if (o.ClosingSoonLead < TimeSpan.Zero) failures.Add("Exchange:Auctions:ClosingSoonLead cannot be negative.");
        if (o.MaxBatch is < 1 or > 10_000) failures.Add("Exchange:Auctions:MaxBatch must be between 1 and 10000.");
        if (o.BidTimeout < TimeSpan.FromSeconds(1)) failures.Add("Exchange:Auctions:BidTimeout must be at least 1 second.");
        if (!Enum.IsDefined(o.WinnerDefault)) failures.Add("Exchange:Auctions:WinnerDefault must be OfferToNextBidder or Reauction.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
