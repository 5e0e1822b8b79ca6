namespace Nightjar.Media.Rtsp;

/// <summary>One parsed RTSP request. The body is copied out of the network buffer.</summary>
internal sealed class RtspRequest(string method, string uri, string version, RtspHeaders headers, byte[] body)
{
    public string Method { get; } = method;

    /// <summary>The request URI exactly as sent (absolute <c>rtsp://</c> URL or <c>*</c>).</summary>
    public string Uri { get; } = uri;

    public string Version { get; } = version;

    public RtspHeaders Headers { get; } = headers;

    public ReadOnlyMemory<byte> Body { get; } = body;

    /// <summary>The CSeq header, or null when absent (which makes the request invalid).</summary>
    public string? CSeq => Headers.Get("CSeq");

    public string? SessionId
    {
        get
        {
            var value = Headers.Get("Session");
            if (value is null)
            {
                return null;
            }

            var semicolon = value.IndexOf(';', StringComparison.Ordinal);
            return (semicolon < 0 ? value : value[..semicolon]).Trim();
        }
    }
}
