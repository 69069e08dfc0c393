using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Demands.Domain.Demands;

namespace TechTransfer.Demands.Data;

internal sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> b)
    {
        b.ToTable("dem_demands");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.SearchDocumentType);
        b.Ignore(x => x.IsPublic);
        b.Property(x => x.Title).HasMaxLength(DemandValidation.TitleMax).IsRequired();
        b.Property(x => x.Need).HasMaxLength(DemandValidation.NeedMax).IsRequired();
        b.Property(x => x.Goal).HasMaxLength(DemandValidation.GoalMax).IsRequired();
        b.Property(x => x.ExistingBasis).HasMaxLength(DemandValidation.BasisMax);
        b.Property(x => x.Field).HasMaxLength(DemandValidation.FieldMax).IsRequired();
        b.Property(x => x.IpcCodes);
        b.Property(x => x.Keywords);
        b.Property(x => x.DivisionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ContactVisibility).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CooperationModes);
        b.Property(x => x.ContactName).HasMaxLength(DemandValidation.ContactMax).IsRequired();
        b.Property(x => x.ContactPhone).HasMaxLength(30);
        b.Property(x => x.ContactEmail).HasMaxLength(200);
        b.Property(x => x.ReviewComment).HasMaxLength(1000);
        b.Property(x => x.CloseReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OwnerOrganizationId, x.Status });
        b.HasIndex(x => new { x.Status, x.Deadline });
        b.HasIndex(x => x.DivisionCode);
        b.HasIndex(x => x.Field); // the technical-field code (TechnicalFields): list filter and search by a field's label
        // the list's sort keys (DemandService.Sorts): each sorts by an indexed column
        b.HasIndex(x => x.PublishedAt);
        b.HasIndex(x => x.Deadline);
        b.HasIndex(x => x.UpdatedAt);
        b.HasIndex(x => x.Title);
    }
}
