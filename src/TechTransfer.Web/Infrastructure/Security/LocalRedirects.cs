using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TechTransfer.Web.Infrastructure.Security;

/// <summary>Where a "return to" address may send the browser: only a path on this site, else the home page.</summary>
public static class LocalRedirects
{
    /// <summary>
    /// <paramref name="returnUrl"/> when the framework's local-URL check accepts it ("/x", not "//host", "/\host",
    /// "https://…" or anything with control characters), else "/". Characters outside ASCII are percent-encoded (UTF-8),
    /// so the Location header is always valid.
    /// </summary>
    public static string Target(string? returnUrl)
    {
        if (!RedirectHttpResult.IsLocalUrl(returnUrl)) return "/";
        var target = new StringBuilder(returnUrl.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in returnUrl.EnumerateRunes()) // an unpaired surrogate comes out as U+FFFD
        {
            if (rune.IsAscii)
            {
                target.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length]) target.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return target.ToString();
    }
}
