namespace Nightjar.Media.Ts;

/// <summary>
/// Follows a TS file that another process is still writing: each <see cref="Poll"/> reads only what
/// was appended since the last one. Not thread-safe: one owner polls it (every 200-250 ms is plenty).
/// </summary>
public sealed class TsFileTailer(string path) : IDisposable
{
    private readonly TsIndexer _indexer = new();
    private FileStream? _stream;
    private int _reportedGops;

    public string Path { get; } = path;

    /// <summary>The index as of the last <see cref="Poll"/> or <see cref="Complete"/>.</summary>
    public TsFileIndex Current { get; private set; } = TsFileIndex.Empty;

    /// <summary>Reads the new bytes; returns the GOPs that were completed by them (often none).</summary>
    public IReadOnlyList<GopEntry> Poll(CancellationToken cancellationToken = default)
    {
        _stream ??= new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        if (_stream.Length < _indexer.BytesFed)
        {
            throw new InvalidDataException($"The file shrank below the {_indexer.BytesFed} bytes already indexed.");
        }

        _stream.Position = _indexer.BytesFed;
        _indexer.ReadToEnd(_stream, cancellationToken);
        Current = _indexer.Snapshot();
        return TakeNewGops();
    }

    /// <summary>The writer closed the file: reads the rest and closes the last GOP.</summary>
    public TsFileIndex Complete(CancellationToken cancellationToken = default)
    {
        Poll(cancellationToken);
        Current = _indexer.Complete();
        Dispose();
        return Current;
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }

    private GopEntry[] TakeNewGops()
    {
        var gops = Current.Gops;
        if (gops.Count == _reportedGops)
        {
            return [];
        }

        var fresh = new GopEntry[gops.Count - _reportedGops];
        for (var i = 0; i < fresh.Length; i++)
        {
            fresh[i] = gops[_reportedGops + i];
        }

        _reportedGops = gops.Count;
        return fresh;
    }
}
