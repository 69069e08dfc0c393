using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Patents.Domain;

namespace TechTransfer.Patents.Data;

internal sealed class PatentConfiguration : IEntityTypeConfiguration<Patent>
{
    public void Configure(EntityTypeBuilder<Patent> b)
    {
        b.ToTable("patents_patents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ApplicationNo).HasMaxLength(20).IsRequired();
        b.HasIndex(x => new { x.OwnerOrganizationId, x.ApplicationNo }).IsUnique();
        b.Property(x => x.PublicationNo).HasMaxLength(30);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.TitleEn).HasMaxLength(400);
        b.Property(x => x.PatenteeNames).HasMaxLength(500).IsRequired();
        b.Property(x => x.IpcCodes).HasMaxLength(200);
        b.Property(x => x.LegalStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SuspensionReason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.NextAnnualFeeDue);
        b.HasIndex(x => x.AchievementId);
        b.HasIndex(x => x.LegalStatus);
        b.HasIndex(x => new { x.OwnerOrganizationId, x.LegalStatus, x.AnnualFeePaidUntil }); // workbench: fees falling due
        // the list's sort keys (PatentService.Sorts): each sorts by an indexed column
        b.HasIndex(x => x.ApplicationNo);
        b.HasIndex(x => x.FilingDate);
        b.HasIndex(x => x.ExpiryDate);
        b.HasIndex(x => x.AnnualFeePaidUntil);
        b.HasIndex(x => x.Title);
        b.Ignore(x => x.SearchDocumentType);
        b.OwnsMany(x => x.Pledges, p =>
        {
            p.ToTable("patents_patent_pledges");
            p.WithOwner().HasForeignKey("PatentId");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Pledgee).HasMaxLength(200).IsRequired();
        });
        b.Navigation(x => x.Pledges).HasField("_pledges");
        b.OwnsMany(x => x.Licences, l =>
        {
            l.ToTable("patents_patent_licences");
            l.WithOwner().HasForeignKey("PatentId");
            l.HasKey(x => x.Id);
            l.Property(x => x.Id).ValueGeneratedNever();
            l.Property(x => x.Licensee).HasMaxLength(200).IsRequired();
            l.Property(x => x.Scope).HasConversion<string>().HasMaxLength(20);
        });
        b.Navigation(x => x.Licences).HasField("_licences");
    }
}

internal sealed class OpenLicenseDeclarationConfiguration : IEntityTypeConfiguration<OpenLicenseDeclaration>
{
    public void Configure(EntityTypeBuilder<OpenLicenseDeclaration> b)
    {
        b.ToTable("patents_open_licenses");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.PatentId);
        b.HasIndex(x => x.Status);
        b.HasIndex(x => new { x.PatenteeOrganizationId, x.Status });
        b.HasIndex(x => x.AnnouncementDate); // the list's sort keys (OpenLicenseService.Sorts)
        b.HasIndex(x => x.PatentNo);
        b.HasIndex(x => x.PatentTitle);
        b.HasIndex(x => x.LicenseTermEnd);
        b.Property(x => x.PatentNo).HasMaxLength(20).IsRequired();
        b.Property(x => x.PatentTitle).HasMaxLength(300).IsRequired();
        b.Property(x => x.PatentType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PatenteeNames).HasMaxLength(500);
        b.Property(x => x.PaymentMode).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.RoyaltyBase).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.RoyaltyRatePercent).HasPrecision(9, 4);
        b.Property(x => x.OtherTerms).HasMaxLength(4000);
        b.Property(x => x.OtherTermsEn).HasMaxLength(4000);
        b.Property(x => x.EvaluationReportRef).HasMaxLength(200);
        b.Property(x => x.PledgeeConsentRef).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.AnnouncementNo).HasMaxLength(100);
        b.Property(x => x.WithdrawalAnnouncementNo).HasMaxLength(100);
        b.Property(x => x.LapseReason).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.SearchDocumentType);
        b.Ignore(x => x.Fee);
        b.Ignore(x => x.IsInForce);
        b.Ignore(x => x.RequiredInitialPayment);
        b.OwnsMany(x => x.Grants, g =>
        {
            g.ToTable("patents_open_license_grants");
            g.WithOwner().HasForeignKey(x => x.DeclarationId);
            g.HasKey(x => x.Id);
            g.Property(x => x.Id).ValueGeneratedNever();
            g.HasIndex(x => x.LicenseeOrganizationId);
            g.Property(x => x.LicenseeName).HasMaxLength(200).IsRequired();
            g.Property(x => x.WrittenNoticeRef).HasMaxLength(200).IsRequired();
            g.Property(x => x.PaymentRef).HasMaxLength(200);
            g.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            g.OwnsOne(x => x.Filing, f =>
            {
                f.Property(x => x.Id).HasColumnName("FilingId");
                f.Property(x => x.DueOn).HasColumnName("FilingDueOn");
                f.Property(x => x.FiledOn).HasColumnName("FilingFiledOn");
                f.Property(x => x.ProofRef).HasColumnName("FilingProofRef").HasMaxLength(200);
                f.Property(x => x.FiledBy).HasColumnName("FilingFiledBy").HasConversion<string>().HasMaxLength(20);
            });
            g.OwnsMany(x => x.Disputes, d =>
            {
                d.ToTable("patents_open_license_disputes");
                d.WithOwner().HasForeignKey("GrantId");
                d.HasKey(x => x.Id);
                d.Property(x => x.Id).ValueGeneratedNever();
                d.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
                d.Property(x => x.Summary).HasMaxLength(2000).IsRequired();
                d.Property(x => x.Outcome).HasMaxLength(2000);
            });
            g.Navigation(x => x.Disputes).HasField("_disputes");
        });
        b.Navigation(x => x.Grants).HasField("_grants");
    }
}

internal sealed class CustodyAgreementConfiguration : IEntityTypeConfiguration<CustodyAgreement>
{
    public void Configure(EntityTypeBuilder<CustodyAgreement> b)
    {
        b.ToTable("patents_custody_agreements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.AgreementNo).HasMaxLength(60).IsRequired();
        b.HasIndex(x => new { x.OwnerOrganizationId, x.AgreementNo }).IsUnique();
        b.HasIndex(x => new { x.OperatorOrganizationId, x.Status });
        b.HasIndex(x => x.TermEnd); // the list's sort keys (CustodyService.Sorts)
        b.HasIndex(x => x.AgreementNo);
        b.HasIndex(x => x.SubjectTitle);
        b.HasIndex(x => x.PriceFloorYuan);
        b.Property(x => x.OperatorName).HasMaxLength(200).IsRequired();
        b.Property(x => x.SubjectType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SubjectTitle).HasMaxLength(300).IsRequired();
        b.Property(x => x.AllowedDealTypesCsv).HasMaxLength(200).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.TerminationReason).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.AllowedDealTypes);
        b.OwnsMany(x => x.Beneficiaries, s =>
        {
            s.ToTable("patents_custody_beneficiaries");
            s.WithOwner().HasForeignKey("AgreementId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Name).HasMaxLength(200).IsRequired();
            s.Property(x => x.SharePercent).HasPrecision(9, 4);
        });
        b.Navigation(x => x.Beneficiaries).HasField("_beneficiaries");
        b.OwnsMany(x => x.Operations, o =>
        {
            o.ToTable("patents_custody_operations");
            o.WithOwner().HasForeignKey("AgreementId");
            o.HasKey(x => x.Id);
            o.Property(x => x.Id).ValueGeneratedNever();
            o.Property(x => x.DealType).HasConversion<string>().HasMaxLength(30);
            o.Property(x => x.Counterparty).HasMaxLength(200);
        });
        b.Navigation(x => x.Operations).HasField("_operations");
        b.OwnsMany(x => x.Renewals, r =>
        {
            r.ToTable("patents_custody_renewals");
            r.WithOwner().HasForeignKey("AgreementId");
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).ValueGeneratedNever();
        });
        b.Navigation(x => x.Renewals).HasField("_renewals");
    }
}
