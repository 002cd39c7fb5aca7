namespace Omotenashi.Escalation.Cli;

/// <summary>The evaluation metrics the CLI reports.</summary>
internal static class Metrics
{
    public static double Pearson(IReadOnlyList<(double Gold, double Predicted)> pairs)
    {
        double mx = 0, my = 0;
        foreach (var (x, y) in pairs)
        {
            mx += x;
            my += y;
        }

        mx /= pairs.Count;
        my /= pairs.Count;
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (x, y) in pairs)
        {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
        }

        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    public static double ThreeClassMacroF1(IReadOnlyList<(double Gold, double Predicted)> pairs, double goldThreshold, double predictedThreshold)
    {
        static int Class(double v, double t) => v >= t ? 2 : v <= -t ? 0 : 1;
        var confusion = new int[3, 3];
        foreach (var (g, p) in pairs)
        {
            confusion[Class(g, goldThreshold), Class(p, predictedThreshold)]++;
        }

        double sum = 0;
        int classes = 0;
        for (int c = 0; c < 3; c++)
        {
            int tp = confusion[c, c];
            int fp = 0, fn = 0;
            for (int o = 0; o < 3; o++)
            {
                if (o != c)
                {
                    fp += confusion[o, c];
                    fn += confusion[c, o];
                }
            }

            if (tp + fn == 0)
            {
                continue; // class absent from gold
            }

            double precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
            double recall = tp / (double)(tp + fn);
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes++;
        }

        return classes == 0 ? 0 : sum / classes;
    }

    public static (double Precision, double Recall, double F1) PrecisionRecallF1(IReadOnlyList<(bool Gold, bool Predicted, double Score)> items)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (g, p, _) in items)
        {
            if (g && p)
            {
                tp++;
            }
            else if (p)
            {
                fp++;
            }
            else if (g)
            {
                fn++;
            }
        }

        double precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    /// <summary>ROC-AUC by the rank-sum (Mann–Whitney) formula, ties counted as half.</summary>
    public static double RocAuc(IReadOnlyList<(bool Gold, bool Predicted, double Score)> items)
    {
        var sorted = items.OrderBy(x => x.Score).ToArray();
        double rankSumPositive = 0;
        int positives = 0;
        int i = 0;
        while (i < sorted.Length)
        {
            int j = i;
            while (j + 1 < sorted.Length && sorted[j + 1].Score == sorted[i].Score)
            {
                j++;
            }

            double avgRank = ((i + j) / 2.0) + 1;
            for (int k = i; k <= j; k++)
            {
                if (sorted[k].Gold)
                {
                    rankSumPositive += avgRank;
                    positives++;
                }
            }

            i = j + 1;
        }

        int negatives = sorted.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (rankSumPositive - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }
}
