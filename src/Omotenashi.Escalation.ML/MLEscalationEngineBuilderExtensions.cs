using Omotenashi.Escalation.ML;

namespace Omotenashi.Escalation;

/// <summary>Plugs a trained ML.NET model into an <see cref="EscalationEngineBuilder"/>.</summary>
public static class MLEscalationEngineBuilderExtensions
{
    /// <summary>
    /// Loads a model file (from <c>omotenashi train</c> or <see cref="EscalationModel.Save(string)"/>) once and combines
    /// its votes with rules and sentiment, weighted by <see cref="EscalationPolicy.ClassifierWeight"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelFormatException">The file is not a model this library can load; the message names the file.</exception>
    public static EscalationEngineBuilder UseMLClassifier(this EscalationEngineBuilder builder, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        return builder.UseClassifier(MLInteractionClassifier.Load(modelPath));
    }

    /// <summary>Combines a trained model's votes with rules and sentiment.</summary>
    public static EscalationEngineBuilder UseMLClassifier(this EscalationEngineBuilder builder, EscalationModel model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(model);
        return builder.UseClassifier(model.CreateClassifier());
    }
}
