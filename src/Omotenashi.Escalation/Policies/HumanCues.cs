namespace Omotenashi.Escalation;

/// <summary>Situations a bot should not keep, each of which a policy may hand to a human.</summary>
[Flags]
public enum HumanCues
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Legal threats: lawyer, court, regulator.</summary>
    Legal = 1 << 0,

    /// <summary>Cancellation and churn.</summary>
    Churn = 1 << 1,

    /// <summary>Bereavement, medical or financial hardship.</summary>
    Hardship = 1 << 2,

    /// <summary>Complaints about staff.</summary>
    StaffComplaint = 1 << 3,

    /// <summary>The host's NLU reported low confidence.</summary>
    LowConfidence = 1 << 4,

    /// <summary>A long conversation (see <see cref="EscalationPolicy.LongConversation"/>).</summary>
    LongConversation = 1 << 5,

    /// <summary>All cues.</summary>
    All = Legal | Churn | Hardship | StaffComplaint | LowConfidence | LongConversation,
}
