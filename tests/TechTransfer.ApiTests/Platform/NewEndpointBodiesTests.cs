using System.Net.Http.Headers;
using System.Text;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// Malformed, wrongly typed, empty and oversized bodies on the endpoints added for prefill, bulk actions, income
/// certification, attachments, manager assignment and match feedback: always a 4xx problem, never a 500.
/// </summary>
public abstract class NewEndpointBodiesTests(TechTransferFactory factory)
{
    private static readonly TestUser Admin = TestUser.Of(Roles.PlatformAdmin, null, "admin-bodies");
    private static readonly TestUser Registrar = TestUser.Of(Roles.Registrar, null, "registrar-bodies");

    private static IEnumerable<string> Urls()
    {
        var id = Guid.NewGuid();
        yield return "/api/v1/contracts/prefill";
        yield return "/api/v1/contracts/bulk";
        yield return "/api/v1/contracts/bulk/export";
        yield return $"/api/v1/contracts/{id}/income-certifications";
        yield return $"/api/v1/demands/{id}/managers";
        yield return $"/api/v1/achievements/{id}/managers";
        yield return $"/api/v1/demands/{id}/matches/feedback";
        yield return $"/api/v1/achievements/{id}/matches/feedback";
    }

    [Fact]
    public async Task Malformed_wrongly_typed_or_empty_bodies_are_4xx_problems_not_500()
    {
        foreach (var user in new[] { Admin, Registrar })
        {
            var client = factory.ClientAs(user);
            foreach (var url in Urls())
                foreach (var body in new[] { "{not json", "[]", "{\"contractIds\": 42, \"sourceId\": \"x\", \"managerUserId\": true, \"useful\": \"maybe\", \"amountReceived\": \"lots\"}", "{}", "" })
                {
                    var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
                    Assert.True((int)response.StatusCode is >= 400 and < 500, $"{user.Name} POST {url} with '{body}' gave {(int)response.StatusCode}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
        }
    }

    [Fact]
    public async Task Oversized_bodies_on_the_new_endpoints_are_413_problems()
    {
        var huge = new string('a', 26 * 1024 * 1024);
        foreach (var url in new[] { "/api/v1/contracts/prefill", "/api/v1/contracts/bulk" })
        {
            var response = await factory.ClientAs(Registrar).PostAsync(url, new StringContent($"{{\"sourceType\":\"{huge}\"}}", Encoding.UTF8, "application/json"));
            await ProblemAssert.IsProblem(response, System.Net.HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        }
    }

    [Fact]
    public async Task Anonymous_callers_of_the_new_endpoints_get_401_problems()
    {
        var client = factory.CreateClient();
        foreach (var url in Urls())
        {
            var response = await client.PostAsync(url, new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_attachment_upload_that_is_not_multipart_is_a_4xx_problem()
    {
        var response = await factory.ClientAs(Registrar).PostAsync($"/api/v1/contracts/{Guid.NewGuid()}/attachments/files",
            new StringContent("plain", Encoding.UTF8, "text/plain"));
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"gave {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class NewEndpointBodiesTests_Sqlite(SqliteFactory f) : NewEndpointBodiesTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class NewEndpointBodiesTests_Postgres(PostgresFactory f) : NewEndpointBodiesTests(f), IClassFixture<PostgresFactory>;
