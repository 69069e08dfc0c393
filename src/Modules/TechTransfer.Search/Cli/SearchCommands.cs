using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TechTransfer.Search.Engine;
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
        reindex.SetAction((_, ct) => run(async (sp, token) =>
        {
            var drainer = sp.GetRequiredService<SearchOutboxDrainer>();
            var index = sp.GetRequiredService<SearchIndex>();
            var count = 0;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("重建索引 · reindexing", maxValue: 1);
                    task.IsIndeterminate = true;
                    var progress = new Progress<long>(n => task.Description = $"重建索引 · reindexing: {n:N0}");
                    count = await drainer.ReindexAsync(progress, token);
                    task.IsIndeterminate = false;
                    task.Value = 1;
                });
            // changes that were queued while rebuilding are applied now
            var drained = await drainer.DrainAllAsync(token);
            AnsiConsole.MarkupLineInterpolated($"[green]索引已重建 · index rebuilt[/]: {count:N0} documents, {drained:N0} queued changes applied, {index.Status().DocumentCount:N0} in the index");
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
