namespace Omotenashi.Escalation;

/// <summary>
/// A classifier of customer turns (bot / human / kasu-hara) that the engine combines with rules and sentiment.
/// Implementations must be thread-safe: one instance serves every thread of an engine. The
/// <c>Omotenashi.Escalation.ML</c> package provides one backed by ML.NET models.
/// </summary>
public interface IInteractionClassifier
{
    /// <summary>A short name shown in reasons and telemetry (for example <c>mlnet-sdca</c>).</summary>
    string Name { get; }

    /// <summary>Scores one turn.</summary>
    /// <param name="input">The turn text, its normalised form and language.</param>
    ClassifierPrediction Predict(in ClassifierInput input);
}
