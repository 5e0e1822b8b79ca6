using System.Net;

namespace Nightjar.Server.Configuration;

/// <summary>The HTTP listener: API, HLS, health and metrics share it.</summary>
internal sealed class HttpOptions : INightjarOptions
{
    public static string SectionName => "Http";

    /// <summary>TCP port; 0 picks a free port at start (tests), the bound address is logged.</summary>
    public int Port { get; set; } = 8080;

    /// <summary>IP address to bind; <c>0.0.0.0</c> all IPv4 interfaces, <c>::</c> all interfaces.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    public IPAddress GetBindAddress() => IPAddress.Parse(BindAddress);

    public void Validate(ConfigurationErrorCollector errors)
    {
        errors.Port(nameof(Port), Port);
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            errors.Add(nameof(BindAddress), $"must be an IP address such as 0.0.0.0, :: or 127.0.0.1 (got '{BindAddress}')");
        }
    }
}
