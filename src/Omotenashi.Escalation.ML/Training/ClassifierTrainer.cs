using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Omotenashi.Escalation.ML.Internal;

namespace Omotenashi.Escalation.ML;

/// <summary>
/// Trains an <see cref="EscalationModel"/> from labelled turns: normalisation by the core, word and character
/// n-grams, SDCA maximum entropy or LightGBM, seeded. With folds, it cross-validates first: every turn is scored by
/// a model that did not see it, the kasu-hara threshold that maximises F1 on those held-out scores is stored in the
/// model, and the cross-validated report is returned with it. The final model is then trained on all turns.
/// </summary>
public static class ClassifierTrainer
{
    /// <summary>Trains a model.</summary>
    /// <param name="data">The labelled turns (at least two labels, each with at least as many turns as folds).</param>
    /// <param name="options">The training options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The options are invalid or the data cannot be trained on.</exception>
    public static EscalationModel Train(TrainingSet data, ClassifierTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new ClassifierTrainingOptions();
        options.Validate();
        var labels = data.Labels;
        if (labels.Count < 2)
        {
            throw new ArgumentException($"{data.Source}: training needs at least two labels (bot, human, kasuhara); found {(labels.Count == 0 ? "none" : labels[0])}", nameof(data));
        }

        int folds = options.Folds >= 2 ? options.Folds : 0;
        var counts = labels.ToDictionary(static l => l, data.CountOf);
        foreach (var (label, n) in counts)
        {
            if (n < Math.Max(2, folds))
            {
                throw new ArgumentException($"{data.Source}: label '{label}' has {n} turn(s); at least {Math.Max(2, folds)} are needed{(folds > 0 ? $" for {folds}-fold cross-validation" : string.Empty)}", nameof(data));
            }
        }

        string trainerName = options.Trainer == ClassifierTrainerKind.LightGbm ? "lightgbm" : "sdca";
        var progress = options.Progress;
        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"training {trainerName} on {data.Count} turns ({string.Join(", ", counts.Select(static kv => $"{kv.Key} {kv.Value}"))}), seed {options.Seed}"));
        bool hasKasuHara = labels.Contains(ClassifierLabels.KasuHara);
        double threshold = 0.5;
        EvaluationReport? report = null;
        if (folds > 0)
        {
            (report, threshold) = CrossValidate(data, options, folds, hasKasuHara);
            string kasuhara = report.KasuHara is { } k
                ? string.Create(CultureInfo.InvariantCulture, $", kasuhara F1 {k.F1:0.000} (P {k.Precision:0.000}, R {k.Recall:0.000}); threshold {threshold:0.00}")
                : string.Empty;
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"cross-validated: macro-F1 {report.MacroF1:0.000}{kasuhara}"));
        }

        var sw = Stopwatch.StartNew();
        var context = new MLContext(options.Seed);
        var transformer = Pipeline.Fit(context, data.Examples, options);
        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"final model trained on all {data.Count} turns in {sw.Elapsed.TotalSeconds:0.0} s"));

        var metadata = new ModelMetadata
        {
            Labels = [.. labels],
            Trainer = trainerName,
            Featurization = Pipeline.Describe(options.WordNgramLength, options.CharNgramLength),
            WordNgramLength = options.WordNgramLength,
            CharNgramLength = options.CharNgramLength,
            TrainingDataSource = Path.GetFileName(data.Source),
            TrainingDataSha256 = data.Sha256,
            TrainingRows = data.Count,
            LabelCounts = counts,
            Seed = options.Seed,
            Folds = folds,
            KasuHaraThreshold = threshold,
            CrossValidatedMacroF1 = report is null ? null : Math.Round(report.MacroF1, 4),
            CrossValidatedKasuHaraF1 = report?.KasuHara is { } kh ? Math.Round(kh.F1, 4) : null,
            LibraryVersion = EscalationModel.LibraryVersion,
            MLNetVersion = EscalationModel.MLNetVersion,
        };
        return new EscalationModel(context, transformer, metadata, report);
    }

    /// <summary>
    /// Scores every turn with a model trained on the other folds. The stored threshold is the F1-best one over all
    /// held-out scores; the report applies to each fold the threshold chosen on the other folds' held-out scores,
    /// so the reported figures do not see their own labels twice.
    /// </summary>
    private static (EvaluationReport Report, double Threshold) CrossValidate(TrainingSet data, ClassifierTrainingOptions options, int folds, bool hasKasuHara)
    {
        var examples = data.Examples;
        int[] fold = Folds.Assign(examples, folds, options.Seed);
        var probabilities = new double[examples.Count][];
        var present = data.Labels;
        for (int f = 0; f < folds; f++)
        {
            var sw = Stopwatch.StartNew();
            var train = new List<TrainingExample>();
            var test = new List<int>();
            for (int i = 0; i < examples.Count; i++)
            {
                if (fold[i] == f)
                {
                    test.Add(i);
                }
                else
                {
                    train.Add(examples[i]);
                }
            }

            var context = new MLContext(options.Seed + f + 1);
            var trainLabels = ClassifierLabels.All.Where(l => train.Exists(e => e.Label == l)).ToArray();
            var transformer = Pipeline.Fit(context, train, options);
            var model = new EscalationModel(context, transformer, new ModelMetadata { Labels = trainLabels }, null);
            var scored = model.Probabilities(test.Select(i => examples[i]).ToArray());
            for (int j = 0; j < test.Count; j++)
            {
                probabilities[test[j]] = scored[j];
            }

            options.Progress?.Report(string.Create(CultureInfo.InvariantCulture, $"fold {f + 1}/{folds}: trained on {train.Count}, scored {test.Count} in {sw.Elapsed.TotalSeconds:0.0} s"));
        }

        var gold = examples.Select(static e => e.Label).ToArray();
        var thresholds = new double[examples.Count];
        double threshold = 0.5;
        double meanFoldThreshold = 0.5;
        if (hasKasuHara)
        {
            var isK = gold.Select(static g => g == ClassifierLabels.KasuHara).ToArray();
            var k = probabilities.Select(static p => p[Evaluator.KasuHaraIndex]).ToArray();
            threshold = Evaluator.BestThreshold(isK, k);
            var perFold = new double[folds];
            for (int f = 0; f < folds; f++)
            {
                var others = Enumerable.Range(0, examples.Count).Where(i => fold[i] != f).ToArray();
                perFold[f] = Evaluator.BestThreshold(others.Select(i => isK[i]).ToArray(), others.Select(i => k[i]).ToArray());
            }

            for (int i = 0; i < examples.Count; i++)
            {
                thresholds[i] = perFold[fold[i]];
            }

            meanFoldThreshold = perFold.Average();
        }
        else
        {
            Array.Fill(thresholds, 0.5);
        }

        var report = Evaluator.Build(Path.GetFileName(data.Source), present, gold, probabilities, thresholds, folds, hasKasuHara ? meanFoldThreshold : null);
        return (report, threshold);
    }
}
