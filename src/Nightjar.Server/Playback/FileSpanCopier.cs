using System.Buffers;

namespace Nightjar.Server.Playback;

/// <summary>Copies byte ranges of recording files to a stream (a response or ffmpeg's stdin) without decoding anything.</summary>
internal static class FileSpanCopier
{
    private const int BufferSize = 128 * 1024;

    /// <returns>Bytes copied.</returns>
    /// <exception cref="IOException">A file is gone or shorter than the index says (<see cref="FileNotFoundException"/>, <see cref="EndOfStreamException"/>).</exception>
    public static async Task<long> CopyAsync(IReadOnlyList<FileSpan> spans, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(destination);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long copied = 0;
        try
        {
            foreach (var span in spans)
            {
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
