using System.Text.Json;

namespace Omotenashi.Escalation.ML.Tests.Evaluation;

public sealed class EvaluationReportTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    private static TrainingSet HeldOut() => new(
    [
        new("what time do you close on friday?", "bot"), new("can I pay with paypal", "bot"), new("日曜日の営業時間は？", "bot"),
        new("I want a real person, I have been waiting for weeks", "human"), new("担当者と話したい", "human"),
        new("you stupid useless idiot!!", "kasuhara"), new("お前は本当にバカだな", "kasuhara"), new("I know where you live, moron", "kasuhara"),
    ], "heldout");

    [Fact]
    public void Evaluate_ReportsPerLabelMetricsConfusionAndThresholdTable()
    {
        var report = fixture.Model.Evaluate(HeldOut());
        Assert.Equal(["bot", "human", "kasuhara"], report.Labels);
        Assert.Equal(8, report.Count);
        Assert.Equal(8, report.ConfusionMatrix.Sum(r => r.Sum()));
        Assert.Equal([3, 2, 3], report.Classes.Select(c => c.Support));
        Assert.Equal(19, report.ThresholdTable.Count);
        Assert.Equal(fixture.Model.Metadata.KasuHaraThreshold, report.KasuHaraThreshold);
        Assert.InRange(report.MacroF1, 0, 1);
    }

    [Fact]
    public void ToJson_HasTheDocumentedFields()
    {
        using var doc = JsonDocument.Parse(fixture.Model.Evaluate(HeldOut()).ToJson());
        var root = doc.RootElement;
        foreach (string field in new[] { "source", "count", "labels", "classes", "macroF1", "accuracy", "confusionMatrix", "kasuHaraThreshold", "kasuHaraRocAuc", "thresholdTable" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        var k = root.GetProperty("classes")[2];
        Assert.Equal("kasuhara", k.GetProperty("label").GetString());
        foreach (string field in new[] { "precision", "recall", "f1", "support" })
        {
            Assert.True(k.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public void ToText_IsReadable()
    {
        string text = fixture.Model.Evaluate(HeldOut()).ToText();
        Assert.Contains("macro-F1", text, StringComparison.Ordinal);
        Assert.Contains("confusion (rows: gold, columns: predicted)", text, StringComparison.Ordinal);
        Assert.Contains("kasuhara threshold", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EngineEvaluator_WithAndWithoutModel_ReportsRoutesAsLabels()
    {
        var without = EngineEvaluator.Evaluate(new EscalationEngineBuilder().Build(), HeldOut());
        var with = EngineEvaluator.Evaluate(new EscalationEngineBuilder().UseMLClassifier(fixture.Model).Build(), HeldOut());
        Assert.Equal(8, without.Count);
        Assert.True(with.KasuHara!.Recall >= without.KasuHara!.Recall, with.ToText() + without.ToText());
    }
}
