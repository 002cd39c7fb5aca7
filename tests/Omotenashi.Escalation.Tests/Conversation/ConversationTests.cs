namespace Omotenashi.Escalation.Tests.Conversation;

public class ConversationTests
{
    private static EscalationEngine E => TestEngines.SmallBalanced;

    [Fact]
    public void TwoConsecutiveBotFallbacks_SendTheNextTurnToHuman()
    {
        var s = E.Decide("reset my password").State;
        s = E.ObserveBotTurn("Sorry, I didn't understand.", s);
        Assert.Equal(Route.Bot, E.Decide("reset my password please", s).Route);
        s = E.Decide("password reset", s).State;
        s = E.ObserveBotTurn("Sorry, I didn't understand.", s);
        s = E.ObserveBotTurn("Sorry, I didn't understand.", s);
        var d = E.Decide("how do I change my password", s);
        Assert.Equal(Route.Human, d.Route);
        Assert.True(d.Reasons.Contains(ReasonCodes.HumanRepeatedFallback));
    }

    [Fact]
    public void HostFallbackFlag_CountsLikeAnObservedFallback()
    {
        var s = E.Decide("reset my password").State;
        s = E.Decide(new CustomerTurn("reset it") { BotFallback = true }, s).State;
        var d = E.Decide(new CustomerTurn("I need to reset it") { BotFallback = true }, s);
        Assert.Equal(2, d.State.ConsecutiveFallbacks);
        Assert.Equal(Route.Human, d.Route);
    }

    [Fact]
    public void AnAnswerThatIsNotAFallback_ResetsTheStreak()
    {
        var s = E.ObserveBotTurn("Sorry, I didn't understand.", ConversationState.Initial);
        s = E.ObserveBotTurn("Your order ships tomorrow.", s);
        Assert.Equal(0, s.ConsecutiveFallbacks);
        Assert.Equal(1, s.TotalFallbacks);
        Assert.True(s.AnsweredSinceLastTurn);
    }

    [Fact]
    public void SameDemandRepeated_GoesToHuman()
    {
        var s = ConversationState.Initial;
        EscalationDecision d = default;
        foreach (string t in new[] { "where is my order 4411", "where is my order 4411?", "where is my order 4411??" })
        {
            d = E.Decide(t, s);
            s = E.ObserveBotTurn("It is on its way.", d.State);
        }

        Assert.Equal(2, d.State.RepeatedDemands);
        Assert.Equal(Route.Human, d.Route);
        Assert.True(d.Reasons.Contains(ReasonCodes.HumanRepeatedDemand));
    }

    [Fact]
    public void DifferentQuestions_AreNotRepetition()
    {
        var s = E.Decide("where is my order").State;
        var d = E.Decide("what are your opening hours on sunday", s);
        Assert.Equal(0, d.State.RepeatedDemands);
    }

    [Fact]
    public void SentimentAverageAndTrend_FollowTheTurns()
    {
        var s = E.Decide("great, thanks").State;
        Assert.True(s.SentimentAverage > 0);
        var d = E.Decide("terrible, broken, useless", s);
        Assert.True(d.State.SentimentTrend < 0);
        Assert.Equal(1, d.State.ConsecutiveNegativeTurns);
        Assert.Equal(2, d.State.TurnCount);
    }

    [Fact]
    public void Recovery_AfterEscalation_ReturnsToBotWithReason()
    {
        var d = E.Decide("let me talk to a human");
        Assert.Equal(Route.Human, d.Route);
        Assert.True(d.State.WithHuman);
        var neutral = E.Decide("my order number is 1234", d.State);
        Assert.Equal(Route.Human, neutral.Route);
        Assert.True(neutral.Reasons.Contains(ReasonCodes.HumanContinuing));
        var thanks = E.Decide("great, thanks, that is good", neutral.State);
        Assert.Equal(Route.Bot, thanks.Route);
        Assert.True(thanks.Reasons.Contains(ReasonCodes.BotDeEscalated));
        Assert.False(thanks.State.WithHuman);
    }

    [Fact]
    public void KasuHaraStrikes_ClimbTheProtocolLadder()
    {
        var s = ConversationState.Initial;
        var actions = new List<ProtocolAction>();
        for (int i = 0; i < 4; i++)
        {
            var d = E.Decide("you are an idiot", s);
            Assert.Equal(Route.KasuHara, d.Route);
            actions.Add(d.KasuHara.Action);
            s = d.State;
        }

        Assert.Equal([ProtocolAction.SetBoundary, ProtocolAction.FinalWarning, ProtocolAction.EndConversation, ProtocolAction.EndConversation], actions);
        Assert.Equal(4, s.KasuHaraStrikes);
        Assert.True(s.KasuHaraCategoriesSeen.HasFlag(KasuHaraCategories.Insult));
    }

    [Fact]
    public void Timestamps_TrackDuration()
    {
        var t0 = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var s = E.Decide(new CustomerTurn("hello") { Timestamp = t0 }).State;
        s = E.Decide(new CustomerTurn("still there?") { Timestamp = t0.AddMinutes(12) }, s).State;
        Assert.Equal(TimeSpan.FromMinutes(12), s.Duration);
    }

    [Fact]
    public void LongConversation_GoesToHuman()
    {
        var t0 = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var s = E.Decide(new CustomerTurn("hello") { Timestamp = t0 }).State;
        var d = E.Decide(new CustomerTurn("ok, and then?") { Timestamp = t0.AddMinutes(45) }, s);
        Assert.Equal(Route.Human, d.Route);
        Assert.True(d.Reasons.Contains(ReasonCodes.HumanLongConversation));
    }
}
