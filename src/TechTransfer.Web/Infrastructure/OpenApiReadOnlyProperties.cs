using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TechTransfer.Web.Infrastructure;

/// <summary>
/// Marks computed properties (no setter, not a constructor parameter) <c>readOnly</c> in the OpenAPI document: they are
/// written in responses and ignored in requests (e.g. <c>PaymentTerms.schedule</c>, <c>IpReference.isPatent</c>), so a
/// client — and the robustness test, which sends bad values for every request property — knows not to send them.
/// Object-typed ones are left alone: their schema is a shared component that other places use as input.
/// </summary>
internal static class OpenApiReadOnlyProperties
{
    public static Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo is { Set: null, AssociatedParameter: null } && context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object)
            schema.ReadOnly = true;
        return Task.CompletedTask;
    }
}
