using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Cli.Commands;

/// <summary>
/// Builds the platform's services for one command: configuration from appsettings.json in the current folder and
/// environment variables (Storage__Provider, Storage__DataDirectory, ConnectionStrings__Postgres, Platform__Mode),
/// the caller is the system user "tt" (so every write is audited as tt).
/// </summary>
internal static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddTechTransferCore(builder.Configuration);
        builder.Services.AddSingleton<ICurrentUser>(Caller.System("tt"));
        return builder.Build();
    }

    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        using var host = Build();
        using var scope = host.Services.CreateScope();
        return await work(scope.ServiceProvider, ct);
    }

    public static int Fail(Error error)
    {
        Spectre.Console.AnsiConsole.MarkupLineInterpolated($"[red]{error.Zh}[/] / {error.En} ({error.Code})");
        foreach (var f in error.FieldErrors)
            Spectre.Console.AnsiConsole.MarkupLineInterpolated($"  [yellow]{f.Field}[/]: {f.Zh} / {f.En}");
        return 1;
    }
}
