namespace Omotenashi.Escalation;

/// <summary>
/// Thrown by <see cref="ConversationStateSerializer"/> when serialised state cannot be trusted or read: it
/// was changed or corrupted (checksum or signature mismatch), signed with another key, written unsigned
/// where a key is configured, written by an unknown format or schema version, or truncated. The message says
/// which; it never contains the state's bytes.
/// </summary>
/// <remarks>
/// A host usually logs it and starts the conversation afresh with <see cref="ConversationState.Initial"/>
/// rather than failing the customer's turn.
/// </remarks>
public sealed class ConversationStateFormatException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ConversationStateFormatException()
        : base("The serialised conversation state is not valid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConversationStateFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ConversationStateFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
