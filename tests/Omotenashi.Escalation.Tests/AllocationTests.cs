namespace Omotenashi.Escalation.Tests;

/// <summary>Allocation budgets are deterministic, so they are pinned here; speed is measured with BenchmarkDotNet.</summary>
public class AllocationTests
{
    [Theory]
    [InlineData("Hi, my parcel was supposed to arrive on Monday and it still is not here. Can you tell me where it is now?", "en")]
    [InlineData("注文した商品がまだ届かないのですが、いつ届くのか教えていただけますか？何度も問い合わせているのですが返事がありません。", "ja")]
    [InlineData("This is the third time I'm asking. WHERE IS MY REFUND?!! You people are useless, I want a human NOW", null)]
    public void Decide_OnceWarm_AllocatesOnlyTheNewState(string text, string? language)
    {
        var engine = EscalationEngine.CreateDefault();
        var turn = new CustomerTurn(text) { Language = language };
        var state = engine.Decide(turn).State;
        for (int i = 0; i < 50; i++)
        {
            engine.Decide(turn, state);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var d = engine.Decide(turn, state);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(d.State.TurnCount > 0);
        Assert.True(allocated <= 256, $"Decide allocated {allocated} bytes");
    }

    [Fact]
    public void Decide_LongTurn_AllocationDoesNotGrowWithText()
    {
        var engine = EscalationEngine.CreateDefault();
        string text = string.Concat(Enumerable.Repeat("my order is late and nobody answers. ", 80));
        var state = engine.Decide(text).State;
        for (int i = 0; i < 20; i++)
        {
            engine.Decide(text, state);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        engine.Decide(text, state);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= 256, $"Decide allocated {allocated} bytes on {text.Length} characters");
    }
}
