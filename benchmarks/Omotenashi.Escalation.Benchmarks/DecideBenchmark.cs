using BenchmarkDotNet.Attributes;
using Omotenashi.Escalation;

namespace Omotenashi.Escalation.Benchmarks;

/// <summary>
/// <c>Decide</c> on short (~20 characters) and ~100-character turns in English and Japanese. The baseline is
/// normalisation alone (one pass over the same text into a buffer), the simplest comparable work: the ratio
/// says how much the whole decision costs on top of reading the text once.
/// </summary>
[MemoryDiagnoser]
public class DecideBenchmark
{
    private EscalationEngine _engine = null!;
    private ConversationState _state = null!;
    private CustomerTurn _turn;
    private CustomerTurn _turnWithLanguage;
    private char[] _buffer = null!;

    [Params("en-short", "en-long", "ja-short", "ja-long", "de-long", "ru-long", "sv-long")]
    public string Input { get; set; } = "en-long";

    [GlobalSetup]
    public void Setup()
    {
        _engine = EscalationEngine.CreateDefault();
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Inputs", Input + ".txt")).Trim();
        _turn = new CustomerTurn(text);
        _turnWithLanguage = _turn with { Language = Input[..2] };
        _state = _engine.Decide(_turn).State;
        _buffer = new char[text.Length];
    }

    [Benchmark(Baseline = true)]
    public int Normalize() => EscalationText.Normalize(_turn.Text, _buffer);

    [Benchmark]
    public Route Decide() => _engine.Decide(_turn, _state).Route;

    [Benchmark]
    public Route DecideWithLanguage() => _engine.Decide(_turnWithLanguage, _state).Route;
}
