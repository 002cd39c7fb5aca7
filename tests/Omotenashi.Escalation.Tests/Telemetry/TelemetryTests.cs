using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Omotenashi.Escalation.Tests.Telemetry;

/// <summary>Activity listeners are process-wide, so these tests run alone.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests : IDisposable
{
    private const string BotText = "Hi, what time do you open on Saturday? This is john.smith@example.com";
    private const string HumanText = "My name is Taro Yamada (taro.yamada@example.co.jp, +81 90-1234-5678). Can I please talk to a real person?";
    private const string AbuseText = "You are a useless idiot, Hanako Suzuki, and I know where you live. Write to hanako@example.org!";

    private static readonly string[] Personal =
        ["@", "john", "smith", "example", "taro", "yamada", "hanako", "suzuki", "90-1234", "5678", "saturday", "idiot", "live", "person"];

    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
    private readonly EscalationEngine _engine;

    public TelemetryTests()
    {
        _engine = new EscalationEngineBuilder { MeterFactory = _meters }.UsePolicy(EscalationPolicy.Omotenashi).Build();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this test's engine: its meter comes from this test's factory.
            if (ReferenceEquals(instrument.Meter.Scope, _meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public void Meter_UsesTheLibraryNameAndTheConfiguredFactory()
    {
        var meter = Assert.Single(_meters.Meters);
        Assert.Equal(EscalationTelemetry.Name, meter.Name);
        Assert.Equal("Omotenashi.Escalation", EscalationTelemetry.Name);
    }

    [Fact]
    public void Decide_CountsDecisionsByRoute()
    {
        var routes = DecideThree();
        Assert.Equal([Route.Bot, Route.Human, Route.KasuHara], routes);

        var decisions = Of(EscalationTelemetry.DecisionsInstrument);
        Assert.Equal(3, decisions.Count);
        Assert.All(decisions, m => Assert.Equal(1, m.Value));
        Assert.Equal(["bot", "human", "kasuhara"], decisions.Select(m => Tag(m.Tags, "route")).Order().ToArray());
        Assert.All(decisions, m => Assert.Equal("Omotenashi", Tag(m.Tags, "policy")));
        Assert.All(decisions, m => Assert.Equal("en", Tag(m.Tags, "language")));
    }

    [Fact]
    public void Decide_KasuHara_CountsEachCategory()
    {
        var d = _engine.Decide(AbuseText);
        Assert.Equal(Route.KasuHara, d.Route);

        var categories = Of(EscalationTelemetry.KasuHaraInstrument).Select(m => Tag(m.Tags, "category")).Order().ToArray();
        var expected = Enum.GetValues<KasuHaraCategories>()
            .Where(c => c != KasuHaraCategories.None && d.KasuHara.Categories.HasFlag(c))
            .Select(c => c == KasuHaraCategories.TimeBinding ? "time-binding" : c.ToString().ToLowerInvariant())
            .Order()
            .ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, categories);
        Assert.Contains("insult", categories);
        Assert.Contains("threat", categories);
    }

    [Fact]
    public void Decide_FrustrationIsNotCountedAsKasuHara()
    {
        var d = _engine.Decide("This fucking app is BROKEN again, I am so angry!!!");
        Assert.NotEqual(Route.KasuHara, d.Route);
        Assert.Empty(Of(EscalationTelemetry.KasuHaraInstrument));
    }

    [Fact]
    public void Decide_RecordsDurationInSecondsByRoute()
    {
        DecideThree();
        var durations = Of(EscalationTelemetry.DurationInstrument);
        Assert.Equal(3, durations.Count);
        Assert.All(durations, m => Assert.InRange(m.Value, double.Epsilon, 5.0));
        Assert.Equal(["bot", "human", "kasuhara"], durations.Select(m => Tag(m.Tags, "route")).Order().ToArray());
    }

    [Fact]
    public void Instruments_HaveUnitsAndDescriptions()
    {
        var published = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, _) =>
            {
                if (ReferenceEquals(i.Meter.Scope, _meters))
                {
                    published.Add(i);
                }
            },
        };
        listener.Start();

        Assert.Equal(
            [EscalationTelemetry.DecisionsInstrument, EscalationTelemetry.DurationInstrument, EscalationTelemetry.KasuHaraInstrument],
            published.Select(i => i.Name).Order().ToArray());
        Assert.IsType<Histogram<double>>(published.Single(i => i.Name == EscalationTelemetry.DurationInstrument));
        Assert.Equal("s", published.Single(i => i.Name == EscalationTelemetry.DurationInstrument).Unit);
        Assert.All(published, i => Assert.False(string.IsNullOrEmpty(i.Description)));
    }

    [Fact]
    public void Activity_IsCreatedWhenListenedTo_WithRouteTags()
    {
        using var parentSource = new ActivitySource("Omotenashi.Escalation.Tests.Parent");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Listen(ActivitySamplingResult.AllDataAndRecorded, started: null, stopped);
        using var parent = parentSource.StartActivity("test");
        Assert.NotNull(parent);

        DecideThree();

        var mine = stopped.Where(a => a.Source.Name == EscalationTelemetry.Name && a.TraceId == parent.TraceId).ToList();
        Assert.Equal(3, mine.Count);
        Assert.All(mine, a => Assert.Equal("omotenashi.escalation.decide", a.OperationName));
        Assert.All(mine, a => Assert.Equal(parent.SpanId, a.ParentSpanId));
        Assert.Equal(["bot", "human", "kasuhara"], mine.Select(a => a.GetTagItem("omotenashi.route") as string ?? "<missing>").Order().ToArray());
        Assert.All(mine, a => Assert.True(a.Duration > TimeSpan.Zero));
    }

    [Fact]
    public void Activity_IsNotCreatedWhenNobodySamplesIt()
    {
        Assert.False(EscalationTelemetry.ActivitySource.HasListeners());

        var started = new ConcurrentQueue<Activity>();
        using (Listen(ActivitySamplingResult.None, started, stopped: null))
        {
            Assert.True(EscalationTelemetry.ActivitySource.HasListeners());
            DecideThree();
        }

        Assert.DoesNotContain(started, a => a.Source.Name == EscalationTelemetry.Name);
        Assert.False(EscalationTelemetry.ActivitySource.HasListeners());
    }

    [Fact]
    public void NoTagNameOrValue_EverContainsCustomerText()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Listen(ActivitySamplingResult.AllDataAndRecorded, started: null, stopped);
        string[] texts =
        [
            BotText, HumanText, AbuseText,
            "山田太郎です。メールは yamada.taro@example.jp、電話は 090-1234-5678。お前みたいなバカじゃ話にならない。土下座しろ！",
            "Ich heiße Klaus Müller, klaus@example.de. Sie sind ein Idiot!",
            "Card 4111 1111 1111 1111 was charged twice, I want to die",
        ];
        var state = ConversationState.Initial;
        foreach (string text in texts)
        {
            state = _engine.Decide(new CustomerTurn(text) { Timestamp = DateTimeOffset.UnixEpoch, CustomerTier = "gold" }, state).State;
        }

        var tags = _measurements.SelectMany(m => m.Tags)
            .Concat(stopped.Where(a => a.Source.Name == EscalationTelemetry.Name).SelectMany(a => a.TagObjects))
            .ToList();
        Assert.NotEmpty(tags);
        string[] allowedKeys = ["route", "category", "language", "policy", "omotenashi.route", "omotenashi.language", "omotenashi.policy", "omotenashi.policy_version"];
        foreach (var (key, value) in tags)
        {
            Assert.Contains(key, allowedKeys);
            string v = Assert.IsType<string>(value);
            Assert.True(v.Length <= 32, $"tag {key} is suspiciously long: {v.Length} characters");
            foreach (string token in Personal.Concat(["yamada", "山田", "klaus", "müller", "4111", "090", "die", "gold", "バカ", "土下座"]))
            {
                Assert.DoesNotContain(token, v, StringComparison.OrdinalIgnoreCase);
            }

            foreach (string text in texts)
            {
                Assert.False(v.Length >= 4 && text.Contains(v, StringComparison.OrdinalIgnoreCase) && !IsVocabulary(v), $"tag {key}={v} is taken from the customer's text");
            }
        }

        foreach (var a in stopped.Where(a => a.Source.Name == EscalationTelemetry.Name))
        {
            Assert.Equal("omotenashi.escalation.decide", a.DisplayName);
            Assert.Empty(a.Events);
            Assert.Empty(a.Baggage);
        }

        // Tag values that may legitimately occur as words in a text: route, category, language and policy names.
        static bool IsVocabulary(string v) => v is "bot" or "human" or "kasuhara" or "insult" or "threat" or "exposure" or "demand" or "sexual" or "discrimination" or "time-binding"
            || v.Length <= 3 || v.StartsWith("Omotenashi", StringComparison.Ordinal) || char.IsDigit(v[0]);
    }

    private Route[] DecideThree()
    {
        var s = ConversationState.Initial;
        var routes = new Route[3];
        string[] texts = [BotText, HumanText, AbuseText];
        for (int i = 0; i < texts.Length; i++)
        {
            var d = _engine.Decide(texts[i], s);
            routes[i] = d.Route;
            s = d.State;
        }

        return routes;
    }

    private List<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Of(string instrument)
        => _measurements.Where(m => m.Instrument == instrument).ToList();

    private static string Tag(KeyValuePair<string, object?>[] tags, string key) => tags.Single(t => t.Key == key).Value as string ?? "<not a string>";

    private static ActivityListener Listen(ActivitySamplingResult sampling, ConcurrentQueue<Activity>? started, ConcurrentQueue<Activity>? stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is EscalationTelemetry.Name or "Omotenashi.Escalation.Tests.Parent",
            Sample = (ref ActivityCreationOptions<ActivityContext> o) => o.Source.Name == EscalationTelemetry.Name ? sampling : ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a => started?.Enqueue(a),
            ActivityStopped = a => stopped?.Enqueue(a),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>What Microsoft.Extensions.Diagnostics' factory does: meters scoped to the factory, disposed with it.</summary>
    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Meters { get; } = [];

        public Meter Create(MeterOptions options)
        {
            options.Scope = this;
            var meter = new Meter(options);
            Meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var m in Meters)
            {
                m.Dispose();
            }
        }
    }
}
