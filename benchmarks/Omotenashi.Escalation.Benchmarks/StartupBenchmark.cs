using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Omotenashi.Escalation;

namespace Omotenashi.Escalation.Benchmarks;

/// <summary>
/// Start-up: building an engine with every built-in pack (budget: well under 100 ms), against an empty engine.
/// <see cref="BuildDefaults"/> hits the per-process cache of the compiled built-in packs after its first call;
/// <see cref="BuildWithHostPack"/> adds one host rule, so everything is compiled again: the real compile cost.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
public class StartupBenchmark
{
    [Benchmark(Baseline = true)]
    public EscalationEngine BuildEmpty() => new EscalationEngineBuilder { UseBuiltInPacks = false }.Build();

    [Benchmark]
    public EscalationEngine BuildDefaults() => new EscalationEngineBuilder().Build();

    [Benchmark]
    public EscalationEngine BuildWithHostPack() => new EscalationEngineBuilder()
        .AddRulePackJson("""{"language":"en","rules":[{"id":"acme.insult.nincompoop","category":"insult","patterns":["nincompoop"]}]}""")
        .Build();
}
