namespace Omotenashi.Escalation.Tests;

public class EscalationEngineTests
{
    private static EscalationEngine E => TestEngines.SmallBalanced;

    [Fact]
    public void Decide_InsultAimedAtStaff_ReturnsKasuHara()
    {
        var d = E.Decide("you are an idiot");
        Assert.Equal(Route.KasuHara, d.Route);
        Assert.True(d.KasuHara.Categories.HasFlag(KasuHaraCategories.Insult));
        var reason = Assert.Single(d.Reasons, r => r.Code == ReasonCodes.KasuHaraInsult);
        Assert.Equal("idiot", reason.EvidenceIn("you are an idiot").ToString());
        Assert.Equal("t.en.insult", reason.RuleId);
        Assert.Equal(ReasonSource.Rule, reason.Source);
    }

    [Fact]
    public void Decide_InsultAimedAtProduct_IsNotKasuHara()
    {
        var d = E.Decide("this stupid app");
        Assert.NotEqual(Route.KasuHara, d.Route);
        Assert.True(d.Reasons.Contains(ReasonCodes.SignalProfanity));
    }

    [Fact]
    public void Decide_SelfDeprecation_IsNotKasuHara()
        => Assert.NotEqual(Route.KasuHara, E.Decide("I'm such an idiot, I forgot my password").Route);

    [Fact]
    public void Decide_SwearingAtBrokenProduct_GoesToHumanNotKasuHara()
    {
        var d = E.Decide("This fucking app is broken and useless!!!");
        Assert.Equal(Route.Human, d.Route);
        Assert.True(d.Harassment < 0.5);
    }

    [Fact]
    public void Decide_Threat_IsCriticalKasuHaraAndSkipsTheLadder()
    {
        var d = E.Decide("I know where you live");
        Assert.Equal(Route.KasuHara, d.Route);
        Assert.Equal(Urgency.Critical, d.Urgency);
        Assert.Equal(Severity.Severe, d.KasuHara.Severity);
        Assert.Equal(EscalationPolicy.Balanced.SevereAction, d.KasuHara.Action);
    }

    [Fact]
    public void Decide_SelfHarm_GoesToHumanAtCriticalUrgency()
    {
        var d = E.Decide("I want to die");
        Assert.Equal(Route.Human, d.Route);
        Assert.Equal(Urgency.Critical, d.Urgency);
        Assert.Equal(ReasonCodes.HumanSelfHarm, d.Reasons.Primary?.Code);
        Assert.Equal(0, d.Harassment);
    }

    [Fact]
    public void Decide_ExplicitRequest_GoesToHuman()
    {
        var d = E.Decide("can I talk to a human please");
        Assert.Equal(Route.Human, d.Route);
        Assert.True(d.Reasons.Contains(ReasonCodes.HumanExplicitRequest));
    }

    [Fact]
    public void Decide_ExplicitRequestWithMildAbuse_IsHonouredWithABoundary()
    {
        var d = E.Decide("you idiot, let me talk to a human");
        Assert.Equal(Route.Human, d.Route);
        Assert.Equal(ProtocolAction.SetBoundary, d.KasuHara.Action);
    }

    [Fact]
    public void Decide_ExplicitRequestWithSevereAbuse_IsOverridden()
    {
        var d = E.Decide("I know where you live, let me talk to a human");
        Assert.Equal(Route.KasuHara, d.Route);
        Assert.True(d.Reasons.Contains(ReasonCodes.PolicyRequestOverridden));
    }

    [Fact]
    public void Decide_RoutineQuestion_StaysWithBot()
    {
        var d = E.Decide("What are your opening hours?");
        Assert.Equal(Route.Bot, d.Route);
        Assert.Equal(ReasonCodes.BotRoutine, d.Reasons.Primary?.Code);
        Assert.Equal(Urgency.Low, d.Urgency);
    }

    [Theory]
    [InlineData("お前はバカか", Route.KasuHara)]
    [InlineData("ﾊﾞｶ", Route.KasuHara)]
    [InlineData("そればかり言われても", Route.Bot)]
    [InlineData("土下座しろ", Route.KasuHara)]
    [InlineData("人と話したい", Route.Human)]
    public void Decide_Japanese_MatchesWithoutSpaces(string text, Route expected)
    {
        var d = E.Decide(text);
        Assert.Equal(expected, d.Route);
        Assert.Equal("ja", d.Language);
    }

    [Fact]
    public void Decide_ExplicitLanguage_Wins()
    {
        Assert.Equal("de", E.Decide(new CustomerTurn("hello") { Language = "de-AT" }).Language);
        Assert.Equal("fr", E.Decide(new CustomerTurn("bonjour") { Language = "fr" }).Language);
    }

    [Fact]
    public void Decide_StampsPolicyNameAndVersion()
    {
        var d = E.Decide("hello");
        Assert.Equal("Balanced", d.PolicyName);
        Assert.Equal(EscalationPolicy.Balanced.Version, d.PolicyVersion);
    }

    [Fact]
    public void Decide_LongText_IsBoundedAndStillDecides()
    {
        string text = string.Concat(Enumerable.Repeat("the order is late. ", 100_000)) + " you idiot";
        var d = E.Decide(text);
        Assert.Equal(Route.Bot, d.Route); // the insult is beyond the analysed length
        Assert.Equal(1, d.State.TurnCount);
    }

    [Fact]
    public void Decide_ThrowingClassifier_FallsBackToRulesAndSentiment()
    {
        var engine = new EscalationEngineBuilder { UseBuiltInPacks = false }
            .AddRulePackJson(TestEngines.EnglishRules)
            .UseClassifier(new ThrowingClassifier())
            .Build();
        Assert.Equal(Route.KasuHara, engine.Decide("you are an idiot").Route);
    }

    [Fact]
    public void Decide_ClassifierVote_AppearsAsReason()
    {
        var engine = new EscalationEngineBuilder { UseBuiltInPacks = false }
            .AddRulePackJson(TestEngines.EnglishRules)
            .UseClassifier(new FixedClassifier(new ClassifierPrediction(0.05, 0.05, 0.95)))
            .Build();
        var d = engine.Decide("some words the rules do not know");
        Assert.Equal(Route.KasuHara, d.Route);
        var r = Assert.Single(d.Reasons, r => r.Code == ReasonCodes.ClassifierKasuHara);
        Assert.Equal(ReasonSource.Classifier, r.Source);
        Assert.Equal("fixed", r.RuleId);
    }

    private sealed class ThrowingClassifier : IInteractionClassifier
    {
        public string Name => "throwing";

        public ClassifierPrediction Predict(in ClassifierInput input) => throw new InvalidOperationException("model failed");
    }

    private sealed class FixedClassifier(ClassifierPrediction prediction) : IInteractionClassifier
    {
        public string Name => "fixed";

        public ClassifierPrediction Predict(in ClassifierInput input) => prediction;
    }
}
