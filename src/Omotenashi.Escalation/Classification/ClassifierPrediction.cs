namespace Omotenashi.Escalation;

/// <summary>A classifier's probabilities for one turn; each in [0, 1]. Values outside are clamped by the engine.</summary>
/// <param name="Bot">Probability the bot can keep the turn.</param>
/// <param name="Human">Probability the turn needs a human.</param>
/// <param name="KasuHara">Probability the turn is harassment.</param>
public readonly record struct ClassifierPrediction(double Bot, double Human, double KasuHara);
