using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Settlement.Domain;

namespace TechTransfer.Settlement.Data;

internal sealed class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccount>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> b)
    {
        b.ToTable("settlement_accounts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Balance).HasPrecision(18, 2);
        b.Property(x => x.PendingDebits).HasPrecision(18, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.MayGoNegative);
        b.Ignore(x => x.Available);
        b.HasIndex(x => new { x.DealId, x.Kind, x.PartyId }).IsUnique();
    }
}

internal sealed class LedgerTransferConfiguration : IEntityTypeConfiguration<LedgerTransfer>
{
    public void Configure(EntityTypeBuilder<LedgerTransfer> b)
    {
        b.ToTable("settlement_transfers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Reference).HasMaxLength(LedgerTransfer.ReferenceMax);
        b.Property(x => x.Note).HasMaxLength(LedgerTransfer.NoteMax);
        b.Ignore(x => x.MovesBalances);
        // LG.4 and LG.5 held by the database too: one post-or-void per pending transfer, one reversal per transfer
        b.HasIndex(x => x.PendingId).IsUnique();
        b.HasIndex(x => x.ReversesId).IsUnique();
        b.HasIndex(x => new { x.DealId, x.Sequence }).IsUnique();
        b.HasMany(x => x.Legs).WithOne().HasForeignKey(x => x.TransferId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Legs).AutoInclude(false);
    }
}

internal sealed class LedgerLegConfiguration : IEntityTypeConfiguration<LedgerLeg>
{
    public void Configure(EntityTypeBuilder<LedgerLeg> b)
    {
        b.ToTable("settlement_legs");
        b.HasKey(x => new { x.TransferId, x.Index });
        b.Property(x => x.Amount).HasPrecision(18, 2);
        // no foreign key to the accounts: the external bank account has no row (its balance is derived, see LedgerAccount)
        b.HasIndex(x => x.AccountId);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("settlement_idempotency_keys");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(Idempotency.KeyMax);
        b.Property(x => x.Operation).HasMaxLength(IdempotencyRecord.OperationMax).IsRequired();
        b.Property(x => x.Fingerprint).HasMaxLength(IdempotencyRecord.FingerprintMax).IsRequired();
        b.Property(x => x.ResponseJson).IsRequired();
        b.HasIndex(x => x.DealId);
        b.HasIndex(x => x.TransferId);
    }
}
