namespace Omotenashi.Escalation.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("Hello WORLD", "hello world")]
    [InlineData("バカ", "ばか")]
    [InlineData("ﾊﾞｶ", "ばか")]
    [InlineData("ﾊﾟﾝ", "ぱん")]
    [InlineData("ｶﾀｶﾅ", "かたかな")]
    [InlineData("don’t", "don't")]
    [InlineData("全角　スペース", "全角 すぺーす")]
    [InlineData("Всё ЕЩЁ", "все еще")]
    public void Normalize_FoldsWidthCaseAndKana(string input, string expected)
        => Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("f.u.c.k you", "fuck you")]
    [InlineData("f u c k you", "fuck you")]
    [InlineData("f-u-c-k", "fuck")]
    [InlineData("ば か", "ばか")]
    [InlineData("fuuuuuck", "fuck")]
    [InlineData("sooo good", "so good")]
    [InlineData("sh1t", "shit")]
    [InlineData("b!tch", "bitch")]
    [InlineData("1d10t", "idiot")]
    [InlineData("$tupid", "stupid")]
    public void Normalize_FoldsObfuscation(string input, string expected)
        => Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Theory]
    [InlineData("wow!!!", "wow!!!")]
    [InlineData("$100 refund", "$100 refund")]
    [InlineData("order 12345", "order 12345")]
    [InlineData("good", "good")]
    [InlineData("cool", "cool")]
    [InlineData("www", "www")]
    [InlineData("a lot of work", "a lot of work")]
    public void Normalize_LeavesOrdinaryTextAlone(string input, string expected)
        => Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Normalize_MixedScriptWord_FoldsLookAlikesToMajorityScript()
    {
        // Latin 'x' and 'y' inside a Cyrillic word, Cyrillic 'і' inside a Latin word.
        Assert.Equal("хуй", TextNormalizer.Normalize("xуй"));
        Assert.Equal("idiot", TextNormalizer.Normalize("\u0456diot"));
    }

    [Fact]
    public void Normalize_MapPointsIntoTheSource()
    {
        string src = "ＡＢ ﾊﾞｶ";
        var dest = new char[src.Length];
        var map = new int[src.Length];
        var counts = default(ScriptCounts);
        int n = TextNormalizer.Normalize(src, dest, map, ref counts);
        Assert.Equal("ab ばか", new string(dest, 0, n));
        Assert.Equal(0, map[0]);
        Assert.Equal(3, map[3]); // ば starts at ﾊ
        Assert.Equal(5, map[4]); // か
    }
}

public class TextNormalizerFastPathTests
{
    [Fact]
    public void Normalize_FastPath_AgreesWithTheFullPath_OnEveryBuiltInTerm()
    {
        int checkedTerms = 0;
        foreach (var source in BuiltInResources.All().OfType<LexiconSource>())
        {
            foreach (string line in source.Text.Split('\n'))
            {
                int tab = line.IndexOf('\t');
                if (tab <= 0 || line.StartsWith('#'))
                {
                    continue;
                }

                string term = line[..tab].Trim().Trim('*');
                Assert.Equal(TextNormalizer.NormalizeFull(term), TextNormalizer.Normalize(term));
                checkedTerms++;
            }
        }

        Assert.True(checkedTerms > 20_000);
    }

    [Theory]
    [InlineData("a b c")]
    [InlineData("ば か")]
    [InlineData("soooo")]
    [InlineData("xуй")]
    [InlineData("Hello")]
    [InlineData("バカ")]
    public void Normalize_FastPath_DefersToTheFullPathWhenFoldingApplies(string text)
        => Assert.Equal(TextNormalizer.NormalizeFull(text), TextNormalizer.Normalize(text));
}

public class CyrillicObfuscationTests
{
    [Theory]
    [InlineData("дeбuлы", "дебилы")]
    [InlineData("е6лан", "еблан")]
    [InlineData("шлюhа", "шлюна")]
    [InlineData("сyка", "сука")]
    [InlineData("covid19", "covid19")]
    [InlineData("мп3", "мп3")]
    public void Normalize_FoldsLatinShapesInsideCyrillicWords(string input, string expected)
        => Assert.Equal(expected, TextNormalizer.Normalize(input));
}
