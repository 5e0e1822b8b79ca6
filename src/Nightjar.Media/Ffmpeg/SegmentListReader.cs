using System.Globalization;
using System.Text;

namespace Nightjar.Media.Ffmpeg;

/// <summary>
/// Tails ffmpeg's <c>segment_list_type=csv</c> file (<c>name,start,end</c>, one line per closed
/// segment; names with ',' or '"' are quoted CSV). Only whole lines are consumed, so a line
/// being written is read on the next poll. Not thread-safe.
/// </summary>
/// <remarks>
/// ffmpeg lists a segment only once it moved on to the next one. After ffmpeg stops (any signal
/// interrupts the trailer) or crashes, the newest file of the run is NOT listed: close it with
/// <c>TsRepair</c> and the indexer instead.
/// </remarks>
public sealed class SegmentListReader(string path)
{
    private const int MaxLine = 4096;
    private long _offset;

    public string Path { get; } = path;

    /// <summary>Reads the lines appended since the last call; a missing file yields nothing.</summary>
    public IReadOnlyList<SegmentListEntry> Poll()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        if (stream.Length < _offset)
        {
            _offset = 0; // the list was rewritten
        }

        stream.Position = _offset;
        var bytes = new byte[(int)Math.Min(stream.Length - _offset, 1 << 20)];
        var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        var entries = new List<SegmentListEntry>();
        var consumed = 0;
        while (true)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', consumed, read - consumed);
            if (newline < 0)
            {
                // A line longer than any real one is garbage: skip it rather than stall on it forever.
                if (read - consumed > MaxLine)
                {
                    consumed = read;
                }

                break;
            }

            var line = Encoding.UTF8.GetString(bytes, consumed, newline - consumed).TrimEnd('\r');
            consumed = newline + 1;
            if (TryParseLine(line, out var entry))
            {
                entries.Add(entry);
            }
        }

        _offset += consumed;
        return entries;
    }

    /// <summary>Parses one CSV line of the list.</summary>
    public static bool TryParseLine(string line, out SegmentListEntry entry)
    {
        entry = null!;
        if (string.IsNullOrEmpty(line) || line.Length > MaxLine)
        {
            return false;
        }

        string name;
        string rest;
        if (line[0] == '"')
        {
            var builder = new StringBuilder();
            var i = 1;
            while (true)
            {
                if (i >= line.Length)
                {
                    return false;
                }

                if (line[i] == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        builder.Append('"');
                        i += 2;
                        continue;
                    }

                    i++;
                    break;
                }

                builder.Append(line[i++]);
            }

            if (i >= line.Length || line[i] != ',')
            {
                return false;
            }

            name = builder.ToString();
            rest = line[(i + 1)..];
        }
        else
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0)
            {
                return false;
            }

            name = line[..comma];
            rest = line[(comma + 1)..];
        }

        var parts = rest.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var end)
            || !double.IsFinite(start) || !double.IsFinite(end) || start < 0 || end < start || end > TimeSpan.MaxValue.TotalSeconds / 2
            || name.Length == 0)
        {
            return false;
        }

        entry = new SegmentListEntry(name, TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end));
        return true;
    }
}
