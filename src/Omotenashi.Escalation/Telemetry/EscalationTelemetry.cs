using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Omotenashi.Escalation;

/// <summary>
/// The library's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named
/// <c>Omotenashi.Escalation</c>. Tags carry routes, categories, languages and policy names only: never
/// customer text or personal data.
/// </summary>
public static class EscalationTelemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "Omotenashi.Escalation";

    /// <summary>Counter of decisions, tagged <c>route</c>, <c>language</c>, <c>policy</c>.</summary>
    public const string DecisionsInstrument = "omotenashi.escalation.decisions";

    /// <summary>Counter of kasu-hara decisions per category, tagged <c>category</c>.</summary>
    public const string KasuHaraInstrument = "omotenashi.escalation.kasuhara";

    /// <summary>Histogram of decision duration in seconds.</summary>
    public const string DurationInstrument = "omotenashi.escalation.duration";

    /// <summary>The activity source (activities are created only when someone listens).</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, typeof(EscalationTelemetry).Assembly.GetName().Version?.ToString());
}

/// <summary>Instruments of one engine, created from an <see cref="IMeterFactory"/> when the host has one.</summary>
internal sealed class EngineInstruments
{
    private static readonly Meter SharedMeter = new(EscalationTelemetry.Name, typeof(EscalationTelemetry).Assembly.GetName().Version?.ToString());

    public EngineInstruments(IMeterFactory? factory)
    {
        var meter = factory?.Create(EscalationTelemetry.Name) ?? SharedMeter;
        Decisions = meter.CreateCounter<long>(EscalationTelemetry.DecisionsInstrument, unit: "{decision}", description: "Escalation decisions, by route.");
        KasuHara = meter.CreateCounter<long>(EscalationTelemetry.KasuHaraInstrument, unit: "{decision}", description: "Kasu-hara decisions, by category.");
        Duration = meter.CreateHistogram<double>(EscalationTelemetry.DurationInstrument, unit: "s", description: "Time to decide one turn.");
    }

    public Counter<long> Decisions { get; }

    public Counter<long> KasuHara { get; }

    public Histogram<double> Duration { get; }

    public static readonly string[] RouteNames = ["bot", "human", "kasuhara"];

    public static readonly string[] CategoryNames = ["insult", "threat", "exposure", "demand", "sexual", "discrimination", "time-binding"];
}
