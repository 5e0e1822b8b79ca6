using Nightjar.Media.Tests.TestCameras;

namespace Nightjar.Recording.Tests.Runtime.Support;

/// <summary>A GStreamer camera stand-in with Digest authentication, one per test class (it can be killed and restarted on its port).</summary>
public sealed class CameraStandIn : IAsyncLifetime
{
    public const string User = "admin";

    /// <summary>Needs percent-encoding in a URL (':' '@' '/' '%'), and is searched for in every log line.</summary>
    public const string Password = "Cam:P@ss/w0rd%42";

    private GstRtspCamera? _camera;

    public GstRtspCamera Camera => _camera ?? throw new InvalidOperationException("The camera is not running.");

    public async Task InitializeAsync() => _camera = await GstRtspCamera.StartAsync(user: User, password: Password);

    /// <summary>Kills the camera (connections reset).</summary>
    public Task KillAsync() => Camera.KillAsync();

    /// <summary>Starts it again on the same port, as a camera that reboots.</summary>
    public async Task RestartAsync()
    {
        var port = Camera.Port;
        await Camera.DisposeAsync();
        _camera = await GstRtspCamera.StartAsync(port, User, Password);
    }

    public async Task DisposeAsync()
    {
        if (_camera is not null)
        {
            if (_camera.IsPaused)
            {
                _camera.Resume();
            }

            await _camera.DisposeAsync();
        }
    }
}
