using TechTransfer.Exchange.Domain.Evidence;
using TechTransfer.SharedKernel.Evidence;

namespace TechTransfer.UnitTests.Exchange;

/// <summary>The evidence hash chain's rules (确权 · 鉴证): the canonical form, stable hashing, ordering and tamper detection.</summary>
public class EvidenceChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 1, 2, 3, TimeSpan.Zero);
    private static readonly Guid Actor = Guid.Parse("0b7c3c52-8a0e-4b8e-9d7e-2f9c1a3b4c5d");
    private const string Chain = "deal:5d1f1d2e-0000-4000-8000-000000000001";

    private static List<EvidenceRecord> Chain3()
    {
        var head = EvidenceChainHead.Open(Chain, Now);
        return
        [
            head.Append("deal.opened", Now, Actor, new EvidenceFacts().Add("priceYuan", 1_500_000.00m).Add("dealNo", "CJ-1").Values),
            head.Append("deal.signed", Now.AddMinutes(1), Actor, new EvidenceFacts().Add("side", "Buyer").Values),
            head.Append("ledger.transfer", Now.AddMinutes(2), null, new EvidenceFacts().Add("amount", 500_000m).Values),
        ];
    }

    private static EvidenceBreak? Verify(IEnumerable<EvidenceRecord> records, long headCount, string headHash)
    {
        var v = new EvidenceChainVerifier(Chain);
        foreach (var r in records)
            if (!v.Next(r)) break;
        return v.Finish(headCount, headHash);
    }

    private static EvidenceRecord With(EvidenceRecord r, string? kind = null, string? facts = null, long? seq = null, string? prev = null, DateTimeOffset? at = null) =>
        EvidenceRecord.Stored(r.ChainKey, seq ?? r.Sequence, kind ?? r.Kind, at ?? r.At, r.ActorUserId, facts ?? r.Facts, prev ?? r.PreviousHash, r.Hash);

    [Fact]
    public void Canonical_form_is_sorted_key_json_of_strings_without_whitespace()
    {
        var facts = EvidenceChain.CanonicalFacts(new EvidenceFacts().Add("z", "last").Add("a", 1.50m).Add("m", new DateOnly(2026, 1, 2)).Add("q", "say \"hi\"\n\\").Values);
        Assert.Equal("{\"a\":\"1.5\",\"m\":\"2026-01-02\",\"q\":\"say \\\"hi\\\"\\n\\\\\",\"z\":\"last\"}", facts);
        var canonical = EvidenceChain.Canonical(Chain, 1, "deal.opened", Now.AddTicks(12_345), Actor, facts, EvidenceChain.Genesis);
        Assert.Equal("{\"actor\":\"0b7c3c52-8a0e-4b8e-9d7e-2f9c1a3b4c5d\",\"at\":\"2026-12-08T01:02:03.001Z\",\"chain\":\"" + Chain + "\",\"facts\":" + facts
                     + ",\"kind\":\"deal.opened\",\"prev\":\"" + new string('0', 64) + "\",\"seq\":\"1\"}", canonical);
    }

    [Fact]
    public void Hash_is_the_sha256_of_the_canonical_utf8_and_is_stable()
    {
        // a fixed vector: if this changes, every stored chain would stop verifying
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", EvidenceChain.Hash("abc"));
        var one = Chain3();
        var two = Chain3();
        Assert.Equal(one.Select(r => r.Hash), two.Select(r => r.Hash));
        Assert.All(one, r => Assert.Equal(EvidenceChain.HashOf(r), r.Hash));
    }

    [Fact]
    public void Facts_are_written_in_one_invariant_form_whatever_the_order_scale_or_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var a = new EvidenceFacts().Add("price", 1_500_000.00m).Add("rate", 1.50m).Add("at", Now.AddTicks(9_999)).Add("ok", true).Values;
            var b = new EvidenceFacts().Add("ok", true).Add("at", Now).Add("rate", 1.5m).Add("price", 1_500_000m).Values;
            Assert.Equal(EvidenceChain.CanonicalFacts(a), EvidenceChain.CanonicalFacts(b));
            Assert.Equal("{\"at\":\"2026-12-08T01:02:03.000Z\",\"ok\":\"true\",\"price\":\"1500000\",\"rate\":\"1.5\"}", EvidenceChain.CanonicalFacts(a));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = culture; }
    }

    [Fact]
    public void Each_record_names_the_previous_hash_and_the_head_follows_the_last()
    {
        var head = EvidenceChainHead.Open(Chain, Now);
        var first = head.Append("a", Now, null, new Dictionary<string, string>());
        var second = head.Append("b", Now, null, new Dictionary<string, string>());
        Assert.Equal(EvidenceChain.Genesis, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal((2L, second.Hash, 2), (head.Count, head.HeadHash, head.Version));
        Assert.Null(Verify([first, second], head.Count, head.HeadHash));
    }

    [Fact]
    public void A_changed_fact_step_or_time_is_caught_as_altered_content_at_that_record()
    {
        var records = Chain3();
        var head = records[^1].Hash;
        foreach (var tampered in new[]
                 {
                     With(records[1], facts: records[1].Facts.Replace("Buyer", "Seller")),
                     With(records[1], kind: "deal.annulled"),
                     With(records[1], at: records[1].At.AddSeconds(1)),
                 })
        {
            var b = Verify([records[0], tampered, records[2]], 3, head);
            Assert.Equal((2L, EvidenceProblem.ContentAltered), (b!.Sequence, b.Problem));
        }
    }

    [Fact]
    public void A_record_replaced_with_a_rehashed_one_breaks_the_next_link()
    {
        var records = Chain3();
        var forgedHead = EvidenceChainHead.Open(Chain, Now);
        // the first record rewritten with a lower price and a hash that matches it: its own check passes, the next link does not
        var forged = forgedHead.Append("deal.opened", Now, Actor, new EvidenceFacts().Add("priceYuan", 1m).Add("dealNo", "CJ-1").Values);
        var b = Verify([forged, records[1], records[2]], 3, records[^1].Hash);
        Assert.Equal((2L, EvidenceProblem.LinkBroken), (b!.Sequence, b.Problem));
    }

    [Fact]
    public void A_removed_record_is_a_gap_reordered_records_are_caught_and_a_cut_tail_is_a_head_mismatch()
    {
        var r = Chain3();
        var gap = Verify([r[0], r[2]], 3, r[2].Hash);
        Assert.Equal((2L, EvidenceProblem.SequenceGap), (gap!.Sequence, gap.Problem));
        var swapped = Verify([r[0], With(r[2], seq: 2), With(r[1], seq: 3)], 3, r[2].Hash);
        Assert.NotNull(swapped);
        Assert.Equal(2L, swapped!.Sequence);
        var cut = Verify([r[0], r[1]], 3, r[2].Hash);
        Assert.Equal((3L, EvidenceProblem.HeadMismatch), (cut!.Sequence, cut.Problem));
        Assert.Null(Verify(r, 3, r[2].Hash));
    }

    [Fact]
    public void The_bid_log_seal_changes_with_any_line_and_with_order()
    {
        var lines = new[] { "1|a|100", "2|b|110", "3|a|120" };
        var seal = EvidenceChain.Seal(lines);
        Assert.Equal(seal, EvidenceChain.Seal(lines.ToList()));
        Assert.NotEqual(seal, EvidenceChain.Seal(["1|a|100", "2|b|111", "3|a|120"]));
        Assert.NotEqual(seal, EvidenceChain.Seal(["1|a|100", "3|a|120", "2|b|110"]));
        Assert.NotEqual(seal, EvidenceChain.Seal(["1|a|100", "2|b|110"]));
    }
}
