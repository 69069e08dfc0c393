using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace TechTransfer.Composition;

/// <summary>How the e-mail sender talks to the SMTP server.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP (a relay on the same host or network).</summary>
    None,
    /// <summary>STARTTLS after connecting (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// [CFG] <c>Smtp</c>: the outgoing mail server. E-mail is off while <see cref="Host"/> is empty; when it is set, the rest is
/// checked at start (<see cref="SmtpOptionsValidator"/>) and the background sender (<see cref="EmailSender"/>) runs.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Sender address, e.g. noreply@techtransfer.example.</summary>
    public string? From { get; set; }
    public string FromName { get; set; } = "上海技术转移平台 TechTransfer";
    /// <summary>Absolute address of the platform, put before a notification's link in the e-mail (e.g. https://tt.example).</summary>
    public string? BaseUrl { get; set; }
    /// <summary>How often the sender looks at the outbox.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Attempts per message before it is given up (back-off 1, 2, 4 … 60 minutes between them).</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Seconds to wait for the server.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions o)
    {
        if (!o.IsConfigured) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (o.Port is < 1 or > 65535) failures.Add("Smtp:Port must be between 1 and 65535.");
        if (string.IsNullOrWhiteSpace(o.From) || !MailAddress.TryCreate(o.From, out _)) failures.Add("Smtp:From must be an e-mail address.");
        if (o.BaseUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)))
            failures.Add("Smtp:BaseUrl must be an absolute http(s) address.");
        if (string.IsNullOrEmpty(o.UserName) != string.IsNullOrEmpty(o.Password)) failures.Add("Smtp:UserName and Smtp:Password go together.");
        if (o.Interval < TimeSpan.FromSeconds(1) || o.Interval > TimeSpan.FromHours(1)) failures.Add("Smtp:Interval must be between 1 second and 1 hour.");
        if (o.MaxAttempts is < 1 or > 50) failures.Add("Smtp:MaxAttempts must be between 1 and 50.");
        if (o.TimeoutSeconds is < 1 or > 600) failures.Add("Smtp:TimeoutSeconds must be between 1 and 600.");
        if (!Enum.IsDefined(o.Security)) failures.Add("Smtp:Security must be None, StartTls or SslOnConnect.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
