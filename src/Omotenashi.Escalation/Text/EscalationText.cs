namespace Omotenashi.Escalation;

/// <summary>
/// The engine's text normalisation, for hosts and classifiers that want to see text the way the rules do:
/// width folding, case folding, katakana → hiragana, stretched letters, and obfuscation folding
/// (<c>f.u.c.k</c>, <c>sh1t</c>, <c>ば か</c>, Latin/Cyrillic look-alikes).
/// </summary>
public static class EscalationText
{
    /// <summary>Normalises text for matching. Never longer than the input.</summary>
    public static string Normalize(string? text) => string.IsNullOrEmpty(text) ? string.Empty : TextNormalizer.Normalize(text);

    /// <summary>Normalises <paramref name="text"/> into <paramref name="destination"/> (at least as long as the input) and returns the length written.</summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (destination.Length < text.Length)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(destination));
        }

        int[] map = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            var counts = default(ScriptCounts);
            return TextNormalizer.Normalize(text, destination, map, ref counts);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(map);
        }
    }
}
