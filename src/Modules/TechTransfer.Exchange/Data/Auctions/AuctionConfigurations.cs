using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Exchange.Domain.Auctions;

namespace TechTransfer.Exchange.Data.Auctions;

internal sealed class AuctionLotConfiguration : IEntityTypeConfiguration<AuctionLot>
{
    public void Configure(EntityTypeBuilder<AuctionLot> b)
    {
        b.ToTable("exch_auction_lots");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(AuctionLot.TitleMax);
        b.Property(x => x.TitleEn).HasMaxLength(AuctionLot.TitleMax);
        b.Property(x => x.Description).HasMaxLength(AuctionLot.DescriptionMax);
        b.Property(x => x.ObjectIdsCsv).HasMaxLength(2000);
        b.Property(x => x.WithdrawalReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.ObjectIds);
        b.Ignore(x => x.NoReserve);
        b.Ignore(x => x.MinimumNextBid);
        b.HasIndex(x => new { x.Status, x.EffectiveCloseAt });
        b.HasIndex(x => x.StartsAt);
        b.HasIndex(x => x.Title); // the list's sort keys (AuctionService.Sorts)
        b.HasIndex(x => x.StartingPrice);
        b.HasIndex(x => x.ListingId);
    }
}

/// <summary>The append-only bid log (R6.6): inserted by the lot's writer only; no code updates or deletes a row.</summary>
internal sealed class AuctionBidConfiguration : IEntityTypeConfiguration<AuctionBid>
{
    public void Configure(EntityTypeBuilder<AuctionBid> b)
    {
        b.ToTable("exch_auction_bids");
        b.HasKey(x => x.Id);
        b.Property(x => x.RefusalCode).HasMaxLength(60);
        b.HasIndex(x => new { x.LotId, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.LotId, x.BidderUserId });
        b.HasOne<AuctionLot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuctionRegistrationConfiguration : IEntityTypeConfiguration<AuctionRegistration>
{
    public void Configure(EntityTypeBuilder<AuctionRegistration> b)
    {
        b.ToTable("exch_auction_registrations");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.LotId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.LotId, x.PaddleNumber }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.LotId }); // a bidder's lots: the registered=true filter and the workbench counts
        b.HasOne<AuctionLot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}
