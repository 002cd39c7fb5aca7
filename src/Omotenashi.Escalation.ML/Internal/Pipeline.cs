using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace Omotenashi.Escalation.ML.Internal;

/// <summary>
/// The featurisation and trainers. Text enters already normalised by <see cref="EscalationText.Normalize(string?)"/>
/// (width, case, kana and obfuscation folding), so ML.NET's own normaliser only keeps what it is given.
/// Character n-grams carry Japanese (no spaces) and creative spellings; word n-grams carry phrases.
/// </summary>
internal static class Pipeline
{
    public const string TextColumn = "Text";
    public const string LabelColumn = "Label";
    public const string FeaturesColumn = "Features";
    public const string ScoreColumn = "Score";

    /// <summary>Word boundaries besides spaces: punctuation stays out of words, so "idiot!" and "idiot" are one feature.</summary>
    private static readonly char[] WordSeparators = [' ', '\t', '\n', '.', ',', '!', '?', ';', ':', '"', '(', ')', '、', '。'];

    public static string Describe(int wordNgrams, int charNgrams)
        => $"EscalationText.Normalize; word 1-{wordNgrams}-grams (split at spaces and punctuation) and char 2-{charNgrams}-grams, each TF-IDF and L2-normalised";

    /// <summary>
    /// Word n-grams (1..<paramref name="wordNgrams"/>) and character n-grams (2..<paramref name="charNgrams"/>), each
    /// block TF-IDF weighted and L2-normalised on its own so the many character n-grams do not drown the words.
    /// </summary>
    public static IEstimator<ITransformer> Featurizer(MLContext ml, int wordNgrams, int charNgrams)
    {
        IEstimator<ITransformer> pipeline = ml.Transforms.Text.TokenizeIntoWords("Words", TextColumn, WordSeparators)
            .Append(ml.Transforms.Conversion.MapValueToKey("Words"))
            .Append(ml.Transforms.Text.ProduceNgrams("WordNgrams", "Words", ngramLength: wordNgrams, useAllLengths: true, weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
            .Append(ml.Transforms.NormalizeLpNorm("WordNgrams"))
            .Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", TextColumn, useMarkerCharacters: true));
        var charColumns = new string[charNgrams - 1];
        for (int n = 2; n <= charNgrams; n++)
        {
            string column = "Char" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "grams";
            charColumns[n - 2] = column;
            pipeline = pipeline.Append(ml.Transforms.Text.ProduceNgrams(column, "Chars", ngramLength: n, useAllLengths: false, weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf));
        }

        return pipeline
            .Append(ml.Transforms.Concatenate("CharNgrams", charColumns))
            .Append(ml.Transforms.NormalizeLpNorm("CharNgrams"))
            .Append(ml.Transforms.Concatenate(FeaturesColumn, "WordNgrams", "CharNgrams"));
    }

    public static IEstimator<ITransformer> Trainer(MLContext ml, ClassifierTrainingOptions o)
    {
        if (o.Trainer == ClassifierTrainerKind.LightGbm)
        {
            return ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = LabelColumn,
                FeatureColumnName = FeaturesColumn,
                NumberOfIterations = o.LightGbmIterations,
                NumberOfThreads = 1, // determinism and a fair share of a small machine
                Seed = o.Seed,
                Silent = true,
                UseSoftmax = true,
                MinimumExampleCountPerLeaf = 5,
            });
        }

        return ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = LabelColumn,
            FeatureColumnName = FeaturesColumn,
            MaximumNumberOfIterations = o.SdcaIterations,
            L2Regularization = o.SdcaL2Regularization,
            NumberOfThreads = 1, // SDCA with several threads is not reproducible
            Shuffle = true,
        });
    }

    /// <summary>Fits featurisation and trainer on normalised turns. The label mapping is applied outside the returned model, so predicting needs only text.</summary>
    public static ITransformer Fit(MLContext ml, IReadOnlyList<TrainingExample> examples, ClassifierTrainingOptions o)
    {
        var rows = new List<LabeledRow>(examples.Count);
        foreach (var e in examples)
        {
            rows.Add(new LabeledRow { Text = EscalationText.Normalize(e.Text), Label = e.Label });
        }

        var data = ml.Data.LoadFromEnumerable(rows);

        // Labels sorted by value (bot < human < kasuhara): the score vector follows ClassifierLabels.All.
        var keyed = ml.Transforms.Conversion.MapValueToKey(LabelColumn, LabelColumn, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(data)
            .Transform(data);
        return Featurizer(ml, o.WordNgramLength, o.CharNgramLength).Append(Trainer(ml, o)).Fit(keyed);
    }

    /// <summary>Scores many turns at once (faster than a prediction engine per row).</summary>
    public static float[][] Score(MLContext ml, ITransformer model, IReadOnlyList<TrainingExample> examples)
    {
        var rows = new List<TextRow>(examples.Count);
        foreach (var e in examples)
        {
            rows.Add(new TextRow { Text = EscalationText.Normalize(e.Text) });
        }

        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows));
        var result = new float[examples.Count][];
        int i = 0;
        foreach (var row in ml.Data.CreateEnumerable<ScoreRow>(scored, reuseRowObject: false))
        {
            result[i++] = row.Score;
        }

        return result;
    }
}
