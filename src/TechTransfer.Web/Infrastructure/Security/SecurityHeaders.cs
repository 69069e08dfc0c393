using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace TechTransfer.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response — pages, API JSON, problem details, static files, redirects: a Content-Security-Policy
/// that allows scripts only from this origin (no inline script; the pages have none), no framing
/// (<c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>), <c>X-Content-Type-Options: nosniff</c> and a
/// <c>Referrer-Policy</c>. They are added when the response starts, so error responses written later get them too.
/// <c>style-src</c> keeps <c>'unsafe-inline'</c> for the pages' <c>style</c> attributes and the API reference's styles.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy with extra script sources (hashes of inline scripts the platform itself serves).</summary>
    public static string PolicyWithScripts(IEnumerable<string> scriptSources)
    {
        var extra = string.Join(' ', scriptSources);
        return extra.Length == 0 ? ContentSecurityPolicy : ContentSecurityPolicy.Replace("script-src 'self';", $"script-src 'self' {extra};", StringComparison.Ordinal);
    }

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        }, http);
        return next(http);
    }
}

/// <summary>
/// The API reference page (<c>/api-docs</c>, rendered by Scalar) starts itself with an inline module script holding its
/// configuration. Rather than allow inline scripts, its HTML is buffered and the SHA-256 of each inline script in it is
/// added to that response's policy. Only this library-rendered page gets hashes: its content does not depend on
/// anything a user sends, so no injected script can be hashed in. Script files of the reference are not buffered. The
/// page's <c>&lt;html&gt;</c> also gets the language its interface is written in (English), which Scalar leaves out.
/// </summary>
public sealed partial class ApiReferenceScriptHashMiddleware(RequestDelegate next)
{
    public const string Path = "/api-docs";

    public static bool Applies(HttpContext http) =>
        http.Request.Path.StartsWithSegments(Path) && !System.IO.Path.HasExtension(http.Request.Path.Value);

    public async Task InvokeAsync(HttpContext http)
    {
        var body = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body;
        }

        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            http.Response.Headers.ContentSecurityPolicy = SecurityHeadersMiddleware.PolicyWithScripts(InlineScriptHashes(html));
            // the reference's own page names no language (WCAG 3.1.1); its interface is English
            var withLanguage = Encoding.UTF8.GetBytes(HtmlWithoutLang().Replace(html, "<html lang=\"en\"", 1));
            http.Response.ContentLength = withLanguage.Length;
            await body.WriteAsync(withLanguage, http.RequestAborted);
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(body, http.RequestAborted);
    }

    /// <summary>
    /// <c>'sha256-…'</c> sources for the inline scripts (those without <c>src</c>) of a page, hashed as the browser does:
    /// the script's text after the HTML parser's newline normalisation (CR LF and CR become LF), in UTF-8.
    /// </summary>
    public static IEnumerable<string> InlineScriptHashes(string html) =>
        InlineScript().Matches(html)
            .Where(m => !SrcAttribute().IsMatch(m.Groups["attrs"].Value))
            .Select(m => m.Groups["body"].Value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
            .Select(text => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'")
            .Distinct();

    [GeneratedRegex(@"<script(?<attrs>[^>]*)>(?<body>.*?)</script\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\bsrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();

    [GeneratedRegex(@"<html(?![^>]*\blang=)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlWithoutLang();
}
