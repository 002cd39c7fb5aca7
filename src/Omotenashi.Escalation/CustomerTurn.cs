namespace Omotenashi.Escalation;

/// <summary>One customer turn: the text and the optional signals a host can pass along.</summary>
public readonly record struct CustomerTurn
{
    /// <summary>Creates a turn from its text.</summary>
    /// <param name="text">What the customer wrote or said. <see langword="null"/> is treated as empty.</param>
    public CustomerTurn(string? text)
    {
        Text = text ?? string.Empty;
    }

    /// <summary>What the customer wrote or said.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The medium. The default value is <see cref="TurnChannel.Chat"/>.</summary>
    public TurnChannel Channel { get; init; }

    /// <summary>BCP-47 language tag when the host knows it (<c>ja</c>, <c>en-US</c>); detected when <see langword="null"/>.</summary>
    public string? Language { get; init; }

    /// <summary>When the turn happened. Durations are only tracked when the host supplies timestamps, so decisions stay deterministic.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The host NLU's confidence in [0, 1] for this turn, when it has one.</summary>
    public double? BotConfidence { get; init; }

    /// <summary>Whether the bot's previous answer was a fallback ("I did not understand").</summary>
    public bool BotFallback { get; init; }

    /// <summary>An optional customer tier (for example <c>gold</c>); carried for the host's own policies.</summary>
    public string? CustomerTier { get; init; }

    /// <summary>Speech-recognition confidence in [0, 1] for phone transcripts.</summary>
    public double? AsrConfidence { get; init; }

    /// <summary>Creates a turn from text.</summary>
    public static implicit operator CustomerTurn(string? text) => new(text);

    /// <summary>Creates a turn from text.</summary>
    public static CustomerTurn FromString(string? text) => new(text);
}
