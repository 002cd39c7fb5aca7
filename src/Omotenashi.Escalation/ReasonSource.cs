namespace Omotenashi.Escalation;

/// <summary>Which signal produced a reason.</summary>
public enum ReasonSource
{
    /// <summary>Lexicon sentiment scoring.</summary>
    Sentiment = 0,

    /// <summary>A keyword rule from a rule pack.</summary>
    Rule = 1,

    /// <summary>A classifier (for example an ML.NET model).</summary>
    Classifier = 2,

    /// <summary>The conversation so far (state across turns).</summary>
    Conversation = 3,

    /// <summary>The policy itself (defaults, overrides).</summary>
    Policy = 4,

    /// <summary>Host-provided signals (NLU confidence, fallbacks).</summary>
    Host = 5,
}
