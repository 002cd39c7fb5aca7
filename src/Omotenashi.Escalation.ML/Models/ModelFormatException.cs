namespace Omotenashi.Escalation.ML;

/// <summary>A file is not a model this library can load (not a model zip, metadata missing or invalid, or an unknown format version); the message names the file.</summary>
public sealed class ModelFormatException : IOException
{
    /// <summary>Creates the exception for a file.</summary>
    /// <param name="fileName">The model file.</param>
    /// <param name="problem">What is wrong and what to do.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ModelFormatException(string fileName, string problem, Exception? innerException)
        : base($"{fileName}: {problem}", innerException)
    {
        FileName = fileName;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public ModelFormatException(string message)
        : base(message)
    {
        FileName = string.Empty;
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = string.Empty;
    }

    /// <summary>Creates an empty exception.</summary>
    public ModelFormatException()
        : this("Not a valid Omotenashi.Escalation model.")
    {
    }

    /// <summary>The model file.</summary>
    public string FileName { get; }
}
