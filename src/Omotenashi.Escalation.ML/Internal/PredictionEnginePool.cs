using System.Collections.Concurrent;
using Microsoft.ML;

namespace Omotenashi.Escalation.ML.Internal;

/// <summary>
/// A small pool of <see cref="PredictionEngine{TSrc, TDst}"/> (not thread-safe) over one shared, immutable model,
/// in the manner of Microsoft.Extensions.ML's pool: a thread rents a scorer, predicts, returns it. At most
/// <c>capacity</c> scorers are kept; more are created under contention and dropped on return. Each scorer keeps its
/// input and output rows, so a prediction does not allocate them again.
/// </summary>
internal sealed class PredictionEnginePool
{
    private readonly ConcurrentBag<Scorer> _scorers = [];
    private readonly MLContext _context;
    private readonly ITransformer _model;
    private readonly int _capacity;
    private int _pooled;

    public PredictionEnginePool(MLContext context, ITransformer model, int capacity)
    {
        _context = context;
        _model = model;
        _capacity = capacity;
    }

    public Scorer Rent()
    {
        if (_scorers.TryTake(out var scorer))
        {
            Interlocked.Decrement(ref _pooled);
            return scorer;
        }

        return new Scorer(_context.Model.CreatePredictionEngine<TextRow, ScoreRow>(_model));
    }

    public void Return(Scorer scorer)
    {
        if (Interlocked.Increment(ref _pooled) <= _capacity)
        {
            _scorers.Add(scorer);
            return;
        }

        Interlocked.Decrement(ref _pooled);
        scorer.Engine.Dispose();
    }

    /// <summary>A prediction engine with its reusable rows.</summary>
    internal sealed class Scorer(PredictionEngine<TextRow, ScoreRow> engine)
    {
        private readonly TextRow _input = new();
        private ScoreRow _output = new();

        public PredictionEngine<TextRow, ScoreRow> Engine { get; } = engine;

        public float[] Score(string normalizedText)
        {
            _input.Text = normalizedText;
            Engine.Predict(_input, ref _output);
            _input.Text = string.Empty; // do not keep customer text alive in the pool
            return _output.Score;
        }
    }
}
