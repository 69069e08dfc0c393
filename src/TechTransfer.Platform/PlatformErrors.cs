using TechTransfer.SharedKernel;

namespace TechTransfer.Platform;

/// <summary>Failures of the platform's shared web plumbing that any module's endpoint or page may answer with.</summary>
public static class PlatformErrors
{
    /// <summary>A form post whose antiforgery token is missing or stale (the page was open too long, or the post is forged).</summary>
    public static readonly Error FormExpired = Error.Validation("form", "form.antiforgery_invalid",
        "表单已失效，请刷新页面后重试", "The form has expired; reload the page and try again.");
}
