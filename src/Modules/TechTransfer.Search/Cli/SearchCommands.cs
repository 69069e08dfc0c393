using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TechTransfer.Search.Evaluation;
using TechTransfer.Search.Features;

namespace TechTransfer.Search.Cli;

/// <summary><c>tt search reindex</c> and <c>tt eval search</c>.</summary>
public static class SearchCommands
{
    public static Command CreateSearch(Func<Func<IServiceProvider, CancellationToken, Task<int>>, CancellationToken, Task<int>> run)
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
        reindex.SetAction((parse, ct) => run(async (sp, token) =>
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

    public static Command CreateEval()
    {
        var eval = new Command("eval", "评测 · evaluation");
        var data = new Option<string>("--data") { Description = "评测集目录 · directory of the evaluation sets (default ../shared/data/eval)" };
        var sets = new Option<string[]>("--sets") { Description = "评测集名称 · set names (default: all in the directory)", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude") { Description = "不入索引的字段 · fields to leave out of the index", AllowMultipleArgumentsPerToken = true };
        var search = new Command("search", "检索质量评测 (nDCG@10, MRR@10, Recall@100) 与三个基线 · search quality against three baselines")
        {
            data, sets, exclude,
        };
        search.SetAction(parse =>
        {
            var dir = parse.GetValue(data) ?? DefaultEvalDirectory();
            var options = new EvalRunOptions { Exclude = parse.GetValue(exclude) is { Length: > 0 } ex ? ex : null };
            new SearchEvaluation().RunDirectory(dir, parse.GetValue(sets), Console.Out, options);
            return 0;
        });
        eval.Subcommands.Add(search);
        return eval;
    }

    private static string DefaultEvalDirectory()
    {
        var env = Environment.GetEnvironmentVariable("TECHTRANSFER_SHARED_DATA");
        if (!string.IsNullOrWhiteSpace(env)) return Path.Combine(env, "eval");
        var candidate = Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "..", "shared", "data", "eval"));
        return Directory.Exists(candidate) ? candidate : "/work/shared/data/eval";
    }
}
