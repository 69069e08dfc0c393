namespace TechTransfer.Platform;

/// <summary>
/// Loads a module's part of the deterministic demo dataset (first start with an empty data directory, or
/// <c>tt seed demo</c>). Seeders run in <see cref="Order"/>; organisations and accounts come first (Order 0).
/// Use only the project's own generated data, never ../shared/data.
/// </summary>
public interface IDemoDataSeeder
{
    int Order { get; }
    Task SeedAsync(DemoDataContext context, CancellationToken ct);
}

/// <summary>What earlier seeders created, for later ones to reference: organisations and users by stable demo keys.</summary>
public sealed class DemoDataContext(DateTimeOffset now)
{
    /// <summary>The clock of the seed run; every date in the demo dataset is relative to it.</summary>
    public DateTimeOffset Now { get; } = now;
    public Dictionary<string, Guid> Organizations { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Guid> Users { get; } = new(StringComparer.Ordinal);
    /// <summary>A fixed seed so every run produces the same dataset.</summary>
    public Random Random { get; } = new(20240827);
}
