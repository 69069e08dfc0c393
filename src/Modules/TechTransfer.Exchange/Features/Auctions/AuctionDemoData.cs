using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Platform;
using TechTransfer.SharedKernel.Search;

using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>
/// Demo auctions: one announced (starts in 10 days), one bidding now (closes in 2 hours, three bids so far) and one
/// closed and sold three weeks ago. The objects are public demo achievements of Fudan and SJTU (read through the
/// achievement search source, the shared contract), the bidders the demo enterprises. Every transition goes through
/// the lot's own methods at instants relative to the seed clock.
/// </summary>
public sealed class AuctionDemoData(TechTransferDbContext db, IEnumerable<ISearchDocumentSource> sources, IOptions<AuctionOptions> options) : IDemoDataSeeder
{
    public int Order => 60;

    public async Task SeedAsync(DemoDataContext context, CancellationToken ct)
    {
        var source = sources.FirstOrDefault(s => s.Type == SearchDocumentTypes.Achievement);
        if (source is null || !context.Organizations.TryGetValue("fudan", out var fudan) || !context.Organizations.TryGetValue("sjtu", out var sjtu)
            || !context.Users.TryGetValue("enterprise.zhixin", out var zhixin) || !context.Users.TryGetValue("enterprise.lvneng", out var lvneng))
            return;
        var achievements = new List<SearchDocument>();
        await foreach (var doc in source.LoadAllAsync(ct))
            if (doc.IsPublic && (doc.OrganizationId == fudan || doc.OrganizationId == sjtu)) achievements.Add(doc);
        if (achievements.Count < 3) return;
        var op = context.Users.GetValueOrDefault("exchange.operator");
        var o = options.Value;
        var now = context.Now;
        var bidders = new[] { (zhixin, context.Organizations.GetValueOrDefault("zhixin")), (lvneng, context.Organizations.GetValueOrDefault("lvneng")) };

        AuctionLot Lot(SearchDocument a, DateTimeOffset announced, DateTimeOffset starts, TimeSpan length, decimal start, decimal? reserve, decimal step) =>
            AuctionLot.Open(new AuctionTerms($"{a.Title}（竞价转让）", $"以网络竞价方式转让科技成果“{a.Title}”，价高者得。",
                AuctionObjectType.Achievement, [a.Id], a.OrganizationId!.Value, null, start, reserve, step, starts, starts + length,
                a.TitleEn is { Length: > 0 } en2 ? $"{en2} (transfer by auction)" : null), op, announced, o).Value;

        void Bids(AuctionLot lot, List<AuctionRegistration> regs, DateTimeOffset from, params decimal[] amounts)
        {
            for (var i = 0; i < amounts.Length; i++)
            {
                var r = regs[i % regs.Count];
                var at = from.AddMinutes(7 * i + 3);
                var d = lot.PlaceBid(r.UserId, r.OrganizationId, amounts[i], at, o.ExtensionWindow);
                db.Add(AuctionBid.Record(lot, r, amounts[i], at, d));
                r.BidAt(at);
            }
        }

        List<AuctionRegistration> Register(AuctionLot lot, DateTimeOffset at) => bidders.Select(b =>
        {
            var r = AuctionRegistration.Create(lot, b.Item1, b.Item2 == Guid.Empty ? null : b.Item2, lot.Register(at).Value, at);
            db.Add(r);
            return r;
        }).ToList();

        var scheduled = Lot(achievements[0], now.AddDays(-1), BusinessTime.StartOf(BusinessTime.DateOf(now.AddDays(10))).AddHours(10), TimeSpan.FromHours(3), 800_000m, 1_000_000m, 20_000m);
        db.Add(scheduled);

        var running = Lot(achievements[1], now.AddDays(-9), now.AddHours(-1), TimeSpan.FromHours(3), 500_000m, null, 10_000m);
        var runningRegs = Register(running, now.AddHours(-2));
        Bids(running, runningRegs, now.AddHours(-1), 500_000m, 520_000m, 530_000m);
        db.Add(running);

        var closedStart = now.AddDays(-21);
        var closed = Lot(achievements[2], closedStart.AddDays(-10), closedStart, TimeSpan.FromHours(2), 1_200_000m, 1_300_000m, 50_000m);
        var closedRegs = Register(closed, closedStart.AddHours(-5));
        Bids(closed, closedRegs, closedStart, 1_200_000m, 1_250_000m, 1_300_000m, 1_400_000m);
        closed.CloseIfDue(closed.EffectiveCloseAt);
        db.Add(closed);
        await db.SaveChangesAsync(ct);
    }
}
