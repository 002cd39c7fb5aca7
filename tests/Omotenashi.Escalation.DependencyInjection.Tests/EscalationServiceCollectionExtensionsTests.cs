using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Omotenashi.Escalation.DependencyInjection.Tests;

public class EscalationServiceCollectionExtensionsTests
{
    private const string StrictPolicy = """{"name":"tenant-a-policy","version":"7","basedOn":"Transactional"}""";

    [Fact]
    public void AddOmotenashiEscalation_Defaults_ResolveAWorkingEngineAndStore()
    {
        using var sp = new ServiceCollection().AddOmotenashiEscalation().Services.BuildServiceProvider();
        var engine = sp.GetRequiredService<EscalationEngine>();
        Assert.Equal("Balanced", engine.Policy.Name);
        Assert.Equal(Route.Human, engine.Decide("Can I please talk to a real person?").Route);
        Assert.IsType<InMemoryConversationStateStore>(sp.GetRequiredService<IConversationStateStore>());
    }

    [Fact]
    public void AddOmotenashiEscalation_CalledTwice_RegistersOneEngineAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection();
        services.AddOmotenashiEscalation(b => b.MaxMatches = 1000);
        services.AddOmotenashiEscalation(b => b.UsePolicy(EscalationPolicy.Omotenashi));

        Assert.Single(services, d => d.ServiceType == typeof(EscalationEngine));
        Assert.Single(services, d => d.ServiceType == typeof(IConversationStateStore));
        using var sp = services.BuildServiceProvider();
        var engine = sp.GetRequiredService<EscalationEngine>();
        Assert.Same(engine, sp.GetRequiredService<EscalationEngine>());
        Assert.Equal(1000, engine.MaxMatches);
        Assert.Equal("Omotenashi", engine.Policy.Name);
    }

    [Fact]
    public void AddOmotenashiEscalation_HostEngineRegisteredFirst_IsKept()
    {
        var mine = new EscalationEngineBuilder().UsePolicy(EscalationPolicy.Transactional).Build();
        var services = new ServiceCollection().AddSingleton(mine);
        services.AddOmotenashiEscalation(b => b.UsePolicy(EscalationPolicy.Omotenashi));
        using var sp = services.BuildServiceProvider();
        Assert.Same(mine, sp.GetRequiredService<EscalationEngine>());
    }

    [Fact]
    public void KeyedTenants_GetTheirOwnPoliciesEnginesAndStores()
    {
        using var dir = new TempDir();
        string policyFile = dir.Write("tenant-a.policy.json", StrictPolicy);
        var services = new ServiceCollection();
        services.AddOmotenashiEscalation(b => b.UsePolicy(EscalationPolicy.Omotenashi));
        services.AddOmotenashiEscalation("tenant-a").UsePolicy(policyFile);
        services.AddOmotenashiEscalation("tenant-b", b => b.UsePolicy("Balanced"));
        services.AddSingleton<TenantDesk>();
        using var sp = services.BuildServiceProvider();

        var a = sp.GetRequiredKeyedService<EscalationEngine>("tenant-a");
        var b = sp.GetRequiredKeyedService<EscalationEngine>("tenant-b");
        var fallback = sp.GetRequiredService<EscalationEngine>();
        Assert.Equal(("tenant-a-policy", "7"), (a.Policy.Name, a.Policy.Version));
        Assert.Equal("Balanced", b.Policy.Name);
        Assert.Equal("Omotenashi", fallback.Policy.Name);
        Assert.NotSame(a, b);
        Assert.Equal("tenant-a-policy", a.Decide("hello").PolicyName);

        var desk = sp.GetRequiredService<TenantDesk>();
        Assert.Same(a, desk.Engine);
        Assert.Same(sp.GetRequiredKeyedService<IConversationStateStore>("tenant-a"), desk.Store);
        Assert.NotSame(desk.Store, sp.GetRequiredKeyedService<IConversationStateStore>("tenant-b"));
        Assert.NotSame(desk.Store, sp.GetRequiredService<IConversationStateStore>());
    }

    [Fact]
    public void RulePackFile_IsAppliedFromJson()
    {
        using var dir = new TempDir();
        string rules = dir.Write("acme.en.json", """
            {"language":"en","rules":[{"id":"acme.insult","category":"insult","severity":"high","weight":0.95,"target":"any","patterns":["zorgblatt"]}]}
            """);
        using var sp = new ServiceCollection().AddOmotenashiEscalation().AddRulePackFile(rules).Services.BuildServiceProvider();
        var d = sp.GetRequiredService<EscalationEngine>().Decide("you zorgblatt");
        Assert.True(d.Reasons.Contains(ReasonCodes.KasuHaraInsult), d.ToString());
        Assert.Contains(d.Reasons, r => r.RuleId == "acme.insult");
    }

    [Fact]
    public void BadConfigurationFile_FailsOnResolveNamingTheFile()
    {
        using var dir = new TempDir();
        string policyFile = dir.Write("broken.json", """{"name":"x","frustrationThreshold":7}""");
        using var sp = new ServiceCollection().AddOmotenashiEscalation("t").UsePolicy(policyFile).Services.BuildServiceProvider();
        var e = Assert.Throws<EscalationConfigurationException>(() => sp.GetRequiredKeyedService<EscalationEngine>("t"));
        Assert.Contains("broken.json", e.Message);
        Assert.Contains("frustrationThreshold", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MeterFactoryFromTheContainer_IsUsedForTheEngineInstruments()
    {
        var factory = new RecordingMeterFactory();
        var services = new ServiceCollection().AddSingleton<IMeterFactory>(factory);
        services.AddOmotenashiEscalation();
        using var sp = services.BuildServiceProvider();

        long decisions = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (ReferenceEquals(i.Meter.Scope, factory) && i.Name == EscalationTelemetry.DecisionsInstrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, v, _, _) => Interlocked.Add(ref decisions, v));
        listener.Start();

        var engine = sp.GetRequiredService<EscalationEngine>();
        engine.Decide("hello");
        engine.Decide("where is my parcel?");

        Assert.Equal(EscalationTelemetry.Name, Assert.Single(factory.Created).Name);
        Assert.Equal(2, Interlocked.Read(ref decisions));
    }

    [Fact]
    public void ConfigureDelegate_CanReplaceTheContainersMeterFactory()
    {
        var container = new RecordingMeterFactory();
        var mine = new RecordingMeterFactory();
        var services = new ServiceCollection().AddSingleton<IMeterFactory>(container);
        services.AddOmotenashiEscalation((sp, b) => b.MeterFactory = mine);
        using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<EscalationEngine>();
        Assert.Empty(container.Created);
        Assert.Single(mine.Created);
    }

    [Fact]
    public async Task StateStore_UsesTheContainersTimeProviderAndConfiguredBounds()
    {
        var clock = new ManualClock();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddOmotenashiEscalation().ConfigureStateStore(o =>
        {
            o.Capacity = 2;
            o.SlidingExpiration = TimeSpan.FromMinutes(5);
        });
        await using var sp = services.BuildServiceProvider();
        var store = (InMemoryConversationStateStore)sp.GetRequiredService<IConversationStateStore>();
        var engine = sp.GetRequiredService<EscalationEngine>();
        Assert.Equal(2, store.Capacity);

        await engine.DecideAsync(store, "c-1", "hello");
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.NotNull(await store.GetAsync("c-1"));
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(await store.GetAsync("c-1"));
    }

    [Fact]
    public void HostStore_RegisteredFirst_IsKept()
    {
        var mine = new InMemoryConversationStateStore();
        var services = new ServiceCollection().AddSingleton<IConversationStateStore>(mine);
        services.AddOmotenashiEscalation();
        using var sp = services.BuildServiceProvider();
        Assert.Same(mine, sp.GetRequiredService<IConversationStateStore>());
    }

    [Fact]
    public void ConcurrentResolution_BuildsOneEngine()
    {
        using var sp = new ServiceCollection().AddOmotenashiEscalation("t").Services.BuildServiceProvider();
        var engines = new EscalationEngine[16];
        Parallel.For(0, engines.Length, i => engines[i] = sp.GetRequiredKeyedService<EscalationEngine>("t"));
        Assert.All(engines, e => Assert.Same(engines[0], e));
    }

    [Fact]
    public void Arguments_AreValidated()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentException>(() => services.AddOmotenashiEscalation(" "));
        Assert.Throws<ArgumentNullException>(() => services.AddOmotenashiEscalation((Action<IServiceProvider, EscalationEngineBuilder>)null!));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddOmotenashiEscalation());
        var builder = services.AddOmotenashiEscalation("x");
        Assert.Equal("x", builder.Name);
        Assert.Same(services, builder.Services);
        Assert.Null(services.AddOmotenashiEscalation().Name);
    }

    private sealed class TenantDesk([FromKeyedServices("tenant-a")] EscalationEngine engine, [FromKeyedServices("tenant-a")] IConversationStateStore store)
    {
        public EscalationEngine Engine { get; } = engine;

        public IConversationStateStore Store { get; } = store;
    }

    private sealed class RecordingMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            options.Scope = this;
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var m in Created)
            {
                m.Dispose();
            }
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    private sealed class TempDir : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("omotenashi-di-").FullName;

        public string Write(string name, string content)
        {
            string file = Path.Combine(_path, name);
            File.WriteAllText(file, content);
            return file;
        }

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
