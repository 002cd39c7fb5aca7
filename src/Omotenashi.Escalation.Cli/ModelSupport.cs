namespace Omotenashi.Escalation.Cli;

/// <summary>Attaches a trained model to the engine (implemented with the ML package).</summary>
internal static partial class ModelSupport
{
    public static void Attach(EscalationEngineBuilder builder, string modelPath)
        => throw new EscalationConfigurationException($"{modelPath}: models are not supported by this build yet");
}
