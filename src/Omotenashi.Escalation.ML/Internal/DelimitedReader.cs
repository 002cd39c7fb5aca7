using System.Text;

namespace Omotenashi.Escalation.ML.Internal;

/// <summary>
/// CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) and TSV (the same quoting, as pandas
/// writes it; a field that only starts with a quote is read as it is) with a header naming <c>text</c> and <c>label</c>.
/// </summary>
internal static class DelimitedReader
{
    public static List<TrainingExample> Read(string content, char separator, string source)
    {
        var examples = new List<TrainingExample>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int pos = 0;
        int line = 1;
        int textColumn = -1, labelColumn = -1, columns = 0;
        bool header = true;
        while (pos < content.Length)
        {
            int recordLine = line;
            fields.Clear();
            ReadRecord(content, ref pos, ref line, separator, fields, field, source);
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (header)
            {
                header = false;
                columns = fields.Count;
                for (int i = 0; i < fields.Count; i++)
                {
                    string name = fields[i].Trim().Trim('\uFEFF');
                    if (name.Equals("text", StringComparison.OrdinalIgnoreCase) && textColumn < 0)
                    {
                        textColumn = i;
                    }
                    else if (name.Equals("label", StringComparison.OrdinalIgnoreCase) && labelColumn < 0)
                    {
                        labelColumn = i;
                    }
                }

                string found = string.Join(", ", fields.Select(static f => "'" + f.Trim() + "'"));
                if (textColumn < 0)
                {
                    throw new TrainingDataException(source, recordLine, "text", $"missing column; the header must name 'text' and 'label' columns (found {found})");
                }

                if (labelColumn < 0)
                {
                    throw new TrainingDataException(source, recordLine, "label", $"missing column; the header must name 'text' and 'label' columns (found {found})");
                }

                continue;
            }

            if (fields.Count <= Math.Max(textColumn, labelColumn))
            {
                string missing = fields.Count <= textColumn ? "text" : "label";
                throw new TrainingDataException(source, recordLine, missing, $"missing field: the row has {fields.Count} field(s), the header {columns}");
            }

            string? label = ClassifierLabels.Canonicalize(fields[labelColumn]);
            if (label is null)
            {
                throw new TrainingDataException(source, recordLine, "label", TrainingSet.BadLabel(fields[labelColumn]));
            }

            examples.Add(new TrainingExample(fields[textColumn], label));
        }

        if (header)
        {
            throw new TrainingDataException(source, 0, "", "empty file; expected a header naming 'text' and 'label' columns");
        }

        return examples;
    }

    private static void ReadRecord(string s, ref int pos, ref int line, char separator, List<string> fields, StringBuilder field, string source)
    {
        while (true)
        {
            field.Clear();
            if (pos < s.Length && s[pos] == '"' && TryReadQuoted(s, ref pos, ref line, separator, field, source))
            {
                // pos is on a separator, a line break or the end.
            }
            else
            {
                int start = pos;
                while (pos < s.Length && s[pos] != separator && s[pos] != '\n' && s[pos] != '\r')
                {
                    pos++;
                }

                field.Append(s, start, pos - start);
            }

            fields.Add(field.ToString());
            if (pos >= s.Length)
            {
                return;
            }

            char c = s[pos++];
            if (c == separator)
            {
                continue;
            }

            if (c == '\r' && pos < s.Length && s[pos] == '\n')
            {
                pos++;
            }

            line++;
            return;
        }
    }

    /// <summary>Reads a quoted field; for TSV, falls back (returns false, pos unchanged) when the quotes are not a field's quoting.</summary>
    private static bool TryReadQuoted(string s, ref int pos, ref int line, char separator, StringBuilder field, string source)
    {
        int p = pos + 1;
        int lines = 0;
        while (p < s.Length)
        {
            char c = s[p];
            if (c == '"')
            {
                if (p + 1 < s.Length && s[p + 1] == '"')
                {
                    field.Append('"');
                    p += 2;
                    continue;
                }

                p++;
                if (p < s.Length && s[p] != separator && s[p] != '\n' && s[p] != '\r')
                {
                    if (separator == '\t')
                    {
                        field.Clear();
                        return false;
                    }

                    throw new TrainingDataException(source, line + lines, "", $"unexpected character '{s[p]}' after a closing quote (double a quote inside a quoted field)");
                }

                pos = p;
                line += lines;
                return true;
            }

            if (c == '\n')
            {
                lines++;
            }

            field.Append(c);
            p++;
        }

        if (separator == '\t')
        {
            field.Clear();
            return false;
        }

        throw new TrainingDataException(source, line, "", "a quoted field is not closed");
    }
}
