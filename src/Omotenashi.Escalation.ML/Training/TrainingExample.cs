namespace Omotenashi.Escalation.ML;

/// <summary>One labelled customer turn.</summary>
/// <param name="Text">The turn as the customer wrote it (the trainer normalises it).</param>
/// <param name="Label">One of <see cref="ClassifierLabels.All"/>.</param>
public readonly record struct TrainingExample(string Text, string Label);
