namespace Omotenashi.Escalation.ML;

/// <summary>How <see cref="ClassifierTrainer"/> trains a model.</summary>
public sealed class ClassifierTrainingOptions
{
    /// <summary>The default for <see cref="Folds"/>: 5.</summary>
    public const int DefaultFolds = 5;

    /// <summary>The default for <see cref="Seed"/>: 1.</summary>
    public const int DefaultSeed = 1;

    /// <summary>The default for <see cref="WordNgramLength"/>: 2 (words and word pairs).</summary>
    public const int DefaultWordNgramLength = 2;

    /// <summary>The default for <see cref="CharNgramLength"/>: 4 (character 2- to 4-grams).</summary>
    public const int DefaultCharNgramLength = 4;

    /// <summary>The default for <see cref="LightGbmIterations"/>: 200 boosting rounds.</summary>
    public const int DefaultLightGbmIterations = 200;

    /// <summary>The trainer. The default value is <see cref="ClassifierTrainerKind.Sdca"/>.</summary>
    public ClassifierTrainerKind Trainer { get; set; } = ClassifierTrainerKind.Sdca;

    /// <summary>
    /// The seed of the <c>MLContext</c> and of the fold assignment: the same data, options and seed give the same model.
    /// The default value is 1.
    /// </summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>
    /// Folds of cross-validation, used to report metrics and to choose the kasu-hara threshold on held-out
    /// predictions; 0 or 1 skips cross-validation (the threshold is then 0.5). The default value is 5.
    /// </summary>
    public int Folds { get; set; } = DefaultFolds;

    /// <summary>Passes over the data for SDCA; <see langword="null"/> lets ML.NET choose. The default value is <see langword="null"/>.</summary>
    public int? SdcaIterations { get; set; }

    /// <summary>L2 regularisation for SDCA; <see langword="null"/> lets ML.NET choose from the data. The default value is <see langword="null"/>.</summary>
    public float? SdcaL2Regularization { get; set; }

    /// <summary>Boosting rounds for LightGBM. The default value is 200.</summary>
    public int LightGbmIterations { get; set; } = DefaultLightGbmIterations;

    /// <summary>The longest word n-gram (1–3). The default value is 2.</summary>
    public int WordNgramLength { get; set; } = DefaultWordNgramLength;

    /// <summary>The longest character n-gram (2–6); shorter ones from 2 are included. The default value is 4.</summary>
    public int CharNgramLength { get; set; } = DefaultCharNgramLength;

    /// <summary>Receives progress messages (folds, timings). The default value is <see langword="null"/>.</summary>
    public IProgress<string>? Progress { get; set; }

    internal void Validate()
    {
        var problems = new List<string>();
        if (Folds < 0 || Folds > 20)
        {
            problems.Add($"{nameof(Folds)} must be in 0..20; was {Folds}");
        }

        if (SdcaIterations is < 1)
        {
            problems.Add($"{nameof(SdcaIterations)} must be at least 1; was {SdcaIterations}");
        }

        if (SdcaL2Regularization is { } l2 && !(l2 >= 0))
        {
            problems.Add($"{nameof(SdcaL2Regularization)} must be ≥ 0; was {l2}");
        }

        if (LightGbmIterations < 1)
        {
            problems.Add($"{nameof(LightGbmIterations)} must be at least 1; was {LightGbmIterations}");
        }

        if (WordNgramLength is < 1 or > 3)
        {
            problems.Add($"{nameof(WordNgramLength)} must be in 1..3; was {WordNgramLength}");
        }

        if (CharNgramLength is < 2 or > 6)
        {
            problems.Add($"{nameof(CharNgramLength)} must be in 2..6; was {CharNgramLength}");
        }

        if (!Enum.IsDefined(Trainer))
        {
            problems.Add($"{nameof(Trainer)} is not a known trainer: {Trainer}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid training options: " + string.Join("; ", problems));
        }
    }
}
