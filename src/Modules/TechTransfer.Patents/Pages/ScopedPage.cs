using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace TechTransfer.Patents.Pages;

/// <summary>
/// A page whose use-case services come from its own DI scope, so its database work never overlaps the layout's
/// (MainLayout reads the unread-notification count on the request's DbContext while the page initialises; on PostgreSQL
/// the two queries would otherwise run concurrently on one DbContext).
/// </summary>
public abstract class ScopedPage : ComponentBase, IAsyncDisposable
{
    private AsyncServiceScope? _scope;

    [Inject] private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    protected T Use<T>() where T : notnull => (_scope ??= ScopeFactory.CreateAsyncScope()).ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (_scope is { } s) await s.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
