using BenchmarkDotNet.Attributes;
using Omotenashi.Escalation;
using Omotenashi.Escalation.ML;

namespace Omotenashi.Escalation.Benchmarks;

/// <summary>
/// <c>Decide</c> with an ML.NET classifier next to <c>Decide</c> without it (the baseline), and the classifier's
/// <c>Predict</c> alone, on the same turns. The model is trained once per run on <c>samples/data</c> (SDCA, no
/// cross-validation, a few passes: the cost of prediction does not depend on how well it was trained).
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmark
{
    private static readonly Lazy<EscalationModel> Model = new(static () => ClassifierTrainer.Train(
        TrainingSet.Load(Path.Combine(AppContext.BaseDirectory, "TrainingData")),
        new ClassifierTrainingOptions { Folds = 0, SdcaIterations = 10, SdcaL2Regularization = 1e-4f }));

    private EscalationEngine _withoutModel = null!;
    private EscalationEngine _withModel = null!;
    private MLInteractionClassifier _classifier = null!;
    private ConversationState _state = null!;
    private CustomerTurn _turn;

    [Params("en-short", "en-long", "ja-long")]
    public string Input { get; set; } = "en-long";

    [GlobalSetup]
    public void Setup()
    {
        _classifier = Model.Value.CreateClassifier();
        _withoutModel = new EscalationEngineBuilder().Build();
        _withModel = new EscalationEngineBuilder().UseClassifier(_classifier).Build();
        _turn = new CustomerTurn(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", Input + ".txt")).Trim());
        _state = _withoutModel.Decide(_turn).State;
    }

    [Benchmark(Baseline = true)]
    public Route DecideWithoutModel() => _withoutModel.Decide(_turn, _state).Route;

    [Benchmark]
    public Route DecideWithModel() => _withModel.Decide(_turn, _state).Route;

    [Benchmark]
    public double ClassifierPredict() => _classifier.Predict(_turn.Text).KasuHara;
}
