using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.Exchange.Domain.Valuation;

namespace TechTransfer.Exchange.Data.Valuation;

internal sealed class ListingValuationConfiguration : IEntityTypeConfiguration<ListingValuation>
{
    public void Configure(EntityTypeBuilder<ListingValuation> b)
    {
        b.ToTable("exch_listing_valuations");
        b.HasKey(x => x.ListingId);
        b.Property(x => x.ListingId).ValueGeneratedNever();
        b.HasOne<Listing>().WithOne().HasForeignKey<ListingValuation>(x => x.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.ChosenValueYuan).HasPrecision(18, 2);
        b.Property(x => x.ChosenBasis).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Rationale).HasMaxLength(ListingValuation.RationaleMax);
        b.Property(x => x.ChosenByName).HasMaxLength(ValuationRun.NameMax);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.HolderOrganizationId);

        b.OwnsMany(x => x.Runs, r =>
        {
            r.ToTable("exch_listing_valuation_runs");
            r.WithOwner().HasForeignKey("ListingId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
            r.Property(x => x.Approach).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Inputs).HasMaxLength(ValuationRun.InputsMax).IsRequired();
            r.Property(x => x.Figures).IsRequired();
            r.Property(x => x.Formula).HasMaxLength(ValuationRun.FormulaMax).IsRequired();
            r.Property(x => x.ResultYuan).HasPrecision(18, 2);
            r.Property(x => x.ByName).HasMaxLength(ValuationRun.NameMax);
            r.HasIndex("ListingId", nameof(ValuationRun.At));
        });
        b.Navigation(x => x.Runs).HasField("_runs");
    }
}
