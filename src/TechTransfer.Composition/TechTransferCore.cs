using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Composition.Accounts;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Composition;

/// <summary>
/// The platform's core composition, shared by the web host (<c>TechTransferComposition.AddTechTransfer</c>) and the admin
/// tool (<c>tt</c>): data, identity and accounts, every module, database initialisation and demo data. Nothing HTTP.
/// </summary>
public static class TechTransferCore
{
    /// <summary>Everything but HTTP: data, identity, modules. The admin tool uses this with a plain host.</summary>
    public static IServiceCollection AddTechTransferCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        // The one working-day calendar (R0.3) of every module: Contracts' SLA clock, the Exchange's listing periods.
        services.AddSingleton(_ => TechTransfer.Platform.Calendar.HolidayCalendarFile.Prc);
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var modelAssemblies = PlatformModules.All.Select(m => m.Assembly);
        services.AddTechTransferData(configuration, modelAssemblies);
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        // Cookie and bearer-token keys survive restarts; kept beside the database.
        services.AddDataProtection().SetApplicationName("TechTransfer")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.FullDataDirectory, "keys")));
        services.AddHttpContextAccessor();

        services.AddIdentityCore<PlatformUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<PlatformRole>()
            .AddEntityFrameworkStores<TechTransferDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PlatformClaimsFactory>()
            .AddErrorDescriber<BilingualIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.AddOptions<SessionLifetimeOptions>().BindConfiguration(SessionLifetimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<UserSessions>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<IDemoDataSeeder, AccountDemoData>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AuditLogQueries>();
        services.AddScoped<NotificationQueries>();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<EmailSender>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailSender>());
        services.AddScoped<WorkbenchQueries>();
        TechTransfer.Platform.Jobs.ReminderServiceCollectionExtensions.AddDeadlineReminders(services);
        services.AddScoped<TechTransfer.SharedKernel.Workbench.IWorkbenchSource, PlatformWorkbench>();
        services.AddScoped<TechTransfer.SharedKernel.References.IReferenceCheck, ReferenceCheck>();
        services.AddScoped<TechTransfer.SharedKernel.References.IReferenceResolver, UserReferences>();

        foreach (var module in PlatformModules.All)
            module.AddServices(services, configuration);
        return services;
    }
}

/// <summary>Platform-wide settings. <c>Platform:Mode</c> = Demo (loads the demo dataset on first start) | Production.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";
    public string Mode { get; set; } = "Demo";
    public bool IsDemo => string.Equals(Mode, "Demo", StringComparison.OrdinalIgnoreCase);
}
