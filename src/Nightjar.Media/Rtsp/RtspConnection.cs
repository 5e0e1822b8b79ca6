using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// One client TCP connection. A single receive loop reads requests and interleaved <c>$</c> frames from a
/// <see cref="PipeReader"/>; requests are answered in order, frames of a recording publisher are relayed
/// synchronously (the loop never waits on readers). Writes (responses and a TCP reader's RTP) share one lock.
/// </summary>
internal sealed partial class RtspConnection : IDisposable
{
    private const int MaxJunkBytes = 64 * 1024;
    private static long s_nextId;

    private readonly RtspServerContext _context;
    private readonly Socket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _abort = new();
    private readonly List<RtspSession> _sessions = [];
    private readonly HashSet<string> _grants = new(StringComparer.Ordinal);
    private readonly int[] _channelTrack = new int[256];
    private RtspSession? _recording;
    private StreamPath? _announced;
    private long _lastReceive;
    private long _partialSince;
    private long _sendStarted;
    private int _requestCount;
    private int _authFailures;
    private int _junkBytes;
    private int _aborted;
    private string? _abortReason;

    public RtspConnection(RtspServerContext context, Socket socket)
    {
        _context = context;
        _socket = socket;
        Remote = socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.None, 0);
        Id = Interlocked.Increment(ref s_nextId);
        Array.Fill(_channelTrack, -1);
        _lastReceive = context.Time.GetTimestamp();
    }

    public long Id { get; }

    public IPEndPoint Remote { get; }

    public bool IsLoopback => IPAddress.IsLoopback(Remote.Address);

    public async Task RunAsync(CancellationToken serverToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(serverToken, _abort.Token);
        var token = linked.Token;
        var stream = new NetworkStream(_socket, ownsSocket: false);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, minimumReadSize: 4096, leaveOpen: true));
        var reason = "closed by client";
        LogConnectionOpened(_context.Logger, Id, Remote);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(token);
                var buffer = result.Buffer;
                var now = _context.Time.GetTimestamp();
                Interlocked.Exchange(ref _lastReceive, now);
                var before = buffer.Length;
                var outcome = Process(ref buffer, out var request, out var failure);
                if (outcome == ProcessOutcome.Incomplete)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }
                else
                {
                    // Only what was consumed counts as examined, so buffered requests are parsed without new reads.
                    reader.AdvanceTo(buffer.Start);
                }

                TrackPartialInput(outcome == ProcessOutcome.Incomplete && !buffer.IsEmpty, buffer.Length != before, now);

                if (failure is { } error)
                {
                    LogBadRequest(_context.Logger, Remote, error.ErrorStatus, error.ErrorReason ?? "?");
                    await SendResponseAsync(new RtspResponse(error.ErrorStatus, error.ErrorReason), error.CSeq);
                    if (outcome == ProcessOutcome.Close)
                    {
                        reason = "bad request";
                        await LingerAsync(reader);
                        break;
                    }
                }
                else if (outcome == ProcessOutcome.Close)
                {
                    reason = "unparseable input";
                    break;
                }

                if (request is not null && !await HandleRequestAsync(request, token))
                {
                    reason = "closed after response";
                    await LingerAsync(reader);
                    break;
                }

                if (outcome == ProcessOutcome.Incomplete && result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = _abortReason ?? "server stopping";
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            reason = _abortReason ?? "connection reset";
        }
        finally
        {
            await reader.CompleteAsync();
            await stream.DisposeAsync();
            Shutdown(reason);
        }
    }

    /// <summary>Releases the cancellation source; the socket is closed by the receive loop or <see cref="Abort"/>.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        _abort.Dispose();
    }

    /// <summary>Closes the socket from any thread; the receive loop then ends and cleans up.</summary>
    public void Abort(string reason)
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0)
        {
            return;
        }

        _abortReason = reason;
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already torn down.
        }

        _socket.Dispose();
    }

    /// <summary>Called about once a second by the server: enforces read, write, publisher and idle timeouts.</summary>
    public void CheckTimeouts()
    {
        var options = _context.Options;
        var time = _context.Time;
        var sendStarted = Interlocked.Read(ref _sendStarted);
        if (sendStarted != 0 && time.GetElapsedTime(sendStarted) > options.WriteTimeout)
        {
            if (HasPlayingTcpSession())
            {
                _context.Metrics.ReaderDropped("write_timeout");
            }

            Abort("write timeout");
            return;
        }

        var partialSince = Interlocked.Read(ref _partialSince);
        if (partialSince != 0 && time.GetElapsedTime(partialSince) > options.ReadTimeout)
        {
            Abort("incomplete request timeout");
            return;
        }

        var silent = time.GetElapsedTime(Interlocked.Read(ref _lastReceive));
        if (Volatile.Read(ref _recording) is { } publisher)
        {
            if (publisher.Path.Idle > options.PublisherTimeout)
            {
                Abort("publisher sent nothing");
            }

            return;
        }

        // A TCP reader needs not talk to us (its liveness is the write side); everyone else must keep alive.
        var limit = Volatile.Read(ref _requestCount) == 0 ? options.ReadTimeout : options.SessionTimeout;
        if (!HasPlayingTcpSession() && silent > limit)
        {
            Abort("idle timeout");
        }
    }

    /// <summary>Writes bytes under the connection's write lock; false (and the connection aborted) on failure.</summary>
    public async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data)
    {
        await _sendLock.WaitAsync();
        try
        {
            Interlocked.Exchange(ref _sendStarted, Math.Max(1, _context.Time.GetTimestamp()));
            while (!data.IsEmpty)
            {
                var sent = await _socket.SendAsync(data, SocketFlags.None);
                data = data[sent..];
            }

            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            Abort("send failed");
            return false;
        }
        finally
        {
            Interlocked.Exchange(ref _sendStarted, 0);
            _sendLock.Release();
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
            Interlocked.Exchange(ref _partialSince, now);
        }
    }

    private bool HasPlayingTcpSession()
    {
        lock (_sessions)
        {
            return _sessions.Exists(s => s.State == RtspSessionState.Playing && !s.IsUdp && !s.IsClosed);
        }
    }

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

    private void Shutdown(string reason)
    {
        Interlocked.Exchange(ref _aborted, 1);
        _socket.Dispose();
        RtspSession[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
            _sessions.Clear();
        }

        foreach (var session in sessions)
        {
            if (session.IsUdp && session.State == RtspSessionState.Playing && !session.IsClosed)
            {
                // RFC 2326: a UDP session outlives its control connection until TEARDOWN or timeout.
                session.Owner = null;
                continue;
            }

            _context.CloseSession(session, reason);
        }

        _announced = null;
        _recording = null;
        LogConnectionClosed(_context.Logger, Id, Remote, reason);
    }

    private enum ProcessOutcome
    {
        Incomplete,
        Message,
        Close,
    }
}
