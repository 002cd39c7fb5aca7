using System.Text.Json;

namespace Omotenashi.Escalation.Cli.Tests;

public class DecideCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(string input, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CommandLine.RunAsync(args, new StringReader(input), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Decide_WritesOneLinePerCustomerTurnInOrder_WithTheContractFields()
    {
        string input = """
            {"id":"1","conversation":"c1","text":"What time do you open?"}
            {"id":"2","conversation":"c1","text":"We open at nine.","role":"bot"}
            {"id":"3","conversation":"c2","text":"I want to talk to a real person","language":"en","favouriteColour":"blue"}
            {"id":"4","conversation":"c1","text":"You are an idiot and I know where you live"}
            """;
        var (code, output, err) = await RunAsync(input, "decide");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["1", "3", "4"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(["bot", "human", "kasuhara"], lines.Select(l => l.GetProperty("route").GetString()));
        foreach (string field in new[] { "id", "conversation", "route", "urgency", "confidence", "language", "sentiment", "frustration", "harassment", "categories", "protocol", "reasons" })
        {
            Assert.True(lines[2].TryGetProperty(field, out _), field);
        }

        var reason = lines[2].GetProperty("reasons")[0];
        foreach (string field in new[] { "code", "source", "weight", "turn", "start", "length" })
        {
            Assert.True(reason.TryGetProperty(field, out _), field);
        }

        Assert.Equal(2, lines[2].GetProperty("reasons").EnumerateArray().First(r => r.GetProperty("code").GetString() == "kasuhara.threat").GetProperty("turn").GetInt32());
    }

    [Fact]
    public async Task Decide_MalformedLine_IsReportedWithItsNumber_OthersAreDecided_ExitIsNonZero()
    {
        string input = "{\"id\":\"a\",\"text\":\"hello\"}\n{not json}\n{\"id\":\"c\",\"text\":42}\n{\"id\":\"d\",\"text\":\"thanks\"}\n";
        var (code, output, err) = await RunAsync(input, "decide");
        Assert.Equal(1, code);
        Assert.Contains("line 2", err);
        Assert.Contains("line 3: field 'text'", err);
        var ids = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
        Assert.Equal(["a", "d"], ids);
    }

    [Fact]
    public async Task Decide_BotFallbacksInContext_SendTheNextCustomerTurnToHuman()
    {
        string input = """
            {"id":"1","conversation":"c","text":"reset my password"}
            {"id":"2","conversation":"c","role":"bot","text":"Sorry, I didn't understand that."}
            {"id":"3","conversation":"c","text":"password reset please"}
            {"id":"4","conversation":"c","role":"bot","text":"Sorry, I didn't understand that."}
            {"id":"5","conversation":"c","text":"how do I reset my password"}
            """;
        var (_, output, _) = await RunAsync(input, "decide");
        var last = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Equal("human", last.GetProperty("route").GetString());
        Assert.Contains(last.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "human.repeated-fallback");
    }

    [Fact]
    public async Task Decide_BadPolicy_FailsWithTheReason()
    {
        var (code, _, err) = await RunAsync("", "decide", "--policy", "NoSuchPreset");
        Assert.Equal(2, code);
        Assert.Contains("NoSuchPreset", err);
    }

    [Fact]
    public async Task UnknownCommandOrOption_ExitsNonZero()
    {
        Assert.Equal(2, (await RunAsync("", "frobnicate")).Code);
        Assert.Equal(2, (await RunAsync("", "decide", "--colour", "blue")).Code);
    }

    [Fact]
    public async Task Score_ReportsSentimentAndHarassmentMetrics()
    {
        string path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, """
            {"id":"1","text":"I love this, it is wonderful","gold":{"rating":0.8,"abusive":false}}
            {"id":"2","text":"This is terrible and broken","gold":{"rating":-0.7,"abusive":false}}
            {"id":"3","text":"you are a stupid idiot","gold":{"rating":-0.9,"abusive":true}}
            {"id":"4","text":"ok","gold":{"rating":0.0,"abusive":false}}
            """);
        try
        {
            var (code, output, _) = await RunAsync("", "score", "--data", path);
            Assert.Equal(0, code);
            var root = JsonDocument.Parse(output).RootElement;
            Assert.True(root.GetProperty("sentiment").GetProperty("pearson").GetDouble() > 0.5);
            Assert.Equal(1.0, root.GetProperty("harassment").GetProperty("recall").GetDouble());
            Assert.Equal(1.0, root.GetProperty("harassment").GetProperty("rocAuc").GetDouble());

            // Two negative opinions, one of them abuse routed to kasuhara.
            Assert.Equal(0.5, root.GetProperty("sentiment").GetProperty("negativeFlaggedRate").GetDouble());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Score_ReportsRoutingAccuracyAndFlaggedComplaints()
    {
        string path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, """
            {"id":"1","text":"what are your opening hours?","gold":{"route":"bot"}}
            {"id":"2","text":"this fucking app crashed again, I want my money back","gold":{"route":"human"}}
            {"id":"3","text":"you stupid idiot","gold":{"route":"human"}}
            {"id":"4","text":"I know where you live","gold":{"route":"kasuhara"}}
            """);
        try
        {
            var (code, output, _) = await RunAsync("", "score", "--data", path);
            Assert.Equal(0, code);
            var routing = JsonDocument.Parse(output).RootElement.GetProperty("routing");
            Assert.Equal(4, routing.GetProperty("n").GetDouble());
            Assert.Equal(0.75, routing.GetProperty("accuracy").GetDouble());

            // Line 3 is labelled (wrongly, on purpose) as a complaint: one of two complaints flagged.
            Assert.Equal(1, routing.GetProperty("humanToKasuhara").GetDouble());
            Assert.Equal(0.5, routing.GetProperty("complaintsFlaggedRate").GetDouble());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
