using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Contracts.Domain;

namespace TechTransfer.Contracts.Data;

internal sealed class TechnologyContractConfiguration : IEntityTypeConfiguration<TechnologyContract>
{
    public void Configure(EntityTypeBuilder<TechnologyContract> b)
    {
        b.ToTable("contracts_contracts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.ProjectName).HasMaxLength(300).IsRequired();
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SubType).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Form).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.StatCategory).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Origin).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OriginRef).HasMaxLength(100);
        b.Property(x => x.SlaDayKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RejectionReason).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.RevocationReason).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.ObjectionOutcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.StatusBeforeObjection).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ProjectApprovalDoc).HasMaxLength(300);
        b.Property(x => x.TechnicalField).HasMaxLength(60);
        b.HasIndex(x => x.TechnicalField); // the technical-field code (TechnicalFields): the statistics drill-down by field
        b.Property(x => x.ContentRuleSetId).HasMaxLength(40);
        b.Property(x => x.ProcedureRuleSetId).HasMaxLength(40);
        b.Property(x => x.RegistrationNo).HasMaxLength(16);
        b.Property(x => x.Fingerprint).HasMaxLength(32);
        b.Property(x => x.SellerNatureGroup).HasMaxLength(3);
        b.Property(x => x.BuyerNatureGroup).HasMaxLength(3);
        b.Property(x => x.SellerProvince).HasMaxLength(2);
        b.Property(x => x.BuyerProvince).HasMaxLength(2);
        b.Property(x => x.SellerDivision).HasMaxLength(6);
        b.Property(x => x.SupplementRequest).HasMaxLength(2000);
        b.Property(x => x.RejectionText).HasMaxLength(2000);
        b.Property(x => x.RevocationText).HasMaxLength(2000);
        b.Property(x => x.CancellationReason).HasMaxLength(2000);
        b.Property(x => x.ObjectionText).HasMaxLength(2000);
        b.Property(x => x.ObjectionResolution).HasMaxLength(2000);
        b.Property(x => x.PendingCorrectionNote).HasMaxLength(2000);

        b.Property(x => x.Payment).HasConversion(Json.Converter<PaymentTerms>(), Json.Comparer<PaymentTerms>()).HasColumnName("payment_json");
        b.Property(x => x.Licence).HasConversion(Json.NullableConverter<LicenceTerms>(), Json.NullableComparer<LicenceTerms>()).HasColumnName("licence_json");
        Json.List(b, x => x.NonTechnicalItems, "_nonTechnicalItems", "non_technical_items_json");
        Json.List(b, x => x.IpRefs, "_ipRefs", "ip_refs_json");
        Json.List(b, x => x.Attachments, "_attachments", "attachments_json");
        Json.List(b, x => x.StatusHistory, "_history", "status_history_json");
        Json.List(b, x => x.BenefitUses, "_benefitUses", "benefit_uses_json");
        Json.List(b, x => x.NotificationTasks, "_notifications", "notification_tasks_json");
        Json.List(b, x => x.AchievementIds, "_achievementIds", "achievement_ids_json");
        b.Property(x => x.AchievementIds).HasDefaultValueSql("'[]'");

        b.OwnsMany(x => x.Parties, p =>
        {
            p.ToTable("contracts_parties");
            p.WithOwner().HasForeignKey("ContractId");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Role).HasConversion<string>().HasMaxLength(10);
            p.Property(x => x.Name).HasMaxLength(200).IsRequired();
            p.Property(x => x.CreditCode).HasMaxLength(30);
            p.Property(x => x.EntityNature).HasMaxLength(3);
            p.Property(x => x.CountryCode).HasMaxLength(3);
            p.Property(x => x.DivisionCode).HasMaxLength(6);
            // the contracts that name an organisation (workbench, lists): the contract ids from the index alone
            p.HasIndex("OrganizationId", "ContractId");
            p.HasIndex(x => x.CreditCode);
        });
        b.Navigation(x => x.Parties).HasField("_parties");

        b.Property(x => x.AssignedRegistrarName).HasMaxLength(100);
        // the workbench counts, each answered from an index alone (at 10 M contracts a row look-up per counted contract
        // costs seconds): assigned to me by state; owned by state; by state and due date; resubmitted by state
        b.HasIndex(x => new { x.AssignedRegistrarUserId, x.Status });
        b.HasIndex(x => new { x.OwnerOrganizationId, x.Status });
        b.HasIndex(x => new { x.Status, x.DueDate });
        b.HasIndex(x => new { x.Status, x.ResubmittedAt });
        b.HasIndex(x => x.Fingerprint);
        b.HasIndex(x => x.RegistrationNo).IsUnique();
        b.HasIndex(x => x.RegisteredDate);
        // the list's sort keys (ContractService.Sorts): each sorts by an indexed column
        b.HasIndex(x => x.DueDate);
        b.HasIndex(x => x.UpdatedAt);
        b.HasIndex(x => x.SignedDate);
        b.HasIndex(x => x.DeclaredTechTransactionAmount);
        b.HasIndex(x => x.ProjectName);
    }
}

internal sealed class ContractStatisticsBucketConfiguration : IEntityTypeConfiguration<ContractStatisticsBucket>
{
    public void Configure(EntityTypeBuilder<ContractStatisticsBucket> b)
    {
        b.ToTable("contracts_statistics");
        b.HasKey(x => new { x.Granularity, x.Dimension, x.Period, x.Key });
        // Keeping the buckets current is an upsert by the primary key. A statistics query reads a (grain, dimension,
        // period range): this index covers it (every column it reads), so neither provider touches the table rows.
        b.HasIndex(x => new { x.Granularity, x.Dimension, x.Period, x.Key, x.ContractCount, x.TotalAmountFen, x.TechAmountFen })
            .HasDatabaseName("IX_contracts_statistics_covering");
        b.Property(x => x.Granularity).HasConversion<string>().HasMaxLength(1);
        b.Property(x => x.Dimension).HasMaxLength(16);
        b.Property(x => x.Key).HasMaxLength(64);
    }
}

internal sealed class RegistrationSerialConfiguration : IEntityTypeConfiguration<RegistrationSerial>
{
    public void Configure(EntityTypeBuilder<RegistrationSerial> b)
    {
        b.ToTable("contracts_registration_serials");
        b.HasKey(x => new { x.Year, x.OfficeDivisionCode });
        b.Property(x => x.OfficeDivisionCode).HasMaxLength(6);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

/// <summary>JSON columns for value lists (same text column on SQLite and PostgreSQL).</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Converter<T>() where T : class =>
        new(v => Write(v), s => Read<T>(s));

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T?, string?> NullableConverter<T>() where T : class =>
        new(v => v == null ? null : Write(v), s => s == null ? null : Read<T>(s));

    public static ValueComparer<T> Comparer<T>() where T : class =>
        new((a, b) => Write(a) == Write(b), v => Write(v).GetHashCode(StringComparison.Ordinal), v => Read<T>(Write(v)));

    public static ValueComparer<T?> NullableComparer<T>() where T : class =>
        new((a, b) => Write(a) == Write(b), v => v == null ? 0 : Write(v).GetHashCode(StringComparison.Ordinal), v => v == null ? null : Read<T>(Write(v)));

    public static void List<TItem>(EntityTypeBuilder<TechnologyContract> b, System.Linq.Expressions.Expression<Func<TechnologyContract, IReadOnlyList<TItem>>> property,
        string field, string column)
    {
        b.Property(property)
            .HasField(field)
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<TItem>, string>(
                    v => Write(v), s => Read<List<TItem>>(s)),
                new ValueComparer<IReadOnlyList<TItem>>(
                    (a, c) => Write(a) == Write(c), v => Write(v).GetHashCode(StringComparison.Ordinal), v => Read<List<TItem>>(Write(v))))
            .HasColumnName(column)
            .IsRequired();
    }
}

internal sealed class TechnologyIncomeCertificationConfiguration : IEntityTypeConfiguration<TechnologyIncomeCertification>
{
    public void Configure(EntityTypeBuilder<TechnologyIncomeCertification> b)
    {
        b.ToTable("contracts_income_certifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.RegistrationNo).HasMaxLength(16).IsRequired();
        b.Property(x => x.ProjectName).HasMaxLength(300).IsRequired();
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.AmountReceived).HasPrecision(18, 2);
        b.Property(x => x.DeductedNonTechnical).HasPrecision(18, 2);
        b.Property(x => x.CertifiedTechnologyIncome).HasPrecision(18, 2);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.NonTechnicalItems).HasField("_nonTechnicalItems").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<NonTechnicalItem>, string>(
                    v => Json.Write(v), s => Json.Read<List<NonTechnicalItem>>(s)),
                new ValueComparer<IReadOnlyList<NonTechnicalItem>>((a, c) => Json.Write(a) == Json.Write(c), v => Json.Write(v).GetHashCode(StringComparison.Ordinal),
                    v => Json.Read<List<NonTechnicalItem>>(Json.Write(v))))
            .HasColumnName("non_technical_items_json").IsRequired();
        b.Property(x => x.AchievementIds).HasField("_achievementIds").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<Guid>, string>(
                    v => Json.Write(v), s => Json.Read<List<Guid>>(s)),
                new ValueComparer<IReadOnlyList<Guid>>((a, c) => Json.Write(a) == Json.Write(c), v => Json.Write(v).GetHashCode(StringComparison.Ordinal),
                    v => Json.Read<List<Guid>>(Json.Write(v))))
            .HasColumnName("achievement_ids_json").IsRequired();
        b.HasIndex(x => x.ContractId);
    }
}
