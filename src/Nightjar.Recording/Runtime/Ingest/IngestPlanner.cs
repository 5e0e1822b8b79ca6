using Nightjar.Media.Ffmpeg;
using Nightjar.Media.Segments;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime.Archive;

namespace Nightjar.Recording.Runtime.Ingest;

/// <summary>
/// Builds each run of one stream's ingest: a fresh run directory under the storage root and the media.md 7.2 command
/// (socket timeout, copy, tee into flushed TS segments and a fifo push into the relay). Called by the process
/// supervisor before every start, so a changed password or a restart always gets a new directory.
/// </summary>
internal sealed class IngestPlanner(
    CameraId camera,
    StreamDefinition stream,
    AudioMode audio,
    RecordingEngineOptions options,
    StorageLayout layout,
    ISecretProtector protector)
{
    public PreparedRun Prepare(SupervisedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (runId, relative) = NewRunDirectory(run.StartedAt);
        var full = layout.Resolve(relative);

        // The source URL carries the plaintext password from here on: it goes to the process and nowhere else.
        var source = new Uri(stream.ResolveSourceUrl(protector), UriKind.Absolute);
        var ingest = new IngestOptions
        {
            SourceUrl = source,
            SegmentDirectory = full,
            SegmentDuration = options.SegmentDuration,
            AlignToClock = options.StaggerRotation,
            ClockOffset = options.StaggerRotation ? RotationOffset.For(camera.Value, stream.Name, options.SegmentDuration) : TimeSpan.Zero,
            SocketTimeout = options.SocketTimeout,
            Audio = audio switch
            {
                AudioMode.Copy => IngestAudio.CopyAac,
                AudioMode.Transcode => IngestAudio.TranscodeToAac,
                _ => IngestAudio.Drop,
            },
            RelayUrl = RelayUrl(),
            FfmpegPath = options.FfmpegPath,
        };

        // Built before the directory exists, so a command that cannot be built leaves nothing behind.
        var command = IngestCommandBuilder.Build(ingest);
        FileDurability.CreateDirectoryDurably(full);
        return new PreparedRun(run.Run, runId, relative, full, command);
    }

    private Uri? RelayUrl() =>
        options.RelayBaseUrl is { } relay
            ? new Uri(relay.OriginalString.TrimEnd('/') + "/" + camera.Value + "/" + stream.Name, UriKind.Absolute)
            : null;

    private (string RunId, string Relative) NewRunDirectory(DateTimeOffset startedAt)
    {
        // Run ids are start milliseconds; two starts in one millisecond (never with a backoff, but cheap to rule out)
        // take the next free one.
        for (var attempt = 0; ; attempt++)
        {
            var start = startedAt.AddMilliseconds(attempt);
            var runId = SegmentPathScheme.NewRunId(start);
            var relative = SegmentPathScheme.RunDirectory(camera.Value, stream.Name, start, runId);
            if (!Directory.Exists(layout.Resolve(relative)))
            {
                return (runId, relative);
            }
        }
    }
}
