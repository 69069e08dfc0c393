using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Exchange.Domain.Deals;

namespace TechTransfer.Exchange.Data.Deals;

internal sealed class ExchangeDealConfiguration : IEntityTypeConfiguration<ExchangeDeal>
{
    public void Configure(EntityTypeBuilder<ExchangeDeal> b)
    {
        b.ToTable("exch_deals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.DealNo).HasMaxLength(30).IsRequired();
        b.HasIndex(x => x.DealNo).IsUnique();
        b.Property(x => x.Title).HasMaxLength(ExchangeDeal.TitleMax).IsRequired();
        b.Property(x => x.TitleEn).HasMaxLength(ExchangeDeal.TitleMax);
        b.Property(x => x.Origin).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ObjectType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DealType).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Settlement).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ObjectIdsCsv).HasMaxLength(2000);
        b.Property(x => x.PriceYuan).HasPrecision(18, 2);
        b.Property(x => x.SellerCommissionPercent).HasPrecision(9, 4);
        b.Property(x => x.BuyerCommissionPercent).HasPrecision(9, 4);
        b.Property(x => x.SellerCommissionYuan).HasPrecision(18, 2);
        b.Property(x => x.BuyerCommissionYuan).HasPrecision(18, 2);
        b.Property(x => x.BuyerSignedPdfSha256).HasMaxLength(64);
        b.Property(x => x.OperatorSignedPdfSha256).HasMaxLength(64);
        b.Property(x => x.AnnulmentReason).HasMaxLength(ExchangeDeal.ReasonMax);
        b.OwnsMany(x => x.Instalments, p =>
        {
            p.ToJson("instalments");
            p.Property(x => x.AmountYuan).HasPrecision(18, 2);
        });
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.ObjectIds);
        b.Ignore(x => x.TotalCommissionYuan);
        b.Ignore(x => x.IsLive);
        b.HasIndex(x => x.SellerOrganizationId);
        b.HasIndex(x => x.BuyerOrganizationId);
        b.HasIndex(x => x.ListingId);
        b.HasIndex(x => x.LotId);
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasIndex(x => x.CreatedAt); // the list's sort keys (DealService.Sorts)
        b.HasIndex(x => x.PriceYuan);
        b.HasIndex(x => x.DealDate);
    }
}
