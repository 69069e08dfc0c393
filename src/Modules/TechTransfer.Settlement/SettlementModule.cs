using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TechTransfer.Platform;

namespace TechTransfer.Settlement;

/// <summary>
/// Settlement (结算): the escrow ledger of exchange deals — accounts per deal and party, immutable multi-leg double-entry
/// transfers, pending transfers posted or voided once, corrections by reversal, idempotent money commands. Tables are
/// prefixed <c>settlement_</c>. See docs/architecture.md, "Settlement: the escrow ledger".
/// </summary>
public sealed class SettlementModule : IModule
{
    public string Name => "Settlement";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Features.SettlementWriter>();
        services.AddScoped<Features.SettlementService>();
        services.AddOptions<Domain.DepositOptions>().BindConfiguration(Domain.DepositOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Domain.DepositOptions>, Features.DepositOptionsValidator>();
        services.AddScoped<Features.DepositSettler>();
        services.AddScoped<IDemoDataSeeder, Features.SettlementDemoData>();
        services.AddOptions<Domain.PaymentReminderOptions>().BindConfiguration(Domain.PaymentReminderOptions.Section)
            .Validate(o => o.LeadDays is >= 0 and <= 60, "Settlement:PaymentReminders:LeadDays must be between 0 and 60.").ValidateOnStart();
        services.AddScoped<TechTransfer.Platform.Jobs.IReminderSource, Features.SettlementReminders>();
        services.AddSingleton<Features.DepositJob>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.DepositJob>());
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => Endpoints.SettlementEndpoints.MapSettlementEndpoints(app);

    public IEnumerable<NavItem> Navigation => [];
}
