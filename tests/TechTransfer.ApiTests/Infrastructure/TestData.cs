using TechTransfer.Organizations.Domain;

namespace TechTransfer.ApiTests.Infrastructure;

/// <summary>Builders for records tests need, written straight to the database of the factory.</summary>
public static class TestData
{
    private static readonly Random Random = new();

    /// <summary>A fresh, valid, unused unified social credit code in the given division.</summary>
    public static string NewCreditCode(string division = "310104", char authority = '9', char type = '1')
    {
        var body = new char[9];
        lock (Random)
            for (var i = 0; i < 9; i++) body[i] = UnifiedSocialCreditCode.Alphabet[Random.Next(UnifiedSocialCreditCode.Alphabet.Length)];
        return UnifiedSocialCreditCode.Compose(authority, type, division, new string(body));
    }

    public static async Task<Organization> CreateOrganizationAsync(this TechTransferFactory factory,
        OrganizationKind kind = OrganizationKind.Enterprise, string nature = "150", string division = "310104", string? nameZh = null,
        Guid? id = null)
    {
        var org = Organization.Register(new OrganizationDetails(
            nameZh ?? $"测试机构{Guid.NewGuid():N}"[..14], "Test organisation", NewCreditCode(division), kind, nature, "CHN", division,
            null, null, null, null, [new OrganizationContact("联系人", null, "021-12345678", "c@example.cn")]), factory.Clock.GetUtcNow());
        // a fixed id lets a test name the organisation (e.g. in its signed-in users) before it is registered
        if (id is { } fixedId) typeof(Organization).GetProperty(nameof(Organization.Id))!.SetValue(org, fixedId);
        await factory.WithDbAsync(async db => { db.Add(org); await db.SaveChangesAsync(); });
        return org;
    }
}
