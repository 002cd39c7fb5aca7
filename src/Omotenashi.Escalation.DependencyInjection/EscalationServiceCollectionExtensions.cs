using Microsoft.Extensions.DependencyInjection.Extensions;
using Omotenashi.Escalation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Omotenashi.Escalation engines and conversation state stores in a service collection.</summary>
/// <remarks>
/// <para>
/// Registrations use <c>TryAdd</c>, so calling these methods twice (from two libraries, say) registers one engine;
/// the configurations of both calls are applied, in order. Engines are singletons: immutable, thread-safe and
/// built on first use, which is when configuration errors surface as an <see cref="EscalationConfigurationException"/>
/// (resolve the engine at start-up to fail fast).
/// </para>
/// <para>
/// The engine's instruments are created from the container's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>
/// when one is registered (as ASP.NET Core and the generic host do), the library's shared meter otherwise. The
/// engine reads no clock (durations come from turn timestamps, so decisions are deterministic); the in-memory
/// state store measures expiry on the container's <see cref="TimeProvider"/>, or <see cref="TimeProvider.System"/>.
/// </para>
/// </remarks>
public static class EscalationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default <see cref="EscalationEngine"/> and an in-memory <see cref="IConversationStateStore"/>
    /// (unless one is registered already).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the engine (policy, rule pack files, classifier …); the defaults when <see langword="null"/>.</param>
    /// <returns>A builder to configure the engine further.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddOmotenashiEscalation(b => b.UsePolicy(EscalationPolicy.Omotenashi).AddRulePackFile("rules/acme.ja.json"));
    /// // then inject EscalationEngine and IConversationStateStore
    /// </code>
    /// </example>
    public static OmotenashiEscalationBuilder AddOmotenashiEscalation(this IServiceCollection services, Action<EscalationEngineBuilder>? configure = null)
    {
        var builder = AddCore(services, name: null);
        return configure is null ? builder : builder.Configure(configure);
    }

    /// <summary>Registers the default <see cref="EscalationEngine"/>, configured with access to other services.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the engine, given the service provider.</param>
    /// <returns>A builder to configure the engine further.</returns>
    public static OmotenashiEscalationBuilder AddOmotenashiEscalation(this IServiceCollection services, Action<IServiceProvider, EscalationEngineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, name: null).Configure(configure);
    }

    /// <summary>
    /// Registers a named engine (for a tenant, a brand or a language desk) as a keyed service, with its own keyed
    /// in-memory <see cref="IConversationStateStore"/> so tenants never see each other's conversations. Inject it
    /// with <c>[FromKeyedServices("tenant-a")] EscalationEngine engine</c> or resolve it with
    /// <c>GetRequiredKeyedService&lt;EscalationEngine&gt;("tenant-a")</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The service key.</param>
    /// <param name="configure">Configures the engine; the defaults when <see langword="null"/>.</param>
    /// <returns>A builder to configure the engine further.</returns>
    public static OmotenashiEscalationBuilder AddOmotenashiEscalation(this IServiceCollection services, string name, Action<EscalationEngineBuilder>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var builder = AddCore(services, name);
        return configure is null ? builder : builder.Configure(configure);
    }

    /// <summary>Registers a named engine as a keyed service, configured with access to other services.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The service key.</param>
    /// <param name="configure">Configures the engine, given the service provider.</param>
    /// <returns>A builder to configure the engine further.</returns>
    public static OmotenashiEscalationBuilder AddOmotenashiEscalation(this IServiceCollection services, string name, Action<IServiceProvider, EscalationEngineBuilder> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, name).Configure(configure);
    }

    private static OmotenashiEscalationBuilder AddCore(IServiceCollection services, string? name)
    {
        ArgumentNullException.ThrowIfNull(services);
        object key = name ?? EscalationRegistration.DefaultKey;
        var registration = Find(services, key);
        if (registration is null)
        {
            registration = new EscalationRegistration(name);
            services.AddKeyedSingleton(key, registration);
        }

        if (name is null)
        {
            services.TryAddSingleton(sp => registration.BuildEngine(sp));
            services.TryAddSingleton<IConversationStateStore>(sp => registration.BuildStore(sp));
        }
        else
        {
            services.TryAddKeyedSingleton(name, (sp, _) => registration.BuildEngine(sp));
            services.TryAddKeyedSingleton<IConversationStateStore>(name, (sp, _) => registration.BuildStore(sp));
        }

        return new OmotenashiEscalationBuilder(services, registration);
    }

    private static EscalationRegistration? Find(IServiceCollection services, object key)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(EscalationRegistration) && descriptor.IsKeyedService && Equals(descriptor.ServiceKey, key))
            {
                return (EscalationRegistration?)descriptor.KeyedImplementationInstance;
            }
        }

        return null;
    }
}
