using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechTransfer.Organizations.Domain;

namespace TechTransfer.Organizations.Data;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("org_organizations");
        b.HasKey(x => x.Id);
        b.Property(x => x.NameZh).HasMaxLength(200).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(300);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.EntityNatureCode).HasMaxLength(3).IsRequired();
        b.Property(x => x.CountryCode).HasMaxLength(3).IsRequired();
        b.Property(x => x.DivisionCode).HasMaxLength(6);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.Website).HasMaxLength(300);
        b.Property(x => x.DescriptionZh).HasMaxLength(4000);
        b.Property(x => x.DescriptionEn).HasMaxLength(4000);
        b.Property(x => x.Jurisdiction).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.NameZh);
        b.HasIndex(x => x.DivisionCode);
        // the list's other sort keys (OrganizationService.Sorts)
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => x.UpdatedAt);
        b.HasIndex(x => x.Kind);
        b.OwnsMany(x => x.Contacts, c =>
        {
            c.ToJson("contacts");
        });
        b.Navigation(x => x.Contacts).HasField("_contacts");
    }
}
