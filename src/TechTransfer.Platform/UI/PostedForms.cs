using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace TechTransfer.Platform.UI;

/// <summary>What a static-SSR page's action form posted back, for pages with several action forms.</summary>
public static class PostedForms
{
    /// <summary>
    /// The name of the form a static-SSR request posted (Blazor's <c>_handler</c> field), or null. A page keeps that form in
    /// its render tree while the request is dispatched even when the record's state no longer offers it, so a stale form
    /// reaches its handler and gets the conflict message instead of a framework error.
    /// </summary>
    public static string? Name(HttpContext? http) =>
        http is not null && HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
            ? http.Request.Form["_handler"].ToString() is { Length: > 0 } name ? name : null
            : null;

    /// <summary>The version a page's action form posted back (hidden field <c>version</c>), or null.</summary>
    public static int? Version(string? posted) =>
        int.TryParse(posted, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
