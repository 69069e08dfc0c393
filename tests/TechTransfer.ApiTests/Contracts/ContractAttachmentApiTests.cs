using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;
using static TechTransfer.ApiTests.Contracts.ContractTestSupport;

namespace TechTransfer.ApiTests.Contracts;

/// <summary>Attachment files: stored under the data directory, type from content, size limited, parties and registrars only.</summary>
public abstract class ContractAttachmentApiTests(TechTransferFactory factory)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string kind = "ContractText", string declaredType = "application/pdf")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        content.Add(file, "file", fileName);
        content.Add(new StringContent(kind), "kind");
        return content;
    }

    private async Task<(ContractParties S, Guid Id, Guid AttachmentId)> UploadedAsync()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.DraftAsync(s);
        var r = await OkAsync(await factory.ClientAs(s.SellerUser).PostAsync($"/api/v1/contracts/{id}/attachments/files", Upload(Pdf, "合同文本.pdf")));
        var file = r.GetProperty("attachments").EnumerateArray().Single(a => a.TryGetProperty("storageKey", out var k) && k.ValueKind == JsonValueKind.String);
        return (s, id, file.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Seller_uploads_a_pdf_which_is_stored_with_its_sha256_and_the_check_passes()
    {
        var (s, id, attachmentId) = await UploadedAsync();
        var c = await OkAsync(await factory.ClientAs(s.SellerUser).GetAsync($"/api/v1/contracts/{id}"));
        var a = c.GetProperty("attachments").EnumerateArray().Single(x => x.GetProperty("id").ValueKind == JsonValueKind.String && x.GetProperty("id").GetGuid() == attachmentId);
        Assert.Equal("application/pdf", a.GetProperty("contentType").GetString());
        Assert.Equal(Pdf.Length, a.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), a.GetProperty("sha256").GetString());
        var stored = Path.Combine(factory.DataDirectory, "attachments", a.GetProperty("storageKey").GetString()!);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(stored));
        var check = c.GetProperty("checks").EnumerateArray().Single(x => x.GetProperty("code").GetString() == "check.doc.ContractText");
        Assert.Equal("Pass", check.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Parties_and_registrars_download_the_file_as_an_attachment()
    {
        var (s, id, attachmentId) = await UploadedAsync();
        // the draft's files are for its parties; the registrar reads them once the contract is submitted
        await ProblemAssert.IsProblem(await factory.ClientAs(s.Registrar).GetAsync($"/api/v1/contracts/{id}/attachments/{attachmentId}"),
            HttpStatusCode.NotFound, "contract.not_found");
        await OkAsync(await factory.ClientAs(s.SellerUser).PostAsync($"/api/v1/contracts/{id}/submit", null));
        foreach (var who in new[] { s.SellerUser, s.BuyerUser, s.Registrar })
        {
            var r = await factory.ClientAs(who).GetAsync($"/api/v1/contracts/{id}/attachments/{attachmentId}");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("application/pdf", r.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", r.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(Pdf, await r.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Another_organisation_cannot_download_the_file()
    {
        var (_, id, attachmentId) = await UploadedAsync();
        var other = await factory.CreateOrganizationAsync();
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.Enterprise, other.Id)).GetAsync($"/api/v1/contracts/{id}/attachments/{attachmentId}"),
            HttpStatusCode.NotFound, "contract.not_found");
        // a platform administrator sees contracts but is not a party: attachments are for the parties and the registry
        await ProblemAssert.IsProblem(await factory.ClientAs(TestUser.Of(Roles.PlatformAdmin, null)).GetAsync($"/api/v1/contracts/{id}/attachments/{attachmentId}"),
            HttpStatusCode.NotFound, "contract.not_found");
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.DraftAsync(s);
        var big = new byte[20 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        var response = await factory.ClientAs(s.SellerUser).PostAsync($"/api/v1/contracts/{id}/attachments/files", Upload(big, "大文件.pdf"));
        await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge, "contract.attachment_too_large");
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "attachments", "contracts", id.ToString("N")))
            && Directory.EnumerateFiles(Path.Combine(factory.DataDirectory, "attachments", "contracts", id.ToString("N"))).Any());
    }

    [Fact]
    public async Task A_file_whose_content_is_not_an_accepted_type_is_refused_whatever_its_name()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.DraftAsync(s);
        var response = await factory.ClientAs(s.SellerUser).PostAsync($"/api/v1/contracts/{id}/attachments/files",
            Upload(Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "合同.pdf"));
        await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity, "contract.attachment_type_not_allowed");
        var c = await OkAsync(await factory.ClientAs(s.SellerUser).GetAsync($"/api/v1/contracts/{id}"));
        Assert.DoesNotContain(c.GetProperty("attachments").EnumerateArray(), a => a.GetProperty("storageKey").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task The_buyer_and_a_registrar_cannot_upload_to_the_sellers_draft()
    {
        var s = await factory.NewPartiesAsync();
        var id = await factory.DraftAsync(s);
        await ProblemAssert.IsProblem(await factory.ClientAs(s.BuyerUser).PostAsync($"/api/v1/contracts/{id}/attachments/files", Upload(Pdf, "a.pdf")),
            HttpStatusCode.Forbidden, "contract.only_seller_side_submits");
        await ProblemAssert.IsProblem(await factory.ClientAs(s.Registrar).PostAsync($"/api/v1/contracts/{id}/attachments/files", Upload(Pdf, "a.pdf")),
            HttpStatusCode.Forbidden, "auth.forbidden");
    }
}

public sealed class ContractAttachmentApiTests_Sqlite(SqliteFactory f) : ContractAttachmentApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ContractAttachmentApiTests_Postgres(PostgresFactory f) : ContractAttachmentApiTests(f), IClassFixture<PostgresFactory>;
