namespace Omotenashi.Escalation.ML.Internal;

/// <summary>Metrics over probabilities in <see cref="ClassifierLabels.All"/> order (bot, human, kasuhara).</summary>
internal static class Evaluator
{
    public const int KasuHaraIndex = 2;

    /// <summary>The label index predicted: kasuhara when its probability reaches the threshold, else the most probable other label.</summary>
    public static int Predict(ReadOnlySpan<double> p, bool hasKasuHara, double threshold)
    {
        if (hasKasuHara && p[KasuHaraIndex] >= threshold)
        {
            return KasuHaraIndex;
        }

        int best = -1;
        for (int i = 0; i < p.Length; i++)
        {
            if ((i != KasuHaraIndex || !hasKasuHara) && (best < 0 || p[i] > p[best]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The threshold on a 0.01 grid with the best F1 of the kasuhara label (the middle one among ties).</summary>
    public static double BestThreshold(IReadOnlyList<bool> gold, IReadOnlyList<double> score)
    {
        double bestF1 = -1;
        var ties = new List<double>();
        for (int step = 1; step <= 99; step++)
        {
            double t = step / 100.0;
            double f1 = Prf(gold, score, t).F1;
            if (f1 > bestF1 + 1e-12)
            {
                bestF1 = f1;
                ties.Clear();
                ties.Add(t);
            }
            else if (Math.Abs(f1 - bestF1) <= 1e-12)
            {
                ties.Add(t);
            }
        }

        return ties[ties.Count / 2];
    }

    public static (double Precision, double Recall, double F1, int Flagged) Prf(IReadOnlyList<bool> gold, IReadOnlyList<double> score, double threshold)
    {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            bool flagged = score[i] >= threshold;
            if (flagged && gold[i])
            {
                tp++;
            }
            else if (flagged)
            {
                fp++;
            }
            else if (gold[i])
            {
                fn++;
            }
        }

        return Prf(tp, fp, fn) is var (p, r, f) ? (p, r, f, tp + fp) : default;
    }

    public static (double Precision, double Recall, double F1) Prf(int tp, int fp, int fn)
    {
        double precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    /// <summary>ROC-AUC by the rank-sum formula, ties counted as half; <see langword="null"/> when one class is absent.</summary>
    public static double? RocAuc(IReadOnlyList<bool> gold, IReadOnlyList<double> score)
    {
        var order = Enumerable.Range(0, gold.Count).OrderBy(i => score[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        int a = 0;
        while (a < order.Length)
        {
            int b = a;
            while (b + 1 < order.Length && score[order[b + 1]] == score[order[a]])
            {
                b++;
            }

            double rank = ((a + b) / 2.0) + 1;
            for (int k = a; k <= b; k++)
            {
                if (gold[order[k]])
                {
                    rankSum += rank;
                    positives++;
                }
            }

            a = b + 1;
        }

        long negatives = order.Length - positives;
        return positives == 0 || negatives == 0 ? null : (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <param name="source">The data's name.</param>
    /// <param name="labels">The labels the model knows, in <see cref="ClassifierLabels.All"/> order.</param>
    /// <param name="gold">The gold label of each turn.</param>
    /// <param name="probabilities">Per turn, probabilities in <see cref="ClassifierLabels.All"/> order.</param>
    /// <param name="thresholds">Per turn, the kasu-hara threshold applied to it.</param>
    /// <param name="folds">Folds of cross-validation, or 0.</param>
    /// <param name="reportedThreshold">The threshold to report.</param>
    public static EvaluationReport Build(string source, IReadOnlyList<string> labels, IReadOnlyList<string> gold, double[][] probabilities, double[] thresholds, int folds, double? reportedThreshold)
    {
        bool hasKasuHara = labels.Contains(ClassifierLabels.KasuHara);
        var predicted = new int[gold.Count];
        for (int i = 0; i < gold.Count; i++)
        {
            predicted[i] = Predict(probabilities[i], hasKasuHara, thresholds[i]);
        }

        var scores = hasKasuHara ? probabilities.Select(static p => p[KasuHaraIndex]).ToArray() : null;
        return Build(source, labels, gold, predicted, scores, folds, hasKasuHara ? reportedThreshold : null);
    }

    /// <param name="source">The data's name.</param>
    /// <param name="labels">The labels that can be predicted.</param>
    /// <param name="gold">The gold label of each turn.</param>
    /// <param name="predicted">The predicted label index (<see cref="ClassifierLabels.All"/> order) of each turn.</param>
    /// <param name="kasuHaraScores">A kasu-hara score per turn for ROC-AUC and the threshold table, or <see langword="null"/>.</param>
    /// <param name="folds">Folds of cross-validation, or 0.</param>
    /// <param name="reportedThreshold">The threshold to report.</param>
    public static EvaluationReport Build(string source, IReadOnlyList<string> labels, IReadOnlyList<string> gold, int[] predicted, double[]? kasuHaraScores, int folds, double? reportedThreshold)
    {
        var all = ClassifierLabels.All;
        var shown = labels.Union(gold).Where(all.Contains).OrderBy(IndexOf).ToArray();
        var confusion = new int[shown.Length][];
        for (int i = 0; i < shown.Length; i++)
        {
            confusion[i] = new int[shown.Length];
        }

        int correct = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            int g = Array.IndexOf(shown, gold[i]);
            int p = Array.IndexOf(shown, all[predicted[i]]);
            confusion[g][p]++;
            correct += g == p ? 1 : 0;
        }

        var classes = new List<ClassMetrics>(shown.Length);
        for (int c = 0; c < shown.Length; c++)
        {
            int tp = confusion[c][c], fp = 0, fn = 0, support = 0;
            for (int o = 0; o < shown.Length; o++)
            {
                support += confusion[c][o];
                if (o != c)
                {
                    fp += confusion[o][c];
                    fn += confusion[c][o];
                }
            }

            var (precision, recall, f1) = Prf(tp, fp, fn);
            classes.Add(new ClassMetrics(shown[c], precision, recall, f1, support));
        }

        var present = classes.Where(static c => c.Support > 0).ToArray();
        double macro = present.Length == 0 ? 0 : present.Average(static c => c.F1);
        double accuracy = gold.Count == 0 ? 0 : correct / (double)gold.Count;

        double? auc = null;
        var table = new List<ThresholdPoint>();
        if (kasuHaraScores is not null)
        {
            var isK = gold.Select(static g => g == ClassifierLabels.KasuHara).ToArray();
            auc = RocAuc(isK, kasuHaraScores);
            for (int step = 1; step <= 19; step++)
            {
                double t = step / 20.0;
                var (p, r, f, n) = Prf(isK, kasuHaraScores, t);
                table.Add(new ThresholdPoint(t, p, r, f, n));
            }
        }

        return new EvaluationReport(source, gold.Count, folds, shown, classes, macro, accuracy, confusion, reportedThreshold, auc, table);
    }

    public static int IndexOf(string label) => label switch
    {
        ClassifierLabels.Bot => 0,
        ClassifierLabels.Human => 1,
        ClassifierLabels.KasuHara => 2,
        _ => -1,
    };
}
