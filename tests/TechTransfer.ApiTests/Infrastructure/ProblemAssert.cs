using System.Net;
using System.Text.Json;

namespace TechTransfer.ApiTests.Infrastructure;

/// <summary>Assertions on RFC 9457 problem responses: status, content type, code, both languages, field errors.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, json.GetProperty("code").GetString());
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        var messages = json.GetProperty("messages");
        Assert.False(string.IsNullOrWhiteSpace(messages.GetProperty("zh-CN").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(messages.GetProperty("en").GetString()));
        return json;
    }

    /// <summary>A 422 whose field errors include <paramref name="field"/> with <paramref name="fieldCode"/>, in both languages.</summary>
    public static async Task<JsonElement> HasFieldError(HttpResponseMessage response, string field, string fieldCode)
    {
        var json = await IsProblem(response, HttpStatusCode.UnprocessableEntity, "validation.failed");
        var fieldErrors = json.GetProperty("fieldErrors").EnumerateArray().ToList();
        var match = fieldErrors.FirstOrDefault(e => e.GetProperty("field").GetString() == field && e.GetProperty("code").GetString() == fieldCode);
        Assert.True(match.ValueKind == JsonValueKind.Object,
            $"No field error {field}/{fieldCode}; got: {string.Join(", ", fieldErrors.Select(e => e.GetProperty("field").GetString() + "/" + e.GetProperty("code").GetString()))}");
        Assert.False(string.IsNullOrWhiteSpace(match.GetProperty("zh").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(match.GetProperty("en").GetString()));
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), $"errors map lacks {field}");
        return json;
    }
}
