using Microsoft.Win32.SafeHandles;

namespace Nightjar.Server.Playback;

/// <summary>
/// A read-only, seekable view of <c>[offset, offset + length)</c> of an open file, so the framework's range
/// processing (206, 416, <c>Content-Range</c>) applies to a chunk as if it were a file of its own. Reads go through
/// <see cref="RandomAccess"/> at explicit offsets; the view owns the file and counts the bytes it handed out.
/// </summary>
internal sealed class FileSliceStream : Stream
{
    private readonly FileStream _file;
    private readonly SafeFileHandle _handle;
    private readonly long _offset;
    private readonly long _length;
    private long _position;

    /// <param name="file">Opened for reading; disposed with the view.</param>
    /// <param name="offset">First byte of the view in the file.</param>
    /// <param name="length">Bytes in the view; the file must hold them (the caller checked).</param>
    public FileSliceStream(FileStream file, long offset, long length)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _file = file;
        _handle = file.SafeFileHandle;
        _offset = offset;
        _length = length;
    }

    /// <summary>Bytes returned by reads so far (what was sent, for the bytes metric).</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = Clamp(buffer.Length);
        if (wanted == 0)
        {
            return 0;
        }

        var read = RandomAccess.Read(_handle, buffer[..wanted], _offset + _position);
        Advance(read);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = Clamp(buffer.Length);
        if (wanted == 0)
        {
            return 0;
        }

        var read = await RandomAccess.ReadAsync(_handle, buffer[..wanted], _offset + _position, cancellationToken);
        Advance(read);
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "Unknown seek origin."),
        };
        if (target < 0)
        {
            throw new IOException("Cannot seek before the start of the chunk.");
        }

        _position = target;
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("A chunk is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A chunk is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        await base.DisposeAsync();
    }

    private int Clamp(int requested) => (int)Math.Max(0, Math.Min(requested, _length - _position));

    private void Advance(int read)
    {
        _position += read;
        BytesRead += read;
    }
}
