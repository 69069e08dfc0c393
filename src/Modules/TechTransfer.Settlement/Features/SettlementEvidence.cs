using TechTransfer.Data.Evidence;
using TechTransfer.Settlement.Domain;
using TechTransfer.SharedKernel.Evidence;

namespace TechTransfer.Settlement.Features;

/// <summary>
/// A ledger transfer as a step of its deal's evidence chain (确权 · 鉴证): kind, phase, amount, links (pending, reversed) and
/// every leg as <c>account kind/party:amount</c> — appended in the transaction that posts the transfer.
/// </summary>
internal static class SettlementEvidence
{
    /// <param name="chain">the deal's chain, or the lot's for a deposit held in the lot's book (default: the deal of the transfer)</param>
    public static EvidenceEntry Transfer(LedgerTransfer t, IEnumerable<LedgerAccount> accounts, Guid? actor, DateTimeOffset now, string? chain = null)
    {
        var byId = accounts.ToDictionary(a => a.Id);
        var legs = t.Legs.OrderBy(l => l.Index).Select(l =>
        {
            var account = byId.TryGetValue(l.AccountId, out var a) ? $"{a.Kind}/{(a.PartyId == Guid.Empty ? "-" : EvidenceFacts.Id(a.PartyId))}" : "ExternalBank/-";
            return $"{account}:{EvidenceFacts.Number(l.Amount)}";
        });
        return new EvidenceEntry(chain ?? EvidenceChains.Deal(t.DealId), "ledger.transfer", actor, now, new EvidenceFacts()
            .Add("transferId", t.Id).Add("journalSequence", t.Sequence).Add("transferKind", t.Kind.ToString()).Add("phase", t.Phase.ToString())
            .Add("amount", t.Amount).Add("pendingId", t.PendingId).Add("reversesId", t.ReversesId).Add("reference", t.Reference)
            .Add("note", t.Note).Add("legs", legs));
    }
}
