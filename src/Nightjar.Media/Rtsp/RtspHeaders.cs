namespace Nightjar.Media.Rtsp;

/// <summary>Ordered RTSP header fields; names compare case-insensitively (RFC 2326 §4.2 via RFC 2616).</summary>
internal sealed class RtspHeaders
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public int Count => _fields.Count;

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public void Add(string name, string value) => _fields.Add(new(name, value));

    /// <summary>First value of the header, or null.</summary>
    public string? Get(string name)
    {
        foreach (var field in _fields)
        {
            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return field.Value;
            }
        }

        return null;
    }

    public IEnumerable<string> GetAll(string name)
    {
        foreach (var field in _fields)
        {
            if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return field.Value;
            }
        }
    }
}
