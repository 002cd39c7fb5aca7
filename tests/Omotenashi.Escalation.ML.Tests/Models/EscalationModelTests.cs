using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Omotenashi.Escalation.ML.Tests.Models;

public sealed class EscalationModelTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("omotenashi-ml-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalPredictionsAndMetadata()
    {
        string path = Path.Combine(_dir, "model.zip");
        fixture.Model.Save(path);
        var loaded = EscalationModel.Load(path);
        Assert.Equal(fixture.Model.Metadata.KasuHaraThreshold, loaded.Metadata.KasuHaraThreshold);
        Assert.Equal(fixture.Model.Metadata.TrainingDataSha256, loaded.Metadata.TrainingDataSha256);
        Assert.Equal(fixture.Model.Metadata.Labels, loaded.Metadata.Labels);
        var before = fixture.Model.CreateClassifier();
        var after = MLInteractionClassifier.Load(path);
        foreach (string probe in SampleTurns.Probes)
        {
            Assert.Equal(before.Predict(probe), after.Predict(probe));
        }
    }

    [Fact]
    public void Load_NotAZip_ThrowsNamingTheFile()
    {
        string path = Path.Combine(_dir, "notes.zip");
        File.WriteAllText(path, "this is not a model");
        var ex = Assert.Throws<ModelFormatException>(() => EscalationModel.Load(path));
        Assert.Equal(path, ex.FileName);
        Assert.StartsWith(path + ": not an Omotenashi.Escalation model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ZipWithoutMetadata_ThrowsNamingTheMissingEntry()
    {
        string path = Path.Combine(_dir, "plain.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("something.bin");
        }

        var ex = Assert.Throws<ModelFormatException>(() => EscalationModel.Load(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(EscalationModel.MetadataEntryName, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFormatVersion_ThrowsNamingFileAndVersion()
    {
        string path = Path.Combine(_dir, "future.zip");
        fixture.Model.Save(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry(EscalationModel.MetadataEntryName)!;
            JsonObject meta;
            using (var s = entry.Open())
            {
                meta = JsonNode.Parse(s)!.AsObject();
            }

            meta["formatVersion"] = 99;
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry(EscalationModel.MetadataEntryName).Open());
            w.Write(meta.ToJsonString());
        }

        var ex = Assert.Throws<ModelFormatException>(() => MLInteractionClassifier.Load(path));
        Assert.StartsWith(path + ": model format version 99 is not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFoundNamingIt()
    {
        string path = Path.Combine(_dir, "absent.zip");
        var ex = Assert.Throws<FileNotFoundException>(() => new EscalationEngineBuilder().UseMLClassifier(path));
        Assert.Equal(path, ex.FileName);
    }
}
