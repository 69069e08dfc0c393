using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using TechTransfer.Data.Audit;
using TechTransfer.SharedKernel;

namespace TechTransfer.Data;

/// <summary>
/// <see cref="TechTransferDbContext.SaveOrConflictAsync"/> for a hot single-writer path that saves many small rows per
/// transaction (the auction lot's writer): the same rows — the tracked changes, then the audit entries and outbox rows
/// that <see cref="AuditAndOutboxInterceptor"/> adds for them (its own code, so the same shape), checked by
/// <see cref="ColumnLengthGuard"/> — written with one reused, prepared command per statement shape (SQLite) or one
/// batch, one round trip (PostgreSQL), instead of EF's update pipeline. An update carries the row's concurrency tokens
/// in its <c>WHERE</c> exactly as EF does; an update that matches no row is a conflict (nothing more is written, the
/// caller rolls back). Runs inside the caller's transaction, which it neither commits nor rolls back. Entity types the
/// writer does not handle (owned or complex types, inheritance, store-computed values, deletes, self-references) make it
/// fall back to <see cref="TechTransferDbContext.SaveOrConflictAsync"/> before anything is written. After a successful save
/// the context tracks nothing (the unit of work is over).
/// </summary>
public static class BatchedSave
{
    private static readonly ConcurrentDictionary<IEntityType, TableShape?> Shapes = new();

    public static async Task<Error?> SaveBatchedOrConflictAsync(this TechTransferDbContext db, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A batched save runs inside the caller's transaction.");
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.State == EntityState.Deleted || ShapeOf(entry.Metadata) is null) return await db.SaveOrConflictAsync(ct);
        }

        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        if (interceptors.OfType<ColumnLengthGuard>().Any()) ColumnLengthGuard.Check(db);
        var audit = interceptors.OfType<AuditAndOutboxInterceptor>().SingleOrDefault();
        audit?.CaptureForBatchedSave(db);

        var rows = new List<(TableShape Shape, EntityEntry Entry)>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            var shape = ShapeOf(entry.Metadata)
                ?? throw new InvalidOperationException($"{entry.Metadata.ShortName()} cannot be written by a batched save.");
            rows.Add((shape, entry));
        }
        // principals before dependents (foreign keys are checked per statement); within a table updates, then inserts
        var ranks = Ranks(rows.Select(r => r.Shape.EntityType).Distinct().ToList());
        rows.Sort((a, b) =>
        {
            var c = ranks[a.Shape.EntityType].CompareTo(ranks[b.Shape.EntityType]);
            if (c != 0) return c;
            c = string.CompareOrdinal(a.Shape.Table, b.Shape.Table);
            return c != 0 ? c : (a.Entry.State == EntityState.Modified ? 0 : 1).CompareTo(b.Entry.State == EntityState.Modified ? 0 : 1);
        });

        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var ok = db.Provider == DatabaseProvider.Postgres && connection.CanCreateBatch
            ? await WriteBatchAsync(connection, dbTransaction, rows, ct)
            : await WriteOneByOneAsync(connection, dbTransaction, rows, ct);
        tracker.Clear();
        if (!ok) return Error.ConcurrencyConflict;
        audit?.BatchedSaveCompleted();
        return null;
    }

    /// <summary>SQLite: one command per statement text, prepared once and executed for each of its rows (in-process, no round trips).</summary>
    private static async Task<bool> WriteOneByOneAsync(DbConnection connection, DbTransaction transaction,
        List<(TableShape Shape, EntityEntry Entry)> rows, CancellationToken ct)
    {
        var commands = new Dictionary<string, DbCommand>();
        try
        {
            foreach (var (shape, entry) in rows)
            {
                var statement = shape.Statement(entry);
                if (statement is null) continue;
                if (!commands.TryGetValue(statement.Value.Sql, out var command))
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = statement.Value.Sql;
                    commands[statement.Value.Sql] = command;
                }
                command.Parameters.Clear();
                foreach (var (mapping, name, value, nullable) in statement.Value.Parameters)
                    command.Parameters.Add(mapping.CreateParameter(command, name, value, nullable));
                var affected = await command.ExecuteNonQueryAsync(ct);
                if (statement.Value.Guarded && affected != 1) return false;
            }
            return true;
        }
        finally
        {
            foreach (var command in commands.Values) await command.DisposeAsync();
        }
    }

    /// <summary>PostgreSQL: every statement in one batch (one round trip); a guarded update that matched no row is a conflict.</summary>
    private static async Task<bool> WriteBatchAsync(DbConnection connection, DbTransaction transaction,
        List<(TableShape Shape, EntityEntry Entry)> rows, CancellationToken ct)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        await using var factory = connection.CreateCommand(); // parameters are made by the type mappings, which need a command
        var guarded = new List<DbBatchCommand>();
        foreach (var (shape, entry) in rows)
        {
            var statement = shape.Statement(entry);
            if (statement is null) continue;
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Value.Sql;
            foreach (var (mapping, name, value, nullable) in statement.Value.Parameters)
                command.Parameters.Add(mapping.CreateParameter(factory, name, value, nullable));
            batch.BatchCommands.Add(command);
            if (statement.Value.Guarded) guarded.Add(command);
        }
        if (batch.BatchCommands.Count == 0) return true;
        await batch.ExecuteNonQueryAsync(ct);
        return guarded.All(c => c.RecordsAffected == 1);
    }

    private static Dictionary<IEntityType, int> Ranks(List<IEntityType> types)
    {
        var ranks = new Dictionary<IEntityType, int>();
        int Rank(IEntityType type, int depth)
        {
            if (ranks.TryGetValue(type, out var known)) return known;
            if (depth > types.Count) throw new InvalidOperationException("Cyclic foreign keys cannot be written by a batched save.");
            var rank = 0;
            foreach (var fk in type.GetForeignKeys())
                if (fk.PrincipalEntityType != type && types.Contains(fk.PrincipalEntityType))
                    rank = Math.Max(rank, Rank(fk.PrincipalEntityType, depth + 1) + 1);
            return ranks[type] = rank;
        }
        foreach (var type in types) Rank(type, 0);
        return ranks;
    }

    private static TableShape? ShapeOf(IEntityType type) => Shapes.GetOrAdd(type, TableShape.TryCreate);

    private readonly record struct Parameter(RelationalTypeMapping Mapping, string Name, object? Value, bool Nullable);

    private readonly record struct Statement(string Sql, List<Parameter> Parameters, bool Guarded);

    /// <summary>How rows of one entity type are written: its table and its columns with their type mappings.</summary>
    private sealed class TableShape
    {
        private TableShape(IEntityType entityType, string table, List<IColumnMapping> columns)
        {
            EntityType = entityType;
            Table = table;
            Columns = columns;
        }

        public IEntityType EntityType { get; }
        public string Table { get; }
        private List<IColumnMapping> Columns { get; }

        public static TableShape? TryCreate(IEntityType type)
        {
            if (type.IsOwned() || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any()) return null;
            if (type.GetComplexProperties().Any() || type.IsMappedToJson()) return null;
            if (type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())) return null;
            if (type.GetForeignKeys().Any(fk => fk.PrincipalEntityType == type)) return null;
            if (type.GetTableName() is not { } table || type.GetViewName() is not null || type.GetSqlQuery() is not null) return null;
            var mappings = type.GetTableMappings().ToList();
            if (mappings.Count != 1 || mappings[0].Table.EntityTypeMappings.Count() != 1) return null;
            if (type.GetProperties().Any(p => p.ValueGenerated is ValueGenerated.OnUpdate or ValueGenerated.OnAddOrUpdate or ValueGenerated.OnUpdateSometimes))
                return null;
            var columns = mappings[0].ColumnMappings.ToList();
            if (columns.Count != type.GetProperties().Count()) return null;
            return new TableShape(type, Quote(table, type.GetSchema()), columns);
        }

        /// <summary>The statement for one tracked row, or null when it changes nothing.</summary>
        public Statement? Statement(EntityEntry entry)
        {
            var parameters = new List<Parameter>();
            var sql = new StringBuilder();
            string Add(IColumnMapping column, object? value)
            {
                var name = "@p" + parameters.Count;
                parameters.Add(new Parameter(column.TypeMapping, name, value, column.Column.IsNullable));
                return name;
            }
            if (entry.State == EntityState.Added)
            {
                var names = new List<string>();
                var values = new List<string>();
                foreach (var column in Columns)
                {
                    var property = entry.Property(column.Property.Name);
                    // a store-generated value (identity key, database default) is left to the database, as EF does
                    if (column.Property.ValueGenerated.HasFlag(ValueGenerated.OnAdd)
                        && (property.IsTemporary || Equals(property.CurrentValue, column.Property.Sentinel))) continue;
                    names.Add(Quote(column.Column.Name));
                    values.Add(Add(column, property.CurrentValue));
                }
                sql.Append("INSERT INTO ").Append(Table).Append(" (").AppendJoin(", ", names).Append(") VALUES (")
                    .AppendJoin(", ", values).Append(')');
                return new Statement(sql.ToString(), parameters, false);
            }

            var sets = new List<string>();
            foreach (var column in Columns)
            {
                var property = entry.Property(column.Property.Name);
                if (property.IsModified && !column.Property.IsPrimaryKey()) sets.Add(Quote(column.Column.Name) + " = " + Add(column, property.CurrentValue));
            }
            if (sets.Count == 0) return null;
            var where = new List<string>();
            foreach (var column in Columns)
            {
                var isKey = column.Property.IsPrimaryKey();
                if (!isKey && !column.Property.IsConcurrencyToken) continue;
                var original = entry.Property(column.Property.Name).OriginalValue;
                where.Add(original is null ? Quote(column.Column.Name) + " IS NULL" : Quote(column.Column.Name) + " = " + Add(column, original));
            }
            sql.Append("UPDATE ").Append(Table).Append(" SET ").AppendJoin(", ", sets).Append(" WHERE ").AppendJoin(" AND ", where);
            // every update must match its row (EF's rule): a missing row is a conflict like a changed token
            return new Statement(sql.ToString(), parameters, true);
        }

        private static string Quote(string name, string? schema = null) =>
            (schema is null ? "" : "\"" + schema.Replace("\"", "\"\"") + "\".") + "\"" + name.Replace("\"", "\"\"") + "\"";
    }
}
