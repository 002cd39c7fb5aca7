using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Omotenashi.Escalation;

/// <summary>
/// Every lexicon, modifier list, rule pack and language hint of an engine, compiled into one
/// <see cref="PatternMatcher"/> plus the entries each pattern carries. Immutable and shared by all threads.
/// </summary>
internal sealed class CompiledKnowledge
{
    public const byte AllLanguages = 255;

    private CompiledKnowledge(PatternMatcher matcher, int[] entryStart, MatchEntry[] entries, CompiledRule[] rules, LanguageTable languages, int sentimentTerms, bool[] ruleLanguages)
    {
        Matcher = matcher;
        EntryStart = entryStart;
        Entries = entries;
        Rules = rules;
        Languages = languages;
        SentimentTermCount = sentimentTerms;
        RuleLanguages = ruleLanguages;
    }

    public PatternMatcher Matcher { get; }

    /// <summary>Entries of pattern p are <c>Entries[EntryStart[p]..EntryStart[p + 1]]</c>.</summary>
    public int[] EntryStart { get; }

    public MatchEntry[] Entries { get; }

    public CompiledRule[] Rules { get; }

    public LanguageTable Languages { get; }

    public int SentimentTermCount { get; }

    /// <summary>Languages that have at least one rule (index → has rules).</summary>
    public bool[] RuleLanguages { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CompiledKnowledge Compile(IEnumerable<KnowledgeSource> sources, List<ConfigurationProblem> problems)
    {
        var languages = new LanguageTable();
        var all = sources.ToList();

        // Lexicon languages are registered first, in source order, so language indices never depend on timing.
        var lexicons = new List<(LexiconSource Lex, byte Language, bool Unspaced)>();
        foreach (var lex in all.OfType<LexiconSource>())
        {
            if (lex.Language == "*")
            {
                lexicons.Add((lex, AllLanguages, true));
                continue;
            }

            int li = languages.GetOrAdd(lex.Language);
            if (li < 0)
            {
                problems.Add(new ConfigurationProblem(lex.SourceName, 0, "language", $"too many languages (at most {LanguageTable.MaxLanguages})"));
                continue;
            }

            lexicons.Add((lex, (byte)li, LanguageTable.IsUnspaced(languages[li])));
        }

        // Lexicons are parsed on a worker while the rule packs are parsed and expanded here: the two share
        // nothing until their entries are merged, lexicon entries first, as if read in order.
        int lexiconLines = 0;
        foreach (var (lex, _, _) in lexicons)
        {
            lexiconLines += lex.Text.AsSpan().Count('\n') + 1;
        }

        var patterns = new PatternTable(lexiconLines + (lexiconLines / 8));
        var lexiconProblems = new List<ConfigurationProblem>();
        var lexiconTask = Task.Run(() =>
        {
            int terms = 0;
            foreach (var (lex, lang, unspaced) in lexicons)
            {
                terms += AddLexicon(lex, lang, unspaced, patterns, lexiconProblems);
            }

            return terms;
        });

        var rules = new List<(RuleDocumentInfo Info, bool Removed)>();
        var ruleIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var ruleProblems = new List<ConfigurationProblem>();
        foreach (var pack in all.OfType<RulePackSource>())
        {
            AddRulePack(pack, languages, rules, ruleIndexById, ruleProblems);
        }

        // Rules → entries (after overrides and removals are settled).
        var ruleEntries = new List<(string Pattern, MatchEntry Entry)>(rules.Count * 64);
        var compiledRules = new List<CompiledRule>();
        var ruleLanguages = new bool[LanguageTable.MaxLanguages];
        var chatSpellings = new List<string>();
        foreach (var (info, removed) in rules)
        {
            if (removed || !info.Enabled)
            {
                continue;
            }

            int index = compiledRules.Count;
            compiledRules.Add(new CompiledRule(info.Id, info.Category, info.Severity, info.Weight, info.Target, info.Language));
            ruleLanguages[info.Language] = true;
            bool unspaced = LanguageTable.IsUnspaced(languages[info.Language]);
            bool german = languages[info.Language] == "de";
            bool english = languages[info.Language] == "en";
            foreach (var prepared in info.Patterns)
            {
                AddRulePattern(ruleEntries, prepared.Pattern, prepared.NeedStart, prepared.NeedEnd, info, index, unspaced, german);
                if (english)
                {
                    chatSpellings.Clear();
                    AddChatSpellings(prepared.Raw, chatSpellings);
                    foreach (string chat in chatSpellings)
                    {
                        var (pattern, needStart, needEnd) = Prepare(chat, unspaced);
                        if (pattern.Length > 0)
                        {
                            AddRulePattern(ruleEntries, pattern, needStart, needEnd, info, index, unspaced, german);
                        }
                    }
                }
            }

            foreach (string raw in info.Except)
            {
                var (pattern, needStart, needEnd) = Prepare(raw, unspaced);
                if (pattern.Length > 0)
                {
                    var entry = new MatchEntry(EntryKind.Exclusion, (byte)info.Language, needStart, needEnd, 0, index);
                    ruleEntries.Add((pattern, entry));
                    if (german && GermanAsciiSpelling(pattern) is { } ascii)
                    {
                        ruleEntries.Add((ascii, entry));
                    }
                }
            }
        }

        int sentimentTerms = lexiconTask.GetAwaiter().GetResult();
        problems.AddRange(lexiconProblems);
        problems.AddRange(ruleProblems);
        patterns.Reserve(ruleEntries.Count);
        foreach (var (pattern, entry) in ruleEntries)
        {
            patterns.Add(pattern, entry);
        }

        foreach (var (lang, words) in LanguageDetector.Hints)
        {
            foreach (string w in words)
            {
                patterns.Add(TextNormalizer.Normalize(w), new MatchEntry(EntryKind.Hint, (byte)lang, true, true, 0, -1));
            }
        }

        var (patternList, entryStart, entries) = patterns.Flatten();
        var matcher = PatternMatcher.Build(patternList);
        return new CompiledKnowledge(matcher, entryStart, entries, [.. compiledRules], languages, sentimentTerms, ruleLanguages);
    }

    /// <summary>
    /// German written without umlauts, as on keyboards that lack them (<c>blöd</c> → <c>bloed</c>,
    /// <c>Scheiß</c> → <c>scheiss</c>), or <see langword="null"/> when the term has none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static string? GermanAsciiSpelling(string pattern)
    {
        if (pattern.AsSpan().IndexOfAny("äöüß") < 0)
        {
            return null;
        }

        var sb = new StringBuilder(pattern.Length + 4);
        foreach (char c in pattern)
        {
            _ = c switch
            {
                'ä' => sb.Append("ae"),
                'ö' => sb.Append("oe"),
                'ü' => sb.Append("ue"),
                'ß' => sb.Append("ss"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>
    /// Whether a pattern is written in a script other than Latin (kana, kanji, Cyrillic …): such rules can fire in
    /// text of any detected language, since the script itself says what they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsScriptBound(string pattern)
    {
        foreach (char c in pattern)
        {
            if (char.IsLetter(c) && c >= '\u0370')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Strips stem markers, normalises like customer text, and says which word boundaries the term needs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (string Pattern, bool NeedStart, bool NeedEnd) Prepare(string raw, bool unspaced)
    {
        string t = raw.Trim();
        bool needStart = !unspaced, needEnd = !unspaced;
        if (t.Length > 1 && t[^1] == '*')
        {
            needEnd = false;
            t = t[..^1];
        }

        if (t.Length > 1 && t[0] == '*')
        {
            needStart = false;
            t = t[1..];
        }

        string pattern = TextNormalizer.Normalize(t).Trim();

        // A boundary is only needed next to a word character: ":)" may follow a word, "xd" may not.
        if (pattern.Length > 0)
        {
            needStart &= char.IsLetterOrDigit(pattern[0]);
            needEnd &= char.IsLetterOrDigit(pattern[^1]);
        }

        return (pattern, needStart, needEnd);
    }

    /// <summary>
    /// English chat spellings of the second person: every English pattern with "you", "your", "you're" or "are"
    /// also matches "u", "ur", "r" ("are u hot", "fuck u", "u r stupid"), so packs need not list them.
    /// Adds the spellings of <paramref name="raw"/> other than itself.
    /// </summary>
    private static void AddChatSpellings(string raw, List<string> spellings)
    {
        if (raw.Length > 60 || !(raw.Contains("you", StringComparison.Ordinal) || raw.Contains("are", StringComparison.Ordinal)))
        {
            return;
        }

        string[] words = raw.Split(' ');
        Span<int> slots = stackalloc int[3];
        int count = 0;
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i] is "you" or "your" or "you're" or "youre" or "are")
            {
                if (count == slots.Length)
                {
                    return;
                }

                slots[count++] = i;
            }
        }

        for (int mask = 1; mask < 1 << count; mask++)
        {
            var copy = (string[])words.Clone();
            for (int b = 0; b < count; b++)
            {
                if ((mask & (1 << b)) != 0)
                {
                    copy[slots[b]] = copy[slots[b]] switch
                    {
                        "you" => "u",
                        "your" or "you're" or "youre" => "ur",
                        _ => "r",
                    };
                }
            }

            spellings.Add(string.Join(' ', copy));
        }
    }

    /// <summary>
    /// Adds a prepared rule pattern and, for abuse terms in spaced languages, its masked spellings (<c>f*ck</c>,
    /// <c>f**k</c>); in German each also without umlauts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRulePattern(List<(string Pattern, MatchEntry Entry)> ruleEntries, string p, bool needStart, bool needEnd, RuleDocumentInfo info, int index, bool unspaced, bool german)
    {
        Add(p);
        if (info.Category > RuleCategory.Profanity || unspaced || p.Length < 4 || p.Contains(' ', StringComparison.Ordinal) || p.Contains('*', StringComparison.Ordinal))
        {
            return;
        }

        Span<char> chars = p.Length <= 256 ? stackalloc char[p.Length] : new char[p.Length];
        p.CopyTo(chars);
        for (int i = 1; i < chars.Length - 1; i++)
        {
            if ("aeiouyаеёиоуыэюя".Contains(chars[i], StringComparison.Ordinal))
            {
                char keep = chars[i];
                chars[i] = '*';
                Add(new string(chars));
                chars[i] = keep;
            }
        }

        chars[1..^1].Fill('*');
        Add(new string(chars));

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Add(string pattern)
        {
            var entry = new MatchEntry(EntryKind.Rule, (byte)info.Language, needStart, needEnd, (float)info.Weight, index, IsScriptBound(pattern));
            ruleEntries.Add((pattern, entry));
            if (german && GermanAsciiSpelling(pattern) is { } ascii)
            {
                ruleEntries.Add((ascii, entry));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AddLexicon(LexiconSource lex, byte lang, bool unspaced, PatternTable patterns, List<ConfigurationProblem> problems)
    {
        int count = 0;
        var seen = new Dictionary<(string Pattern, bool NeedStart, bool NeedEnd), (int Line, MatchEntry Entry)>(lex.Text.AsSpan().Count('\n') + 1);
        int lineNo = 0;
        foreach (var lineRange in lex.Text.AsSpan().Split('\n'))
        {
            lineNo++;
            var line = lex.Text.AsSpan(lineRange).TrimEnd('\r');
            if (line.IsWhiteSpace() || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            int tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                problems.Add(new ConfigurationProblem(lex.SourceName, lineNo, lex.Modifiers ? "kind" : "valence", "expected 'term<TAB>" + (lex.Modifiers ? "kind[<TAB>value]'" : "valence'")));
                continue;
            }

            string term = line[..tab].ToString();
            var rest = line[(tab + 1)..];

            // Shared emoticons written in ASCII (":/", "xd") need word boundaries, so "http://" is no frown.
            var (pattern, needStart, needEnd) = Prepare(term, unspaced && !(lang == AllLanguages && Ascii.IsValid(term)));
            if (pattern.Length == 0)
            {
                problems.Add(new ConfigurationProblem(lex.SourceName, lineNo, "term", "the term is empty after normalisation"));
                continue;
            }

            if (!unspaced && term.Trim().EndsWith('*') && pattern.Length < 3)
            {
                problems.Add(new ConfigurationProblem(lex.SourceName, lineNo, "term", $"stem '{term}' is too short (at least 3 letters)"));
                continue;
            }

            if (lex.Modifiers)
            {
                int tab2 = rest.IndexOf('\t');
                var kindText = (tab2 >= 0 ? rest[..tab2] : rest).Trim();
                var valueText = tab2 >= 0 ? rest[(tab2 + 1)..].Trim() : default;
                EntryKind kind;
                float def;
                switch (kindText)
                {
                    case "negator": kind = EntryKind.Negator; def = -0.74f; break;
                    case "postnegator": kind = EntryKind.PostNegator; def = -0.74f; break;
                    case "booster": kind = EntryKind.Booster; def = 0.293f; break;
                    case "dampener": kind = EntryKind.Dampener; def = -0.293f; break;
                    case "contrast": kind = EntryKind.Contrast; def = 0; break;
                    case "polite-hostile": kind = EntryKind.PoliteHostile; def = -1.5f; break;
                    case "wait-unit": kind = EntryKind.WaitUnit; def = 0; break;
                    case "wait-since": kind = EntryKind.WaitSince; def = 0; break;
                    case "wait-since-short": kind = EntryKind.WaitSinceShort; def = 0; break;
                    default:
                        problems.Add(new ConfigurationProblem(lex.SourceName, lineNo, "kind", $"unknown modifier kind '{kindText.ToString()}'; expected negator, postnegator, booster, dampener, contrast, polite-hostile, wait-unit, wait-since or wait-since-short"));
                        continue;
                }

                float value = def;
                if (!valueText.IsEmpty && !float.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    problems.Add(new ConfigurationProblem(lex.SourceName, lineNo, "value", $"'{valueText.ToString()}' is not a number"));
                    continue;
                }

                var modifier = new MatchEntry(kind, lang, needStart, needEnd, value, -1);
                if (!Repeated(modifier))
                {
                    patterns.Add(pattern, modifier);
                }
            }
            else
            {
                var valenceText = rest.Trim();
                int tab2 = valenceText.IndexOf('\t');
                if (tab2 >= 0)
                {
                    valenceText = valenceText[..tab2];
                }

                if (!float.TryParse(valenceText, NumberStyles.Float, CultureInfo.InvariantCulture, out float valence) || float.IsNaN(valence) || valence < -4 || valence > 4)
                {
                    problems.Add(new ConfigurationProblem(lex.SourceName, lineNo, "valence", $"'{valenceText.ToString()}' is not a number in [-4, 4]"));
                    continue;
                }

                var entry = new MatchEntry(EntryKind.Sentiment, lang, needStart, needEnd, valence, -1);
                if (Repeated(entry))
                {
                    continue;
                }

                patterns.Add(pattern, entry);
                if (lex.Language == "de" && GermanAsciiSpelling(pattern) is { } ascii && !patterns.Contains(ascii))
                {
                    patterns.Add(ascii, entry);
                }

                count++;
            }

            // The same term twice in one file (often spellings that normalise alike: skin tones, width, kana,
            // "sooo"/"so") is harmless with the same value and a mistake with another, where the later line
            // would silently win.
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            bool Repeated(MatchEntry entry)
            {
                if (!seen.TryGetValue((pattern, needStart, needEnd), out var first))
                {
                    seen.Add((pattern, needStart, needEnd), (lineNo, entry));
                    return false;
                }

                if (first.Entry.Kind != entry.Kind || first.Entry.Value != entry.Value)
                {
                    problems.Add(new ConfigurationProblem(lex.SourceName, lineNo, lex.Modifiers ? "kind" : "valence", $"'{term.Trim()}' is already listed on line {first.Line} with another value (the same term after normalisation)"));
                }

                return true;
            }
        }

        return count;
    }

    private sealed record RuleDocumentInfo(string Id, RuleCategory Category, Severity Severity, double Weight, RuleTarget Target, int Language, List<PreparedPattern> Patterns, List<string> Except, bool Enabled);

    /// <summary>A rule pattern as written and as prepared for matching (see <see cref="Prepare"/>).</summary>
    private readonly record struct PreparedPattern(string Raw, string Pattern, bool NeedStart, bool NeedEnd);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRulePack(RulePackSource pack, LanguageTable languages, List<(RuleDocumentInfo Info, bool Removed)> rules, Dictionary<string, int> byId, List<ConfigurationProblem> problems)
    {
        byte[] utf8 = pack.Utf8;
        RulePackDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(utf8, ConfigurationJsonContext.Default.RulePackDocument);
        }
        catch (JsonException ex)
        {
            problems.Add(PolicyLoader.JsonProblem(pack.SourceName, ex));
            return;
        }

        if (doc is null)
        {
            problems.Add(new ConfigurationProblem(pack.SourceName, 1, "$", "the document is empty; expected a JSON object"));
            return;
        }

        void Problem(string path, string message) => problems.Add(new ConfigurationProblem(pack.SourceName, JsonLineLocator.Find(utf8, path), path[2..], message));

        if (string.IsNullOrWhiteSpace(doc.Language) || !IsLanguageTag(doc.Language))
        {
            Problem("$.language", $"must be a BCP-47 language tag such as 'en' or 'ja'; was '{doc.Language}'");
            return;
        }

        int lang = languages.GetOrAdd(doc.Language);
        if (lang < 0)
        {
            Problem("$.language", $"too many languages (at most {LanguageTable.MaxLanguages})");
            return;
        }

        if (doc.Replace)
        {
            for (int i = 0; i < rules.Count; i++)
            {
                if (rules[i].Info.Language == lang)
                {
                    rules[i] = (rules[i].Info, true);
                }
            }
        }

        if (doc.Rules is null)
        {
            Problem("$.rules", "is required: a list of rules");
            return;
        }

        bool unspaced = LanguageTable.IsUnspaced(languages[lang]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int r = 0; r < doc.Rules.Count; r++)
        {
            var rule = doc.Rules[r];
            string at = $"$.rules[{r}]";
            if (rule is null)
            {
                Problem(at, "must be an object");
                continue;
            }

            int before = problems.Count;
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                Problem(at, "id is required");
            }
            else if (!seen.Add(rule.Id))
            {
                Problem(at + ".id", $"duplicate id '{rule.Id}' in this pack");
            }

            if (!RuleCategoryInfo.TryParse(rule.Category, out var category))
            {
                Problem(at + ".category", $"unknown category '{rule.Category}'; expected one of {string.Join(", ", RuleCategoryInfo.Names)}");
            }

            var severity = Severity.Moderate;
            if (rule.Severity is not null && !TryParseSeverity(rule.Severity, out severity))
            {
                Problem(at + ".severity", $"unknown severity '{rule.Severity}'; expected low, moderate, high or severe");
            }

            double weight = rule.Weight ?? 0.8;
            if (!(weight > 0 && weight <= 1))
            {
                Problem(at + ".weight", $"must be in (0, 1]; was {weight.ToString(CultureInfo.InvariantCulture)}");
            }

            var target = category is RuleCategory.Insult or RuleCategory.Sexual ? RuleTarget.Person : RuleTarget.Any;
            if (rule.Target is not null)
            {
                switch (rule.Target.Trim().ToLowerInvariant())
                {
                    case "person": target = RuleTarget.Person; break;
                    case "any": target = RuleTarget.Any; break;
                    case "group": target = RuleTarget.Group; break;
                    default: Problem(at + ".target", $"unknown target '{rule.Target}'; expected person, group or any"); break;
                }
            }

            var list = new List<PreparedPattern>(rule.Patterns?.Count ?? 0);
            if (rule.Patterns is null || rule.Patterns.Count == 0)
            {
                Problem(at + ".patterns", "must list at least one pattern");
            }
            else
            {
                for (int p = 0; p < rule.Patterns.Count; p++)
                {
                    string? raw = rule.Patterns[p];
                    var (norm, needStart, needEnd) = raw is null ? (string.Empty, true, true) : Prepare(raw, unspaced);
                    if (norm.Length == 0)
                    {
                        Problem($"{at}.patterns[{p}]", "must not be empty");
                    }
                    else if (!unspaced && raw!.Trim().EndsWith('*') && norm.Length < 4)
                    {
                        Problem($"{at}.patterns[{p}]", $"stem '{raw}' is too short (at least 4 letters), it would match inside innocent words");
                    }
                    else
                    {
                        list.Add(new PreparedPattern(raw!, norm, needStart, needEnd));
                    }
                }
            }

            var except = new List<string>();
            if (rule.Except is not null)
            {
                for (int p = 0; p < rule.Except.Count; p++)
                {
                    if (string.IsNullOrWhiteSpace(rule.Except[p]))
                    {
                        Problem($"{at}.except[{p}]", "must not be empty");
                    }
                    else
                    {
                        except.Add(rule.Except[p]!);
                    }
                }
            }

            if (problems.Count > before)
            {
                continue;
            }

            var info = new RuleDocumentInfo(rule.Id!, category, severity, weight, target, lang, list, except, rule.Enabled ?? true);
            if (byId.TryGetValue(info.Id, out int existing))
            {
                rules[existing] = (rules[existing].Info, true);
            }

            byId[info.Id] = rules.Count;
            rules.Add((info, false));
        }
    }

    private static bool IsLanguageTag(string tag)
    {
        foreach (char c in tag)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return tag.Length is >= 2 and <= 35;
    }

    internal static bool TryParseSeverity(string name, out Severity severity)
    {
        severity = name.Trim().ToLowerInvariant() switch
        {
            "low" => Severity.Low,
            "moderate" or "medium" => Severity.Moderate,
            "high" => Severity.High,
            "severe" or "critical" => Severity.Severe,
            _ => Severity.None,
        };
        return severity != Severity.None;
    }
}
