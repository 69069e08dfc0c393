using TechTransfer.Platform;
using TechTransfer.Search.Engine;

namespace TechTransfer.Search.Features;

/// <summary>The index state on /health: "rebuilding" during a full reindex, "ready" when open, else "closed".</summary>
internal sealed class SearchIndexHealth(SearchIndex index) : ISearchIndexHealth
{
    public string State
    {
        get
        {
            var status = index.Status();
            return status.IsRebuilding ? "rebuilding" : status.IsOpen ? "ready" : "closed";
        }
    }
}
