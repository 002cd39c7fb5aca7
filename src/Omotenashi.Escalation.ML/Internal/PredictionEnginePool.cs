using System.Collections.Concurrent;
using Microsoft.ML;

namespace Omotenashi.Escalation.ML.Internal;

/// <summary>
/// A small pool of <see cref="PredictionEngine{TSrc, TDst}"/> (not thread-safe) over one shared, immutable model,
/// in the manner of Microsoft.Extensions.ML's pool: a thread rents an engine, predicts, returns it. At most
/// <see cref="_capacity"/> engines are kept; more are created under contention and dropped on return.
/// </summary>
internal sealed class PredictionEnginePool
{
    private readonly ConcurrentBag<PredictionEngine<TextRow, ScoreRow>> _engines = [];
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

    public PredictionEngine<TextRow, ScoreRow> Rent()
    {
        if (_engines.TryTake(out var engine))
        {
            Interlocked.Decrement(ref _pooled);
            return engine;
        }

        return _context.Model.CreatePredictionEngine<TextRow, ScoreRow>(_model);
    }

    public void Return(PredictionEngine<TextRow, ScoreRow> engine)
    {
        if (Interlocked.Increment(ref _pooled) <= _capacity)
        {
            _engines.Add(engine);
            return;
        }

        Interlocked.Decrement(ref _pooled);
        engine.Dispose();
    }
}
