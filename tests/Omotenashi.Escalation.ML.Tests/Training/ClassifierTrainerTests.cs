namespace Omotenashi.Escalation.ML.Tests.Training;

public sealed class ClassifierTrainerTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Train_SmallSet_StoresMetadataForTracing()
    {
        var m = fixture.Model.Metadata;
        Assert.Equal(ModelMetadata.CurrentFormatVersion, m.FormatVersion);
        Assert.Equal(["bot", "human", "kasuhara"], m.Labels);
        Assert.Equal("sdca", m.Trainer);
        Assert.Equal(fixture.Data.Sha256, m.TrainingDataSha256);
        Assert.Equal(fixture.Data.Count, m.TrainingRows);
        Assert.Equal(fixture.Data.CountOf("kasuhara"), m.LabelCounts["kasuhara"]);
        Assert.Equal((7, 3), (m.Seed, m.Folds));
        Assert.InRange(m.KasuHaraThreshold, 0.01, 0.99);
        Assert.False(string.IsNullOrEmpty(m.LibraryVersion));
        Assert.False(string.IsNullOrEmpty(m.MLNetVersion));
        Assert.Contains("char 2-4-grams", m.Featurization, StringComparison.Ordinal);
        Assert.NotNull(m.CrossValidatedKasuHaraF1);
    }

    [Fact]
    public void Train_SmallSet_CrossValidatedReportSeparatesTheLabels()
    {
        var cv = fixture.Model.CrossValidation!;
        Assert.Equal(3, cv.Folds);
        Assert.Equal(fixture.Data.Count, cv.Count);
        Assert.True(cv.KasuHara!.F1 >= 0.9, cv.ToText());
        Assert.True(cv.MacroF1 >= 0.85, cv.ToText());
    }

    [Fact]
    public void Train_SameDataAndSeed_GivesIdenticalPredictions()
    {
        var options = new ClassifierTrainingOptions { Folds = 0, Seed = 11, SdcaIterations = 10, SdcaL2Regularization = 1e-4f };
        var a = ClassifierTrainer.Train(fixture.Data, options).CreateClassifier();
        var b = ClassifierTrainer.Train(fixture.Data, options).CreateClassifier();
        foreach (string probe in SampleTurns.Probes)
        {
            Assert.Equal(a.PredictProbabilities(probe), b.PredictProbabilities(probe));
        }
    }

    [Fact]
    public void Train_WithoutFolds_UsesThresholdOneHalf()
    {
        var model = ClassifierTrainer.Train(fixture.Data, new ClassifierTrainingOptions { Folds = 0, SdcaIterations = 5, SdcaL2Regularization = 1e-4f });
        Assert.Equal(0.5, model.Metadata.KasuHaraThreshold);
        Assert.Null(model.CrossValidation);
    }

    [Fact]
    public void Train_OneLabel_ThrowsNamingTheProblem()
    {
        var data = new TrainingSet([new("hi", "bot"), new("hello", "bot")]);
        var ex = Assert.Throws<ArgumentException>(() => ClassifierTrainer.Train(data));
        Assert.Contains("at least two labels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_InvalidOptions_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClassifierTrainer.Train(fixture.Data, new ClassifierTrainingOptions { Folds = -1, CharNgramLength = 9 }));
        Assert.Contains("Folds", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CharNgramLength", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_BotAndKasuHaraOnly_PredictsNoHuman()
    {
        var data = SampleTurns.Create(withHuman: false);
        var classifier = ClassifierTrainer.Train(data, new ClassifierTrainingOptions { Folds = 0, SdcaIterations = 10, SdcaL2Regularization = 1e-4f }).CreateClassifier();
        Assert.Equal(["bot", "kasuhara"], classifier.Metadata.Labels);
        var p = classifier.Predict("you stupid useless idiot!!");
        Assert.Equal(0, p.Human);
        Assert.True(p.KasuHara > 0.5, p.ToString());
    }

    [Fact]
    public void Train_LightGbm_LearnsAndRoundTrips()
    {
        // Also a canary for LightGBM's native library (it needs libgomp on Linux).
        var model = ClassifierTrainer.Train(fixture.Data, new ClassifierTrainingOptions { Trainer = ClassifierTrainerKind.LightGbm, Folds = 0, LightGbmIterations = 30 });
        Assert.Equal("lightgbm", model.Metadata.Trainer);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = EscalationModel.Load(stream, "lightgbm.zip").CreateClassifier();
        Assert.Equal("mlnet-lightgbm", loaded.Name);
        Assert.Equal(model.CreateClassifier().Predict("shut up you stupid moron"), loaded.Predict("shut up you stupid moron"));
        Assert.True(loaded.PredictProbabilities("shut up you stupid moron").KasuHara > loaded.PredictProbabilities("do you ship to canada").KasuHara);
    }

    [Fact]
    public void Predict_JapaneseWithoutSpaces_SeparatesInsultFromQuestion()
    {
        // Character n-grams: Japanese has no spaces, so word n-grams alone would see one token per sentence.
        var classifier = fixture.Model.CreateClassifier();
        var insult = classifier.PredictProbabilities("お前は本当にバカだな");
        var question = classifier.PredictProbabilities("日曜日の営業時間は？");
        Assert.True(insult.KasuHara - question.KasuHara > 0.2, $"{insult} vs {question}");
    }
}
