using Microsoft.Playwright;

namespace TechTransfer.BrowserTests.Demands;

/// <summary>Demands and challenges in Chromium on the demo dataset: post → review → publish; apply; judge with the rubric.</summary>
public sealed class DemandJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Enterprise_posts_a_demand_and_submits_it_then_an_admin_publishes_it_for_everyone()
    {
        var title = "工业机器人减速器磨损在线监测 " + Guid.NewGuid().ToString("N")[..4];
        var page = await browser.NewPageAsync();
        await page.SignInAsync("enterprise.zhixin");
        await page.GotoAsync("/demands/new");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#need").FillAsync("需要在不停机条件下监测 RV 减速器齿面磨损，提前预警失效。");
        await page.Locator("#goal").FillAsync("提前 200 小时预警，准确率 95% 以上。");
        await page.Locator("#field").SelectOptionAsync(new SelectOptionValue { Label = "先进制造" }); // a field of the taxonomy, chosen by its label
        await page.Locator("#ipc").FillAsync("G01M 13/02, F16H 57/01");
        await page.Locator("#division").SelectOptionAsync("310115"); // 浦东新区, a division chosen from the list
        await page.Locator("#budgetMin").FillAsync("300000");
        await page.Locator("#budgetMax").FillAsync("800000");
        await page.GetByLabel("合作开发").CheckAsync();
        await page.Locator("#contactName").FillAsync("赵总");
        await page.Locator("#contactPhone").FillAsync("021-58881234");
        await page.GetByTestId("save-demand").ClickAsync();
        await Assertions.Expect(page.GetByTestId("demand-title")).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByTestId("demand-status")).ToHaveTextAsync("草稿");
        var url = page.Url;
        await page.GetByTestId("submit-demand").ClickAsync();
        await Assertions.Expect(page.GetByTestId("demand-status")).ToHaveTextAsync("审核中");
        await page.Context.CloseAsync();

        var admin = await browser.NewPageAsync();
        await admin.SignInAsync("admin");
        await admin.GotoAsync("/demands/review");
        await admin.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await admin.Locator("input[name=ApproveComment]").FillAsync("内容完整");
        await admin.GetByTestId("approve-demand").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("demand-status")).ToHaveTextAsync("已发布");
        await admin.Context.CloseAsync();

        var visitor = await browser.NewPageAsync("en");
        await visitor.GotoAsync(url + "?culture=en");
        await Assertions.Expect(visitor.GetByTestId("demand-status")).ToHaveTextAsync("Published");
        await Assertions.Expect(visitor.GetByTestId("demand-contact")).Not.ToContainTextAsync("021-58881234");
        await visitor.ScreenshotAsync("demand-published-en");
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task Solver_applies_to_an_open_challenge_and_a_judge_scores_but_not_the_own_organisation()
    {
        var solver = await browser.NewPageAsync();
        await solver.SignInAsync("tto.sjtu");
        await solver.GotoAsync("/challenges");
        await solver.GetByRole(AriaRole.Link, new() { Name = "城市级储能电站安全监测关键技术揭榜挂帅" }).ClickAsync();
        await solver.Locator("#summary").FillAsync("上海交通大学：储能电站多物理场安全监测与风险评估平台");
        await solver.Locator("#approach").FillAsync("融合声学、气体与电化学阻抗谱信号，建立热失控前兆识别模型，并与消防系统分区联动。");
        await solver.GetByTestId("submit-application").ClickAsync();
        await Assertions.Expect(solver.GetByRole(AriaRole.Status)).ToHaveTextAsync("申报已提交。");
        await Assertions.Expect(solver.GetByTestId("application")).ToHaveCountAsync(1);
        await solver.Context.CloseAsync();

        var judge = await browser.NewPageAsync();
        await judge.SignInAsync("manager.tti");
        await judge.GotoAsync("/challenges?judging=true");
        await judge.GetByRole(AriaRole.Link, new() { Name = "高精度滚珠丝杠精度保持性创新挑战赛" }).ClickAsync();
        var sjtuApplication = judge.GetByTestId("application").Filter(new() { HasText = "基于数字孪生" });
        var form = sjtuApplication.GetByTestId("score-form");
        await form.Locator("input[name=c1]").FillAsync("8");
        await form.Locator("input[name=c2]").FillAsync("7.5");
        await form.Locator("input[name=c3]").FillAsync("9");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(judge.GetByRole(AriaRole.Status)).ToHaveTextAsync("评分已保存。");
        // (8×30 + 7.5×40 + 9×30) / 10 = 81.0
        await Assertions.Expect(judge.GetByTestId("application").Filter(new() { HasText = "基于数字孪生" })).ToContainTextAsync("81.0");
        await judge.Context.CloseAsync();

        var colleague = await browser.NewPageAsync();
        await colleague.SignInAsync("researcher.sjtu");
        await colleague.GotoAsync("/challenges?judging=true");
        await colleague.GetByRole(AriaRole.Link, new() { Name = "高精度滚珠丝杠精度保持性创新挑战赛" }).ClickAsync();
        await Assertions.Expect(colleague.GetByTestId("application").Filter(new() { HasText = "复旦大学" }).GetByTestId("score-form")).ToHaveCountAsync(1);
        await Assertions.Expect(colleague.GetByTestId("application").Filter(new() { HasText = "基于数字孪生" }).GetByTestId("score-form")).ToHaveCountAsync(0);
        await colleague.ScreenshotAsync("challenge-judging");
        await colleague.Context.CloseAsync();
    }

    [Fact]
    public async Task A_demand_page_shown_before_the_demand_changed_refuses_the_stale_action_with_the_conflict_message()
    {
        var title = "储能电池热管理方案 " + Guid.NewGuid().ToString("N")[..4];
        var first = await browser.NewPageAsync();
        await first.SignInAsync("enterprise.zhixin");
        await first.GotoAsync("/demands/new");
        await first.Locator("#title").FillAsync(title);
        await first.Locator("#need").FillAsync("需要一种储能电池包的液冷热管理方案，降低温差。");
        await first.Locator("#goal").FillAsync("电芯温差控制在 3℃ 以内。");
        await first.Locator("#field").SelectOptionAsync(new SelectOptionValue { Label = "新能源与高效节能" });
        await first.GetByLabel("合作开发").CheckAsync();
        await first.Locator("#contactName").FillAsync("钱工");
        await first.Locator("#contactPhone").FillAsync("021-58881235");
        await first.GetByTestId("save-demand").ClickAsync();
        await Assertions.Expect(first.GetByTestId("demand-status")).ToHaveTextAsync("草稿");

        var second = await browser.NewPageAsync();
        await second.SignInAsync("enterprise.zhixin");
        await second.GotoAsync(first.Url);
        await second.GetByTestId("submit-demand").ClickAsync();
        await Assertions.Expect(second.GetByTestId("demand-status")).ToHaveTextAsync("审核中");
        await second.Context.CloseAsync();

        await first.GetByTestId("submit-demand").ClickAsync();
        await Assertions.Expect(first.Locator(".alert-error")).ToContainTextAsync("记录已被他人修改");
        await Assertions.Expect(first.GetByTestId("demand-status")).ToHaveTextAsync("审核中");
        await first.Context.CloseAsync();
    }
}
