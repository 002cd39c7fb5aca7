using System.Reflection;

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

                yield return new LexiconSource(lang, Read(asm, name), "Lexicons/" + file + ".tsv", modifiers, BuiltIn: true);
            }
            else if (name.StartsWith(RulePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            {
                yield return new RulePackSource(Read(asm, name), "Rules/" + name[RulePrefix.Length..], BuiltIn: true);
            }
        }
    }

    private static string Read(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
