using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TechTransfer.Organizations.Features;

namespace TechTransfer.Cli.Commands;

internal static class OrgCommands
{
    public static Command Create()
    {
        var org = new Command("org", "机构库 · organisations");
        var import = new Command("import", "从 .xlsx 或 .csv 导入机构 · import organisations from .xlsx or .csv");
        var file = new Argument<FileInfo>("file") { Description = "文件 · the file" };
        var skip = new Option<bool>("--skip-invalid") { Description = "跳过无效行，导入其余行 · import the valid rows and skip the invalid ones" };
        import.Arguments.Add(file);
        import.Options.Add(skip);
        import.SetAction((parse, ct) => CliHost.RunAsync(async (sp, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) { AnsiConsole.MarkupLineInterpolated($"[red]文件不存在 · no such file[/]: {path.FullName}"); return 1; }
            var init = sp.GetRequiredService<DatabaseInitializer>();
            await init.MigrateAsync(token);
            await init.EnsureRolesAsync();
            var importer = sp.GetRequiredService<OrganizationImporter>();
            ImportReport? report = null;
            TechTransfer.SharedKernel.Error? error = null;
            await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask("校验与导入 · validating and importing");
                await using var stream = path.OpenRead();
                var result = await importer.ImportAsync(path.Name, stream, parse.GetValue(skip),
                    new Progress<(int Done, int Total)>(p => { task.MaxValue = Math.Max(p.Total, 1); task.Value = p.Done; }), token);
                task.Value = task.MaxValue;
                if (result.IsFailure) error = result.Error; else report = result.Value;
            });
            if (error is not null) return CliHost.Fail(error);
            if (report!.Invalid.Count > 0)
            {
                var table = new Table().AddColumns("行 Row", "名称 Name", "字段 Field", "问题 Problem");
                foreach (var row in report.Invalid)
                    foreach (var e in row.Errors)
                        table.AddRow(row.Row.ToString(), Markup.Escape(row.NameZh ?? ""), e.Field, Markup.Escape($"{e.Zh} / {e.En}"));
                AnsiConsole.Write(table);
            }
            if (!report.Applied)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{report.Invalid.Count} 行有误，未导入任何数据（可加 --skip-invalid）· {report.Invalid.Count} bad rows; nothing imported (use --skip-invalid)[/]");
                return 1;
            }
            AnsiConsole.MarkupLineInterpolated($"[green]已导入 {report.Imported} / {report.Rows} 行 · imported {report.Imported} of {report.Rows} rows[/]");
            return 0;
        }, ct));
        org.Subcommands.Add(import);
        return org;
    }
}
