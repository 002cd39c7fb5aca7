namespace Omotenashi.Escalation.Tests.Conversation;

public class InMemoryConversationStateStoreTests
{
    private static readonly ConversationState One = ConversationState.Initial with { TurnCount = 1 };
    private static readonly ConversationState Two = ConversationState.Initial with { TurnCount = 2 };

    private static InMemoryConversationStateStore Store(ManualTimeProvider clock, int capacity = 100, int minutes = 30)
        => new(new InMemoryConversationStateStoreOptions { Capacity = capacity, SlidingExpiration = TimeSpan.FromMinutes(minutes) }, clock);

    [Fact]
    public async Task Get_UnknownConversation_ReturnsNull()
    {
        var store = new InMemoryConversationStateStore();
        Assert.Null(await store.GetAsync("c-1"));
    }

    [Fact]
    public async Task Set_ThenGet_ReturnsTheStateAndReplacesEarlierOnes()
    {
        var store = Store(new ManualTimeProvider());
        await store.SetAsync("c-1", One);
        await store.SetAsync("c-2", One);
        await store.SetAsync("c-1", Two);
        Assert.Same(Two, await store.GetAsync("c-1"));
        Assert.Same(One, await store.GetAsync("c-2"));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public async Task Get_AfterSlidingExpiry_ReturnsNull()
    {
        var clock = new ManualTimeProvider();
        var store = Store(clock, minutes: 30);
        await store.SetAsync("c-1", One);
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(await store.GetAsync("c-1"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Get_SlidesTheExpiry()
    {
        var clock = new ManualTimeProvider();
        var store = Store(clock, minutes: 30);
        await store.SetAsync("c-1", One);
        for (int i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Same(One, await store.GetAsync("c-1"));
        }

        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(await store.GetAsync("c-1"));
    }

    [Fact]
    public async Task Set_WhenFull_EvictsTheLeastRecentlyUsed()
    {
        var store = Store(new ManualTimeProvider(), capacity: 3);
        await store.SetAsync("a", One);
        await store.SetAsync("b", One);
        await store.SetAsync("c", One);
        _ = await store.GetAsync("a"); // a is now the most recent; b the oldest
        await store.SetAsync("d", One);

        Assert.Equal(3, store.Count);
        Assert.Null(await store.GetAsync("b"));
        Assert.NotNull(await store.GetAsync("a"));
        Assert.NotNull(await store.GetAsync("c"));
        Assert.NotNull(await store.GetAsync("d"));
    }

    [Fact]
    public async Task Set_WhenFull_DropsExpiredEntriesBeforeLiveOnes()
    {
        var clock = new ManualTimeProvider();
        var store = Store(clock, capacity: 3, minutes: 10);
        await store.SetAsync("old-1", One);
        await store.SetAsync("old-2", One);
        clock.Advance(TimeSpan.FromMinutes(5));
        await store.SetAsync("live", One);
        clock.Advance(TimeSpan.FromMinutes(6)); // old-1 and old-2 expired, live has 4 minutes left
        await store.SetAsync("new", One);

        Assert.Equal(2, store.Count);
        Assert.NotNull(await store.GetAsync("live"));
        Assert.NotNull(await store.GetAsync("new"));
    }

    [Fact]
    public async Task Remove_ForgetsTheConversation()
    {
        var store = Store(new ManualTimeProvider());
        await store.SetAsync("c-1", One);
        await store.RemoveAsync("c-1");
        await store.RemoveAsync("never-seen");
        Assert.Null(await store.GetAsync("c-1"));
    }

    [Fact]
    public async Task Operations_WithCancelledToken_AreCancelled()
    {
        var store = new InMemoryConversationStateStore();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.GetAsync("c", cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.SetAsync("c", One, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.RemoveAsync("c", cts.Token));
    }

    [Fact]
    public void Constructor_InvalidBounds_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryConversationStateStore(new InMemoryConversationStateStoreOptions { Capacity = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryConversationStateStore(new InMemoryConversationStateStoreOptions { SlidingExpiration = TimeSpan.Zero }));
        _ = new InMemoryConversationStateStore(new InMemoryConversationStateStoreOptions { SlidingExpiration = Timeout.InfiniteTimeSpan });
    }

    [Fact]
    public async Task ConcurrentUse_StaysWithinCapacityAndConsistent()
    {
        var clock = new ManualTimeProvider();
        var store = Store(clock, capacity: 16, minutes: 1);
        await Parallel.ForAsync(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            string id = "c-" + (i % 40);
            switch (i % 4)
            {
                case 0:
                    await store.SetAsync(id, ConversationState.Initial with { TurnCount = i }, ct);
                    break;
                case 1:
                    var s = await store.GetAsync(id, ct);
                    Assert.True(s is null || s.TurnCount % 4 == 0);
                    break;
                case 2:
                    clock.Advance(TimeSpan.FromMilliseconds(5));
                    break;
                default:
                    await store.RemoveAsync("c-" + ((i + 7) % 40), ct);
                    break;
            }

            Assert.InRange(store.Count, 0, 16);
        });
        Assert.InRange(store.Count, 0, 16);
    }

    [Fact]
    public async Task DecideAsync_CarriesStateBetweenTurnsThroughTheStore()
    {
        var engine = TestEngines.SmallBalanced;
        var store = new InMemoryConversationStateStore();
        await engine.DecideAsync(store, "c-1", "reset my password");
        await engine.ObserveBotTurnAsync(store, "c-1", "Sorry, I didn't understand.");
        var d = await engine.DecideAsync(store, "c-1", "reset my password please");

        Assert.Equal(2, d.State.TurnCount);
        Assert.Equal(1, d.State.TotalFallbacks);
        Assert.Same(d.State, await store.GetAsync("c-1"));
        Assert.Null(await store.GetAsync("c-2"));
    }
}
