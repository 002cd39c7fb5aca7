using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omotenashi.Escalation.ML.Internal;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EvaluationReportJson))]
[JsonSerializable(typeof(ModelMetadata))]
internal sealed partial class MLJsonContext : JsonSerializerContext
{
    public static MLJsonContext Indented { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    });
}

internal sealed class EvaluationReportJson
{
    public string Source { get; set; } = string.Empty;

    public int Count { get; set; }

    public int Folds { get; set; }

    public string[] Labels { get; set; } = [];

    public ClassMetricsJson[] Classes { get; set; } = [];

    public double MacroF1 { get; set; }

    public double Accuracy { get; set; }

    public int[][] ConfusionMatrix { get; set; } = [];

    public double? KasuHaraThreshold { get; set; }

    public double? KasuHaraRocAuc { get; set; }

    public ThresholdPointJson[] ThresholdTable { get; set; } = [];
}

internal sealed class ClassMetricsJson
{
    public string Label { get; set; } = string.Empty;

    public double Precision { get; set; }

    public double Recall { get; set; }

    public double F1 { get; set; }

    public int Support { get; set; }
}

internal sealed class ThresholdPointJson
{
    public double Threshold { get; set; }

    public double Precision { get; set; }

    public double Recall { get; set; }

    public double F1 { get; set; }

    public int Flagged { get; set; }
}
