using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data;
using TechTransfer.Data.Evidence;
using TechTransfer.Exchange.Domain.Auctions;
using TechTransfer.Exchange.Domain.Deals;
using TechTransfer.Exchange.Domain.Evidence;
using TechTransfer.Exchange.Features.Auctions;
using TechTransfer.Exchange.Features.Evidence;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Evidence;
using static TechTransfer.ApiTests.Exchange.AuctionTestSupport;

namespace TechTransfer.ApiTests.Exchange;

/// <summary>
/// The evidence hash chain of a deal (确权 · 鉴证) through HTTP on both databases: every step (listing, notice, deal, signatures,
/// ledger transfers; lot, close with the sealed bid log, winner default) is chained in the step's transaction, the public
/// verification (anonymous, nothing confidential) and <c>EvidenceVerifier</c> (what <c>tt evidence verify</c> runs) find a
/// tampered record, a tampered bid and an altered origin chain, the attestation certificate (parties and operator only), and
/// racing appends never fork a chain.
/// </summary>
public abstract partial class DealApiTests
{
    private static string[] Kinds(JsonElement v, string chainPrefix) => v.GetProperty("steps").EnumerateArray()
        .Where(s => s.GetProperty("chain").GetString()!.StartsWith(chainPrefix + ":", StringComparison.Ordinal))
        .Select(s => s.GetProperty("kind").GetString()!).ToArray();

    private async Task<JsonElement> VerificationAsync(Guid deal) =>
        await Json(await Factory.ClientAs(null).GetAsync($"/api/v1/evidence/deals/{deal}"), HttpStatusCode.OK);

    [Fact]
    public async Task Every_step_of_a_negotiated_deal_is_chained_verified_publicly_and_a_tampered_record_is_caught()
    {
        var w = await WorldAsync();
        var dealId = (await DealAsync(w)).GetProperty("id").GetGuid();
        await SignedAsync(w, dealId);
        var pay = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/deals/{dealId}/settlement/payments") { Content = JsonContent.Create(new { amount = 300_000m, reference = "ICBC-778" }) };
        pay.Headers.Add("Idempotency-Key", "ev-" + Guid.NewGuid().ToString("N"));
        await Json(await As(w.Operator).SendAsync(pay), HttpStatusCode.Created);

        // anyone verifies: the listing's chain (submission, approval with the notice) and the deal's (opened, two signatures, the payment)
        var response = await Factory.ClientAs(null).GetAsync($"/api/v1/evidence/deals/{dealId}");
        var text = await response.Content.ReadAsStringAsync();
        var v = await Json(response, HttpStatusCode.OK);
        Assert.True(v.GetProperty("verified").GetBoolean(), text);
        Assert.Equal(JsonValueKind.Null, v.GetProperty("firstBreak").ValueKind);
        Assert.Equal(["listing.submitted", "listing.approved"], Kinds(v, "listing"));
        Assert.Equal(["deal.opened", "deal.signed", "deal.signed", "ledger.transfer"], Kinds(v, "deal"));
        Assert.Equal(4, v.GetProperty("recordCount").GetInt64());
        var head = await Factory.WithDbAsync(async (db, _) => await db.Set<EvidenceChainHead>().AsNoTracking().SingleAsync(h => h.Key == EvidenceChains.Deal(dealId)));
        Assert.Equal(head.HeadHash, v.GetProperty("chainHead").GetString());
        // nothing confidential: no price, no party, no payment reference on the public answer
        Assert.DoesNotContain("750000", text);
        Assert.DoesNotContain("ICBC-778", text);
        Assert.DoesNotContain(w.Buyer.Id.ToString(), text);
        Assert.DoesNotContain("facts", text);
        await ProblemAssert.IsProblem(await Factory.ClientAs(null).GetAsync($"/api/v1/evidence/deals/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "exchange_deal.not_found");

        // the certificate: parties and the operator; another organisation 404, anonymous 401
        foreach (var party in new[] { w.BuyerUser, w.Office, w.Operator })
        {
            var pdf = await As(party).GetAsync($"/api/v1/exchange/deals/{dealId}/attestation.pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4]);
        }
        var stranger = TestUser.Of(Roles.Enterprise, (await Factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "320102")).Id);
        await ProblemAssert.IsProblem(await As(stranger).GetAsync($"/api/v1/exchange/deals/{dealId}/attestation.pdf"), HttpStatusCode.NotFound, "exchange_deal.not_found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.ClientAs(null).GetAsync($"/api/v1/exchange/deals/{dealId}/attestation.pdf")).StatusCode);

        // tamper: the price in the deal's first record is lowered in the database — the public page and the verifier name record 1
        await Factory.WithDbAsync(db => db.Set<EvidenceRecord>().Where(r => r.ChainKey == EvidenceChains.Deal(dealId) && r.Sequence == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Facts, r => r.Facts.Replace("\"priceYuan\":\"750000\"", "\"priceYuan\":\"75000\""))));
        v = await VerificationAsync(dealId);
        Assert.False(v.GetProperty("verified").GetBoolean());
        var broken = v.GetProperty("firstBreak");
        Assert.Equal((EvidenceChains.Deal(dealId), 1L, "deal.opened", "ContentAltered"),
            (broken.GetProperty("chain").GetString(), broken.GetProperty("sequence").GetInt64(), broken.GetProperty("kind").GetString(), broken.GetProperty("problem").GetString()));
        var all = await Factory.WithDbAsync(async (_, sp) => await sp.GetRequiredService<EvidenceVerifier>().VerifyAllAsync(null, CancellationToken.None));
        Assert.Contains(all.Broken, c => c.Chain == EvidenceChains.Deal(dealId) && c.Break!.Sequence == 1);

        // a listing record rewritten with a consistent hash breaks the next link, and the deal's seal of the listing chain no longer holds
        await Factory.WithDbAsync(async db =>
        {
            var first = await db.Set<EvidenceRecord>().SingleAsync(r => r.ChainKey == EvidenceChains.Listing(w.Listing) && r.Sequence == 1);
            var forged = EvidenceChainHead.Open(first.ChainKey, first.At).Append(first.Kind, first.At, first.ActorUserId,
                new EvidenceFacts().Add("listingId", w.Listing).Add("priceYuan", 1m).Values);
            await db.Set<EvidenceRecord>().Where(r => r.Id == first.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Facts, forged.Facts).SetProperty(r => r.Hash, forged.Hash));
        });
        v = await VerificationAsync(dealId);
        broken = v.GetProperty("firstBreak");
        Assert.Equal((EvidenceChains.Listing(w.Listing), 2L, "LinkBroken"),
            (broken.GetProperty("chain").GetString(), broken.GetProperty("sequence").GetInt64(), broken.GetProperty("problem").GetString()));
    }

    [Fact]
    public async Task The_close_seals_the_whole_bid_log_and_a_bid_changed_afterwards_is_caught()
    {
        var aw = await AuctionTestSupport.WorldAsync(Factory);
        var starts = Factory.Clock.GetUtcNow().AddDays(8);
        var lot = await OpenLotAsync(Factory, aw, starts, TimeSpan.FromHours(1), reserve: 101_000m);
        var a = await RegisteredBidderAsync(Factory, lot);
        var b = await RegisteredBidderAsync(Factory, lot);
        Factory.Clock.SetUtcNow(starts.AddMinutes(1));
        Assert.Equal(HttpStatusCode.Created, (await BidAsync(Factory, a, lot, 101_000m)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await BidAsync(Factory, b, lot, 101_500m)).StatusCode); // refused, logged, sealed
        Assert.Equal(HttpStatusCode.Created, (await BidAsync(Factory, b, lot, 120_000m)).StatusCode);
        Factory.Clock.SetUtcNow(starts.AddHours(1));
        await Factory.Services.GetRequiredService<AuctionCloseJob>().RunOnceAsync();
        var deal = await Factory.WithDbAsync(async (db, _) => await db.Set<ExchangeDeal>().AsNoTracking().SingleAsync(d => d.LotId == lot));

        var v = await VerificationAsync(deal.Id);
        Assert.True(v.GetProperty("verified").GetBoolean());
        Assert.Equal(["lot.opened", "lot.sold"], Kinds(v, "lot"));
        Assert.Equal(["deal.opened"], Kinds(v, "deal"));
        var sold = await Factory.WithDbAsync(async (db, _) => await db.Set<EvidenceRecord>().AsNoTracking()
            .SingleAsync(r => r.ChainKey == EvidenceChains.Lot(lot) && r.Kind == ExchangeEvidence.LotSold));
        var facts = JsonSerializer.Deserialize<Dictionary<string, string>>(sold.Facts)!;
        Assert.Equal("3", facts[ExchangeEvidence.BidLogSequence]);
        Assert.Equal("120000", facts["hammerPrice"]);

        // the winner defaults: the lot's chain records it, the deal's annulment is on the deal's chain, the runner-up's deal has its own
        var version = (await GetAsync(Factory, aw.Operator, lot)).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await As(aw.Operator).PostAsJsonAsync($"/api/v1/auctions/{lot}/winner-default", new { reason = "竞得人未签署", version })).StatusCode);
        Assert.Equal(["deal.opened", "deal.annulled"], Kinds(await VerificationAsync(deal.Id), "deal"));
        var second = await Factory.WithDbAsync(async (db, _) => await db.Set<ExchangeDeal>().AsNoTracking().SingleAsync(d => d.LotId == lot && d.Id != deal.Id));
        v = await VerificationAsync(second.Id);
        Assert.True(v.GetProperty("verified").GetBoolean());
        Assert.Equal(["lot.opened", "lot.sold", "lot.winner_default", "lot.sold"], Kinds(v, "lot"));

        // a refused bid's amount changed in the database: the close record's seal no longer matches
        await Factory.WithDbAsync(db => db.Set<AuctionBid>().Where(x => x.LotId == lot && x.Sequence == 2)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Amount, 101_600m)));
        v = await VerificationAsync(second.Id);
        var broken = v.GetProperty("firstBreak");
        Assert.Equal((EvidenceChains.Lot(lot), 2L, "lot.sold", "BidLogAltered"),
            (broken.GetProperty("chain").GetString(), broken.GetProperty("sequence").GetInt64(), broken.GetProperty("kind").GetString(), broken.GetProperty("problem").GetString()));
    }

    [Fact]
    public async Task Steps_racing_on_one_chain_never_fork_it()
    {
        var chain = EvidenceChains.Deal(Guid.NewGuid());
        var log = Factory.Services.GetRequiredService<IEvidenceLog>();
        await Factory.WithDbAsync(async db =>
        {
            await log.AppendAsync(db, new EvidenceEntry(chain, "deal.opened", null, Factory.Clock.GetUtcNow(), new EvidenceFacts()), CancellationToken.None);
            await db.SaveChangesAsync();
        });
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
            await log.AppendAsync(db, new EvidenceEntry(chain, "ledger.transfer", null, Factory.Clock.GetUtcNow(), new EvidenceFacts().Add("n", (long)i)), CancellationToken.None);
            try { return await db.SaveOrConflictAsync(CancellationToken.None) is null; }
            catch (DbUpdateException) { return false; } // a lost race on the (chain, sequence) index: nothing stored either
        })));
        var saved = outcomes.Count(ok => ok);
        Assert.InRange(saved, 1, 8);
        var report = await Factory.WithDbAsync(async (_, sp) => await sp.GetRequiredService<EvidenceVerifier>().VerifyChainAsync(chain, CancellationToken.None));
        Assert.True(report.Verified);
        Assert.Equal(1 + saved, report.Count);
        var sequences = await Factory.WithDbAsync(async (db, _) => await db.Set<EvidenceRecord>().Where(r => r.ChainKey == chain).Select(r => r.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 1 + saved).Select(n => (long)n), sequences.Order());
    }
}
