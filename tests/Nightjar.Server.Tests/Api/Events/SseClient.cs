using System.Net.Http.Headers;
using System.Text.Json;

namespace Nightjar.Server.Tests.Api.Events;

/// <summary>A minimal EventSource over a real HTTP connection: reads <c>id:</c>/<c>data:</c> frames and comments.</summary>
internal sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>Comment lines seen so far (<c>: ping</c> without the colon).</summary>
    public List<string> Comments { get; } = [];

    public static async Task<SseClient> ConnectAsync(HttpClient client, string url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await PeekAsync(response));
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        return new SseClient(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event (id and parsed data), skipping comments; fails after <paramref name="timeout"/>.</summary>
    public async Task<(string Id, JsonElement Data)> NextAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        string? id = null;
        string? data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(deadline.Token) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    using var json = JsonDocument.Parse(data);
                    return (id!, json.RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments.Add(line[1..].Trim());
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<string> PeekAsync(HttpResponseMessage response) =>
        response.IsSuccessStatusCode ? string.Empty : await response.Content.ReadAsStringAsync();
}
