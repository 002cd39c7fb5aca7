namespace Omotenashi.Escalation.ML;

/// <summary>Precision, recall and F1 of one label.</summary>
/// <param name="Label">The label.</param>
/// <param name="Precision">Of the turns predicted with this label, the share that have it.</param>
/// <param name="Recall">Of the turns that have this label, the share predicted with it.</param>
/// <param name="F1">The harmonic mean of precision and recall.</param>
/// <param name="Support">The number of turns that have this label.</param>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
