using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Omotenashi.Escalation.ML.Tests;

public sealed class MLInteractionClassifierTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Predict_EightThreads_SameAsOneThread()
    {
        var classifier = fixture.Model.CreateClassifier();
        var texts = Enumerable.Range(0, 400).Select(i => SampleTurns.Probes[i % SampleTurns.Probes.Length] + (i % 7 == 0 ? " " + i : string.Empty)).ToArray();
        var expected = texts.Select(classifier.Predict).ToArray();
        var actual = new ClassifierPrediction[texts.Length];
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int round = 0; round < 3; round++)
            {
                for (int i = t; i < texts.Length; i += 8)
                {
                    actual[i] = classifier.Predict(texts[i]);
                }
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Predict_EngineInput_MatchesRawTextThroughTheSameNormaliser()
    {
        var classifier = fixture.Model.CreateClassifier();
        foreach (string probe in SampleTurns.Probes)
        {
            string normalized = EscalationText.Normalize(probe);
            Assert.Equal(classifier.Predict(probe), classifier.Predict(new ClassifierInput(probe, normalized, "und")));
        }
    }

    [Fact]
    public void Predict_AtTheThreshold_GivesTheEngineItsVoteLine()
    {
        var classifier = fixture.Model.CreateClassifier();
        double t = classifier.Metadata.KasuHaraThreshold;
        Assert.Equal(0.5, MLInteractionClassifier.Calibrate(t, t), 12);
        var insult = classifier.Predict("you stupid useless idiot!!");
        var raw = classifier.PredictProbabilities("you stupid useless idiot!!");
        Assert.Equal(MLInteractionClassifier.Calibrate(raw.KasuHara, t), insult.KasuHara, 12);
        Assert.Equal(raw.Bot, insult.Bot);
        Assert.Equal("mlnet-sdca", classifier.Name);
    }

    [Property(MaxTest = 300)]
    public Property Calibrate_IsMonotoneInUnitRange_AndMapsThresholdToHalf() => Prop.ForAll(
        Gen.Choose(1, 99).ToArbitrary(),
        Gen.Choose(0, 1000).ToArbitrary(),
        Gen.Choose(0, 1000).ToArbitrary(),
        (tp, ap, bp) =>
        {
            double t = tp / 100.0, a = ap / 1000.0, b = bp / 1000.0;
            double ca = MLInteractionClassifier.Calibrate(a, t), cb = MLInteractionClassifier.Calibrate(b, t);
            return ca is >= 0 and <= 1
                && (a <= b ? ca <= cb : ca >= cb)
                && (a >= t) == (ca >= 0.5 - 1e-12)
                && Math.Abs(MLInteractionClassifier.Calibrate(t, t) - 0.5) < 1e-12;
        });

    [Fact]
    public void Decide_WithClassifier_ShowsClassifierKasuHaraReason()
    {
        var engine = new EscalationEngineBuilder().UseMLClassifier(fixture.Model).Build();
        var d = engine.Decide("shut up you stupid moron!!!");
        Assert.True(d.Reasons.Contains(ReasonCodes.ClassifierKasuHara), d.ToString());
        var reason = d.Reasons.First(r => r.Code == ReasonCodes.ClassifierKasuHara);
        Assert.Equal(ReasonSource.Classifier, reason.Source);
        Assert.Equal("mlnet-sdca", reason.RuleId);
        Assert.Equal(Route.KasuHara, d.Route);
    }

    [Fact]
    public void Decide_RoutineQuestionWithClassifier_StaysWithTheBot()
    {
        var engine = new EscalationEngineBuilder().UseMLClassifier(fixture.Model).Build();
        var d = engine.Decide("what time do you close on friday?");
        Assert.Equal(Route.Bot, d.Route);
        Assert.False(d.Reasons.Contains(ReasonCodes.ClassifierKasuHara));
    }
}
