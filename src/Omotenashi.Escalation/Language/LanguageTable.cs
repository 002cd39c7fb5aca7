using System.Text;

namespace Omotenashi.Escalation;

/// <summary>Languages known to an engine. Index 0 is <c>und</c> (undetermined); built-in languages come next; host packs may add more.</summary>
internal sealed class LanguageTable
{
    public const int Undetermined = 0;
    public const int English = 1;
    public const int Japanese = 2;
    public const int German = 3;
    public const int Russian = 4;
    public const int Swedish = 5;
    public const int MaxLanguages = 32;

    public static readonly string[] BuiltIn = ["und", "en", "ja", "de", "ru", "sv"];

    private readonly List<string> _tags = [.. BuiltIn];

    public int Count => _tags.Count;

    public string this[int index] => _tags[index];

    /// <summary>The primary subtag of a BCP-47 tag, lower-cased (<c>en-US</c> → <c>en</c>); <see langword="null"/> when blank.</summary>
    public static string? Primary(ReadOnlySpan<char> tag)
    {
        tag = tag.Trim();
        if (tag.IsEmpty)
        {
            return null;
        }

        int dash = tag.IndexOfAny('-', '_');
        if (dash > 0)
        {
            tag = tag[..dash];
        }

        foreach (string b in BuiltIn)
        {
            if (tag.Equals(b, StringComparison.OrdinalIgnoreCase))
            {
                return b;
            }
        }

        // Only a well-formed primary subtag (2–8 ASCII letters) is kept: anything else is "und", so host input
        // that is not a language never reaches decisions, logs or telemetry tags.
        if (tag.Length is < 2 or > 8 || !Ascii.IsValid(tag) || tag.ContainsAnyExcept(AsciiLetters))
        {
            return "und";
        }

        return tag.ToString().ToLowerInvariant();
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public int IndexOf(string? tag)
    {
        string? p = Primary(tag);
        return p is null ? -1 : _tags.IndexOf(p);
    }

    /// <summary>Finds or adds a language; returns -1 when the table is full.</summary>
    public int GetOrAdd(string tag)
    {
        string p = Primary(tag) ?? "und";
        int i = _tags.IndexOf(p);
        if (i >= 0)
        {
            return i;
        }

        if (_tags.Count >= MaxLanguages)
        {
            return -1;
        }

        _tags.Add(p);
        return _tags.Count - 1;
    }

    /// <summary>Whether text of this language is written without spaces (matched without word boundaries).</summary>
    public static bool IsUnspaced(string tag) => tag is "ja" or "zh" or "th" or "und";
}
