using System.Security.Cryptography;

namespace Omotenashi.Escalation.ML.Tests.Training;

public sealed class TrainingSetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("omotenashi-ml-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Load_CsvWithQuotedFields_ReadsCommasQuotesAndLineBreaks()
    {
        string path = Write("turns.csv", "id,text,label\n1,\"hello, is anyone there?\",bot\n2,\"he said \"\"idiot\"\" twice\nand left\",KasuHara\r\n3,plain text,human\n\n");
        var set = TrainingSet.Load(path);
        Assert.Equal(
            [new("hello, is anyone there?", "bot"), new("he said \"idiot\" twice\nand left", "kasuhara"), new("plain text", "human")],
            set.Examples);
        Assert.Equal(["bot", "human", "kasuhara"], set.Labels);
    }

    [Fact]
    public void Load_CsvWithoutLabelColumn_ThrowsNamingFileLineAndField()
    {
        string path = Write("nolabel.csv", "text,category\nhi,bot\n");
        var ex = Assert.Throws<TrainingDataException>(() => TrainingSet.Load(path));
        Assert.Equal(path, ex.FileName);
        Assert.Equal(1, ex.LineNumber);
        Assert.Equal("label", ex.Field);
        Assert.Contains($"{path}:1: label: missing column", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RowMissingTextField_ThrowsNamingLineAndField()
    {
        string path = Write("short.tsv", "label\ttext\nbot\thi\nhuman\n");
        var ex = Assert.Throws<TrainingDataException>(() => TrainingSet.Load(path));
        Assert.Equal((3, "text"), (ex.LineNumber, ex.Field));
        Assert.StartsWith($"{path}:3: text:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownLabel_ThrowsNamingLineAndLabel()
    {
        string path = Write("bad.csv", "text,label\nhi,bot\n\"multi\nline\",bot\nyou idiot,abusive\n");
        var ex = Assert.Throws<TrainingDataException>(() => TrainingSet.Load(path));
        Assert.Equal((5, "label"), (ex.LineNumber, ex.Field));
        Assert.Contains("'abusive' is not a label", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TsvWithPandasQuoting_ReadsQuotedFieldsAndBareQuotes()
    {
        string path = Write("turns.tsv", "text\tlabel\n\"tab\tinside\"\tbot\n\"quoted\" at the start\tbot\nsays \"hi\"\tbot\n");
        var set = TrainingSet.Load(path);
        Assert.Equal(["tab\tinside", "\"quoted\" at the start", "says \"hi\""], set.Examples.Select(e => e.Text));
    }

    [Fact]
    public void Load_EvaluationJsonLines_MapsGoldAbusiveAndSkipsContext()
    {
        string path = Write("eval.jsonl", """
            {"id":"1","conversation":"c","text":"hi"}
            {"id":"2","conversation":"c","text":"Hello!","role":"bot"}
            {"id":"3","conversation":"c","text":"you idiot","gold":{"abusive":true,"severity":-2}}
            {"id":"4","conversation":"d","text":"thanks","gold":{"abusive":false}}
            {"text":"talk to a person","label":"human"}
            """);
        var set = TrainingSet.Load(path);
        Assert.Equal([new("you idiot", "kasuhara"), new("thanks", "bot"), new("talk to a person", "human")], set.Examples);
        Assert.Equal(2, set.SkippedLines);
    }

    [Fact]
    public void Load_JsonLinesWithBrokenLine_ThrowsNamingLine()
    {
        string path = Write("broken.jsonl", "{\"text\":\"hi\",\"label\":\"bot\"}\n{\"text\": \"oops\"\n");
        var ex = Assert.Throws<TrainingDataException>(() => TrainingSet.Load(path));
        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JsonLinesLabelWithoutText_ThrowsNamingTextField()
    {
        string path = Write("notext.jsonl", "{\"message\":\"hi\",\"label\":\"bot\"}\n");
        var ex = Assert.Throws<TrainingDataException>(() => TrainingSet.Load(path));
        Assert.Equal((1, "text"), (ex.LineNumber, ex.Field));
    }

    [Fact]
    public void Load_File_HashIsSha256OfItsBytes()
    {
        string path = Write("turns.tsv", "text\tlabel\nhi\tbot\nidiot\tkasuhara\n");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), TrainingSet.Load(path).Sha256);
    }

    [Fact]
    public void Load_Directory_ReadsEveryDataFileInNameOrder()
    {
        Write("b.tsv", "text\tlabel\nsecond\tbot\n");
        Write("a.csv", "text,label\nfirst,kasuhara\n");
        Write("notes.md", "# not data");
        var set = TrainingSet.Load(_dir);
        Assert.Equal(["first", "second"], set.Examples.Select(e => e.Text));
    }

    [Fact]
    public void Split_IsStratifiedAndReproducible()
    {
        var set = SampleTurns.Create();
        var (train, held) = set.Split(0.2, seed: 3);
        var (train2, _) = set.Split(0.2, seed: 3);
        Assert.Equal(set.Count, train.Count + held.Count);
        Assert.Equal(train.Examples, train2.Examples);
        foreach (string label in set.Labels)
        {
            double share = held.CountOf(label) / (double)set.CountOf(label);
            Assert.InRange(share, 0.15, 0.25);
        }
    }
}
