using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TechTransfer.Platform;

public static class RequestValidationExtensions
{
    /// <summary>
    /// Validates the endpoint's <typeparamref name="T"/> argument with the registered <see cref="IValidator{T}"/>
    /// before the handler runs; failures become a 422 problem with bilingual field errors.
    /// </summary>
    public static RouteHandlerBuilder WithRequestValidation<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var arg = ctx.Arguments.OfType<T>().FirstOrDefault();
            if (arg is null)
                return SharedKernel.Error.Validation("body", "validation.body_required", "请求体不能为空", "A request body is required.").ToProblem();
            var validator = ctx.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
            var error = validator.Check(arg);
            return error is null ? await next(ctx) : error.ToProblem();
        }).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
}
