using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Web.Infrastructure;

/// <summary>
/// Last line of defence. Input a client can send (malformed JSON, wrong types, oversized bodies) is a 4xx problem;
/// a concurrency clash is 409; anything else is a logged 500 with no internals in the body.
/// </summary>
public sealed class TechTransferExceptionHandler(IProblemDetailsService problems, ILogger<TechTransferExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var error = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => WebErrors.RequestTooLarge,
            BadHttpRequestException bad => Malformed(bad),
            DbUpdateConcurrencyException => Error.ConcurrencyConflict,
            TechTransfer.Data.ColumnLengthExceededException tooLong => Error.Validation(tooLong.Fields),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };
        if (error is null)
        {
            if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested) return true;
            log.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
            error = WebErrors.ServerError;
        }
        else if (exception is BadHttpRequestException)
        {
            log.LogInformation("Bad request {Path}: {Message}", http.Request.Path, exception.Message);
        }
        else if (exception is TechTransfer.Data.ColumnLengthExceededException)
        {
            // answered with a 422, but a use case let text through that does not fit its column: a check is missing
            log.LogWarning("{Method} {Path}: {Message}", http.Request.Method, http.Request.Path, exception.Message);
        }

        if (!http.Request.Path.StartsWithSegments("/api") && error.Status == 500) return false; // pages show the error page
        http.Response.StatusCode = error.Status;
        var pd = error.ToProblemDetails(Bilingual.CurrentIsEnglish ? "en" : "zh-CN");
        if (exception is BadHttpRequestException) pd.Detail = exception.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd, Exception = exception });
    }

    /// <summary>
    /// A request the framework could not bind. When the JSON body had a value of the wrong type or format (a string for a
    /// number, null for a number, an impossible date, an unknown enum name), the field error names its place
    /// (<c>$.parties[1].amount</c> → <c>parties[1].amount</c>), so the client knows what to fix.
    /// </summary>
    private static Error Malformed(BadHttpRequestException bad)
    {
        var error = WebErrors.Malformed with { Status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400 };
        if (bad.InnerException is not System.Text.Json.JsonException { Path: { Length: > 2 } path } || !path.StartsWith("$.", StringComparison.Ordinal))
            return error;
        return error with { FieldErrors = [WebErrors.MalformedValue(path[2..])] };
    }
}

/// <summary>API responses that end with an error status but no body (401, 403, 404 of unknown routes, 405, 415) get a bilingual problem body.</summary>
public sealed class ApiStatusProblemMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        await next(http);
        if (!http.Request.Path.StartsWithSegments("/api") || http.Response.HasStarted || http.Response.StatusCode < 400) return;
        if (http.Response.ContentLength > 0 || !string.IsNullOrEmpty(http.Response.ContentType)) return;
        var error = http.Response.StatusCode switch
        {
            401 => WebErrors.Unauthenticated,
            403 => Error.Forbidden,
            404 => WebErrors.RouteNotFound,
            405 => WebErrors.MethodNotAllowed,
            415 => WebErrors.UnsupportedMediaType,
            var s => WebErrors.RequestFailed with { Status = s },
        };
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = error.ToProblemDetails(Bilingual.CurrentIsEnglish ? "en" : "zh-CN") });
    }
}

/// <summary>Refuses a declared body larger than the limit before anything reads it (the server limit covers chunked bodies).</summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        if (http.Request.ContentLength > TechTransferComposition.MaxRequestBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = WebErrors.RequestTooLarge.ToProblemDetails(Bilingual.CurrentIsEnglish ? "en" : "zh-CN") });
            return;
        }
        await next(http);
    }
}
