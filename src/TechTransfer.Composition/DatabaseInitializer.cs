using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Composition;

/// <summary>Migrates the database, makes sure the roles exist and, in demo mode, loads the demo dataset once.</summary>
public sealed class DatabaseInitializer(
    TechTransferDbContext db, RoleManager<PlatformRole> roles, IEnumerable<IDemoDataSeeder> seeders,
    IOptions<PlatformOptions> options, TimeProvider clock, ILogger<DatabaseInitializer> log)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        await MigrateAsync(ct);
        await EnsureRolesAsync();
        if (options.Value.IsDemo && !await db.Users.AnyAsync(ct))
            await SeedDemoAsync(ct);
    }

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (pages, search indexer) proceed while a request writes.
            await db.Database.OpenConnectionAsync(ct);
            try { await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct); }
            finally { await db.Database.CloseConnectionAsync(); }
        }
        await db.Database.MigrateAsync(ct);
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new PlatformRole(role));
    }

    /// <summary>Runs every module's demo seeder in order. Refuses when data already exists.</summary>
    public async Task<bool> SeedDemoAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return false;
        var context = new DemoDataContext(clock.GetUtcNow());
        foreach (var seeder in seeders.OrderBy(s => s.Order))
        {
            log.LogInformation("Demo data: {Seeder}", seeder.GetType().Name);
            await seeder.SeedAsync(context, ct);
        }
        return true;
    }
}
