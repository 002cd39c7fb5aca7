// Training walkthrough: retrain the escalation classifier on labelled turns, evaluate it, compare the engine
// with and without it, and ship it as one model file. Run: dotnet run --project samples/Training [-- OUT.zip]
using System.Diagnostics;
using Omotenashi.Escalation;
using Omotenashi.Escalation.ML;

Console.OutputEncoding = System.Text.Encoding.UTF8;
string dataDir = Path.Combine(AppContext.BaseDirectory, "data");
string modelPath = args.Length > 0 ? args[0] : Path.Combine("artifacts", "training-sample", "model.zip");

// 1. Load the data: every .tsv/.csv/.jsonl in the folder, with a `text` and a `label` column (bot, human, kasuhara).
//    Errors name the file, line and field (TrainingDataException).
var all = TrainingSet.Load(dataDir);
Console.WriteLine($"== 1. Data: {all.Count} turns from {dataDir}");
foreach (string label in all.Labels)
{
    Console.WriteLine($"   {label,-9} {all.CountOf(label),5}");
}

// 2. Keep a fifth aside (stratified by label, seeded) to test the model on turns it never saw.
var (training, heldOut) = all.Split(heldOutFraction: 0.2, seed: 42);
Console.WriteLine($"   training {training.Count}, held out {heldOut.Count}");

// 3. Train. Cross-validation scores every training turn with a model that did not see it; the kasu-hara
//    threshold with the best F1 on those scores is stored in the model. The same data and seed give the same model.
//    Few SDCA passes with a fixed L2 keep this sample fast; drop both for ML.NET's own choice on real data.
var options = new ClassifierTrainingOptions
{
    Trainer = ClassifierTrainerKind.Sdca,
    Folds = 3,
    Seed = 42,
    SdcaIterations = 25,
    SdcaL2Regularization = 1e-4f,
    Progress = new ConsoleProgress(),
};
var sw = Stopwatch.StartNew();
var model = ClassifierTrainer.Train(training, options);
Console.WriteLine($"\n== 2. Trained in {sw.Elapsed.TotalSeconds:0.0} s; cross-validated on the training turns:\n");
Console.WriteLine(model.CrossValidation!.ToText());

// 4. Evaluate on the held-out turns: the model alone, then the engine (rules + sentiment) without and with it.
//    The engine decides each turn alone here; its route is the predicted label.
var report = model.Evaluate(heldOut);
var rulesOnly = new EscalationEngineBuilder().Build();
var withModel = new EscalationEngineBuilder().UseMLClassifier(model).Build();
var engineWithout = EngineEvaluator.Evaluate(rulesOnly, heldOut);
var engineWith = EngineEvaluator.Evaluate(withModel, heldOut);
Console.WriteLine("== 3. Held-out turns: macro-F1 and kasuhara F1");
Console.WriteLine($"   model alone            macro-F1 {report.MacroF1:0.000}   kasuhara F1 {report.KasuHara!.F1:0.000}");
Console.WriteLine($"   engine without model   macro-F1 {engineWithout.MacroF1:0.000}   kasuhara F1 {engineWithout.KasuHara!.F1:0.000}");
Console.WriteLine($"   engine with model      macro-F1 {engineWith.MacroF1:0.000}   kasuhara F1 {engineWith.KasuHara!.F1:0.000}");
Console.WriteLine("\n   The model's full report (JSON is report.ToJson()):\n");
Console.WriteLine(report.ToText());

// 5. A few turns, decided by both engines: the model's vote shows as a `classifier.kasuhara` reason.
Console.WriteLine("== 4. The engine with and without the model, turn by turn");
string[] turns =
[
    "Hi, can you tell me when my parcel will arrive?",
    "This stupid app crashed again and I lost my whole order!",
    "Are you actually this dumb or do you just pretend?",
    "I want to speak to a real person, now.",
    "ふざけるな、お前みたいなポンコツに用はない",
    "Du bist doch zu blöd für alles, du Versager",
    "Ты вообще соображаешь что-нибудь, тупая железка?",
    "Jag vill säga upp mitt abonnemang.",
];
foreach (string text in turns)
{
    var a = rulesOnly.Decide(text);
    var b = withModel.Decide(text);
    Console.WriteLine($"   {text}");
    Console.WriteLine($"      without: {a.Route,-8} harassment {a.Harassment:0.00}  {Codes(a)}");
    Console.WriteLine($"      with:    {b.Route,-8} harassment {b.Harassment:0.00}  {Codes(b)}");
}

// 6. Ship it: one zip with the ML.NET model and its metadata (labels, trainer, data hash, threshold, versions).
//    Hosts load it once: new EscalationEngineBuilder().UseMLClassifier(path); the CLI: omotenashi decide --model path.
model.Save(modelPath);
var loaded = MLInteractionClassifier.Load(modelPath);
bool same = turns.All(t => loaded.Predict(t) == model.CreateClassifier().Predict(t));
var m = loaded.Metadata;
Console.WriteLine($"\n== 5. Saved {Path.GetFullPath(modelPath)} ({new FileInfo(modelPath).Length / 1024} KiB)");
Console.WriteLine($"   trainer {m.Trainer}, labels [{string.Join(", ", m.Labels)}], kasuhara threshold {m.KasuHaraThreshold:0.00}, data sha256 {m.TrainingDataSha256[..12]}…, library {m.LibraryVersion}, ML.NET {m.MLNetVersion}");
Console.WriteLine($"   reloaded model predicts the same: {same}");
return same ? 0 : 1;

static string Codes(EscalationDecision d) => string.Join(", ", d.Reasons.Select(r => $"{r.Code} {r.Weight:0.00}"));

internal sealed class ConsoleProgress : IProgress<string>
{
    public void Report(string value) => Console.WriteLine("   " + value);
}
