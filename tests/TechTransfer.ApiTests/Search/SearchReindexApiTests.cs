using TechTransfer.SharedKernel;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Search.Engine;
using TechTransfer.Search.Features;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.ApiTests.Search;

/// <summary>
/// <c>tt search reindex</c> while the host runs: the rebuild happens in "another process" (a second index instance and
/// drainer on the same directory, as the CLI has), the host keeps answering searches and indexing new records, and
/// after the switch nothing the host indexed meanwhile is missing.
/// </summary>
public abstract class SearchReindexApiTests(TechTransferFactory factory)
{
    private SearchOutboxDrainer HostDrainer => factory.Services.GetRequiredService<SearchOutboxDrainer>();
    private SearchIndex HostIndex => factory.Services.GetRequiredService<SearchIndex>();

    private async Task<List<Guid>> SearchAsync(string q)
    {
        var r = await factory.ClientAs(null).GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(q)}&type=organization");
        return r.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    private async Task<List<SearchDocument>> SnapshotAsync()
    {
        using var scope = factory.Services.CreateScope();
        var docs = new List<SearchDocument>();
        foreach (var s in scope.ServiceProvider.GetServices<ISearchDocumentSource>())
            await foreach (var d in s.LoadAllAsync(CancellationToken.None)) docs.Add(d);
        return docs;
    }

    /// <summary>Yields the snapshot, pausing after the first document until released.</summary>
    private static async IAsyncEnumerable<SearchDocument> Paused(List<SearchDocument> docs, TaskCompletionSource started, TaskCompletionSource release,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 0; i < docs.Count; i++)
        {
            yield return docs[i];
            if (i == 0)
            {
                started.TrySetResult();
                await release.Task.WaitAsync(ct);
            }
        }
    }

    /// <summary>Runs the host's outbox loop (as its background service does) until <paramref name="task"/> ends.</summary>
    private async Task<T> WhileHostDrains<T>(Task<T> task)
    {
        while (!task.IsCompleted)
        {
            await HostDrainer.DrainOnceAsync();
            await Task.WhenAny(task, Task.Delay(50));
        }
        return await task;
    }

    [Fact]
    public async Task Reindex_in_another_process_keeps_search_available_and_loses_no_change_indexed_during_the_rebuild()
    {
        var before = await factory.CreateOrganizationAsync(nameZh: "钙钛矿叠层重建研究所");
        await HostDrainer.DrainAllAsync();
        var snapshot = await SnapshotAsync();
        Assert.Contains(snapshot, d => d.Id == before.Id);
        var oldGeneration = HostIndex.CurrentGeneration;

        using var cliIndex = new SearchIndex(HostIndex.Options);
        var cli = new SearchOutboxDrainer(factory.Services.GetRequiredService<IServiceScopeFactory>(), cliIndex, NullLogger<SearchOutboxDrainer>.Instance);
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var rebuild = cli.ReindexDetachedAsync(null, TimeSpan.FromSeconds(30), CancellationToken.None, Paused(snapshot, started, release));

        // the host acknowledges on its next outbox check, then the rebuild starts reading
        await WhileHostDrains(started.Task.ContinueWith(_ => 0, TaskScheduler.Default));
        Assert.True(HostIndex.Status().IsRebuilding);

        // committed while the rebuild runs, after the rebuild's snapshot: indexed by the host into the old generation
        var during = await factory.CreateOrganizationAsync(nameZh: "量子传感重建中心");
        await HostDrainer.DrainAllAsync();
        Assert.Contains(during.Id, await SearchAsync("量子传感重建中心"));
        Assert.Contains(before.Id, await SearchAsync("钙钛矿叠层重建研究所"));
        Assert.Equal(oldGeneration, HostIndex.CurrentGeneration);

        release.SetResult();
        var result = await WhileHostDrains(rebuild);

        Assert.True(result.HostSwitched);
        Assert.Equal(result.Generation, HostIndex.CurrentGeneration);
        Assert.NotEqual(oldGeneration, result.Generation);
        Assert.Equal(snapshot.Count, result.Documents);
        Assert.Contains(before.Id, await SearchAsync("钙钛矿叠层重建研究所"));
        Assert.Contains(during.Id, await SearchAsync("量子传感重建中心"));   // replayed from the host's journal
        Assert.False(HostIndex.Status().IsRebuilding);
        Assert.Null(RebuildMarker.Read(HostIndex.Options.IndexPath));
        Assert.False(Directory.Exists(Path.Combine(HostIndex.Options.IndexPath, oldGeneration)));
    }

    [Fact]
    public async Task A_change_indexed_after_the_new_generation_was_published_but_before_the_host_switched_is_kept()
    {
        await HostDrainer.DrainAllAsync();
        var snapshot = await SnapshotAsync();
        using var cliIndex = new SearchIndex(HostIndex.Options);
        var cli = new SearchOutboxDrainer(factory.Services.GetRequiredService<IServiceScopeFactory>(), cliIndex, NullLogger<SearchOutboxDrainer>.Instance);
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        release.SetResult();
        var oldGeneration = HostIndex.CurrentGeneration;
        var rebuild = cli.ReindexDetachedAsync(null, TimeSpan.FromSeconds(30), CancellationToken.None, Paused(snapshot, started, release));
        var generation = RebuildMarker.Read(HostIndex.Options.IndexPath)!.Generation;   // written before the call returns
        await HostDrainer.DrainAllAsync();   // acknowledge
        while (HostIndex.ReadPointer() != generation) await Task.Delay(20);   // built and published

        var late = await factory.CreateOrganizationAsync(nameZh: "固态电池切换窗口实验室");
        var result = await WhileHostDrains(rebuild);

        Assert.True(result.HostSwitched);
        Assert.NotEqual(oldGeneration, HostIndex.CurrentGeneration);
        Assert.Contains(late.Id, await SearchAsync("固态电池切换窗口实验室"));
    }

    [Fact]
    public async Task Reindex_with_no_host_on_the_index_switches_by_itself_and_leaves_no_marker()
    {
        var org = await factory.CreateOrganizationAsync(nameZh: "无主机重建测试中心");
        await HostDrainer.DrainAllAsync();
        var path = Path.Combine(Path.GetTempPath(), "tt-reindex-nohost-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var cliIndex = new SearchIndex(new SearchEngineOptions { IndexPath = path });
            var cli = new SearchOutboxDrainer(factory.Services.GetRequiredService<IServiceScopeFactory>(), cliIndex, NullLogger<SearchOutboxDrainer>.Instance);
            var result = await cli.ReindexDetachedAsync(null, TimeSpan.FromSeconds(5));

            Assert.False(result.HostSwitched);
            Assert.Equal(result.Generation, cliIndex.ReadPointer());
            Assert.Equal(result.Generation, cliIndex.CurrentGeneration);
            Assert.Null(RebuildMarker.Read(path));
            var hits = cliIndex.Search(new() { Text = "无主机重建测试中心" }, Caller.System()).Value.Items;
            Assert.Contains(hits, h => h.Id == org.Id);
        }
        finally { Directory.Delete(path, true); }
    }
}

public sealed class SearchReindexApiTests_Sqlite(SqliteFactory f) : SearchReindexApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class SearchReindexApiTests_Postgres(PostgresFactory f) : SearchReindexApiTests(f), IClassFixture<PostgresFactory>;
