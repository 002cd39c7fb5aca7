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
}
