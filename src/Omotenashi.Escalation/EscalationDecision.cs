namespace Omotenashi.Escalation;

/// <summary>
/// The decision for one customer turn: the route, how urgent, how confident, the scores behind it, the
/// reasons with their evidence, and the conversation state to carry into the next turn.
/// </summary>
public readonly struct EscalationDecision
{
    internal EscalationDecision(
        Route route,
        Urgency urgency,
        double confidence,
        double sentiment,
        double frustration,
        double harassment,
        KasuHaraDetail kasuHara,
        ReasonList reasons,
        string language,
        string policyName,
        string policyVersion,
        ConversationState state)
    {
        Route = route;
        Urgency = urgency;
        Confidence = confidence;
        Sentiment = sentiment;
        Frustration = frustration;
        Harassment = harassment;
        KasuHara = kasuHara;
        Reasons = reasons;
        Language = language;
        PolicyName = policyName;
        PolicyVersion = policyVersion;
        State = state;
    }

    /// <summary>Where the turn goes.</summary>
    public Route Route { get; }

    /// <summary>How fast a human should act.</summary>
    public Urgency Urgency { get; }

    /// <summary>Confidence in the route, in [0, 1].</summary>
    public double Confidence { get; }

    /// <summary>Sentiment compound score of the turn in [-1, 1].</summary>
    public double Sentiment { get; }

    /// <summary>Frustration in [0, 1]: sentiment level and trend, emphasis, repetition, bot failures.</summary>
    public double Frustration { get; }

    /// <summary>Harassment in [0, 1]: noisy-OR of abusive means aimed at people.</summary>
    public double Harassment { get; }

    /// <summary>Harassment categories, severity and the protocol action.</summary>
    public KasuHaraDetail KasuHara { get; }

    /// <summary>Why: stable codes with source, weight and evidence span, strongest first.</summary>
    public ReasonList Reasons { get; }

    /// <summary>The language used (BCP-47 primary tag as given, or detected; <c>und</c> when unknown).</summary>
    public string Language { get; }

    /// <summary>The name of the policy that decided.</summary>
    public string PolicyName { get; }

    /// <summary>The version of the policy that decided (stamped for audit).</summary>
    public string PolicyVersion { get; }

    /// <summary>The conversation state after this turn: pass it to the next <c>Decide</c> call.</summary>
    public ConversationState State { get; }

    /// <inheritdoc/>
    public override string ToString()
        => $"{Route} ({Urgency}, {Confidence:0.00}) sentiment={Sentiment:0.00} frustration={Frustration:0.00} harassment={Harassment:0.00} reasons={Reasons.Count}";
}
