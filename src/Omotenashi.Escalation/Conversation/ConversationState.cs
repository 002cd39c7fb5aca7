namespace Omotenashi.Escalation;

/// <summary>
/// A small, immutable summary of a conversation, carried between turns. The host stores it wherever it
/// likes (memory, a database, a distributed cache); <see cref="Initial"/> starts a conversation.
/// </summary>
public sealed record ConversationState
{
    /// <summary>The schema version of this state; bumped when fields change meaning.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The state of a conversation that has not started.</summary>
    public static ConversationState Initial { get; } = new();

    /// <summary>The schema version this state was written with.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Customer turns decided so far.</summary>
    public int TurnCount { get; init; }

    /// <summary>Bot or agent turns observed so far.</summary>
    public int BotTurnCount { get; init; }

    /// <summary>Exponential moving average of turn sentiment, in [-1, 1].</summary>
    public double SentimentAverage { get; init; }

    /// <summary>Change of the moving average on the last turn (negative: getting worse).</summary>
    public double SentimentTrend { get; init; }

    /// <summary>Sentiment of the last customer turn.</summary>
    public double LastSentiment { get; init; }

    /// <summary>Frustration of the last customer turn.</summary>
    public double LastFrustration { get; init; }

    /// <summary>Customer turns in a row with negative sentiment.</summary>
    public int ConsecutiveNegativeTurns { get; init; }

    /// <summary>Bot fallbacks in a row ("I did not understand"), reset by an answer that was not a fallback.</summary>
    public int ConsecutiveFallbacks { get; init; }

    /// <summary>Whether the last bot turn observed with <see cref="EscalationEngine.ObserveBotTurn(string?, ConversationState?, bool?)"/> was a fallback.</summary>
    public bool LastBotTurnWasFallback { get; init; }

    /// <summary>Bot fallbacks in the whole conversation.</summary>
    public int TotalFallbacks { get; init; }

    /// <summary>Times the customer repeated the same demand.</summary>
    public int RepeatedDemands { get; init; }

    /// <summary>Times the customer repeated the same demand after the bot or agent had answered it.</summary>
    public int RepeatedAfterAnswer { get; init; }

    /// <summary>A similarity fingerprint of the last customer turn (to spot the same demand repeated); no text is kept.</summary>
    public ulong LastTurnFingerprint { get; init; }

    /// <summary>Whether the bot or agent answered (without a fallback) since the last customer turn.</summary>
    public bool AnsweredSinceLastTurn { get; init; }

    /// <summary>Explicit requests for a person so far.</summary>
    public int HumanRequests { get; init; }

    /// <summary>Turns routed to kasu-hara so far.</summary>
    public int KasuHaraStrikes { get; init; }

    /// <summary>Every harassment category seen in the conversation.</summary>
    public KasuHaraCategories KasuHaraCategoriesSeen { get; init; }

    /// <summary>The last protocol step taken.</summary>
    public ProtocolAction ProtocolStep { get; init; }

    /// <summary>The route of the last customer turn.</summary>
    public Route LastRoute { get; init; }

    /// <summary>Whether the conversation is currently with a human (escalated and not handed back).</summary>
    public bool WithHuman { get; init; }

    /// <summary>When the first turn happened, when the host supplies timestamps.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last turn happened, when the host supplies timestamps.</summary>
    public DateTimeOffset? LastTurnAt { get; init; }

    /// <summary>Time from the first to the last turn, when timestamps were supplied.</summary>
    public TimeSpan Duration => StartedAt is { } s && LastTurnAt is { } l && l > s ? l - s : TimeSpan.Zero;
}
