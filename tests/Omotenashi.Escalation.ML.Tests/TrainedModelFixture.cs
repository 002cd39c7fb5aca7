namespace Omotenashi.Escalation.ML.Tests;

/// <summary>One model trained once (3 folds, few SDCA passes) and shared by a test class.</summary>
public sealed class TrainedModelFixture
{
    public TrainedModelFixture()
    {
        Data = SampleTurns.Create();
        Model = ClassifierTrainer.Train(Data, new ClassifierTrainingOptions { Folds = 3, Seed = 7, SdcaIterations = 20, SdcaL2Regularization = 1e-4f });
    }

    public TrainingSet Data { get; }

    public EscalationModel Model { get; }
}
