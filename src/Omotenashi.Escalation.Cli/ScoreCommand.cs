using System.Globalization;
using System.Text.Json;

namespace Omotenashi.Escalation.Cli;

/// <summary>
/// <c>omotenashi score</c>: runs the engine over a labelled file in the evaluation format
/// (<c>gold.rating</c> for sentiment, <c>gold.abusive</c> for harassment) and prints metrics as JSON:
/// Pearson r, 3-class macro-F1 and the share of negative opinions routed to kasuhara for sentiment; precision, recall, F1 of the kasuhara route and ROC-AUC of
/// the harassment score; for <c>gold.route</c> (<c>bot</c>, <c>human</c>, <c>kasuhara</c>) the routing accuracy, the confusion
/// counts and the share of turns that should go to a human (complaints) routed to kasuhara.
/// </summary>
internal static class ScoreCommand
{
    /// <summary>Gold ratings at or beyond ±this are positive or negative (3-class scoring).</summary>
    public const double GoldClassThreshold = 0.125;

    /// <summary>Compound scores at or beyond ±this are positive or negative (the VADER convention).</summary>
    public const double PredictedClassThreshold = 0.05;

    public static async Task<int> RunAsync(Options options, TextWriter stdout, TextWriter stderr)
    {
        if (options.Data is null)
        {
            await stderr.WriteLineAsync("error: score needs --data FILE").ConfigureAwait(false);
            return 2;
        }

        var engine = EngineFactory.Create(options);
        var ratings = new List<(double Gold, double Predicted)>();
        var abuse = new List<(bool Gold, bool Predicted, double Score)>();
        var routes = new int[3];
        int negative = 0, negativeFlagged = 0;
        var confusion = new int[3, 3];
        int routed = 0;
        using var reader = new StreamReader(options.Data);
        var replay = new ConversationReplay(engine, stderr, keepGold: true);
        await foreach (var (line, d) in replay.RunAsync(reader).ConfigureAwait(false))
        {
            if (line.Gold is not { ValueKind: JsonValueKind.Object } gold)
            {
                continue;
            }

            routes[(int)d.Route]++;
            if (gold.TryGetProperty("rating", out var r) && r.ValueKind == JsonValueKind.Number)
            {
                ratings.Add((r.GetDouble(), d.Sentiment));
                if (r.GetDouble() <= -GoldClassThreshold)
                {
                    negative++;
                    negativeFlagged += d.Route == Route.KasuHara ? 1 : 0;
                }
            }

            if (gold.TryGetProperty("abusive", out var a) && a.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                abuse.Add((a.GetBoolean(), d.Route == Route.KasuHara, d.Harassment));
            }

            if (gold.TryGetProperty("route", out var g) && g.ValueKind == JsonValueKind.String && Enum.TryParse<Route>(g.GetString(), ignoreCase: true, out var goldRoute))
            {
                confusion[(int)goldRoute, (int)d.Route]++;
                routed++;
            }
        }

        int errors = replay.Errors;
        var result = new Dictionary<string, object>
        {
            ["file"] = Path.GetFileName(options.Data),
            ["policy"] = engine.Policy.Name,
            ["model"] = options.Model is null ? "none" : Path.GetFileName(options.Model),
            ["scored"] = ratings.Count + abuse.Count + routed,
            ["routes"] = new Dictionary<string, int> { ["bot"] = routes[0], ["human"] = routes[1], ["kasuhara"] = routes[2] },
        };
        if (ratings.Count > 1)
        {
            result["sentiment"] = new Dictionary<string, double>
            {
                ["n"] = ratings.Count,
                ["pearson"] = Round(Metrics.Pearson(ratings)),
                ["macroF1"] = Round(Metrics.ThreeClassMacroF1(ratings, GoldClassThreshold, PredictedClassThreshold)),

                // Rated opinions are not labelled for abuse: the share of negative ones routed to kasuhara is a
                // proxy for how often ordinary unhappy writers would be flagged (an upper bound where the corpus
                // itself contains abuse, as tweets do).
                ["negativeFlaggedRate"] = negative == 0 ? 0 : Round(negativeFlagged / (double)negative),
            };
        }

        if (abuse.Count > 0)
        {
            var (p, rec, f1) = Metrics.PrecisionRecallF1(abuse);
            int negatives = abuse.Count(x => !x.Gold);
            result["harassment"] = new Dictionary<string, double>
            {
                ["n"] = abuse.Count,
                ["positives"] = abuse.Count(x => x.Gold),
                ["precision"] = Round(p),
                ["recall"] = Round(rec),
                ["f1"] = Round(f1),
                ["rocAuc"] = Round(Metrics.RocAuc(abuse)),
                ["falsePositiveRate"] = negatives == 0 ? 0 : Round(abuse.Count(x => !x.Gold && x.Predicted) / (double)negatives),
            };
        }

        if (routed > 0)
        {
            result["routing"] = RoutingMetrics(confusion, routed);
        }

        await stdout.WriteLineAsync(JsonSerializer.Serialize(result, CliJsonContext.Default.DictionaryStringObject)).ConfigureAwait(false);
        if (errors > 0)
        {
            await stderr.WriteLineAsync($"{errors.ToString(CultureInfo.InvariantCulture)} line(s) could not be scored.").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// Accuracy over gold routes, the counts per gold/predicted pair, and the share of gold-human
    /// turns (legitimate complaints) routed to kasuhara: the rate at which unhappy customers would be flagged. Pair keys read
    /// gold first: <c>humanToBot</c> counts complaints the engine left with the bot.
    /// </summary>
    private static Dictionary<string, double> RoutingMetrics(int[,] confusion, int routed)
    {
        string[] names = ["bot", "human", "kasuhara"];
        string[] targets = ["Bot", "Human", "Kasuhara"];
        int correct = 0;
        var m = new Dictionary<string, double> { ["n"] = routed };
        for (int g = 0; g < 3; g++)
        {
            correct += confusion[g, g];
            for (int p = 0; p < 3; p++)
            {
                m[names[g] + "To" + targets[p]] = confusion[g, p];
            }
        }

        int complaints = confusion[1, 0] + confusion[1, 1] + confusion[1, 2];
        m["accuracy"] = Round(correct / (double)routed);
        m["complaintsFlaggedRate"] = complaints == 0 ? 0 : Round(confusion[1, 2] / (double)complaints);
        return m;
    }

    private static double Round(double v) => double.IsNaN(v) ? 0 : Math.Round(v, 4);
}
