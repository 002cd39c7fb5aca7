namespace Omotenashi.Escalation;

/// <summary>
/// Weights of the logistic curve that turns frustration features (each in [0, 1]) into the frustration score:
/// <c>frustration = 1 / (1 + exp(-(Bias + Σ wᵢ·xᵢ)))</c>. Calibrate them on labelled transcripts.
/// </summary>
public sealed record FrustrationWeights
{
    /// <summary>Intercept. The default value is -2.6 (a neutral turn scores about 0.07).</summary>
    public double Bias { get; init; } = -2.6;

    /// <summary>How negative this turn is (−sentiment, clipped at 0). The default value is 3.4.</summary>
    public double NegativeLevel { get; init; } = 3.4;

    /// <summary>How negative the conversation's moving average is. The default value is 1.2.</summary>
    public double NegativeAverage { get; init; } = 1.2;

    /// <summary>Negative turns in a row (3 or more saturates). The default value is 1.0.</summary>
    public double ConsecutiveNegative { get; init; } = 1.0;

    /// <summary>Drop of sentiment against the moving average. The default value is 0.8.</summary>
    public double Trend { get; init; } = 0.8;

    /// <summary>Shouting: capitals and exclamation marks. The default value is 1.0.</summary>
    public double Emphasis { get; init; } = 1.0;

    /// <summary>
    /// Profanity, or insults aimed at things. Strong swearing alone ("this fucking app logged me out again") reaches the
    /// default frustration threshold; in a turn that is clearly positive (compound above 0.25: "fucking brilliant, thanks") it counts at 0.3.
    /// The default value is 3.2.
    /// </summary>
    public double Profanity { get; init; } = 3.2;

    /// <summary>The same demand repeated (2 or more saturates). The default value is 1.8.</summary>
    public double Repetition { get; init; } = 1.8;

    /// <summary>Consecutive bot fallbacks (2 or more saturates). The default value is 2.0.</summary>
    public double Fallbacks { get; init; } = 2.0;

    /// <summary>Low host NLU confidence. The default value is 0.8.</summary>
    public double LowConfidence { get; init; } = 0.8;

    /// <summary>Time in the conversation relative to the long-conversation limit. The default value is 0.8.</summary>
    public double Duration { get; init; } = 0.8;

    /// <summary>The classifier's probability of "human". The default value is 2.5.</summary>
    public double Classifier { get; init; } = 2.5;
}
