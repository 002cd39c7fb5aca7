namespace Omotenashi.Escalation.ML.Internal;

/// <summary>A normalised turn as ML.NET sees it when predicting.</summary>
internal sealed class TextRow
{
    public string Text { get; set; } = string.Empty;
}

/// <summary>A normalised, labelled turn as ML.NET sees it when training.</summary>
internal sealed class LabeledRow
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}

/// <summary>The trainer's per-class probabilities, in the order of the model's labels.</summary>
internal sealed class ScoreRow
{
    public float[] Score { get; set; } = [];
}
