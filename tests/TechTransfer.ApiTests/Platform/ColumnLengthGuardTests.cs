using Microsoft.EntityFrameworkCore;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data;
using TechTransfer.Organizations.Domain;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// Text longer than its column is refused before it reaches the database, the same way on both providers (PostgreSQL
/// would fail the statement, SQLite would store it): the save throws <see cref="ColumnLengthExceededException"/>, which
/// the host answers with a 422 (<c>validation.text_too_long</c>), and nothing is written.
/// </summary>
public abstract class ColumnLengthGuardTests(TechTransferFactory factory)
{
    private static Organization NewOrganization(string nameZh, TechTransferFactory factory) => Organization.Register(new OrganizationDetails(
        nameZh, "Guard test", TestData.NewCreditCode(), OrganizationKind.Enterprise, "150", "CHN", "310104", null, null, null, null, []),
        factory.Clock.GetUtcNow());

    [Fact]
    public async Task Text_longer_than_its_column_is_refused_with_the_field_named_and_nothing_is_saved()
    {
        var tooLong = NewOrganization(new string('名', 5000), factory);
        var error = await Assert.ThrowsAsync<ColumnLengthExceededException>(() => factory.WithDbAsync(async db =>
        {
            db.Add(tooLong);
            await db.SaveChangesAsync();
        }));
        var field = Assert.Single(error.Fields);
        Assert.Equal("nameZh", field.Field);
        Assert.Equal("validation.text_too_long", field.Code);
        Assert.False(await factory.WithDbAsync((db, _) => db.Set<Organization>().AnyAsync(o => o.Id == tooLong.Id)));
    }

    [Fact]
    public async Task Text_that_fits_its_column_is_saved()
    {
        var fits = NewOrganization("上海" + new string('测', 20), factory);
        await factory.WithDbAsync(async db =>
        {
            db.Add(fits);
            await db.SaveChangesAsync();
        });
        Assert.True(await factory.WithDbAsync((db, _) => db.Set<Organization>().AnyAsync(o => o.Id == fits.Id)));
    }
}

public sealed class ColumnLengthGuardTests_Sqlite(SqliteFactory f) : ColumnLengthGuardTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ColumnLengthGuardTests_Postgres(PostgresFactory f) : ColumnLengthGuardTests(f), IClassFixture<PostgresFactory>;
