namespace Nightjar.Media.Ts;

/// <summary>The input is not an MPEG transport stream (no packet sync could be found).</summary>
public sealed class TsFormatException : FormatException
{
    public TsFormatException()
    {
    }

    public TsFormatException(string message)
        : base(message)
    {
    }

    public TsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
