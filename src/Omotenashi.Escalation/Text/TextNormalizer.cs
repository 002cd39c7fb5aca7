using System.Runtime.CompilerServices;

namespace Omotenashi.Escalation;

/// <summary>
/// One-pass normalisation for matching. Width folding (full-width ASCII, half-width kana), case folding,
/// katakana → hiragana, apostrophe and dash variants, stretched letters (3+ → 1), and obfuscation folding for
/// abuse terms: separators between single letters (<c>f.u.c.k</c>, <c>ば か</c>), leetspeak inside words
/// (<c>sh1t</c>, <c>b!tch</c>), Latin/Cyrillic look-alikes inside mixed-script words. Output is never longer
/// than input; <c>map[i]</c> gives the source index of output character <c>i</c> so evidence points at the
/// customer's own text.
/// </summary>
internal static class TextNormalizer
{
    // U+FF66..U+FF9D half-width katakana → full-width katakana.
    private const string HalfWidthKana = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
    private const string Dakuten = "かきくけこさしすせそたちつてとはひふへほ";
    private const string Handakuten = "はひふへほ";

    /// <summary>Normalises <paramref name="source"/>; <paramref name="dest"/> and <paramref name="map"/> must be at least as long.</summary>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> dest, Span<int> map, ref ScriptCounts counts)
    {
        int o = 0;
        int tokenStart = 0; // output index where the current word started
        int tokenLetters = -1; // letters in the current source token, computed when first needed
        int tokenSourceStart = 0;
        int tokenSourceEnd = -1;
        bool inWord = false;
        int wordUpper = 0, wordLower = 0;

        for (int i = 0; i < source.Length; i++)
        {
            char raw = source[i];

            // Variation selectors and emoji skin-tone modifiers carry no meaning for matching.
            if (raw is '\uFE0F' or '\uFE0E' || (raw == '\uD83C' && i + 1 < source.Length && source[i + 1] is >= '\uDFFB' and <= '\uDFFF'))
            {
                if (raw == '\uD83C')
                {
                    i++;
                }

                continue;
            }

            char c = FoldChar(raw);

            // Half-width or combining voicing marks merge into the previous kana.
            if (c is '\uFF9E' or '\u3099' or '\u309B' or '\uFF9F' or '\u309A' or '\u309C')
            {
                if (o > 0)
                {
                    bool hand = c is '\uFF9F' or '\u309A' or '\u309C';
                    char prev = dest[o - 1];
                    if (!hand && Dakuten.Contains(prev))
                    {
                        dest[o - 1] = (char)(prev + 1);
                        continue;
                    }

                    if (hand && Handakuten.Contains(prev))
                    {
                        dest[o - 1] = (char)(prev + 2);
                        continue;
                    }

                    if (!hand && prev == 'う')
                    {
                        dest[o - 1] = 'ゔ';
                        continue;
                    }
                }

                continue;
            }

            // Commas and semicolons join words like spaces do, so "I know, where you live" still matches a phrase;
            // runs of spaces become one.
            if (c is ',' or '、' or '，')
            {
                c = ' ';
            }

            if (c == ' ' && o > 0 && dest[o - 1] == ' ')
            {
                if (inWord)
                {
                    EndWord(dest, tokenStart, o, wordUpper, wordLower, ref counts);
                    inWord = false;
                }

                continue;
            }

            bool isLetter = char.IsLetter(c);
            bool wordChar = isLetter || char.IsDigit(c) || IsLeet(c) || c is '*' or '\'';

            if (wordChar && !inWord)
            {
                // Start of a token: try the spaced-out form first (f u c k, ば か).
                if (isLetter && TryCollapseSpaced(source, i, dest, map, ref o, out int consumed))
                {
                    CountWord(source.Slice(i, consumed), ref counts);
                    i += consumed - 1;
                    continue;
                }

                inWord = true;
                tokenStart = o;
                tokenSourceStart = i;
                tokenLetters = -1; // counted only if the token turns out to hold a leet character
                wordUpper = 0;
                wordLower = 0;
            }
            else if (!wordChar && inWord)
            {
                EndWord(dest, tokenStart, o, wordUpper, wordLower, ref counts);
                inWord = false;
            }

            if (isLetter)
            {
                CountLetter(raw, c, ref counts, ref wordUpper, ref wordLower);
                c = FoldCase(c);

                // Stretched letters: a run of 3+ identical letters becomes one ("fuuuck", "sooo", "すごーーい");
                // 'w' is Japanese laughter and kept as written.
                if (c != 'w' && i + 2 < source.Length && FoldCase(FoldChar(source[i + 1])) == c && FoldCase(FoldChar(source[i + 2])) == c)
                {
                    int j = i + 3;
                    while (j < source.Length && FoldCase(FoldChar(source[j])) == c)
                    {
                        j++;
                    }

                    for (int k = i + 1; k < j; k++)
                    {
                        CountLetter(source[k], c, ref counts, ref wordUpper, ref wordLower);
                    }

                    dest[o] = c;
                    map[o] = i;
                    o++;
                    i = j - 1;
                    continue;
                }
            }
            else if (inWord && IsLeet(c) && LeetCandidate(source, tokenSourceStart, ref tokenLetters, ref tokenSourceEnd) && LeetApplies(source, i, tokenSourceEnd))
            {
                c = Leet(c);
            }
            else if (c == '!')
            {
                counts.Exclamations++;
            }
            else if (c == '?')
            {
                counts.Questions++;
            }

            dest[o] = c;
            map[o] = i;
            o++;
        }

        if (inWord)
        {
            EndWord(dest, tokenStart, o, wordUpper, wordLower, ref counts);
        }

        return o;
    }

    /// <summary>Normalises a whole string (used at build time for lexicon and rule terms).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Normalize(string text)
    {
        return IsAlreadyNormal(text) ? text : NormalizeFull(text);
    }

    /// <summary>The full normalisation path, without the fast path (tests compare the two).</summary>
    internal static string NormalizeFull(string text)
    {
        var counts = default(ScriptCounts);
        var dest = new char[text.Length];
        var map = new int[text.Length];
        int n = Normalize(text, dest, map, ref counts);
        return new string(dest, 0, n);
    }

    /// <summary>
    /// Fast path for build time: most lexicon terms are already normal (lower-case letters and single spaces,
    /// no stretched letters, no spaced-out single letters, nothing to fold).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsAlreadyNormal(string text)
    {
        int wordLength = 0, singleLetterWords = 0;
        bool latin = false, cyrillic = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            latin |= c is >= 'a' and <= 'z';
            cyrillic |= c is >= '\u0400' and <= '\u04FF';
            if (latin && cyrillic)
            {
                return false; // look-alike folding may apply
            }

            if (c == ' ')
            {
                if (i == 0 || text[i - 1] == ' ')
                {
                    return false;
                }

                singleLetterWords = wordLength == 1 ? singleLetterWords + 1 : 0;
                if (singleLetterWords >= 1 && i + 2 <= text.Length && (i + 2 == text.Length || text[i + 2] == ' '))
                {
                    return false; // "a b …": could be a spaced-out word
                }

                wordLength = 0;
                continue;
            }

            if (!char.IsLetter(c) || FoldChar(c) != c || FoldCase(c) != c || c is 'ё' || (c >= '\uFF00') || (c is >= '\u3099' and <= '\u309C'))
            {
                return false;
            }

            if (i >= 2 && text[i - 1] == c && text[i - 2] == c)
            {
                return false;
            }

            wordLength++;
        }

        return text.Length > 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c;
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return (char)(c - 0xFEE0);
        }

        if (c is >= '\uFF66' and <= '\uFF9D')
        {
            c = HalfWidthKana[c - 0xFF66];
        }

        if (c is >= '\u30A1' and <= '\u30F6')
        {
            return (char)(c - 0x60);
        }

        return c switch
        {
            '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' => ' ',
            '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '\u0060' or '\uFF40' => '\'',
            '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
            '\uFF61' => '。',
            '\uFF64' => '、',
            '\uFF65' => '・',
            '\u30FD' => 'ゝ',
            '\u30FE' => 'ゞ',
            '\u0451' or '\u0401' => 'е', // ё, Ё → е: Russian text writes both, the packs list one
            _ => c,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char FoldCase(char c)
    {
        if (c < 0x80)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        return char.ToLowerInvariant(c);
    }

    private static void CountLetter(char raw, char folded, ref ScriptCounts counts, ref int wordUpper, ref int wordLower)
    {
        if (folded < 0x250)
        {
            counts.Latin++;
        }
        else if (folded is >= '\u0400' and <= '\u04FF')
        {
            counts.Cyrillic++;
        }
        else if (folded is >= '\u3040' and <= '\u30FF')
        {
            counts.Kana++;
        }
        else if (folded is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or '\u3005')
        {
            counts.Han++;
        }
        else if (folded is >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF')
        {
            counts.Hangul++;
        }
        else
        {
            counts.OtherLetters++;
        }

        if (char.IsUpper(raw) || (raw is >= '\uFF21' and <= '\uFF3A'))
        {
            counts.Upper++;
            wordUpper++;
        }
        else if (char.IsLower(folded))
        {
            counts.Lower++;
            wordLower++;
        }
    }

    private static void CountWord(ReadOnlySpan<char> raw, ref ScriptCounts counts)
    {
        int up = 0, low = 0;
        foreach (char r in raw)
        {
            char f = FoldChar(r);
            if (char.IsLetter(f))
            {
                CountLetter(r, f, ref counts, ref up, ref low);
            }
        }

        counts.Words++;
        if (up >= 2 && low == 0)
        {
            counts.CapsWords++;
        }
    }

    private static void EndWord(Span<char> dest, int start, int end, int upper, int lower, ref ScriptCounts counts)
    {
        counts.Words++;
        if (upper >= 2 && lower == 0)
        {
            counts.CapsWords++;
        }

        FoldLookAlikes(dest.Slice(start, end - start));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLeet(char c) => c is '0' or '1' or '3' or '4' or '5' or '7' or '$' or '@' or '!' or '|';

    private static char Leet(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '$' => 's',
        '@' => 'a',
        '!' => 'i',
        '|' => 'l',
        _ => c,
    };

    private static bool LeetCandidate(ReadOnlySpan<char> source, int tokenSourceStart, ref int tokenLetters, ref int tokenSourceEnd)
    {
        if (tokenLetters < 0)
        {
            ScanToken(source, tokenSourceStart, out tokenLetters, out tokenSourceEnd);
        }

        return tokenLetters >= 2;
    }

    /// <summary>Counts the letters of the token that starts at <paramref name="start"/>.</summary>
    private static void ScanToken(ReadOnlySpan<char> source, int start, out int letters, out int end)
    {
        letters = 0;
        int i = start;
        for (; i < source.Length; i++)
        {
            char c = FoldChar(source[i]);
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (!(char.IsDigit(c) || IsLeet(c) || c is '*' or '\''))
            {
                break;
            }
        }

        end = i;
    }

    /// <summary>
    /// Leet characters fold only inside a word: digits next to a letter, symbols (<c>! $ @ |</c>) only when a
    /// letter follows them in the same token, so "wow!!!" and "$100" stay as they are.
    /// </summary>
    private static bool LeetApplies(ReadOnlySpan<char> source, int i, int tokenEnd)
    {
        char c = source[i];
        bool letterAfter = false;
        for (int j = i + 1; j < tokenEnd; j++)
        {
            if (char.IsLetter(FoldChar(source[j])))
            {
                letterAfter = true;
                break;
            }
        }

        if (c is '!' or '$' or '@' or '|')
        {
            // "@" also ends a masked word ("сук@" = "сука"): a letter before it and nothing after it in the token.
            return letterAfter || (c == '@' && i + 1 == tokenEnd && i > 0 && char.IsLetter(FoldChar(source[i - 1])));
        }

        // Digits fold only with a letter after them in the word: "sh1t", "1d10t"; never "abc123" or "covid19".
        bool letterBefore = i > 0 && char.IsLetter(FoldChar(source[i - 1]));
        bool nextLetter = i + 1 < source.Length && char.IsLetter(FoldChar(source[i + 1]));
        return letterAfter && (letterBefore || nextLetter || (i + 1 < source.Length && IsLeet(FoldChar(source[i + 1]))));
    }

    private static bool IsSeparator(char c) => c is ' ' or '.' or '-' or '_' or '*' or '・' or '/' or ',' or '+' or '~';

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF';

    /// <summary>
    /// Collapses single letters separated by one repeated separator: <c>f.u.c.k</c> (3+ letters) or
    /// <c>ば か</c> (2+ kana/kanji). The run must start and end a token.
    /// </summary>
    private static bool TryCollapseSpaced(ReadOnlySpan<char> source, int start, Span<char> dest, Span<int> map, ref int o, out int consumed)
    {
        consumed = 0;
        if (start + 2 >= source.Length)
        {
            return false;
        }

        char sep = FoldChar(source[start + 1]);
        if (!IsSeparator(sep))
        {
            return false;
        }

        int letters = 0;
        int i = start;
        bool cjk = true;
        while (i < source.Length)
        {
            char c = FoldChar(source[i]);
            if (!char.IsLetter(c) && !(letters > 0 && IsLeet(c) && c is not '!' and not '|'))
            {
                break;
            }

            if (!IsCjk(c))
            {
                cjk = false;
            }

            letters++;
            int next = i + 1;
            if (next >= source.Length)
            {
                i = next;
                break;
            }

            char n = FoldChar(source[next]);
            if (n != sep)
            {
                // The letter must end the run: a following letter means it was a real word.
                if (char.IsLetterOrDigit(n))
                {
                    return false;
                }

                i = next;
                break;
            }

            if (next + 1 >= source.Length || !char.IsLetter(FoldChar(source[next + 1])) && !IsLeet(FoldChar(source[next + 1])))
            {
                i = next;
                break;
            }

            // The next letter must stand alone too ("f u c k you": the run stops before "you").
            if (next + 2 < source.Length && char.IsLetterOrDigit(FoldChar(source[next + 2])))
            {
                i = next;
                break;
            }

            i = next + 1;
        }

        int min = cjk ? 2 : 3;
        if (letters < min)
        {
            return false;
        }

        // Emit the letters only.
        int end = i;
        for (int j = start; j < end; j++)
        {
            char c = FoldChar(source[j]);
            if (c == sep && j > start)
            {
                continue;
            }

            c = char.IsLetter(c) ? FoldCase(c) : Leet(c);
            dest[o] = c;
            map[o] = j;
            o++;
        }

        // A trailing separator after the last letter is not part of the word.
        if (end > start && FoldChar(source[end - 1]) == sep)
        {
            end--;
        }

        consumed = end - start;
        return consumed > 0;
    }

    private const string LatinLike = "aeopcxykmthbi";
    private const string CyrillicLike = "аеорсхукмтнві";

    // Towards Cyrillic only: shapes that stand for Cyrillic letters in obfuscated Russian ("дeбuлы", "е6лан").
    private const string LatinToCyrillicExtra = "un6";
    private const string CyrillicFromExtra = "ипб";

    /// <summary>In a word mixing Latin and Cyrillic letters, the minority script's look-alikes become the majority's.</summary>
    private static void FoldLookAlikes(Span<char> word)
    {
        int latin = 0, cyr = 0;
        foreach (char c in word)
        {
            if (c is >= 'a' and <= 'z')
            {
                latin++;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyr++;
            }
        }

        if (cyr == 0 || (latin == 0 && !word.Contains('6')))
        {
            return;
        }

        bool toCyrillic = cyr >= latin;
        for (int i = 0; i < word.Length; i++)
        {
            int k = toCyrillic ? LatinLike.IndexOf(word[i]) : CyrillicLike.IndexOf(word[i]);
            if (k >= 0)
            {
                word[i] = toCyrillic ? CyrillicLike[k] : LatinLike[k];
            }
            else if (toCyrillic && (k = LatinToCyrillicExtra.IndexOf(word[i])) >= 0)
            {
                word[i] = CyrillicFromExtra[k];
            }
        }
    }
}
