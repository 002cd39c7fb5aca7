using System.Buffers;
using System.Reflection;
using System.Text;

namespace Omotenashi.Escalation;

/// <summary>The lexicons and rule packs embedded in this assembly.</summary>
internal static class BuiltInResources
{
    private const string LexiconPrefix = "Omotenashi.Escalation.Lexicons.";
    private const string RulePrefix = "Omotenashi.Escalation.Rules.";

    public static IEnumerable<KnowledgeSource> All()
    {
        var asm = typeof(BuiltInResources).Assembly;
        var names = asm.GetManifestResourceNames();
        Array.Sort(names, StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (name.StartsWith(LexiconPrefix, StringComparison.Ordinal) && name.EndsWith(".tsv", StringComparison.Ordinal))
            {
                string file = name[LexiconPrefix.Length..^4];
                bool modifiers = file.EndsWith(".modifiers", StringComparison.Ordinal);
                string lang = modifiers ? file[..^".modifiers".Length] : file;
                if (lang == "emoji")
                {
                    lang = "*";
                }

                yield return new LexiconSource(lang, ReadText(asm, name), "Lexicons/" + file + ".tsv", modifiers, BuiltIn: true);
            }
            else if (name.StartsWith(RulePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            {
                yield return new RulePackSource(ReadUtf8(asm, name), "Rules/" + name[RulePrefix.Length..], BuiltIn: true);
            }
        }
    }

    // The resources are read as UTF-8 bytes: rule packs are parsed from them as they are, and lexicons are decoded
    // once into an exactly sized string (a byte-order mark is skipped, as a reader would).
    private static string ReadText(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)!;
        int length = checked((int)stream.Length);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            stream.ReadExactly(buffer, 0, length);
            return Encoding.UTF8.GetString(WithoutBom(buffer.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] ReadUtf8(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)!;
        byte[] bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? WithoutBom(bytes).ToArray() : bytes;
    }

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8) => utf8.StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8;
}
