using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TechTransfer.ApiTests.Contracts;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Exchange.Domain.Valuation;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Exchange;

/// <summary>
/// The valuation workspace (确价) through HTTP on both databases: each approach run and kept with its figures, who and
/// when; the history; the chosen value with rationale; every denial (role 403, other organisation 404), every invalid
/// input (422, nothing stored), a stale version (409); and R6.3: a price, reserve or starting price below the chosen
/// valuation of a state-funded seller is refused at approval and when the auction lot is opened.
/// </summary>
public abstract class ValuationApiTests(TechTransferFactory factory) : IAsyncLifetime
{
    private readonly Guid _fudan = Guid.NewGuid();
    private readonly Guid _sjtu = Guid.NewGuid();
    private readonly Guid _company = Guid.NewGuid();
    private readonly Guid _exchange = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        await factory.CreateOrganizationAsync(OrganizationKind.University, nature: "022", id: _fudan);
        await factory.CreateOrganizationAsync(OrganizationKind.University, nature: "022", id: _sjtu);
        await factory.CreateOrganizationAsync(OrganizationKind.Enterprise, id: _company);
        await factory.CreateOrganizationAsync(OrganizationKind.TransferInstitution, id: _exchange);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Office => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _fudan, "valuer-fudan"));
    private HttpClient OtherOffice => factory.ClientAs(TestUser.Of(Roles.InstitutionAdmin, _sjtu));
    private HttpClient Company => factory.ClientAs(TestUser.Of(Roles.Enterprise, _company));
    private HttpClient Exchange => factory.ClientAs(TestUser.Of(Roles.ExchangeOperator, _exchange, "exchange-valuer"));
    private HttpClient Researcher => factory.ClientAs(TestUser.Of(Roles.Researcher, _fudan));
    private HttpClient Anonymous => factory.ClientAs(null);

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"Expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<Guid> PatentAsync(string filingDate = "2021-06-01")
    {
        var body = new
        {
            applicationNo = "CN" + filingDate[..4] + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".2", type = "Invention", title = "一种固态电解质制备方法",
            patenteeNames = "复旦大学", filingDate, grantAnnouncementDate = "2023-08-01", legalStatus = "InForce",
            annualFeePaidUntil = "2026-05-31", ipcCodes = "H01M 10/0562",
        };
        return (await Json(await Office.PostAsJsonAsync("/api/v1/patents", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static object ListingBody(Guid patent, string method = "ExchangeListing", decimal price = 500_000m, bool stateFunded = true, int? version = null) => new
    {
        title = "固态电解质专利转让", description = "高离子电导率固态电解质及其制备方法。", subjectType = "Patent", patentIds = new[] { patent },
        dealType = "Transfer", pricingMethod = method, priceYuan = price, documents = new[] { "专利证书" }, completerNames = new[] { "张伟" },
        stateFunded, version,
    };

    private async Task<Guid> ListingAsync(string until, Guid? patent = null, string method = "ExchangeListing", decimal price = 500_000m, bool stateFunded = true)
    {
        var id = (await Json(await Office.PostAsJsonAsync("/api/v1/listings", ListingBody(patent ?? await PatentAsync(), method, price, stateFunded)),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        if (until == "draft") return id;
        await Json(await Office.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.OK);
        if (until == "review") return id;
        if (stateFunded) await ChooseAsync(id, price); // R6.3: published only with a chosen value
        await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { comment = "准予挂牌" }), HttpStatusCode.OK);
        return id;
    }

    private static object Cost(decimal c = 1_000_000m, decimal p = 20m, decimal f = 10m, decimal e = 5m, int? version = null) => new
    {
        replacementCostYuan = c, physicalObsolescencePercent = p, functionalObsolescencePercent = f, economicObsolescencePercent = e, version,
    };

    private Task<int> RunCountAsync(Guid listing) => factory.WithDbAsync((db, _) =>
        db.Set<ListingValuation>().Where(v => v.ListingId == listing).SelectMany(v => v.Runs).CountAsync());

    [Fact]
    public async Task Cost_and_income_runs_are_kept_with_their_figures_who_and_when_and_the_value_is_chosen_with_a_rationale()
    {
        var patent = await PatentAsync();
        var id = await ListingAsync("review", patent);
        var url = $"/api/v1/listings/{id}/valuation";
        var empty = await Json(await Office.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(0, empty.GetProperty("runs").GetArrayLength());
        Assert.Equal(0, empty.GetProperty("version").GetInt32());
        Assert.True(empty.GetProperty("valuationRequired").GetBoolean()); // a state-funded seller

        var cost = await Json(await Office.PostAsJsonAsync($"{url}/cost", Cost()), HttpStatusCode.Created);
        Assert.Equal("Cost", cost.GetProperty("approach").GetString());
        Assert.Equal(684_000m, cost.GetProperty("resultYuan").GetDecimal()); // 1,000,000 × 0.8 × 0.9 × 0.95
        Assert.Equal(800_000m, cost.GetProperty("cost").GetProperty("afterPhysicalYuan").GetDecimal());
        Assert.Equal(720_000m, cost.GetProperty("cost").GetProperty("afterFunctionalYuan").GetDecimal());
        Assert.Equal(ValuationCalculator.CostFormula, cost.GetProperty("formula").GetString());
        Assert.Equal("valuer-fudan", cost.GetProperty("byName").GetString());
        Assert.Equal(factory.Clock.GetUtcNow(), cost.GetProperty("at").GetDateTimeOffset());

        // the exchange operator values too: royalty relief, every year of the DCF shown
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var income = await Json(await Exchange.PostAsJsonAsync($"{url}/income", new
        {
            method = "RoyaltyRelief", annualRevenueYuan = new[] { 1_000_000m, 2_000_000m, 3_000_000m }, discountRatePercent = 10m, taxRatePercent = 25m,
            royaltyRatePercent = 5m,
        }), HttpStatusCode.Created);
        var years = income.GetProperty("income").GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(3, years.Count);
        Assert.Equal(37_500m, years[0].GetProperty("cashFlowYuan").GetDecimal()); // 1,000,000 × 5 % × 75 %
        Assert.Equal(34_090.91m, years[0].GetProperty("presentValueYuan").GetDecimal()); // ÷ 1.1
        Assert.Equal(years.Sum(y => y.GetProperty("presentValueYuan").GetDecimal()), income.GetProperty("resultYuan").GetDecimal());
        Assert.Equal("exchange-valuer", income.GetProperty("byName").GetString());
        // a patent listing's life is the listed patent's term (filed 2021-06-01: 20 years), not a date the caller names
        var expiry = (await Json(await Office.GetAsync($"/api/v1/patents/{patent}"), HttpStatusCode.OK)).GetProperty("expiryDate").GetString();
        Assert.StartsWith("2041-", expiry);
        Assert.Equal(expiry, income.GetProperty("income").GetProperty("inputs").GetProperty("patentTermEndsOn").GetString());

        var history = await Json(await Office.GetAsync(url), HttpStatusCode.OK);
        var runs = history.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["Income", "Cost"], runs.Select(r => r.GetProperty("approach").GetString()));
        Assert.Equal(2, history.GetProperty("version").GetInt32());

        // choosing: on a performed approach, with a rationale; stale version 409
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"{url}/choice", new { basis = "Market", valueYuan = 600_000m, rationale = "市场法" }),
            HttpStatusCode.UnprocessableEntity, "valuation.approach_not_performed");
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"{url}/choice", new { basis = "Cost", valueYuan = 684_000m, rationale = "成本法", version = 1 }),
            HttpStatusCode.Conflict, "concurrency.conflict");
        var chosen = await Json(await Office.PostAsJsonAsync($"{url}/choice",
            new { basis = "Cost", valueYuan = 684_000m, rationale = "收入预测不确定，以成本法为准", version = 2 }), HttpStatusCode.OK);
        Assert.Equal(684_000m, chosen.GetProperty("chosenValueYuan").GetDecimal());
        Assert.Equal("Cost", chosen.GetProperty("chosenBasis").GetString());
        Assert.Equal("收入预测不确定，以成本法为准", chosen.GetProperty("rationale").GetString());
        Assert.Equal("valuer-fudan", chosen.GetProperty("chosenByName").GetString());
        Assert.Equal(684_000m, chosen.GetProperty("requiredValueYuan").GetDecimal());
        Assert.True(chosen.GetProperty("priceBelowRequiredValue").GetBoolean()); // listed at 500,000 before the value was chosen
        Assert.Equal(3, chosen.GetProperty("version").GetInt32());

        // every change is audited
        Assert.True(await factory.WithDbAsync((db, _) => db.AuditEntries.AnyAsync(a => a.EntityType == "ListingValuation" && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task Only_the_listing_side_and_the_exchange_operator_value_others_are_denied()
    {
        var id = await ListingAsync("published");
        var url = $"/api/v1/listings/{id}/valuation";
        await ProblemAssert.IsProblem(await Researcher.GetAsync(url), HttpStatusCode.Forbidden, "valuation.role_not_allowed");
        await ProblemAssert.IsProblem(await Researcher.PostAsJsonAsync($"{url}/cost", Cost()), HttpStatusCode.Forbidden, "valuation.role_not_allowed");
        // the listing is public, its valuation is not: another organisation finds nothing
        await ProblemAssert.IsProblem(await OtherOffice.GetAsync(url), HttpStatusCode.NotFound, "listing.not_found");
        await ProblemAssert.IsProblem(await Company.PostAsJsonAsync($"{url}/cost", Cost()), HttpStatusCode.NotFound, "listing.not_found");
        await ProblemAssert.IsProblem(await Company.GetAsync($"{url}/market"), HttpStatusCode.NotFound, "listing.not_found");
        await ProblemAssert.IsProblem(await OtherOffice.PostAsJsonAsync($"{url}/choice", new { basis = "Cost", valueYuan = 1m, rationale = "x" }),
            HttpStatusCode.NotFound, "listing.not_found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync(url)).StatusCode);
        await ProblemAssert.IsProblem(await Office.GetAsync($"/api/v1/listings/{Guid.NewGuid()}/valuation"), HttpStatusCode.NotFound, "listing.not_found");
        // a draft is the lister's alone: the operator sees it from submission on
        var draft = await ListingAsync("draft");
        await ProblemAssert.IsProblem(await Exchange.GetAsync($"/api/v1/listings/{draft}/valuation"), HttpStatusCode.NotFound, "listing.not_found");
        await Json(await Office.PostAsJsonAsync($"/api/v1/listings/{draft}/valuation/cost", Cost()), HttpStatusCode.Created);
        Assert.Equal(1, await RunCountAsync(id)); // only the holder's run made before publication (R6.3); the denials stored nothing
    }

    [Fact]
    public async Task Every_invalid_input_is_a_field_error_in_both_languages_and_stores_nothing()
    {
        var id = await ListingAsync("review");
        var url = $"/api/v1/listings/{id}/valuation";
        var cost = await Office.PostAsJsonAsync($"{url}/cost", Cost(c: -5m, p: -1m, f: 101m, e: 100.5m));
        await ProblemAssert.HasFieldError(cost, "replacementCostYuan", "valuation.amount_not_positive");
        var again = await Office.PostAsJsonAsync($"{url}/cost", Cost(c: 0m, p: -1m, f: 101m, e: 100.5m));
        var body = await ProblemAssert.HasFieldError(again, "physicalObsolescencePercent", "valuation.percent_out_of_range");
        var fields = body.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("functionalObsolescencePercent", fields);
        Assert.Contains("economicObsolescencePercent", fields);

        object Income(string method = "ProfitSplit", decimal[]? revenue = null, decimal discount = 10m, decimal tax = 25m, decimal? margin = 20m,
            decimal? share = 30m, decimal? royalty = null) => new
        {
            method, annualRevenueYuan = revenue ?? [1_000_000m], discountRatePercent = discount, taxRatePercent = tax, profitMarginPercent = margin,
            profitSharePercent = share, royaltyRatePercent = royalty,
        };
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/income", Income(revenue: [])), "annualRevenueYuan", "valuation.forecast_required");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/income", Income(revenue: [100m, -1m])), "annualRevenueYuan", "valuation.forecast_required");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/income", Income(revenue: Enumerable.Repeat(1m, 31).ToArray())),
            "annualRevenueYuan", "valuation.forecast_required");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/income", Income(discount: 0m)), "discountRatePercent", "valuation.discount_rate_invalid");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/income", Income(discount: 100.01m)), "discountRatePercent", "valuation.discount_rate_invalid");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/income", Income(tax: 120m)), "taxRatePercent", "valuation.percent_out_of_range");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/income", Income(margin: null)), "profitSharePercent", "valuation.profit_split_inputs_required");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/income", Income(share: 150m)), "profitSharePercent", "valuation.percent_out_of_range");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/income", Income("RoyaltyRelief", margin: null, share: null)),
            "royaltyRatePercent", "valuation.royalty_rate_required");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/income", Income("RoyaltyRelief", royalty: -2m)),
            "royaltyRatePercent", "valuation.percent_out_of_range");
        // an achievement's term named by the caller must lie ahead (a patent listing takes its patents' term)
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/income", new
        {
            method = "RoyaltyRelief", annualRevenueYuan = new[] { 1m }, discountRatePercent = 10m, taxRatePercent = 25m, royaltyRatePercent = 5m,
            patentTermEndsOn = "2020-01-01",
        }), "patentTermEndsOn", "valuation.patent_term_ended");

        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/choice", new { basis = "Cost", valueYuan = -1m, rationale = "x" }),
            "valueYuan", "valuation.amount_not_positive");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/choice", new { basis = "Cost", valueYuan = 1m, rationale = " " }),
            "rationale", "valuation.rationale_required");
        await ProblemAssert.HasFieldError(await Office.PostAsJsonAsync($"{url}/choice", new { basis = "Cost", valueYuan = 1m, rationale = new string('理', 2001) }),
            "rationale", "valuation.rationale_too_long");
        await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"{url}/choice", new { basis = "Cost", valueYuan = 1m, rationale = "先选后评" }),
            HttpStatusCode.UnprocessableEntity, "valuation.approach_not_performed");
        Assert.Equal(0, await RunCountAsync(id));
        Assert.False(await factory.WithDbAsync((db, _) => db.Set<ListingValuation>().AnyAsync(v => v.ListingId == id)));

        // the income approach's life ends with an old patent's term: the second year counts nothing
        var old = await ListingAsync("review", await PatentAsync("2006-06-01"));
        var bounded = await Json(await Office.PostAsJsonAsync($"/api/v1/listings/{old}/valuation/income", Income(revenue: [1_000_000m, 1_000_000m])),
            HttpStatusCode.Created);
        var detail = bounded.GetProperty("income");
        Assert.True(detail.GetProperty("lifeYears").GetDecimal() < 1m);
        Assert.Equal(0m, detail.GetProperty("years")[1].GetProperty("lifeFraction").GetDecimal());
        Assert.Equal(0m, detail.GetProperty("years")[1].GetProperty("presentValueYuan").GetDecimal());
    }

    [Fact]
    public async Task The_market_run_keeps_its_comparables_snapshot_and_needs_enough_of_them()
    {
        var achievement = await factory.RegisteredAchievementAsync(_fudan);
        var created = await Json(await Office.PostAsJsonAsync("/api/v1/listings", new
        {
            title = "锂电池缺陷检测技术秘密转让", description = "基于深度学习的锂电池缺陷检测方法。", subjectType = "Achievement", achievementId = achievement,
            patentIds = Array.Empty<Guid>(), dealType = "Transfer", pricingMethod = "ExchangeListing", priceYuan = 500_000m, documents = Array.Empty<string>(),
            completerNames = Array.Empty<string>(), stateFunded = false,
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var url = $"/api/v1/listings/{id}/valuation";
        var preview = await Json(await Office.GetAsync($"{url}/market"), HttpStatusCode.OK);
        Assert.False(preview.GetProperty("shown").GetBoolean());
        var refused = await ProblemAssert.IsProblem(await Office.PostAsJsonAsync($"{url}/market", new { }), HttpStatusCode.UnprocessableEntity,
            "valuation.not_enough_comparables");
        Assert.Equal("R6.3", refused.GetProperty("rule").GetString());
        Assert.Equal(0, await RunCountAsync(id));

        // five registered transfer contracts of the achievement's field
        var parties = await factory.NewPartiesAsync();
        foreach (var amount in new[] { 100_000m, 200_000m, 300_000m, 400_000m, 900_000m })
            await RegisteredTransferAsync(parties, amount, "计算机科学与技术");
        var run = await Json(await Office.PostAsJsonAsync($"{url}/market", new { }), HttpStatusCode.Created);
        var market = run.GetProperty("market");
        Assert.Equal(300_000m, run.GetProperty("resultYuan").GetDecimal());
        Assert.Equal(200_000m, market.GetProperty("lowerQuartileYuan").GetDecimal());
        Assert.Equal(400_000m, market.GetProperty("upperQuartileYuan").GetDecimal());
        Assert.Equal(200_000m, market.GetProperty("interquartileRangeYuan").GetDecimal());
        Assert.Equal(5, market.GetProperty("comparables").GetArrayLength());
        Assert.Equal("Transfer", market.GetProperty("category").GetString());

        // a sixth contract later does not change the kept snapshot
        await RegisteredTransferAsync(parties, 1_000_000m, "计算机科学与技术");
        var kept = (await Json(await Office.GetAsync(url), HttpStatusCode.OK)).GetProperty("runs")[0].GetProperty("market");
        Assert.Equal(5, kept.GetProperty("comparables").GetArrayLength());
        Assert.Equal(6, (await Json(await Office.GetAsync($"{url}/market"), HttpStatusCode.OK)).GetProperty("comparableCount").GetInt32());
    }

    private async Task RegisteredTransferAsync(ContractParties parties, decimal amount, string field)
    {
        var body = JsonSerializer.SerializeToNode(ContractTestSupport.DraftRequest(parties, amount, "Transfer", "TechnicalSecretTransfer"))!.AsObject();
        body["technicalField"] = field;
        var seller = factory.ClientAs(parties.SellerUser);
        var id = (await Json(await seller.PostAsJsonAsync("/api/v1/contracts", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ContractTestSupport.OkAsync(await seller.PostAsJsonAsync($"/api/v1/contracts/{id}/attachments",
            new { kind = "ContractText", fileName = "合同.pdf", contentType = "application/pdf", sizeBytes = 1000 }));
        await ContractTestSupport.OkAsync(await seller.PostAsync($"/api/v1/contracts/{id}/submit", null));
        var registrar = factory.ClientAs(parties.Registrar);
        await ContractTestSupport.OkAsync(await registrar.PostAsync($"/api/v1/contracts/{id}/accept", null));
        await ContractTestSupport.OkAsync(await registrar.PostAsJsonAsync($"/api/v1/contracts/{id}/register", new { }));
    }

    private async Task ChooseAsync(Guid listing, decimal value)
    {
        var url = $"/api/v1/listings/{listing}/valuation";
        await Json(await Office.PostAsJsonAsync($"{url}/cost", Cost(c: value, p: 0m, f: 0m, e: 0m)), HttpStatusCode.Created);
        await Json(await Office.PostAsJsonAsync($"{url}/choice", new { basis = "Cost", valueYuan = value, rationale = "以重置成本为准" }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task R6_3_a_state_funded_price_below_the_chosen_valuation_is_not_published()
    {
        var id = await ListingAsync("review", price: 500_000m);
        await ChooseAsync(id, 600_000m);
        var refused = await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { comment = "准予" }),
            HttpStatusCode.UnprocessableEntity, "valuation.reserve_below_valuation");
        Assert.Equal("R6.3", refused.GetProperty("rule").GetString());
        Assert.Equal("InReview", (await Json(await Office.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());

        // returned to be re-priced: the lister cannot edit the price below it either; at the valuation it passes
        await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/rectify", new { reason = "挂牌价低于评估确定的价值" }), HttpStatusCode.OK);
        var current = await Json(await Office.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.OK);
        var patent = current.GetProperty("patents")[0].GetProperty("patentId").GetGuid();
        var version = current.GetProperty("version").GetInt32();
        await ProblemAssert.IsProblem(await Office.PutAsJsonAsync($"/api/v1/listings/{id}", ListingBody(patent, price: 599_999.99m, version: version)),
            HttpStatusCode.UnprocessableEntity, "valuation.reserve_below_valuation");
        await Json(await Office.PutAsJsonAsync($"/api/v1/listings/{id}", ListingBody(patent, price: 600_000m, version: version)), HttpStatusCode.OK);
        await Json(await Office.PostAsync($"/api/v1/listings/{id}/submit", null), HttpStatusCode.OK);
        var published = await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { comment = "准予" }), HttpStatusCode.OK);
        Assert.Equal("Published", published.GetProperty("status").GetString());

        // a seller that is not state-funded needs no valuation floor
        var free = await ListingAsync("review", price: 100_000m, stateFunded: false);
        await ChooseAsync(free, 600_000m);
        await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{free}/approve", new { comment = "准予" }), HttpStatusCode.OK);

        // editing a published listing is held to the approval's rule: once its seller is state-funded, a value must be chosen
        // first (the refused edit leaves it published); a draft may still be edited before it is valued
        var plainPatent = await PatentAsync();
        var plain = await ListingAsync("published", plainPatent, price: 100_000m, stateFunded: false);
        var plainVersion = (await Json(await Office.GetAsync($"/api/v1/listings/{plain}"), HttpStatusCode.OK)).GetProperty("version").GetInt32();
        var notChosen = await ProblemAssert.IsProblem(await Office.PutAsJsonAsync($"/api/v1/listings/{plain}",
            ListingBody(plainPatent, price: 100_000m, stateFunded: true, version: plainVersion)), HttpStatusCode.UnprocessableEntity, "valuation.not_chosen");
        Assert.Equal("R6.3", notChosen.GetProperty("rule").GetString());
        Assert.Equal("Published", (await Json(await Office.GetAsync($"/api/v1/listings/{plain}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        await ChooseAsync(plain, 100_000m);
        var reopened = await Json(await Office.PutAsJsonAsync($"/api/v1/listings/{plain}",
            ListingBody(plainPatent, price: 100_000m, stateFunded: true, version: plainVersion)), HttpStatusCode.OK);
        Assert.Equal("InReview", reopened.GetProperty("status").GetString());
        var draft = await ListingAsync("draft");
        var draftBody = await Json(await Office.GetAsync($"/api/v1/listings/{draft}"), HttpStatusCode.OK);
        await Json(await Office.PutAsJsonAsync($"/api/v1/listings/{draft}", ListingBody(draftBody.GetProperty("patents")[0].GetProperty("patentId").GetGuid(),
            price: 450_000m, version: draftBody.GetProperty("version").GetInt32())), HttpStatusCode.OK);
    }

    [Fact]
    public async Task R6_3_an_auction_reserve_or_a_no_reserve_starting_price_below_the_chosen_valuation_is_refused()
    {
        var w = await AuctionTestSupport.WorldAsync(factory);
        var office = factory.ClientAs(w.Office);
        var listing = (await Json(await office.PostAsJsonAsync("/api/v1/listings", ListingBody(w.Patent, "Auction", 400_000m)), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Json(await office.PostAsJsonAsync($"/api/v1/listings/{listing}/valuation/cost", Cost(c: 600_000m, p: 0m, f: 0m, e: 0m)), HttpStatusCode.Created);
        await Json(await office.PostAsJsonAsync($"/api/v1/listings/{listing}/valuation/choice", new { basis = "Cost", valueYuan = 600_000m, rationale = "重置成本" }),
            HttpStatusCode.OK);
        var op = factory.ClientAs(w.Operator);
        var starts = factory.Clock.GetUtcNow().AddDays(10);
        JsonObject Lot(decimal start, decimal? reserve)
        {
            var lot = JsonSerializer.SerializeToNode(AuctionTestSupport.LotBody(w, starts, TimeSpan.FromHours(1), start, reserve), AuctionTestSupport.JsonWeb)!.AsObject();
            lot["listingId"] = listing;
            return lot;
        }
        var below = await ProblemAssert.IsProblem(await op.PostAsJsonAsync("/api/v1/auctions", Lot(400_000m, 550_000m)),
            HttpStatusCode.UnprocessableEntity, "valuation.reserve_below_valuation");
        Assert.Equal("reservePrice", below.GetProperty("fieldErrors")[0].GetProperty("field").GetString());
        var noReserve = await ProblemAssert.IsProblem(await op.PostAsJsonAsync("/api/v1/auctions", Lot(500_000m, null)),
            HttpStatusCode.UnprocessableEntity, "valuation.reserve_below_valuation");
        Assert.Equal("startingPrice", noReserve.GetProperty("fieldErrors")[0].GetProperty("field").GetString());
        Assert.Equal(0, await factory.WithDbAsync((db, _) =>
            db.Set<TechTransfer.Exchange.Domain.Auctions.AuctionLot>().CountAsync(l => l.ListingId == listing)));
        // the listing's own price is an auction's starting price: approval leaves it to the lot's reserve
        await Json(await office.PostAsync($"/api/v1/listings/{listing}/submit", null), HttpStatusCode.OK);
        await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{listing}/approve", new { comment = "准予" }), HttpStatusCode.OK);
        await Json(await op.PostAsJsonAsync("/api/v1/auctions", Lot(400_000m, 600_000m)), HttpStatusCode.Created);
        await Json(await op.PostAsJsonAsync("/api/v1/auctions", Lot(600_000m, null)), HttpStatusCode.Created);
    }

    [Fact]
    public async Task R6_3_a_required_valuation_must_be_chosen_before_a_listing_is_published_or_a_lot_is_opened()
    {
        // an exchange listing of a state-funded seller: not published without a chosen value, even with a run performed
        var id = await ListingAsync("review");
        var refused = await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { comment = "准予" }),
            HttpStatusCode.UnprocessableEntity, "valuation.not_chosen");
        Assert.Equal("R6.3", refused.GetProperty("rule").GetString());
        Assert.Equal("valuation", refused.GetProperty("fieldErrors")[0].GetProperty("field").GetString());
        await Json(await Office.PostAsJsonAsync($"/api/v1/listings/{id}/valuation/cost", Cost()), HttpStatusCode.Created);
        await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { comment = "准予" }),
            HttpStatusCode.UnprocessableEntity, "valuation.not_chosen");
        Assert.Equal("InReview", (await Json(await Office.GetAsync($"/api/v1/listings/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        await Json(await Office.PostAsJsonAsync($"/api/v1/listings/{id}/valuation/choice", new { basis = "Cost", valueYuan = 500_000m, rationale = "重置成本" }),
            HttpStatusCode.OK);
        Assert.Equal("Published", (await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{id}/approve", new { comment = "准予" }), HttpStatusCode.OK))
            .GetProperty("status").GetString());
        // a seller that is not state-funded needs none
        var free = await ListingAsync("review", stateFunded: false);
        await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{free}/approve", new { comment = "准予" }), HttpStatusCode.OK);

        // an auction listing: neither published nor put up as a lot before a value is chosen
        var w = await AuctionTestSupport.WorldAsync(factory);
        var office = factory.ClientAs(w.Office);
        var listing = (await Json(await office.PostAsJsonAsync("/api/v1/listings", ListingBody(w.Patent, "Auction", 400_000m)), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Json(await office.PostAsync($"/api/v1/listings/{listing}/submit", null), HttpStatusCode.OK);
        await ProblemAssert.IsProblem(await Exchange.PostAsJsonAsync($"/api/v1/listings/{listing}/approve", new { comment = "准予" }),
            HttpStatusCode.UnprocessableEntity, "valuation.not_chosen");
        var lot = JsonSerializer.SerializeToNode(AuctionTestSupport.LotBody(w, factory.Clock.GetUtcNow().AddDays(10), TimeSpan.FromHours(1), 400_000m, 600_000m),
            AuctionTestSupport.JsonWeb)!.AsObject();
        lot["listingId"] = listing;
        var op = factory.ClientAs(w.Operator);
        var noLot = await ProblemAssert.IsProblem(await op.PostAsJsonAsync("/api/v1/auctions", lot), HttpStatusCode.UnprocessableEntity, "valuation.not_chosen");
        Assert.Equal("R6.3", noLot.GetProperty("rule").GetString());
        Assert.Equal(0, await factory.WithDbAsync((db, _) =>
            db.Set<TechTransfer.Exchange.Domain.Auctions.AuctionLot>().CountAsync(l => l.ListingId == listing)));
        await Json(await office.PostAsJsonAsync($"/api/v1/listings/{listing}/valuation/cost", Cost(c: 600_000m, p: 0m, f: 0m, e: 0m)), HttpStatusCode.Created);
        await Json(await office.PostAsJsonAsync($"/api/v1/listings/{listing}/valuation/choice", new { basis = "Cost", valueYuan = 600_000m, rationale = "重置成本" }),
            HttpStatusCode.OK);
        await Json(await Exchange.PostAsJsonAsync($"/api/v1/listings/{listing}/approve", new { comment = "准予" }), HttpStatusCode.OK);
        await Json(await op.PostAsJsonAsync("/api/v1/auctions", lot), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Concurrent_first_runs_on_a_listing_are_all_kept_and_a_stale_first_run_is_a_409_never_a_500()
    {
        for (var round = 0; round < 4; round++)
        {
            // without a version: the loser of the insert race appends to the winner's workspace; a run that clashes with
            // another's save of the same workspace is the shared 409 — never a 500, and every 201 is kept
            var id = await ListingAsync("review");
            var url = $"/api/v1/listings/{id}/valuation/cost";
            var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Office.PostAsJsonAsync(url, Cost())));
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            var kept = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
            Assert.True(kept >= 1);
            Assert.Equal(kept, await RunCountAsync(id));
            Assert.Equal(kept, (await Json(await Office.GetAsync($"/api/v1/listings/{id}/valuation"), HttpStatusCode.OK)).GetProperty("version").GetInt32());

            // each naming the version it read (0, no workspace yet): one wins, the others are the stale 409
            var other = await ListingAsync("review");
            var stale = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Office.PostAsJsonAsync($"/api/v1/listings/{other}/valuation/cost", Cost(version: 0))));
            Assert.All(stale, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            var created = stale.Count(r => r.StatusCode == HttpStatusCode.Created);
            Assert.Equal(1, created);
            Assert.Equal(1, await RunCountAsync(other));
        }
    }
}

public sealed class ValuationApiTests_Sqlite(SqliteFactory f) : ValuationApiTests(f), IClassFixture<SqliteFactory>;

[Collection("Postgres")]
public sealed class ValuationApiTests_Postgres(PostgresFactory f) : ValuationApiTests(f), IClassFixture<PostgresFactory>;
