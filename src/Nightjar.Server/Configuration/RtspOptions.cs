namespace Nightjar.Server.Configuration;

/// <summary>The RTSP listener serving live and archive streams to players and upstream systems.</summary>
internal sealed class RtspOptions : INightjarOptions
{
    public static string SectionName => "Rtsp";

    public int Port { get; set; } = 8554;

    public void Validate(ConfigurationErrorCollector errors) => errors.Port(nameof(Port), Port);
}
