namespace Omotenashi.Escalation;

/// <summary>
/// The thresholds and weights that turn signals into a route, and the kasu-hara protocol ladder. Immutable;
/// start from a preset (<see cref="Balanced"/>, <see cref="Omotenashi"/>, <see cref="Transactional"/>) and
/// change it with <c>with { … }</c>, or load one from JSON with <see cref="FromJson"/>. The
/// <see cref="Version"/> is stamped on every decision.
/// </summary>
public sealed record EscalationPolicy
{
    /// <summary>The policy name. The default value is <c>Balanced</c>.</summary>
    public string Name { get; init; } = "Balanced";

    /// <summary>The policy version, stamped on every decision for audit. The default value is <c>1.0.0</c>.</summary>
    public string Version { get; init; } = "1.0.0";

    /// <summary>Harassment score at or above which the route is kasu-hara. The default value is 0.5.</summary>
    public double HarassmentThreshold { get; init; } = 0.5;

    /// <summary>Frustration score at or above which the route is human. The default value is 0.45.</summary>
    public double FrustrationThreshold { get; init; } = 0.45;

    /// <summary>Whether an explicit request for a person goes to a human (unless the turn is severe abuse). The default value is <see langword="true"/>.</summary>
    public bool HonorExplicitRequests { get; init; } = true;

    /// <summary>Consecutive bot fallbacks after which the next customer turn goes to a human. The default value is 2.</summary>
    public int FallbacksBeforeHuman { get; init; } = 2;

    /// <summary>Repetitions of the same demand after which the turn goes to a human. The default value is 2.</summary>
    public int RepeatedDemandsBeforeHuman { get; init; } = 2;

    /// <summary>Repetitions of the same demand, after it was answered, that count as holding staff (kasu-hara, time-binding). The default value is 5.</summary>
    public int RepeatedDemandsForTimeBinding { get; init; } = 5;

    /// <summary>A conversation this long is handed to a human (when <see cref="HumanCues.LongConversation"/> is set). The default value is 30 minutes.</summary>
    public TimeSpan LongConversation { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A conversation this long with continued hostility counts as holding staff. The default value is 90 minutes.</summary>
    public TimeSpan TimeBindingDuration { get; init; } = TimeSpan.FromMinutes(90);

    /// <summary>Strength of a person-targeted rule when no addressee, object or self marker is near (chat insults are usually aimed at the interlocutor). The default value is 0.7.</summary>
    public double ImplicitTargetFactor { get; init; } = 0.7;

    /// <summary>Strength of a person-targeted rule when it is aimed at a thing ("this stupid app"). The default value is 0.15.</summary>
    public double ObjectTargetFactor { get; init; } = 0.15;

    /// <summary>
    /// Weight of a classifier's vote in the harassment noisy-OR. The default value is 0.85: a confident model
    /// (a calibrated vote of about 0.6) decides on its own, a hesitant one needs rule evidence too. Measured with
    /// models retrained by the CLI on held-out folds of ConvAbuse and GermEval, 0.85–0.9 gave the best F1.
    /// </summary>
    public double ClassifierWeight { get; init; } = 0.85;

    /// <summary>Smoothing factor α of the sentiment moving average. The default value is 0.4.</summary>
    public double SentimentSmoothing { get; init; } = 0.4;

    /// <summary>Sentiment at or above which a conversation with a human is handed back to the bot (with thanks or a fix). The default value is 0.3.</summary>
    public double DeEscalationSentiment { get; init; } = 0.3;

    /// <summary>Host NLU confidence below which the turn counts as low confidence. The default value is 0.35.</summary>
    public double LowConfidenceThreshold { get; init; } = 0.35;

    /// <summary>Situations handed to a human. The default value is <see cref="HumanCues.All"/>.</summary>
    public HumanCues HumanCues { get; init; } = HumanCues.All;

    /// <summary>The kasu-hara protocol ladder: the action for the 1st, 2nd, … strike (the last repeats). The default value is boundary, final warning, end.</summary>
    public IReadOnlyList<ProtocolAction> Protocol { get; init; } = [ProtocolAction.SetBoundary, ProtocolAction.FinalWarning, ProtocolAction.EndConversation];

    /// <summary>The action for severe abuse (threats to safety), which skips the ladder. The default value is <see cref="ProtocolAction.TransferToSupervisor"/>.</summary>
    public ProtocolAction SevereAction { get; init; } = ProtocolAction.TransferToSupervisor;

    /// <summary>Weights of the frustration curve.</summary>
    public FrustrationWeights Frustration { get; init; } = new();

    /// <summary>The balanced default: hands frustrated customers to a human at frustration 0.45; boundary, warning, end.</summary>
    public static EscalationPolicy Balanced { get; } = new();

    /// <summary>
    /// Japanese hospitality: hand frustrated customers to a human early (frustration 0.35); a polite boundary,
    /// then a final warning, before ending; severe abuse goes to a supervisor.
    /// </summary>
    public static EscalationPolicy Omotenashi { get; } = new()
    {
        Name = "Omotenashi",
        FrustrationThreshold = 0.35,
        FallbacksBeforeHuman = 2,
        RepeatedDemandsBeforeHuman = 1,
        LongConversation = TimeSpan.FromMinutes(20),
        DeEscalationSentiment = 0.5,
        Protocol = [ProtocolAction.SetBoundary, ProtocolAction.SetBoundary, ProtocolAction.FinalWarning, ProtocolAction.EndConversation],
        SevereAction = ProtocolAction.TransferToSupervisor,
    };

    /// <summary>
    /// Bot-first: hand over late (frustration 0.7, three fallbacks), keep churn with the bot's retention flow,
    /// clear boundaries: final warning then end; severe abuse ends the conversation at once.
    /// </summary>
    public static EscalationPolicy Transactional { get; } = new()
    {
        Name = "Transactional",
        FrustrationThreshold = 0.7,
        FallbacksBeforeHuman = 3,
        RepeatedDemandsBeforeHuman = 3,
        LongConversation = TimeSpan.FromMinutes(45),
        DeEscalationSentiment = 0.2,
        HumanCues = HumanCues.Legal | HumanCues.Hardship | HumanCues.StaffComplaint,
        Protocol = [ProtocolAction.FinalWarning, ProtocolAction.EndConversation],
        SevereAction = ProtocolAction.EndConversation,
    };

    /// <summary>Finds a preset by name (case-insensitive): <c>Balanced</c>, <c>Omotenashi</c>, <c>Transactional</c>.</summary>
    public static EscalationPolicy? GetPreset(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "balanced" or "default" => Balanced,
        "omotenashi" => Omotenashi,
        "transactional" => Transactional,
        _ => null,
    };

    /// <summary>Loads a policy from JSON (see the README for the format). Throws <see cref="EscalationConfigurationException"/> naming line and field.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The file or source name to put in error messages.</param>
    public static EscalationPolicy FromJson(string json, string sourceName = "policy.json")
    {
        var problems = new List<ConfigurationProblem>();
        var policy = PolicyLoader.Load(json, sourceName, problems);
        return problems.Count > 0 || policy is null ? throw new EscalationConfigurationException(problems) : policy;
    }

    /// <summary>Loads a policy from a JSON file.</summary>
    public static EscalationPolicy LoadFile(string path) => FromJson(File.ReadAllText(path), path);

    internal void Validate(string source, List<ConfigurationProblem> problems, Func<string, int>? lineOf = null)
    {
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                problems.Add(new ConfigurationProblem(source, lineOf?.Invoke("$." + field) ?? 0, field, message));
            }
        }

        static bool Unit(double v) => v >= 0 && v <= 1 && !double.IsNaN(v);

        Check(!string.IsNullOrWhiteSpace(Name), "name", "must not be empty");
        Check(!string.IsNullOrWhiteSpace(Version), "version", "must not be empty");
        Check(HarassmentThreshold > 0 && HarassmentThreshold <= 1, "harassmentThreshold", $"must be in (0, 1]; was {HarassmentThreshold}");
        Check(FrustrationThreshold > 0 && FrustrationThreshold <= 1, "frustrationThreshold", $"must be in (0, 1]; was {FrustrationThreshold}");
        Check(FallbacksBeforeHuman >= 1, "fallbacksBeforeHuman", $"must be at least 1; was {FallbacksBeforeHuman}");
        Check(RepeatedDemandsBeforeHuman >= 1, "repeatedDemandsBeforeHuman", $"must be at least 1; was {RepeatedDemandsBeforeHuman}");
        Check(RepeatedDemandsForTimeBinding >= 1, "repeatedDemandsForTimeBinding", $"must be at least 1; was {RepeatedDemandsForTimeBinding}");
        Check(LongConversation > TimeSpan.Zero, "longConversationMinutes", "must be positive");
        Check(TimeBindingDuration > TimeSpan.Zero, "timeBindingMinutes", "must be positive");
        Check(Unit(ImplicitTargetFactor), "implicitTargetFactor", $"must be in [0, 1]; was {ImplicitTargetFactor}");
        Check(Unit(ObjectTargetFactor), "objectTargetFactor", $"must be in [0, 1]; was {ObjectTargetFactor}");
        Check(Unit(ClassifierWeight), "classifierWeight", $"must be in [0, 1]; was {ClassifierWeight}");
        Check(SentimentSmoothing > 0 && SentimentSmoothing <= 1, "sentimentSmoothing", $"must be in (0, 1]; was {SentimentSmoothing}");
        Check(DeEscalationSentiment >= -1 && DeEscalationSentiment <= 1, "deEscalationSentiment", $"must be in [-1, 1]; was {DeEscalationSentiment}");
        Check(Unit(LowConfidenceThreshold), "lowConfidenceThreshold", $"must be in [0, 1]; was {LowConfidenceThreshold}");
        Check(Protocol is { Count: > 0 }, "protocol", "must list at least one action");
        if (Protocol is not null)
        {
            for (int i = 0; i < Protocol.Count; i++)
            {
                Check(Protocol[i] != ProtocolAction.None && Enum.IsDefined(Protocol[i]), $"protocol[{i}]", $"must be an action; was {Protocol[i]}");
            }
        }

        Check(SevereAction != ProtocolAction.None && Enum.IsDefined(SevereAction), "severeAction", "must be an action");
        Check(Frustration is not null, "frustration", "must not be null");
    }

    internal ProtocolAction ActionForStrike(int strike, Severity severity)
    {
        if (severity >= Severity.Severe)
        {
            return SevereAction;
        }

        int i = Math.Clamp(strike - 1, 0, Protocol.Count - 1);
        return Protocol[i];
    }
}
