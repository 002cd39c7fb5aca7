using System.Security.Cryptography;
using System.Text;

namespace Omotenashi.Escalation.ML;

/// <summary>
/// Labelled turns to train or evaluate on, with where they came from and a SHA-256 of the data (stored in a
/// model's metadata so a model can be traced to its training file). Read one with <see cref="Load"/>:
/// CSV or TSV with a header naming <c>text</c> and <c>label</c> columns (quoted fields allowed), or JSON Lines
/// with <c>text</c> and <c>label</c>, or the evaluation format with <c>gold.abusive</c> (kasuhara when true, else bot).
/// </summary>
public sealed class TrainingSet
{
    /// <summary>Creates a set from turns in memory; the hash is computed over the turns (text and label, in order).</summary>
    /// <param name="examples">The turns; every label must be one of <see cref="ClassifierLabels.All"/>.</param>
    /// <param name="source">A name for messages and metadata. The default value is <c>memory</c>.</param>
    /// <exception cref="TrainingDataException">A label is not a known label.</exception>
    public TrainingSet(IEnumerable<TrainingExample> examples, string source = "memory")
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(source);
        var list = new List<TrainingExample>();
        int index = 0;
        foreach (var e in examples)
        {
            index++;
            string label = ClassifierLabels.Canonicalize(e.Label) ?? throw new TrainingDataException(source, index, "label", BadLabel(e.Label));
            list.Add(new TrainingExample(e.Text ?? string.Empty, label));
        }

        Examples = list;
        Source = source;
        Sha256 = HashExamples(list);
        Labels = LabelsOf(list);
    }

    private TrainingSet(List<TrainingExample> examples, string source, string sha256, int skippedLines)
    {
        Examples = examples;
        Source = source;
        Sha256 = sha256;
        SkippedLines = skippedLines;
        Labels = LabelsOf(examples);
    }

    /// <summary>The labelled turns, in file order.</summary>
    public IReadOnlyList<TrainingExample> Examples { get; }

    /// <summary>The file or source name.</summary>
    public string Source { get; }

    /// <summary>SHA-256 (lower-case hex) of the file's bytes, or of the turns for a set built in memory.</summary>
    public string Sha256 { get; }

    /// <summary>The labels present, in the order of <see cref="ClassifierLabels.All"/>.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>JSON Lines lines without a label that were read as context (the evaluation format's earlier turns and bot replies).</summary>
    public int SkippedLines { get; }

    /// <summary>The number of turns.</summary>
    public int Count => Examples.Count;

    /// <summary>The number of turns with a label.</summary>
    public int CountOf(string label)
    {
        int n = 0;
        foreach (var e in Examples)
        {
            if (e.Label == label)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// Reads a file: <c>.jsonl</c>/<c>.ndjson</c> as JSON Lines, <c>.tsv</c>/<c>.tab</c> as tab-separated, <c>.csv</c>
    /// as comma-separated; other extensions are recognised from the first line. A directory reads every
    /// <c>.csv</c>, <c>.tsv</c> and <c>.jsonl</c> file in it, in name order, as one set.
    /// </summary>
    /// <exception cref="TrainingDataException">A column, field or label is missing or invalid (the message names the file, line and field).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static TrainingSet Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path)
                .Where(static f => Path.GetExtension(f).ToUpperInvariant() is ".CSV" or ".TSV" or ".JSONL" or ".NDJSON")
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (files.Length == 0)
            {
                throw new TrainingDataException(path, 0, "", "no .csv, .tsv or .jsonl files in the directory");
            }

            return Combine(files.Select(Load), path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found", path);
        }

        byte[] bytes = File.ReadAllBytes(path);
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string content = new UTF8Encoding(false, false).GetString(bytes);
        if (content.Length > 0 && content[0] == '\uFEFF')
        {
            content = content[1..];
        }

        var format = FormatOf(path, content);
        return Parse(content, path, format, sha);
    }

    /// <summary>Joins sets into one, in order; the hash is the SHA-256 of the parts' hashes.</summary>
    /// <param name="sets">The parts.</param>
    /// <param name="source">The name of the whole.</param>
    public static TrainingSet Combine(IEnumerable<TrainingSet> sets, string source)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(source);
        var examples = new List<TrainingExample>();
        var hashes = new StringBuilder();
        int skipped = 0;
        foreach (var set in sets)
        {
            examples.AddRange(set.Examples);
            hashes.Append(set.Sha256).Append('\n');
            skipped += set.SkippedLines;
        }

        return new TrainingSet(examples, source, HashText(hashes.ToString()), skipped);
    }

    /// <summary>Reads CSV or TSV text with a header naming <c>text</c> and <c>label</c> columns.</summary>
    /// <param name="content">The whole text.</param>
    /// <param name="separator"><c>','</c> or <c>'\t'</c>.</param>
    /// <param name="source">A name for messages and metadata.</param>
    /// <exception cref="TrainingDataException">A column, field or label is missing or invalid.</exception>
    public static TrainingSet ParseDelimited(string content, char separator, string source = "data.csv")
    {
        ArgumentNullException.ThrowIfNull(content);
        return Parse(content, source, separator == '\t' ? DataFormat.Tsv : DataFormat.Csv, HashText(content));
    }

    /// <summary>Reads JSON Lines text: <c>text</c> plus <c>label</c>, or <c>gold.abusive</c> (the evaluation format).</summary>
    /// <exception cref="TrainingDataException">A line is not JSON, or a field is missing or invalid.</exception>
    public static TrainingSet ParseJsonLines(string content, string source = "data.jsonl")
    {
        ArgumentNullException.ThrowIfNull(content);
        return Parse(content, source, DataFormat.JsonLines, HashText(content));
    }

    /// <summary>Splits the turns into a training part and a held-out part, stratified by label (seeded, reproducible).</summary>
    /// <param name="heldOutFraction">The share held out, in (0, 1).</param>
    /// <param name="seed">The shuffle seed.</param>
    public (TrainingSet Training, TrainingSet HeldOut) Split(double heldOutFraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heldOutFraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(heldOutFraction, 1);
        int folds = Math.Max(2, (int)Math.Round(1 / heldOutFraction));
        int[] fold = Internal.Folds.Assign(Examples, folds, seed);
        var train = new List<TrainingExample>();
        var held = new List<TrainingExample>();
        for (int i = 0; i < Examples.Count; i++)
        {
            (fold[i] == 0 ? held : train).Add(Examples[i]);
        }

        return (new TrainingSet(train, Source + "#train"), new TrainingSet(held, Source + "#heldout"));
    }

    internal static string BadLabel(string? label) => $"'{label}' is not a label; use bot, human or kasuhara";

    private static TrainingSet Parse(string content, string source, DataFormat format, string sha)
    {
        int skipped = 0;
        var examples = format == DataFormat.JsonLines
            ? Internal.JsonLinesReader.Read(content, source, out skipped)
            : Internal.DelimitedReader.Read(content, format == DataFormat.Tsv ? '\t' : ',', source);
        if (examples.Count == 0)
        {
            throw new TrainingDataException(source, 0, "", "no labelled turns");
        }

        return new TrainingSet(examples, source, sha, skipped);
    }

    private static DataFormat FormatOf(string path, string content)
    {
        string ext = Path.GetExtension(path).ToUpperInvariant();
        switch (ext)
        {
            case ".JSONL" or ".NDJSON":
                return DataFormat.JsonLines;
            case ".TSV" or ".TAB":
                return DataFormat.Tsv;
            case ".CSV":
                return DataFormat.Csv;
        }

        var first = content.AsSpan().TrimStart();
        int eol = first.IndexOfAny('\r', '\n');
        var line = eol < 0 ? first : first[..eol];
        return line.StartsWith("{") ? DataFormat.JsonLines : line.Contains('\t') ? DataFormat.Tsv : DataFormat.Csv;
    }

    private static string HashText(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static string HashExamples(List<TrainingExample> examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in examples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(e.Label));
            hash.AppendData("\t"u8);
            hash.AppendData(Encoding.UTF8.GetBytes(e.Text));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string[] LabelsOf(List<TrainingExample> examples)
    {
        var present = new List<string>(3);
        foreach (string label in ClassifierLabels.All)
        {
            foreach (var e in examples)
            {
                if (e.Label == label)
                {
                    present.Add(label);
                    break;
                }
            }
        }

        return [.. present];
    }

    private enum DataFormat
    {
        Csv,
        Tsv,
        JsonLines,
    }
}
