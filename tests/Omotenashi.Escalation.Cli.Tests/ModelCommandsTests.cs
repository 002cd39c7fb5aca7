using System.Text.Json;

namespace Omotenashi.Escalation.Cli.Tests;

public sealed class ModelCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("omotenashi-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CommandLine.RunAsync(args, new StringReader(string.Empty), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string WriteTurns()
    {
        var lines = new List<string> { "text\tlabel" };
        string[] bot = ["what time do you open", "where is my order", "how do I reset my password", "do you ship abroad", "can I pay by card"];
        string[] abuse = ["you are a useless idiot", "shut up you stupid moron", "I know where you live", "you worthless garbage", "I will hurt you"];
        foreach (string suffix in new[] { "", "!", "?", " now", " please", "!!" })
        {
            lines.AddRange(bot.Select(t => $"{t}{suffix}\tbot"));
            lines.AddRange(abuse.Select(t => $"{t}{suffix}\tkasuhara"));
        }

        string path = Path.Combine(_dir, "turns.tsv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Train_ThenEvaluateAndDecide_UseTheModel()
    {
        string data = WriteTurns();
        string model = Path.Combine(_dir, "model.zip");
        var (code, output, err) = await RunAsync("train", "--data", data, "--out", model, "--folds", "3", "--seed", "5");
        Assert.True(code == 0, err);
        Assert.Contains("fold 3/3", err, StringComparison.Ordinal);
        using (var cv = JsonDocument.Parse(output))
        {
            Assert.Equal(3, cv.RootElement.GetProperty("folds").GetInt32());
        }

        (code, output, err) = await RunAsync("evaluate", "--data", data, "--model", model, "--quiet");
        Assert.True(code == 0, err);
        using (var report = JsonDocument.Parse(output))
        {
            Assert.True(report.RootElement.GetProperty("macroF1").GetDouble() > 0.9);
            Assert.True(report.RootElement.TryGetProperty("engine", out _));
            Assert.True(report.RootElement.TryGetProperty("engineWithoutModel", out _));
        }

        var stdout = new StringWriter();
        code = await CommandLine.RunAsync(["decide", "--model", model], new StringReader("{\"id\":\"1\",\"conversation\":\"c\",\"text\":\"shut up you stupid moron!!\"}\n"), stdout, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("classifier.kasuhara", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_MissingColumn_ExitsNonZeroNamingFileLineAndField()
    {
        string data = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(data, "message,label\nhi,bot\n");
        var (code, _, err) = await RunAsync("train", "--data", data, "--out", Path.Combine(_dir, "m.zip"));
        Assert.NotEqual(0, code);
        Assert.Contains($"{data}:1: text: missing column", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_BadLabel_ExitsNonZeroNamingLineAndField()
    {
        string data = Path.Combine(_dir, "bad.tsv");
        File.WriteAllText(data, "text\tlabel\nhi\tbot\nyou idiot\ttoxic\n");
        var (code, _, err) = await RunAsync("train", "--data", data, "--out", Path.Combine(_dir, "m.zip"));
        Assert.NotEqual(0, code);
        Assert.Contains($"{data}:3: label: 'toxic' is not a label", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_BadModelFile_ExitsNonZeroNamingTheFile()
    {
        string model = Path.Combine(_dir, "broken.zip");
        File.WriteAllText(model, "not a zip");
        var (code, _, err) = await RunAsync("decide", "--model", model);
        Assert.NotEqual(0, code);
        Assert.Contains(model, err, StringComparison.Ordinal);
        Assert.Contains("not an Omotenashi.Escalation model", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_UnknownTrainer_ExitsWithUsageError()
    {
        var (code, _, err) = await RunAsync("train", "--data", WriteTurns(), "--out", Path.Combine(_dir, "m.zip"), "--trainer", "bert");
        Assert.Equal(2, code);
        Assert.Contains("unknown trainer 'bert'", err, StringComparison.Ordinal);
    }
}
