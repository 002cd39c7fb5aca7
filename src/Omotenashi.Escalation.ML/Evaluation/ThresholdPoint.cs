namespace Omotenashi.Escalation.ML;

/// <summary>The kasu-hara class flagged at one probability threshold.</summary>
/// <param name="Threshold">Turns whose kasu-hara probability is at or above this are flagged.</param>
/// <param name="Precision">Of the flagged turns, the share labelled kasuhara.</param>
/// <param name="Recall">Of the turns labelled kasuhara, the share flagged.</param>
/// <param name="F1">The harmonic mean of precision and recall.</param>
/// <param name="Flagged">The number of turns flagged.</param>
public sealed record ThresholdPoint(double Threshold, double Precision, double Recall, double F1, int Flagged);
