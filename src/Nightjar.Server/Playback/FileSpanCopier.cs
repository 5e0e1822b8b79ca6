using System.Buffers;

namespace Nightjar.Server.Playback;

/// <summary>Copies byte ranges of recording files to a stream (a response or ffmpeg's stdin) without decoding anything.</summary>
internal static class FileSpanCopier
{
    private const int BufferSize = 128 * 1024;

    /// <param name="spans">What to copy, in order.</param>
    /// <param name="destination">Where to.</param>
    /// <param name="cancellationToken">Stops the copy.</param>
    /// <param name="remote">Copies the spans another node holds (<see cref="FileSpan.Node"/> set); without it such a span fails.</param>
    /// <returns>Bytes copied.</returns>
    /// <exception cref="IOException">A file is gone or shorter than the index says (<see cref="FileNotFoundException"/>, <see cref="EndOfStreamException"/>), or a node holding one could not send it.</exception>
    public static async Task<long> CopyAsync(
        IReadOnlyList<FileSpan> spans,
        Stream destination,
        CancellationToken cancellationToken,
        Func<FileSpan, Stream, CancellationToken, Task>? remote = null)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(destination);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long copied = 0;
        try
        {
            foreach (var span in spans)
            {
                if (span.Node is not null)
                {
                    await (remote ?? throw new RemoteSpanException($"The recording {span.FullPath} is on node '{span.Node}', which this export cannot reach."))(span, destination, cancellationToken);
                    copied += span.Length;
                    continue;
                }

                using var handle = File.OpenHandle(span.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
                var position = span.Offset;
                while (position < span.End)
                {
                    var wanted = (int)Math.Min(buffer.Length, span.End - position);
                    var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(0, wanted), position, cancellationToken);
                    if (read == 0)
                    {
                        throw new EndOfStreamException($"A recording file ended at byte {position}, before the indexed end {span.End}.");
                    }

                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    position += read;
                    copied += read;
                }
            }

            return copied;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
