namespace Nightjar.Server.Playback;

/// <summary>
/// The node holding part of an export could not send it (unreachable, refused, or short): the export is incomplete
/// and must fail, never end as a shorter file.
/// </summary>
internal sealed class RemoteSpanException : IOException
{
    public RemoteSpanException()
    {
    }

    public RemoteSpanException(string message)
        : base(message)
    {
    }

    public RemoteSpanException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
