using System.Net;
using System.Text.Json;
using TechTransfer.ApiTests.Demands;

namespace TechTransfer.ApiTests.Infrastructure;

/// <summary>
/// The shared steps of a list's API tests (with <see cref="ListFile"/> for its export): read one page as its total and a
/// short name per row, compare a page with what it should hold, and check the export's file name.
/// </summary>
public static class ListApi
{
    /// <summary>GET <paramref name="address"/> (200 expected): the total and <paramref name="name"/> of each item, in order.</summary>
    public static async Task<(int Total, List<string> Names)> PageAsync(HttpClient client, string address, Func<JsonElement, string> name)
    {
        var page = await (await client.GetAsync(address)).Json(HttpStatusCode.OK);
        return (page.GetProperty("total").GetInt32(), page.GetProperty("items").EnumerateArray().Select(name).ToList());
    }

    /// <summary>The first character of an item's <c>title</c> (lists whose test rows are tagged 甲, 乙, 丙 …).</summary>
    public static string TitleInitial(JsonElement item) => item.GetProperty("title").GetString()![..1];

    public static void AssertPage(int total, string[] names, (int Total, List<string> Names) page)
    {
        Assert.Equal(total, page.Total);
        Assert.Equal(names, page.Names);
    }

    /// <summary>The export is a download named <c>{list}-yyyyMMdd-HHmm.xlsx</c>.</summary>
    public static void AssertExportName(HttpResponseMessage response, string list) =>
        Assert.StartsWith(list + "-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
}
