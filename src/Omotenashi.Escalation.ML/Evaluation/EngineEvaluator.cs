using Omotenashi.Escalation.ML.Internal;

namespace Omotenashi.Escalation.ML;

/// <summary>
/// Evaluates an <see cref="EscalationEngine"/> (rules, sentiment, and its classifier if any) on labelled turns the
/// same way a model is evaluated, so the two can be compared: each turn is decided on its own (a new conversation),
/// its route is the predicted label, and the engine's harassment score stands in for the kasu-hara probability in
/// the threshold table and ROC-AUC.
/// </summary>
public static class EngineEvaluator
{
    /// <summary>Decides every turn and reports how the routes match the labels.</summary>
    public static EvaluationReport Evaluate(EscalationEngine engine, TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(data);
        var predicted = new int[data.Count];
        var harassment = new double[data.Count];
        var gold = new string[data.Count];
        for (int i = 0; i < data.Count; i++)
        {
            var d = engine.Decide(data.Examples[i].Text);
            predicted[i] = d.Route switch
            {
                Route.KasuHara => Evaluator.KasuHaraIndex,
                Route.Human => 1,
                _ => 0,
            };
            harassment[i] = d.Harassment;
            gold[i] = data.Examples[i].Label;
        }

        return Evaluator.Build(Path.GetFileName(data.Source), ClassifierLabels.All, gold, predicted, harassment, 0, engine.Policy.HarassmentThreshold);
    }
}
