using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Omotenashi.Escalation.ML.Internal;

namespace Omotenashi.Escalation.ML;

/// <summary>
/// A trained classifier: the ML.NET model (featurisation and trainer, shared and immutable) and its
/// <see cref="ModelMetadata"/>. Create one with <see cref="ClassifierTrainer.Train"/> or <see cref="Load(string)"/>;
/// save it as one zip file with <see cref="Save(string)"/>; serve it with <see cref="CreateClassifier"/>.
/// </summary>
public sealed class EscalationModel
{
    /// <summary>The zip entry holding <see cref="ModelMetadata"/> as JSON.</summary>
    public const string MetadataEntryName = "omotenashi-model.json";

    /// <summary>The zip entry holding the ML.NET model (itself a zip, as ML.NET saves it).</summary>
    public const string ModelEntryName = "mlnet-model.zip";

    private readonly bool[] _present = new bool[3];

    internal EscalationModel(MLContext context, ITransformer transformer, ModelMetadata metadata, EvaluationReport? crossValidation)
    {
        Context = context;
        Transformer = transformer;
        Metadata = metadata;
        CrossValidation = crossValidation;
        foreach (string label in metadata.Labels)
        {
            _present[Evaluator.IndexOf(label)] = true;
        }
    }

    /// <summary>What the model says about itself.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The ML.NET model: normalised text (column <c>Text</c>) in, per-label probabilities (column <c>Score</c>) out.</summary>
    public ITransformer Transformer { get; }

    /// <summary>The cross-validated report from training, or <see langword="null"/> for a loaded model or training without folds.</summary>
    public EvaluationReport? CrossValidation { get; }

    internal MLContext Context { get; }

    internal bool HasKasuHara => _present[Evaluator.KasuHaraIndex];

    internal static string LibraryVersion { get; } = typeof(EscalationModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    internal static string MLNetVersion { get; } = typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    /// <summary>Loads a model saved with <see cref="Save(string)"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ModelFormatException">The file is not a model this library can load; the message names the file and the problem.</exception>
    public static EscalationModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: model file not found", path);
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Loads a model from a stream holding what <see cref="Save(Stream)"/> wrote.</summary>
    /// <param name="stream">A readable, seekable stream.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <exception cref="ModelFormatException">The stream does not hold a model this library can load.</exception>
    public static EscalationModel Load(Stream stream, string sourceName = "model")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new ModelFormatException(sourceName, "not an Omotenashi.Escalation model (not a zip archive); train one with 'omotenashi train'", ex);
        }

        using (zip)
        {
            var metaEntry = zip.GetEntry(MetadataEntryName)
                ?? throw new ModelFormatException(sourceName, $"not an Omotenashi.Escalation model: the metadata entry '{MetadataEntryName}' is missing (a plain ML.NET model cannot be served without it; train with 'omotenashi train')", null);
            var metadata = ReadMetadata(metaEntry, sourceName);
            var modelEntry = zip.GetEntry(ModelEntryName)
                ?? throw new ModelFormatException(sourceName, $"the ML.NET model entry '{ModelEntryName}' is missing", null);

            var context = new MLContext(metadata.Seed);
            ITransformer transformer;
            DataViewSchema inputSchema;
            try
            {
                using var modelStream = new MemoryStream();
                using (var s = modelEntry.Open())
                {
                    s.CopyTo(modelStream);
                }

                modelStream.Position = 0;
                transformer = context.Model.Load(modelStream, out inputSchema);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new ModelFormatException(sourceName, "the ML.NET model inside could not be loaded: " + ex.Message, ex);
            }

            CheckSchema(transformer, inputSchema, metadata, sourceName);
            return new EscalationModel(context, transformer, metadata, null);
        }
    }

    /// <summary>Saves the model and its metadata as one zip file (overwriting it).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the model and its metadata as a zip archive to a stream.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var meta = zip.CreateEntry(MetadataEntryName, CompressionLevel.Optimal);
        using (var s = meta.Open())
        {
            JsonSerializer.Serialize(s, Metadata, MLJsonContext.Indented.ModelMetadata);
        }

        var model = zip.CreateEntry(ModelEntryName, CompressionLevel.NoCompression);
        using (var s = model.Open())
        {
            var schema = Context.Data.LoadFromEnumerable(Array.Empty<TextRow>()).Schema;
            Context.Model.Save(Transformer, schema, s);
        }
    }

    /// <summary>Evaluates the model on labelled turns, flagging kasuhara at <see cref="ModelMetadata.KasuHaraThreshold"/>.</summary>
    public EvaluationReport Evaluate(TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var probabilities = Probabilities(data.Examples);
        var thresholds = Enumerable.Repeat(Metadata.KasuHaraThreshold, data.Count).ToArray();
        var gold = data.Examples.Select(static e => e.Label).ToArray();
        return Evaluator.Build(Path.GetFileName(data.Source), Metadata.Labels, gold, probabilities, thresholds, 0, Metadata.KasuHaraThreshold);
    }

    /// <summary>Creates a thread-safe classifier for the engine (pooled prediction engines over this shared model).</summary>
    public MLInteractionClassifier CreateClassifier() => new(this);

    /// <summary>Per turn, probabilities in <see cref="ClassifierLabels.All"/> order.</summary>
    internal double[][] Probabilities(IReadOnlyList<TrainingExample> examples)
    {
        var scores = Pipeline.Score(Context, Transformer, examples);
        var result = new double[scores.Length][];
        for (int i = 0; i < scores.Length; i++)
        {
            result[i] = new double[3];
            Map(scores[i], result[i]);
        }

        return result;
    }

    /// <summary>Spreads a score vector (model label order) into <see cref="ClassifierLabels.All"/> order.</summary>
    internal void Map(ReadOnlySpan<float> score, Span<double> destination)
    {
        int j = 0;
        for (int i = 0; i < 3; i++)
        {
            destination[i] = _present[i] && j < score.Length ? score[j++] : 0;
        }
    }

    private static ModelMetadata ReadMetadata(ZipArchiveEntry entry, string sourceName)
    {
        ModelMetadata? metadata;
        try
        {
            using var s = entry.Open();
            metadata = JsonSerializer.Deserialize(s, MLJsonContext.Default.ModelMetadata);
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException(sourceName, $"the metadata entry '{MetadataEntryName}' is not valid JSON: {ex.Message}", ex);
        }

        if (metadata is null)
        {
            throw new ModelFormatException(sourceName, $"the metadata entry '{MetadataEntryName}' is empty", null);
        }

        if (metadata.FormatVersion != ModelMetadata.CurrentFormatVersion)
        {
            throw new ModelFormatException(
                sourceName,
                $"model format version {metadata.FormatVersion} is not supported by Omotenashi.Escalation.ML {LibraryVersion} (it reads version {ModelMetadata.CurrentFormatVersion}); retrain the model or use the library version that wrote it ({(metadata.LibraryVersion.Length > 0 ? metadata.LibraryVersion : "unknown")})",
                null);
        }

        var labels = metadata.Labels ?? [];
        var ordered = ClassifierLabels.All.Where(labels.Contains).ToArray();
        if (labels.Count < 2 || !labels.SequenceEqual(ordered))
        {
            throw new ModelFormatException(sourceName, $"metadata field 'labels' must list two or three of bot, human, kasuhara in that order; was [{string.Join(", ", labels)}]", null);
        }

        if (!(metadata.KasuHaraThreshold > 0 && metadata.KasuHaraThreshold < 1))
        {
            throw new ModelFormatException(sourceName, $"metadata field 'kasuHaraThreshold' must be in (0, 1); was {metadata.KasuHaraThreshold}", null);
        }

        return metadata;
    }

    private static void CheckSchema(ITransformer transformer, DataViewSchema inputSchema, ModelMetadata metadata, string sourceName)
    {
        if (inputSchema.GetColumnOrNull(Pipeline.TextColumn) is null)
        {
            throw new ModelFormatException(sourceName, $"the ML.NET model does not take a '{Pipeline.TextColumn}' column", null);
        }

        var output = transformer.GetOutputSchema(inputSchema);
        if (output.GetColumnOrNull(Pipeline.ScoreColumn) is not { Type: VectorDataViewType { Size: var size } } || size != metadata.Labels.Count)
        {
            throw new ModelFormatException(sourceName, $"the ML.NET model's '{Pipeline.ScoreColumn}' column does not hold one probability per label ({metadata.Labels.Count})", null);
        }
    }
}
