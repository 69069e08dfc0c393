using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TechTransfer.Platform;

/// <summary>
/// A business capability (Organizations, Achievements, Contracts, …). The host lists the modules once; each registers
/// its services, maps its endpoints, contributes navigation and pages (its assembly is scanned for Razor routes and
/// EF configurations).
/// </summary>
public interface IModule
{
    /// <summary>Short English name, e.g. "Contracts".</summary>
    string Name { get; }

    Assembly Assembly => GetType().Assembly;

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>
    /// Maps the module's endpoints on <paramref name="app"/>: the host's endpoint group, whose filters (the request-shape
    /// check, <see cref="RequestShapeFilter"/>) then cover every endpoint of the module. Map on this builder only.
    /// </summary>
    void MapEndpoints(IEndpointRouteBuilder app);

    /// <summary>Entries for the main navigation; the layout shows those whose roles the user holds.</summary>
    IEnumerable<NavItem> Navigation => [];
}

/// <summary>A navigation entry. <see cref="Roles"/> empty = every signed-in user; <see cref="Public"/> = also anonymous.</summary>
public sealed record NavItem(string Href, string Zh, string En, int Order, IReadOnlyList<string> Roles, bool Public = false, string Icon = "•");

/// <summary>The search index state reported on /health ("ready", "rebuilding", "closed"); provided by the Search module.</summary>
public interface ISearchIndexHealth
{
    string State { get; }
}
