using System.Diagnostics.Metrics;
using System.Text;

namespace Omotenashi.Escalation;

/// <summary>
/// Configures and builds an <see cref="EscalationEngine"/>. The builder is mutable and not thread-safe;
/// <see cref="Build"/> validates everything once — policy, lexicons, rule packs — and throws one
/// <see cref="EscalationConfigurationException"/> listing every problem with file, line and field.
/// </summary>
/// <example>
/// <code>
/// var engine = new EscalationEngineBuilder()
///     .UsePolicy(EscalationPolicy.Omotenashi)
///     .AddRulePackFile("rules/acme.ja.json")
///     .Build();
/// </code>
/// </example>
public sealed class EscalationEngineBuilder
{
    /// <summary>The default for <see cref="MaxAnalyzedLength"/>: 4,096 characters.</summary>
    public const int DefaultMaxAnalyzedLength = 4096;

    /// <summary>The default for <see cref="MaxMatches"/>: 8,192 pattern matches per turn.</summary>
    public const int DefaultMaxMatches = 8192;

    private static readonly Lazy<CompiledKnowledge> BuiltInOnly = new(static () =>
    {
        var problems = new List<ConfigurationProblem>();
        var knowledge = CompiledKnowledge.Compile(BuiltInResources.All(), problems);
        return problems.Count > 0 ? throw new EscalationConfigurationException(problems) : knowledge;
    });

    private readonly List<KnowledgeSource> _sources = [];
    private readonly List<ConfigurationProblem> _deferredProblems = [];
    private EscalationPolicy _policy = EscalationPolicy.Balanced;
    private readonly Dictionary<string, EscalationPolicy> _languagePolicies = new(StringComparer.OrdinalIgnoreCase);
    private Func<List<ConfigurationProblem>, EscalationPolicy?>? _policyLoader;

    /// <summary>Whether the built-in lexicons and rule packs are included. The default value is <see langword="true"/>.</summary>
    public bool UseBuiltInPacks { get; set; } = true;

    /// <summary>Characters of a turn that are analysed; the rest is ignored. The default value is 4,096.</summary>
    public int MaxAnalyzedLength { get; set; } = DefaultMaxAnalyzedLength;

    /// <summary>Pattern matches collected per turn at most. The default value is 8,192.</summary>
    public int MaxMatches { get; set; } = DefaultMaxMatches;

    /// <summary>The classifier to combine with rules and sentiment. The default value is <see langword="null"/> (none).</summary>
    public IInteractionClassifier? Classifier { get; set; }

    /// <summary>The meter factory for the engine's instruments; the shared static meter is used when <see langword="null"/>.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>Uses a policy (a preset or your own).</summary>
    public EscalationEngineBuilder UsePolicy(EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _policyLoader = null;
        return this;
    }

    /// <summary>Uses a preset policy by name (<c>Balanced</c>, <c>Omotenashi</c>, <c>Transactional</c>) or a policy JSON file path.</summary>
    public EscalationEngineBuilder UsePolicy(string presetNameOrFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(presetNameOrFile);
        var preset = EscalationPolicy.GetPreset(presetNameOrFile);
        if (preset is not null)
        {
            return UsePolicy(preset);
        }

        _policyLoader = problems =>
        {
            if (!File.Exists(presetNameOrFile))
            {
                problems.Add(new ConfigurationProblem(presetNameOrFile, 0, "policy", "no such preset (Balanced, Omotenashi, Transactional) or file"));
                return null;
            }

            return PolicyLoader.Load(File.ReadAllText(presetNameOrFile), presetNameOrFile, problems);
        };
        return this;
    }

    /// <summary>
    /// Uses <paramref name="policy"/> for turns in <paramref name="language"/> (given or detected), for example a
    /// Japanese desk on <see cref="EscalationPolicy.Omotenashi"/> and the rest on <see cref="EscalationPolicy.Transactional"/>.
    /// The language must be one the engine knows (a built-in language or one of an added rule pack).
    /// </summary>
    public EscalationEngineBuilder UsePolicy(string language, EscalationPolicy policy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ArgumentNullException.ThrowIfNull(policy);
        _languagePolicies[language] = policy;
        return this;
    }

    /// <summary>Uses a policy given as JSON text.</summary>
    public EscalationEngineBuilder UsePolicyJson(string json, string sourceName = "policy.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        _policyLoader = problems => PolicyLoader.Load(json, sourceName, problems);
        return this;
    }

    /// <summary>Adds a rule pack given as JSON text; its rules add to the built-in ones and override rules with the same id.</summary>
    public EscalationEngineBuilder AddRulePackJson(string json, string sourceName = "rules.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        _sources.Add(new RulePackSource(Encoding.UTF8.GetBytes(json), sourceName, BuiltIn: false));
        return this;
    }

    /// <summary>Adds a rule pack from a JSON file.</summary>
    public EscalationEngineBuilder AddRulePackFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            _deferredProblems.Add(new ConfigurationProblem(path, 0, "file", "not found"));
            return this;
        }

        return AddRulePackJson(File.ReadAllText(path), path);
    }

    /// <summary>Adds sentiment lexicon entries (<c>term&lt;TAB&gt;valence</c> lines, valence in [-4, 4]) for a language; they override built-in terms.</summary>
    public EscalationEngineBuilder AddLexicon(string language, string tsv, string sourceName = "lexicon.tsv")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ArgumentNullException.ThrowIfNull(tsv);
        _sources.Add(new LexiconSource(language, tsv, sourceName, Modifiers: false, BuiltIn: false));
        return this;
    }

    /// <summary>Adds sentiment modifiers (<c>term&lt;TAB&gt;kind[&lt;TAB&gt;value]</c>) for a language.</summary>
    public EscalationEngineBuilder AddModifiers(string language, string tsv, string sourceName = "modifiers.tsv")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ArgumentNullException.ThrowIfNull(tsv);
        _sources.Add(new LexiconSource(language, tsv, sourceName, Modifiers: true, BuiltIn: false));
        return this;
    }

    /// <summary>Combines a classifier with rules and sentiment (weighted by <see cref="EscalationPolicy.ClassifierWeight"/>).</summary>
    public EscalationEngineBuilder UseClassifier(IInteractionClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        Classifier = classifier;
        return this;
    }

    /// <summary>Validates the configuration and builds an immutable, thread-safe engine.</summary>
    /// <exception cref="EscalationConfigurationException">Listing every problem found.</exception>
    public EscalationEngine Build()
    {
        var problems = new List<ConfigurationProblem>(_deferredProblems);
        var policy = _policy;
        if (_policyLoader is not null)
        {
            policy = _policyLoader(problems) ?? policy;
        }
        else
        {
            policy.Validate("policy " + policy.Name, problems);
        }

        if (MaxAnalyzedLength < 16)
        {
            problems.Add(new ConfigurationProblem("builder", 0, nameof(MaxAnalyzedLength), $"must be at least 16; was {MaxAnalyzedLength}"));
        }

        if (MaxMatches < 64)
        {
            problems.Add(new ConfigurationProblem("builder", 0, nameof(MaxMatches), $"must be at least 64; was {MaxMatches}"));
        }

        CompiledKnowledge knowledge;
        if (UseBuiltInPacks && _sources.Count == 0)
        {
            // The common case: only the built-in packs. They are compiled once per process and shared
            // (the compiled form is immutable).
            knowledge = BuiltInOnly.Value;
        }
        else
        {
            var sources = UseBuiltInPacks ? BuiltInResources.All().Concat(_sources) : _sources;
            knowledge = CompiledKnowledge.Compile(sources, problems);
        }
        EscalationPolicy?[]? byLanguage = null;
        foreach (var (language, languagePolicy) in _languagePolicies)
        {
            languagePolicy.Validate($"policy {languagePolicy.Name} ({language})", problems);
            int index = knowledge.Languages.IndexOf(language);
            if (index <= LanguageTable.Undetermined)
            {
                problems.Add(new ConfigurationProblem("builder", 0, "UsePolicy(language)", $"'{language}' is not a language of this engine; add a rule pack or lexicon for it first"));
                continue;
            }

            byLanguage ??= new EscalationPolicy?[knowledge.Languages.Count];
            byLanguage[index] = languagePolicy;
        }

        if (problems.Count > 0)
        {
            throw new EscalationConfigurationException(problems);
        }

        return new EscalationEngine(knowledge, policy, Classifier, MaxAnalyzedLength, MaxMatches, new EngineInstruments(MeterFactory), byLanguage);
    }
}
