using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using TechTransfer.ApiTests.Infrastructure;
using static TechTransfer.ApiTests.Contracts.ContractTestSupport;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>
/// A registry configured with its own (Shanghai) rule sets, as R0.2 makes them [CFG]: the national set of 2026, and a
/// Shanghai set until 31 August 2026 (10 working days, threshold 5,000,000) followed by one from 1 September (12 working
/// days, threshold 8,000,000). The office's division code (310000) makes it a Shanghai registry.
/// </summary>
internal static class ShanghaiRuleSets
{
    public static void Configure(IWebHostBuilder builder)
    {
        var sets = new (string Id, string Jurisdiction, string From, string? To, int Days, decimal Threshold)[]
        {
            ("National-2026", "National", "2026-01-01", null, 15, 5_000_000m),
            ("Shanghai-2026", "Shanghai", "2026-01-01", "2026-08-31", 10, 5_000_000m),
            ("Shanghai-2026-09", "Shanghai", "2026-09-01", null, 12, 8_000_000m),
        };
        for (var i = 0; i < sets.Length; i++)
        {
            var (id, jurisdiction, from, to, days, threshold) = sets[i];
            var p = $"Contracts:RuleSets:{i}:";
            builder.UseSetting(p + "RuleSetId", id);
            builder.UseSetting(p + "Jurisdiction", jurisdiction);
            builder.UseSetting(p + "EffectiveFrom", from);
            if (to is not null) builder.UseSetting(p + "EffectiveTo", to);
            builder.UseSetting(p + "SourceRef", "test configuration");
            builder.UseSetting(p + "StandardSlaDays", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting(p + "LargeContractThreshold", threshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        builder.UseSetting("Contracts:OfficeDivisionCode", "310000");
    }
}

public sealed class ShanghaiRuleSetsSqliteFactory() : TechTransferFactory(StorageProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ShanghaiRuleSets.Configure(builder);
    }
}

public sealed class ShanghaiRuleSetsPostgresFactory() : TechTransferFactory(StorageProvider.Postgres)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ShanghaiRuleSets.Configure(builder);
    }
}

/// <summary>R0.2 / R2.10 through HTTP: the procedure rules of the acceptance date, the content rules of the signing date, the registry's jurisdiction first.</summary>
public abstract class ContractRuleSetApiTests(TechTransferFactory factory)
{
    private async Task<Guid> SubmittedOnAug31Async(ContractParties s, decimal total)
    {
        var seller = factory.ClientAs(s.SellerUser);
        var body = JsonSerializer.SerializeToNode(DraftRequest(s, total))!.AsObject();
        body["signedDate"] = "2026-08-20";
        body["validFrom"] = "2026-08-20";
        body["validTo"] = "2027-08-19";
        var created = await seller.PostAsJsonAsync("/api/v1/contracts", body);
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Shanghai-2026", json.GetProperty("contentRuleSetId").GetString());
        var id = json.GetProperty("id").GetGuid();
        await OkAsync(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/attachments",
            new { kind = "ContractText", fileName = "合同.pdf", contentType = "application/pdf", sizeBytes = 1000 }));
        await OkAsync(await seller.PostAsync($"/api/v1/contracts/{id}/submit", null));
        return id;
    }

    [Fact]
    public async Task A_contract_submitted_under_one_shanghai_rule_set_and_accepted_under_the_next_follows_the_acceptance_date()
    {
        // 31 August 2026, 10:00 in Shanghai (the clock only moves forward; this class has its own application and database)
        var aug31 = new DateTimeOffset(2026, 8, 31, 2, 0, 0, TimeSpan.Zero);
        if (factory.Clock.GetUtcNow() < aug31) factory.Clock.SetUtcNow(aug31);
        var s = await factory.NewPartiesAsync();
        var standard = await SubmittedOnAug31Async(s, 1_000_000m);
        var sixMillion = await SubmittedOnAug31Async(s, 6_000_000m);
        var registrar = factory.ClientAs(s.Registrar);
        Assert.True((await OkAsync(await registrar.GetAsync($"/api/v1/contracts/{sixMillion}"))).GetProperty("isLargeContract").GetBoolean()); // by August's threshold

        factory.Clock.Advance(TimeSpan.FromDays(1)); // accepted on 1 September
        var accepted = await OkAsync(await registrar.PostAsync($"/api/v1/contracts/{standard}/accept", null));
        Assert.Equal("Shanghai-2026-09", accepted.GetProperty("procedureRuleSetId").GetString());
        Assert.Equal("Shanghai-2026", accepted.GetProperty("contentRuleSetId").GetString());
        Assert.Equal(12, accepted.GetProperty("slaDays").GetInt32());

        var large = await OkAsync(await registrar.PostAsync($"/api/v1/contracts/{sixMillion}/accept", null));
        Assert.False(large.GetProperty("isLargeContract").GetBoolean()); // September's threshold is 8,000,000
        Assert.Equal(12, large.GetProperty("slaDays").GetInt32());
        var registered = await OkAsync(await registrar.PostAsJsonAsync($"/api/v1/contracts/{sixMillion}/register", new { }));
        Assert.Equal("Registered", registered.GetProperty("status").GetString()); // no expert review required
    }
}

public sealed class ContractRuleSetApiTests_Sqlite(ShanghaiRuleSetsSqliteFactory f) : ContractRuleSetApiTests(f), IClassFixture<ShanghaiRuleSetsSqliteFactory>;

[Collection("Postgres")]
public sealed class ContractRuleSetApiTests_Postgres(ShanghaiRuleSetsPostgresFactory f) : ContractRuleSetApiTests(f), IClassFixture<ShanghaiRuleSetsPostgresFactory>;
