using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TechTransfer.Composition.Accounts;

namespace TechTransfer.Web.Infrastructure.Security;

/// <summary>
/// Remembers bearer tokens this instance has already decrypted and verified, so that a client sending the same access
/// token again (a bidder's every bid, an API client's every call) is not decrypted again: unprotecting a token (key
/// derivation, AES, HMAC, ticket deserialisation) was about a tenth of the server's CPU on the bid path.
/// <list type="bullet">
/// <item>Keyed by the whole token text: only a token that verified before is answered from the cache, with the ticket it
/// verified to (a copy per request, so no request can change another's principal). Tokens that fail are never cached.</item>
/// <item>Expiry: the ticket keeps its <c>ExpiresUtc</c>, which the bearer handler compares with the clock on every
/// request, cached or not; an entry is never kept past it.</item>
/// <item>Revocation: a cached answer is reused for at most <see cref="SessionLifetimeOptions.RevalidationInterval"/> (the
/// same bound as the session check), and the session check (<see cref="UserSessions"/>: user exists, not locked out,
/// same security stamp) still runs on every request in <see cref="BearerSessionMiddleware"/>. An interval of zero turns
/// the cache off.</item>
/// <item>Bounded: at most <see cref="Capacity"/> tokens; beyond that new tokens are decrypted as before until entries expire.</item>
/// </list>
/// Issuing tokens (<see cref="Protect(AuthenticationTicket)"/>) and purpose-bound unprotection pass straight through.
/// </summary>
public sealed class BearerTokenCache : ISecureDataFormat<AuthenticationTicket>
{
    public const int Capacity = 10_000;

    private sealed record Entry(AuthenticationTicket Ticket, DateTimeOffset CheckedAt);

    private readonly ISecureDataFormat<AuthenticationTicket> _inner;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public BearerTokenCache(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock, IOptions<SessionLifetimeOptions> options)
    {
        _inner = inner;
        _clock = clock;
        _interval = options.Value.RevalidationInterval;
    }

    public string Protect(AuthenticationTicket data) => _inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => _inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (purpose is not null || string.IsNullOrEmpty(protectedText) || _interval <= TimeSpan.Zero) return _inner.Unprotect(protectedText, purpose);
        var now = _clock.GetUtcNow();
        if (_cache.TryGetValue(protectedText, out Entry? hit) && hit is not null && now >= hit.CheckedAt && now - hit.CheckedAt < _interval
            && now < hit.Ticket.Properties.ExpiresUtc)
            return Copy(hit.Ticket);

        var ticket = _inner.Unprotect(protectedText);
        if (ticket?.Properties.ExpiresUtc is { } expires && expires > now)
        {
            var keep = expires - now < _interval ? expires - now : _interval;
            _cache.Set(protectedText, new Entry(Copy(ticket), now), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = keep });
        }
        return ticket;
    }

    // ClaimsPrincipal.Clone shares its identities; each identity is copied with its claims
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(new ClaimsPrincipal(ticket.Principal.Identities.Select(i => i.Clone())), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}
