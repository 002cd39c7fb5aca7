namespace Omotenashi.Escalation;

/// <summary>What a classifier sees of a turn.</summary>
public readonly ref struct ClassifierInput
{
    /// <summary>Creates an input.</summary>
    public ClassifierInput(string text, ReadOnlySpan<char> normalizedText, string language)
    {
        Text = text;
        NormalizedText = normalizedText;
        Language = language;
    }

    /// <summary>The turn text as the customer wrote it (truncated to the engine's analysed length).</summary>
    public string Text { get; }

    /// <summary>The text after the engine's normalisation (width, case, kana, obfuscation folding).</summary>
    public ReadOnlySpan<char> NormalizedText { get; }

    /// <summary>The language tag used for the turn (<c>und</c> when unknown).</summary>
    public string Language { get; }
}
