namespace Omotenashi.Escalation.ML;

/// <summary>
/// What a model file says about itself: stored as JSON next to the ML.NET model in the same zip, so a model can be
/// traced to its data, trainer and library, and served with the threshold chosen when it was trained.
/// </summary>
public sealed record ModelMetadata
{
    /// <summary>The model file format this library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The model file format. The default value is <see cref="CurrentFormatVersion"/>.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The labels the model predicts, in the order of its score vector (a subset of <see cref="ClassifierLabels.All"/>, same order).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The trainer: <c>sdca</c> or <c>lightgbm</c>.</summary>
    public string Trainer { get; init; } = string.Empty;

    /// <summary>A readable description of the featurisation.</summary>
    public string Featurization { get; init; } = string.Empty;

    /// <summary>The text normalisation applied before featurisation (the core's <c>EscalationText.Normalize</c>).</summary>
    public string Normalization { get; init; } = "EscalationText.Normalize";

    /// <summary>The longest word n-gram.</summary>
    public int WordNgramLength { get; init; }

    /// <summary>The longest character n-gram.</summary>
    public int CharNgramLength { get; init; }

    /// <summary>The training data's file name (without directories) or source name.</summary>
    public string TrainingDataSource { get; init; } = string.Empty;

    /// <summary>SHA-256 (hex) of the training file's bytes, or of the turns when trained from memory.</summary>
    public string TrainingDataSha256 { get; init; } = string.Empty;

    /// <summary>The number of training turns.</summary>
    public int TrainingRows { get; init; }

    /// <summary>Training turns per label.</summary>
    public IReadOnlyDictionary<string, int> LabelCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>The training seed.</summary>
    public int Seed { get; init; }

    /// <summary>Folds of cross-validation run at training time (0 when none).</summary>
    public int Folds { get; init; }

    /// <summary>
    /// The kasu-hara probability at which a turn is flagged, chosen on held-out folds to maximise F1 (0.5 without
    /// cross-validation). The classifier maps it to 0.5 for the engine.
    /// </summary>
    public double KasuHaraThreshold { get; init; } = 0.5;

    /// <summary>Cross-validated macro-F1, when cross-validation ran.</summary>
    public double? CrossValidatedMacroF1 { get; init; }

    /// <summary>Cross-validated F1 of the kasuhara label, when cross-validation ran and the label is present.</summary>
    public double? CrossValidatedKasuHaraF1 { get; init; }

    /// <summary>The version of Omotenashi.Escalation.ML that trained the model.</summary>
    public string LibraryVersion { get; init; } = string.Empty;

    /// <summary>The version of ML.NET that trained the model.</summary>
    public string MLNetVersion { get; init; } = string.Empty;
}
