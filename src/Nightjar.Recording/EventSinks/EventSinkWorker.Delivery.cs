using System.Globalization;
using System.Net.Http.Headers;
using Nightjar.Recording.EventFeed;

namespace Nightjar.Recording.EventSinks;

internal sealed partial class EventSinkWorker
{
    public const string SinkHeader = "X-Nightjar-Sink";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    /// <summary>POSTs the batch until a 2xx answers, with exponential backoff and jitter between attempts.</summary>
    private async Task DeliverAsync(List<FeedEvent> batch, SinkTarget target, CancellationToken cancellationToken)
    {
        var body = FeedJson.SerializeBatch(batch);
        for (var failures = 0; ; failures++)
        {
            var started = _runtime.Time.GetTimestamp();
            var failure = await PostAsync(body, target, cancellationToken);
            var elapsed = _runtime.Time.GetElapsedTime(started);
            if (failure is null)
            {
                _runtime.Metrics.Delivered(Id, batch.Count, elapsed);
                _status = _status with { ConsecutiveFailures = 0, NextAttemptAt = null };
                LogDelivered(_runtime.Logger, Id, batch.Count, batch[^1].Id);
                return;
            }

            _runtime.Metrics.Failed(Id, failure.Value.Reason, elapsed);
            var delay = Backoff(failures);
            var now = _runtime.Time.GetUtcNow();
            _status = _status with
            {
                State = EventSinkState.Retrying,
                LastError = failure.Value.Message,
                LastErrorAt = now,
                ConsecutiveFailures = failures + 1,
                NextAttemptAt = now + delay,
            };
            LogDeliveryFailed(_runtime.Logger, Id, failure.Value.Message, failures + 1, delay.TotalSeconds);
            await Task.Delay(delay, _runtime.Time, cancellationToken);
        }
    }

    /// <returns>Null when the receiver acknowledged (2xx); otherwise the reason (a metric tag) and a redacted message.</returns>
    private async Task<(string Reason, string Message)?> PostAsync(byte[] body, SinkTarget target, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_runtime.Options.RequestTimeout, _runtime.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonContentType;
        foreach (var (name, value) in target.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation(SinkHeader, Id);
        if (target.Secret is not null)
        {
            // A fresh timestamp per attempt: a retry is a new request, not a replay.
            var timestamp = _runtime.Time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.TryAddWithoutValidation(EventSinkSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(EventSinkSignature.SignatureHeader, EventSinkSignature.Sign(target.Secret, timestamp, body));
        }

        try
        {
            using var response = await _runtime.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var status = (int)response.StatusCode;
            var redirect = status is >= 300 and < 400 ? " (redirects are not followed)" : string.Empty;
            return ("http_" + status.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {target.Redact(response.ReasonPhrase ?? string.Empty)}{redirect}").TrimEnd());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ("timeout", string.Create(CultureInfo.InvariantCulture, $"no answer within {_runtime.Options.RequestTimeout.TotalSeconds} s"));
        }
        catch (HttpRequestException ex)
        {
            return ("connection", target.Redact(ex.Message));
        }
    }
}
