using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Omotenashi.Escalation;

namespace Omotenashi.Escalation.Benchmarks;

/// <summary>Start-up: building an engine with every built-in pack (budget: well under 100 ms), against an empty engine.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
public class StartupBenchmark
{
    [Benchmark(Baseline = true)]
    public EscalationEngine BuildEmpty() => new EscalationEngineBuilder { UseBuiltInPacks = false }.Build();

    [Benchmark]
    public EscalationEngine BuildDefaults() => new EscalationEngineBuilder().Build();
}
