using System.Text.Json.Nodes;

namespace TechTransfer.ApiTests.Robustness;

/// <summary>One operation of the app's own OpenAPI document (<c>/openapi/v1.json</c>).</summary>
public sealed record ApiOperation(string Method, string Path, string OperationId, IReadOnlyList<ApiParameter> Parameters, ApiBody? Body)
{
    public string Label => $"{Method} {Path} [{OperationId}]";
}

public sealed record ApiParameter(string Name, string In, bool Required, Schema Schema);

/// <summary>The request body: its content type (application/json or multipart/form-data), whether it is required, its schema.</summary>
public sealed record ApiBody(string ContentType, bool Required, Schema Schema)
{
    public bool IsJson => ContentType == "application/json";
    public bool IsMultipart => ContentType == "multipart/form-data";
}

/// <summary>The operations of an OpenAPI 3.1 document, with every schema resolved against its components.</summary>
public sealed class OpenApiModel
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    public OpenApiModel(JsonObject document)
    {
        var components = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject())
            {
                if (!Methods.Contains(method)) continue;
                var parameters = (op!["parameters"]?.AsArray() ?? [])
                    .Select(p => new ApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["required"]?.GetValue<bool>() ?? false,
                        new Schema(p["schema"] ?? new JsonObject(), components)))
                    .ToList();
                ApiBody? body = null;
                if (op["requestBody"] is JsonObject rb)
                {
                    var (contentType, media) = rb["content"]!.AsObject().First();
                    body = new ApiBody(contentType, rb["required"]?.GetValue<bool>() ?? false, new Schema(media!["schema"] ?? new JsonObject(), components));
                }
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, op["operationId"]?.GetValue<string>() ?? $"{method} {path}", parameters, body));
            }
        Operations = operations;
    }

    public IReadOnlyList<ApiOperation> Operations { get; }
}

/// <summary>
/// A schema with <c>$ref</c>, <c>oneOf [null, X]</c> and <c>allOf</c> (multipart forms) resolved: its types, whether null is
/// allowed, format, enum values, properties, array items and dictionary values.
/// </summary>
public sealed class Schema
{
    private readonly JsonObject _components;

    public Schema(JsonNode node, JsonObject components)
    {
        _components = components;
        var nullable = false;
        var resolved = node.AsObject();
        for (var guard = 0; guard < 10; guard++)
        {
            if (resolved["$ref"] is JsonValue r)
            {
                resolved = components[r.GetValue<string>().Split('/').Last()]!.AsObject();
                continue;
            }
            if (resolved["oneOf"] is JsonArray oneOf)
            {
                var others = oneOf.Where(o => o!["type"]?.ToString() != "null").ToList();
                nullable |= others.Count < oneOf.Count;
                if (others.Count == 1)
                {
                    resolved = others[0]!.AsObject();
                    continue;
                }
            }
            break;
        }
        Node = resolved;
        Types = resolved["type"] switch
        {
            JsonArray a => a.Select(t => t!.GetValue<string>()).ToHashSet(),
            JsonValue v => [v.GetValue<string>()],
            _ => [],
        };
        Format = resolved["format"]?.GetValue<string>();
        EnumValues = resolved["enum"] is JsonArray e ? e.Where(x => x is not null).Select(x => x!.ToString()).ToList() : null;
        Nullable = nullable || Types.Contains("null") || (resolved["enum"] is JsonArray withNull && withNull.Any(x => x is null));
        var properties = new Dictionary<string, JsonNode>();
        foreach (var part in (resolved["allOf"]?.AsArray() ?? []).Append(resolved))
            foreach (var (name, schema) in part!["properties"]?.AsObject() ?? [])
                properties[name] = schema!;
        PropertyNodes = properties;
    }

    public JsonObject Node { get; }
    public IReadOnlySet<string> Types { get; }
    public bool Nullable { get; }
    public string? Format { get; }
    public IReadOnlyList<string>? EnumValues { get; }
    private IReadOnlyDictionary<string, JsonNode> PropertyNodes { get; }

    public bool IsEnum => EnumValues is not null;
    public bool IsArray => Types.Contains("array");
    public bool IsObject => PropertyNodes.Count > 0 || Types.Contains("object");
    public bool IsDictionary => Node["additionalProperties"] is JsonObject;
    public bool IsInteger => Types.Contains("integer");
    public bool IsNumber => Types.Contains("number");
    public bool IsBoolean => Types.Contains("boolean");
    public bool IsBinary => Format == "binary";
    public bool IsString => Types.Contains("string") && !IsInteger && !IsNumber && !IsBinary;

    /// <summary>Computed properties the server writes and ignores on input (<c>readOnly</c>) are not request properties.</summary>
    public bool ReadOnly => Node["readOnly"]?.GetValue<bool>() == true;

    public IEnumerable<(string Name, Schema Schema)> Properties =>
        PropertyNodes.Select(p => (p.Key, new Schema(p.Value, _components))).Where(p => !p.Item2.ReadOnly);
    public Schema? Items => Node["items"] is { } items ? new Schema(items, _components) : null;
    public Schema? DictionaryValues => Node["additionalProperties"] is JsonObject v ? new Schema(v, _components) : null;

    /// <summary>A plausible value of this schema (a body an operation gets when its mapping does not give one).</summary>
    public JsonNode? Sample(int depth = 0)
    {
        if (depth > 6) return null;
        if (IsEnum) return JsonValue.Create(EnumValues![0]);
        if (IsArray) return Items?.Sample(depth + 1) is { } item ? new JsonArray(item) : new JsonArray();
        if (IsDictionary) return new JsonObject();
        if (IsObject)
        {
            var o = new JsonObject();
            foreach (var (name, schema) in Properties) o[name] = schema.Sample(depth + 1);
            return o;
        }
        if (IsInteger) return JsonValue.Create(1);
        if (IsNumber) return JsonValue.Create(1.5m);
        if (IsBoolean) return JsonValue.Create(false);
        return Format switch
        {
            "date" => JsonValue.Create("2026-03-02"),
            "date-time" => JsonValue.Create("2026-03-02T10:00:00+08:00"),
            "uuid" => JsonValue.Create(Guid.NewGuid()),
            _ => Types.Contains("string") ? JsonValue.Create("测试") : null,
        };
    }
}
