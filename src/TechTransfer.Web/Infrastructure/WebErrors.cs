using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using TechTransfer.SharedKernel;

namespace TechTransfer.Web.Infrastructure;

/// <summary>
/// The host's answers to requests that never reach a use case: bodies the framework cannot read or that are too large,
/// unknown routes and methods, and API statuses set without a body (<see cref="ApiStatusProblemMiddleware"/>).
/// </summary>
public static class WebErrors
{
    /// <summary>The body is larger than the server takes (<see cref="TechTransferComposition.MaxRequestBodyBytes"/>).</summary>
    public static readonly Error RequestTooLarge = new("request.too_large",
        "请求内容超过大小上限（25 MB）", "The request body is larger than the 25 MB limit.", Status: 413);

    /// <summary>A parameter or the JSON body could not be bound (the handler sets the status the framework chose, a 4xx).</summary>
    public static readonly Error Malformed = new("request.malformed", "请求格式有误：无法解析请求参数或 JSON 请求体",
        "The request is malformed: a parameter or the JSON body could not be read.", Status: 400);

    /// <summary>The place in the JSON body whose value had the wrong type or format (<c>parties[1].amount</c>).</summary>
    public static FieldError MalformedValue(string path) => new(path, "request.malformed_value",
        "该处的值无法读取：类型或格式不对", "This value could not be read: wrong type or format.");

    public static readonly Error Unauthenticated = new("auth.unauthenticated",
        "请先登录（Cookie 或 Bearer 令牌）", "Sign in first (cookie or bearer token).", Status: 401);

    public static readonly Error RouteNotFound = new("route.not_found", "请求的地址不存在", "No such API address.", Status: 404);

    public static readonly Error MethodNotAllowed = new("route.method_not_allowed",
        "该地址不支持此 HTTP 方法", "This address does not support that HTTP method.", Status: 405);

    public static readonly Error UnsupportedMediaType = new("request.unsupported_media_type",
        "请求体须为 application/json", "The request body must be application/json.", Status: 415);

    /// <summary>Any other error status an API response ended with and no body (the middleware keeps that status).</summary>
    public static readonly Error RequestFailed = new("request.failed", "请求未能完成", "The request could not be completed.", Status: 400);

    /// <summary>
    /// The one answer to a programming error (an unhandled exception): a logged 500 with no internals. The only error
    /// that is not 4xx, allowed as such by the architecture test of catalogued messages.
    /// </summary>
    public static readonly Error ServerError = new("server.error",
        "服务器内部错误，已记录，请稍后重试", "An internal error occurred and was logged; please try again later.", Status: 500);
}
