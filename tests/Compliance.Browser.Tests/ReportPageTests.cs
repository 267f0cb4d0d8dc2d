using Microsoft.Playwright;

namespace Compliance.Browser.Tests;

/// <summary>A journalist's path in a real headless Chromium: the Swagger UI, then the HTML report.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPageTests(BrowserFixture fixture)
{
    private static string Case(string file) => ServiceProcess.SharedData("cases", "browser-phone-maker", file);

    private async Task<IPage> NewKeyedPageAsync()
    {
        var context = await fixture.Browser.Instance.NewContextAsync(new() { ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Api-Key"] = ServiceProcess.AdminKey } });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task SwaggerUiChecksTheBrowserCase()
    {
        var page = await fixture.Browser.Instance.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Service.BaseUrl, "/swagger/index.html").ToString());
        await page.Locator(".auth-wrapper .authorize").ClickAsync();
        await page.Locator(".modal-ux input[type=text]").FillAsync(ServiceProcess.AdminKey);
        await page.Locator(".modal-ux .auth-btn-wrapper .authorize").ClickAsync();
        await page.Locator(".modal-ux .btn-done").ClickAsync();
        var operation = page.Locator("#operations-Check-Check");
        await operation.ClickAsync();
        await operation.Locator(".try-out__btn").ClickAsync();
        await operation.Locator("tr[data-property-name=policy] input[type=file]").SetInputFilesAsync(Case("policy.html"));
        await operation.Locator("tr[data-property-name=traffic] input[type=file]").SetInputFilesAsync(Case("incognito.har"));
        await operation.Locator("tr[data-property-name=context] input[type=text]").FillAsync(await File.ReadAllTextAsync(Case("incognito.ctx.json")));
        await operation.Locator("tr[data-property-name=vendor] input[type=text]").FillAsync("Tanager Mobile");
        await operation.Locator("tr[data-property-name=domains] input[type=text]").FillAsync("tanagermobile.test,tanagercdn.test");
        await operation.Locator("tr[data-property-name=format] input[type=text]").FillAsync("json");

        await operation.Locator(".execute").ClickAsync();
        var status = operation.Locator(".live-responses-table .response .response-col_status").First;
        await Assertions.Expect(status).ToHaveTextAsync("200", new() { Timeout = 90_000 });
        var body = operation.Locator(".live-responses-table .response-col_description .microlight").First;
        await Assertions.Expect(body).ToContainTextAsync("condition-violated");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ServiceProcess.ArtifactsDir, "swagger-check.png"), FullPage = true });
    }

    [Fact]
    public async Task HtmlReportShowsTheConditionViolatedFindingWithBothQuotes()
    {
        var report = await Flows.AssessAsync(fixture.Service.Http, "Tanager Mobile", ["tanagermobile.test", "tanagercdn.test"],
            Case("policy.html"), Case("incognito.har"), Case("incognito.ctx.json"));
        var page = await NewKeyedPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };

        await page.GotoAsync(new Uri(fixture.Service.BaseUrl, $"{report}/report").ToString());

        var finding = page.Locator("section.finding").Filter(new() { HasText = "condition-violated" }).Filter(new() { HasText = "browsing-history" }).First;
        await Assertions.Expect(finding).ToBeVisibleAsync();
        await Assertions.Expect(finding.Locator("mark").Filter(new() { HasText = "sync your browsing history" }).First).ToBeVisibleAsync();
        await Assertions.Expect(finding.Locator("mark").Filter(new() { HasText = "Incognito" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Alibaba Cloud").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ServiceProcess.ArtifactsDir, "assessment-report.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ComparisonPageOpensWithoutConsoleErrors()
    {
        var notes = ServiceProcess.SharedData("cases", "notes-clean");
        var fitness = ServiceProcess.SharedData("cases", "fitness-tracker");
        var a = await Flows.VendorWithEvidenceAsync(fixture.Service.Http, "Tallynote", ["tallynote.test"],
            Path.Combine(notes, "policy.txt"), Path.Combine(notes, "signed-in-sync.har"), Path.Combine(notes, "signed-in-sync.ctx.json"));
        var b = await Flows.VendorWithEvidenceAsync(fixture.Service.Http, "Pacebound", ["pacebound.test"],
            Path.Combine(fitness, "policy.md"), Path.Combine(fitness, "morning-run.har"), Path.Combine(fitness, "morning-run.ctx.json"));
        var comparison = await Flows.CompareAsync(fixture.Service.Http, a, b);
        var page = await NewKeyedPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(fixture.Service.BaseUrl, $"{comparison}/report").ToString());

        await Assertions.Expect(page.Locator("svg[aria-label='Findings per vendor']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.grid th").Filter(new() { HasText = "Pacebound" })).ToBeVisibleAsync();
        // The grid colours each cell by what the policy says of the data sent: some of it is disclosed, some of it
        // only vaguely or not at all (which of the two depends on how the extractor read the policy).
        await Assertions.Expect(page.Locator("table.grid td.k-consistent").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.grid td.k-undisclosed, table.grid td.k-vague").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ServiceProcess.ArtifactsDir, "comparison.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task MarkupInAPolicyAndAVendorNameNeverRunsInTheReport()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"xss-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var policy = Path.Combine(dir, "policy.md");
        await File.WriteAllTextAsync(policy, "# Privacy\n\nWe collect your email address <script>window.__pwned = 2</script> " +
            "and your device model <img src=x onerror=\"window.__pwned = 3\"> to run the service.\n\nWe do not sell your personal information.\n");
        var notes = ServiceProcess.SharedData("cases", "notes-clean");
        var report = await Flows.AssessAsync(fixture.Service.Http, "<script>window.__pwned = 1</script>Evil Corp", ["tallynote.test"],
            policy, Path.Combine(notes, "signed-in-sync.har"), Path.Combine(notes, "signed-in-sync.ctx.json"));
        var page = await NewKeyedPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync(new Uri(fixture.Service.BaseUrl, $"{report}/report").ToString());

        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        Assert.Equal(0, dialogs);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("<script>window.__pwned = 1</script>Evil Corp");
        Assert.Equal(0, await page.Locator("body script, body img").CountAsync());
        Directory.Delete(dir, recursive: true);
    }
}
