using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Tests.Runtime;

public sealed class RecordingEngineOptionsTests
{
    private static readonly RecordingEngineOptions Valid = new() { StorageRoots = ["/srv/rec"] };

    [Fact]
    public void Validate_Defaults_WithARoot_Pass() => Valid.Invoking(o => o.Validate()).Should().NotThrow();

    [Theory]
    [InlineData(nameof(RecordingEngineOptions.StorageRoots), "none")]
    [InlineData(nameof(RecordingEngineOptions.StorageRoots), "relative")]
    [InlineData(nameof(RecordingEngineOptions.StorageRoots), "strftime")]
    [InlineData(nameof(RecordingEngineOptions.SegmentDuration), "short")]
    [InlineData(nameof(RecordingEngineOptions.RelayBaseUrl), "credentials")]
    [InlineData(nameof(RecordingEngineOptions.RelayBaseUrl), "http")]
    [InlineData(nameof(RecordingEngineOptions.SocketTimeout), "zero")]
    [InlineData(nameof(RecordingEngineOptions.TailInterval), "zero")]
    [InlineData(nameof(RecordingEngineOptions.LiveWindowChunks), "zero")]
    [InlineData(nameof(RecordingEngineOptions.FfmpegPath), "blank")]
    [InlineData(nameof(RecordingEngineOptions.NodeId), "slash")]
    [InlineData(nameof(RecordingEngineOptions.NodeId), "empty")]
    [InlineData(nameof(RecordingEngineOptions.RegistryRefreshInterval), "zero")]
    [InlineData(nameof(RecordingEngineOptions.JournalRetryWindow), "negative")]
    public void Validate_BadValue_NamesTheOption(string option, string bad)
    {
        var options = (option, bad) switch
        {
            (_, "none") => Valid with { StorageRoots = [] },
            (_, "relative") => Valid with { StorageRoots = ["relative/path"] },
            (_, "strftime") => Valid with { StorageRoots = ["/srv/rec%d"] },
            (_, "short") => Valid with { SegmentDuration = TimeSpan.FromMilliseconds(500) },
            (_, "credentials") => Valid with { RelayBaseUrl = new Uri("rtsp://user:pass@127.0.0.1:8554") },
            (_, "http") => Valid with { RelayBaseUrl = new Uri("http://127.0.0.1:8554") },
            (nameof(RecordingEngineOptions.SocketTimeout), _) => Valid with { SocketTimeout = TimeSpan.Zero },
            (nameof(RecordingEngineOptions.TailInterval), _) => Valid with { TailInterval = TimeSpan.Zero },
            (nameof(RecordingEngineOptions.LiveWindowChunks), _) => Valid with { LiveWindowChunks = 0 },
            (_, "slash") => Valid with { NodeId = "node/a" },
            (_, "empty") => Valid with { NodeId = "" },
            (nameof(RecordingEngineOptions.RegistryRefreshInterval), _) => Valid with { RegistryRefreshInterval = TimeSpan.Zero },
            (nameof(RecordingEngineOptions.JournalRetryWindow), _) => Valid with { JournalRetryWindow = TimeSpan.FromSeconds(-1) },
            _ => Valid with { FfmpegPath = " " },
        };

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().Which.ParamName.Should().Be(option);
        options.ToString().Should().NotBeEmpty("printing options never throws");
    }

    [Fact]
    public void Validate_ClusterNode_Passes_AndNamesItsRoot()
    {
        var node = Valid with { NodeId = "node-a.eu_1", RegistryRefreshInterval = TimeSpan.FromSeconds(1) };

        node.Invoking(o => o.Validate()).Should().NotThrow();
        StorageRootNames.For(node.NodeId).Should().Be("node-a.eu_1/0");
        StorageRootNames.For(null).Should().Be("0");
        StorageRootNames.NodeOf("node-a.eu_1/0").Should().Be("node-a.eu_1");
        StorageRootNames.NodeOf("0").Should().BeNull();
    }
}
