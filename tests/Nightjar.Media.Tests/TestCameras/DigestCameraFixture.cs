namespace Nightjar.Media.Tests.TestCameras;

/// <summary>
/// A class fixture: one GStreamer camera stand-in demanding Digest authentication, with a
/// password that needs percent-encoding in a URL.
/// </summary>
public sealed class DigestCameraFixture : IAsyncLifetime
{
    public const string User = "admin";
    public const string Password = "s3cr:t@pw";

    private GstRtspCamera? _camera;

    public GstRtspCamera Camera => _camera ?? throw new InvalidOperationException("The camera fixture is not started.");

    public async Task InitializeAsync() => _camera = await GstRtspCamera.StartAsync(user: User, password: Password);

    public async Task DisposeAsync()
    {
        if (_camera is not null)
        {
            await _camera.DisposeAsync();
        }
    }
}
