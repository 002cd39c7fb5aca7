namespace Omotenashi.Escalation;

/// <summary>
/// Language identification that never fails: script ranges first (kana → Japanese, Cyrillic → Russian),
/// then frequent-word evidence and letters such as ß, å for Latin-script text. When unsure it returns the
/// most likely language and says so, so the caller can report <see cref="ReasonCodes.LanguageFallback"/>.
/// </summary>
internal static class LanguageDetector
{
    /// <summary>Frequent function words per language (matched as whole words, after normalisation).</summary>
    public static readonly (int Language, string[] Words)[] Hints =
    [
        (LanguageTable.English, ["the", "and", "is", "are", "was", "you", "your", "i", "it", "to", "of", "my", "this", "that", "not", "for", "with", "have", "what", "can", "please", "why", "where", "when", "how", "do", "does", "don't", "me", "we", "they", "be", "been", "on", "in", "just", "would", "will", "from", "there", "a", "an", "if", "so", "but", "no", "yes", "thanks", "hello", "hi"]),
        (LanguageTable.German, ["der", "die", "das", "und", "ist", "nicht", "ich", "sie", "du", "ein", "eine", "einen", "mit", "auf", "für", "zu", "den", "dem", "des", "wir", "es", "bitte", "danke", "sind", "war", "habe", "haben", "wird", "noch", "auch", "aber", "wie", "was", "warum", "mein", "meine", "ihr", "ihre", "kein", "keine", "schon", "mal", "hallo", "doch", "wenn", "dass", "bei", "nach", "von", "im", "ja", "nein"]),
        (LanguageTable.Swedish, ["och", "att", "det", "är", "inte", "jag", "en", "ett", "som", "på", "för", "med", "har", "till", "av", "du", "vi", "kan", "mycket", "hej", "tack", "var", "vad", "varför", "min", "mitt", "mina", "ni", "de", "den", "om", "men", "så", "ska", "skulle", "eller", "nej", "ja", "också", "bara", "nu", "hur", "när", "fick", "blir", "här", "där"]),
    ];

    public static int Detect(in ScriptCounts counts, ReadOnlySpan<int> hintScores, ReadOnlySpan<char> normalized, out bool confident)
    {
        confident = true;
        if (counts.Kana > 0)
        {
            return LanguageTable.Japanese;
        }

        if (counts.Han > 0 && counts.Han >= counts.Latin + counts.Cyrillic)
        {
            // Kanji only: most likely a short Japanese phrase in this library's domain, but it could be Chinese.
            confident = false;
            return LanguageTable.Japanese;
        }

        if (counts.Cyrillic > 0 && counts.Cyrillic >= counts.Latin)
        {
            confident = counts.Cyrillic >= 3;
            return LanguageTable.Russian;
        }

        if (counts.Latin == 0)
        {
            confident = false;
            return LanguageTable.Undetermined;
        }

        int en = hintScores[LanguageTable.English] * 2;
        int de = hintScores[LanguageTable.German] * 2;
        int sv = hintScores[LanguageTable.Swedish] * 2;
        foreach (char c in normalized)
        {
            switch (c)
            {
                case 'ß':
                case 'ü':
                    de += 2;
                    break;
                case 'å':
                    sv += 2;
                    break;
                case 'ä':
                case 'ö':
                    de++;
                    sv++;
                    break;
            }
        }

        int best = LanguageTable.English;
        int score = en;
        if (de > score)
        {
            best = LanguageTable.German;
            score = de;
        }

        if (sv > score)
        {
            best = LanguageTable.Swedish;
            score = sv;
        }

        int second = best == LanguageTable.English ? Math.Max(de, sv) : best == LanguageTable.German ? Math.Max(en, sv) : Math.Max(en, de);
        confident = score >= 2 && score > second;
        return best;
    }
}
