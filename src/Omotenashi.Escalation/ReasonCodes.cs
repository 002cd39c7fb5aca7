namespace Omotenashi.Escalation;

/// <summary>
/// The stable, machine-readable reason codes. Codes are never renamed or reused once shipped, so hosts
/// can store them, count them and build supervisor screens on them.
/// </summary>
public static class ReasonCodes
{
    /// <summary>Abusive language aimed at staff or the agent.</summary>
    public const string KasuHaraInsult = "kasuhara.insult";

    /// <summary>A threat of violence or stalking.</summary>
    public const string KasuHaraThreat = "kasuhara.threat";

    /// <summary>A threat to expose staff online or in the media.</summary>
    public const string KasuHaraExposure = "kasuhara.exposure";

    /// <summary>A demand pressed by abusive means (dogeza, firing staff, money as "sincerity").</summary>
    public const string KasuHaraDemand = "kasuhara.demand";

    /// <summary>A sexual remark or advance.</summary>
    public const string KasuHaraSexual = "kasuhara.sexual";

    /// <summary>A discriminatory slur or remark.</summary>
    public const string KasuHaraDiscrimination = "kasuhara.discrimination";

    /// <summary>Holding staff: the same demand repeated after it was answered, or a very long conversation under pressure.</summary>
    public const string KasuHaraTimeBinding = "kasuhara.time-binding";

    /// <summary>The customer asked for a person.</summary>
    public const string HumanExplicitRequest = "human.explicit-request";

    /// <summary>The bot failed to understand several times in a row.</summary>
    public const string HumanRepeatedFallback = "human.repeated-fallback";

    /// <summary>Sentiment has been falling across turns.</summary>
    public const string HumanNegativeTrend = "human.negative-trend";

    /// <summary>The customer is frustrated (combined frustration score above the policy threshold).</summary>
    public const string HumanFrustration = "human.frustration";

    /// <summary>Self-harm or suicide risk: a human, at critical urgency. Never harassment.</summary>
    public const string HumanSelfHarm = "human.self-harm";

    /// <summary>A legal threat (lawyer, court, regulator).</summary>
    public const string HumanLegal = "human.legal";

    /// <summary>Cancellation or churn risk.</summary>
    public const string HumanChurn = "human.churn";

    /// <summary>Bereavement, medical or financial hardship.</summary>
    public const string HumanHardship = "human.hardship";

    /// <summary>A complaint about staff.</summary>
    public const string HumanStaffComplaint = "human.staff-complaint";

    /// <summary>The customer repeats the same demand.</summary>
    public const string HumanRepeatedDemand = "human.repeated-demand";

    /// <summary>The host's NLU reported low confidence.</summary>
    public const string HumanLowConfidence = "human.low-confidence";

    /// <summary>The conversation has gone on for long.</summary>
    public const string HumanLongConversation = "human.long-conversation";

    /// <summary>The conversation is with a human and has not recovered yet: it stays with the human.</summary>
    public const string HumanContinuing = "human.continuing";

    /// <summary>Routine turn: the bot keeps it.</summary>
    public const string BotRoutine = "bot.routine";

    /// <summary>The storm has passed (sentiment recovered, thanks): the conversation goes back to the bot.</summary>
    public const string BotDeEscalated = "bot.de-escalated";

    /// <summary>Negative sentiment in the turn (a frustration signal).</summary>
    public const string SentimentNegative = "sentiment.negative";

    /// <summary>Positive sentiment in the turn.</summary>
    public const string SentimentPositive = "sentiment.positive";

    /// <summary>Profanity or an insult aimed at a thing: frustration, not harassment.</summary>
    public const string SignalProfanity = "signal.profanity";

    /// <summary>Shouting: capitals, exclamation marks.</summary>
    public const string SignalEmphasis = "signal.emphasis";

    /// <summary>The classifier's vote for harassment.</summary>
    public const string ClassifierKasuHara = "classifier.kasuhara";

    /// <summary>The classifier's vote for a human.</summary>
    public const string ClassifierHuman = "classifier.human";

    /// <summary>An explicit request for a person was not honoured because the turn is severe abuse.</summary>
    public const string PolicyRequestOverridden = "policy.request-overridden";

    /// <summary>The language was not recognised with confidence; a fallback path was used.</summary>
    public const string LanguageFallback = "language.fallback";
}
