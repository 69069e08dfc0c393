using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace TechTransfer.Demands.Pages;

/// <summary>
/// Base of this module's pages: services come from the page's own DI scope, so the page has its own DbContext. The
/// shell (layout, navigation) queries the request's DbContext while the page initialises; sharing it made PostgreSQL
/// requests fail with "a second operation was started on this context".
/// </summary>
public abstract class ModulePage : ComponentBase, IAsyncDisposable
{
    private AsyncServiceScope? _scope;

    [Inject] private IServiceScopeFactory ScopeFactory { get; set; } = default!;

    protected T Scoped<T>() where T : notnull
    {
        _scope ??= ScopeFactory.CreateAsyncScope();
        return _scope.Value.ServiceProvider.GetRequiredService<T>();
    }

    public async ValueTask DisposeAsync()
    {
        if (_scope is { } scope) await scope.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
