using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Search.Domain;

namespace TechTransfer.Search.Data;

internal sealed class MatchFeedbackConfiguration : IEntityTypeConfiguration<MatchFeedback>
{
    public void Configure(EntityTypeBuilder<MatchFeedback> b)
    {
        b.ToTable("search_match_feedback");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.AuditOrganizationId);
        b.Property(x => x.SubjectType).HasMaxLength(40).IsRequired();
        b.Property(x => x.TargetType).HasMaxLength(40).IsRequired();
        b.HasIndex(x => new { x.SubjectType, x.SubjectId, x.TargetType, x.TargetId, x.OrganizationId }).IsUnique();
    }
}
