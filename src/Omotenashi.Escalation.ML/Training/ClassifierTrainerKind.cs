namespace Omotenashi.Escalation.ML;

/// <summary>The ML.NET trainer behind a classifier.</summary>
public enum ClassifierTrainerKind
{
    /// <summary>Stochastic dual coordinate ascent, maximum entropy (multiclass logistic regression): fast, linear, calibrated. The default.</summary>
    Sdca,

    /// <summary>Gradient-boosted trees (LightGBM, multiclass softmax): slower, non-linear.</summary>
    LightGbm,
}
