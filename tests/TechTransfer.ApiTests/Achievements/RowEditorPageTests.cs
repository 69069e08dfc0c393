using System.Net;
using System.Text.RegularExpressions;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Achievements;

/// <summary>
/// Issue 12: lists in forms are row editors, not line-format text areas. The disclosure page renders the completers as rows
/// named <c>Form.Completers[i].Field</c> with blank spare rows (the form works without the script), and a post — as the
/// browser sends it, without the script, a blank spare row in the middle — is saved in the order posted with the blank row
/// left out, then shown again as rows on the edit page. On SQLite and PostgreSQL.
/// </summary>
public abstract partial class RowEditorPageTests(TechTransferFactory factory)
{
    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("<input[^>]*name=\"Form\\.Completers\\[(?<i>\\d+)\\]\\.Name\"[^>]*>")]
    private static partial Regex CompleterNameInputs();

    [Fact]
    public async Task Posted_completer_rows_are_saved_in_their_order_without_the_blank_ones_and_come_back_as_rows()
    {
        var org = await factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        var researcher = await factory.CreateAccountAsync(Roles.Researcher, org.Id);
        var client = factory.ClientAs(researcher);

        var get = await client.GetAsync("/achievements/new");
        var html = await get.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<textarea name=\"Form.Completers\"", html);
        Assert.Contains("data-row-editor", html);
        Assert.Equal(["0", "1", "2"], CompleterNameInputs().Matches(html).Select(m => m.Groups["i"].Value)); // the spare rows

        var form = html[html.IndexOf("data-testid=\"achievement-form\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)]; // the page has other forms (signing out)
        var fields = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        fields["Form.Title"] = "行编辑器往返测试成果";
        fields["Form.Abstract"] = "一种用于验证行编辑器提交的成果。";
        fields["Form.TechnicalField"] = "材料科学";
        fields["Form.IpType"] = "PatentApplication";
        fields["Form.Trl"] = "4";
        fields["Form.FundingSource"] = "Fiscal";
        fields["Form.Completers[0].Name"] = "赵博士";
        fields["Form.Completers[0].ContributionPercent"] = "30";
        fields["Form.Completers[1].Name"] = "";
        fields["Form.Completers[1].ContributionPercent"] = "";
        fields["Form.Completers[2].Name"] = "陈教授";
        fields["Form.Completers[2].ContributionPercent"] = "70";
        fields["Form.Completers[2].Leader"] = "true";
        using var post = new HttpRequestMessage(HttpMethod.Post, "/achievements/new") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", get.Headers.GetValues("Set-Cookie").Select(c => c[..c.IndexOf(';')])));
        var saved = await client.SendAsync(post);
        Assert.True(saved.StatusCode == HttpStatusCode.Found, $"{(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
        var id = Guid.Parse(Regex.Match(saved.Headers.Location!.OriginalString, "[0-9a-f-]{36}").Value);

        // saved in the order posted, the blank row left out; the first completer is the discloser
        var api = await Ok(await client.GetAsync($"/api/v1/achievements/{id}"));
        var completers = api.GetProperty("completers").EnumerateArray().ToList();
        Assert.Equal(["赵博士", "陈教授"], completers.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([30m, 70m], completers.Select(c => c.GetProperty("contributionPercent").GetDecimal()));
        Assert.Equal([false, true], completers.Select(c => c.GetProperty("holdsLeadershipPost").GetBoolean()));
        Assert.Equal(researcher.UserId, completers[0].GetProperty("userId").GetGuid());

        // and shown again as rows (then spares) on the edit page
        var edit = WebUtility.HtmlDecode(await client.GetStringAsync($"/achievements/{id}/edit"));
        var names = CompleterNameInputs().Matches(edit).Select(m => Regex.Match(m.Value, "value=\"(?<v>[^\"]*)\"").Groups["v"].Value).ToList();
        Assert.Equal(["赵博士", "陈教授", "", "", ""], names);
    }

    private static async Task<System.Text.Json.JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await System.Text.Json.JsonSerializer.DeserializeAsync<System.Text.Json.JsonElement>(await response.Content.ReadAsStreamAsync());
    }
}

public sealed class RowEditorPageTests_Sqlite(SqliteFactory f) : RowEditorPageTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class RowEditorPageTests_Postgres(PostgresFactory f) : RowEditorPageTests(f), IClassFixture<PostgresFactory>;
