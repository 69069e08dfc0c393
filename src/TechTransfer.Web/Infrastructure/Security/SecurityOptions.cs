using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using System.ComponentModel.DataAnnotations;
using System.Net;

namespace TechTransfer.Web.Infrastructure.Security;

/// <summary>
/// Sign-in throttling (<c>Security:Login</c>): at most <see cref="PerAddress"/> attempts from one client address and
/// <see cref="PerUserName"/> attempts for one user name in each <see cref="Window"/>; more are refused with 429 and
/// <c>Retry-After</c>. Every attempt counts, successful or not, for the API and the sign-in page alike.
/// </summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "Security:Login";

    [Range(1, 100_000)] public int PerAddress { get; set; } = 30;
    [Range(1, 100_000)] public int PerUserName { get; set; } = 10;
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")] public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Which reverse proxies may tell the client address and scheme (<c>Security:ForwardedHeaders</c>): X-Forwarded-For and
/// X-Forwarded-Proto are honoured only from <see cref="KnownProxies"/> (addresses) and <see cref="KnownNetworks"/>
/// (CIDR ranges). Neither set: loopback only (127.0.0.0/8 and ::1), i.e. a proxy on the same machine.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string Section = "Security:ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];
    public string[] KnownNetworks { get; set; } = [];
    /// <summary>How many proxies in front of the app (entries of X-Forwarded-For taken from the right).</summary>
    [Range(1, 10)] public int ForwardLimit { get; set; } = 1;

    public IEnumerable<IPAddress> Proxies => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<System.Net.IPNetwork> Networks =>
        KnownProxies.Length == 0 && KnownNetworks.Length == 0
            ? [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")]
            : KnownNetworks.Select(System.Net.IPNetwork.Parse);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var p in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"{Section}:KnownProxies: '{p}' is not an IP address.", [nameof(KnownProxies)]);
        foreach (var n in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"{Section}:KnownNetworks: '{n}' is not a CIDR range such as 10.0.0.0/8.", [nameof(KnownNetworks)]);
    }
}
