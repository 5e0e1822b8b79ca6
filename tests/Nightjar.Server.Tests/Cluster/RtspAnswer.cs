namespace Nightjar.Server.Tests.Cluster;

/// <summary>The status line and headers of an RTSP response.</summary>
internal sealed record RtspAnswer(string StatusLine, IReadOnlyList<string> Headers)
{
    public string? Header(string name) =>
        Headers.Where(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Select(h => h[(name.Length + 1)..].Trim()).FirstOrDefault();
}
