namespace Omotenashi.Escalation;

/// <summary>
/// Keeps the <see cref="ConversationState"/> of each conversation between turns, by conversation id.
/// </summary>
/// <remarks>
/// <para>
/// The engine itself is stateless: the state goes in with a turn and comes back with the decision. A store
/// is the place a host keeps it in between. <see cref="InMemoryConversationStateStore"/> is the bounded,
/// expiring default for one process.
/// </para>
/// <para>
/// A helpdesk that runs on many machines implements this interface over its distributed cache or database:
/// serialise the state with <see cref="ConversationStateSerializer"/> (a few dozen bytes, versioned and
/// checksummed, or signed with HMAC-SHA256 when the host supplies a key), store the bytes under the
/// conversation id with a sliding expiry, and deserialise them on the next turn — on whichever machine it
/// lands. See <see cref="ConversationStateSerializer"/> for a sketch.
/// </para>
/// <para>
/// Turns of one conversation must be decided in order: a host that can receive two turns of the same
/// conversation at once serialises them (a per-conversation queue or lock, or an optimistic version check
/// in the store), or the later write wins and one turn is forgotten.
/// </para>
/// </remarks>
public interface IConversationStateStore
{
    /// <summary>Gets the state of a conversation.</summary>
    /// <param name="conversationId">The host's id of the conversation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The state, or <see langword="null"/> when the conversation is unknown or expired (start with <see cref="ConversationState.Initial"/>).</returns>
    ValueTask<ConversationState?> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Stores the state of a conversation, replacing any earlier one.</summary>
    /// <param name="conversationId">The host's id of the conversation.</param>
    /// <param name="state">The state returned with the last decision.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask SetAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default);

    /// <summary>Forgets a conversation (for example when it ends); does nothing when it is unknown.</summary>
    /// <param name="conversationId">The host's id of the conversation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask RemoveAsync(string conversationId, CancellationToken cancellationToken = default);
}
