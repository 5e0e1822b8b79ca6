using Nightjar.Media.Hls;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Tests.Runtime.Support;

/// <summary>Plays what the archive serves through ffmpeg's own HLS demuxer: byte ranges of the resolved local files.</summary>
internal static class Playback
{
    public sealed record Result(HlsPlaylist Playlist, string Errors, int Frames, double Seconds);

    public static async Task<Result> DecodeArchiveAsync(IRecordingArchive archive, CameraId camera, string stream, DateTimeOffset from, DateTimeOffset to, string directory)
    {
        var segments = await archive.GetSegmentsAsync(camera, stream, from, to, CancellationToken.None);
        var playlist = ArchivePlaylist.BuildVod(
            segments,
            from,
            to,
            new ArchivePlaylistOptions
            {
                Addressing = HlsChunkAddressing.ByteRanges(c =>
                    archive.ResolveChunkFile(camera, stream, c.SegmentKey)?.FullPath
                        ?? throw new InvalidOperationException($"Key {c.SegmentKey} does not resolve to a file.")),
            });
        var path = Path.Combine(directory, $"archive-{Guid.NewGuid():N}.m3u8");
        await File.WriteAllBytesAsync(path, playlist.Utf8.ToArray());
        var (errors, frames) = await ToolRunner.DecodeAsync(path);
        var seconds = await ToolRunner.ProbeDurationAsync(path);
        return new Result(playlist, errors, frames, seconds);
    }

    /// <summary>Decodes one byte range of a file (a GOP chunk) piped into ffmpeg; returns the frames decoded.</summary>
    public static async Task<(string Errors, int Frames)> DecodeRangeAsync(string file, long offset, long length)
    {
        var bytes = new byte[length];
        await using (var stream = File.OpenRead(file))
        {
            stream.Position = offset;
            await stream.ReadExactlyAsync(bytes);
        }

        var result = await ToolRunner.RunAsync(
            "ffmpeg",
            ["-hide_banner", "-nostdin", "-v", "error", "-f", "mpegts", "-i", "pipe:0", "-map", "0:v:0", "-f", "null", "-progress", "pipe:1", "-"],
            TimeSpan.FromSeconds(30),
            bytes);
        var frames = result.StandardOutput.Split('\n')
            .Where(l => l.StartsWith("frame=", StringComparison.Ordinal))
            .Select(l => int.Parse(l[6..], System.Globalization.CultureInfo.InvariantCulture))
            .LastOrDefault();
        return (result.StandardError.Trim(), frames);
    }
}
