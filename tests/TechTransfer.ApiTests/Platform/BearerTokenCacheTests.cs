using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TechTransfer.Composition.Accounts;
using TechTransfer.Web.Infrastructure.Security;

namespace TechTransfer.ApiTests.Platform;

/// <summary>
/// The verified-token cache in front of the bearer token protector: a token is decrypted once per revalidation interval,
/// never past its expiry, failures are never remembered, and every request gets its own copy of the principal. (That a
/// cached token still ends with its session is shown by <see cref="SessionRevocationTests"/>, which runs through it.)
/// </summary>
public sealed class BearerTokenCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly CountingFormat _inner = new();

    private BearerTokenCache Cache(TimeSpan interval) =>
        new(_inner, _clock, Options.Create(new SessionLifetimeOptions { RevalidationInterval = interval }));

    private static AuthenticationTicket Ticket(DateTimeOffset expires) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "Bearer")),
            new AuthenticationProperties { ExpiresUtc = expires }, "Identity.Bearer");

    [Fact]
    public void A_token_is_decrypted_once_per_interval_and_each_caller_gets_its_own_principal()
    {
        var cache = Cache(TimeSpan.FromSeconds(30));
        _inner.Tickets["t1"] = Ticket(Start.AddMinutes(5));

        var first = cache.Unprotect("t1")!;
        var second = cache.Unprotect("t1")!;
        _clock.Advance(TimeSpan.FromSeconds(29));
        var third = cache.Unprotect("t1")!;
        Assert.Equal(1, _inner.Calls);
        Assert.NotSame(first.Principal, second.Principal);
        Assert.NotSame(second.Principal, third.Principal);
        Assert.NotSame(second.Properties, third.Properties);
        Assert.Equal("u1", third.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(Start.AddMinutes(5), third.Properties.ExpiresUtc);

        // a principal changed by one request is not what the next one sees
        ((ClaimsIdentity)second.Principal.Identity!).AddClaim(new Claim("x", "y"));
        Assert.Null(cache.Unprotect("t1")!.Principal.FindFirst("x"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        cache.Unprotect("t1");
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public void A_cached_token_is_not_kept_past_its_expiry()
    {
        var cache = Cache(TimeSpan.FromSeconds(30));
        _inner.Tickets["t1"] = Ticket(Start.AddSeconds(10));
        cache.Unprotect("t1");
        _clock.Advance(TimeSpan.FromSeconds(11));
        _inner.Tickets.Remove("t1"); // say the key was revoked meanwhile: the protector's answer counts again
        Assert.Null(cache.Unprotect("t1"));
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public void Failed_and_expired_tokens_are_never_cached()
    {
        var cache = Cache(TimeSpan.FromSeconds(30));
        Assert.Null(cache.Unprotect("forged"));
        Assert.Null(cache.Unprotect("forged"));
        _inner.Tickets["old"] = Ticket(Start.AddSeconds(-1));
        cache.Unprotect("old");
        cache.Unprotect("old");
        Assert.Equal(4, _inner.Calls);
    }

    [Fact]
    public void A_zero_interval_turns_the_cache_off_and_purpose_bound_calls_pass_through()
    {
        _inner.Tickets["t1"] = Ticket(Start.AddMinutes(5));
        var off = Cache(TimeSpan.Zero);
        off.Unprotect("t1");
        off.Unprotect("t1");
        Assert.Equal(2, _inner.Calls);

        var on = Cache(TimeSpan.FromSeconds(30));
        on.Unprotect("t1", "purpose");
        on.Unprotect("t1", "purpose");
        Assert.Equal(4, _inner.Calls);
        Assert.Equal("issued", on.Protect(Ticket(Start)));
    }

    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public Dictionary<string, AuthenticationTicket> Tickets { get; } = [];
        public int Calls { get; private set; }
        public string Protect(AuthenticationTicket data) => "issued";
        public string Protect(AuthenticationTicket data, string? purpose) => "issued";
        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Calls++;
            return protectedText is not null && Tickets.TryGetValue(protectedText, out var t) ? t : null;
        }
    }
}
