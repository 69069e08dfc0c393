using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Achievements.Domain;

namespace TechTransfer.Achievements.Data;

internal sealed class AchievementConfiguration : IEntityTypeConfiguration<Achievement>
{
    public void Configure(EntityTypeBuilder<Achievement> b)
    {
        b.ToTable("ach_achievements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.TitleEn).HasMaxLength(400);
        b.Property(x => x.Abstract).HasMaxLength(8000).IsRequired();
        b.Property(x => x.AbstractEn).HasMaxLength(8000);
        b.Property(x => x.TechnicalField).HasMaxLength(100).IsRequired();
        b.Property(x => x.ConfidentialDetails).HasMaxLength(8000);
        b.Property(x => x.IdleJustification).HasMaxLength(2000);
        b.Property(x => x.IpType).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.FundingSource).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ConversionStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ConversionMode).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.EligibleForCompleterLedConversion);
        b.Ignore(x => x.StateMayImplementOrLicense);
        b.Ignore(x => x.IsPublic);
        b.HasIndex(x => x.OwnerOrganizationId);
        b.HasIndex(x => new { x.OwnerOrganizationId, x.Status }); // workbench counts by state
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.UpdatedAt);
        b.HasIndex(x => x.IdleFlaggedAt);
        b.HasIndex(x => x.TechnicalField); // the technical-field code (TechnicalFields)
        b.HasIndex(x => new { x.OwnerOrganizationId, x.IdleFlaggedAt }); // workbench: the office's idle achievements
        b.HasIndex(x => x.UnitRegisteredAt); // the idle list's sort keys (AchievementService.IdleSorts)
        b.HasIndex(x => x.Title);
        b.OwnsMany(x => x.Completers, c => c.ToJson("completers"));
        b.Navigation(x => x.Completers).HasField("_completers");
        b.OwnsMany(x => x.CompleterAccounts, c =>
        {
            c.ToTable("ach_achievement_completer_accounts");
            c.WithOwner().HasForeignKey("AchievementId");
            c.HasKey("AchievementId", nameof(CompleterAccount.UserId));
            c.HasIndex(x => x.UserId); // "my achievements": the user's rows, then the achievement by key
        });
        b.Navigation(x => x.CompleterAccounts).HasField("_completerAccounts");
        b.Ignore(x => x.CompleterUserIds);
        b.HasIndex(x => new { x.CreatedByUserId, x.OwnerOrganizationId, x.Status }); // "my achievements" I created, by state (index only)
        b.OwnsMany(x => x.History, h =>
        {
            h.ToJson("history");
            h.Property(x => x.From).HasConversion<string>();
            h.Property(x => x.To).HasConversion<string>();
        });
        b.Navigation(x => x.History).HasField("_history");
        b.OwnsMany(x => x.Attachments, a => a.ToJson("attachments"));
        b.Navigation(x => x.Attachments).HasField("_attachments");
        b.OwnsMany(x => x.EvaluationHistory, h =>
        {
            h.ToJson("evaluation_history");
            h.Property(x => x.Potential).HasConversion<string>();
            h.Property(x => x.ProofOfConcept).HasConversion<string>();
        });
        b.Navigation(x => x.EvaluationHistory).HasField("_evaluations");
        b.OwnsOne(x => x.Evaluation, e =>
        {
            e.ToJson("evaluation");
            e.Property(x => x.Potential).HasConversion<string>();
            e.Property(x => x.ProofOfConcept).HasConversion<string>();
        });
    }
}

internal sealed class RightsGrantConfiguration : IEntityTypeConfiguration<RightsGrant>
{
    public void Configure(EntityTypeBuilder<RightsGrant> b)
    {
        b.ToTable("ach_rights_grants");
        b.HasKey(x => x.Id);
        b.Property(x => x.AchievementTitle).HasMaxLength(200).IsRequired();
        b.Property(x => x.GrantType).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.IpMaintenanceFeeBearer).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.UnitSharePercent).HasPrecision(5, 2);
        b.Property(x => x.UnitIncomePercent).HasPrecision(5, 2);
        b.Property(x => x.CompleterIncomePercent).HasPrecision(5, 2);
        b.Property(x => x.IncomeSplitAgreement).HasMaxLength(4000).IsRequired();
        b.Property(x => x.DecisionMechanism).HasMaxLength(2000).IsRequired();
        b.Property(x => x.CostSharing).HasMaxLength(2000).IsRequired();
        b.Property(x => x.DecisionReason).HasMaxLength(2000);
        b.Property(x => x.CertificateNo).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.OrganizationId);
        b.HasIndex(x => new { x.OrganizationId, x.Status });
        b.HasIndex(x => x.RequestedByUserId);
        b.HasIndex(x => x.AchievementId);
        b.HasIndex(x => x.CertificateNo).IsUnique();
        b.HasIndex(x => x.RequestedAt); // the list's sort keys (RightsGrantService.Sorts)
        b.HasIndex(x => x.AchievementTitle);
        b.HasOne<Achievement>().WithMany().HasForeignKey(x => x.AchievementId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.CompleterShares, s => s.ToJson("completer_shares"));
        b.Navigation(x => x.CompleterShares).HasField("_shares");
    }
}

internal sealed class IncomeDistributionConfiguration : IEntityTypeConfiguration<IncomeDistribution>
{
    public void Configure(EntityTypeBuilder<IncomeDistribution> b)
    {
        b.ToTable("ach_income_distributions");
        b.HasKey(x => x.Id);
        b.Property(x => x.AchievementTitle).HasMaxLength(200).IsRequired();
        b.Property(x => x.Mode).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Jurisdiction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Basis).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.InvesteeCompany).HasMaxLength(200);
        b.Property(x => x.RuleSetId).HasMaxLength(60).IsRequired();
        b.Property(x => x.RuleSourceRef).HasMaxLength(300).IsRequired();
        b.Property(x => x.TeamSharePercent).HasPrecision(5, 2);
        b.Property(x => x.OfficeSharePercent).HasPrecision(5, 2);
        b.Property(x => x.FloorPercent).HasPrecision(5, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.TotalPaid);
        b.Ignore(x => x.IsEquity);
        b.Ignore(x => x.IsImplementation);
        b.Ignore(x => x.CoveredYears);
        b.HasIndex(x => x.OrganizationId);
        b.HasIndex(x => new { x.OrganizationId, x.Status });
        b.HasIndex(x => x.AchievementId);
        b.HasIndex(x => x.IncomeDate);
        b.HasIndex(x => x.CertificationId);
        b.HasIndex(x => x.AchievementTitle); // the list's sort keys (IncomeDistributionService.Sorts)
        b.HasIndex(x => x.GrossIncome);
        b.HasIndex(x => x.TeamAmount);
        b.HasOne<Achievement>().WithMany().HasForeignKey(x => x.AchievementId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.Deductions, d =>
        {
            d.ToJson("deductions");
            d.Property(x => x.Kind).HasConversion<string>();
        });
        b.Navigation(x => x.Deductions).HasField("_deductions");
        b.OwnsMany(x => x.Team, t => t.ToJson("team"));
        b.Navigation(x => x.Team).HasField("_team");
        b.OwnsMany(x => x.Allocations, a => a.ToJson("allocations"));
        b.Navigation(x => x.Allocations).HasField("_allocations");
        b.OwnsMany(x => x.ProfitYears, y => y.ToJson("profit_years"));
        b.Navigation(x => x.ProfitYears).HasField("_profitYears");
        b.OwnsMany(x => x.Payouts, p => p.ToJson("payouts"));
        b.Navigation(x => x.Payouts).HasField("_payouts");
    }
}

internal sealed class IncomeSettingsConfiguration : IEntityTypeConfiguration<IncomeSettings>
{
    public void Configure(EntityTypeBuilder<IncomeSettings> b)
    {
        b.ToTable("ach_income_settings");
        b.HasKey(x => x.OrganizationId);
        b.Property(x => x.TtoSharePercent).HasPrecision(5, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ConversionReportSubmissionConfiguration : IEntityTypeConfiguration<ConversionReportSubmission>
{
    public void Configure(EntityTypeBuilder<ConversionReportSubmission> b)
    {
        b.ToTable("ach_conversion_report_submissions");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.OrganizationId, x.Year }).IsUnique();
    }
}
