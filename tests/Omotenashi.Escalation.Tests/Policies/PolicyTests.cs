namespace Omotenashi.Escalation.Tests.Policies;

public class PolicyTests
{
    [Fact]
    public void Presets_HaveDistinctNamesAndValidate()
    {
        foreach (var p in new[] { EscalationPolicy.Balanced, EscalationPolicy.Omotenashi, EscalationPolicy.Transactional })
        {
            var problems = new List<ConfigurationProblem>();
            p.Validate("preset", problems);
            Assert.Empty(problems);
        }

        Assert.Equal(3, new[] { EscalationPolicy.Balanced.Name, EscalationPolicy.Omotenashi.Name, EscalationPolicy.Transactional.Name }.Distinct().Count());
    }

    [Fact]
    public void Omotenashi_HandsOverEarlierThanTransactional()
    {
        var omotenashi = TestEngines.Small(EscalationPolicy.Omotenashi);
        var transactional = TestEngines.Small(EscalationPolicy.Transactional);
        string[] turns = ["my order is late", "this is bad", "really bad, not good", "terrible service", "this is terrible and useless"];
        int First(EscalationEngine e)
        {
            var s = ConversationState.Initial;
            for (int i = 0; i < turns.Length; i++)
            {
                var d = e.Decide(turns[i], s);
                if (d.Route == Route.Human)
                {
                    return i;
                }

                s = d.State;
            }

            return int.MaxValue;
        }

        int o = First(omotenashi), t = First(transactional);
        Assert.True(o < t, $"Omotenashi handed over at turn {o}, Transactional at {t}");
    }

    [Fact]
    public void Transactional_EndsSevereAbuseAtOnce_OmotenashiTransfersToSupervisor()
    {
        Assert.Equal(ProtocolAction.EndConversation, TestEngines.Small(EscalationPolicy.Transactional).Decide("I know where you live").KasuHara.Action);
        Assert.Equal(ProtocolAction.TransferToSupervisor, TestEngines.Small(EscalationPolicy.Omotenashi).Decide("I know where you live").KasuHara.Action);
    }

    [Fact]
    public void FromJson_OverridesAPreset()
    {
        var p = EscalationPolicy.FromJson("""
            {
              "name": "acme",
              "version": "2026.11",
              "basedOn": "Omotenashi",
              "frustrationThreshold": 0.3,
              "protocol": ["set-boundary", "end-conversation"],
              "frustration": { "profanity": 2.0 }
            }
            """);
        Assert.Equal("acme", p.Name);
        Assert.Equal("2026.11", p.Version);
        Assert.Equal(0.3, p.FrustrationThreshold);
        Assert.Equal(EscalationPolicy.Omotenashi.LongConversation, p.LongConversation);
        Assert.Equal([ProtocolAction.SetBoundary, ProtocolAction.EndConversation], p.Protocol);
        Assert.Equal(2.0, p.Frustration.Profanity);
    }

    [Fact]
    public void FromJson_BadValues_NameFileLineAndField()
    {
        var ex = Assert.Throws<EscalationConfigurationException>(() => EscalationPolicy.FromJson("""
            {
              "name": "acme",
              "harassmentThreshold": 1.5,
              "protocol": ["set-boundary", "shout"]
            }
            """, "acme.policy.json"));
        Assert.Equal(2, ex.Problems.Count);
        var threshold = Assert.Single(ex.Problems, p => p.Field == "harassmentThreshold");
        Assert.Equal("acme.policy.json", threshold.Source);
        Assert.Equal(3, threshold.Line);
        var step = Assert.Single(ex.Problems, p => p.Field == "protocol[1]");
        Assert.Equal(4, step.Line);
        Assert.Contains("acme.policy.json:3: harassmentThreshold", ex.Message);
    }

    [Fact]
    public void FromJson_UnknownField_IsAnErrorWithItsLine()
    {
        var ex = Assert.Throws<EscalationConfigurationException>(() => EscalationPolicy.FromJson("{\n  \"name\": \"x\",\n  \"frustrationTreshold\": 0.4\n}", "p.json"));
        var p = Assert.Single(ex.Problems);
        Assert.Equal(3, p.Line);
        Assert.Contains("frustrationTreshold", p.ToString());
    }

    [Fact]
    public void FromJson_MalformedJson_NamesTheLine()
    {
        var ex = Assert.Throws<EscalationConfigurationException>(() => EscalationPolicy.FromJson("{\n  \"name\": \"x\",\n  \"version\": \n}", "p.json"));
        Assert.Equal(4, Assert.Single(ex.Problems).Line);
    }
}

public class LanguagePolicyTests
{
    [Fact]
    public void UsePolicyForLanguage_AppliesToTurnsInThatLanguage_AndIsStamped()
    {
        var engine = new EscalationEngineBuilder()
            .UsePolicy(EscalationPolicy.Transactional)
            .UsePolicy("ja", EscalationPolicy.Omotenashi)
            .Build();
        var ja = engine.Decide("お前は本当にバカだな");
        var en = engine.Decide("you are an idiot");
        Assert.Equal("Omotenashi", ja.PolicyName);
        Assert.Equal("Transactional", en.PolicyName);
        Assert.Equal(EscalationPolicy.Omotenashi.Protocol[0], ja.KasuHara.Action);
        Assert.Equal(EscalationPolicy.Transactional.Protocol[0], en.KasuHara.Action);
        Assert.Same(EscalationPolicy.Omotenashi, engine.GetPolicy("ja-JP"));
        Assert.Same(EscalationPolicy.Transactional, engine.GetPolicy("en"));
    }

    [Fact]
    public void UsePolicyForUnknownLanguage_FailsAtBuild()
    {
        var ex = Assert.Throws<EscalationConfigurationException>(() => new EscalationEngineBuilder().UsePolicy("xx", EscalationPolicy.Omotenashi).Build());
        Assert.Contains("'xx'", ex.Message);
    }
}
