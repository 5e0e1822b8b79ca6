using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// Framing of the byte stream: requests and <c>$</c> interleaved frames share one socket (RFC 2326 §10.12), with
/// resynchronisation on garbage and a lingering close after fatal errors.
/// </summary>
internal sealed partial class RtspConnection
{
    private ProcessOutcome Process(ref ReadOnlySequence<byte> buffer, out RtspRequest? request, out RtspParseResult? failure)
    {
        request = null;
        failure = null;
        Span<byte> header = stackalloc byte[4];
        while (!buffer.IsEmpty)
        {
            var first = buffer.FirstSpan[0];
            if (first == (byte)'$')
            {
                if (buffer.Length < 4)
                {
                    return ProcessOutcome.Incomplete;
                }

                buffer.Slice(0, 4).CopyTo(header);
                var length = (header[2] << 8) | header[3];
                if (buffer.Length < 4 + length)
                {
                    return ProcessOutcome.Incomplete;
                }

                OnFrame(header[1], buffer.Slice(4, length));
                buffer = buffer.Slice(4 + length);
                continue;
            }

            if (first is (byte)'\r' or (byte)'\n' or (byte)' ')
            {
                buffer = buffer.Slice(1);
                continue;
            }

            if (char.IsAsciiLetter((char)first))
            {
                var parsed = RtspRequestParser.Parse(buffer, _context.Options.MaxRequestBytes);
                switch (parsed.Status)
                {
                    case RtspParseStatus.Incomplete:
                        return ProcessOutcome.Incomplete;
                    case RtspParseStatus.Response:
                        buffer = buffer.Slice(parsed.Consumed);
                        continue;
                    case RtspParseStatus.Request:
                        buffer = buffer.Slice(parsed.Consumed);
                        request = parsed.Request;
                        return ProcessOutcome.Message;
                    case RtspParseStatus.Invalid:
                        buffer = buffer.Slice(parsed.Consumed);
                        failure = parsed;
                        return ProcessOutcome.Message;
                    default:
                        buffer = buffer.Slice(buffer.End);
                        failure = parsed;
                        return ProcessOutcome.Close;
                }
            }

            // Resynchronise on garbage like gortsplib: skip to the next '$' or letter, within a bound.
            var skip = 1;
            var span = buffer.FirstSpan;
            while (skip < span.Length && span[skip] != (byte)'$' && !char.IsAsciiLetter((char)span[skip]))
            {
                skip++;
            }

            _junkBytes += skip;
            buffer = buffer.Slice(skip);
            if (_junkBytes > MaxJunkBytes)
            {
                return ProcessOutcome.Close;
            }
        }

        return ProcessOutcome.Incomplete;
    }

    private void OnFrame(int channel, in ReadOnlySequence<byte> payload)
    {
        var recording = _recording;
        if (recording is null)
        {
            // A reader's RTCP receiver reports over TCP only prove it is alive.
            TouchSessions();
            return;
        }

        var mapping = _channelTrack[channel];
        if (mapping < 0 || payload.IsEmpty)
        {
            return;
        }

        var packet = RtpPacket.Rent(payload, mapping >> 1, (mapping & 1) != 0);
        _context.Metrics.Received(packet.Length);
        recording.Path.Publish(packet);
        packet.Release();
    }

    private void TouchSessions()
    {
        lock (_sessions)
        {
            foreach (var session in _sessions)
            {
                session.Touch(_context.Time);
            }
        }
    }


    /// <summary>
    /// Closing with unread input makes the kernel send a reset, which can destroy the error response we just
    /// sent before the client reads it. So stop sending, then discard input briefly before closing (as HTTP servers do).
    /// </summary>
    private async Task LingerAsync(PipeReader reader)
    {
        const int MaxDrainBytes = 256 * 1024;
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1), _context.Time);
            long drained = 0;
            while (drained < MaxDrainBytes)
            {
                var result = await reader.ReadAsync(timeout.Token);
                drained += result.Buffer.Length;
                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Best effort: the connection closes either way.
        }
    }

    /// <summary>
    /// Remembers since when unparsed bytes wait for the rest of their message; progress restarts the clock, so a
    /// publisher whose reads always end mid-frame is fine while a client that stops mid-request times out.
    /// </summary>
    private void TrackPartialInput(bool pending, bool progressed, long now)
    {
        if (!pending)
        {
            Interlocked.Exchange(ref _partialSince, 0);
        }
        else if (progressed || Interlocked.Read(ref _partialSince) == 0)
        {
            // 0 means "nothing pending", so a clock that starts at 0 (a test's) must not store it.
            Interlocked.Exchange(ref _partialSince, Math.Max(1, now));
        }
    }


    private enum ProcessOutcome
    {
        Incomplete,
        Message,
        Close,
    }
}
