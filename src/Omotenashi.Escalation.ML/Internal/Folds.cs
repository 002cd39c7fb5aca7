namespace Omotenashi.Escalation.ML.Internal;

/// <summary>Seeded, label-stratified fold assignment (the same data and seed give the same folds).</summary>
internal static class Folds
{
    public static int[] Assign(IReadOnlyList<TrainingExample> examples, int folds, int seed)
    {
        var fold = new int[examples.Count];
        var random = new Random(seed);
        int offset = 0;
        foreach (string label in ClassifierLabels.All)
        {
            var indices = new List<int>();
            for (int i = 0; i < examples.Count; i++)
            {
                if (examples[i].Label == label)
                {
                    indices.Add(i);
                }
            }

            for (int i = indices.Count - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (indices[i], indices[j]) = (indices[j], indices[i]);
            }

            // Continue the round-robin across labels so small classes do not all start in fold 0.
            for (int i = 0; i < indices.Count; i++)
            {
                fold[indices[i]] = (offset + i) % folds;
            }

            offset = (offset + indices.Count) % folds;
        }

        return fold;
    }
}
