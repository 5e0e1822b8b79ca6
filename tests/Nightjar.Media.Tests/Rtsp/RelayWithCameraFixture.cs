using Nightjar.Media.Rtsp;
using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Rtsp;

/// <summary>A relay with one ffmpeg camera (the motion clip, H.264 + AAC) publishing into <c>cam</c>.</summary>
public sealed class RelayWithCameraFixture : IAsyncLifetime
{
    private RunningTool? _publisher;

    public RtspServer Server { get; private set; } = null!;

    public string Clip { get; private set; } = null!;

    public string Url => Server.Url("cam");

    public async Task InitializeAsync()
    {
        Clip = await TestClips.MotionAsync();
        Server = await TestRelay.StartAsync();
        _publisher = MediaTools.Publish(Clip, Url, audio: true);
        await Server.WaitForPublisherAsync("cam");
    }

    public async Task DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
