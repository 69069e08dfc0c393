using System.IO.Pipelines;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.SharedKernel;

namespace TechTransfer.Platform;

/// <summary>
/// The API's request-shape filter: an endpoint filter the host adds once, on the group every platform and module
/// endpoint is mapped in (<c>TechTransferComposition.UseTechTransfer</c>), so each endpoint — including one added
/// tomorrow — has its bound arguments checked by <see cref="RequestShape"/> before the handler runs. A failure is one
/// 422 problem (<c>validation.failed</c>) with a field error per place; nothing reaches the use case.
/// Arguments checked: the JSON body, <c>[AsParameters]</c> query objects, form values and simple query/route/header
/// values (strings, dates, decimals, enums); services and framework types are skipped when the endpoint is built.
/// </summary>
public static class RequestShapeFilter
{
    /// <summary>Adds the request-shape check to every endpoint mapped in <paramref name="group"/>.</summary>
    public static RouteGroupBuilder WithRequestShapeCheck(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory(Create);
        return group;
    }

    /// <summary>The filter factory: decides once per endpoint which arguments to check; adds nothing when there is none.</summary>
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var nullability = new NullabilityInfoContext();
        var checkedArguments = context.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(x => IsChecked(x.Parameter, isService))
            .Select(x => new CheckedArgument(x.Index, nullability.Create(x.Parameter), RootPath(x.Parameter)))
            .ToArray();
        if (checkedArguments.Length == 0) return next;

        return invocation =>
        {
            List<FieldError>? errors = null;
            foreach (var argument in checkedArguments)
            {
                if (argument.Index >= invocation.Arguments.Count) continue;
                var found = RequestShape.Check(invocation.Arguments[argument.Index], argument.Nullability, argument.Path);
                if (found.Count > 0) (errors ??= []).AddRange(found);
            }
            return errors is null ? next(invocation) : ValueTask.FromResult<object?>(Error.Validation(errors.Take(RequestShape.MaxErrors).ToList()).ToProblem());
        };
    }

    private static readonly HashSet<Type> FrameworkTypes =
    [
        typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse), typeof(CancellationToken), typeof(ClaimsPrincipal),
        typeof(IFormFile), typeof(IFormFileCollection), typeof(IFormCollection), typeof(Stream), typeof(PipeReader),
    ];

    private static bool IsChecked(ParameterInfo p, IServiceProviderIsService? isService)
    {
        if (p.GetCustomAttribute<FromServicesAttribute>() is not null || p.GetCustomAttribute<FromKeyedServicesAttribute>() is not null) return false;
        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        if (FrameworkTypes.Contains(type) || isService?.IsService(p.ParameterType) == true) return false;
        return type == typeof(string) || type == typeof(decimal) || type == typeof(double) || type == typeof(float) || type.IsEnum
               || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
               || RequestShape.IsRequestObject(type)
               || (type.IsArray && type.GetElementType() == typeof(string));
    }

    /// <summary>A body or query object's properties are top-level fields; a simple argument is reported under its own name.</summary>
    private static string RootPath(ParameterInfo p)
    {
        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        return RequestShape.IsRequestObject(type) ? "" : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name ?? "value");
    }

    private sealed record CheckedArgument(int Index, NullabilityInfo Nullability, string Path);
}
