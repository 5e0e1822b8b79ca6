using System.Globalization;

namespace Nightjar.Server.Tests.Playback;

/// <summary>A media playlist read back for assertions.</summary>
internal sealed class M3u8(string text)
{
    public string Text { get; } = text;

    public IReadOnlyList<string> Lines { get; } = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The URI lines (chunks, or files with byte ranges).</summary>
    public IReadOnlyList<string> Uris => [.. Lines.Where(l => !l.StartsWith('#'))];

    public IReadOnlyList<string> Tag(string name) => [.. Lines.Where(l => l.StartsWith(name + ":", StringComparison.Ordinal) || l == name)];

    public string? Value(string name) => Tag(name) is [var first, ..] ? first[(name.Length + 1)..] : null;

    public int Count(string name) => Tag(name).Count;

    public double TotalSeconds => Tag("#EXTINF").Sum(l => double.Parse(l["#EXTINF:".Length..].TrimEnd(','), CultureInfo.InvariantCulture));

    public static async Task<M3u8> ReadAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.apple.mpegurl");
        return new M3u8(await response.Content.ReadAsStringAsync());
    }
}
