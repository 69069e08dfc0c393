using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using TechTransfer.SharedKernel;

namespace TechTransfer.Platform;

public static class PlatformClaims
{
    public const string OrganizationId = "tt:org";
    public const string DisplayName = "tt:name";
}

/// <summary>The caller, read from the authenticated principal of the current HTTP request.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) && IsAuthenticated ? id : null;

    public string? UserName => IsAuthenticated ? Principal?.Identity?.Name : null;

    public Guid? OrganizationId => IsAuthenticated && Guid.TryParse(Principal?.FindFirstValue(PlatformClaims.OrganizationId), out var id) ? id : null;

    public bool IsInRole(string role) => IsAuthenticated && Principal!.IsInRole(role);
}
