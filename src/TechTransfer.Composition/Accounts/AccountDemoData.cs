using Microsoft.AspNetCore.Identity;
using TechTransfer.Data.Identity;
using TechTransfer.Platform;
using TechTransfer.SharedKernel;

namespace TechTransfer.Composition.Accounts;

/// <summary>
/// Demo accounts, one or more for every role (listed in README.md). They exist only in demo mode; in production the
/// first administrator is created with <c>tt user add</c>.
/// </summary>
public sealed class AccountDemoData(UserAdministration users) : IDemoDataSeeder
{
    public const string Password = "Demo@2027tt";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string Org)> Accounts =
    [
        ("admin", "平台管理员", Roles.PlatformAdmin, "platform"),
        ("tto.fudan", "复旦技术转移中心 张老师", Roles.InstitutionAdmin, "fudan"),
        ("researcher.fudan", "复旦 陈教授", Roles.Researcher, "fudan"),
        ("tto.sjtu", "交大技术转移办 刘老师", Roles.InstitutionAdmin, "sjtu"),
        ("researcher.sjtu", "交大 王研究员", Roles.Researcher, "sjtu"),
        ("enterprise.zhixin", "智芯微电子 赵总", Roles.Enterprise, "zhixin"),
        ("enterprise.lvneng", "绿能电池 孙经理", Roles.Enterprise, "lvneng"),
        ("manager.tti", "技术经理人 周经理", Roles.TechManager, "tti"),
        ("exchange.operator", "技术交易所 吴专员", Roles.ExchangeOperator, "exchange"),
        ("registrar", "合同登记员 郑老师", Roles.Registrar, "registry"),
        ("analyst", "市科委 分析员", Roles.Analyst, "stcsm"),
    ];

    public int Order => 1;

    public async Task SeedAsync(DemoDataContext context, CancellationToken ct)
    {
        foreach (var (userName, displayName, role, org) in Accounts)
        {
            var result = await users.CreateAsync(userName, displayName, Password, [role], context.Organizations[org]);
            if (result.IsFailure) throw new InvalidOperationException($"Demo account {userName}: {result.Error!.En}");
            context.Users[userName] = result.Value.Id;
        }
    }
}
