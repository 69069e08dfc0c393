using System.Globalization;
using FluentValidation;
using TechTransfer.SharedKernel;

namespace TechTransfer.Platform;

/// <summary>
/// Runs a FluentValidation validator in both languages and returns bilingual field errors. Built-in messages come
/// from FluentValidation's own zh-CN and en translations; custom messages use <see cref="Bilingual.T"/>.
/// </summary>
public static class BilingualValidation
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    public static IReadOnlyList<FieldError> Validate<T>(IValidator<T> validator, T instance)
    {
        var zh = Run(validator, instance, Zh);
        if (zh.Count == 0) return [];
        var en = Run(validator, instance, En);
        var result = new List<FieldError>(zh.Count);
        for (var i = 0; i < zh.Count; i++)
        {
            var z = zh[i];
            var e = i < en.Count ? en[i] : z;
            result.Add(new FieldError(CamelCase(z.PropertyName), Code(z.ErrorCode), z.ErrorMessage, e.ErrorMessage));
        }
        return result;
    }

    /// <summary>Validation error (422) when anything fails, else null.</summary>
    public static Error? Check<T>(this IValidator<T> validator, T instance)
    {
        var errors = Validate(validator, instance);
        return errors.Count == 0 ? null : Error.Validation(errors);
    }

    private static List<FluentValidation.Results.ValidationFailure> Run<T>(IValidator<T> validator, T instance, CultureInfo culture)
    {
        var (ui, cur) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            return validator.Validate(instance).Errors;
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = cur;
        }
    }

    private static string Code(string errorCode) => errorCode.Contains('.') ? errorCode : "validation." + SnakeCase(errorCode.Replace("Validator", ""));

    private static string CamelCase(string path) => string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    private static string SnakeCase(string s) => string.Concat(s.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
