using TechTransfer.Composition;
using TechTransfer.Composition.Accounts;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.Web.Infrastructure;

namespace TechTransfer.ApiTests.Infrastructure;

/// <summary>
/// Real platform accounts for tests. A <see cref="TestUser"/> from <see cref="TestUser.Of"/> exists only in request
/// headers; wherever a request names a user by id (completers, judges, assigned managers, bulk assignees) the platform
/// checks that the user exists and is visible, so such users must be created here.
/// </summary>
public static class TestAccounts
{
    public const string Password = "Str0ng!Passw0rd";

    public static async Task<TestUser> CreateAccountAsync(this TechTransferFactory factory, string role, Guid? organizationId,
        string? displayName = null, string password = Password)
    {
        var name = role.ToLowerInvariant()[..4] + Guid.NewGuid().ToString("N")[..12];
        var id = await factory.WithDbAsync(async (_, sp) =>
        {
            var result = await sp.GetRequiredService<UserAdministration>()
                .CreateAsync(name, displayName ?? "测试用户" + name[^4..], password, [role], organizationId);
            Assert.True(result.IsSuccess, result.Error?.En);
            return result.Value.Id;
        });
        return new TestUser(id, name, organizationId, role);
    }
}
