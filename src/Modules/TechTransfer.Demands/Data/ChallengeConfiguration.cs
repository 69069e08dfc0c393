using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Demands.Domain.Demands;

namespace TechTransfer.Demands.Data;

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> b)
    {
        b.ToTable("dem_challenges");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.SearchDocumentType);
        b.Ignore(x => x.IsPublic);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Title).HasMaxLength(ChallengeValidation.TitleMax).IsRequired();
        b.Property(x => x.Description).HasMaxLength(ChallengeValidation.DescriptionMax).IsRequired();
        b.Property(x => x.Requirements).HasMaxLength(ChallengeValidation.RequirementsMax).IsRequired();
        b.Property(x => x.Field).HasMaxLength(DemandValidation.FieldMax).IsRequired();
        b.Property(x => x.IpcCodes);
        b.Property(x => x.RewardKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DivisionCode).HasMaxLength(6).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CancelReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OwnerOrganizationId, x.Status });
        b.HasIndex(x => new { x.Status, x.ApplicationClosesAt });
        b.HasIndex(x => x.Field);
        b.HasIndex(x => x.ApplicationClosesAt); // the list's sort keys (ChallengeService.Sorts)
        b.HasIndex(x => x.ApplicationOpensAt);
        b.HasIndex(x => x.Title);

        b.OwnsMany(x => x.Criteria, c =>
        {
            c.ToJson("rubric");
            c.Property(x => x.Key).HasMaxLength(10);
        });
        b.Navigation(x => x.Criteria).HasField("_criteria");
        b.OwnsMany(x => x.Judges, j => j.ToJson("judges"));
        b.Navigation(x => x.Judges).HasField("_judges");

        b.HasMany(x => x.Applications).WithOne().HasForeignKey(a => a.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Applications).HasField("_applications");
        b.HasMany(x => x.Awards).WithOne().HasForeignKey(a => a.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Awards).HasField("_awards");
    }
}

internal sealed class ChallengeApplicationConfiguration : IEntityTypeConfiguration<ChallengeApplication>
{
    public void Configure(EntityTypeBuilder<ChallengeApplication> b)
    {
        b.ToTable("dem_challenge_applications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.JudgesWhoScored);
        b.Property(x => x.Summary).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Approach).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Team).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FinalScore).HasPrecision(5, 2);
        b.HasIndex(x => new { x.ChallengeId, x.ApplicantOrganizationId });
        b.HasIndex(x => new { x.ChallengeId, x.Status });
        b.OwnsMany(x => x.Scores, s =>
        {
            s.ToJson("scores");
            s.Property(x => x.Value).HasPrecision(4, 1);
        });
        b.Navigation(x => x.Scores).HasField("_scores");
    }
}

internal sealed class ChallengeAwardConfiguration : IEntityTypeConfiguration<ChallengeAward>
{
    public void Configure(EntityTypeBuilder<ChallengeAward> b)
    {
        b.ToTable("dem_challenge_awards");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Score).HasPrecision(5, 2);
        b.Property(x => x.ContractReference).HasMaxLength(100);
        b.HasIndex(x => x.ApplicationId).IsUnique();
    }
}
