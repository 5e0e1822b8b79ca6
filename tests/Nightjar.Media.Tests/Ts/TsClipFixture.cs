using Nightjar.Media.Tests.TestCameras;

namespace Nightjar.Media.Tests.Ts;

/// <summary>Real ffmpeg clips shared by the TS tests (generated once per test class).</summary>
public sealed class TsClipFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "nj-ts-" + Guid.NewGuid().ToString("N"));

    /// <summary>5 s of H.264 at 25 fps, a keyframe every 25 frames.</summary>
    public string H264 => Path.Combine(Directory, "h264.ts");

    /// <summary>4 s of H.265, keyframe every 25 frames.</summary>
    public string H265 => Path.Combine(Directory, "h265.ts");

    /// <summary>4 s of H.264 with B-frames and AAC audio.</summary>
    public string WithAudio => Path.Combine(Directory, "audio-bframes.ts");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        await Task.WhenAll(
            TsClip.CreateAsync(H264, 5),
            TsClip.CreateAsync(H265, 4, codec: TsClip.Codec.H265),
            TsClip.CreateAsync(WithAudio, 4, audio: true, bFrames: true));
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
