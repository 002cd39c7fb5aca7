using System.Text.RegularExpressions;

namespace Omotenashi.Escalation.Tests.Text;

public class BuiltInLexiconTests
{
    /// <summary>
    /// A line starting with "#" is a comment, so "#fail&lt;TAB&gt;-2.0" never takes effect: an entry that looks like a
    /// hashtag must be written as the word ("#" is a word boundary in text, so "#fail" matches "fail").
    /// </summary>
    [Fact]
    public void NoBuiltInLexiconEntryIsHiddenAsAComment()
    {
        var commentedEntry = new Regex(@"^#[^\s#-][^\t]*\t[-+]?\d", RegexOptions.CultureInvariant);
        var offenders = BuiltInResources.All()
            .OfType<LexiconSource>()
            .SelectMany(lex => lex.Text.Split('\n').Select((line, i) => (lex.SourceName, Line: i + 1, Text: line.TrimEnd('\r'))))
            .Where(x => commentedEntry.IsMatch(x.Text))
            .Select(x => $"{x.SourceName}:{x.Line}: {x.Text}")
            .ToList();

        Assert.Empty(offenders);
    }
}
