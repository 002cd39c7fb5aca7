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
/// The word lists are the project's own, from ordinary grammar of each language (cardinal numbers, plural and case
/// forms of the time units); they are code, not pack data, because they are grammar rather than vocabulary.
/// </remarks>
internal static class StatedWaits
{
    private sealed class Table
    {
        public required string[] Units { get; init; }

        public required SearchValues<string> UnitSearch { get; init; }

        public required string[] NumberWords { get; init; }

        public required string[] Waits { get; init; }

        public required string[] Runs { get; init; }

        public required string[] Only { get; init; }

        public required SearchValues<string> PointSearch { get; init; }

        public required string[] Points { get; init; }

        /// <summary>Points less than a day back ("since this morning"): a first report, a complaint only with a waiting word.</summary>
        public required string[] ShortPoints { get; init; }

        public required string[] Cues { get; init; }

        public bool Unspaced { get; init; }
    }

    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create(".!?;。！？；\n");

    /// <summary>Kanji numerals and 数/何 ("several", "how many": 数日, 何週間も) before a Japanese unit.</summary>
    private static readonly SearchValues<char> KanjiNumerals = SearchValues.Create("一二三四五六七八九十百数何");

    private static readonly Table?[] Tables = Build();

    /// <summary>Returns the source span of the stated wait, or (-1, 0).</summary>
    public static (int Start, int Length) Find(ReadOnlySpan<char> src, int lang)
    {
        if (lang is < LanguageTable.English or > LanguageTable.Swedish || Tables[lang] is not { } t)
        {
            return (-1, 0);
        }

        var quantity = FindQuantity(src, t);
        return quantity.Start >= 0 ? quantity : FindPoint(src, t);
    }

    private static (int Start, int Length) FindQuantity(ReadOnlySpan<char> src, Table t)
    {
        int offset = 0;
        while (offset < src.Length)
        {
            int k = src[offset..].IndexOfAny(t.UnitSearch);
            if (k < 0)
            {
                break;
            }

            int unitAt = offset + k;
            int unitLength = LongestAt(src[unitAt..], t.Units);
            offset = unitAt + Math.Max(unitLength, 1);
            if (!t.Unspaced && unitAt + unitLength < src.Length && char.IsLetter(src[unitAt + unitLength]))
            {
                continue; // "2 dayz" is fine to miss; "5 Tagesgerichte" is no wait
            }

            int numStart = NumberBefore(src, unitAt, t);
            if (numStart < 0)
            {
                continue;
            }

            var (from, to) = Sentence(src, numStart, unitAt + unitLength);
            var before = src[from..numStart].TrimEnd(' ');
            if (EndsWithWord(before, t.Only) || EndsWithWord(DropLastWord(before), t.Only))
            {
                continue; // "only waited 2 days", "nur 2 Tage"
            }

            if (EndsWithWord(before, t.Runs) || ContainsAny(src[from..to], t.Waits))
            {
                return (numStart, unitAt + unitLength - numStart);
            }
        }

        return (-1, 0);
    }

    private static (int Start, int Length) FindPoint(ReadOnlySpan<char> src, Table t)
    {
        int offset = 0;
        while (offset < src.Length)
        {
            int k = src[offset..].IndexOfAny(t.PointSearch);
            if (k < 0)
            {
                break;
            }

            int at = offset + k;
            int length = LongestAt(src[at..], t.Points);
            offset = at + Math.Max(length, 1);
            if (!t.Unspaced && ((at > 0 && char.IsLetter(src[at - 1])) || (at + length < src.Length && char.IsLetter(src[at + length]))))
            {
                continue;
            }

            var (from, to) = Sentence(src, at, at + length);
            var sentence = src[from..to];
            if (ContainsAny(sentence, t.Waits) || (!IsShort(src.Slice(at, length), t) && ContainsWord(sentence, t.Cues, t.Unspaced)))
            {
                return (at, length);
            }
        }

        return (-1, 0);
    }

    private static bool IsShort(ReadOnlySpan<char> point, Table t)
    {
        foreach (var w in t.ShortPoints)
        {
            if (point.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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
        while (from > 0 && !ClauseBreaks.Contains(src[from - 1]))
        {
            from--;
        }

        while (to < src.Length && !ClauseBreaks.Contains(src[to]))
        {
            to++;
        }

        return (from, to);
    }

    private static int LongestAt(ReadOnlySpan<char> at, string[] words)
    {
        int best = 0;
        foreach (var w in words)
        {
            if (w.Length > best && at.StartsWith(w, StringComparison.OrdinalIgnoreCase))
            {
                best = w.Length;
            }
        }

        return best;
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
            units: ["minutes", "mins", "hours", "hrs", "hour", "days", "weeks", "week", "months", "month", "working days", "business days"],
            numbers: ["a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "a couple of", "a couple", "couple of", "a few", "few", "several", "many", "multiple"],
            waits: ["waiting", "waited", "been waiting", "it's been", "it has been", "its been", "it’s been", "on hold"],
            runs: ["already", "for over", "for more than"],
            only: ["only", "just", "within", "in under", "less than", "under"],
            points: ["since monday", "since tuesday", "since wednesday", "since thursday", "since friday", "since saturday", "since sunday", "since last week", "since last month", "since the weekend", "for days", "for weeks", "for months"],
            shortPoints: ["since yesterday", "since last night", "since this morning", "for hours"],
            cues: ["still", "not", "never", "no", "nothing", "isn't", "hasn't", "haven't", "doesn't", "don't", "didn't", "won't", "can't", "wasn't", "aren't", "isn’t", "hasn’t", "haven’t", "doesn’t", "don’t", "didn’t", "can’t", "isnt", "hasnt", "havent", "doesnt", "dont", "didnt", "cant"]);
        tables[LanguageTable.Japanese] = Make(
            units: ["時間", "日", "週間", "ヶ月", "か月", "カ月", "ケ月", "ヵ月", "ヶ月間", "か月間"],
            numbers: [],
            waits: ["待って", "待た", "待ち", "経って", "経ち", "経つ", "たって", "過ぎ"],
            runs: ["もう", "すでに", "既に"],
            only: ["たった", "わずか", "僅か", "ほんの"],
            points: ["先週から", "先月から", "月曜から", "火曜から", "水曜から", "木曜から", "金曜から", "土曜から", "日曜から", "月曜日から", "火曜日から", "水曜日から", "木曜日から", "金曜日から", "土曜日から", "日曜日から", "何日も", "何週間も", "何ヶ月も", "何か月も"],
            shortPoints: ["昨日から", "今朝から", "朝から", "何時間も"],
            cues: ["ない", "ません", "まま", "ず", "届か", "つながら", "繋がら", "来な", "こな"],
            unspaced: true);
        tables[LanguageTable.German] = Make(
            units: ["minuten", "stunden", "std", "tagen", "tage", "tag", "wochen", "woche", "monaten", "monate", "monat", "werktagen", "werktage"],
            numbers: ["ein", "eine", "einen", "einem", "einer", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "fünfzehn", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "neunzig", "ein paar", "paar", "mehrere", "mehreren", "einige", "einigen", "etlichen", "vielen"],
            waits: ["warte", "gewartet", "warten", "vergangen", "warteschleife"],
            runs: ["schon", "seit", "bereits", "seit über", "seit mehr als"],
            only: ["nur", "bloß", "bloss", "lediglich", "innerhalb", "innerhalb von", "in nur", "unter", "weniger als"],
            points: ["seit vorgestern", "seit montag", "seit dienstag", "seit mittwoch", "seit donnerstag", "seit freitag", "seit samstag", "seit sonntag", "seit letzter woche", "seit letztem monat", "seit dem wochenende", "seit tagen", "seit wochen", "seit monaten"],
            shortPoints: ["seit gestern", "seit heute morgen", "seit heute früh", "seit stunden"],
            cues: ["nicht", "kein", "keine", "keinen", "nichts", "nie", "noch immer", "immer noch", "immernoch"]);
        tables[LanguageTable.Russian] = Make(
            units: ["минут", "часов", "часа", "час", "дней", "дня", "день", "недель", "недели", "неделю", "неделя", "месяцев", "месяца", "месяц", "суток", "сутки"],
            numbers: ["один", "одну", "одни", "два", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "пятнадцать", "двадцать", "тридцать", "сорок", "несколько", "нескольких", "пару", "много", "целую", "целый", "целых"],
            waits: ["жду", "ждал", "ждала", "ждём", "ждем", "ожида", "прошло", "прошла", "прошёл", "прошел"],
            runs: ["уже", "уже больше", "уже более"],
            only: ["всего", "только", "лишь", "за", "меньше"],
            points: ["с понедельника", "со вторника", "со среды", "с четверга", "с пятницы", "с субботы", "с воскресенья", "с прошлой недели", "с прошлого месяца", "с выходных", "неделями", "месяцами", "днями"],
            shortPoints: ["со вчерашнего дня", "со вчерашнего", "с вечера", "с утра", "часами"],
            cues: ["не", "нет", "ни", "никак", "до сих пор", "всё ещё", "все еще", "всё еще"]);
        tables[LanguageTable.Swedish] = Make(
            units: ["minuter", "timmar", "timme", "dagar", "dag", "veckor", "vecka", "månader", "månad", "bankdagar", "arbetsdagar"],
            numbers: ["en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "femton", "tjugo", "trettio", "fyrtio", "ett par", "par", "flera", "några", "många"],
            waits: ["väntat", "väntar", "vänta", "har gått", "gått"],
            runs: ["redan", "i över", "i mer än"],
            only: ["bara", "endast", "enbart", "inom", "på bara", "under", "mindre än"],
            points: ["sedan i måndags", "sedan i tisdags", "sedan i onsdags", "sedan i torsdags", "sedan i fredags", "sedan i lördags", "sedan i söndags", "sedan förra veckan", "sedan förra månaden", "sedan helgen", "i dagar", "i veckor", "i månader"],
            shortPoints: ["sedan i går", "sedan igår", "sedan i morse", "i timmar"],
            cues: ["inte", "ingen", "inget", "inga", "aldrig", "fortfarande", "ännu"]);
        return tables;

        static Table Make(string[] units, string[] numbers, string[] waits, string[] runs, string[] only, string[] points, string[] shortPoints, string[] cues, bool unspaced = false) => new()
        {
            Units = units,
            UnitSearch = SearchValues.Create(units, StringComparison.OrdinalIgnoreCase),
            NumberWords = [.. numbers.OrderByDescending(static w => w.Length).ThenBy(static w => w, StringComparer.Ordinal)],
            Waits = waits,
            Runs = [.. runs.OrderByDescending(static w => w.Length).ThenBy(static w => w, StringComparer.Ordinal)],
            Only = only,
            PointSearch = SearchValues.Create([.. points, .. shortPoints], StringComparison.OrdinalIgnoreCase),
            Points = [.. points, .. shortPoints],
            ShortPoints = shortPoints,
            Cues = cues,
            Unspaced = unspaced,
        };
    }
}
