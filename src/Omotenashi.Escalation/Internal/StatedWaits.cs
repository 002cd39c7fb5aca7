using System.Buffers;

namespace Omotenashi.Escalation;

/// <summary>
/// Finds a stated wait in a customer turn: the time a problem has lasted, said as a complaint. Two shapes:
/// <list type="bullet">
/// <item>a quantity with a unit of minutes to months ("12 days", "three weeks", "ein paar Tage", "несколько дней",
/// 数日) and, in the same sentence, a waiting word ("waiting", "gewartet", "väntat", "жду", 待っ) or a word right before
/// the quantity that says the time has run ("already", "schon", "seit", "redan", "уже", もう);</item>
/// <item>a point the problem started at ("since Saturday", "seit letzter Woche", "sedan i måndags", "с понедельника",
/// 先週から) with a waiting word or a negation or "still" in the same sentence ("hasn't worked since Saturday"); a point
/// less than a day back ("since this morning", "seit gestern") only with a waiting word: without one it is a first
/// report of a fault, which the bot can take.</item>
/// </list>
/// A plain duration ("delivery takes 3 days", "still works after 3 months") is no complaint, and neither is a short
/// one ("only waited 2 days", "nur 2 Tage gewartet", たった2日で届いた).
/// </summary>
/// <remarks>
/// The time units and starting points are data: `wait-unit`, `wait-since` and `wait-since-short` entries of
/// <c>Lexicons/&lt;lang&gt;.modifiers.tsv</c>, found by the same automaton pass as every other term, so the check costs
/// nothing on a turn without them. The grammar around them (cardinal numbers, waiting verbs, "only", negations) is
/// in the tables below: short closed lists checked only next to a match. All are the project's own.
/// </remarks>
internal static class StatedWaits
{
    private sealed class Table
    {
        public required string[] NumberWords { get; init; }

        public required string[] Waits { get; init; }

        public required string[] Runs { get; init; }

        public required string[] Only { get; init; }

        public required string[] Cues { get; init; }

        public bool Unspaced { get; init; }
    }

    /// <summary>Kanji numerals and 数/何 ("several", "how many": 数日, 何週間も) before a Japanese unit.</summary>
    private static readonly SearchValues<char> KanjiNumerals = SearchValues.Create("一二三四五六七八九十百数何");

    private static readonly Table?[] Tables = Build();

    /// <summary>
    /// Returns the source span of the stated wait, or (-1, 0). <paramref name="waits"/> are the turn's matches of the
    /// `wait-unit`, `wait-since` and `wait-since-short` entries of the modifier lexicons (positions in the normalised
    /// text; <paramref name="map"/> leads back to the source).
    /// </summary>
    public static (int Start, int Length) Find(ReadOnlySpan<char> src, int lang, ReadOnlySpan<int> map, ReadOnlySpan<Candidate> waits, MatchEntry[] entries)
    {
        if (waits.IsEmpty || lang is < LanguageTable.English or > LanguageTable.Swedish || Tables[lang] is not { } t)
        {
            return (-1, 0);
        }

        foreach (ref readonly var c in waits)
        {
            if (entries[c.Entry].Kind != EntryKind.WaitUnit)
            {
                continue;
            }

            int unitAt = map[c.Start], unitEnd = map[c.End - 1] + 1;
            int numStart = NumberBefore(src, unitAt, t);
            if (numStart < 0)
            {
                continue;
            }

            var (from, to) = Sentence(src, numStart, unitEnd);
            var before = src[from..numStart].TrimEnd(' ');
            if (EndsWithWord(before, t.Only) || EndsWithWord(DropLastWord(before), t.Only))
            {
                continue; // "only waited 2 days", "nur 2 Tage"
            }

            if (EndsWithWord(before, t.Runs) || ContainsAny(src[from..to], t.Waits))
            {
                return (numStart, unitEnd - numStart);
            }
        }

        foreach (ref readonly var c in waits)
        {
            var kind = entries[c.Entry].Kind;
            if (kind == EntryKind.WaitUnit)
            {
                continue;
            }

            int at = map[c.Start], end = map[c.End - 1] + 1;
            var (from, to) = Sentence(src, at, end);
            var sentence = src[from..to];
            if (ContainsAny(sentence, t.Waits) || (kind == EntryKind.WaitSince && ContainsWord(sentence, t.Cues, t.Unspaced)))
            {
                return (at, end - at);
            }
        }

        return (-1, 0);
    }

    /// <summary>Where the quantity before a unit starts (digits, a number word, kanji numerals), or -1.</summary>
    private static int NumberBefore(ReadOnlySpan<char> src, int unitAt, Table t)
    {
        int p = unitAt;
        while (p > 0 && src[p - 1] == ' ')
        {
            p--;
        }

        if (p > 0 && char.IsDigit(src[p - 1]))
        {
            int q = p;
            while (q > 0 && (char.IsDigit(src[q - 1]) || (src[q - 1] is '-' or '–' or '.' or ',' && q - 1 > 0 && char.IsDigit(src[q - 2]))))
            {
                q--;
            }

            return q > 0 && char.IsLetter(src[q - 1]) && src[q - 1] < 0x3000 ? -1 : q;
        }

        if (t.Unspaced)
        {
            int q = p;
            while (q > 0 && KanjiNumerals.Contains(src[q - 1]))
            {
                q--;
            }

            return q < p ? q : -1;
        }

        if (p == unitAt)
        {
            return -1; // a number word needs a space before the unit
        }

        var head = src[..p];
        foreach (var w in t.NumberWords)
        {
            if (head.EndsWith(w, StringComparison.OrdinalIgnoreCase) && (head.Length == w.Length || !char.IsLetter(head[^(w.Length + 1)])))
            {
                return p - w.Length;
            }
        }

        return -1;
    }

    /// <summary>The text without its last word ("only waited" → "only"); unchanged in unspaced scripts.</summary>
    private static ReadOnlySpan<char> DropLastWord(ReadOnlySpan<char> text)
    {
        int i = text.LastIndexOf(' ');
        return i < 0 ? (text.Length > 0 && text[0] >= 0x3000 ? text : []) : text[..i].TrimEnd(' ');
    }

    private static (int From, int To) Sentence(ReadOnlySpan<char> src, int start, int end)
    {
        int from = start, to = end;
        while (from > 0 && !TextAnalyzer.ClauseBreaks.Contains(src[from - 1]))
        {
            from--;
        }

        while (to < src.Length && !TextAnalyzer.ClauseBreaks.Contains(src[to]))
        {
            to++;
        }

        return (from, to);
    }

    private static bool EndsWithWord(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var w in words)
        {
            if (text.EndsWith(w, StringComparison.OrdinalIgnoreCase) && (text.Length == w.Length || !char.IsLetter(text[^(w.Length + 1)]) || w[0] >= 0x3000))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var w in words)
        {
            if (text.Contains(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one of the words occurs as a whole word (any substring in unspaced scripts).</summary>
    private static bool ContainsWord(ReadOnlySpan<char> text, string[] words, bool unspaced)
    {
        foreach (var w in words)
        {
            int offset = 0;
            while (offset < text.Length)
            {
                int k = text[offset..].IndexOf(w, StringComparison.OrdinalIgnoreCase);
                if (k < 0)
                {
                    break;
                }

                int at = offset + k;
                if (unspaced || ((at == 0 || !char.IsLetter(text[at - 1])) && (at + w.Length >= text.Length || !char.IsLetter(text[at + w.Length]))))
                {
                    return true;
                }

                offset = at + 1;
            }
        }

        return false;
    }

    private static Table?[] Build()
    {
        var tables = new Table?[LanguageTable.Swedish + 1];
        tables[LanguageTable.English] = Make(
            numbers: ["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "a couple of", "a couple", "couple of", "a few", "few", "several", "many", "multiple"],
            waits: ["waiting", "waited", "been waiting", "it's been", "it has been", "its been", "it’s been", "on hold"],
            runs: ["already", "for over", "for more than"],
            only: ["only", "just", "within", "in under", "less than", "under"],
            cues: ["still", "not", "never", "no", "nothing", "isn't", "hasn't", "haven't", "doesn't", "don't", "didn't", "won't", "can't", "wasn't", "aren't", "isn’t", "hasn’t", "haven’t", "doesn’t", "don’t", "didn’t", "can’t", "isnt", "hasnt", "havent", "doesnt", "dont", "didnt", "cant"]);
        tables[LanguageTable.Japanese] = Make(
            numbers: [],
            waits: ["待って", "待た", "待ち", "経って", "経ち", "経つ", "たって", "過ぎ"],
            runs: ["もう", "すでに", "既に"],
            only: ["たった", "わずか", "僅か", "ほんの"],
            cues: ["ない", "ません", "まま", "ず", "届か", "つながら", "繋がら", "来な", "こな"],
            unspaced: true);
        tables[LanguageTable.German] = Make(
            numbers: ["ein", "eine", "einen", "einem", "einer", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "fünfzehn", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "neunzig", "ein paar", "paar", "mehrere", "mehreren", "einige", "einigen", "etlichen", "vielen"],
            waits: ["warte", "gewartet", "warten", "vergangen", "warteschleife"],
            runs: ["schon", "seit", "bereits", "seit über", "seit mehr als"],
            only: ["nur", "bloß", "bloss", "lediglich", "innerhalb", "innerhalb von", "in nur", "unter", "weniger als"],
            cues: ["nicht", "kein", "keine", "keinen", "nichts", "nie", "noch immer", "immer noch", "immernoch"]);
        tables[LanguageTable.Russian] = Make(
            numbers: ["один", "одну", "одни", "два", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "пятнадцать", "двадцать", "тридцать", "сорок", "несколько", "нескольких", "пару", "много", "целую", "целый", "целых"],
            waits: ["жду", "ждал", "ждала", "ждём", "ждем", "ожида", "прошло", "прошла", "прошёл", "прошел"],
            runs: ["уже", "уже больше", "уже более"],
            only: ["всего", "только", "лишь", "за", "меньше"],
            cues: ["не", "нет", "ни", "никак", "до сих пор", "всё ещё", "все еще", "всё еще"]);
        tables[LanguageTable.Swedish] = Make(
            numbers: ["en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "femton", "tjugo", "trettio", "fyrtio", "ett par", "par", "flera", "några", "många"],
            waits: ["väntat", "väntar", "vänta", "har gått", "gått"],
            runs: ["redan", "i över", "i mer än"],
            only: ["bara", "endast", "enbart", "inom", "på bara", "under", "mindre än"],
            cues: ["inte", "ingen", "inget", "inga", "aldrig", "fortfarande", "ännu"]);
        return tables;

        static Table Make(string[] numbers, string[] waits, string[] runs, string[] only, string[] cues, bool unspaced = false) => new()
        {
            NumberWords = [.. numbers.OrderByDescending(static w => w.Length).ThenBy(static w => w, StringComparer.Ordinal)],
            Waits = waits,
            Runs = [.. runs.OrderByDescending(static w => w.Length).ThenBy(static w => w, StringComparer.Ordinal)],
            Only = only,
            Cues = cues,
            Unspaced = unspaced,
        };
    }
}
