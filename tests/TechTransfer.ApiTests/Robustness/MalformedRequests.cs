using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TechTransfer.ApiTests.Robustness;

/// <summary>
/// Invalid: a request no valid client sends (wrong type, null where the document says not nullable, a 1 MB string, a lone
/// surrogate, an unknown id …); it may never be stored. Legal: an extreme but valid request (null where the document allows
/// it, the largest value that fits, an optional body left out); it may succeed and store.
/// </summary>
public enum VariantKind { Invalid, Legal }

/// <summary>One malformed request for an operation: a name that says what was changed, its kind, and how to build it.</summary>
public sealed record RequestVariant(string Name, VariantKind Kind, Func<HttpRequestMessage> Build);

/// <summary>A multipart form the operation accepts: one file and the other fields.</summary>
public sealed record FormBase(byte[] File, string FileName, string FileContentType, IReadOnlyDictionary<string, string> Fields);

/// <summary>A valid request of an operation, which the variants change one place at a time.</summary>
public sealed record BaseRequest(IReadOnlyDictionary<string, string> Path, IReadOnlyDictionary<string, string> Query, JsonNode? Json, FormBase? Form);

/// <summary>
/// Builds the malformed variants of an operation from its OpenAPI description and a valid base request: for path ids,
/// malformed and unknown values; for each query parameter, values of the wrong type, out of range, invalid dates, unknown
/// enum names, NUL and long text; on GETs, garbage Accept-Language and culture-cookie headers; for a JSON body, the whole body empty, of the wrong content type, not JSON or of the wrong
/// JSON kind, and for every property at every depth (objects, the first element of lists, dictionaries) <c>null</c>,
/// <c>[null]</c>, a value of the wrong JSON type, and by type: 1 MB and 8 000-character strings, a lone surrogate, NUL,
/// NaN, 1e400 and decimal.MaxValue, int overflow, impossible and out-of-range dates, unknown enum names and numbers,
/// malformed and unknown ids; for a multipart form, no file, an empty file, JSON instead of a form and bad field values.
/// </summary>
public static class MalformedRequests
{
    public const int OneMegabyte = 1 << 20;

    /// <summary>Query values stay under Kestrel's 8 KB request line (longer ones never reach the app in production: 414).</summary>
    public const int LongQueryText = 3000;

    private const string RawPrefix = "\u0001raw:";

    private static readonly string Megabyte = new('x', OneMegabyte);
    private static readonly string Column = new('长', 8000);
    private static readonly string LongQuery = new('测', LongQueryText);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>A JSON token that cannot be a <see cref="JsonValue"/> (1e400, NaN, "\ud800"): written verbatim into the body.</summary>
    private static JsonValue Raw(string json) => JsonValue.Create(RawPrefix + json)!;

    private static string Serialize(JsonNode? node)
    {
        var text = node?.ToJsonString(Web) ?? "null";
        if (!text.Contains("\\u0001raw:", StringComparison.Ordinal)) return text;
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (true)
        {
            var at = text.IndexOf("\"\\u0001raw:", i, StringComparison.Ordinal);
            if (at < 0) break;
            sb.Append(text, i, at - i);
            var end = text.IndexOf('"', at + 11);
            sb.Append(JsonSerializer.Deserialize<string>(text.AsSpan(at, end - at + 1))![RawPrefix.Length..]);
            i = end + 1;
        }
        sb.Append(text, i, text.Length - i);
        return sb.ToString();
    }

    public static IEnumerable<RequestVariant> For(ApiOperation op, BaseRequest b)
    {
        foreach (var v in PathVariants(op, b)) yield return v;
        foreach (var v in HeaderVariants(op, b)) yield return v;
        foreach (var v in QueryVariants(op, b)) yield return v;
        if (op.Body is { IsJson: true } json)
            foreach (var v in JsonBodyVariants(op, b, json)) yield return v;
        if (op.Body is { IsMultipart: true } form && b.Form is { } f)
            foreach (var v in FormVariants(op, b, form, f)) yield return v;
    }

    // ------------------------------------------------------------------ building requests

    private static string Url(ApiOperation op, IReadOnlyDictionary<string, string> path, IReadOnlyDictionary<string, string> query)
    {
        var url = op.Path;
        foreach (var (name, value) in path) url = url.Replace("{" + name + "}", Uri.EscapeDataString(value));
        if (query.Count > 0) url += "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
        return url;
    }

    private static HttpRequestMessage Request(ApiOperation op, BaseRequest b, IReadOnlyDictionary<string, string>? path = null,
        IReadOnlyDictionary<string, string>? query = null, HttpContent? content = null, bool useBaseBody = true)
    {
        var message = new HttpRequestMessage(new HttpMethod(op.Method), Url(op, path ?? b.Path, query ?? b.Query));
        if (content is not null) message.Content = content;
        else if (useBaseBody && b.Json is not null) message.Content = JsonContent(Serialize(b.Json));
        else if (useBaseBody && b.Form is not null) message.Content = FormContent(b.Form);
        return message;
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static MultipartFormDataContent FormContent(FormBase f, byte[]? file = null, string? fileName = null, bool withFile = true,
        IReadOnlyDictionary<string, string>? fields = null)
    {
        var content = new MultipartFormDataContent();
        if (withFile)
        {
            var bytes = new ByteArrayContent(file ?? f.File);
            bytes.Headers.ContentType = new MediaTypeHeaderValue(f.FileContentType);
            content.Add(bytes, "file", fileName ?? f.FileName);
        }
        foreach (var (name, value) in fields ?? f.Fields) content.Add(new StringContent(value), name);
        return content;
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> values, string key, string value) =>
        new(values) { [key] = value };

    // ------------------------------------------------------------------ path and query

    private static IEnumerable<RequestVariant> PathVariants(ApiOperation op, BaseRequest b)
    {
        foreach (var p in op.Parameters.Where(p => p.In == "path"))
        {
            var values = p.Schema.IsInteger
                ? new[] { "abc", "99999999999", "1899" }
                : new[] { "not-a-guid", Guid.NewGuid().ToString(), "00000000-0000-0000-0000-000000000000" };
            foreach (var value in values)
                yield return new($"path {p.Name} = {value}", VariantKind.Invalid, () => Request(op, b, path: With(b.Path, p.Name, value)));
        }
    }

    /// <summary>Headers every request passes through (language negotiation, the culture cookie), on the safe operations.</summary>
    private static IEnumerable<RequestVariant> HeaderVariants(ApiOperation op, BaseRequest b)
    {
        if (op.Method != "GET") yield break;
        yield return new("header Accept-Language garbage", VariantKind.Legal, () =>
        {
            var m = Request(op, b);
            m.Headers.TryAddWithoutValidation("Accept-Language", "xx-!!;q=2, *;q=-1, zh-CN;q=abc, " + new string('a', 300));
            return m;
        });
        yield return new("header culture cookie garbage", VariantKind.Legal, () =>
        {
            var m = Request(op, b);
            m.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Culture=c=zz-ZZZZ-%%%|uic=" + new string('x', 4000) + "; .AspNetCore.Culture=|||");
            return m;
        });
    }

    private static IEnumerable<RequestVariant> QueryVariants(ApiOperation op, BaseRequest b)
    {
        foreach (var p in op.Parameters.Where(p => p.In == "query"))
        {
            var s = p.Schema;
            var values = new List<(string Value, VariantKind Kind)> { ("", VariantKind.Legal), ("\0", VariantKind.Invalid) };
            if (s.IsEnum) values.AddRange([("NoSuchValue", VariantKind.Invalid), ("999", VariantKind.Invalid), ("1,2", VariantKind.Invalid)]);
            else if (s.IsInteger) values.AddRange([("abc", VariantKind.Invalid), ("1e400", VariantKind.Invalid), ("99999999999", VariantKind.Invalid),
                ("2147483647", VariantKind.Legal), ("-2147483648", VariantKind.Legal), ("-1", VariantKind.Legal), ("0", VariantKind.Legal)]);
            else if (s.IsNumber) values.AddRange([("abc", VariantKind.Invalid), ("NaN", VariantKind.Invalid), ("Infinity", VariantKind.Invalid),
                ("1e400", VariantKind.Invalid), ("79228162514264337593543950336", VariantKind.Invalid), ("-1", VariantKind.Legal)]);
            else if (s.IsBoolean) values.AddRange([("maybe", VariantKind.Invalid), ("2", VariantKind.Invalid)]);
            else if (s.Format == "uuid") values.AddRange([("not-a-guid", VariantKind.Invalid), (Guid.NewGuid().ToString(), VariantKind.Legal)]);
            else if (s.Format == "date") values.AddRange([("2026-02-30", VariantKind.Invalid), ("not-a-date", VariantKind.Invalid),
                ("9999-12-31", VariantKind.Invalid), ("0001-01-01", VariantKind.Legal)]);
            else if (s.Format == "date-time") values.AddRange([("2026-13-45T99:00:00Z", VariantKind.Invalid), ("9999-12-31T23:59:59+00:00", VariantKind.Invalid),
                ("0001-01-01T00:00:00+00:00", VariantKind.Legal)]);
            else values.AddRange([(LongQuery, VariantKind.Legal), ("(\"*[?\\~:^", VariantKind.Legal), ("a AND OR NOT ((", VariantKind.Legal)]);
            foreach (var (value, kind) in values)
                yield return new($"query {p.Name} = {Show(value)}", kind, () => Request(op, b, query: With(b.Query, p.Name, value)));
        }
    }

    // ------------------------------------------------------------------ JSON bodies

    private static IEnumerable<RequestVariant> JsonBodyVariants(ApiOperation op, BaseRequest b, ApiBody body)
    {
        var optional = body.Required ? VariantKind.Invalid : VariantKind.Legal;
        yield return new("body empty", optional, () => Request(op, b, content: JsonContent("")));
        yield return new("body JSON null", optional, () => Request(op, b, content: JsonContent("null")));
        yield return new("body not JSON", VariantKind.Invalid, () => Request(op, b, content: JsonContent("{\"a\":")));
        yield return new("body JSON array", VariantKind.Invalid, () => Request(op, b, content: JsonContent("[]")));
        yield return new("body [null]", VariantKind.Invalid, () => Request(op, b, content: JsonContent("[null]")));
        yield return new("body JSON string", VariantKind.Invalid, () => Request(op, b, content: JsonContent("\"x\"")));
        yield return new("body nested 200 deep", VariantKind.Invalid, () => Request(op, b, content: JsonContent(new string('[', 200) + new string(']', 200))));
        yield return new("content-type text/plain", VariantKind.Invalid,
            () => Request(op, b, content: new StringContent(Serialize(b.Json), Encoding.UTF8, "text/plain")));
        yield return new("no content-type", VariantKind.Invalid, () =>
        {
            var c = new ByteArrayContent(Encoding.UTF8.GetBytes(Serialize(b.Json)));
            return Request(op, b, content: c);
        });
        if (b.Json is not JsonObject root) yield break;
        foreach (var (location, name, kind, value) in Places(body.Schema, root, [], "body"))
            yield return new($"{name} = {Show(value)}", kind, () =>
            {
                var copy = root.DeepClone();
                Set(copy, location, value?.DeepClone());
                return Request(op, b, content: JsonContent(Serialize(copy)));
            });
    }

    /// <summary>Every place of the body (by schema and base value) with each bad or extreme value for it.</summary>
    private static IEnumerable<(object[] Location, string Name, VariantKind Kind, JsonNode? Value)> Places(Schema schema, JsonNode? value, object[] location, string name)
    {
        if (location.Length > 0)
            foreach (var (v, kind) in ValuesFor(schema)) yield return (location, name, kind, v);
        if (schema.IsDictionary && schema.DictionaryValues is { } values)
        {
            var valueKind = values.Nullable ? VariantKind.Legal : VariantKind.Invalid;
            yield return (location, name, valueKind, new JsonObject { ["k"] = null });
            yield return (location, name, VariantKind.Invalid, new JsonObject { ["k"] = Raw("1e400") });
            yield return (location, name, VariantKind.Invalid, new JsonObject { ["k"] = "NaN" });
            yield return (location, name, VariantKind.Invalid, new JsonObject { [((char)0).ToString()] = 1 });
            yield return (location, name, VariantKind.Invalid, new JsonObject { [Megabyte] = 1 });
        }
        else if (schema.IsObject && value is JsonObject obj)
        {
            foreach (var (property, propertySchema) in schema.Properties)
                foreach (var p in Places(propertySchema, obj[property], [.. location, property], $"{name}.{property}")) yield return p;
        }
        else if (schema.IsArray && schema.Items is { } items)
        {
            var first = value is JsonArray { Count: > 0 } a ? a[0] : items.Sample();
            foreach (var p in Places(items, first, [.. location, 0], $"{name}[0]")) yield return p;
        }
    }

    private static IEnumerable<(JsonNode? Value, VariantKind Kind)> ValuesFor(Schema s)
    {
        yield return (null, s.Nullable ? VariantKind.Legal : VariantKind.Invalid);
        yield return (new JsonArray((JsonNode?)null), s.IsArray && s.Items?.Nullable == true ? VariantKind.Legal : VariantKind.Invalid);
        if (s.IsEnum)
        {
            yield return (true, VariantKind.Invalid);
            yield return ("NoSuchValue", VariantKind.Invalid);
            yield return (999, VariantKind.Invalid);
            yield return ("", VariantKind.Invalid);
            yield break;
        }
        if (s.IsArray)
        {
            yield return (new JsonObject { ["a"] = 1 }, VariantKind.Invalid);
            yield break;
        }
        if (s.IsDictionary || s.IsObject)
        {
            yield return ("text", VariantKind.Invalid);
            yield return (new JsonArray(), VariantKind.Invalid);
            yield break;
        }
        if (s.IsInteger)
        {
            yield return (true, VariantKind.Invalid);
            if (s.Format == "int64")
            {
                // one past long.MaxValue overflows; one past int.MaxValue is an ordinary 64-bit value
                yield return (Raw("9223372036854775808"), VariantKind.Invalid);
                yield return (Raw("2147483648"), VariantKind.Legal);
            }
            else
            {
                yield return (Raw("2147483648"), VariantKind.Invalid);
            }
            yield return (Raw("1e400"), VariantKind.Invalid);
            yield return (1.5m, VariantKind.Invalid);
            yield return (int.MaxValue, VariantKind.Legal);
            yield return (int.MinValue, VariantKind.Legal);
            yield break;
        }
        if (s.IsNumber)
        {
            yield return (true, VariantKind.Invalid);
            yield return (Raw("NaN"), VariantKind.Invalid);
            yield return ("NaN", VariantKind.Invalid);
            yield return ("Infinity", VariantKind.Invalid);
            yield return (Raw("1e400"), VariantKind.Invalid);
            yield return (Raw("-1e400"), VariantKind.Invalid);
            yield return (Raw("79228162514264337593543950335"), VariantKind.Invalid);
            yield return (Raw("9999999999999999.99"), VariantKind.Legal);
            yield return (-1m, VariantKind.Legal);
            yield return (0.001m, VariantKind.Legal);
            yield break;
        }
        if (s.IsBoolean)
        {
            yield return ("maybe", VariantKind.Invalid);
            yield return (2, VariantKind.Invalid);
            yield break;
        }
        if (!s.Types.Contains("string")) yield break;
        yield return (Raw("12345"), VariantKind.Invalid);
        switch (s.Format)
        {
            case "date":
                yield return ("2026-02-30", VariantKind.Invalid);
                yield return ("not-a-date", VariantKind.Invalid);
                yield return ("9999-12-31", VariantKind.Invalid);
                yield return ("0001-01-01", VariantKind.Legal);
                yield break;
            case "date-time":
                yield return ("2026-02-30T10:00:00Z", VariantKind.Invalid);
                yield return ("9999-12-31T23:59:59+00:00", VariantKind.Invalid);
                yield return ("0001-01-01T00:00:00+00:00", VariantKind.Legal);
                yield break;
            case "uuid":
                yield return ("not-a-guid", VariantKind.Invalid);
                yield return (Guid.Empty.ToString(), VariantKind.Legal);
                yield return (Guid.NewGuid().ToString(), VariantKind.Legal);
                yield break;
        }
        yield return (Megabyte, VariantKind.Invalid);
        yield return (Column, VariantKind.Legal);
        yield return (Raw("\"\\ud800\""), VariantKind.Invalid);
        yield return (Raw("\"a\\udc00b\""), VariantKind.Invalid);
        yield return ("a\0b", VariantKind.Invalid);
    }

    private static void Set(JsonNode root, object[] location, JsonNode? value)
    {
        var parent = root;
        for (var i = 0; i < location.Length - 1; i++)
            parent = location[i] switch
            {
                string key => parent[key] ??= location[i + 1] is int ? new JsonArray() : new JsonObject(),
                int index => Element(parent.AsArray(), index, location[i + 1] is int ? new JsonArray() : new JsonObject()),
                _ => throw new InvalidOperationException(),
            };
        switch (location[^1])
        {
            case string key: parent.AsObject()[key] = value; break;
            case int index:
                var array = parent.AsArray();
                if (index < array.Count) array[index] = value;
                else array.Add(value);
                break;
        }
    }

    private static JsonNode Element(JsonArray array, int index, JsonNode empty)
    {
        if (index >= array.Count) array.Add(empty);
        return array[index] ??= empty;
    }

    // ------------------------------------------------------------------ multipart forms

    private static IEnumerable<RequestVariant> FormVariants(ApiOperation op, BaseRequest b, ApiBody body, FormBase f)
    {
        yield return new("form without file", VariantKind.Invalid, () => Request(op, b, content: FormContent(f, withFile: false)));
        yield return new("form with an empty file", VariantKind.Invalid, () => Request(op, b, content: FormContent(f, file: [])));
        yield return new("form file of garbage bytes", VariantKind.Legal, () => Request(op, b, content: FormContent(f, file: [0xFF, 0x00, 0xFE, 0x01, 0x7F])));
        yield return new("form file name of 20 000 characters", VariantKind.Invalid,
            () => Request(op, b, content: FormContent(f, fileName: new string('名', 20_000) + ".pdf")));
        yield return new("form file name without extension", VariantKind.Legal, () => Request(op, b, content: FormContent(f, fileName: "noextension")));
        yield return new("form file name with path", VariantKind.Legal, () => Request(op, b, content: FormContent(f, fileName: "../../etc/passwd.pdf")));
        yield return new("JSON instead of a form", VariantKind.Invalid, () => Request(op, b, content: JsonContent("{\"file\":\"x\"}")));
        yield return new("empty body", VariantKind.Invalid, () => Request(op, b, content: new ByteArrayContent([])));
        yield return new("content-type multipart without boundary", VariantKind.Invalid, () =>
        {
            var c = new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\n\r\n"));
            c.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
            return Request(op, b, content: c);
        });
        foreach (var (name, schema) in body.Schema.Properties.Where(p => !p.Schema.IsBinary))
        {
            var values = schema.IsEnum ? new[] { "NoSuchValue", "999", "", "\0" }
                : schema.IsBoolean ? ["maybe", "2", "", "\0"]
                : schema.IsInteger || schema.IsNumber ? ["abc", "1e400", "NaN", "\0"]
                : [Megabyte, "\0", ""];
            foreach (var value in values)
                yield return new($"form {name} = {Show(value)}", VariantKind.Invalid,
                    () => Request(op, b, content: FormContent(f, fields: With(f.Fields, name, value))));
        }
    }

    // ------------------------------------------------------------------ names

    private static string Show(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith(RawPrefix, StringComparison.Ordinal) => s[RawPrefix.Length..],
        JsonValue v when v.TryGetValue<string>(out var s) => Show(s),
        _ => Shorten(value.ToJsonString()),
    };

    private static string Show(string value) => value.Length > 40 ? $"\"{value[..12]}…\" ({value.Length} chars)" : JsonSerializer.Serialize(value);

    private static string Shorten(string s) => s.Length > 60 ? $"{s[..40]}… ({s.Length} chars)" : s;
}
