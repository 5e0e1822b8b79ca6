using System.Net.Sockets;
using System.Text;

namespace Nightjar.Recording.Tests.Devices.Support;

/// <summary>One open alert stream of the simulator: the test writes parts (or damage) and can drop it.</summary>
internal sealed class AlertStreamConnection(TcpClient client, Stream stream)
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Writes raw bytes, as they are.</summary>
    public async Task SendAsync(byte[] bytes)
    {
        await _writing.WaitAsync();
        try
        {
            await stream.WriteAsync(bytes);
            await stream.FlushAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Drops the connection abruptly (RST), as a rebooting device or a broken network does.</summary>
    public void Drop()
    {
        client.Client.LingerState = new LingerOption(true, 0);
        client.Dispose();
    }
}
