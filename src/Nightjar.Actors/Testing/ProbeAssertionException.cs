namespace Nightjar.Actors.Testing;

/// <summary>A <see cref="TestProbe{T}"/> expectation was not met (wrong message, or a message where none was expected).</summary>
public sealed class ProbeAssertionException : Exception
{
    public ProbeAssertionException()
    {
    }

    public ProbeAssertionException(string message)
        : base(message)
    {
    }

    public ProbeAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
