using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TechTransfer.Search.Features;

namespace TechTransfer.Cli.Commands;

/// <summary>
/// <c>tt search reindex</c>: the command only; the detached rebuild itself is the Search module's
/// <see cref="SearchOutboxDrainer.ReindexDetachedAsync"/>. (Search quality is evaluated by bench/TechTransfer.Search.Eval.)
/// </summary>
internal static class SearchCommands
{
    public static Command Create()
    {
        var search = new Command("search", "全文检索索引 · search index");
        var reindex = new Command("reindex",
            "从数据库重建检索索引（新索引建好后原子切换）· rebuild the search index from the database (atomic swap when done)");
        var wait = new Option<int>("--host-wait")
        {
            Description = "等待运行中主机确认与切换的秒数 · seconds to wait for a running host to acknowledge and switch",
            DefaultValueFactory = _ => 60,
        };
        reindex.Options.Add(wait);
        reindex.SetAction((parse, ct) => CliHost.RunAsync(async (sp, token) =>
        {
            var drainer = sp.GetRequiredService<SearchOutboxDrainer>();
            var hostWait = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(wait)));
            DetachedReindexResult? result = null;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("重建索引 · reindexing", maxValue: 1);
                    task.IsIndeterminate = true;
                    var progress = new Progress<long>(n => task.Description = $"重建索引 · reindexing: {n:N0}");
                    result = await drainer.ReindexDetachedAsync(progress, hostWait, token);
                    task.IsIndeterminate = false;
                    task.Value = 1;
                });
            var r = result!;
            if (r.HostSwitched)
                AnsiConsole.MarkupLineInterpolated($"[green]索引已重建 · index rebuilt[/]: {r.Documents:N0} documents in {r.Generation}; the running host switched to it and re-applied the changes it indexed meanwhile");
            else if (r.Replayed == 0 && r.Drained == 0 && drainer.IsFollowedByHost(r.Generation))
                AnsiConsole.MarkupLineInterpolated($"[yellow]索引已重建 · index rebuilt[/]: {r.Documents:N0} documents in {r.Generation}; published, the running host has not switched yet (it will on its next outbox check)");
            else
                AnsiConsole.MarkupLineInterpolated($"[green]索引已重建 · index rebuilt[/]: {r.Documents:N0} documents in {r.Generation}, {r.Replayed:N0} journalled and {r.Drained:N0} queued changes applied");
            return 0;
        }, ct));
        search.Subcommands.Add(reindex);
        return search;
    }
}
