using TechTransfer.SharedKernel;
using TechTransfer.Search.Domain;
using TechTransfer.Search.Engine;
using static TechTransfer.UnitTests.Search.SearchTestIndex;

namespace TechTransfer.UnitTests.Search;

public sealed class IndexAnalysisVersionTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "tt-search-version-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_path, true); } catch (IOException) { }
    }

    private SearchIndex Open(string? version = null)
    {
        var options = version is null
            ? new SearchEngineOptions { IndexPath = _path }
            : new SearchEngineOptions { IndexPath = _path, AnalysisVersion = version };
        var index = new SearchIndex(options);
        index.Open();
        return index;
    }

    [Fact]
    public void A_new_index_carries_the_current_analysis_version_across_commits_and_reopening()
    {
        using (var index = Open())
        {
            index.Upsert(Doc("光刻胶"));
            index.Commit();
            Assert.False(index.IsOutdated);
        }
        using var reopened = Open();
        Assert.False(reopened.IsOutdated);
        Assert.Equal(1, reopened.Status().DocumentCount);
    }

    [Fact]
    public async Task An_index_analysed_by_another_version_is_outdated_until_it_is_rebuilt()
    {
        using (var old = Open(version: "2025-01-01.before-acronyms"))
        {
            old.Upsert(Doc("MEMS 传感器"));
            old.Commit();
        }
        using var index = Open();
        Assert.True(index.IsOutdated);

        await index.RebuildAsync(AsAsync(Doc("MEMS 传感器"), Doc("ASIC 芯片")));

        Assert.False(index.IsOutdated);
        Assert.Equal(2, index.Search(new() { Text = "MEMS" }, Caller.System()).Value.Total + index.Search(new() { Text = "ASIC" }, Caller.System()).Value.Total);
    }

    private static async IAsyncEnumerable<TechTransfer.SharedKernel.Search.SearchDocument> AsAsync(params TechTransfer.SharedKernel.Search.SearchDocument[] docs)
    {
        foreach (var d in docs) yield return d;
        await Task.CompletedTask;
    }
}
