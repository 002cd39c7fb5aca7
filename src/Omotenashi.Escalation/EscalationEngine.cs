using System.Buffers;
using System.Diagnostics;

namespace Omotenashi.Escalation;

/// <summary>
/// Decides, for each customer turn, whether the conversation stays with the bot, goes to a human, or is
/// kasu-hara — with reasons. Immutable and thread-safe: build one with <see cref="EscalationEngineBuilder"/>
/// (or <see cref="CreateDefault"/>) and share it. <see cref="Decide(in CustomerTurn, ConversationState?)"/>
/// never throws on any text and allocates only the returned <see cref="ConversationState"/> once warm.
/// </summary>
public sealed class EscalationEngine
{
    private const int StackChars = 256;
    private const int StackHits = 512;

    private static readonly Lazy<EscalationEngine> Default = new(static () => new EscalationEngineBuilder().Build());

    private readonly CompiledKnowledge _knowledge;
    private readonly IInteractionClassifier? _classifier;
    private readonly EngineInstruments _instruments;

    private readonly EscalationPolicy?[]? _policyByLanguage;

    internal EscalationEngine(CompiledKnowledge knowledge, EscalationPolicy policy, IInteractionClassifier? classifier, int maxAnalyzedLength, int maxMatches, EngineInstruments instruments, EscalationPolicy?[]? policyByLanguage = null)
    {
        _policyByLanguage = policyByLanguage;
        _knowledge = knowledge;
        Policy = policy;
        _classifier = classifier;
        MaxAnalyzedLength = maxAnalyzedLength;
        MaxMatches = maxMatches;
        _instruments = instruments;
    }

    /// <summary>The policy this engine decides with (unless a language has its own, see <see cref="GetPolicy"/>).</summary>
    public EscalationPolicy Policy { get; }

    /// <summary>The policy used for turns in <paramref name="language"/> (a BCP-47 tag): its own when one was configured, otherwise <see cref="Policy"/>.</summary>
    public EscalationPolicy GetPolicy(string? language)
    {
        int i = _knowledge.Languages.IndexOf(language);
        return _policyByLanguage is not null && i >= 0 && i < _policyByLanguage.Length ? _policyByLanguage[i] ?? Policy : Policy;
    }

    /// <summary>Characters of a turn that are analysed; the rest is ignored (bounded work on untrusted text).</summary>
    public int MaxAnalyzedLength { get; }

    /// <summary>Pattern matches collected per turn at most (bounded work on adversarial text).</summary>
    public int MaxMatches { get; }

    /// <summary>The classifier combined with rules and sentiment, if any.</summary>
    public IInteractionClassifier? Classifier => _classifier;

    /// <summary>Number of sentiment lexicon terms compiled into this engine.</summary>
    public int SentimentTermCount => _knowledge.SentimentTermCount;

    /// <summary>Number of keyword rules compiled into this engine.</summary>
    public int RuleCount => _knowledge.Rules.Length;

    /// <summary>Number of distinct patterns in the engine's matcher.</summary>
    public int PatternCount => _knowledge.Matcher.PatternCount;

    /// <summary>A shared engine with the built-in packs and the <see cref="EscalationPolicy.Balanced"/> policy, built once.</summary>
    public static EscalationEngine CreateDefault() => Default.Value;

    /// <summary>Decides a turn given as plain text.</summary>
    /// <param name="text">The customer's text; <see langword="null"/> is treated as empty.</param>
    /// <param name="state">The state returned with the previous decision, or <see langword="null"/> for a new conversation.</param>
    public EscalationDecision Decide(string? text, ConversationState? state = null) => Decide(new CustomerTurn(text), state);

    /// <summary>Decides one customer turn.</summary>
    /// <param name="turn">The turn and the host's signals.</param>
    /// <param name="state">The state returned with the previous decision, or <see langword="null"/> for a new conversation.</param>
    public EscalationDecision Decide(in CustomerTurn turn, ConversationState? state = null)
    {
        long started = Stopwatch.GetTimestamp();
        Activity? activity = EscalationTelemetry.ActivitySource.HasListeners() ? EscalationTelemetry.ActivitySource.StartActivity("omotenashi.escalation.decide") : null;
        state ??= ConversationState.Initial;
        string text = turn.Text ?? string.Empty;
        ReadOnlySpan<char> src = text.AsSpan(0, Math.Min(text.Length, MaxAnalyzedLength));
        int explicitLanguage = turn.Language is null ? -1 : Math.Max(_knowledge.Languages.IndexOf(turn.Language), LanguageTable.Undetermined);

        char[]? rentedChars = null;
        int[]? rentedInts = null;
        PatternHit[]? rentedHits = null;
        Candidate[]? rentedCands = null;
        try
        {
            int n = src.Length;
            int hitCapacity = Math.Min(MaxMatches, Math.Max(64, n * 4));
            Span<char> norm = n <= StackChars ? stackalloc char[StackChars] : (rentedChars = ArrayPool<char>.Shared.Rent(n));
            Span<int> ints = n <= StackChars ? stackalloc int[StackChars * 2] : (rentedInts = ArrayPool<int>.Shared.Rent(n * 2));
            Span<PatternHit> hits = hitCapacity <= StackHits ? stackalloc PatternHit[StackHits] : (rentedHits = ArrayPool<PatternHit>.Shared.Rent(hitCapacity));
            Span<Candidate> cands = hitCapacity <= StackHits ? stackalloc Candidate[StackHits * 3] : (rentedCands = ArrayPool<Candidate>.Shared.Rent(hitCapacity * 3));
            hits = hits[..Math.Min(hits.Length, hitCapacity)];
            var map = ints[..Math.Max(n, 1)];
            var tok = ints.Slice(Math.Max(n, 1), Math.Max(n, 1));

            var signals = default(TurnSignals);
            int normLength = TextAnalyzer.Analyze(_knowledge, Policy, _policyByLanguage, src, explicitLanguage, norm, map, tok, hits, cands, ref signals);

            string language = turn.Language is not null
                ? (explicitLanguage > 0 ? _knowledge.Languages[explicitLanguage] : LanguageTable.Primary(turn.Language) ?? "und")
                : _knowledge.Languages[signals.Language];

            ClassifierPrediction? prediction = null;
            if (_classifier is not null)
            {
                prediction = PredictSafely(text.Length > MaxAnalyzedLength ? text[..MaxAnalyzedLength] : text, norm[..normLength], language);
            }

            var decision = Combine(turn, state, ref signals, language, prediction);
            Record(decision, started, activity);
            return decision;
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }

            if (rentedInts is not null)
            {
                ArrayPool<int>.Shared.Return(rentedInts);
            }

            if (rentedHits is not null)
            {
                ArrayPool<PatternHit>.Shared.Return(rentedHits);
            }

            if (rentedCands is not null)
            {
                ArrayPool<Candidate>.Shared.Return(rentedCands);
            }

            activity?.Dispose();
        }
    }

    /// <summary>
    /// Observes the bot's (or agent's) own reply, so the state knows whether the customer's demand was answered and
    /// whether the bot fell back ("I did not understand", in any built-in language).
    /// </summary>
    /// <param name="text">The bot's reply.</param>
    /// <param name="state">The current state, or <see langword="null"/> for a new conversation.</param>
    /// <param name="fallback">Whether the reply was a fallback, when the host knows; detected from the text when <see langword="null"/>.</param>
    /// <returns>The new state.</returns>
    public ConversationState ObserveBotTurn(string? text, ConversationState? state = null, bool? fallback = null)
    {
        state ??= ConversationState.Initial;
        bool isFallback = fallback ?? IsFallbackText(text);
        return state with
        {
            BotTurnCount = state.BotTurnCount + 1,
            ConsecutiveFallbacks = isFallback ? state.ConsecutiveFallbacks + 1 : 0,
            TotalFallbacks = isFallback ? state.TotalFallbacks + 1 : state.TotalFallbacks,
            LastBotTurnWasFallback = isFallback,
            AnsweredSinceLastTurn = !isFallback || state.AnsweredSinceLastTurn,
        };
    }

    /// <summary>Whether a bot reply reads as a fallback ("Sorry, I didn't understand", "よく分かりませんでした" …).</summary>
    public bool IsFallbackText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var signals = Analyze(text.AsSpan(0, Math.Min(text.Length, MaxAnalyzedLength)), -1);
        return signals.BotFallback.Found;
    }

    private TurnSignals Analyze(ReadOnlySpan<char> src, int explicitLanguage)
    {
        // Bot turns are analysed off the customer hot path; pooled buffers keep them allocation-free too.
        int n = Math.Max(src.Length, 1);
        int hitCapacity = Math.Min(MaxMatches, Math.Max(64, n * 4));
        char[] norm = ArrayPool<char>.Shared.Rent(n);
        int[] ints = ArrayPool<int>.Shared.Rent(n * 2);
        PatternHit[] hits = ArrayPool<PatternHit>.Shared.Rent(hitCapacity);
        Candidate[] cands = ArrayPool<Candidate>.Shared.Rent(hitCapacity * 3);
        try
        {
            var signals = default(TurnSignals);
            TextAnalyzer.Analyze(_knowledge, Policy, _policyByLanguage, src, explicitLanguage, norm, ints.AsSpan(0, n), ints.AsSpan(n, n), hits.AsSpan(0, hitCapacity), cands.AsSpan(0, hitCapacity * 3), ref signals);
            return signals;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(norm);
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<PatternHit>.Shared.Return(hits);
            ArrayPool<Candidate>.Shared.Return(cands);
        }
    }

    private ClassifierPrediction? PredictSafely(string text, ReadOnlySpan<char> norm, string language)
    {
        try
        {
            var p = _classifier!.Predict(new ClassifierInput(text, norm, language));
            return new ClassifierPrediction(Clamp01(p.Bot), Clamp01(p.Human), Clamp01(p.KasuHara));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failing classifier must not take the helpdesk down: rules and sentiment still decide.
            return null;
        }
    }

    private static double Clamp01(double v) => double.IsNaN(v) ? 0 : Math.Clamp(v, 0, 1);

    private EscalationDecision Combine(in CustomerTurn turn, ConversationState state, ref TurnSignals s, string language, ClassifierPrediction? prediction)
    {
        var p = s.Policy ?? Policy;
        var w = p.Frustration;
        int turnNo = state.TurnCount + 1;
        double compound = s.Compound;
        var reasons = default(ReasonCollector);

        // Conversation: moving average, trend, streaks.
        bool first = state.TurnCount == 0;
        double prevAvg = first ? 0 : state.SentimentAverage;
        double avg = first ? compound : prevAvg + (p.SentimentSmoothing * (compound - prevAvg));
        double trend = first ? 0 : avg - prevAvg;
        int consecutiveNegative = compound <= -0.05 ? state.ConsecutiveNegativeTurns + 1 : 0;

        int consecutiveFallbacks = turn.BotFallback
            ? state.ConsecutiveFallbacks + (state.LastBotTurnWasFallback ? 0 : 1)
            : (state.LastBotTurnWasFallback ? state.ConsecutiveFallbacks : 0);
        int totalFallbacks = state.TotalFallbacks + (turn.BotFallback && !state.LastBotTurnWasFallback ? 1 : 0);

        bool repeated = !first && s.Letters >= 6 && state.LastTurnFingerprint != 0 && TextAnalyzer.Similarity(s.Fingerprint, state.LastTurnFingerprint) >= 5;
        int repeatedDemands = repeated ? state.RepeatedDemands + 1 : 0;
        int repeatedAfterAnswer = repeated && state.AnsweredSinceLastTurn ? state.RepeatedAfterAnswer + 1 : (repeated ? state.RepeatedAfterAnswer : 0);

        DateTimeOffset? startedAt = state.StartedAt ?? turn.Timestamp;
        DateTimeOffset? lastAt = turn.Timestamp ?? state.LastTurnAt;
        TimeSpan duration = startedAt is { } sa && lastAt is { } la && la > sa ? la - sa : TimeSpan.Zero;

        // Harassment: noisy-OR of rule evidence, conversation evidence and the classifier's vote.
        double noOr = s.HarassmentNoOr;
        if (repeatedAfterAnswer >= p.RepeatedDemandsForTimeBinding || (duration >= p.TimeBindingDuration && compound <= -0.3 && state.KasuHaraStrikes > 0))
        {
            const double timeBinding = 0.55;
            noOr *= 1 - timeBinding;
            s.Categories |= KasuHaraCategories.TimeBinding;
            if (s.Severity < Severity.Moderate)
            {
                s.Severity = Severity.Moderate;
            }

            reasons.Add(new Reason(ReasonCodes.KasuHaraTimeBinding, ReasonSource.Conversation, timeBinding, turnNo, 0, 0));
        }

        if (prediction is { } pk && p.ClassifierWeight > 0)
        {
            double c = p.ClassifierWeight * pk.KasuHara;
            noOr *= 1 - c;
            if (pk.KasuHara >= 0.5)
            {
                reasons.Add(new Reason(ReasonCodes.ClassifierKasuHara, ReasonSource.Classifier, pk.KasuHara, turnNo, 0, 0, _classifier!.Name));
            }
        }

        // Traces (swearing, hostility at things, a hostile tone towards "you") rank turns for the score but never
        // carry one over the threshold on their own or by topping up weak evidence.
        double evidence = Math.Clamp(1 - noOr, 0, 1);
        double harassment = Math.Clamp(1 - (noOr * s.HarassmentTraceNoOr), 0, 1);
        if (evidence < p.HarassmentThreshold)
        {
            harassment = Math.Min(harassment, (evidence + p.HarassmentThreshold) / 2);
        }


        // Frustration: logistic over features in [0, 1].
        double negLevel = Math.Max(0, -compound);
        double negAvg = Math.Max(0, -avg);
        double consec = Math.Min(1, consecutiveNegative / 3.0);
        double drop = first ? 0 : Math.Clamp(prevAvg - compound, 0, 1);
        double repetition = Math.Min(1, repeatedDemands / 2.0);
        double fallbacks = Math.Min(1, consecutiveFallbacks / 2.0);
        double lowConfidence = turn.BotConfidence is { } conf && conf < p.LowConfidenceThreshold ? (p.LowConfidenceThreshold - Math.Max(conf, 0)) / p.LowConfidenceThreshold : 0;
        double durationFeature = Math.Min(1, duration / p.LongConversation);
        double classifierHuman = prediction?.Human ?? 0;
        double x = w.Bias
            + (w.NegativeLevel * negLevel)
            + (w.NegativeAverage * negAvg)
            + (w.ConsecutiveNegative * consec)
            + (w.Trend * drop)
            + (w.Emphasis * s.Emphasis * (compound < 0 || s.Profanity > 0 ? 1 : 0.3))
            + (w.Profanity * s.Profanity * (compound > 0.25 ? 0.3 : 1))
            + (w.Repetition * repetition)
            + (w.Fallbacks * fallbacks)
            + (w.LowConfidence * lowConfidence)
            + (w.Duration * durationFeature)
            + (w.Classifier * classifierHuman);
        double frustration = 1 / (1 + Math.Exp(-x));

        // Signals worth explaining even when they did not decide.
        if (s.NegativeSentiment.Strength > 0 && compound <= -0.3)
        {
            reasons.Add(new Reason(ReasonCodes.SentimentNegative, ReasonSource.Sentiment, negLevel * 0.5, turnNo, s.NegativeSentiment.Start, s.NegativeSentiment.Length));
        }
        else if (s.PositiveSentiment.Strength > 0 && compound >= 0.3)
        {
            reasons.Add(new Reason(ReasonCodes.SentimentPositive, ReasonSource.Sentiment, compound * 0.4, turnNo, s.PositiveSentiment.Start, s.PositiveSentiment.Length));
        }

        if (s.ProfanityEvidence.Found)
        {
            reasons.Add(new Reason(ReasonCodes.SignalProfanity, ReasonSource.Rule, s.ProfanityEvidence.Strength, turnNo, s.ProfanityEvidence.Start, s.ProfanityEvidence.Length, s.ProfanityEvidence.RuleId));
        }

        if (s.Emphasis >= 0.5)
        {
            reasons.Add(new Reason(ReasonCodes.SignalEmphasis, ReasonSource.Sentiment, s.Emphasis * 0.5, turnNo, 0, 0));
        }

        if (!s.LanguageConfident && turn.Language is null)
        {
            reasons.Add(new Reason(ReasonCodes.LanguageFallback, ReasonSource.Policy, 0.01, turnNo, 0, 0));
        }

        // The route.
        bool kasuhara = harassment >= p.HarassmentThreshold && s.Categories != KasuHaraCategories.None;
        if (!kasuhara && harassment >= p.HarassmentThreshold && prediction is not null)
        {
            kasuhara = true; // the classifier alone can carry it
        }

        bool selfHarm = s.SelfHarm.Found;
        bool explicitRequest = s.HumanRequest.Found;

        // Next to abuse, a bare staff word ("оператор ты конченый …", "agent, you moron") calls the agent; it asks for nobody.
        bool requestOverridesAbuse = explicitRequest && p.HonorExplicitRequests && s.HumanRequest.Severity > Severity.Low;
        if (kasuhara)
        {
            AddHarassmentReasons(ref reasons, ref s, turnNo);
        }

        Route route;
        Urgency urgency;
        double confidence;
        int strikes = state.KasuHaraStrikes;
        var action = ProtocolAction.None;
        bool severe = s.Severity >= Severity.Severe;

        if (selfHarm)
        {
            route = Route.Human;
            urgency = Urgency.Critical;
            confidence = 0.95;
            reasons.Add(new Reason(ReasonCodes.HumanSelfHarm, ReasonSource.Rule, 1.0, turnNo, s.SelfHarm.Start, s.SelfHarm.Length, s.SelfHarm.RuleId));
        }
        else if (kasuhara && !(requestOverridesAbuse && !severe))
        {
            route = Route.KasuHara;
            strikes++;
            action = state.ProtocolStep == ProtocolAction.EndConversation ? ProtocolAction.EndConversation : p.ActionForStrike(strikes, s.Severity);
            urgency = severe ? Urgency.Critical : s.Severity >= Severity.High ? Urgency.High : Urgency.Normal;
            confidence = harassment;
            if (explicitRequest)
            {
                reasons.Add(new Reason(ReasonCodes.PolicyRequestOverridden, ReasonSource.Policy, 0.5, turnNo, s.HumanRequest.Start, s.HumanRequest.Length, s.HumanRequest.RuleId));
            }
        }
        else if (explicitRequest && p.HonorExplicitRequests)
        {
            route = Route.Human;
            urgency = frustration >= 0.8 ? Urgency.High : Urgency.Normal;
            confidence = 0.9;
            reasons.Add(new Reason(ReasonCodes.HumanExplicitRequest, ReasonSource.Rule, 0.9, turnNo, s.HumanRequest.Start, s.HumanRequest.Length, s.HumanRequest.RuleId));
            if (kasuhara)
            {
                // Abuse that is not severe, with a request for a person: a human takes it and sets the boundary.
                action = ProtocolAction.SetBoundary;
            }
        }
        else
        {
            route = Route.Bot;
            urgency = Urgency.Low;
            confidence = 0;
            string? code = null;
            double weight = 0;
            var source = ReasonSource.Conversation;
            Evidence ev = default;

            static void Pick(string c, double wgt, ReasonSource src, Evidence e, ref string? code, ref double weight, ref ReasonSource source, ref Evidence ev)
            {
                if (code is null || wgt > weight)
                {
                    code = c;
                    weight = wgt;
                    source = src;
                    ev = e;
                }
            }

            if (consecutiveFallbacks >= p.FallbacksBeforeHuman)
            {
                Pick(ReasonCodes.HumanRepeatedFallback, 0.85, ReasonSource.Conversation, default, ref code, ref weight, ref source, ref ev);
            }

            if (repeatedDemands >= p.RepeatedDemandsBeforeHuman)
            {
                Pick(ReasonCodes.HumanRepeatedDemand, 0.75, ReasonSource.Conversation, default, ref code, ref weight, ref source, ref ev);
            }

            if (s.Legal.Found && (p.HumanCues & HumanCues.Legal) != 0)
            {
                Pick(ReasonCodes.HumanLegal, 0.8, ReasonSource.Rule, s.Legal, ref code, ref weight, ref source, ref ev);
            }

            if (s.Hardship.Found && (p.HumanCues & HumanCues.Hardship) != 0)
            {
                Pick(ReasonCodes.HumanHardship, 0.8, ReasonSource.Rule, s.Hardship, ref code, ref weight, ref source, ref ev);
            }

            if (s.StaffComplaint.Found && (p.HumanCues & HumanCues.StaffComplaint) != 0)
            {
                Pick(ReasonCodes.HumanStaffComplaint, 0.75, ReasonSource.Rule, s.StaffComplaint, ref code, ref weight, ref source, ref ev);
            }

            if (s.Churn.Found && (p.HumanCues & HumanCues.Churn) != 0)
            {
                Pick(ReasonCodes.HumanChurn, 0.7, ReasonSource.Rule, s.Churn, ref code, ref weight, ref source, ref ev);
            }

            if (frustration >= p.FrustrationThreshold)
            {
                bool trendLed = !first && trend <= -0.15 && consecutiveNegative >= 2;
                Pick(trendLed ? ReasonCodes.HumanNegativeTrend : ReasonCodes.HumanFrustration, frustration, ReasonSource.Sentiment, s.NegativeSentiment, ref code, ref weight, ref source, ref ev);
            }

            if (duration >= p.LongConversation && (p.HumanCues & HumanCues.LongConversation) != 0)
            {
                Pick(ReasonCodes.HumanLongConversation, 0.6, ReasonSource.Conversation, default, ref code, ref weight, ref source, ref ev);
            }

            if (lowConfidence > 0 && (p.HumanCues & HumanCues.LowConfidence) != 0 && lowConfidence >= 0.5 && compound < 0)
            {
                Pick(ReasonCodes.HumanLowConfidence, 0.6, ReasonSource.Host, default, ref code, ref weight, ref source, ref ev);
            }

            if (prediction is { } ph && ph.Human >= 0.5 && ph.Human > ph.Bot && frustration >= p.FrustrationThreshold * 0.8)
            {
                Pick(ReasonCodes.ClassifierHuman, ph.Human, ReasonSource.Classifier, default, ref code, ref weight, ref source, ref ev);
            }

            if (code is not null)
            {
                route = Route.Human;
                confidence = Math.Max(weight, frustration);
                urgency = frustration >= 0.8 || ReferenceEquals(code, ReasonCodes.HumanLegal) || ReferenceEquals(code, ReasonCodes.HumanHardship) ? Urgency.High : Urgency.Normal;
                reasons.Add(new Reason(code, source, weight, turnNo, ev.Start, ev.Length, ev.RuleId));
                AddCueReasons(ref reasons, ref s, p, turnNo, code);
            }
            else if (state.WithHuman)
            {
                // Recovery needs thanks or a fix ("that worked") with no negativity, or clearly positive sentiment;
                // an acknowledgement ("OK, I'll try") is not recovery.
                bool recovered = ((s.Gratitude.Found && compound >= 0) || compound >= p.DeEscalationSentiment + 0.2) && frustration < p.FrustrationThreshold * 0.5;
                if (recovered)
                {
                    confidence = Math.Clamp(0.5 + (compound / 2), 0.5, 1);
                    reasons.Add(new Reason(ReasonCodes.BotDeEscalated, s.Gratitude.Found ? ReasonSource.Rule : ReasonSource.Sentiment, confidence, turnNo, s.Gratitude.Start, s.Gratitude.Length, s.Gratitude.RuleId));
                }
                else
                {
                    route = Route.Human;
                    urgency = Urgency.Normal;
                    confidence = 0.6;
                    reasons.Add(new Reason(ReasonCodes.HumanContinuing, ReasonSource.Conversation, 0.6, turnNo, 0, 0));
                }
            }
            else
            {
                confidence = Math.Clamp(1 - Math.Max(frustration, harassment), 0, 1);
                reasons.Add(new Reason(ReasonCodes.BotRoutine, ReasonSource.Policy, confidence, turnNo, 0, 0));
            }
        }

        if (route != Route.KasuHara && s.Categories != KasuHaraCategories.None && !kasuhara)
        {
            // Weak abuse under the threshold is explained but does not decide.
            AddHarassmentReasons(ref reasons, ref s, turnNo);
        }

        var categories = harassment >= p.HarassmentThreshold || kasuhara ? s.Categories : KasuHaraCategories.None;
        var severity = categories == KasuHaraCategories.None ? Severity.None : (s.Severity == Severity.None ? Severity.Moderate : s.Severity);
        bool withHuman = route == Route.Human || (route == Route.KasuHara && (action == ProtocolAction.TransferToSupervisor || state.WithHuman));

        var next = state with
        {
            TurnCount = turnNo,
            SentimentAverage = avg,
            SentimentTrend = trend,
            LastSentiment = compound,
            LastFrustration = frustration,
            ConsecutiveNegativeTurns = consecutiveNegative,
            ConsecutiveFallbacks = consecutiveFallbacks,
            TotalFallbacks = totalFallbacks,
            LastBotTurnWasFallback = false,
            RepeatedDemands = repeatedDemands,
            RepeatedAfterAnswer = repeatedAfterAnswer,
            LastTurnFingerprint = s.Fingerprint,
            AnsweredSinceLastTurn = false,
            HumanRequests = state.HumanRequests + (explicitRequest ? 1 : 0),
            KasuHaraStrikes = strikes,
            KasuHaraCategoriesSeen = state.KasuHaraCategoriesSeen | (route == Route.KasuHara ? categories : KasuHaraCategories.None),
            ProtocolStep = action != ProtocolAction.None ? action : state.ProtocolStep,
            LastRoute = route,
            WithHuman = withHuman,
            StartedAt = startedAt,
            LastTurnAt = lastAt,
        };

        return new EscalationDecision(
            route,
            urgency,
            Math.Clamp(confidence, 0, 1),
            compound,
            frustration,
            harassment,
            new KasuHaraDetail(categories, severity, action, strikes),
            reasons.ToList(),
            language,
            p.Name,
            p.Version,
            next);
    }

    /// <summary>Every human cue that fired also becomes a reason (weaker than the one that decided).</summary>
    private static void AddCueReasons(ref ReasonCollector reasons, ref TurnSignals s, EscalationPolicy p, int turnNo, string decided)
    {
        AddIf(ref reasons, s.Legal, ReasonCodes.HumanLegal, HumanCues.Legal, p, turnNo, decided);
        AddIf(ref reasons, s.Hardship, ReasonCodes.HumanHardship, HumanCues.Hardship, p, turnNo, decided);
        AddIf(ref reasons, s.StaffComplaint, ReasonCodes.HumanStaffComplaint, HumanCues.StaffComplaint, p, turnNo, decided);
        AddIf(ref reasons, s.Churn, ReasonCodes.HumanChurn, HumanCues.Churn, p, turnNo, decided);

        static void AddIf(ref ReasonCollector reasons, in Evidence e, string code, HumanCues cue, EscalationPolicy p, int turnNo, string decided)
        {
            if (e.Found && (p.HumanCues & cue) != 0 && !ReferenceEquals(code, decided))
            {
                reasons.Add(new Reason(code, ReasonSource.Rule, 0.5, turnNo, e.Start, e.Length, e.RuleId));
            }
        }
    }

    private static void AddHarassmentReasons(ref ReasonCollector reasons, ref TurnSignals s, int turnNo)
    {
        AddIf(ref reasons, s.Threat, ReasonCodes.KasuHaraThreat, turnNo);
        AddIf(ref reasons, s.Insult, ReasonCodes.KasuHaraInsult, turnNo);
        AddIf(ref reasons, s.Exposure, ReasonCodes.KasuHaraExposure, turnNo);
        AddIf(ref reasons, s.Demand, ReasonCodes.KasuHaraDemand, turnNo);
        AddIf(ref reasons, s.Sexual, ReasonCodes.KasuHaraSexual, turnNo);
        AddIf(ref reasons, s.Discrimination, ReasonCodes.KasuHaraDiscrimination, turnNo);

        static void AddIf(ref ReasonCollector reasons, in Evidence e, string code, int turnNo)
        {
            if (e.Found && !reasons.Contains(code))
            {
                reasons.Add(new Reason(code, ReasonSource.Rule, e.Strength, turnNo, e.Start, e.Length, e.RuleId));
            }
        }
    }

    private void Record(in EscalationDecision decision, long started, Activity? activity)
    {
        var ins = _instruments;
        if (ins.Decisions.Enabled)
        {
            ins.Decisions.Add(1, new KeyValuePair<string, object?>("route", EngineInstruments.RouteNames[(int)decision.Route]), new KeyValuePair<string, object?>("language", decision.Language), new KeyValuePair<string, object?>("policy", decision.PolicyName));
        }

        if (decision.Route == Route.KasuHara && ins.KasuHara.Enabled)
        {
            int flags = (int)decision.KasuHara.Categories;
            for (int i = 0; i < EngineInstruments.CategoryNames.Length; i++)
            {
                if ((flags & (1 << i)) != 0)
                {
                    ins.KasuHara.Add(1, new KeyValuePair<string, object?>("category", EngineInstruments.CategoryNames[i]));
                }
            }
        }

        if (ins.Duration.Enabled)
        {
            ins.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("route", EngineInstruments.RouteNames[(int)decision.Route]));
        }

        if (activity is not null)
        {
            activity.SetTag("omotenashi.route", EngineInstruments.RouteNames[(int)decision.Route]);
            activity.SetTag("omotenashi.language", decision.Language);
            activity.SetTag("omotenashi.policy", decision.PolicyName);
            activity.SetTag("omotenashi.policy_version", decision.PolicyVersion);
        }
    }
}
