using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Exchange.Domain.Listings;

namespace TechTransfer.Exchange.Data.Listings;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> b)
    {
        b.ToTable("exch_listings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.IsPublic);
        b.Ignore(x => x.SearchDocumentType);
        b.Property(x => x.ListingNo).HasMaxLength(30).IsRequired();
        b.HasIndex(x => x.ListingNo).IsUnique();
        b.Property(x => x.Title).HasMaxLength(Listing.TitleMax).IsRequired();
        b.Property(x => x.TitleEn).HasMaxLength(Listing.TitleMax);
        b.Property(x => x.Description).HasMaxLength(Listing.DescriptionMax).IsRequired();
        b.Property(x => x.SubjectType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DealType).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.PricingMethod).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PriceYuan).HasPrecision(18, 2);
        b.Property(x => x.TechnicalField).HasMaxLength(100);
        b.Property(x => x.Conditions).HasMaxLength(Listing.ConditionsMax);
        b.Property(x => x.ConfidentialDetails).HasMaxLength(Listing.ConfidentialMax);
        b.Property(x => x.PledgeeConsentRef).HasMaxLength(Listing.RefMax);
        b.Property(x => x.ReviewComment).HasMaxLength(Listing.ReasonMax);
        b.Property(x => x.WithdrawalReason).HasMaxLength(Listing.ReasonMax);
        b.Property(x => x.RelatedPartyApprovalRef).HasMaxLength(Listing.RefMax);
        b.Property(x => x.IpcCodes);
        b.Property(x => x.Documents);
        b.Property(x => x.CompleterNames);
        b.OwnsMany(x => x.Patents, p => p.ToJson("patents"));
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.ListerOrganizationId);
        b.HasIndex(x => x.HolderOrganizationId);
        b.HasIndex(x => new { x.Status, x.SubmittedAt });
        b.HasIndex(x => x.UpdatedAt); // the list's sort keys (ListingService.Sorts)
        b.HasIndex(x => x.Title);
        b.HasIndex(x => x.PriceYuan);
        b.HasIndex(x => x.PeriodEndsOn);

        b.OwnsMany(x => x.Objections, o =>
        {
            o.ToTable("exch_listing_objections");
            o.WithOwner().HasForeignKey("ListingId");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.ObjectorName).HasMaxLength(Listing.NameMax).IsRequired();
            o.Property(x => x.Contact).HasMaxLength(Listing.RefMax).IsRequired();
            o.Property(x => x.Text).HasMaxLength(Listing.ReasonMax).IsRequired();
            o.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            o.Property(x => x.Decision).HasConversion<string>().HasMaxLength(30);
            o.Property(x => x.Resolution).HasMaxLength(Listing.ReasonMax);
        });
        b.Navigation(x => x.Objections).HasField("_objections");

        b.OwnsMany(x => x.Ndas, n =>
        {
            n.ToTable("exch_listing_ndas");
            n.WithOwner().HasForeignKey("ListingId");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedNever();
            n.HasIndex("ListingId", nameof(ListingNda.OrganizationId)).IsUnique();
        });
        b.Navigation(x => x.Ndas).HasField("_ndas");
    }
}

internal sealed class ListingConfidentialViewConfiguration : IEntityTypeConfiguration<ListingConfidentialView>
{
    public void Configure(EntityTypeBuilder<ListingConfidentialView> b)
    {
        b.ToTable("exch_listing_confidential_views");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.ListingId, x.ViewedAt });
    }
}
