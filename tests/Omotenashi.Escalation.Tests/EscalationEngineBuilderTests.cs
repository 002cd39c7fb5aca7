namespace Omotenashi.Escalation.Tests;

public class EscalationEngineBuilderTests
{
    [Fact]
    public void Build_RejectsATermListedTwiceWithDifferentValences_AndAcceptsHarmlessRepeats()
    {
        // "Sooo good" normalises like "so good"; the second line would silently win.
        var ex = Assert.Throws<EscalationConfigurationException>(() => new EscalationEngineBuilder { UseBuiltInPacks = false }
            .AddLexicon("en", "so good\t2.0\nokay\t0.5\nsooo good\t3.0\n", "acme.tsv").Build());
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("acme.tsv", 3, "valence"), (problem.Source, problem.Line, problem.Field));
        Assert.Contains("line 1", problem.Message, StringComparison.Ordinal);

        var engine = new EscalationEngineBuilder { UseBuiltInPacks = false }
            .AddLexicon("en", "so good\t2.0\nsooo good\t2\n", "acme.tsv").Build();
        Assert.True(engine.Decide(new CustomerTurn("so good") { Language = "en" }).Sentiment > 0);
    }

    [Fact]
    public void Build_ListsEveryProblemInOneException()
    {
        var builder = new EscalationEngineBuilder { UseBuiltInPacks = false, MaxAnalyzedLength = 1 }
            .AddRulePackJson("""
                {
                  "language": "en",
                  "rules": [
                    { "id": "a", "category": "insultt", "patterns": ["x"] },
                    { "id": "b", "category": "insult", "severity": "awful", "weight": 3, "patterns": [] },
                    { "id": "c", "category": "insult", "patterns": ["ass*"] }
                  ]
                }
                """, "acme.rules.json")
            .AddLexicon("en", "good\t1.5\nbad\tvery\n", "acme.tsv");

        var ex = Assert.Throws<EscalationConfigurationException>(builder.Build);
        var fields = ex.Problems.Select(p => $"{p.Source}:{p.Line}:{p.Field}").ToArray();
        Assert.Contains("acme.rules.json:4:rules[0].category", fields);
        Assert.Contains("acme.rules.json:5:rules[1].severity", fields);
        Assert.Contains("acme.rules.json:5:rules[1].weight", fields);
        Assert.Contains("acme.rules.json:5:rules[1].patterns", fields);
        Assert.Contains("acme.rules.json:6:rules[2].patterns[0]", fields);
        Assert.Contains("acme.tsv:2:valence", fields);
        Assert.Contains("builder:0:MaxAnalyzedLength", fields);
    }

    [Fact]
    public void Build_MissingRuleFile_IsAProblemNotACrash()
    {
        var ex = Assert.Throws<EscalationConfigurationException>(() => new EscalationEngineBuilder { UseBuiltInPacks = false }.AddRulePackFile("/no/such/rules.json").Build());
        Assert.Equal("/no/such/rules.json", Assert.Single(ex.Problems).Source);
    }

    [Fact]
    public void HostRule_OverridesBuiltInRuleWithTheSameId()
    {
        var engine = new EscalationEngineBuilder { UseBuiltInPacks = false }
            .AddRulePackJson(TestEngines.EnglishRules)
            .AddRulePackJson("""{"language":"en","rules":[{"id":"t.en.insult","category":"insult","enabled":false,"patterns":["idiot"]}]}""")
            .Build();
        Assert.NotEqual(Route.KasuHara, engine.Decide("you are an idiot").Route);
        Assert.Equal(Route.KasuHara, engine.Decide("I know where you live").Route);
    }

    [Fact]
    public void HostLexicon_OverridesBuiltInValence()
    {
        var engine = new EscalationEngineBuilder { UseBuiltInPacks = false }
            .AddLexicon("en", "sick\t-2.0\n")
            .AddLexicon("en", "sick\t2.5\n", "slang.tsv")
            .Build();
        Assert.True(engine.Decide("that is sick").Sentiment > 0);
    }

    [Fact]
    public void UsePolicy_UnknownPresetOrFile_FailsAtBuild()
    {
        var ex = Assert.Throws<EscalationConfigurationException>(() => new EscalationEngineBuilder().UsePolicy("Friendly").Build());
        Assert.Contains("Friendly", ex.Message);
    }

    [Fact]
    public void Build_WithBuiltInPacks_Succeeds()
    {
        var engine = new EscalationEngineBuilder().Build();
        Assert.True(engine.RuleCount > 0);
        Assert.True(engine.SentimentTermCount > 0);
    }
}
