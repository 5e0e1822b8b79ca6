namespace Nightjar.Media.Tests.Rtsp.Support;

internal sealed record RtspTestResponse(int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public IEnumerable<string> All(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public string? SessionId => Header("Session")?.Split(';')[0].Trim();

    public override string ToString() => $"{Status} {Reason}";
}
