namespace Omotenashi.Escalation;

internal enum EntryKind : byte
{
    Sentiment,
    Negator,
    PostNegator,
    Booster,
    Dampener,
    Contrast,
    PoliteHostile,
    Rule,
    Exclusion,
    Hint,

    /// <summary>A unit of waiting time (days, Wochen, дней, 週間): a stated wait when a quantity precedes it.</summary>
    WaitUnit,

    /// <summary>A point a fault started at (since Saturday, seit letzter Woche, 先週から).</summary>
    WaitSince,

    /// <summary>A point less than a day back (since this morning): a complaint only with a waiting word.</summary>
    WaitSinceShort,
}

/// <summary>What a compiled pattern means in one language. One pattern can carry several entries.</summary>
internal readonly record struct MatchEntry(EntryKind Kind, byte Language, bool NeedStart, bool NeedEnd, float Value, int Rule, bool ScriptBound = false)
{
    public bool IsSentimentLayer => Kind <= EntryKind.PoliteHostile;
}
