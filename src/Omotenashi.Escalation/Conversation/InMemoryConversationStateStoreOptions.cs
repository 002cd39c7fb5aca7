namespace Omotenashi.Escalation;

/// <summary>Bounds of an <see cref="InMemoryConversationStateStore"/>.</summary>
public sealed class InMemoryConversationStateStoreOptions
{
    /// <summary>The default for <see cref="Capacity"/>: 10,000 conversations.</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>The default for <see cref="SlidingExpiration"/>: 30 minutes.</summary>
    public static readonly TimeSpan DefaultSlidingExpiration = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Conversations kept at most; when full, the one used least recently is evicted to make room.
    /// The default value is 10,000 (a state is about 200 bytes in memory, so about 2 MB).
    /// </summary>
    public int Capacity { get; set; } = DefaultCapacity;

    /// <summary>
    /// How long a conversation is kept after it was last read or written; <see cref="Timeout.InfiniteTimeSpan"/>
    /// keeps it until it is evicted for room. The default value is 30 minutes.
    /// </summary>
    public TimeSpan SlidingExpiration { get; set; } = DefaultSlidingExpiration;
}
