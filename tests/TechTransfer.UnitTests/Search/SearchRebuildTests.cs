using TechTransfer.SharedKernel;
using System.Runtime.CompilerServices;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using TechTransfer.SharedKernel.Search;
using static TechTransfer.UnitTests.Search.SearchTestIndex;

namespace TechTransfer.UnitTests.Search;

public sealed class SearchRebuildTests
{
    private static async IAsyncEnumerable<SearchDocument> Slow(IEnumerable<SearchDocument> docs, TaskCompletionSource started,
        TaskCompletionSource release, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var first = true;
        foreach (var d in docs)
        {
            yield return d;
            if (first)
            {
                first = false;
                started.SetResult();
                await release.Task.WaitAsync(ct);
            }
        }
    }

    private static int Count(SearchIndex index, string q) =>
        index.Search(new() { Text = q }, Caller.System()).Value.Total;

    [Fact]
    public async Task Search_keeps_answering_from_the_old_index_while_a_rebuild_runs_then_swaps()
    {
        using var t = new SearchTestIndex().Add(Doc("光刻胶"));
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var rebuild = t.Index.RebuildAsync(Slow([Doc("钙钛矿电池"), Doc("钙钛矿薄膜")], started, release));
        await started.Task;

        Assert.True(t.Index.Status().IsRebuilding);
        Assert.Equal(1, Count(t.Index, "光刻胶"));
        Assert.Equal(0, Count(t.Index, "钙钛矿"));

        release.SetResult();
        Assert.Equal(2, await rebuild);
        Assert.Equal(0, Count(t.Index, "光刻胶"));
        Assert.Equal(2, Count(t.Index, "钙钛矿"));
        Assert.False(t.Index.Status().IsRebuilding);
        Assert.Single(Directory.GetDirectories(t.Path, "gen-*"));
    }

    [Fact]
    public async Task Changes_made_during_a_rebuild_are_not_lost_by_the_swap()
    {
        using var t = new SearchTestIndex();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var keep = Doc("气凝胶");
        var rebuild = t.Index.RebuildAsync(Slow([keep, Doc("碳化硅")], started, release));
        await started.Task;

        t.Index.Upsert(Doc("量子点"));
        t.Index.Delete(keep.Type, keep.Id);
        t.Index.Commit();
        Assert.Equal(1, Count(t.Index, "量子点"));

        release.SetResult();
        await rebuild;
        Assert.Equal(1, Count(t.Index, "量子点"));
        Assert.Equal(0, Count(t.Index, "气凝胶"));
        Assert.Equal(1, Count(t.Index, "碳化硅"));
    }

    [Fact]
    public async Task The_swapped_generation_is_what_a_reopened_index_loads()
    {
        var path = Path.Combine(Path.GetTempPath(), "tt-search-reopen-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var index = new SearchIndex(new SearchEngineOptions { IndexPath = path }))
            {
                index.Open();
                index.Upsert(Doc("光刻胶"));
                index.Commit();
                await index.RebuildAsync(ToAsync([Doc("钙钛矿")]));
            }
            using var reopened = new SearchIndex(new SearchEngineOptions { IndexPath = path });
            reopened.Open();
            Assert.Equal(1, Count(reopened, "钙钛矿"));
            Assert.Equal(0, Count(reopened, "光刻胶"));
        }
        finally { Directory.Delete(path, true); }
    }

    [Fact]
    public void Upsert_replaces_and_delete_removes_by_type_and_id()
    {
        using var t = new SearchTestIndex();
        var d = Doc("第一版标题");
        t.Add(d);
        t.Add(d with { Title = "第二版标题" });
        Assert.Equal(["第二版标题"], t.Index.Search(new() { Text = "标题" }, Caller.System()).Value.Items.Select(h => h.Title));
        t.Index.Delete(d.Type, d.Id);
        t.Index.Commit();
        Assert.Equal(0, Count(t.Index, "标题"));
    }

    private static async IAsyncEnumerable<SearchDocument> ToAsync(IEnumerable<SearchDocument> docs)
    {
        foreach (var d in docs) { await Task.Yield(); yield return d; }
    }
}
