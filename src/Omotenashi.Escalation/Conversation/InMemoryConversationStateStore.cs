namespace Omotenashi.Escalation;

/// <summary>
/// The default <see cref="IConversationStateStore"/> for one process: bounded (the least recently used
/// conversation is evicted when full), with a sliding expiry measured on a <see cref="TimeProvider"/>, and
/// thread-safe. Every operation is O(1) and completes synchronously.
/// </summary>
/// <remarks>
/// State lives only as long as the process. A helpdesk on several machines keeps it in a shared store
/// instead: see <see cref="IConversationStateStore"/> and <see cref="ConversationStateSerializer"/>.
/// </remarks>
public sealed class InMemoryConversationStateStore : IConversationStateStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries;

    // Most recently used first, so the expired and the oldest entries gather at the tail.
    private readonly LinkedList<Entry> _recency = new();
    private readonly TimeProvider _time;
    private readonly long _expiryTicks;

    /// <summary>Creates a store with the default bounds on the system clock.</summary>
    public InMemoryConversationStateStore()
        : this(null, null)
    {
    }

    /// <summary>Creates a store.</summary>
    /// <param name="options">The bounds; the defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock that measures expiry; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">When the capacity is below 1 or the expiry is not positive.</exception>
    public InMemoryConversationStateStore(InMemoryConversationStateStoreOptions? options, TimeProvider? timeProvider = null)
    {
        options ??= new InMemoryConversationStateStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1, "options.Capacity");
        if (options.SlidingExpiration <= TimeSpan.Zero && options.SlidingExpiration != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException("options.SlidingExpiration", options.SlidingExpiration, "The sliding expiration must be positive or Timeout.InfiniteTimeSpan.");
        }

        _time = timeProvider ?? TimeProvider.System;
        Capacity = options.Capacity;
        SlidingExpiration = options.SlidingExpiration;
        _expiryTicks = options.SlidingExpiration == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : (long)Math.Min(long.MaxValue, options.SlidingExpiration.TotalSeconds * _time.TimestampFrequency);
        _entries = new Dictionary<string, LinkedListNode<Entry>>(Math.Min(Capacity, 1024), StringComparer.Ordinal);
    }

    /// <summary>Conversations kept at most.</summary>
    public int Capacity { get; }

    /// <summary>How long a conversation is kept after it was last used.</summary>
    public TimeSpan SlidingExpiration { get; }

    /// <summary>Conversations held now (expired ones may be counted until they are next touched or pushed out).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<ConversationState?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<ConversationState?>(cancellationToken);
        }

        long now = _time.GetTimestamp();
        lock (_gate)
        {
            if (!_entries.TryGetValue(conversationId, out var node))
            {
                return ValueTask.FromResult<ConversationState?>(null);
            }

            if (IsExpired(node.Value, now))
            {
                Unlink(node);
                return ValueTask.FromResult<ConversationState?>(null);
            }

            node.Value.LastUsed = now;
            MoveToFront(node);
            return ValueTask.FromResult<ConversationState?>(node.Value.State);
        }
    }

    /// <inheritdoc/>
    public ValueTask SetAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(state);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        long now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_entries.TryGetValue(conversationId, out var node))
            {
                node.Value.State = state;
                node.Value.LastUsed = now;
                MoveToFront(node);
                return ValueTask.CompletedTask;
            }

            PurgeExpired(now);
            if (_entries.Count >= Capacity)
            {
                Unlink(_recency.Last!);
            }

            node = _recency.AddFirst(new Entry(conversationId, state, now));
            _entries.Add(conversationId, node);
            return ValueTask.CompletedTask;
        }
    }

    /// <inheritdoc/>
    public ValueTask RemoveAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(conversationId, out var node))
            {
                Unlink(node);
            }
        }

        return ValueTask.CompletedTask;
    }

    private bool IsExpired(Entry entry, long now) => _expiryTicks != long.MaxValue && now - entry.LastUsed >= _expiryTicks;

    private void PurgeExpired(long now)
    {
        while (_recency.Last is { } last && IsExpired(last.Value, now))
        {
            Unlink(last);
        }
    }

    private void MoveToFront(LinkedListNode<Entry> node)
    {
        if (node != _recency.First)
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
        }
    }

    private void Unlink(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
    }

    private sealed class Entry(string key, ConversationState state, long lastUsed)
    {
        public string Key { get; } = key;

        public ConversationState State { get; set; } = state;

        public long LastUsed { get; set; } = lastUsed;
    }
}
