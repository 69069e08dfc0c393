using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Domain.Evidence;
using TechTransfer.SharedKernel.Evidence;

namespace TechTransfer.Exchange.Features.Evidence;

/// <summary>One step as the public may see it: which chain, its number, the step kind and when — never its facts.</summary>
public sealed record EvidenceStepView(string Chain, long Sequence, string Kind, DateTimeOffset At);

/// <summary>One chain verified: its key, the head as stored (count, hash), how many records checked out, and the first broken link.</summary>
public sealed record ChainReport(string Chain, long Count, string HeadHash, long Checked, EvidenceBreak? Break)
{
    public bool Verified => Break is null;
}

/// <summary>A deal's evidence verified: the deal chain's head and count, each chain (listing, lot, deal) and the first broken link of any.</summary>
public sealed record DealVerification(
    Guid DealId, string DealNo, string ChainHead, long RecordCount, bool Verified, DateTimeOffset VerifiedAt,
    IReadOnlyList<ChainReport> Chains, EvidenceBreak? FirstBreak, IReadOnlyList<EvidenceStepView> Steps);

/// <summary>Every chain verified (<c>tt evidence verify --all</c>).</summary>
public sealed record AllChainsReport(long Chains, long Records, IReadOnlyList<ChainReport> Broken);

/// <summary>
/// Verification of evidence chains against the stored records (<see cref="EvidenceChainVerifier"/>, streamed in batches by
/// sequence), plus the seals a record keeps of data outside its chain: a lot's close (<c>lot.sold</c>) against the bid log
/// as stored now, and a deal's first record (<c>deal.opened</c>) against the listing's and the lot's chains it sealed.
/// </summary>
public sealed class EvidenceVerifier(TechTransferDbContext db, TimeProvider clock)
{
    private const int Batch = 5000;
    public const int MaxSteps = 500;

    public Task<ChainReport> VerifyChainAsync(string chain, CancellationToken ct) => VerifyAsync(chain, null, ct);

    /// <summary>A deal's chains (the listing's, the lot's, the deal's), or null when there is no such deal. Anyone may ask: nothing confidential is returned.</summary>
    public async Task<DealVerification?> VerifyDealAsync(Guid dealId, CancellationToken ct)
    {
        var deal = await db.Set<ExchangeDeal>().AsNoTracking().Where(d => d.Id == dealId)
            .Select(d => new { d.Id, d.DealNo, d.ListingId, d.LotId }).FirstOrDefaultAsync(ct);
        if (deal is null) return null;
        var keys = new List<string>();
        if (deal.ListingId is { } l) keys.Add(EvidenceChains.Listing(l));
        if (deal.LotId is { } lot) keys.Add(EvidenceChains.Lot(lot));
        var dealKey = EvidenceChains.Deal(deal.Id);
        keys.Add(dealKey);
        // collected chain by chain in the order listing → lot → deal, each in sequence order; the stable sort by time keeps
        // that order for steps of one instant (a lot's close before the deal it opens)
        var steps = new List<EvidenceStepView>();
        var reports = new List<ChainReport>();
        foreach (var key in keys)
        {
            var report = await VerifyAsync(key, steps, ct);
            if (report.Count > 0 || key == dealKey) reports.Add(report);
        }
        var own = reports[^1];
        var first = reports.Select(r => r.Break).FirstOrDefault(b => b is not null);
        return new DealVerification(deal.Id, deal.DealNo, own.HeadHash, own.Count, first is null && own.Count > 0, clock.GetUtcNow(),
            reports, first, steps.OrderBy(s => s.At).ToList());
    }

    /// <summary>Every chain, in key order; <paramref name="progress"/> gets the number of chains done.</summary>
    public async Task<AllChainsReport> VerifyAllAsync(IProgress<long>? progress, CancellationToken ct)
    {
        var broken = new List<ChainReport>();
        long chains = 0, records = 0;
        string? after = null;
        while (true)
        {
            var q = db.Set<EvidenceChainHead>().AsNoTracking();
            if (after is not null) q = q.Where(h => string.Compare(h.Key, after) > 0);
            var keys = await q.OrderBy(h => h.Key).Select(h => h.Key).Take(500).ToListAsync(ct);
            foreach (var key in keys)
            {
                var r = await VerifyAsync(key, null, ct);
                chains++;
                records += r.Checked;
                if (!r.Verified) broken.Add(r);
                progress?.Report(chains);
            }
            if (keys.Count < 500) break;
            after = keys[^1];
        }
        return new AllChainsReport(chains, records, broken);
    }

    private async Task<ChainReport> VerifyAsync(string chain, List<EvidenceStepView>? steps, CancellationToken ct)
    {
        var head = await db.Set<EvidenceChainHead>().AsNoTracking().FirstOrDefaultAsync(h => h.Key == chain, ct);
        var verifier = new EvidenceChainVerifier(chain);
        long after = 0;
        while (verifier.Break is null)
        {
            var from = after;
            var batch = await db.Set<EvidenceRecord>().AsNoTracking().Where(r => r.ChainKey == chain && r.Sequence > from)
                .OrderBy(r => r.Sequence).Take(Batch).ToListAsync(ct);
            foreach (var r in batch)
            {
                if (!verifier.Next(r)) break;
                if (steps is not null && steps.Count < MaxSteps) steps.Add(new EvidenceStepView(chain, r.Sequence, r.Kind, r.At));
                if (await SealProblemAsync(r, ct) is { } problem)
                {
                    verifier.Report(r, problem);
                    break;
                }
            }
            if (batch.Count < Batch) break;
            after = batch[^1].Sequence;
        }
        verifier.Finish(head?.Count ?? 0, head?.HeadHash ?? EvidenceChain.Genesis);
        return new ChainReport(chain, head?.Count ?? 0, head?.HeadHash ?? EvidenceChain.Genesis, verifier.Checked, verifier.Break);
    }

    /// <summary>The seals a record keeps of data outside its own chain, checked against the data as stored now.</summary>
    private async Task<EvidenceProblem?> SealProblemAsync(EvidenceRecord r, CancellationToken ct)
    {
        if (r.Kind is not (ExchangeEvidence.LotSold or ExchangeEvidence.DealOpened)) return null;
        var facts = JsonSerializer.Deserialize<Dictionary<string, string>>(r.Facts) ?? [];
        if (r.Kind == ExchangeEvidence.LotSold)
        {
            if (!facts.TryGetValue(ExchangeEvidence.BidLogSequence, out var seqText) || !long.TryParse(seqText, out var upTo)
                || !facts.TryGetValue(ExchangeEvidence.BidLogSeal, out var seal) || !facts.TryGetValue("lotId", out var lotText)
                || !Guid.TryParse(lotText, out var lotId))
                return EvidenceProblem.ContentAltered;
            var bids = await db.Set<AuctionBid>().AsNoTracking().Where(b => b.LotId == lotId && b.Sequence <= upTo).ToListAsync(ct);
            return BidLog.Seal(bids) == seal ? null : EvidenceProblem.BidLogAltered;
        }
        foreach (var (countKey, headKey, prefix) in new[]
                 {
                     (ExchangeEvidence.OriginListingCount, ExchangeEvidence.OriginListingHead, "listingId"),
                     (ExchangeEvidence.OriginLotCount, ExchangeEvidence.OriginLotHead, "lotId"),
                 })
        {
            if (!facts.TryGetValue(countKey, out var countText)) continue;
            if (!long.TryParse(countText, out var count) || !facts.TryGetValue(headKey, out var sealedHead)
                || !facts.TryGetValue(prefix, out var idText) || !Guid.TryParse(idText, out var id))
                return EvidenceProblem.OriginAltered;
            var origin = prefix == "listingId" ? EvidenceChains.Listing(id) : EvidenceChains.Lot(id);
            var stored = await db.Set<EvidenceRecord>().AsNoTracking().Where(x => x.ChainKey == origin && x.Sequence == count)
                .Select(x => x.Hash).FirstOrDefaultAsync(ct);
            if (stored != sealedHead) return EvidenceProblem.OriginAltered;
        }
        return null;
    }
}
