using System.Text.Json;

namespace Omotenashi.Escalation.Tests;

/// <summary>
/// Decision corpora: <c>Specs/*.cases.jsonl</c>, one case a line ({text, language, route, reason?}), run on the
/// built-in defaults. Easy for a non-programmer to extend.
/// </summary>
public class SpecsTests
{
    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs"), "*.cases.jsonl").Order(StringComparer.Ordinal))
        {
            int n = 0;
            foreach (string line in File.ReadLines(file))
            {
                n++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    data.Add(Path.GetFileName(file), n, line);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_MatchesTheSpec(string file, int line, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        string text = root.GetProperty("text").GetString()!;
        string? language = root.TryGetProperty("language", out var l) ? l.GetString() : null;
        string expected = root.GetProperty("route").GetString()!;
        var d = EscalationEngine.CreateDefault().Decide(new CustomerTurn(text) { Language = language });
        string actual = d.Route switch { Route.Bot => "bot", Route.Human => "human", _ => "kasuhara" };
        string codes = string.Join(", ", d.Reasons.Select(r => r.Code));
        Assert.True(expected == actual, $"{file}:{line}: '{text}' expected {expected}, got {actual} [{codes}] h={d.Harassment:0.00} f={d.Frustration:0.00} s={d.Sentiment:0.00}");
        if (root.TryGetProperty("reason", out var r) && r.GetString() is { Length: > 0 } reason && expected != "bot")
        {
            Assert.True(d.Reasons.Contains(reason), $"{file}:{line}: '{text}' expected reason {reason}, got [{codes}]");
        }
    }

    public static TheoryData<int, string> ObfuscationCases()
    {
        var data = new TheoryData<int, string>();
        string file = Path.Combine(AppContext.BaseDirectory, "Specs", "obfuscation.jsonl");
        int n = 0;
        foreach (string line in File.ReadLines(file))
        {
            n++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                data.Add(n, line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ObfuscationCases))]
    public void Obfuscation_IsCaughtAndInnocentWordsAreNot(int line, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        string text = root.GetProperty("text").GetString()!;
        bool contains = root.GetProperty("contains").GetBoolean();
        string? language = root.TryGetProperty("language", out var l) ? l.GetString() : null;
        var d = EscalationEngine.CreateDefault().Decide(new CustomerTurn(text) { Language = language });
        bool hit = d.Reasons.Any(r => r.Code.StartsWith("kasuhara.", StringComparison.Ordinal) || r.Code == ReasonCodes.SignalProfanity);
        Assert.True(contains == hit, $"obfuscation.jsonl:{line}: '{text}' expected {(contains ? "a hit" : "no hit")}, harassment={d.Harassment:0.00} [{string.Join(", ", d.Reasons.Select(r => r.Code))}]");
    }
}
