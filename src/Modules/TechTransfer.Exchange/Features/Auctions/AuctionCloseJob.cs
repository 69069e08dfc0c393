using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Platform.Jobs;

namespace TechTransfer.Exchange.Features.Auctions;

/// <summary>
/// Closes lots on time, exactly once, also after a restart (R6.4/R6.5): every <see cref="AuctionOptions.CloseJobInterval"/>
/// on the business clock (and once at start, so lots that came due while the host was down close at once) it finds
/// published lots whose <b>effective</b> close has passed and hands each to the lot's writer, whose guarded transition
/// (<see cref="AuctionLot.CloseIfDue"/> under the row lock / version token) closes it once however many hosts run the
/// job. It also sends the one-time closing-soon notices.
/// </summary>
public sealed class AuctionCloseJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuctionOptions> options, ILogger<AuctionCloseJob> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.RunCloseJob;
    protected override TimeSpan Interval => options.Value.CloseJobInterval;

    public Task RunOnceAsync(CancellationToken ct = default) => RunInScopeAsync(ct);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<TechTransferDbContext>();
        var writer = services.GetRequiredService<AuctionWriter>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var soon = now + options.Value.ClosingSoonLead;
        var due = await db.Set<AuctionLot>().AsNoTracking()
            .Where(l => l.Status == AuctionStatus.Published && l.EffectiveCloseAt <= now).Select(l => l.Id).ToListAsync(ct);
        foreach (var id in due) await writer.CloseIfDueAsync(id, ct);
        var closing = await db.Set<AuctionLot>().AsNoTracking()
            .Where(l => l.Status == AuctionStatus.Published && l.ClosingSoonNotifiedAt == null && l.StartsAt <= now
                        && l.EffectiveCloseAt > now && l.EffectiveCloseAt <= soon)
            .Select(l => l.Id).ToListAsync(ct);
        foreach (var id in closing) await writer.ClosingSoonIfDueAsync(id, ct);
    }
}
