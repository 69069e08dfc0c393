using TechTransfer.Platform;

namespace TechTransfer.Patents.Features;

/// <summary>Seeds <see cref="PatentDemoDataSet"/> after organisations and accounts.</summary>
internal sealed class PatentDemoData(Patents.PatentsDb data) : IDemoDataSeeder
{
    public int Order => 20;

    /// <summary>Names of the demo organisations this module refers to (keys of the organisation demo data).</summary>
    private static readonly Dictionary<string, string> Names = new()
    {
        ["fudan"] = "复旦大学", ["sjtu"] = "上海交通大学", ["tti"] = "上海长三角技术转移服务有限公司（示例）",
        ["zhixin"] = "上海智芯微电子科技有限公司（示例）", ["lvneng"] = "上海绿能电池材料有限公司（示例）",
        ["jinggong"] = "苏州精工丝杠传动有限公司（示例）", ["yuntu"] = "杭州云图数据科技有限公司（示例）",
        ["hefei"] = "合肥量子视觉科技有限公司（示例）",
    };

    public async Task SeedAsync(DemoDataContext context, CancellationToken ct)
    {
        var set = PatentDemoDataSet.Build(key => context.Organizations[key], key => Names.GetValueOrDefault(key, key), context.Now);
        data.Context.AddRange(set.Patents);
        data.Context.AddRange(set.Declarations);
        data.Context.AddRange(set.Custody);
        await data.Context.SaveChangesAsync(ct);
    }
}
