using System.Reflection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TechTransfer.Data.Audit;
using TechTransfer.Data.Identity;
using TechTransfer.Data.Notifications;
using TechTransfer.Data.Outbox;
using TechTransfer.SharedKernel;

namespace TechTransfer.Data;

/// <summary>The two stores: SQLite (embedded default) and PostgreSQL (production).</summary>
public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The assemblies whose <c>IEntityTypeConfiguration</c> classes make up the model (one per module).</summary>
public sealed class ModelAssemblies(IEnumerable<Assembly> assemblies)
{
    public IReadOnlyList<Assembly> All { get; } = assemblies.Distinct().ToList();
}

/// <summary>
/// The one unit of work of the platform. Modules map their own entities (configurations in their assemblies) and
/// read them with <c>Set&lt;T&gt;()</c>; one request = one <c>SaveChangesAsync</c> = one transaction, with the audit log
/// and the search outbox written inside it. Two providers, each with its own subclass and migration set.
/// </summary>
public abstract class TechTransferDbContext : IdentityDbContext<PlatformUser, PlatformRole, Guid>
{
    private readonly ModelAssemblies _modelAssemblies;

    protected TechTransferDbContext(DbContextOptions options, ModelAssemblies modelAssemblies) : base(options)
        => _modelAssemblies = modelAssemblies;

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SearchOutboxEntry> SearchOutbox => Set<SearchOutboxEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<EmailOutboxEntry> EmailOutbox => Set<EmailOutboxEntry>();

    /// <summary>Which database this context talks to. Provider-specific SQL branches on this, never on a provider name string.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>"Sqlite" or "Postgres" (for display: health, logs).</summary>
    public string ProviderName => Provider.ToString();

    /// <summary>
    /// The one mapping of a lost update: saves, and turns a concurrency clash (another request saved the same record
    /// with the same version first) into <see cref="Error.ConcurrencyConflict"/> (409). Use cases return the error;
    /// nothing else catches <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public async Task<Error?> SaveOrConflictAsync(CancellationToken ct)
    {
        try
        {
            await SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            ChangeTracker.Clear();
            return Error.ConcurrencyConflict;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<PlatformUser>(u =>
        {
            u.ToTable("platform_users");
            u.Property(x => x.DisplayName).HasMaxLength(100);
            u.Property(x => x.PreferredLanguage).HasMaxLength(10);
            u.HasIndex(x => x.LockoutEnd);
            u.HasIndex(x => x.OrganizationId);
        });
        builder.Entity<PlatformRole>().ToTable("platform_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().ToTable("platform_user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("platform_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("platform_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("platform_user_tokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>>().ToTable("platform_role_claims");

        builder.Entity<AuditEntry>(a =>
        {
            a.ToTable("platform_audit_entries");
            a.HasKey(x => x.Id);
            a.Property(x => x.Action).HasMaxLength(16);
            a.Property(x => x.EntityType).HasMaxLength(100);
            a.Property(x => x.EntityId).HasMaxLength(100);
            a.Property(x => x.UserName).HasMaxLength(256);
            a.Property(x => x.TraceId).HasMaxLength(100);
            a.HasIndex(x => new { x.EntityType, x.EntityId });
            a.HasIndex(x => x.At);
            a.HasIndex(x => x.SubjectOrganizationId);
            // the audit list's other sort keys (AuditLogQueries.Sorts)
            a.HasIndex(x => x.Action);
            a.HasIndex(x => x.UserName);
        });

        builder.Entity<SearchOutboxEntry>(o =>
        {
            o.ToTable("platform_search_outbox");
            o.HasKey(x => x.Id);
            o.Property(x => x.DocumentType).HasMaxLength(40);
        });

        builder.Entity<Notification>(n =>
        {
            n.ToTable("platform_notifications");
            n.HasKey(x => x.Id);
            n.Property(x => x.TitleZh).HasMaxLength(300);
            n.Property(x => x.TitleEn).HasMaxLength(300);
            n.Property(x => x.Link).HasMaxLength(300);
            n.Property(x => x.RecipientRole).HasMaxLength(40);
            n.Property(x => x.Kind).HasMaxLength(40);
            n.Property(x => x.DedupKey).HasMaxLength(200);
            n.HasIndex(x => new { x.RecipientUserId, x.CreatedAt });
            n.HasIndex(x => new { x.RecipientOrganizationId, x.CreatedAt });
            n.HasIndex(x => new { x.RecipientRole, x.CreatedAt });
            n.HasIndex(x => x.CreatedAt); // the list's sort keys (NotificationQueries.Sorts)
            n.HasIndex(x => x.Kind);
            n.HasIndex(x => x.DedupKey).IsUnique();
        });
        builder.Entity<NotificationRead>(r =>
        {
            r.ToTable("platform_notification_reads");
            r.HasKey(x => new { x.UserId, x.NotificationId });
        });
        builder.Entity<NotificationPreference>(p =>
        {
            p.ToTable("platform_notification_preferences");
            p.HasKey(x => new { x.UserId, x.Kind });
            p.Property(x => x.Kind).HasMaxLength(40);
        });
        builder.Entity<EmailOutboxEntry>(o =>
        {
            o.ToTable("platform_email_outbox");
            o.HasKey(x => x.Id);
            o.Property(x => x.ToAddress).HasMaxLength(256);
            o.Property(x => x.Subject).HasMaxLength(400);
            o.Property(x => x.Body).HasMaxLength(8000);
            o.Property(x => x.LastError).HasMaxLength(1000);
            o.HasIndex(x => new { x.SentAt, x.FailedAt, x.NextAttemptAt });
        });

        foreach (var assembly in _modelAssemblies.All)
            builder.ApplyConfigurationsFromAssembly(assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is decimal(18,2) yuan everywhere (spec R0.1); a column that needs more says so in its configuration.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        ConfigureProviderConventions(configurationBuilder);
    }

    protected abstract void ConfigureProviderConventions(ModelConfigurationBuilder configurationBuilder);
}

/// <summary>SQLite: the embedded default. Instants are stored as UTC ticks so they compare and sort in SQL.</summary>
public sealed class SqliteTechTransferDbContext(DbContextOptions<SqliteTechTransferDbContext> options, ModelAssemblies modelAssemblies)
    : TechTransferDbContext(options, modelAssemblies)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureProviderConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>PostgreSQL: the production store. timestamptz takes only UTC offsets, so instants are normalised.</summary>
public sealed class PostgresTechTransferDbContext(DbContextOptions<PostgresTechTransferDbContext> options, ModelAssemblies modelAssemblies)
    : TechTransferDbContext(options, modelAssemblies)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void ConfigureProviderConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);
}
