namespace Nightjar.Media.Ts;

/// <summary>
/// Incremental MPEG-TS scanner that builds the GOP index of one file: feed it the bytes of a file
/// in order, in pieces of any size (a growing file is tailed by feeding what was appended), and
/// take a <see cref="Snapshot"/> at any time. A trailing partial packet is kept until the rest arrives.
/// Damage is tolerated (resync, CRC-checked tables); only input that is not TS at all throws
/// <see cref="TsFormatException"/>. Not thread-safe: one owner feeds it.
/// </summary>
public sealed partial class TsIndexer
{
    /// <summary>Size of one transport stream packet.</summary>
    public const int PacketSize = 188;

    private const byte SyncByte = 0x47;

    // A file that does not start on a sync byte must show three packets in a row within this window.
    private const int MaxSyncSearch = 64 * 1024;

    private readonly byte[] _carry = new byte[PacketSize];
    private int _carryLength;
    private byte[]? _preamble;
    private int _preambleLength;
    private bool _synced;
    private bool _completed;
    private bool _inResync;
    private long _position;
    private long _syncOffset;
    private int _syncLosses;

    /// <summary>Total bytes fed so far: where the next <see cref="Append"/> continues in the file.</summary>
    public long BytesFed { get; private set; }

    /// <summary>Scans a whole file and completes the index (the last GOP counts as complete).</summary>
    public static TsFileIndex IndexFile(string path, CancellationToken cancellationToken = default)
    {
        var indexer = new TsIndexer();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        indexer.ReadToEnd(stream, cancellationToken);
        return indexer.Complete();
    }

    /// <summary>Feeds the bytes from the stream's position to its end; returns how many were read.</summary>
    public long ReadToEnd(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[128 * 1024];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Append(buffer.AsSpan(0, read));
            total += read;
        }

        return total;
    }

    /// <summary>Feeds the next bytes of the file.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The indexer was completed; start a new one for another file.");
        }

        if (data.IsEmpty)
        {
            return;
        }

        BytesFed += data.Length;
        if (!_synced)
        {
            FeedPreamble(data);
            return;
        }

        FeedSynced(data);
    }

    /// <summary>The index so far; the GOP still being written is reported as <see cref="TsFileIndex.OpenGop"/>.</summary>
    public TsFileIndex Snapshot() => BuildIndex();

    /// <summary>
    /// Marks the end of the file: a pending frame is decided and the last GOP closes at the last
    /// whole packet. Further <see cref="Append"/> calls throw.
    /// </summary>
    public TsFileIndex Complete()
    {
        if (!_completed)
        {
            if (!_synced && BytesFed > 0)
            {
                throw new TsFormatException($"Not an MPEG-TS stream: no packet sync found in {BytesFed} bytes.");
            }

            FinishPes();
            CloseOpenGop(_position);
            _completed = true;
        }

        return BuildIndex();
    }

    private void FeedPreamble(ReadOnlySpan<byte> data)
    {
        if (_preamble is null && data[0] == SyncByte)
        {
            _synced = true;
            FeedSynced(data);
            return;
        }

        _preamble ??= new byte[MaxSyncSearch + (2 * PacketSize)];
        var take = Math.Min(data.Length, _preamble.Length - _preambleLength);
        data[..take].CopyTo(_preamble.AsSpan(_preambleLength));
        _preambleLength += take;

        var window = _preamble.AsSpan(0, _preambleLength);
        for (var p = 0; p + (2 * PacketSize) < window.Length; p++)
        {
            if (window[p] == SyncByte && window[p + PacketSize] == SyncByte && window[p + (2 * PacketSize)] == SyncByte)
            {
                _synced = true;
                _syncOffset = p;
                _position = p;
                var rest = window[p..].ToArray();
                _preamble = null;
                FeedSynced(rest);
                FeedSynced(data[take..]);
                return;
            }
        }

        if (_preambleLength == _preamble.Length)
        {
            throw new TsFormatException($"Not an MPEG-TS stream: no run of three packets in the first {MaxSyncSearch} bytes.");
        }
    }

    private void FeedSynced(ReadOnlySpan<byte> data)
    {
        if (_carryLength > 0)
        {
            var need = PacketSize - _carryLength;
            if (data.Length < need)
            {
                data.CopyTo(_carry.AsSpan(_carryLength));
                _carryLength += data.Length;
                return;
            }

            data[..need].CopyTo(_carry.AsSpan(_carryLength));
            _carryLength = 0;
            data = data[need..];
            AcceptPacket(_carry);
        }

        while (!data.IsEmpty)
        {
            if (data[0] != SyncByte)
            {
                data = SkipToSync(data);
                continue;
            }

            if (data.Length < PacketSize)
            {
                data.CopyTo(_carry);
                _carryLength = data.Length;
                return;
            }

            AcceptPacket(data[..PacketSize]);
            data = data[PacketSize..];
        }
    }

    private ReadOnlySpan<byte> SkipToSync(ReadOnlySpan<byte> data)
    {
        if (!_inResync)
        {
            _inResync = true;
            _syncLosses++;
        }

        var next = data[1..].IndexOf(SyncByte);
        var skip = next < 0 ? data.Length : next + 1;
        _position += skip;
        return data[skip..];
    }

    private void AcceptPacket(ReadOnlySpan<byte> packet)
    {
        _inResync = false;
        var offset = _position;
        _position += PacketSize;
        ProcessPacket(packet, offset);
    }
}
