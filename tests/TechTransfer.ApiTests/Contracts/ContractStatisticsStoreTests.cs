using TechTransfer.SharedKernel.Time;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Contracts.Data;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Contracts.Features.Statistics;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using UnifiedSocialCreditCode = TechTransfer.Contracts.Domain.UnifiedSocialCreditCode;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>
/// The pre-aggregated statistics (day, month and year buckets) against the plain computation over the contracts, and the
/// registration serial under concurrency, once on SQLite and once on PostgreSQL. Correctness only; speed is in bench/.
/// </summary>
public abstract class ContractStatisticsStoreTests(TechTransferFactory factory)
{
    private static readonly (DateOnly From, DateOnly To)[] Ranges =
    [
        (new(2023, 1, 1), new(2025, 12, 31)),  // whole years
        (new(2024, 1, 1), new(2024, 12, 31)),  // one year
        (new(2023, 3, 15), new(2024, 8, 20)),  // partial months and a partial year at both ends
        (new(2023, 7, 1), new(2025, 6, 30)),   // whole months around one whole year
        (new(2023, 12, 20), new(2024, 1, 10)), // across a year end, no whole month
        (new(2024, 2, 3), new(2024, 2, 27)),   // inside one month
        (new(2024, 5, 17), new(2024, 5, 17)),  // one day
        (new(2020, 1, 1), new(2030, 12, 31)),  // beyond the data
    ];

    /// <summary>Registers a generated sample through the domain and keeps the statistics the way the use cases do.</summary>
    private async Task SeedAsync(int seed, int count)
    {
        await factory.WithDbAsync(async (db, sp) =>
        {
            var catalog = sp.GetRequiredService<ContractRuleSetCatalog>();
            var calendar = sp.GetRequiredService<HolidayCalendar>();
            var store = sp.GetRequiredService<ContractStatisticsStore>();
            var rnd = new Random(seed);
            var issuer = new Issuer(seed * 100_000);
            (ContractCategory, ContractSubType)[] kinds =
            [
                (ContractCategory.Development, ContractSubType.Commissioned), (ContractCategory.Development, ContractSubType.Cooperative),
                (ContractCategory.Service, ContractSubType.GeneralService), (ContractCategory.Consulting, ContractSubType.None),
            ];
            (string Nature, string Division)[] sellers = [("022", "310110"), ("150", "310104"), ("110", "310115"), ("150", "320102")];
            (string Nature, string Country, string? Division)[] buyers =
                [("150", "CHN", "320102"), ("160", "CHN", "330106"), ("150", "CHN", "340104"), ("011", "CHN", "310115"), ("300", "USA", null)];
            string?[] fields = ["电子信息", "生物医药", "新材料", null];
            for (var i = 0; i < count; i++)
            {
                var day = new DateOnly(2023, 1, 1).AddDays(rnd.Next(3 * 365 + 1));
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
                var (category, subType) = kinds[rnd.Next(kinds.Length)];
                var seller = sellers[rnd.Next(sellers.Length)];
                var buyer = buyers[rnd.Next(buyers.Length)];
                var owner = Guid.NewGuid();
                var total = Math.Round((decimal)Math.Exp(11 + rnd.NextDouble() * 4), 2);
                var details = new ContractDetails
                {
                    ProjectName = $"统计样本合同 {seed}-{i}", Category = category, SubType = subType,
                    SignedDate = day.AddDays(-20), ValidFrom = day.AddDays(-20), ValidTo = day.AddYears(1),
                    TotalAmount = total, TechnicalField = fields[rnd.Next(fields.Length)],
                    // R2.6: every eleventh is a mixed contract that counts its stated technical part
                    IsMixedContract = i % 11 == 4, StatedTechnicalPartAmount = i % 11 == 4 ? Math.Round(total * 0.6m, 2) : null,
                    Parties =
                    [
                        new PartyInput(PartyRole.Seller, "样本卖方", UnifiedSocialCreditCode.WithCheckCharacter("12310110MA1FL0001"), seller.Nature, "CHN", seller.Division, owner),
                        new PartyInput(PartyRole.Buyer, "样本买方", buyer.Country == "CHN" ? UnifiedSocialCreditCode.WithCheckCharacter("91320500MA1XY0002") : null,
                            buyer.Nature, buyer.Country, buyer.Division),
                    ],
                };
                var drafted = TechnologyContract.Draft(details, owner, null, at.AddDays(-5), catalog);
                Assert.True(drafted.IsSuccess, drafted.Error?.Code);
                var c = drafted.Value;
                c.AddAttachment(new AttachmentInfo(AttachmentKind.ContractText, "c.pdf", "application/pdf", 1, null, at.AddDays(-5)), at.AddDays(-5));
                Assert.True(c.Submit(owner, null, at.AddDays(-4), catalog).IsSuccess);
                Assert.True(c.Accept(Guid.NewGuid(), null, at.AddDays(-3), catalog, calendar).IsSuccess);
                if (c.IsLargeContract) Assert.True(c.SendToExpertReview(null, null, at.AddDays(-1)).IsSuccess);
                var assessed = rnd.Next(3) == 0 ? Math.Round(c.DeclaredTechTransactionAmount * 0.8m, 2) : c.DeclaredTechTransactionAmount;
                var registered = c.Register(assessed, "310104", issuer, null, at, catalog);
                Assert.True(registered.IsSuccess, registered.Error?.Code);
                await store.ApplyAsync(null, ContractStatisticsFacts.From(c), CancellationToken.None);
                var before = ContractStatisticsFacts.From(c);
                switch (i % 9)
                {
                    case 3:
                        Assert.True(c.ChangeRegistration(new ContractChange("补充协议", TotalAmount: total + 1000m), null, at.AddDays(30), catalog).IsSuccess);
                        break;
                    case 5:
                        Assert.True(c.Cancel("合同解除", null, at.AddDays(10)).IsSuccess);
                        break;
                    case 7:
                        Assert.True(c.Revoke(RevocationReason.DuplicateRegistration, null, null, at.AddDays(12)).IsSuccess);
                        break;
                }
                await store.ApplyAsync(before, ContractStatisticsFacts.From(c), CancellationToken.None);
                db.Add(c);
            }
            Assert.Null(await store.SaveChangesAsync(CancellationToken.None));
            return true;
        });
    }

    private sealed class Issuer(int start) : IRegistrationNumberIssuer
    {
        private int _next = start;
        public string Next(int year, string officeDivisionCode) => $"{year:D4}{officeDivisionCode}{++_next % 1_000_000:D6}";
    }

    private Task<List<ContractStatisticsFacts>> AllFactsAsync() => factory.WithDbAsync(async (db, _) =>
        (await db.Set<TechnologyContract>().AsNoTracking().ToListAsync()).Select(ContractStatisticsFacts.From).OfType<ContractStatisticsFacts>().ToList());

    private Task<StatisticsResult> QueryAsync(DateOnly from, DateOnly to, StatisticsGroupBy g) => factory.WithDbAsync(async (_, sp) =>
        (await sp.GetRequiredService<ContractStatisticsStore>().QueryAsync(from, to, g, CancellationToken.None)).Value);

    private static IEnumerable<(string, long, decimal, decimal)> Flat(StatisticsResult r) =>
        r.Rows.Select(x => (x.Key, x.Count, x.TotalAmount, x.TechTransactionAmount));

    [Fact]
    public async Task Every_grouping_and_range_from_the_day_month_and_year_buckets_equals_the_plain_computation()
    {
        await SeedAsync(seed: 1, count: 240);
        var facts = await AllFactsAsync();
        Assert.True(facts.Count > 150);
        foreach (var g in Enum.GetValues<StatisticsGroupBy>())
        foreach (var (from, to) in Ranges)
            Assert.Equal(Flat(ContractStatistics.Aggregate(facts, from, to, g)), Flat(await QueryAsync(from, to, g)));
    }

    [Fact]
    public async Task Rebuilding_the_buckets_from_the_contracts_table_gives_the_buckets_kept_by_the_use_cases()
    {
        await SeedAsync(seed: 2, count: 120);
        Task<List<(string, int, string, string, long, long, long)>> Buckets() => factory.WithDbAsync(async (db, _) =>
            (await db.Set<ContractStatisticsBucket>().AsNoTracking().Where(b => b.ContractCount != 0 || b.TotalAmountFen != 0 || b.TechAmountFen != 0).ToListAsync())
            .Select(b => (b.Granularity.ToString(), b.Period, b.Dimension, b.Key, b.ContractCount, b.TotalAmountFen, b.TechAmountFen))
            .OrderBy(b => b.Item1, StringComparer.Ordinal).ThenBy(b => b.Period).ThenBy(b => b.Dimension, StringComparer.Ordinal).ThenBy(b => b.Key, StringComparer.Ordinal)
            .ToList());
        var kept = await Buckets();
        await factory.WithDbAsync(async (_, sp) => { await sp.GetRequiredService<ContractStatisticsStore>().RebuildAsync(CancellationToken.None); return true; });
        var rebuilt = await Buckets();
        Assert.Contains(kept, b => b.Item1 == "Y");
        Assert.Equal(kept, rebuilt);
    }

    // ---------------- the drill-down: the contract list behind a statistics row ----------------

    [Fact]
    public async Task The_contract_list_behind_every_statistics_row_has_exactly_the_rows_count()
    {
        await SeedAsync(seed: 3, count: 90);
        var analystOrg = await factory.CreateOrganizationAsync(OrganizationKind.GovernmentAgency, "011", "310101");
        var analyst = factory.ClientAs(TestUser.Of(Roles.Analyst, analystOrg.Id));
        (DateOnly From, DateOnly To)[] ranges = [(new(2023, 1, 1), new(2025, 12, 31)), (new(2023, 3, 15), new(2024, 8, 20))];
        var checkedRows = 0;
        foreach (var (from, to) in ranges)
        foreach (var g in Enum.GetValues<StatisticsGroupBy>())
        {
            var stats = await QueryAsync(from, to, g);
            Assert.NotEmpty(stats.Rows);
            foreach (var row in stats.Rows)
            {
                var url = "/api/v1/contracts?pageSize=1&" + ContractStatisticsDrillDown.ListQueryString(g, row.Key, from, to);
                var response = await analyst.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
                var total = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
                Assert.True(row.Count == total, $"{g} {row.Key} {from}–{to}: statistics {row.Count}, list {total}");
                checkedRows++;
            }
        }
        Assert.True(checkedRows > 40);
        // the drill-down only narrows what a caller sees: an unrelated enterprise finds none of these contracts
        var stranger = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "310115");
        var none = await factory.ClientAs(TestUser.Of(Roles.Enterprise, stranger.Id))
            .GetAsync("/api/v1/contracts?groupBy=Year&key=2024&registeredFrom=2023-01-01&registeredTo=2025-12-31");
        Assert.Equal(0, (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
        // invalid drill-downs are 422 with their own codes
        await ProblemAssert.HasFieldError(await analyst.GetAsync("/api/v1/contracts?groupBy=Month&key=2024-13"), "key", "contract_statistics.key_invalid");
        await ProblemAssert.HasFieldError(await analyst.GetAsync("/api/v1/contracts?groupBy=RegionFlow&key=31"), "key", "contract_statistics.key_invalid");
        await ProblemAssert.HasFieldError(await analyst.GetAsync("/api/v1/contracts?key=2024"), "groupBy", "contract_statistics.key_without_group_by");
        await ProblemAssert.IsProblem(await analyst.GetAsync("/api/v1/contracts?groupBy=colour&key=x"), HttpStatusCode.UnprocessableEntity, "contract_statistics.group_by_invalid");
        await ProblemAssert.IsProblem(await analyst.GetAsync("/api/v1/contracts?registeredFrom=2025-01-01&registeredTo=2024-01-01"), HttpStatusCode.UnprocessableEntity, "contract_statistics.range_invalid");
    }

    [Fact]
    public async Task An_analyst_reads_registered_contracts_but_not_drafts_submissions_or_cancelled_ones()
    {
        await SeedAsync(seed: 4, count: 20);
        var (ids, statuses) = await factory.WithDbAsync(async (db, _) =>
        {
            var all = await db.Set<TechnologyContract>().AsNoTracking().Select(c => new { c.Id, c.Status, c.RegistrationNo }).ToListAsync();
            return (all.Select(c => c.Id).ToList(), all.ToDictionary(c => c.Id, c => (c.Status, c.RegistrationNo)));
        });
        var (registrarUser, accepted) = await AcceptedContractsAsync(1);
        var analyst = factory.ClientAs(TestUser.Of(Roles.Analyst, null));
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/v1/contracts/{accepted[0]}")).StatusCode);
        var registered = ids.First(id => statuses[id].Status == RegistrationStatus.Registered);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/v1/contracts/{registered}")).StatusCode);
        var cancelled = ids.First(id => statuses[id].Status == RegistrationStatus.Cancelled);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/v1/contracts/{cancelled}")).StatusCode);
        // read-only: the analyst cannot act on a registered contract
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/v1/contracts/{registered}/cancel", new { reason = "测试" })).StatusCode);
        Assert.NotNull(registrarUser);
    }

    // ---------------- the registration serial ----------------

    private async Task<(TestUser Registrar, List<Guid> Ids)> AcceptedContractsAsync(int count)
    {
        var seller = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var buyer = await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "320102");
        var registry = await factory.CreateOrganizationAsync(OrganizationKind.RegistrationOffice, "024", "310104");
        var sellerClient = factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, seller.Id));
        var registrarUser = TestUser.Of(Roles.Registrar, registry.Id);
        var registrar = factory.ClientAs(registrarUser);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var created = await sellerClient.PostAsJsonAsync("/api/v1/contracts", new
            {
                projectName = $"编号并发测试 {Guid.NewGuid():N}"[..20], category = "Development", subType = "Commissioned", form = "Written",
                signedDate = "2026-02-20", validFrom = "2026-02-20", validTo = "2027-02-19", totalAmount = 500_000m + i, technicalField = "电子信息",
                parties = new object[]
                {
                    new { role = "Seller", name = seller.NameZh, creditCode = seller.CreditCode, entityNature = "022", countryCode = "CHN", divisionCode = "310110", organizationId = seller.Id },
                    new { role = "Buyer", name = buyer.NameZh, creditCode = buyer.CreditCode, entityNature = "150", countryCode = "CHN", divisionCode = "320102", organizationId = buyer.Id },
                },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await sellerClient.PostAsJsonAsync($"/api/v1/contracts/{id}/attachments",
                new { kind = "ContractText", fileName = "合同.pdf", contentType = "application/pdf", sizeBytes = 1000 })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await sellerClient.PostAsync($"/api/v1/contracts/{id}/submit", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await registrar.PostAsync($"/api/v1/contracts/{id}/accept", null)).StatusCode);
            ids.Add(id);
        }
        return (registrarUser, ids);
    }

    private static async Task<string> RegisterAsync(HttpClient client, Guid id)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationNo").GetString()!;
    }

    [Fact]
    public async Task Concurrent_registrations_take_distinct_consecutive_serials()
    {
        var (registrar, ids) = await AcceptedContractsAsync(6);
        var numbers = await Task.WhenAll(ids.Select(id => Task.Run(() => RegisterAsync(factory.ClientAs(registrar), id))));
        var serials = numbers.Select(n => long.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(6, serials.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 6).Select(i => serials[0] + i), serials);
    }

    private Task<long> RegisteredCountAsync() => factory.WithDbAsync(async (db, _) =>
        (await db.Set<ContractStatisticsBucket>().AsNoTracking()
            .Where(b => b.Granularity == ContractStatisticsStore.YearGrain && b.Dimension == StatisticsDimensions.All).ToListAsync())
        .Sum(b => b.ContractCount));

    [Fact]
    public async Task Two_registrars_registering_one_contract_at_once_count_it_once_and_use_one_serial()
    {
        var (registrarUser, ids) = await AcceptedContractsAsync(2);
        var before = await RegisteredCountAsync();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            factory.ClientAs(registrarUser).PostAsJsonAsync($"/api/v1/contracts/{ids[0]}/register", new { }))));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], attempts.Select(r => r.StatusCode).Order().ToArray());
        var first = (await attempts.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationNo").GetString()!;
        // the loser's statistics delta and serial were written before its contract update failed: both rolled back
        Assert.Equal(before + 1, await RegisteredCountAsync());
        var second = await RegisterAsync(factory.ClientAs(registrarUser), ids[1]);
        Assert.Equal(long.Parse(first[^6..], System.Globalization.CultureInfo.InvariantCulture) + 1,
            long.Parse(second[^6..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_refused_registration_does_not_use_up_a_serial()
    {
        var (registrarUser, ids) = await AcceptedContractsAsync(2);
        var registrar = factory.ClientAs(registrarUser);
        var first = await RegisterAsync(registrar, ids[0]);
        await ProblemAssert.HasFieldError(await registrar.PostAsJsonAsync($"/api/v1/contracts/{ids[1]}/register", new { assessedTechTransactionAmount = -1m }),
            "assessedTechTransactionAmount", "contract.assessed_amount_out_of_range");
        // refused by the contract itself (above its registerable amount) after the body passed: no serial used either
        await ProblemAssert.IsProblem(await registrar.PostAsJsonAsync($"/api/v1/contracts/{ids[1]}/register", new { assessedTechTransactionAmount = 1e12m }),
            HttpStatusCode.UnprocessableEntity, "contract.assessed_amount_out_of_range");
        var second = await RegisterAsync(registrar, ids[1]);
        Assert.Equal(long.Parse(first[^6..], System.Globalization.CultureInfo.InvariantCulture) + 1,
            long.Parse(second[^6..], System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class ContractStatisticsStoreTests_Sqlite(SqliteFactory f) : ContractStatisticsStoreTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ContractStatisticsStoreTests_Postgres(PostgresFactory f) : ContractStatisticsStoreTests(f), IClassFixture<PostgresFactory>;
