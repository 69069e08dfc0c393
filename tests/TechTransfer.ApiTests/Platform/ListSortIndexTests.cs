using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel.Lists;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// Every list's sort keys (each <see cref="ListSort{T}"/> a module declares as a static field) sort by a column that leads
/// an index of its table (or is the key), so that sorting a large list never scans and sorts the whole table; the
/// planted list below proves the check fails for a column without an index.
/// </summary>
public abstract class ListSortIndexTests(TechTransferFactory factory)
{
    private static IEnumerable<(string Owner, object Sort, Type Entity)> DeclaredSorts() =>
        AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name?.StartsWith("TechTransfer.", StringComparison.Ordinal) == true
                && !a.GetName().Name!.Contains("Tests", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(f => (Type: t, Field: f)))
            .Where(x => x.Field.FieldType.IsGenericType && x.Field.FieldType.GetGenericTypeDefinition() == typeof(ListSort<>))
            .Select(x => ($"{x.Type.Name}.{x.Field.Name}", x.Field.GetValue(null)!, x.Field.FieldType.GetGenericArguments()[0]));

    private static List<string> Unindexed(Microsoft.EntityFrameworkCore.Metadata.IModel model, string owner, object sort, Type entity)
    {
        var problems = new List<string>();
        var type = model.FindEntityType(entity);
        if (type is null) return [$"{owner}: {entity.Name} is not in the model"];
        var columns = (IReadOnlyList<(string Key, LambdaExpression Column)>)sort.GetType().GetProperty(nameof(ListSort<object>.Columns))!.GetValue(sort)!;
        foreach (var (key, column) in columns)
        {
            var body = column.Body is UnaryExpression u ? u.Operand : column.Body;
            if (body is not MemberExpression { Member: var member } m || m.Expression is not ParameterExpression)
            {
                problems.Add($"{owner}: key {key} does not name a column");
                continue;
            }
            var property = type.FindProperty(member.Name);
            var leads = property is not null && (type.FindPrimaryKey()?.Properties[0] == property || type.GetIndexes().Any(i => i.Properties[0] == property));
            if (!leads) problems.Add($"{owner}: key {key} sorts by {entity.Name}.{member.Name}, which leads no index");
        }
        return problems;
    }

    [Fact]
    public async Task Every_sort_key_of_every_list_is_an_indexed_column()
    {
        // the host is started first, so every module's assembly is loaded
        var model = await factory.WithDbAsync((db, _) => Task.FromResult(db.Model));
        var sorts = DeclaredSorts().ToList();
        Assert.Contains(sorts, s => s.Owner == "ContractService.Sorts");
        Assert.Empty(sorts.SelectMany(s => Unindexed(model, s.Owner, s.Sort, s.Entity)));
    }

    [Fact]
    public async Task A_planted_sort_by_an_unindexed_column_is_caught()
    {
        var planted = new ListSort<TechTransfer.Contracts.Domain.TechnologyContract>(c => c.Id, "fee", false).Key("fee", c => c.TotalAmount);
        var problems = await factory.WithDbAsync((db, _) => Task.FromResult(Unindexed(db.Model, "planted", planted, typeof(TechTransfer.Contracts.Domain.TechnologyContract))));
        Assert.Equal(["planted: key fee sorts by TechnologyContract.TotalAmount, which leads no index"], problems);
    }
}

public sealed class ListSortIndexTests_Sqlite(SqliteFactory f) : ListSortIndexTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ListSortIndexTests_Postgres(PostgresFactory f) : ListSortIndexTests(f), IClassFixture<PostgresFactory>;
