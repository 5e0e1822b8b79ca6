namespace Nightjar.Media.Ffmpeg;

/// <summary>The last lines a process wrote to stderr (a bounded ring), already redacted. Thread-safe.</summary>
public sealed class StderrTail(int capacity = 200)
{
    private const int MaxLineLength = 1024;
    private readonly Queue<string> _lines = new(capacity);
    private readonly Lock _lock = new();

    /// <summary>Lines written in total, including those that fell out of the ring.</summary>
    public long TotalLines { get; private set; }

    public void Add(string line)
    {
        var trimmed = line.Length > MaxLineLength ? line[..MaxLineLength] + "..." : line;
        lock (_lock)
        {
            _lines.Enqueue(trimmed);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }

            TotalLines++;
        }
    }

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_lock)
        {
            return [.. _lines];
        }
    }

    /// <summary>The newest non-blank line: ffmpeg's reason for exiting is usually there.</summary>
    public string? LastLine()
    {
        lock (_lock)
        {
            return _lines.LastOrDefault(l => !string.IsNullOrWhiteSpace(l));
        }
    }
}
