using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Contracts.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>The demo dataset's contracts carry downloadable attachment files and technology income certifications.</summary>
public abstract class ContractDemoDataTests(TechTransferFactory factory)
{
    private async Task SeedAsync() =>
        await factory.WithDbAsync(async (db, sp) =>
        {
            if (!await db.Set<TechnologyContract>().AnyAsync()) await sp.GetRequiredService<DatabaseInitializer>().SeedDemoAsync(CancellationToken.None);
            return true;
        });

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Demo_contracts_have_attachment_files_that_a_registrar_downloads_as_the_stored_pdf()
    {
        await SeedAsync();
        var withFiles = await factory.WithDbAsync(async (db, _) => (await db.Set<TechnologyContract>().AsNoTracking().ToListAsync())
            .Where(c => c.Attachments.Any(a => a.HasFile)).ToList());
        Assert.True(withFiles.Count >= 9, $"{withFiles.Count} demo contracts with files");
        // the registrar reads a contract's files from its submission on; the demo draft's files stay with its parties
        var c = withFiles.First(x => x.Attachments.Count(a => a.HasFile) == 3 && x.Status != RegistrationStatus.Draft);
        var registrar = factory.ClientAs(TestUser.Of(Roles.Registrar, null));
        var draft = withFiles.Single(x => x.Status == RegistrationStatus.Draft);
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync($"/api/v1/contracts/{draft.Id}/attachments/{draft.Attachments.First(a => a.HasFile).Id}")).StatusCode);
        foreach (var a in c.Attachments.Where(a => a.HasFile))
        {
            var r = await registrar.GetAsync($"/api/v1/contracts/{c.Id}/attachments/{a.Id}");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var bytes = await r.Content.ReadAsByteArrayAsync();
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.Equal(a.SizeBytes, bytes.Length);
            Assert.Equal(a.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        Assert.Contains(c.Attachments, a => a.Kind == AttachmentKind.ContractText && a.HasFile);
    }

    [Fact]
    public async Task An_organisation_that_is_not_a_party_cannot_download_a_demo_attachment()
    {
        await SeedAsync();
        var c = await factory.WithDbAsync(async (db, _) => (await db.Set<TechnologyContract>().AsNoTracking().ToListAsync()).First(x => x.Attachments.Any(a => a.HasFile)));
        var stranger = await factory.CreateOrganizationAsync(TechTransfer.Organizations.Domain.OrganizationKind.Enterprise, "150", "310115");
        var r = await factory.ClientAs(TestUser.Of(Roles.Enterprise, stranger.Id)).GetAsync($"/api/v1/contracts/{c.Id}/attachments/{c.Attachments.First(a => a.HasFile).Id}");
        await ProblemAssert.IsProblem(r, HttpStatusCode.NotFound, "contract.not_found");
    }

    [Fact]
    public async Task Demo_registered_contracts_have_income_certifications_over_consecutive_periods()
    {
        await SeedAsync();
        var certifications = await factory.WithDbAsync(async (db, _) => await db.Set<TechnologyIncomeCertification>().AsNoTracking().ToListAsync());
        Assert.Equal(4, certifications.Select(x => x.ContractId).Distinct().Count());
        Assert.Equal(6, certifications.Count);
        Assert.Contains(certifications, x => x.NonTechnicalItems.Any(i => i.IsReasonableQuantityCarrier));

        var twice = certifications.GroupBy(x => x.ContractId).First(g => g.Count() == 2).Key;
        var list = await Json(await factory.ClientAs(TestUser.Of(Roles.Registrar, null)).GetAsync($"/api/v1/contracts/{twice}/income-certifications"), HttpStatusCode.OK);
        var periods = list.EnumerateArray().Select(x => (From: DateOnly.Parse(x.GetProperty("periodFrom").GetString()!), To: DateOnly.Parse(x.GetProperty("periodTo").GetString()!))).ToList();
        Assert.Equal(2, periods.Count);
        Assert.Equal(periods[0].To.AddDays(1), periods[1].From);
        Assert.All(list.EnumerateArray(), x => Assert.True(x.GetProperty("certifiedTechnologyIncome").GetDecimal() > 0));
    }
}

public sealed class ContractDemoDataTests_Sqlite(SqliteFactory f) : ContractDemoDataTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ContractDemoDataTests_Postgres(PostgresFactory f) : ContractDemoDataTests(f), IClassFixture<PostgresFactory>;
