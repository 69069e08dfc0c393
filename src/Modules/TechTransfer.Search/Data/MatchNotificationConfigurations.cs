using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Search.Domain;

namespace TechTransfer.Search.Data;

internal sealed class ManagerAssignmentConfiguration : IEntityTypeConfiguration<ManagerAssignment>
{
    public void Configure(EntityTypeBuilder<ManagerAssignment> b)
    {
        b.ToTable("search_manager_assignments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.AuditOrganizationId);
        b.Property(x => x.SubjectType).HasMaxLength(40).IsRequired();
        b.HasIndex(x => new { x.SubjectType, x.SubjectId, x.ManagerUserId }).IsUnique();
        b.HasIndex(x => x.ManagerUserId);
    }
}

internal sealed class MatchNoticeConfiguration : IEntityTypeConfiguration<MatchNotice>
{
    public void Configure(EntityTypeBuilder<MatchNotice> b)
    {
        b.ToTable("search_match_notices");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.AuditOrganizationId);
        b.Property(x => x.SupplyType).HasMaxLength(40).IsRequired();
        b.HasIndex(x => new { x.DemandId, x.SupplyType, x.SupplyId }).IsUnique();
        b.HasIndex(x => new { x.SupplyType, x.SupplyId });
        b.HasIndex(x => new { x.DemandOrganizationId, x.NotifiedAt });
    }
}
