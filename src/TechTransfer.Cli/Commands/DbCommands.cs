using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TechTransfer.Data;

namespace TechTransfer.Cli.Commands;

internal static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "数据库 · database");
        var migrate = new Command("migrate", "创建或升级数据库结构 · create or upgrade the schema");
        migrate.SetAction((_, ct) => CliHost.RunAsync(async (sp, token) =>
        {
            var init = sp.GetRequiredService<DatabaseInitializer>();
            var provider = sp.GetRequiredService<TechTransferDbContext>().ProviderName;
            await AnsiConsole.Status().StartAsync($"Migrating {provider}…", async _ =>
            {
                await init.MigrateAsync(token);
                await init.EnsureRolesAsync();
            });
            AnsiConsole.MarkupLineInterpolated($"[green]数据库已是最新 · the {provider} schema is up to date[/]");
            return 0;
        }, ct));
        db.Subcommands.Add(migrate);
        return db;
    }
}

internal static class SeedCommands
{
    public static Command Create()
    {
        var seed = new Command("seed", "示例数据 · demo data");
        var demo = new Command("demo", "向空数据库载入演示数据集 · load the demo dataset into an empty database");
        demo.SetAction((_, ct) => CliHost.RunAsync(async (sp, token) =>
        {
            var init = sp.GetRequiredService<DatabaseInitializer>();
            await init.MigrateAsync(token);
            await init.EnsureRolesAsync();
            var loaded = await init.SeedDemoAsync(token);
            if (!loaded)
            {
                AnsiConsole.MarkupLine("[yellow]数据库已有用户，未载入演示数据 · the database already has users; nothing loaded[/]");
                return 2;
            }
            AnsiConsole.MarkupLine($"[green]演示数据已载入 · demo data loaded[/]; password for every demo account: {AccountDemoData.Password}");
            return 0;
        }, ct));
        seed.Subcommands.Add(demo);
        return seed;
    }
}
