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
}

/// <summary>What a compiled pattern means in one language. One pattern can carry several entries.</summary>
internal readonly record struct MatchEntry(EntryKind Kind, byte Language, bool NeedStart, bool NeedEnd, float Value, int Rule, bool ScriptBound = false)
{
    public bool IsSentimentLayer => Kind <= EntryKind.PoliteHostile;
}
