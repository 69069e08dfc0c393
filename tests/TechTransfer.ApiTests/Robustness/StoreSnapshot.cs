using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data;

namespace TechTransfer.ApiTests.Robustness;

/// <summary>
/// What the platform has stored: the row count of every table of the EF model (the audit log and the search outbox
/// included) and the number of attachment files on disk, read in one SQL statement. Compared before and after a request.
/// </summary>
public sealed class StoreSnapshot : IAsyncDisposable
{
    public const string OutboxTable = "platform_search_outbox";

    private readonly IServiceScope _scope;
    private readonly DbConnection _connection;
    private readonly string _sql;
    private readonly string _attachments;

    public IReadOnlyList<string> Tables { get; }

    private StoreSnapshot(IServiceScope scope, DbConnection connection, IReadOnlyList<string> tables, string attachments)
    {
        _scope = scope;
        _connection = connection;
        Tables = tables;
        _attachments = attachments;
        _sql = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT COUNT(*) FROM \"{t}\")"));
    }

    public static async Task<StoreSnapshot> OpenAsync(TechTransferFactory factory)
    {
        var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TechTransferDbContext>();
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetViewName() is null && e.GetSqlQuery() is null)
            .Select(e => e.GetTableName()).OfType<string>()
            .Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        return new StoreSnapshot(scope, connection, tables, Path.Combine(factory.DataDirectory, "attachments"));
    }

    /// <summary>Table → row count, plus "(attachment files)".</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = _sql;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var counts = new Dictionary<string, long>(Tables.Count + 1);
        for (var i = 0; i < Tables.Count; i++) counts[Tables[i]] = Convert.ToInt64(reader.GetValue(i));
        counts["(attachment files)"] = Directory.Exists(_attachments) ? Directory.EnumerateFiles(_attachments, "*", SearchOption.AllDirectories).LongCount() : 0;
        return counts;
    }

    /// <summary>
    /// "table +n, other −m" for the tables whose count changed; empty when nothing did. Outbox rows going away are the
    /// indexer's work in the background, never a request's, so only new outbox rows count.
    /// </summary>
    public static string Difference(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        string.Join(", ", after.Where(a => a.Key == OutboxTable ? a.Value > before.GetValueOrDefault(a.Key) : a.Value != before.GetValueOrDefault(a.Key))
            .Select(a => $"{a.Key} {(a.Value - before.GetValueOrDefault(a.Key)):+0;−0}"));

    /// <summary>Outbox rows the indexer gave up on (it failed to index them); later waits do not wait for them again.</summary>
    private long _stuckOutbox;

    /// <summary>
    /// Waits until the search indexer has drained the outbox (it runs after commits, in the background, and writes match
    /// notifications) and two counts in a row agree, so a count taken next changes only by what the next request does.
    /// Drained is false when the outbox still had rows after <paramref name="timeout"/>: the indexer could not index what
    /// was stored (those rows are then left out of later waits).
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, long> Counts, bool Drained)> SettledAsync(TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        var previous = await CountAsync();
        while (true)
        {
            await Task.Delay(40);
            var now = await CountAsync();
            if (now[OutboxTable] <= _stuckOutbox && previous.All(p => now[p.Key] == p.Value)) return (now, true);
            if (DateTime.UtcNow > until)
            {
                _stuckOutbox = now[OutboxTable];
                return (now, false);
            }
            previous = now;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.CloseAsync();
        _scope.Dispose();
    }
}
