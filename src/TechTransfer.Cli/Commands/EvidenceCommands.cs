using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TechTransfer.Exchange.Domain.Evidence;
using TechTransfer.Exchange.Features.Evidence;

namespace TechTransfer.Cli.Commands;

/// <summary>
/// <c>tt evidence verify [--deal ID | --all]</c>: the command only; the verification is the Exchange module's
/// <see cref="EvidenceVerifier"/>. Exit code 0 when every chain verified, 2 when a link is broken, 1 for an unknown deal.
/// </summary>
internal static class EvidenceCommands
{
    public static Command Create()
    {
        var evidence = new Command("evidence", "成交证据链 · deal evidence chains");
        var verify = new Command("verify", "核验证据链并报告第一处断链 · verify evidence chains and report the first broken link");
        var deal = new Option<Guid?>("--deal") { Description = "成交 ID · the deal's id (its listing's and lot's chains included)" };
        var all = new Option<bool>("--all") { Description = "核验全部证据链 · verify every chain" };
        verify.Options.Add(deal);
        verify.Options.Add(all);
        verify.Validators.Add(r =>
        {
            if (r.GetValue(deal) is null == !r.GetValue(all))
                r.AddError("请指定 --deal ID 或 --all 之一 · give either --deal ID or --all");
        });
        verify.SetAction((parse, ct) => CliHost.RunAsync(async (sp, token) =>
        {
            var verifier = sp.GetRequiredService<EvidenceVerifier>();
            if (parse.GetValue(deal) is { } dealId)
            {
                if (await verifier.VerifyDealAsync(dealId, token) is not { } v)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]没有这笔成交 · no such deal[/]: {dealId}");
                    return 1;
                }
                foreach (var c in v.Chains) Print(c);
                AnsiConsole.MarkupLineInterpolated($"成交 · deal {v.DealNo}: head {v.ChainHead}, {v.RecordCount} records");
                return v.FirstBreak is null ? 0 : 2;
            }
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var report = await verifier.VerifyAllAsync(null, token);
            foreach (var c in report.Broken) Print(c);
            AnsiConsole.MarkupLineInterpolated(
                $"{report.Chains:N0} chains, {report.Records:N0} records verified in {sw.Elapsed.TotalSeconds:N1} s; {report.Broken.Count} broken");
            return report.Broken.Count == 0 ? 0 : 2;
        }, ct));
        evidence.Subcommands.Add(verify);
        return evidence;
    }

    private static void Print(ChainReport c)
    {
        if (c.Break is not { } b)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]完整 · intact[/] {c.Chain}: {c.Count} records, head {c.HeadHash}");
            return;
        }
        AnsiConsole.MarkupLineInterpolated(
            $"[red]断链 · broken[/] {c.Chain}: first broken link at record {b.Sequence} ({b.Kind ?? "—"}, {b.At?.ToString("O") ?? "—"}): {Describe(b.Problem)}");
    }

    private static string Describe(EvidenceProblem p) => p switch
    {
        EvidenceProblem.ContentAltered => "记录内容被改动 · the record's content was changed",
        EvidenceProblem.LinkBroken => "前序记录被删除、插入或替换 · a record before it was removed, inserted or replaced",
        EvidenceProblem.SequenceGap => "记录编号不连续 · a record was removed (sequence gap)",
        EvidenceProblem.HeadMismatch => "链头与记录不符 · records removed from or added to the end",
        EvidenceProblem.BidLogAltered => "出价记录与落槌封存不符 · the bid log changed after the close",
        _ => "来源证据链与成交封存不符 · the listing's or lot's chain changed after the deal",
    };
}
