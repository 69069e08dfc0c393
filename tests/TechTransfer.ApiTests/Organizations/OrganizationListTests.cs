using System.Net;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using static TechTransfer.ApiTests.Infrastructure.ListApi;

namespace TechTransfer.ApiTests.Organizations;

/// <summary>
/// The organisation list (机构库) as its page uses it: whitelisted sort keys on indexed columns either way, filters, page
/// size and total; its Excel export holds exactly the filtered rows with the public fields only (never contacts).
/// </summary>
public abstract class OrganizationListTests(TechTransferFactory factory)
{
    /// <summary>甲 (a university in 310101), then 乙 (an enterprise in 310115), then 丙 (an enterprise in 310104), a minute apart; the tag finds them.</summary>
    private async Task<string> ThreeOrganizationsAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310101", $"甲大学{tag}");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "310115", $"乙公司{tag}");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "310104", $"丙公司{tag}");
        return tag;
    }

    private static Task<(int Total, List<string> Names)> ListAsync(HttpClient client, string query) =>
        PageAsync(client, "/api/v1/organizations?" + query, o => o.GetProperty("nameZh").GetString()![..1]);

    [Fact]
    public async Task The_list_sorts_either_way_by_whitelisted_keys_pages_filters_and_counts()
    {
        var tag = await ThreeOrganizationsAsync();
        var enterprise = factory.ClientAs(TestUser.Of(Roles.Enterprise, (await factory.CreateOrganizationAsync()).Id));
        AssertPage(3, ["丙", "乙", "甲"], await ListAsync(enterprise, $"q={tag}"));
        AssertPage(3, ["甲", "乙", "丙"], await ListAsync(enterprise, $"q={tag}&sort=nameZh&desc=true"));
        AssertPage(3, ["甲", "乙", "丙"], await ListAsync(enterprise, $"q={tag}&sort=createdAt"));
        AssertPage(3, ["丙", "乙", "甲"], await ListAsync(enterprise, $"q={tag}&sort=updatedAt&desc=true"));
        AssertPage(3, ["甲", "丙", "乙"], await ListAsync(enterprise, $"q={tag}&sort=division"));
        Assert.Equal("甲", (await ListAsync(enterprise, $"q={tag}&sort=kind")).Names[2]); // Enterprise before University (the two enterprises by id)
        Assert.Equal("甲", (await ListAsync(enterprise, $"q={tag}&sort=kind&desc=true")).Names[0]);
        AssertPage(3, ["甲"], await ListAsync(enterprise, $"q={tag}&sort=nameZh&pageSize=2&page=2"));
        AssertPage(1, ["甲"], await ListAsync(enterprise, $"q={tag}&kind=University"));
        AssertPage(1, ["乙"], await ListAsync(enterprise, $"q={tag}&division=310115"));
        await ProblemAssert.HasFieldError(await enterprise.GetAsync("/api/v1/organizations?sort=address"), "sort", "paging.unknown_sort");
        await ProblemAssert.HasFieldError(await enterprise.GetAsync("/api/v1/organizations/export?sort=address"), "sort", "paging.unknown_sort");
        await ProblemAssert.HasFieldError(await enterprise.GetAsync("/api/v1/organizations?pageSize=0"), "pageSize", "paging.page_size_out_of_range");
    }

    [Theory]
    [InlineData("zh-CN", "中文名称", "机构类型", "高等院校", "行政区划", "黄浦区")]
    [InlineData("en", "Chinese name", "Kind", "University", "Administrative division", "Huangpu")]
    public async Task The_excel_export_holds_every_filtered_row_in_order_with_labels_and_no_contacts(string language, string nameHeader,
        string kindHeader, string university, string divisionHeader, string huangpu)
    {
        var tag = await ThreeOrganizationsAsync();
        var client = factory.ClientAs(TestUser.Of(Roles.Researcher, (await factory.CreateOrganizationAsync(OrganizationKind.University, "022")).Id), language);
        var response = await client.GetAsync($"/api/v1/organizations/export?q={tag}&sort=createdAt&desc=true&pageSize=1&page=1");
        AssertExportName(response, "organizations");
        var rows = await ListFile.RowsAsync(response);
        Assert.Equal(["丙", "乙", "甲"], rows.Select(r => r[nameHeader]!.ToString()![..1]).ToArray());
        Assert.Equal(university, rows[2][kindHeader]?.ToString());
        Assert.Contains(huangpu, rows[2][divisionHeader]?.ToString());
        // the public fields only: the contacts every test organisation has never leave its page
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v?.ToString() is { } s && (s.Contains("021-12345678") || s.Contains("c@example.cn")));
        Assert.Single(await ListFile.RowsAsync(await client.GetAsync($"/api/v1/organizations/export?q={tag}&kind=University")));
    }

    [Fact]
    public async Task Signed_out_callers_get_neither_the_list_nor_its_export()
    {
        var anonymous = factory.ClientAs(null);
        await ProblemAssert.IsProblem(await anonymous.GetAsync("/api/v1/organizations/export"), HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await ProblemAssert.IsProblem(await anonymous.GetAsync("/api/v1/organizations"), HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }
}

public sealed class OrganizationListTests_Sqlite(SqliteFactory f) : OrganizationListTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class OrganizationListTests_Postgres(PostgresFactory f) : OrganizationListTests(f), IClassFixture<PostgresFactory>;
