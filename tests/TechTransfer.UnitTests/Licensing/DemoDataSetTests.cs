using TechTransfer.Patents.Domain;
using TechTransfer.Patents.Features;

namespace TechTransfer.UnitTests.Licensing;

public sealed class DemoDataSetTests
{
    private static PatentDemoDataSet.Result Build() =>
        PatentDemoDataSet.Build(key => new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(key))), key => key + " 名称",
            new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Demo_dataset_has_open_licences_in_every_state()
    {
        var set = Build();
        Assert.Equal(Enum.GetValues<OpenLicenseStatus>().OrderBy(s => s), set.Declarations.Select(d => d.Status).Distinct().OrderBy(s => s));
    }

    [Fact]
    public void Demo_dataset_has_custody_agreements_in_every_state_including_expired()
    {
        var set = Build();
        var today = new DateOnly(2026, 11, 26);
        Assert.Equal(["Active", "Draft", "Expired", "Terminated"], set.Custody.Select(c => c.DisplayStatus(today)).Distinct().OrderBy(s => s));
    }

    [Fact]
    public void Demo_withdrawn_declaration_keeps_its_earlier_licence_valid()
    {
        var withdrawn = Build().Declarations.Single(d => d.Status == OpenLicenseStatus.Withdrawn);
        Assert.True(Assert.Single(withdrawn.Grants).IsValidOn(new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public void Demo_dataset_is_deterministic()
    {
        var a = Build();
        var b = Build();
        Assert.Equal(a.Patents.Select(p => (p.ApplicationNo, p.FilingDate, p.ExpiryDate)), b.Patents.Select(p => (p.ApplicationNo, p.FilingDate, p.ExpiryDate)));
    }
}
