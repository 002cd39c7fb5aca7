using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Omotenashi.Escalation;

/// <summary>A pattern hit that passed language and boundary checks and carries one entry.</summary>
internal struct Candidate
{
    public int Start;
    public int End;
    public int Entry;
}

/// <summary>
/// The per-turn text analysis: normalise, one pass of the automaton, language identification,
/// leftmost-longest selection per layer, sentiment (VADER-style heuristics) and rules with addressee targeting.
/// Works only on caller-provided buffers: no allocation.
/// </summary>
internal static class TextAnalyzer
{
    // Published constants of Hutto & Gilbert (ICWSM 2014) and its reference implementation.
    private const double CapsIncrement = 0.733;
    private const double ExclamationIncrement = 0.292;
    private const double QuestionIncrement = 0.18;
    private const double Alpha = 15;
    private const int SpacedWindow = 3;
    private const int JapaneseModifierGap = 4;
    private const int TargetWindowTokens = 4;
    private const int TargetWindowChars = 12;
    private static readonly SearchValues<char> CommaOrClauseBreaks = SearchValues.Create(",.!?;:、。！？");
    private const double UntargetedProfanityFactor = 0.1;
    private const double NegatedNegativeFactor = -0.3;
    private const int ShortTurnWords = 4;
    private const int VocativeTurnWords = 2;

    /// <summary>
    /// An insult about a third party ("she was so rude and incompetent") counts at this share of the implicit
    /// factor: strong abuse still counts, a complaint's verdict on someone does not.
    /// </summary>
    private const double ThirdPartyShare = 0.86;
    private const double HostileAddressFactor = 0.3;

    /// <summary>An insult aimed at a thing, or reported in quotes, feeds the frustration feature at this share of a swearword's.</summary>
    private const double ThingInsultShare = 0.4;

    internal static readonly SearchValues<char> ClauseBreaks = SearchValues.Create(".!?;。！？；\n");

    /// <summary>
    /// Abuse inside quotation marks within a longer message is mostly reported ("your courier said «get lost»",
    /// 客が「土下座しろ」って怒鳴ってて): it counts at this share, as a trace that never decides the turn.
    /// </summary>
    private const double QuotedShare = 0.5;

    /// <summary>Letters outside the quotation a turn needs for a quotation in it to read as reported speech.</summary>
    private const int QuoteContextLetters = 12;

    /// <summary>A positive word in scare quotes ("very \"fast\"", ваш «премиум» тариф) is sarcasm: it flips in full.</summary>
    private const double ScareQuoteFactor = -1.0;

    /// <summary>Particles and degree adverbs (normalised: katakana folded to hiragana) a Japanese negation may reach over.</summary>
    private static readonly string[] JapaneseGapWords = ["とくに", "特に", "まったく", "全く", "ぜんぜん", "全然", "なにも", "何も", "いっさい", "一切", "あまり", "それほど", "そんなに", "別に", "べつに", "は", "が", "も", " "];

    private static readonly SearchValues<char> Commas = SearchValues.Create(",、，");
    private static readonly SearchValues<char> ExclamationEnds = SearchValues.Create(",.!…:;–—-、。！");
    /// <summary>Time units and starting points ("days", "since Saturday") kept per turn for the stated-wait check.</summary>
    private const int MaxWaitCandidates = 16;
    private const string UpsideDownFace = "\U0001F643";
    private const string WhiteEyes = "白目";

    /// <summary>Valence (−4..+4) of a stated wait ("waiting for 12 days"): a clear complaint on its own.</summary>
    private const double StatedWaitValence = -2.0;
    private static readonly SearchValues<char> NonLetters = SearchValues.Create(" .,!?…:;-–—\"'“”„«»「」『』()（）。、！？\n\t");
    private static readonly SearchValues<char> SentenceStarts = SearchValues.Create(".!?…\n\"“„«(:;-–—*>");
    private static readonly SearchValues<char> Lowercase = SearchValues.Create("abcdefghijklmnopqrstuvwxyzåäöабвгдеёжзийклмнопрстуфхцчшщъыьэюя");

    private static readonly SearchValues<char> StraightQuotes = SearchValues.Create("\"“”„＂");
    private static readonly SearchValues<char> SingleQuotes = SearchValues.Create("'‘’");
    private static readonly SearchValues<char> OpeningQuotes = SearchValues.Create("«「『‹");
    private static readonly SearchValues<char> ClosingQuotes = SearchValues.Create("»」』›");
    private static readonly SearchValues<char> AnyQuotes = SearchValues.Create("\"“”„＂'‘’«「『‹");

    public static int Analyze(
        CompiledKnowledge k,
        EscalationPolicy defaultPolicy,
        EscalationPolicy?[]? policyByLanguage,
        ReadOnlySpan<char> src,
        int explicitLanguage,
        Span<char> normBuffer,
        Span<int> map,
        Span<int> tok,
        Span<PatternHit> hits,
        Span<Candidate> cands,
        ref TurnSignals s)
    {
        var counts = default(ScriptCounts);
        int n = TextNormalizer.Normalize(src, normBuffer, map, ref counts);
        ReadOnlySpan<char> norm = normBuffer[..n];
        int hitCount = k.Matcher.Match(norm, hits);
        var entries = k.Entries;
        var starts = k.EntryStart;

        // Language: explicit wins; otherwise scripts + frequent words.
        int lang;
        if (explicitLanguage >= 0)
        {
            lang = explicitLanguage;
            s.LanguageConfident = true;
        }
        else
        {
            Span<int> hintScores = stackalloc int[LanguageTable.MaxLanguages];
            hintScores.Clear();
            for (int h = 0; h < hitCount; h++)
            {
                ref readonly var hit = ref hits[h];
                for (int e = starts[hit.Pattern]; e < starts[hit.Pattern + 1]; e++)
                {
                    ref readonly var entry = ref entries[e];
                    if (entry.Kind == EntryKind.Hint && BoundaryOk(norm, hit.Start, hit.End, true, true))
                    {
                        hintScores[entry.Language]++;
                    }
                }
            }

            lang = LanguageDetector.Detect(counts, hintScores, norm, out s.LanguageConfident);
        }

        s.Language = lang;
        var policy = policyByLanguage is not null && (uint)lang < (uint)policyByLanguage.Length ? policyByLanguage[lang] ?? defaultPolicy : defaultPolicy;
        s.Policy = policy;

        // Token ordinals (word count before each position) for spaced languages.
        int t = 0;
        bool inWord = false;
        for (int i = 0; i < n; i++)
        {
            bool w = IsWordChar(norm, i);
            if (w && !inWord)
            {
                t++;
            }

            inWord = w;
            tok[i] = t;
        }

        // Candidates: entries of active languages whose boundaries hold; sentiment layer in the first half of the
        // buffer, rule layer in the second.
        // Addressee, self and object markers are selected on their own, so a longer rule ("your manager")
        // cannot swallow the "your" that tells who an insult is aimed at.
        int third = cands.Length / 3;
        var sentBuf = cands[..third];
        var ruleBuf = cands.Slice(third, third);
        var markBuf = cands[(2 * third)..];
        int sc = 0, rc = 0, mc = 0, wc = 0;
        Span<Candidate> waitBuf = stackalloc Candidate[MaxWaitCandidates];
        bool undetermined = lang == LanguageTable.Undetermined;
        bool mayHaveHandles = src.Contains('@') || src.Contains("://", StringComparison.Ordinal) || src.Contains("www.", StringComparison.OrdinalIgnoreCase);
        for (int h = 0; h < hitCount; h++)
        {
            ref readonly var hit = ref hits[h];
            if (mayHaveHandles && InHandleOrLink(src, map[hit.Start]))
            {
                continue;
            }

            for (int e = starts[hit.Pattern]; e < starts[hit.Pattern + 1]; e++)
            {
                ref readonly var entry = ref entries[e];
                if (entry.Kind == EntryKind.Hint)
                {
                    continue;
                }

                bool active = entry.Language == lang || entry.Language == CompiledKnowledge.AllLanguages;
                if (!active && entry.Kind >= EntryKind.Rule)
                {
                    // Rules written in a non-Latin script fire in any text (they need that script to match at all).
                    active = undetermined || entry.ScriptBound;
                }

                if (!active || !BoundaryOk(norm, hit.Start, hit.End, entry.NeedStart, entry.NeedEnd))
                {
                    continue;
                }

                var cand = new Candidate { Start = hit.Start, End = hit.End, Entry = e };
                if (entry.Kind >= EntryKind.WaitUnit)
                {
                    if (entry.Language == lang && wc < waitBuf.Length)
                    {
                        waitBuf[wc++] = cand;
                    }
                }
                else if (entry.IsSentimentLayer)
                {
                    if (sc < sentBuf.Length)
                    {
                        sentBuf[sc++] = cand;
                    }
                }
                else if (entry.Kind == EntryKind.Rule && RuleCategoryInfo.IsMarker(k.Rules[entry.Rule].Category))
                {
                    if (mc < markBuf.Length)
                    {
                        markBuf[mc++] = cand;
                    }
                }
                else if (rc < ruleBuf.Length)
                {
                    ruleBuf[rc++] = cand;
                }
            }
        }

        var sentiment = SelectLeftmostLongest(sentBuf[..sc]);
        var rules = SelectLeftmostLongest(ApplyExclusions(ruleBuf[..rc], entries));
        var markers = SelectLeftmostLongest(markBuf[..mc]);

        ScoreSentiment(k, policy, src, lang, norm, map[..n], tok[..n], sentiment, waitBuf[..wc], rules, markers, entries, counts, lang == LanguageTable.Japanese || LanguageTable.IsUnspaced(k.Languages[lang]), ref s);
        ScoreRules(k, policy, src, norm, map[..n], tok[..n], rules, markers, sentiment, entries, lang == LanguageTable.Japanese || LanguageTable.IsUnspaced(k.Languages[lang]), ref s);

        s.Emphasis = Emphasis(counts);
        s.Fingerprint = Fingerprint(norm, out s.Letters);
        return n;
    }

    /// <summary>
    /// Whether a source position lies in a user handle (<c>@Jani_Depp</c>, <c>@IdiotSandwich</c>) or a link: names
    /// and addresses are not words the customer said. A lower-case token like <c>@sshole</c> is leetspeak, not a
    /// handle.
    /// </summary>
    private static bool InHandleOrLink(ReadOnlySpan<char> src, int at)
    {
        // Bounded both ways, so a long run without spaces costs no more than this per hit.
        const int Reach = 256;
        int start = at;
        while (start > 0 && at - start < Reach && !char.IsWhiteSpace(src[start - 1]))
        {
            start--;
        }

        int end = at;
        while (end < src.Length && end - at < Reach && !char.IsWhiteSpace(src[end]))
        {
            end++;
        }

        var token = src[start..end];
        if (token.Length > 2 && token[0] == '@')
        {
            foreach (char c in token[1..])
            {
                if (char.IsUpper(c) || char.IsDigit(c) || c == '_')
                {
                    return true;
                }
            }

            return false;
        }

        return token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Rule exceptions ("except": "stupid question", "ausländer sind"): drops every match of the exception's own rule
    /// that lies inside a longer exception's span, then the exceptions themselves, so an exception cancels what it
    /// covers without blocking a longer match that only overlaps it ("Ausländer sind Verbrecher" keeps "sind
    /// Verbrecher") or another rule's match inside it ("i want to kill myself" excepted from a threat stays self-harm).
    /// </summary>
    private static Span<Candidate> ApplyExclusions(Span<Candidate> span, MatchEntry[] entries)
    {
        int exclusions = 0;
        foreach (ref readonly var c in span)
        {
            if (entries[c.Entry].Kind == EntryKind.Exclusion)
            {
                exclusions++;
            }
        }

        if (exclusions == 0)
        {
            return span;
        }

        // Exception spans first (the compaction below overwrites the candidates they came from): start, end, rule.
        int[]? rented = null;
        Span<int> spans = exclusions <= 64 ? stackalloc int[192] : (rented = ArrayPool<int>.Shared.Rent(exclusions * 3));
        int n = 0;
        foreach (ref readonly var c in span)
        {
            var e = entries[c.Entry];
            if (e.Kind == EntryKind.Exclusion)
            {
                spans[n++] = c.Start;
                spans[n++] = c.End;
                spans[n++] = e.Rule;
            }
        }

        int kept = 0;
        for (int i = 0; i < span.Length; i++)
        {
            var c = span[i];
            var e = entries[c.Entry];
            if (e.Kind == EntryKind.Exclusion)
            {
                continue;
            }

            // An exception belongs to its rule: "kill time" cancels a threat, never the self-harm rule's "kill myself".
            bool covered = false;
            for (int x = 0; x < n; x += 3)
            {
                if (spans[x + 2] == e.Rule && spans[x] <= c.Start && c.End <= spans[x + 1] && spans[x + 1] - spans[x] > c.End - c.Start)
                {
                    covered = true;
                    break;
                }
            }

            if (!covered)
            {
                span[kept++] = c;
            }
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        return span[..kept];
    }

    /// <summary>
    /// Sorts candidates by start (longest first) and keeps, in place and in order, the leftmost-longest
    /// non-overlapping ones; candidates with an identical span are all kept (one term, several meanings).
    /// </summary>
    private static Span<Candidate> SelectLeftmostLongest(Span<Candidate> span)
    {
        span.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End != a.End ? b.End.CompareTo(a.End) : a.Entry.CompareTo(b.Entry));
        int kept = 0;
        int lastStart = -1, lastEnd = 0;
        for (int i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c.Start >= lastEnd || (c.Start == lastStart && c.End == lastEnd))
            {
                lastStart = c.Start;
                lastEnd = c.End;
                span[kept++] = c;
            }
        }

        return span[..kept];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(ReadOnlySpan<char> norm, int i)
    {
        char c = norm[i];
        if (c >= 0x3000)
        {
            return false;
        }

        if (c is '\'' or '*')
        {
            // Inside a word only: quotes and emphasis asterisks around a word are boundaries.
            return i > 0 && i + 1 < norm.Length && (char.IsLetter(norm[i - 1]) || norm[i - 1] == '*') && (char.IsLetter(norm[i + 1]) || norm[i + 1] == '*');
        }

        return char.IsLetterOrDigit(c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool BoundaryOk(ReadOnlySpan<char> norm, int start, int end, bool needStart, bool needEnd)
        => (!needStart || start == 0 || !IsWordChar(norm, start - 1)) && (!needEnd || end >= norm.Length || !IsWordChar(norm, end));

    private static void ScoreSentiment(CompiledKnowledge k, EscalationPolicy policy, ReadOnlySpan<char> src, int lang, ReadOnlySpan<char> norm, ReadOnlySpan<int> map, ReadOnlySpan<int> tok, ReadOnlySpan<Candidate> items, ReadOnlySpan<Candidate> waits, ReadOnlySpan<Candidate> ruleHits, ReadOnlySpan<Candidate> markers, MatchEntry[] entries, in ScriptCounts counts, bool unspaced, ref TurnSignals s)
    {
        int contrastAt = -1;
        for (int i = 0; i < items.Length; i++)
        {
            if (entries[items[i].Entry].Kind == EntryKind.Contrast && !ClosesSentence(norm, items[i].End))
            {
                contrastAt = i;
            }
        }

        double sum = 0;
        double mostNegative = 0, mostPositive = 0;

        // A stated wait makes a lone exclamation of praise ironic ("Toll, „Lieferung morgen“ – seit 9 Tagen", "Great.
        // Another 40 minutes on hold"); an irony mark (🙃, （白目）) makes all praise in the turn ironic ("thanks for
        // the free sauna, really appreciate it 🙃").
        var wait = StatedWaits.Find(src, lang, map, waits, entries);
        bool marked = src.IndexOf(UpsideDownFace) >= 0 || src.IndexOf(WhiteEyes) >= 0;
        bool ironic = marked || wait.Start >= 0;
        double exclaimed = 0, strongestExclamation = 0, otherPraise = 0;
        int exclamationAt = -1;
        for (int i = 0; i < items.Length; i++)
        {
            ref readonly var item = ref items[i];
            var entry = entries[item.Entry];
            double v;
            if (entry.Kind == EntryKind.PoliteHostile)
            {
                v = entry.Value;
            }
            else if (entry.Kind == EntryKind.Sentiment)
            {
                v = entry.Value;
                if (v == 0 || (v < 0 && InsultOnSpeaker(k, policy, src, map, tok, item, ruleHits, markers, entries, unspaced)))
                {
                    continue;
                }

                if (!counts.AllCaps && IsShouted(src, map, item.Start, item.End))
                {
                    v += Math.Sign(v) * CapsIncrement;
                }

                if (v > 0 && entry.Language != CompiledKnowledge.AllLanguages && InScareQuotes(src, map[item.Start], map[item.End - 1] + 1))
                {
                    v *= ScareQuoteFactor;
                    sum += v;
                    TrackExtremes(v, map, item, ref mostNegative, ref mostPositive, ref s);
                    continue;
                }

                if (v > 0 && ironic && entry.Language != CompiledKnowledge.AllLanguages && (marked || IsExclamation(src, map[item.Start], map[item.End - 1] + 1, 2)))
                {
                    // Decided after the loop: praise anywhere else in the turn ("Excellent. After waiting 3 weeks it
                    // finally arrived and works perfectly") means the exclamation is meant.
                    exclaimed += v;
                    if (v > strongestExclamation)
                    {
                        strongestExclamation = v;
                        exclamationAt = i;
                    }

                    continue;
                }

                double negation = 1;
                for (int j = i - 1; j >= 0; j--)
                {
                    ref readonly var prev = ref items[j];
                    int distance = unspaced ? item.Start - prev.End : tok[item.Start] - tok[Math.Max(prev.End - 1, 0)];
                    if (distance > (unspaced ? JapaneseModifierGap : SpacedWindow) || (prev.End < item.Start && norm[prev.End..item.Start].IndexOfAny(ClauseBreaks) >= 0))
                    {
                        // Modifiers reach only within the clause: "nobody called. Pathetic" is not negated.
                        break;
                    }

                    var pe = entries[prev.Entry];
                    if (pe.Language == CompiledKnowledge.AllLanguages && pe.Kind == EntryKind.Sentiment)
                    {
                        break; // an emoji or emoticon closes the phrase: "not :)" is no negation of what follows
                    }

                    double scale = unspaced ? 1 : distance <= 1 ? 1 : distance == 2 ? 0.95 : 0.9;
                    switch (pe.Kind)
                    {
                        case EntryKind.Booster:
                        case EntryKind.Dampener:
                            v += Math.Sign(v) * pe.Value * scale;
                            break;
                        case EntryKind.Negator:
                            // A negation's scope ends at a comma: "nix zu meckern, alles bestens" keeps the praise.
                            if (src[(map[prev.End - 1] + 1)..map[item.Start]].IndexOfAny(Commas) < 0)
                            {
                                negation = pe.Value;
                            }

                            break;
                    }
                }

                int after = i + 1;
                while (unspaced && after < items.Length && entries[items[after].Entry].Kind is EntryKind.Booster or EntryKind.Dampener)
                {
                    after++; // 良さは全くない: the degree word between does not stop the negation
                }

                if (after < items.Length)
                {
                    ref readonly var next = ref items[after];
                    var ne = entries[next.Entry];
                    if (ne.Kind == EntryKind.PostNegator && (next.Start - item.End <= 2 || (unspaced && OnlyParticles(norm[item.End..next.Start]))) && !RhetoricalQuestion(norm, next.End))
                    {
                        negation = ne.Value;
                    }
                }

                if (entry.Language == CompiledKnowledge.AllLanguages)
                {
                    negation = 1; // emoji and emoticons are never negated
                }
                else if (negation < 0 && v < 0)
                {
                    // "not terrible" is about neutral, not praise: a negated negative keeps little of its weight.
                    negation = NegatedNegativeFactor;
                }

                v *= negation;
            }
            else
            {
                continue;
            }

            if (contrastAt >= 0)
            {
                v *= i < contrastAt ? 0.5 : 1.2;
            }

            if (v > 0 && entry.Language != CompiledKnowledge.AllLanguages)
            {
                otherPraise += v;
            }

            sum += v;
            TrackExtremes(v, map, item, ref mostNegative, ref mostPositive, ref s);
        }

        if (exclamationAt >= 0)
        {
            // Ironic only when nothing else in the turn praises; the strongest exclamation is the evidence.
            double sign = otherPraise > 0 && !marked ? 1 : ScareQuoteFactor;
            sum += sign * exclaimed;
            TrackExtremes(sign * strongestExclamation, map, items[exclamationAt], ref mostNegative, ref mostPositive, ref s);
        }

        if (wait.Start >= 0)
        {
            // A stated wait is a complaint in customer service even with no evaluative word.
            sum += StatedWaitValence;
            TrackExtremes(StatedWaitValence, wait.Start, wait.Length, ref mostNegative, ref mostPositive, ref s);
        }

        if (sum != 0)
        {
            double punct = Math.Min(counts.Exclamations, 4) * ExclamationIncrement;
            if (counts.Questions > 1)
            {
                punct += counts.Questions <= 3 ? counts.Questions * QuestionIncrement : 0.96;
            }

            sum += Math.Sign(sum) * punct;
        }

        double compound = sum / Math.Sqrt((sum * sum) + Alpha);
        s.Compound = Math.Clamp(compound, -1, 1);
        s.NegativeSentiment.Strength = Math.Min(1, -mostNegative / 4);
        s.PositiveSentiment.Strength = Math.Min(1, mostPositive / 4);
    }

    private static void TrackExtremes(double v, ReadOnlySpan<int> map, in Candidate item, ref double mostNegative, ref double mostPositive, ref TurnSignals s)
        => TrackExtremes(v, map[item.Start], map[item.End - 1] + 1 - map[item.Start], ref mostNegative, ref mostPositive, ref s);

    /// <summary>
    /// Whether a negative word is an insult the speaker aims at themselves ("I'm such an idiot", "Jag är en sån idiot",
    /// 私アホすぎ): a person-targeted insult rule matches it and the nearest person before it is the speaker, as
    /// <see cref="ScoreRules"/> judges it.
    /// </summary>
    private static bool InsultOnSpeaker(CompiledKnowledge k, EscalationPolicy policy, ReadOnlySpan<char> src, ReadOnlySpan<int> map, ReadOnlySpan<int> tok, in Candidate word, ReadOnlySpan<Candidate> ruleHits, ReadOnlySpan<Candidate> markers, MatchEntry[] entries, bool unspaced)
    {
        foreach (ref readonly var r in ruleHits)
        {
            if (r.Start >= word.End)
            {
                break;
            }

            var e = entries[r.Entry];
            if (r.End <= word.Start || e.Kind != EntryKind.Rule || k.Rules[e.Rule].Category != RuleCategory.Insult || k.Rules[e.Rule].Target == RuleTarget.Any)
            {
                continue;
            }

            TargetFactor(policy, src, map, r, RuleCategory.Insult, markers, entries, k.Rules, tok, unspaced, out _, out bool speaker);
            if (speaker)
            {
                return SelfBlame(src, map, word, markers, entries, k.Rules);
            }
        }

        return false;
    }

    /// <summary>
    /// For an insult whose nearest person is the speaker: whether it is blame on oneself. The nearest speaker marker
    /// before it must not be a possessive ("my dad is an idiot", "stupid knives" after "my drawer", and "my ass" /
    /// "mitt arsle" — disbelief — are not), and the words between must only describe the speaker ("I'm such an idiot";
    /// "I see this piece of crap" is about the thing).
    /// </summary>
    private static bool SelfBlame(ReadOnlySpan<char> src, ReadOnlySpan<int> map, in Candidate word, ReadOnlySpan<Candidate> markers, MatchEntry[] entries, CompiledRule[] rules)
    {
        int best = -1;
        for (int i = 0; i < markers.Length && markers[i].End <= word.Start; i++)
        {
            var e = entries[markers[i].Entry];
            if (e.Kind == EntryKind.Rule && rules[e.Rule].Category == RuleCategory.Self)
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return false;
        }

        int markerEnd = map[markers[best].End - 1] + 1;
        var text = src[map[markers[best].Start]..markerEnd];
        if (text.EndsWith('の'))
        {
            return false;
        }

        foreach (var p in Possessives)
        {
            if (text.Equals(p, StringComparison.OrdinalIgnoreCase) || (p.Length > 3 && text.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return SelfDescription(src[markerEnd..map[word.Start]]);
    }

    /// <summary>
    /// Whether the words between the speaker and the insult only describe the speaker ("I'm such an", "I was so",
    /// "jag är en sån", "я такой", 自分が): "I see this piece of crap" is about the thing seen.
    /// </summary>
    private static bool SelfDescription(ReadOnlySpan<char> gap)
    {
        foreach (var range in gap.SplitAny(" ,'’"))
        {
            var w = gap[range];
            if (w.IsEmpty)
            {
                continue;
            }

            bool known = false;
            foreach (var f in SelfDescriptionWords)
            {
                if (w.Equals(f, StringComparison.OrdinalIgnoreCase))
                {
                    known = true;
                    break;
                }
            }

            if (!known)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] SelfDescriptionWords =
    [
        "m", "am", "was", "such", "a", "an", "so", "just", "really", "total", "complete", "absolute", "being", "feel", "felt", "like", "the", "biggest",
        "bin", "war", "so", "ein", "eine", "echt", "total", "komplett", "wirklich", "der", "größte",
        "är", "var", "en", "ett", "sån", "så", "bara", "verkligen", "totalt", "fullständig", "största",
        "такой", "такая", "просто", "полный", "полная", "был", "была", "же", "ну",
        "が", "は", "って", "も", "ほんと", "本当に", "まじ", "マジ",
    ];

    /// <summary>First-person possessives (a "mein" prefix covers meine, meinen, meiner …).</summary>
    private static readonly string[] Possessives = ["my", "mine", "our", "mein", "unser", "min", "mitt", "mina", "vår", "vårt", "våra", "мой", "моя", "моё", "мое", "мои", "моего", "моей", "моих", "моему", "наш", "наша", "наше", "наши"];

    /// <summary>
    /// Whether the word at source [start, end) stands as an exclamation of its own: at the start of a sentence (after
    /// at most a short interjection: "oh great,", "ach toll") or after another such word and a comma ("wow, amazing,"),
    /// and followed by punctuation or the end of the turn; or after a comma at the end of a sentence ("…, great.").
    /// </summary>
    private static bool IsExclamation(ReadOnlySpan<char> src, int start, int end, int depth)
    {
        while (end < src.Length && char.IsLetter(src[end]) && src[end] < 0x3000)
        {
            end++; // a stem match covers part of the word
        }

        int a = end;
        while (a < src.Length && src[a] == ' ')
        {
            a++;
        }

        if (a < src.Length && !ExclamationEnds.Contains(src[a]))
        {
            return false;
        }

        int b = start;
        while (b > 0 && char.IsLetter(src[b - 1]) && src[b - 1] < 0x3000)
        {
            b--;
        }

        while (b > 0 && src[b - 1] == ' ')
        {
            b--;
        }

        if (b == 0 || SentenceStarts.Contains(src[b - 1]))
        {
            return true;
        }

        if (src[b - 1] == ',' && (a == src.Length || src[a] is '.' or '!' or '…' or '。' or '！') && src[b..end].IndexOf(' ') < 0)
        {
            return true; // "seit 9 Tagen nichts, toll!" (one word: "…, funktioniert einwandfrei." is meant)
        }

        if (src[b - 1] == ',' && depth > 0)
        {
            int e = b - 1;
            int w = e;
            while (w > 0 && char.IsLetter(src[w - 1]))
            {
                w--;
            }

            return w < e && IsExclamation(src, w, e, depth - 1);
        }

        if (char.IsLetter(src[b - 1]))
        {
            int w = b;
            while (w > 0 && char.IsLetter(src[w - 1]))
            {
                w--;
            }

            int p = w;
            while (p > 0 && src[p - 1] == ' ')
            {
                p--;
            }

            return b - w <= 3 && (p == 0 || SentenceStarts.Contains(src[p - 1]));
        }

        return false;
    }

    /// <summary>Keeps the strongest negative and positive contribution and its source span, as the sentiment evidence.</summary>
    private static void TrackExtremes(double v, int start, int length, ref double mostNegative, ref double mostPositive, ref TurnSignals s)
    {
        if (v < mostNegative)
        {
            mostNegative = v;
            s.NegativeSentiment.Start = start;
            s.NegativeSentiment.Length = length;
        }
        else if (v > mostPositive)
        {
            mostPositive = v;
            s.PositiveSentiment.Start = start;
            s.PositiveSentiment.Length = length;
        }
    }

    /// <summary>Whether the source span [start, end) is wrapped in quotation marks with nothing else inside them.</summary>
    private static bool InScareQuotes(ReadOnlySpan<char> src, int start, int end)
    {
        // A stem match ("оперативн*") covers part of the word: the quotes stand around the whole word.
        // Not in unspaced scripts, where every neighbour is a letter ("「雨の中ありがとう」と伝えて" quotes a message).
        while (end < src.Length && char.IsLetter(src[end]) && src[end] < 0x3000)
        {
            end++;
        }

        while (start > 0 && char.IsLetter(src[start - 1]) && src[start - 1] < 0x3000)
        {
            start--;
        }

        if (start == 0 || end >= src.Length)
        {
            return false;
        }

        char before = src[start - 1], after = src[end];
        bool quoted = (StraightQuotes.Contains(before) && StraightQuotes.Contains(after)) || (OpeningQuotes.Contains(before) && ClosingQuotes.Contains(after));

        // A turn that is nothing but the quoted word ("「ありがとう」") quotes; it does not mock.
        return quoted && (src[..(start - 1)].ContainsAnyExcept(NonLetters) || src[(end + 1)..].ContainsAnyExcept(NonLetters));
    }

    /// <summary>
    /// Whether the source span [start, end) lies inside a quotation ("…", “…”, „…“, «…», 「…」) that leaves enough of
    /// the turn outside it to be reported speech rather than the whole message in quotes.
    /// </summary>
    private static bool InQuotation(ReadOnlySpan<char> src, int start, int end)
    {
        if (src.IndexOfAny(AnyQuotes) < 0)
        {
            return false;
        }

        int open = -1, close = -1;
        int straightBefore = 0;
        for (int i = start - 1; i >= 0; i--)
        {
            char c = src[i];
            if (OpeningQuotes.Contains(c))
            {
                open = i;
                break;
            }

            if (ClosingQuotes.Contains(c))
            {
                break;
            }
        }

        if (open >= 0)
        {
            int rel = src[end..].IndexOfAny(ClosingQuotes);
            close = rel < 0 ? -1 : end + rel;
        }
        else
        {
            // Straight and curly double quotes: inside when an odd number stands before the span and one after it.
            int last = -1;
            for (int i = 0; i < start; i++)
            {
                if (StraightQuotes.Contains(src[i]))
                {
                    straightBefore++;
                    last = i;
                }
            }

            if (straightBefore % 2 == 1)
            {
                int rel = src[end..].IndexOfAny(StraightQuotes);
                open = last;
                close = rel < 0 ? -1 : end + rel;
            }
        }

        if (open < 0 || close < 0)
        {
            // Single quotes ('dumb whore', ‘…’): an opening one after a non-letter and before a letter, a closing one
            // after a non-space and before a non-letter, so apostrophes (don't, it's) are neither.
            open = -1;
            close = -1;
            for (int i = start - 1; i >= 0 && src[i] != '\n'; i--)
            {
                if (SingleQuotes.Contains(src[i]) && (i == 0 || !char.IsLetterOrDigit(src[i - 1])) && i + 1 < src.Length && char.IsLetter(src[i + 1]))
                {
                    open = i;
                    break;
                }
            }

            for (int j = end; open >= 0 && j < src.Length && src[j] != '\n'; j++)
            {
                if (SingleQuotes.Contains(src[j]) && j > 0 && !char.IsWhiteSpace(src[j - 1]) && (j + 1 == src.Length || !char.IsLetterOrDigit(src[j + 1])))
                {
                    close = j;
                    break;
                }
            }

            if (open < 0 || close < 0)
            {
                return false;
            }
        }

        int outside = 0;
        for (int i = 0; i < src.Length && outside < QuoteContextLetters; i++)
        {
            if ((i < open || i > close) && char.IsLetter(src[i]))
            {
                outside++;
            }
        }

        return outside >= QuoteContextLetters;
    }

    /// <summary>
    /// Whether a Japanese gap holds only particles and degree adverbs, so a negation after it still closes the noun
    /// before it: 不満は特にありません ("no complaints in particular"), 問題も全くない.
    /// </summary>
    private static bool OnlyParticles(ReadOnlySpan<char> gap)
    {
        while (!gap.IsEmpty)
        {
            int skip = 0;
            foreach (var p in JapaneseGapWords)
            {
                if (gap.StartsWith(p, StringComparison.Ordinal))
                {
                    skip = p.Length;
                    break;
                }
            }

            if (skip == 0)
            {
                return false;
            }

            gap = gap[skip..];
        }

        return true;
    }

    /// <summary>
    /// Whether nothing but punctuation, spaces or symbols follows <paramref name="at"/> up to the end of the sentence: a
    /// sentence-final けど or ですが ("返金してほしいんですけど。") softens a complaint, it contrasts nothing.
    /// </summary>
    private static bool ClosesSentence(ReadOnlySpan<char> norm, int at)
    {
        for (int i = at; i < norm.Length; i++)
        {
            char c = norm[i];
            if (ClauseBreaks.Contains(c))
            {
                return true;
            }

            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"詐欺じゃないの？", "最悪じゃないか": a negation closing a question asserts, it does not negate.</summary>
    private static bool RhetoricalQuestion(ReadOnlySpan<char> norm, int after)
    {
        var rest = norm[after..].TrimStart(' ');
        if (rest.IsEmpty)
        {
            return false;
        }

        if (rest[0] is '?' or 'か')
        {
            return true;
        }

        return rest.Length >= 2 && rest[0] is 'の' or 'よ' or 'ん' && rest[1] is '?' or 'か';
    }

    private static bool IsShouted(ReadOnlySpan<char> src, ReadOnlySpan<int> map, int start, int end)
    {
        int from = map[start], to = map[end - 1];
        int upper = 0;
        for (int i = from; i <= to && i < src.Length; i++)
        {
            char c = src[i];
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsUpper(c))
            {
                upper++;
            }
        }

        return upper >= 2;
    }

    private static double Emphasis(in ScriptCounts counts)
    {
        double caps = counts.Words >= 2 ? (double)counts.CapsWords / counts.Words : 0;
        double e = (caps * 1.2) + (Math.Min(counts.Exclamations, 4) * 0.15) + (counts.Questions >= 3 ? 0.2 : 0);
        return Math.Clamp(e, 0, 1);
    }

    private static void ScoreRules(CompiledKnowledge k, EscalationPolicy policy, ReadOnlySpan<char> src, ReadOnlySpan<char> norm, ReadOnlySpan<int> map, ReadOnlySpan<int> tok, ReadOnlySpan<Candidate> items, ReadOnlySpan<Candidate> markers, ReadOnlySpan<Candidate> sentiment, MatchEntry[] entries, bool unspaced, ref TurnSignals s)
    {
        double noOr = 1;
        int spanStart = -1, spanEnd = -1;
        double spanBest = 0;
        double traceNoOr = 1;
        double profanity = 0;
        var rules = k.Rules;
        for (int i = 0; i < items.Length; i++)
        {
            ref readonly var item = ref items[i];
            var entry = entries[item.Entry];
            if (entry.Kind != EntryKind.Rule)
            {
                continue;
            }

            var rule = rules[entry.Rule];
            var cat = rule.Category;
            if (RuleCategoryInfo.IsMarker(cat))
            {
                continue;
            }

            int start = map[item.Start];
            int length = map[item.End - 1] + 1 - start;
            if (RuleCategoryInfo.IsHarassment(cat))
            {
                double factor = 1;
                if (rule.Target != RuleTarget.Any)
                {
                    if (NegatedBefore(src, norm, map, sentiment, entries, item, tok, unspaced))
                    {
                        // "nicht unfähig", "not an idiot", "не дурак": the word is denied, not said.
                        continue;
                    }

                    factor = TargetFactor(policy, src, map, item, cat, markers, entries, rules, tok, unspaced, out int group, out bool speaker);
                    if (speaker && cat == RuleCategory.Insult && SelfBlame(src, map, item, markers, entries, rules))
                    {
                        // "I'm such an idiot, I typed the wrong postcode": blame on oneself is neither harassment nor
                        // frustration with the service (its sentiment is dropped too, in ScoreSentiment).
                        continue;
                    }

                    if (rule.Target == RuleTarget.Group && group < 0)
                    {
                        // A hostile predicate with no protected group near it: nothing (not even frustration).
                        continue;
                    }

                    if (factor < 0)
                    {
                        factor = ImplicitTargetFactor(policy, rule, tok, unspaced);
                    }
                    else if (group >= 0)
                    {
                        // Aimed at a protected group ("immigrants are parasites", "I hate women"): discrimination,
                        // unless negated between the two ("women are not stupid").
                        if (NegatedBetween(sentiment, entries, markers[group], item, tok, unspaced))
                        {
                            continue;
                        }

                        cat = RuleCategory.Discrimination;
                    }
                }
                else if (cat == RuleCategory.Insult && !MarkerWithin(item, markers, entries, rules, RuleCategory.Addressee))
                {
                    // An insult that names no one itself ("jävla idiot", "dum i huvudet") still goes to whoever is
                    // nearest: "min granne är en jävla idiot" is about the neighbour, "elmätaren är dum i huvudet" a thing.
                    // Only a third party lowers it: the speaker ("I said fuck off") and things ("fuck off computer",
                    // said to a bot) do not.
                    double near = TargetFactor(policy, src, map, item, cat, markers, entries, rules, tok, unspaced, out _);
                    if (near > policy.ObjectTargetFactor && near < 1)
                    {
                        factor = near;
                    }
                }

                if (InQuotation(src, start, start + length))
                {
                    // Reported abuse is not said to the listener, but whoever reports it is upset: frustration, and a
                    // trace that ranks the turn without ever deciding it (two quoted insults must not add up to abuse).
                    profanity = Math.Max(profanity, rule.Weight * ThingInsultShare);
                    s.ProfanityEvidence.Offer(rule.Weight * 0.5, start, length, rule.Id);
                    traceNoOr *= 1 - (rule.Weight * factor * QuotedShare);
                    continue;
                }

                double strength = rule.Weight * factor;
                if (factor <= policy.ObjectTargetFactor)
                {
                    // Aimed at a thing or at oneself: frustration, not harassment.
                    profanity = Math.Max(profanity, rule.Weight * ThingInsultShare);
                    s.ProfanityEvidence.Offer(rule.Weight * 0.5, start, length, rule.Id);
                    traceNoOr *= 1 - strength;
                    continue;
                }

                // The same words matched by two rules ("jävla idiot" in a vulgar and a direct rule) are one piece of
                // evidence: the stronger counts, they do not add up.
                if (item.Start == spanStart && item.End == spanEnd)
                {
                    spanBest = Math.Max(spanBest, strength);
                }
                else
                {
                    noOr *= 1 - spanBest;
                    (spanStart, spanEnd, spanBest) = (item.Start, item.End, strength);
                }

                s.Categories |= RuleCategoryInfo.ToFlag(cat);
                if (rule.Severity > s.Severity)
                {
                    s.Severity = rule.Severity;
                }

                s.HarassmentEvidence(cat).Offer(strength, start, length, rule.Id, rule.Severity);
            }
            else if (cat == RuleCategory.Profanity)
            {
                profanity = Math.Max(profanity, rule.Weight);
                s.ProfanityEvidence.Offer(rule.Weight * 0.5, start, length, rule.Id);
                if (AddresseeRightBefore(norm, item, markers, sentiment, entries, rules, tok, unspaced))
                {
                    // Swearing predicated of the addressee ("you are shit", "ur shitty", "お前クソ") is an insult.
                    double strength = rule.Weight * 0.8;
                    noOr *= 1 - strength;
                    s.Categories |= KasuHaraCategories.Insult;
                    s.Severity = s.Severity < Severity.Moderate ? Severity.Moderate : s.Severity;
                    s.Insult.Offer(strength, start, length, rule.Id, Severity.Moderate);
                }
                else
                {
                    // Untargeted swearing: a trace of hostility in the score, never a route by itself.
                    traceNoOr *= 1 - (UntargetedProfanityFactor * rule.Weight);
                }
            }
            else if (cat == RuleCategory.HumanRequest && rule.Severity == Severity.Low && tok[^1] > ShortTurnWords && !unspaced && !norm[item.Start..item.End].Contains(' '))
            {
                // Bare words ("operator", "human") ask for a person only when they are (almost) the whole turn.
                continue;
            }
            else
            {
                s.CueEvidence(cat).Offer(rule.Weight, start, length, rule.Id, rule.Severity);
            }
        }

        // Hostility addressed to the agent ("you are terrible") ranks above the same words about a thing, but stays
        // far below the harassment threshold: negative sentiment alone never makes kasu-hara.
        if (s.Compound < -0.2)
        {
            foreach (ref readonly var m in markers)
            {
                var e = entries[m.Entry];
                if (e.Kind == EntryKind.Rule && rules[e.Rule].Category == RuleCategory.Addressee)
                {
                    traceNoOr *= 1 - (HostileAddressFactor * -s.Compound);
                    break;
                }
            }
        }

        s.HarassmentNoOr = noOr * (1 - spanBest);
        s.HarassmentTraceNoOr = traceNoOr;
        s.Profanity = profanity;
    }

    /// <summary>
    /// Whether an addressee marker stands at most two tokens (or four characters) before the hit, in the same clause, with
    /// no thing between. Intensifiers between do not count ("u r pretty shitty", "you are so fucking shit").
    /// </summary>
    private static bool AddresseeRightBefore(ReadOnlySpan<char> norm, in Candidate hit, ReadOnlySpan<Candidate> markers, ReadOnlySpan<Candidate> sentiment, MatchEntry[] entries, CompiledRule[] rules, ReadOnlySpan<int> tok, bool unspaced)
    {
        // The swearword must close the clause ("you are shit", "ur shitty"): in "your damn phone line" or
        // "Er förbannade telefonlinje" a thing follows and the swearing is about the thing.
        if (!unspaced)
        {
            var rest = norm[hit.End..].TrimStart(' ');
            if (!rest.IsEmpty && char.IsLetterOrDigit(rest[0]))
            {
                return false;
            }
        }

        bool found = false;
        foreach (ref readonly var m in markers)
        {
            if (m.End > hit.Start)
            {
                break;
            }

            var e = entries[m.Entry];
            if (e.Kind != EntryKind.Rule)
            {
                continue;
            }

            int d = unspaced ? hit.Start - m.End : tok[hit.Start] - tok[m.End - 1] - ModifierTokensBetween(sentiment, entries, tok, m.End, hit.Start);
            bool near = d <= (unspaced ? 4 : 2) && norm[m.End..hit.Start].IndexOfAny(ClauseBreaks) < 0;
            var cat = rules[e.Rule].Category;
            if (cat == RuleCategory.Addressee)
            {
                found = near;
            }
            else if (near)
            {
                found = false; // "your app is shit": the thing is the subject
            }
        }

        return found;
    }

    /// <summary>
    /// The distance in words of the nearest capitalised name before the hit in the same clause, nearer than
    /// <paramref name="limit"/> words, or -1. A name starts with a capital, has a lower-case letter, does not start a
    /// sentence or the turn, is not "I" and is not covered by a marker (so "You" or "Sir" are not names).
    /// </summary>
    private static int NameBefore(ReadOnlySpan<char> src, ReadOnlySpan<int> map, in Candidate hit, ReadOnlySpan<Candidate> markers, int limit)
    {
        int pos = map[hit.Start];
        int words = 0;
        while (pos > 0 && words < limit && words < TargetWindowTokens)
        {
            // Step back over separators; a clause break ends the search.
            int end = pos;
            while (end > 0 && !char.IsLetterOrDigit(src[end - 1]))
            {
                if (CommaOrClauseBreaks.Contains(src[end - 1]) || src[end - 1] == '\n')
                {
                    return -1;
                }

                end--;
            }

            int start = end;
            while (start > 0 && (char.IsLetterOrDigit(src[start - 1]) || src[start - 1] is '\'' or '’' or '-'))
            {
                start--;
            }

            if (start == end)
            {
                return -1;
            }

            words++;
            var word = src[start..end];
            if (IsName(src, start, word) && !CoveredByMarker(map, markers, start))
            {
                return words;
            }

            pos = start;
        }

        return -1;

        static bool IsName(ReadOnlySpan<char> src, int start, ReadOnlySpan<char> word)
        {
            if (!char.IsUpper(word[0]) || word.Length < 2 || word.IndexOfAny(Lowercase) < 0 || word is "I'm" or "I'll" or "I've" or "I'd" or "I’m")
            {
                return false;
            }

            int before = start - 1;
            while (before >= 0 && src[before] == ' ')
            {
                before--;
            }

            return before >= 0 && !SentenceStarts.Contains(src[before]) && src[before] is not ('@' or '#');
        }

        static bool CoveredByMarker(ReadOnlySpan<int> map, ReadOnlySpan<Candidate> markers, int at)
        {
            foreach (ref readonly var m in markers)
            {
                if (map[m.Start] <= at && at <= map[m.End - 1])
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether no comma or sentence break stands in the source between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static bool SameClause(ReadOnlySpan<char> src, int from, int to)
        => from <= to && src[from..to].IndexOfAny(CommaOrClauseBreaks) < 0;

    /// <summary>Whether a marker of <paramref name="category"/> lies inside the hit ("du jävla idiot" names its addressee).</summary>
    private static bool MarkerWithin(in Candidate hit, ReadOnlySpan<Candidate> markers, MatchEntry[] entries, CompiledRule[] rules, RuleCategory category)
    {
        foreach (ref readonly var m in markers)
        {
            if (m.Start >= hit.End)
            {
                break;
            }

            var e = entries[m.Entry];
            if (m.Start >= hit.Start && m.End <= hit.End && e.Kind == EntryKind.Rule && rules[e.Rule].Category == category)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many tokens between <paramref name="from"/> and <paramref name="to"/> are boosters or dampeners (so, really, pretty).</summary>
    private static int ModifierTokensBetween(ReadOnlySpan<Candidate> sentiment, MatchEntry[] entries, ReadOnlySpan<int> tok, int from, int to)
    {
        int n = 0;
        foreach (ref readonly var c in sentiment)
        {
            if (c.Start >= to)
            {
                break;
            }

            if (c.Start >= from && c.End <= to && entries[c.Entry].Kind is EntryKind.Booster or EntryKind.Dampener)
            {
                n += tok[c.End - 1] - tok[c.Start] + 1;
            }
        }

        return n;
    }

    /// <summary>
    /// How much a person-targeted rule counts: 1 when the nearest person within the window is the addressee
    /// (you, staff, お前), the object factor when a thing is as near (this app), somewhat less than the implicit
    /// factor when the person is a third party (he, she, they: often a report, not an attack on the listener),
    /// 0 when it is the speaker (I'm such an idiot), and -1 when nothing is near (the caller applies the implicit
    /// factor: chat insults are usually aimed at the other side). A person named before the word beats one named after it. A protected group (women,
    /// immigrants, Muslims) counts like the addressee; <paramref name="group"/> is then the index of its marker,
    /// so the caller can file the hit as discrimination. Ties go to the thing: frustration is not harassment.
    /// </summary>
    private static double TargetFactor(EscalationPolicy policy, ReadOnlySpan<char> src, ReadOnlySpan<int> map, in Candidate hit, RuleCategory hitCategory, ReadOnlySpan<Candidate> items, MatchEntry[] entries, CompiledRule[] rules, ReadOnlySpan<int> tok, bool unspaced, out int group)
        => TargetFactor(policy, src, map, hit, hitCategory, items, entries, rules, tok, unspaced, out group, out _);

    private static double TargetFactor(EscalationPolicy policy, ReadOnlySpan<char> src, ReadOnlySpan<int> map, in Candidate hit, RuleCategory hitCategory, ReadOnlySpan<Candidate> items, MatchEntry[] entries, CompiledRule[] rules, ReadOnlySpan<int> tok, bool unspaced, out int group, out bool speaker)
    {
        speaker = false;
        // The nearest thing, and the nearest person: a person named before the word (its subject: "I feel like an
        // idiot for trusting you", "she was so rude") wins over one named after it.
        var thing = (D: int.MaxValue, Index: -1);
        var before = (D: int.MaxValue, Cat: RuleCategory.Insult, Index: -1);
        var after = (D: int.MaxValue, Cat: RuleCategory.Insult, Index: -1);
        for (int i = 0; i < items.Length; i++)
        {
            var e = entries[items[i].Entry];
            if (e.Kind != EntryKind.Rule)
            {
                continue;
            }

            var cat = rules[e.Rule].Category;
            if (!RuleCategoryInfo.IsMarker(cat))
            {
                continue;
            }

            ref readonly var m = ref items[i];
            if (cat == RuleCategory.Self && (m.Start >= hit.Start || hitCategory is RuleCategory.Sexual or RuleCategory.Threat))
            {
                // The speaker is the target only as the subject before the insult ("I'm such an idiot"),
                // not in "you idiot, I know …". Sexual talk is never made harmless by being about the speaker
                // ("I'm horny", "touch my …"): it is said to the listener. Nor is a threat: its speaker is its subject
                // ("I think I will kill him").
                continue;
            }

            int d;
            if (unspaced)
            {
                d = m.End <= hit.Start ? hit.Start - m.End : m.Start >= hit.End ? m.Start - hit.End : 0;
                if (d > TargetWindowChars)
                {
                    continue;
                }
            }
            else
            {
                d = m.End <= hit.Start ? tok[hit.Start] - tok[m.End - 1] : m.Start >= hit.End ? tok[m.Start] - tok[hit.End - 1] : 0;
                if (d > TargetWindowTokens && !(cat == RuleCategory.ThirdParty && m.End <= hit.Start && d <= 2 * TargetWindowTokens && SameClause(src, map[m.End - 1] + 1, map[hit.Start])))
                {
                    // A third party named earlier in the same clause is still its subject ("der Privatverkäufer ist ein
                    // Betrüger und ein Idiot"), up to twice the window.
                    continue;
                }
            }

            if (cat == RuleCategory.Object)
            {
                if (d < thing.D)
                {
                    thing = (d, i);
                }

                continue;
            }

            ref var slot = ref m.Start < hit.Start ? ref before : ref after;
            if (d < slot.D || (d == slot.D && Rank(cat) > Rank(slot.Cat)))
            {
                slot = (d, cat, i);
            }
        }

        var person = before.Index >= 0 ? before : after;
        group = -1;
        if (thing.Index >= 0 && (person.Index < 0 || thing.D <= person.D))
        {
            // Ties go to the thing: frustration is not harassment.
            return policy.ObjectTargetFactor;
        }

        if (!unspaced && rules[entries[hit.Entry].Rule].Language != LanguageTable.German)
        {
            // A name written with a capital before the word, nearer than any person marker ("Madonna is a bitch",
            // "Kanye West may be the biggest douche"), is a third party like "she". German capitalises every noun.
            int name = NameBefore(src, map, hit, items, before.Index >= 0 ? before.D : TargetWindowTokens + 1);
            if (name >= 0 && (thing.Index < 0 || name < thing.D))
            {
                return policy.ImplicitTargetFactor * ThirdPartyShare;
            }
        }

        if (person.Index < 0)
        {
            return -1;
        }

        group = person.Cat == RuleCategory.Group ? person.Index : -1;
        speaker = person.Cat == RuleCategory.Self;
        return person.Cat switch
        {
            RuleCategory.Addressee or RuleCategory.Group => 1,
            // A third-party marker's weight scales it: pronouns (he, she: maybe staff) 1, people who are plainly not
            // staff (my landlord, the neighbours, politicians) less.
            RuleCategory.ThirdParty => policy.ImplicitTargetFactor * ThirdPartyShare * rules[entries[items[person.Index].Entry].Rule].Weight,
            _ => 0,
        };

        static int Rank(RuleCategory c) => c switch
        {
            RuleCategory.Group => 4,
            RuleCategory.ThirdParty => 3,
            RuleCategory.Self => 2,
            RuleCategory.Addressee => 1,
            _ => 0,
        };
    }

    /// <summary>
    /// Whether a negator ("not", "nicht", "не") ends at most two words before the hit in the same clause.
    /// "No" and its kin are left out: before an insult they are mostly an answer ("no, idiot", "nein du Depp").
    /// </summary>
    private static bool NegatedBefore(ReadOnlySpan<char> src, ReadOnlySpan<char> norm, ReadOnlySpan<int> map, ReadOnlySpan<Candidate> sentiment, MatchEntry[] entries, in Candidate hit, ReadOnlySpan<int> tok, bool unspaced)
    {
        foreach (ref readonly var c in sentiment)
        {
            if (c.End > hit.Start || entries[c.Entry].Kind != EntryKind.Negator)
            {
                continue;
            }

            if (!(unspaced ? hit.Start - c.End <= 2 : tok[hit.Start] - tok[c.End - 1] <= 2))
            {
                continue;
            }

            var word = norm[c.Start..c.End];
            if (word is "no" or "nope" or "nah" or "нет" or "неа" or "nein" or "nee" or "nö" or "nej" or "nä" or "いいえ")
            {
                continue;
            }

            if (src[(map[c.End - 1] + 1)..map[hit.Start]].IndexOfAny(CommaOrClauseBreaks) >= 0)
            {
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>Whether a negator ("not", "nicht", "не") stands between a group marker and the hit, or right before the hit.</summary>
    private static bool NegatedBetween(ReadOnlySpan<Candidate> sentiment, MatchEntry[] entries, in Candidate marker, in Candidate hit, ReadOnlySpan<int> tok, bool unspaced)
    {
        int from = Math.Min(marker.End, hit.Start);
        int to = Math.Max(marker.Start, hit.Start);
        foreach (ref readonly var c in sentiment)
        {
            var kind = entries[c.Entry].Kind;
            if (kind is not (EntryKind.Negator or EntryKind.PostNegator))
            {
                continue;
            }

            bool between = c.Start >= from && c.End <= to;
            bool justBefore = c.End <= hit.Start && (unspaced ? hit.Start - c.End <= 2 : tok[hit.Start] - tok[c.End - 1] <= 2);
            bool justAfter = kind == EntryKind.PostNegator && c.Start >= hit.End && c.Start - hit.End <= 2;
            if (between || justBefore || justAfter)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How much a person-targeted rule counts when no person or thing is named near it. A turn that is nothing
    /// but a strong insult ("bitch", "asshole!") is said to the other side: 1. Otherwise the policy's implicit factor:
    /// chat insults are usually aimed at the other side.
    /// </summary>
    private static double ImplicitTargetFactor(EscalationPolicy policy, CompiledRule rule, ReadOnlySpan<int> tok, bool unspaced)
    {
        if (unspaced)
        {
            return policy.ImplicitTargetFactor;
        }

        int words = tok[^1];
        if (words <= VocativeTurnWords && rule.Severity >= Severity.High)
        {
            return 1;
        }

        return policy.ImplicitTargetFactor;
    }

    /// <summary>
    /// A 64-bit similarity sketch of the turn so the same demand repeated can be spotted across turns without
    /// keeping any text: one-permutation min-hashing of character trigrams into 8 bins of one byte (0 = empty bin),
    /// one hash per character.
    /// </summary>
    private static ulong Fingerprint(ReadOnlySpan<char> norm, out int letters)
    {
        Span<ulong> mins = stackalloc ulong[8];
        mins.Fill(ulong.MaxValue);
        letters = 0;
        ulong p2 = 0, p1 = 0;
        for (int i = 0; i < norm.Length; i++)
        {
            char c = norm[i];
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }

            letters++;
            ulong gram = (p2 * 0x9E3779B97F4A7C15UL) ^ (p1 * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)c * 0x165667B19E3779F9UL);
            p2 = p1;
            p1 = c;
            if (letters < 3)
            {
                continue;
            }

            ulong h = gram * 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 29;
            int bin = (int)(h >> 61);
            ulong value = h & 0x1FFFFFFFFFFFFFFFUL;
            if (value < mins[bin])
            {
                mins[bin] = value;
            }
        }

        ulong fp = 0;
        for (int k = 0; k < 8; k++)
        {
            if (mins[k] != ulong.MaxValue)
            {
                fp |= ((mins[k] % 255) + 1) << (k * 8);
            }
        }

        return fp;
    }

    /// <summary>Similarity of two fingerprints on a 0–8 scale: equal bins over bins filled in either (8 = same text).</summary>
    public static int Similarity(ulong a, ulong b)
    {
        int same = 0, union = 0;
        for (int k = 0; k < 8; k++)
        {
            ulong x = (a >> (k * 8)) & 0xFF, y = (b >> (k * 8)) & 0xFF;
            if (x == 0 && y == 0)
            {
                continue;
            }

            union++;
            if (x == y)
            {
                same++;
            }
        }

        return union == 0 ? 0 : same * 8 / union;
    }
}
