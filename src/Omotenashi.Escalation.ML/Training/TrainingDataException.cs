namespace Omotenashi.Escalation.ML;

/// <summary>Training or evaluation data could not be read; the message names the file, line and field.</summary>
public sealed class TrainingDataException : FormatException
{
    /// <summary>Creates the exception for a problem at a place in a file.</summary>
    /// <param name="fileName">The file (or source) name.</param>
    /// <param name="lineNumber">The 1-based line number, or 0 when the problem is not on one line.</param>
    /// <param name="field">The column or JSON field, or an empty string.</param>
    /// <param name="problem">What is wrong and what is allowed.</param>
    public TrainingDataException(string fileName, int lineNumber, string field, string problem)
        : base(Format(fileName, lineNumber, field, problem))
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Field = field;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public TrainingDataException(string message)
        : base(message)
    {
        FileName = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public TrainingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates an empty exception.</summary>
    public TrainingDataException()
        : this("Invalid training data.")
    {
    }

    /// <summary>The file (or source) name.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line number, or 0 when the problem is not on one line.</summary>
    public int LineNumber { get; }

    /// <summary>The column or JSON field, or an empty string.</summary>
    public string Field { get; }

    private static string Format(string fileName, int lineNumber, string field, string problem)
    {
        string where = lineNumber > 0 ? $"{fileName}:{lineNumber}" : fileName;
        return field.Length > 0 ? $"{where}: {field}: {problem}" : $"{where}: {problem}";
    }
}
