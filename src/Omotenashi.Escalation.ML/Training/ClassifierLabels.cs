namespace Omotenashi.Escalation.ML;

/// <summary>The labels a classifier learns: <c>bot</c>, <c>human</c> and <c>kasuhara</c> (any two or all three).</summary>
public static class ClassifierLabels
{
    /// <summary>The bot can keep the turn.</summary>
    public const string Bot = "bot";

    /// <summary>The turn needs a human agent.</summary>
    public const string Human = "human";

    /// <summary>The turn is kasu-hara (harassment of staff).</summary>
    public const string KasuHara = "kasuhara";

    /// <summary>Every label, in the order the library reports them.</summary>
    public static IReadOnlyList<string> All { get; } = [Bot, Human, KasuHara];

    /// <summary>
    /// Maps a label as written in data (any case; <c>kasu-hara</c> and <c>kasu_hara</c> are accepted) to its canonical
    /// form, or returns <see langword="null"/> when it is not a known label.
    /// </summary>
    public static string? Canonicalize(ReadOnlySpan<char> label)
    {
        label = label.Trim();
        if (label.Equals(Bot, StringComparison.OrdinalIgnoreCase))
        {
            return Bot;
        }

        if (label.Equals(Human, StringComparison.OrdinalIgnoreCase))
        {
            return Human;
        }

        if (label.Equals(KasuHara, StringComparison.OrdinalIgnoreCase)
            || label.Equals("kasu-hara", StringComparison.OrdinalIgnoreCase)
            || label.Equals("kasu_hara", StringComparison.OrdinalIgnoreCase))
        {
            return KasuHara;
        }

        return null;
    }
}
