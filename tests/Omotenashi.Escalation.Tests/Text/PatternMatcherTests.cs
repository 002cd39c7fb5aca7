namespace Omotenashi.Escalation.Tests.Text;

public class PatternMatcherTests
{
    [Fact]
    public void Match_FindsEveryOverlappingOccurrence()
    {
        var m = PatternMatcher.Build(["he", "she", "his", "hers"]);
        var hits = new PatternHit[16];
        int n = m.Match("ushers", hits);
        var found = hits[..n].Select(h => (h.Start, h.End, h.Pattern)).OrderBy(x => x).ToArray();
        Assert.Equal([(1, 4, 1), (2, 4, 0), (2, 6, 3)], found);
    }

    [Fact]
    public void Match_Japanese_FindsSubstringsWithoutSpaces()
    {
        var m = PatternMatcher.Build(["届かない", "ない", "荷物"]);
        var hits = new PatternHit[16];
        int n = m.Match("荷物が届かない", hits);
        Assert.Equal(3, n);
    }

    [Fact]
    public void Match_StopsAtCapacityWithoutFailing()
    {
        var m = PatternMatcher.Build(["a"]);
        var hits = new PatternHit[4];
        Assert.Equal(4, m.Match(new string('a', 100), hits));
    }

    [Theory]
    [InlineData(1, 200)] // multikey quicksort alone
    [InlineData(3, 5_000)] // packed prefixes radix sorted first
    [InlineData(2, 20_000)] // and the two halves sorted on two threads
    public void Match_ManyPatterns_FindsExactlyWhatANaiveSearchFinds(int seed, int count)
    {
        // Few letters (and U+0000, which pads short keys in the sort) so that patterns share long prefixes and suffixes.
        var random = new Random(seed);
        const string Alphabet = "abc\0ё語";
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < count)
        {
            var chars = new char[random.Next(1, 9)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            set.Add(new string(chars));
        }

        var patterns = set.ToList();
        var m = PatternMatcher.Build(patterns);
        Assert.Equal(patterns.Count, m.PatternCount);
        for (int t = 0; t < 20; t++)
        {
            var text = new string([.. Enumerable.Range(0, 40).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            var hits = new PatternHit[4096];
            int n = m.Match(text, hits);
            var found = hits[..n].Select(h => (h.Start, h.End, h.Pattern)).OrderBy(x => x).ToArray();
            var expected = patterns
                .SelectMany((p, id) => Enumerable.Range(0, text.Length - p.Length + 1)
                    .Where(start => string.CompareOrdinal(text, start, p, 0, p.Length) == 0)
                    .Select(start => (start, start + p.Length, id)))
                .OrderBy(x => x).ToArray();
            Assert.Equal(expected, found);
        }
    }
}
