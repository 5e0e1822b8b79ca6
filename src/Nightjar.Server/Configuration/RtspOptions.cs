using System.Net;

namespace Nightjar.Server.Configuration;

/// <summary>The RTSP listener serving live streams to players and upstream systems (the relay).</summary>
internal sealed class RtspOptions : INightjarOptions
{
    public static string SectionName => "Rtsp";

    /// <summary>TCP port of the relay; 0 picks a free port at start (tests).</summary>
    public int Port { get; set; } = 8554;

    /// <summary>IP address to bind; <c>0.0.0.0</c> all IPv4 interfaces.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>UDP port for RTP to UDP readers (RTCP uses the next one); 0 turns UDP transport off (TCP only).</summary>
    public int UdpRtpPort { get; set; } = 8000;

    /// <summary>Publishers from loopback (the node's own ffmpeg ingest) need no credentials.</summary>
    public bool TrustLoopbackPublishers { get; set; } = true;

    public void Validate(ConfigurationErrorCollector errors)
    {
        errors.Port(nameof(Port), Port);
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            errors.Add(nameof(BindAddress), $"must be an IP address such as 0.0.0.0, :: or 127.0.0.1 (got '{BindAddress}')");
        }

        if (UdpRtpPort is < 0 or > 65534)
        {
            errors.Add(nameof(UdpRtpPort), $"must be between 1 and 65534 (RTCP takes the next port), or 0 for TCP only (got {UdpRtpPort})");
        }
    }
}
