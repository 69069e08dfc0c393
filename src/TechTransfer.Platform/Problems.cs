using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TechTransfer.SharedKernel;

namespace TechTransfer.Platform;

/// <summary>
/// Turns an <see cref="Error"/> into an RFC 9457 problem details response: <c>code</c>, a title in the requested
/// language, both languages in <c>messages</c>, and for field errors the standard <c>errors</c> map (field → messages
/// in the requested language) plus <c>fieldErrors</c> carrying code, zh-CN and en for each. The spec rule an error
/// enforces is the <c>rule</c> member (of the problem, and of each field error), never part of a message.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://techtransfer.dev/problems/";

    public static ProblemHttpResult ToProblem(this Error error) => TypedResults.Problem(ToProblemDetails(error, Bilingual.CurrentIsEnglish ? "en" : "zh-CN"));

    public static ProblemDetails ToProblemDetails(this Error error, string language)
    {
        var english = Bilingual.IsEnglish(language);
        var fields = error.AsFieldErrors();
        var pd = new ProblemDetails
        {
            Type = TypeBase + error.Code,
            Status = error.Status,
            Title = english ? error.En : error.Zh,
        };
        pd.Extensions["code"] = error.Code;
        if (error.Rule is not null) pd.Extensions["rule"] = error.Rule;
        pd.Extensions["messages"] = new Dictionary<string, string> { ["zh-CN"] = error.Zh, ["en"] = error.En };
        if (fields.Count > 0)
        {
            pd.Detail = string.Join(english ? " " : "；", fields.Select(f => english ? f.En : f.Zh));
            pd.Extensions["errors"] = fields.GroupBy(f => f.Field, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Select(f => english ? f.En : f.Zh).ToArray());
            pd.Extensions["fieldErrors"] = fields.Select(f => new FieldErrorBody(f.Field, f.Code, f.Zh, f.En, f.Rule)).ToArray();
        }
        return pd;
    }
}

/// <summary>One entry of <c>fieldErrors</c> in a problem details body.</summary>
public sealed record FieldErrorBody(
    string Field, string Code, string Zh, string En,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Rule);
