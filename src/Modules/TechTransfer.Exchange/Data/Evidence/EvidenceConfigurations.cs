using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Exchange.Domain.Evidence;

namespace TechTransfer.Exchange.Data.Evidence;

internal sealed class EvidenceChainHeadConfiguration : IEntityTypeConfiguration<EvidenceChainHead>
{
    public void Configure(EntityTypeBuilder<EvidenceChainHead> b)
    {
        b.ToTable("exch_evidence_chains");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(EvidenceRecord.ChainMax);
        b.Property(x => x.HeadHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class EvidenceRecordConfiguration : IEntityTypeConfiguration<EvidenceRecord>
{
    public void Configure(EntityTypeBuilder<EvidenceRecord> b)
    {
        b.ToTable("exch_evidence_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ChainKey).HasMaxLength(EvidenceRecord.ChainMax).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(EvidenceRecord.KindMax).IsRequired();
        b.Property(x => x.Facts).HasMaxLength(EvidenceRecord.FactsMax).IsRequired();
        b.Property(x => x.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Hash).HasMaxLength(64).IsRequired();
        // a chain never forks: one record per (chain, sequence), whatever races
        b.HasIndex(x => new { x.ChainKey, x.Sequence }).IsUnique();
        b.HasOne<EvidenceChainHead>().WithMany().HasForeignKey(x => x.ChainKey).OnDelete(DeleteBehavior.Restrict);
    }
}
