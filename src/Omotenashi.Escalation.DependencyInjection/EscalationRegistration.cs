using Omotenashi.Escalation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The configuration collected for one engine (the default one or a named one) across every
/// <c>AddOmotenashiEscalation</c> call; kept in the service collection so later calls add to it.
/// </summary>
internal sealed class EscalationRegistration(string? name)
{
    /// <summary>The service key of the default engine's registration (the engine itself is not keyed).</summary>
    public static readonly object DefaultKey = new();

    public string? Name { get; } = name;

    public List<Action<IServiceProvider, EscalationEngineBuilder>> Engine { get; } = [];

    public List<Action<InMemoryConversationStateStoreOptions>> Store { get; } = [];

    public EscalationEngine BuildEngine(IServiceProvider services)
    {
        // Set first, so a configure delegate can still replace it.
        var builder = new EscalationEngineBuilder { MeterFactory = services.GetService<System.Diagnostics.Metrics.IMeterFactory>() };
        foreach (var configure in Engine)
        {
            configure(services, builder);
        }

        return builder.Build();
    }

    public InMemoryConversationStateStore BuildStore(IServiceProvider services)
    {
        var options = new InMemoryConversationStateStoreOptions();
        foreach (var configure in Store)
        {
            configure(options);
        }

        return new InMemoryConversationStateStore(options, services.GetService<TimeProvider>());
    }
}
