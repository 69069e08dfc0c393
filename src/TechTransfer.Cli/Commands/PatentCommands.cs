using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TechTransfer.Patents.Domain.Import;
using TechTransfer.Patents.Features.Patents;

namespace TechTransfer.Cli.Commands;

internal static class PatentCommands
{
    public static Command Create()
    {
        var patent = new Command("patent", "专利 · patents");
        var import = new Command("import", "从专利局导出格式的 .xlsx 或 .csv 导入专利 · import patents from a patent-office style .xlsx or .csv");
        var file = new Argument<FileInfo>("file") { Description = "文件 · the file" };
        var org = new Option<Guid>("--org") { Description = "专利权人所在机构 ID · the owning organisation's id", Required = true };
        var skip = new Option<bool>("--skip-invalid") { Description = "跳过无效行，导入其余行 · import the valid rows and skip the invalid ones" };
        import.Arguments.Add(file);
        import.Options.Add(org);
        import.Options.Add(skip);
        import.SetAction((parse, ct) => CliHost.RunAsync(async (sp, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) { AnsiConsole.MarkupLineInterpolated($"[red]文件不存在 · no such file[/]: {path.FullName}"); return 1; }
            var init = sp.GetRequiredService<DatabaseInitializer>();
            await init.MigrateAsync(token);
            var service = sp.GetRequiredService<PatentService>();
            TechTransfer.SharedKernel.Result<PatentImportResponse> result = default;
            await AnsiConsole.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask("校验与导入 · validating and importing");
                await using var stream = path.OpenRead();
                var progress = new SyncProgress(p => { task.MaxValue = Math.Max(p.Total, 1); task.Value = p.Processed; });
                result = await service.ImportForAsync(parse.GetValue(org), stream, path.Name, parse.GetValue(skip), progress, token);
                task.Value = task.MaxValue;
            });
            if (result.IsFailure) return CliHost.Fail(result.Error!);
            var r = result.Value;
            if (r.Errors.Count > 0)
            {
                var table = new Table().AddColumns("行 Row", "列 Column", "问题 Problem");
                foreach (var e in r.Errors) table.AddRow(e.Row.ToString(), Markup.Escape(e.Column), Markup.Escape($"{e.Zh} / {e.En}"));
                AnsiConsole.Write(table);
            }
            AnsiConsole.MarkupLineInterpolated($"[green]新增 {r.Created}、更新 {r.Updated}、跳过 {r.Skipped}（共 {r.Rows} 行）· created {r.Created}, updated {r.Updated}, skipped {r.Skipped} of {r.Rows} rows[/]");
            return 0;
        }, ct));
        patent.Subcommands.Add(import);
        return patent;
    }

    private sealed class SyncProgress(Action<PatentImportProgress> report) : IProgress<PatentImportProgress>
    {
        public void Report(PatentImportProgress value) => report(value);
    }
}
