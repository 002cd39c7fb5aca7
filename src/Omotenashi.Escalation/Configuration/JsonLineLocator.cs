using System.Text;
using System.Text.Json;

namespace Omotenashi.Escalation;

/// <summary>Finds the line of a JSON path (<c>$.rules[3].severity</c>) in a document, so validation errors can name it.</summary>
internal static class JsonLineLocator
{
    public static int Find(ReadOnlySpan<byte> utf8, string path)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var stack = new List<(bool IsArray, int Index, string? Name)>();
            string? pendingName = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        if (Current(stack, pendingName) == path)
                        {
                            return LineOf(utf8, (int)reader.TokenStartIndex);
                        }

                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        string here = ValuePath(stack, pendingName);
                        if (here == path)
                        {
                            return LineOf(utf8, (int)reader.TokenStartIndex);
                        }

                        Advance(stack);
                        stack.Add((reader.TokenType == JsonTokenType.StartArray, -1, pendingName));
                        pendingName = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    default:
                        string value = ValuePath(stack, pendingName);
                        Advance(stack);
                        if (value == path)
                        {
                            return LineOf(utf8, (int)reader.TokenStartIndex);
                        }

                        pendingName = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
        }

        return 0;
    }

    private static void Advance(List<(bool IsArray, int Index, string? Name)> stack)
    {
        if (stack.Count > 0 && stack[^1].IsArray)
        {
            var top = stack[^1];
            stack[^1] = (true, top.Index + 1, top.Name);
        }
    }

    private static string ValuePath(List<(bool IsArray, int Index, string? Name)> stack, string? pendingName)
    {
        if (stack.Count > 0 && stack[^1].IsArray)
        {
            return Current(stack, null) + "[" + (stack[^1].Index + 1) + "]";
        }

        return Current(stack, pendingName);
    }

    private static string Current(List<(bool IsArray, int Index, string? Name)> stack, string? name)
    {
        var sb = new StringBuilder("$");
        for (int i = 1; i < stack.Count; i++)
        {
            var (_, _, n) = stack[i];
            var parent = stack[i - 1];
            if (parent.IsArray)
            {
                sb.Append('[').Append(parent.Index).Append(']');
            }
            else
            {
                sb.Append('.').Append(n);
            }
        }

        if (name is not null)
        {
            sb.Append('.').Append(name);
        }

        return sb.ToString();
    }

    public static int LineOf(ReadOnlySpan<byte> utf8, int offset)
    {
        offset = Math.Clamp(offset, 0, utf8.Length);
        return utf8[..offset].Count((byte)'\n') + 1;
    }
}
