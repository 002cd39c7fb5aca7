namespace Omotenashi.Escalation;

/// <summary>Decides turns with the state kept in an <see cref="IConversationStateStore"/>.</summary>
public static class ConversationStateStoreExtensions
{
    /// <summary>
    /// Loads the conversation's state (a new conversation when none is stored), decides the turn and stores the
    /// new state. Turns of one conversation must not be decided concurrently (see <see cref="IConversationStateStore"/>).
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="store">Where the state is kept.</param>
    /// <param name="conversationId">The host's id of the conversation.</param>
    /// <param name="turn">The customer's turn.</param>
    /// <param name="cancellationToken">Cancels loading or storing the state.</param>
    /// <returns>The decision; its <see cref="EscalationDecision.State"/> has been stored.</returns>
    public static async ValueTask<EscalationDecision> DecideAsync(this EscalationEngine engine, IConversationStateStore store, string conversationId, CustomerTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(conversationId);
        var state = await store.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var decision = engine.Decide(turn, state);
        await store.SetAsync(conversationId, decision.State, cancellationToken).ConfigureAwait(false);
        return decision;
    }

    /// <summary>Observes the bot's or agent's reply (see <see cref="EscalationEngine.ObserveBotTurn(string?, ConversationState?, bool?)"/>) and stores the new state.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="store">Where the state is kept.</param>
    /// <param name="conversationId">The host's id of the conversation.</param>
    /// <param name="text">The bot's or agent's reply.</param>
    /// <param name="fallback">Whether the reply was a fallback, when the host knows; detected from the text when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels loading or storing the state.</param>
    /// <returns>The new state, which has been stored.</returns>
    public static async ValueTask<ConversationState> ObserveBotTurnAsync(this EscalationEngine engine, IConversationStateStore store, string conversationId, string? text, bool? fallback = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(conversationId);
        var state = await store.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var next = engine.ObserveBotTurn(text, state, fallback);
        await store.SetAsync(conversationId, next, cancellationToken).ConfigureAwait(false);
        return next;
    }
}
