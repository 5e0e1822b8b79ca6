using System.Collections;
using System.Net;
using Nightjar.Server.Configuration;

namespace Nightjar.Server.Tests.Configuration;

public sealed class NightjarSettingsTests
{
    private const string ClusterKey = "cluster-key-0123456789-secret";

    [Fact]
    public void Load_NothingConfigured_UsesTheDocumentedDefaults()
    {
        var settings = Load();

        settings.Http.Port.Should().Be(8080);
        settings.Http.BindAddress.Should().Be("0.0.0.0");
        settings.Rtsp.Port.Should().Be(8554);
        settings.Data.Path.Should().Be("./data");
        settings.Database.IsEmbedded.Should().BeTrue();
        DatabaseOptions.GetEmbeddedDatabasePath(settings.Data).Should().Be(Path.GetFullPath("./data/nightjar.db"));
        settings.Storage.Roots.Should().BeEmpty();
        var root = settings.Storage.GetEffectiveRoots(settings.Data).Should().ContainSingle().Subject;
        root.Path.Should().Be(Path.Combine("./data", "recordings"));
        root.GetLimit().Should().Be(StorageLimit.Parse("90%"));
        settings.Node.Id.Should().Be(Dns.GetHostName());
        settings.Node.PublicUrl.Should().BeNull();
        settings.Node.GetRoles().Should().Equal(NodeRole.Streamer);
        settings.Node.Capacity.IngestMbps.Should().Be(0);
        settings.Node.Capacity.Cameras.Should().Be(0);
        settings.Node.Capacity.StorageGb.Should().Be(0);
        settings.Cluster.Key.Should().BeNull();
        settings.Auth.BootstrapAdminKey.Should().BeNull();
        settings.Telemetry.OtlpEndpoint.Should().BeNull();
        settings.Shutdown.TimeoutSeconds.Should().Be(30);
    }

    [Fact]
    public void Load_EveryDocumentedKey_IsBound()
    {
        var settings = Load(new()
        {
            ["Http:Port"] = "8081",
            ["Http:BindAddress"] = "::",
            ["Rtsp:Port"] = "8555",
            ["Data:Path"] = "/var/lib/nightjar",
            ["Database:ConnectionString"] = "Host=db;Username=nightjar;Password=pw",
            ["Storage:Roots:0:Path"] = "/mnt/disk1",
            ["Storage:Roots:0:Limit"] = "50% 7d",
            ["Storage:Roots:1:Path"] = "/mnt/disk2",
            ["Node:Id"] = "streamer-1",
            ["Node:PublicUrl"] = "https://streamer-1.example:8443",
            ["Node:Roles"] = "streamer, supervisor",
            ["Node:Capacity:IngestMbps"] = "800.5",
            ["Node:Capacity:Cameras"] = "200",
            ["Node:Capacity:StorageGb"] = "16000",
            ["Cluster:Key"] = ClusterKey,
            ["Auth:BootstrapAdminKey"] = "admin-key-0123456789",
            ["Telemetry:OtlpEndpoint"] = "http://otel-collector:4317",
            ["Shutdown:TimeoutSeconds"] = "45",
        });

        settings.Http.Port.Should().Be(8081);
        settings.Http.GetBindAddress().Should().Be(IPAddress.IPv6Any);
        settings.Rtsp.Port.Should().Be(8555);
        settings.Data.Path.Should().Be("/var/lib/nightjar");
        settings.Database.IsEmbedded.Should().BeFalse();
        settings.Storage.Roots.Should().HaveCount(2);
        settings.Storage.Roots[0].GetLimit().Should().Be(StorageLimit.Parse("50% 7d"));
        settings.Storage.Roots[1].Limit.Should().Be(StorageRootOptions.DefaultLimit);
        settings.Node.Id.Should().Be("streamer-1");
        settings.Node.GetPublicUrl(settings.Http).Should().Be(new Uri("https://streamer-1.example:8443"));
        settings.Node.GetRoles().Should().Equal(NodeRole.Streamer, NodeRole.Supervisor);
        settings.Node.Capacity.IngestMbps.Should().Be(800.5);
        settings.Node.Capacity.Cameras.Should().Be(200);
        settings.Node.Capacity.StorageGb.Should().Be(16000);
        settings.Cluster.Key.Should().Be(ClusterKey);
        settings.Auth.BootstrapAdminKey.Should().Be("admin-key-0123456789");
        settings.Telemetry.OtlpEndpoint.Should().Be("http://otel-collector:4317");
        settings.Shutdown.Timeout.Should().Be(TimeSpan.FromSeconds(45));
    }

    [Theory]
    [InlineData("Http:Port", "70000", "Http:Port: must be between 1 and 65535, or 0 for a free port chosen at start (got 70000)")]
    [InlineData("Http:Port", "-1", "Http:Port: must be between 1 and 65535")]
    [InlineData("Http:Port", "eighty", "Http:Port: must be a whole number (got 'eighty')")]
    [InlineData("Http:BindAddress", "example.org", "Http:BindAddress: must be an IP address")]
    [InlineData("Rtsp:Port", "65536", "Rtsp:Port: must be between 1 and 65535")]
    [InlineData("Data:Path", "", "Data:Path: must be set to a directory")]
    [InlineData("Data:Path", "a\0b", "Data:Path: contains characters")]
    [InlineData("Storage:Roots:0:Limit", "lots", "Storage:Roots:0:Limit: 'lots' is not a valid storage limit")]
    [InlineData("Storage:Roots:0:Path", "   ", "Storage:Roots:0:Path: must be set to a directory")]
    [InlineData("Node:Id", "bad id!", "Node:Id: must be 1 to 63 letters")]
    [InlineData("Node:Id", "-leading-dash", "Node:Id: must be 1 to 63 letters")]
    [InlineData("Node:PublicUrl", "streamer-1:8080", "Node:PublicUrl: must be an absolute http:// or https:// URL")]
    [InlineData("Node:Roles", "streamer,recorder", "Node:Roles: unknown role 'recorder'")]
    [InlineData("Node:Roles", " , ", "Node:Roles: must name at least one role")]
    [InlineData("Node:Capacity:IngestMbps", "-5", "Node:Capacity:IngestMbps: must be between 0 and 1000000 (got -5)")]
    [InlineData("Node:Capacity:Cameras", "many", "Node:Capacity:Cameras: must be a whole number (got 'many')")]
    [InlineData("Node:Capacity:StorageGb", "1e12", "Node:Capacity:StorageGb: must be between 0 and 1000000000")]
    [InlineData("Telemetry:OtlpEndpoint", "otel:4317", "Telemetry:OtlpEndpoint: must be an absolute http:// or https:// URL")]
    [InlineData("Shutdown:TimeoutSeconds", "0", "Shutdown:TimeoutSeconds: must be between 1 and 3600 (got 0)")]
    [InlineData("Database:ConnectionString", "Host=db;Password='unterminated", "Database:ConnectionString: is not a valid connection string")]
    [InlineData("Database:ConnectionString", "Username=x;Password=y", "Database:ConnectionString: must name the PostgreSQL server")]
    [InlineData("Http:Prot", "8081", "Http:Prot: is not a known setting (known in Http: Port, BindAddress)")]
    [InlineData("Storage:Roots:0:Limt", "50%", "Storage:Roots:0:Limt: is not a known setting")]
    [InlineData("Storage:Roots", "/mnt/disk1", "Storage:Roots: must be a list")]
    [InlineData("Storage:Roots:first:Path", "/mnt/disk1", "Storage:Roots:first: is not a list index")]
    [InlineData("Node:Capacity", "100", "Node:Capacity: must be a section")]
    [InlineData("Htpp:Port", "8081", "Htpp: is not a known section")]
    public void Load_BadValue_NamesTheKeyAndWhatIsWrong(string key, string value, string expected)
    {
        var error = LoadErrors(new() { [key] = value, ["Cluster:Key"] = ClusterKey });

        error.Should().Contain(e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SeveralProblems_AreAllReportedAtOnce()
    {
        var errors = LoadErrors(new() { ["Http:Port"] = "70000", ["Rtsp:Port"] = "x", ["Shutdown:TimeoutSeconds"] = "0" });

        errors.Should().HaveCount(3);
    }

    [Fact]
    public void Load_DuplicateStorageRoot_IsRejected()
    {
        var errors = LoadErrors(new() { ["Storage:Roots:0:Path"] = "/mnt/a", ["Storage:Roots:1:Path"] = "/mnt/a/" });

        errors.Should().ContainSingle().Which.Should().Be("Storage:Roots:1:Path: is the same directory as Storage:Roots:0:Path ('/mnt/a/')");
    }

    [Fact]
    public void Load_ClusterDatabaseWithoutClusterKey_IsRejected()
    {
        var errors = LoadErrors(new() { ["Database:ConnectionString"] = "Host=db;Username=n;Password=p" });

        errors.Should().ContainSingle().Which.Should().StartWith("Cluster:Key: must be set when Database:ConnectionString is set");
    }

    [Fact]
    public void Load_KeysAreCaseInsensitiveAsInEnvironmentVariables()
    {
        Load(new() { ["HTTP:PORT"] = "9000", ["node:capacity:cameras"] = "4" }).Http.Port.Should().Be(9000);
    }

    [Theory]
    [InlineData("Cluster:Key", "tiny-secret")]
    [InlineData("Cluster:Key", "white space in the cluster key")]
    [InlineData("Auth:BootstrapAdminKey", "tiny-secret")]
    [InlineData("Database:ConnectionString", "Host=db;Password=tiny-secret;Bogus")]
    public void Load_InvalidSecret_IsNeverEchoed(string key, string secret)
    {
        var errors = LoadErrors(new() { [key] = secret, ["Cluster:Key"] = key == "Cluster:Key" ? secret : ClusterKey });

        errors.Should().Contain(e => e.StartsWith(key, StringComparison.Ordinal));
        string.Join("\n", errors).Should().NotContain("tiny-secret").And.NotContain("white space in");
    }

    private static NightjarSettings Load(Dictionary<string, string?>? values = null) =>
        NightjarSettings.Load(NightjarConfiguration.Load(null, new Hashtable(), values));

    private static IReadOnlyList<string> LoadErrors(Dictionary<string, string?> values)
    {
        var load = () => Load(values);
        return [.. load.Should().Throw<ConfigurationException>().Which.Errors.Select(e => e.ToString())];
    }
}
