using Microsoft.ML;
using Omotenashi.Escalation.ML.Internal;

namespace Omotenashi.Escalation.ML;

/// <summary>
/// An <see cref="IInteractionClassifier"/> backed by a trained ML.NET model. Thread-safe: one instance serves every
/// thread of an engine; the model is loaded once and shared, and the (not thread-safe) prediction engines are pooled.
/// The kasu-hara probability is rescaled piecewise-linearly so that the model's threshold
/// (<see cref="ModelMetadata.KasuHaraThreshold"/>, chosen on held-out folds) maps to 0.5, the engine's vote line;
/// the bot and human probabilities are passed through.
/// </summary>
/// <example>
/// <code>
/// var engine = new EscalationEngineBuilder()
///     .UseMLClassifier("models/helpdesk.zip")
///     .Build();
/// </code>
/// </example>
public sealed class MLInteractionClassifier : IInteractionClassifier
{
    private readonly EscalationModel _model;
    private readonly PredictionEnginePool _pool;
    private readonly double _threshold;

    /// <summary>Creates a classifier over a trained or loaded model.</summary>
    public MLInteractionClassifier(EscalationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _threshold = Math.Clamp(model.Metadata.KasuHaraThreshold, 0.01, 0.99);
        _pool = new PredictionEnginePool(model.Context, model.Transformer, Math.Max(4, Environment.ProcessorCount * 2));
        Name = "mlnet-" + model.Metadata.Trainer;
    }

    /// <inheritdoc/>
    /// <remarks><c>mlnet-sdca</c> or <c>mlnet-lightgbm</c>.</remarks>
    public string Name { get; }

    /// <summary>The model's metadata (labels, trainer, data hash, threshold).</summary>
    public ModelMetadata Metadata => _model.Metadata;

    /// <summary>The model served.</summary>
    public EscalationModel Model => _model;

    /// <summary>Loads a model file saved by <see cref="EscalationModel.Save(string)"/> (or <c>omotenashi train</c>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelFormatException">The file is not a model this library can load.</exception>
    public static MLInteractionClassifier Load(string path) => new(EscalationModel.Load(path));

    /// <inheritdoc/>
    public ClassifierPrediction Predict(in ClassifierInput input) => PredictNormalized(input.NormalizedText.ToString());

    /// <summary>Scores raw text (normalised here the way the engine normalises it).</summary>
    public ClassifierPrediction Predict(string? text) => PredictNormalized(EscalationText.Normalize(text));

    /// <summary>The model's uncalibrated probabilities for raw text: bot, human, kasu-hara (0 for labels the model lacks).</summary>
    public ClassifierPrediction PredictProbabilities(string? text)
    {
        Span<double> p = stackalloc double[3];
        Probabilities(EscalationText.Normalize(text), p);
        return new ClassifierPrediction(p[0], p[1], p[2]);
    }

    /// <summary>Maps a kasu-hara probability so that <paramref name="threshold"/> lands on 0.5, linearly on each side.</summary>
    internal static double Calibrate(double probability, double threshold)
    {
        probability = Math.Clamp(probability, 0, 1);
        return probability < threshold
            ? 0.5 * probability / threshold
            : 0.5 + (0.5 * (probability - threshold) / (1 - threshold));
    }

    private ClassifierPrediction PredictNormalized(string normalized)
    {
        Span<double> p = stackalloc double[3];
        Probabilities(normalized, p);
        return new ClassifierPrediction(p[0], p[1], _model.HasKasuHara ? Calibrate(p[2], _threshold) : 0);
    }

    private void Probabilities(string normalized, Span<double> destination)
    {
        var scorer = _pool.Rent();
        try
        {
            _model.Map(scorer.Score(normalized), destination);
        }
        finally
        {
            _pool.Return(scorer);
        }
    }
}
