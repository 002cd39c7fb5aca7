using Omotenashi.Escalation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures one engine registered by <see cref="EscalationServiceCollectionExtensions.AddOmotenashiEscalation(IServiceCollection, Action{EscalationEngineBuilder}?)"/>:
/// the default engine, or a named (keyed) one for a tenant. Every configuration added here runs, in order,
/// when the engine is first resolved.
/// </summary>
public sealed class OmotenashiEscalationBuilder
{
    private readonly EscalationRegistration _registration;

    internal OmotenashiEscalationBuilder(IServiceCollection services, EscalationRegistration registration)
    {
        Services = services;
        _registration = registration;
    }

    /// <summary>The service collection the engine is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The engine's service key (tenant name), or <see langword="null"/> for the default engine.</summary>
    public string? Name => _registration.Name;

    /// <summary>Adds a configuration of the engine builder.</summary>
    /// <param name="configure">Configures the engine: policy, rule packs, lexicons, classifier, limits.</param>
    public OmotenashiEscalationBuilder Configure(Action<EscalationEngineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _registration.Engine.Add((_, builder) => configure(builder));
        return this;
    }

    /// <summary>Adds a configuration of the engine builder that needs other services (a classifier, the host's paths).</summary>
    /// <param name="configure">Configures the engine, given the service provider.</param>
    public OmotenashiEscalationBuilder Configure(Action<IServiceProvider, EscalationEngineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _registration.Engine.Add(configure);
        return this;
    }

    /// <summary>Uses a policy JSON file (or a preset name: <c>Balanced</c>, <c>Omotenashi</c>, <c>Transactional</c>).</summary>
    /// <param name="presetNameOrFile">The preset name or the path of the policy file.</param>
    /// <remarks>Files are read when the engine is first resolved; a missing or invalid file fails then with an <see cref="EscalationConfigurationException"/> naming the file, line and field.</remarks>
    public OmotenashiEscalationBuilder UsePolicy(string presetNameOrFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(presetNameOrFile);
        return Configure(builder => builder.UsePolicy(presetNameOrFile));
    }

    /// <summary>Adds a rule pack JSON file; its rules add to the built-in ones and override rules with the same id.</summary>
    /// <param name="path">The path of the rule pack.</param>
    public OmotenashiEscalationBuilder AddRulePackFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Configure(builder => builder.AddRulePackFile(path));
    }

    /// <summary>
    /// Bounds the in-memory <see cref="IConversationStateStore"/> registered with this engine (capacity, sliding
    /// expiry). Has no effect when the host registered its own store first.
    /// </summary>
    /// <param name="configure">Sets the bounds.</param>
    public OmotenashiEscalationBuilder ConfigureStateStore(Action<InMemoryConversationStateStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _registration.Store.Add(configure);
        return this;
    }
}
