namespace Omotenashi.Escalation.Cli;

/// <summary>Attaches a trained model (the ML package's classifier) to the engine.</summary>
internal static partial class ModelSupport
{
    /// <summary>Loads the model once and combines it with rules and sentiment; a bad file fails as configuration, naming the file.</summary>
    public static void Attach(EscalationEngineBuilder builder, string modelPath)
    {
        try
        {
            builder.UseMLClassifier(modelPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or ML.ModelFormatException or UnauthorizedAccessException)
        {
            throw new EscalationConfigurationException([new ConfigurationProblem(modelPath, 0, "model", StripSource(ex.Message, modelPath))]);
        }
    }

    private static string StripSource(string message, string path)
        => message.StartsWith(path + ": ", StringComparison.Ordinal) ? message[(path.Length + 2)..] : message;
}
