using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Omotenashi.Escalation.ML;

/// <summary>
/// How well a model labels turns: per-label precision / recall / F1, macro-F1, the confusion matrix, and for the
/// kasu-hara label the threshold used, ROC-AUC and a threshold table. Printable as JSON (<see cref="ToJson"/>)
/// or as text (<see cref="ToText"/>). A turn is predicted kasuhara when its kasu-hara probability reaches the
/// threshold, else with its most probable other label.
/// </summary>
public sealed class EvaluationReport
{
    internal EvaluationReport(
        string source,
        int count,
        int folds,
        IReadOnlyList<string> labels,
        IReadOnlyList<ClassMetrics> classes,
        double macroF1,
        double accuracy,
        int[][] confusion,
        double? kasuHaraThreshold,
        double? kasuHaraRocAuc,
        IReadOnlyList<ThresholdPoint> thresholdTable)
    {
        Source = source;
        Count = count;
        Folds = folds;
        Labels = labels;
        Classes = classes;
        MacroF1 = macroF1;
        Accuracy = accuracy;
        ConfusionMatrix = confusion;
        KasuHaraThreshold = kasuHaraThreshold;
        KasuHaraRocAuc = kasuHaraRocAuc;
        ThresholdTable = thresholdTable;
    }

    /// <summary>The data evaluated on (a file name, or <c>memory</c>).</summary>
    public string Source { get; }

    /// <summary>The number of turns evaluated.</summary>
    public int Count { get; }

    /// <summary>Folds of cross-validation behind these figures, or 0 for a model evaluated on separate data.</summary>
    public int Folds { get; }

    /// <summary>The labels, in the order of the confusion matrix.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Precision, recall and F1 per label, in the order of <see cref="Labels"/>.</summary>
    public IReadOnlyList<ClassMetrics> Classes { get; }

    /// <summary>The unweighted mean of the labels' F1.</summary>
    public double MacroF1 { get; }

    /// <summary>The share of turns predicted with their label.</summary>
    public double Accuracy { get; }

    /// <summary>Counts of turns by gold label (rows) and predicted label (columns), in the order of <see cref="Labels"/>.</summary>
    public IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix { get; }

    /// <summary>The kasu-hara probability threshold used (for cross-validation: the mean of the per-fold thresholds), or <see langword="null"/> without a kasuhara label.</summary>
    public double? KasuHaraThreshold { get; }

    /// <summary>ROC-AUC of the kasu-hara probability, or <see langword="null"/> when not defined.</summary>
    public double? KasuHaraRocAuc { get; }

    /// <summary>Precision, recall and F1 of the kasuhara label at thresholds 0.05, 0.10, … 0.95.</summary>
    public IReadOnlyList<ThresholdPoint> ThresholdTable { get; }

    /// <summary>The metrics of the kasuhara label, or <see langword="null"/> when the data has none.</summary>
    public ClassMetrics? KasuHara => Classes.FirstOrDefault(static c => c.Label == ClassifierLabels.KasuHara);

    /// <summary>The report as indented JSON (camelCase names).</summary>
    public string ToJson(bool indented = true)
    {
        var dto = new Internal.EvaluationReportJson
        {
            Source = Source,
            Count = Count,
            Folds = Folds,
            Labels = [.. Labels],
            Classes = [.. Classes.Select(static c => new Internal.ClassMetricsJson { Label = c.Label, Precision = R(c.Precision), Recall = R(c.Recall), F1 = R(c.F1), Support = c.Support })],
            MacroF1 = R(MacroF1),
            Accuracy = R(Accuracy),
            ConfusionMatrix = [.. ConfusionMatrix.Select(static r => r.ToArray())],
            KasuHaraThreshold = KasuHaraThreshold is { } t ? R(t) : null,
            KasuHaraRocAuc = KasuHaraRocAuc is { } a ? R(a) : null,
            ThresholdTable = [.. ThresholdTable.Select(static p => new Internal.ThresholdPointJson { Threshold = R(p.Threshold), Precision = R(p.Precision), Recall = R(p.Recall), F1 = R(p.F1), Flagged = p.Flagged })],
        };
        var context = indented ? Internal.MLJsonContext.Indented : Internal.MLJsonContext.Default;
        return JsonSerializer.Serialize(dto, context.EvaluationReportJson);
    }

    /// <summary>The report as aligned text for a terminal or a log.</summary>
    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"Evaluation of {Source}: {Count} turns");
        sb.Append(Folds > 0 ? $", {Folds}-fold cross-validated" : string.Empty);
        if (KasuHaraThreshold is { } th)
        {
            sb.Append(c, $", kasuhara threshold {th:0.00}");
        }

        sb.AppendLine().AppendLine();
        sb.AppendLine("label       precision  recall     F1  support");
        foreach (var m in Classes)
        {
            sb.AppendLine(c, $"{m.Label,-10} {m.Precision,10:0.000} {m.Recall,7:0.000} {m.F1,6:0.000} {m.Support,8}");
        }

        sb.Append(c, $"macro-F1 {MacroF1:0.000}   accuracy {Accuracy:0.000}");
        if (KasuHaraRocAuc is { } auc)
        {
            sb.Append(c, $"   kasuhara ROC-AUC {auc:0.000}");
        }

        sb.AppendLine();
        sb.AppendLine().AppendLine("confusion (rows: gold, columns: predicted)");
        sb.Append(' ', 11);
        foreach (string l in Labels)
        {
            sb.Append(c, $"{l,10}");
        }

        sb.AppendLine();
        for (int i = 0; i < Labels.Count; i++)
        {
            sb.Append(c, $"{Labels[i],-11}");
            foreach (int n in ConfusionMatrix[i])
            {
                sb.Append(c, $"{n,10}");
            }

            sb.AppendLine();
        }

        if (ThresholdTable.Count > 0)
        {
            sb.AppendLine().AppendLine("kasuhara threshold  precision  recall     F1  flagged");
            foreach (var p in ThresholdTable)
            {
                sb.AppendLine(c, $"{p.Threshold,18:0.00} {p.Precision,10:0.000} {p.Recall,7:0.000} {p.F1,6:0.000} {p.Flagged,8}");
            }
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();

    private static double R(double v) => double.IsFinite(v) ? Math.Round(v, 4) : 0;
}
