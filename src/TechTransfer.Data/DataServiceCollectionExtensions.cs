using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Data.Audit;
using TechTransfer.Data.Outbox;

namespace TechTransfer.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the provider chosen by <c>Storage:Provider</c> and exposes it as <see cref="TechTransferDbContext"/>.
    /// </summary>
    public static IServiceCollection AddTechTransferData(this IServiceCollection services, IConfiguration configuration,
        IEnumerable<Assembly> modelAssemblies)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);
        services.AddSingleton(new ModelAssemblies(modelAssemblies));
        services.AddSingleton<SearchOutboxSignal>();
        services.AddScoped<AuditAndOutboxInterceptor>();
        services.AddSingleton<ColumnLengthGuard>();

        if (storage.IsPostgres)
        {
            var cs = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddDbContext<PostgresTechTransferDbContext>((sp, o) => o
                .UseNpgsql(cs, npg => npg.MigrationsHistoryTable("__ef_migrations_history"))
                .AddInterceptors(sp.GetRequiredService<ColumnLengthGuard>(), sp.GetRequiredService<AuditAndOutboxInterceptor>()));
            services.AddScoped<TechTransferDbContext>(sp => sp.GetRequiredService<PostgresTechTransferDbContext>());
        }
        else
        {
            Directory.CreateDirectory(storage.FullDataDirectory);
            var cs = configuration.GetConnectionString("Sqlite")
                     ?? $"Data Source={Path.Combine(storage.FullDataDirectory, "techtransfer.db")};Foreign Keys=True";
            services.AddDbContext<SqliteTechTransferDbContext>((sp, o) => o
                .UseSqlite(cs, s => s.MigrationsHistoryTable("__ef_migrations_history"))
                .AddInterceptors(sp.GetRequiredService<ColumnLengthGuard>(), sp.GetRequiredService<AuditAndOutboxInterceptor>()));
            services.AddScoped<TechTransferDbContext>(sp => sp.GetRequiredService<SqliteTechTransferDbContext>());
        }
        return services;
    }
}
