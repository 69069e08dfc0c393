using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TechTransfer.Contracts.Data;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Contracts.Endpoints;
using TechTransfer.Contracts.Features;
using TechTransfer.Contracts.Features.Statistics;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts;

/// <summary>Technology contract registration (技术合同认定登记): the registrar's system of record (spec §2).</summary>
public sealed class ContractsModule : IModule
{
    public string Name => "Contracts";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContractsOptions>().Bind(configuration.GetSection(ContractsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ContractsOptions>, ContractsOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ContractsOptions>>().Value.Catalog());
        services.AddScoped<ContractService>();
        services.AddScoped<ContractStatisticsStore>();
        services.AddScoped<Data.RegistrationWriter>();
        services.AddScoped<Features.Tax.CitReliefService>();
        services.AddScoped<TechTransfer.SharedKernel.References.IReferenceResolver, ContractReferences>();
        services.AddScoped<TechTransfer.SharedKernel.Contracts.IRegisteredContractLookup, Features.RegisteredContractLookup>();
        services.AddScoped<Features.Workbench.ContractBulkService>();
        services.AddScoped<Features.Prefill.ContractPrefillService>();
        services.AddScoped<Features.Income.IncomeCertificationService>();
        services.AddScoped<Features.Attachments.ContractAttachmentService>();
        services.AddScoped<TechTransfer.SharedKernel.Deals.ICertifiedIncomeSource>(sp => sp.GetRequiredService<Features.Income.IncomeCertificationService>());
        services.AddScoped<IDemoDataSeeder, ContractDemoData>();
        services.AddScoped<TechTransfer.SharedKernel.Workbench.IWorkbenchSource, ContractWorkbench>();
        services.AddScoped<TechTransfer.Platform.Jobs.IReminderSource, ContractReminders>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapContractEndpoints();
        app.MapContractWorkbenchEndpoints();
        app.MapContractPrefillEndpoints();
        app.MapContractAttachmentEndpoints();
    }

    public IEnumerable<NavItem> Navigation =>
    [
        new("/contracts", "技术合同登记", "Contract registration", 40, [Roles.InstitutionAdmin, Roles.Researcher, Roles.Enterprise, Roles.TechManager, Roles.ExchangeOperator]),
        new("/contracts/workbench", "登记工作台", "Registrar workbench", 41, [Roles.Registrar]),
        new("/contracts/statistics", "合同统计", "Contract statistics", 42, [Roles.Registrar, Roles.Analyst, Roles.PlatformAdmin]),
        new("/contracts/tax-relief", "所得税减免测算", "CIT relief estimate", 43, [.. ContractService.DraftingRoles, Roles.Registrar]),
    ];
}
