using System.Text;

namespace Nightjar.Recording.Tests.Devices.Support;

/// <summary>The request line and headers of one HTTP/1.1 request (the simulator's requests carry no body).</summary>
internal sealed class HttpRequestHead(string method, string path, Dictionary<string, string> headers)
{
    private const int MaxHeadBytes = 16 * 1024;

    public string Method => method;

    public string Path => path;

    public string? Header(string name) => headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The next request, or null when the client closed the connection.</summary>
    public static async Task<HttpRequestHead?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < MaxHeadBytes)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^1] == '\n' && bytes[^2] == '\r' && bytes[^3] == '\n' && bytes[^4] == '\r')
            {
                break;
            }
        }

        var lines = Encoding.Latin1.GetString([.. bytes]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return new HttpRequestHead(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", headers);
    }
}
