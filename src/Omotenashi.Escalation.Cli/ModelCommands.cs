using System.Globalization;
using System.Text.Json.Nodes;
using Omotenashi.Escalation.ML;

namespace Omotenashi.Escalation.Cli;

/// <summary>
/// <c>omotenashi train</c> (cross-validate, choose the kasu-hara threshold, train on everything, save one model file)
/// and <c>omotenashi evaluate</c> (a model, and the engine with and without it, on labelled data).
/// </summary>
internal static class ModelCommands
{
    public static async Task<int> RunAsync(string command, Options options, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return command == "train"
                ? await TrainAsync(options, stdout, stderr).ConfigureAwait(false)
                : await EvaluateAsync(options, stdout, stderr).ConfigureAwait(false);
        }
        catch (TrainingDataException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
        catch (ModelFormatException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
        catch (FileNotFoundException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.FileName ?? ex.Message}: file not found").ConfigureAwait(false);
            return 1;
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> TrainAsync(Options options, TextWriter stdout, TextWriter stderr)
    {
        if (options.Data is null || options.Out is null)
        {
            await stderr.WriteLineAsync("error: train needs --data FILE and --out MODEL").ConfigureAwait(false);
            return 2;
        }

        ClassifierTrainerKind trainer;
        switch (options.Trainer?.ToUpperInvariant())
        {
            case null or "SDCA":
                trainer = ClassifierTrainerKind.Sdca;
                break;
            case "LIGHTGBM":
                trainer = ClassifierTrainerKind.LightGbm;
                break;
            default:
                await stderr.WriteLineAsync($"error: --trainer: unknown trainer '{options.Trainer}'; use sdca or lightgbm").ConfigureAwait(false);
                return 2;
        }

        var data = TrainingSet.Load(options.Data);
        if (!options.Quiet && data.SkippedLines > 0)
        {
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{data.Source}: {data.Count} labelled turns; {data.SkippedLines} context line(s) without a label skipped")).ConfigureAwait(false);
        }

        var training = new ClassifierTrainingOptions
        {
            Trainer = trainer,
            Folds = options.Folds ?? ClassifierTrainingOptions.DefaultFolds,
            Seed = options.Seed ?? ClassifierTrainingOptions.DefaultSeed,
            Progress = options.Quiet ? null : new WriterProgress(stderr),
        };
        var model = ClassifierTrainer.Train(data, training);
        model.Save(options.Out);
        if (!options.Quiet)
        {
            await stderr.WriteLineAsync($"saved {options.Out} (kasuhara threshold {model.Metadata.KasuHaraThreshold.ToString("0.00", CultureInfo.InvariantCulture)}, data sha256 {model.Metadata.TrainingDataSha256[..12]}…)").ConfigureAwait(false);
        }

        if (model.CrossValidation is { } cv)
        {
            if (!options.Quiet)
            {
                await stderr.WriteLineAsync(cv.ToText()).ConfigureAwait(false);
            }

            await WriteReportAsync(options, cv.ToText()).ConfigureAwait(false);
            await stdout.WriteLineAsync(cv.ToJson()).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> EvaluateAsync(Options options, TextWriter stdout, TextWriter stderr)
    {
        if (options.Data is null)
        {
            await stderr.WriteLineAsync("error: evaluate needs --data FILE (and --model MODEL to evaluate a model)").ConfigureAwait(false);
            return 2;
        }

        var data = TrainingSet.Load(options.Data);
        var rulesOnly = EngineEvaluator.Evaluate(BuildEngine(options, null), data);
        if (options.Model is null)
        {
            // No model: the engine's routes (rules and sentiment) are the predictions.
            await WriteReportAsync(options, rulesOnly.ToText()).ConfigureAwait(false);
            if (!options.Quiet)
            {
                await stderr.WriteLineAsync(rulesOnly.ToText()).ConfigureAwait(false);
            }

            await stdout.WriteLineAsync(rulesOnly.ToJson()).ConfigureAwait(false);
            return 0;
        }

        var model = EscalationModel.Load(options.Model);
        var report = model.Evaluate(data);
        var engineReport = EngineEvaluator.Evaluate(BuildEngine(options, model), data);
        string text = "model\n" + report.ToText() + "\nengine with the model\n" + engineReport.ToText() + "\nengine without the model\n" + rulesOnly.ToText();
        await WriteReportAsync(options, text).ConfigureAwait(false);
        if (!options.Quiet)
        {
            await stderr.WriteLineAsync(text).ConfigureAwait(false);
        }

        var json = JsonNode.Parse(report.ToJson())!.AsObject();
        json["model"] = Path.GetFileName(options.Model);
        json["engine"] = JsonNode.Parse(engineReport.ToJson());
        json["engineWithoutModel"] = JsonNode.Parse(rulesOnly.ToJson());
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            json.WriteTo(writer);
        }

        await stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The engine <c>decide</c> would build (policy, rule packs), with the given model or none.</summary>
    private static EscalationEngine BuildEngine(Options options, EscalationModel? model)
    {
        var builder = new EscalationEngineBuilder().UsePolicy(options.Policy ?? "Balanced");
        foreach (string rules in options.Rules)
        {
            builder.AddRulePackFile(rules);
        }

        if (model is not null)
        {
            builder.UseMLClassifier(model);
        }

        return builder.Build();
    }

    private static async Task WriteReportAsync(Options options, string text)
    {
        if (options.Report is not null)
        {
            await File.WriteAllTextAsync(options.Report, text).ConfigureAwait(false);
        }
    }

    /// <summary>Writes progress lines as they come (no synchronisation context, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class WriterProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}
