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

    private bool HasPlayingTcpSession()
    {
        lock (_sessions)
        {
            return _sessions.Exists(s => s.State == RtspSessionState.Playing && !s.IsUdp && !s.IsClosed);
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
}
