using System.Text.Json;

namespace Omotenashi.Escalation.ML.Internal;

/// <summary>
/// JSON Lines: <c>{"text": …, "label": …}</c>, or the evaluation format (<c>gold.abusive</c>: kasuhara when true,
/// else bot). Lines with neither a label nor gold are context (earlier turns, bot replies) and are counted as skipped.
/// </summary>
internal static class JsonLinesReader
{
    public static List<TrainingExample> Read(string content, string source, out int skipped)
    {
        var examples = new List<TrainingExample>();
        skipped = 0;
        int lineNumber = 0;
        foreach (var range in content.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = content.AsSpan(range).TrimEnd('\r');
            if (line.IsWhiteSpace())
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line.ToString());
            }
            catch (JsonException ex)
            {
                throw new TrainingDataException(source, lineNumber, "", "not valid JSON: " + ex.Message);
            }

            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new TrainingDataException(source, lineNumber, "", "expected a JSON object");
                }

                string? label = null;
                if (root.TryGetProperty("label", out var l))
                {
                    if (l.ValueKind != JsonValueKind.String)
                    {
                        throw new TrainingDataException(source, lineNumber, "label", "must be a string (bot, human or kasuhara)");
                    }

                    label = ClassifierLabels.Canonicalize(l.GetString()) ?? throw new TrainingDataException(source, lineNumber, "label", TrainingSet.BadLabel(l.GetString()));
                }
                else if (root.TryGetProperty("gold", out var gold) && gold.ValueKind == JsonValueKind.Object)
                {
                    if (!gold.TryGetProperty("abusive", out var abusive) || abusive.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        throw new TrainingDataException(source, lineNumber, "gold.abusive", "missing or not a boolean (needed when a line has gold and no label)");
                    }

                    label = abusive.GetBoolean() ? ClassifierLabels.KasuHara : ClassifierLabels.Bot;
                }

                if (label is null)
                {
                    skipped++;
                    continue;
                }

                if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    throw new TrainingDataException(source, lineNumber, "text", "missing or not a string");
                }

                examples.Add(new TrainingExample(text.GetString()!, label));
            }
        }

        return examples;
    }
}
