using Nightjar.Server.Configuration;
using Nightjar.Server.Security;

namespace Nightjar.Server.Tests.Security;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("Cluster:Key", true)]
    [InlineData("Auth:BootstrapAdminKey", true)]
    [InlineData("Cameras:0:Events:Password", true)]
    [InlineData("Sites:paris:ApiKey", true)]
    [InlineData("Playback:SigningSecret", true)]
    [InlineData("Http:Port", false)]
    [InlineData("Node:Id", false)]
    [InlineData("Database:ConnectionString", false)] // partly secret: redacted inside, see below
    public void IsSecretKey_KnowsWhichValuesAreWhollySecret(string key, bool secret)
    {
        SecretRedactor.IsSecretKey(key).Should().Be(secret);
    }

    [Fact]
    public void RedactValue_HidesSecretsAndPasswordsButKeepsTheRest()
    {
        SecretRedactor.RedactValue("Cluster:Key", "k-123456789012345").Should().Be(SecretRedactor.Mask);
        SecretRedactor.RedactValue("Http:Port", "8080").Should().Be("8080");
        SecretRedactor.RedactValue("Auth:BootstrapAdminKey", null).Should().Be("(not set)");
        SecretRedactor.RedactValue("Database:ConnectionString", "Host=db;Password=hunter2").Should().NotContain("hunter2").And.Contain("db");
        SecretRedactor.RedactValue("Cameras:0:Url", "rtsp://admin:hunter2@10.0.0.5/s1").Should().Be("rtsp://admin:***@10.0.0.5/s1");
    }

    [Theory]
    [InlineData("Host=db;Username=nightjar;Password=hunter2")]
    [InlineData("host=db;username=nightjar;password=hunter2;Database=n")]
    [InlineData("Host=db;PWD=hunter2")]
    [InlineData("Host=db;Password='hunter2;with;semicolons'")]
    [InlineData("Host=db;Password=\"hunter2\"")]
    [InlineData("Host=db;SSL Password=hunter2")]
    [InlineData("Host=db;Password=hunter2;Password=hunter2")]
    public void RedactConnectionString_RemovesThePassword(string connectionString)
    {
        var redacted = SecretRedactor.RedactConnectionString(connectionString);

        redacted.Should().NotContain("hunter2").And.Contain(SecretRedactor.Mask);
        redacted.Should().ContainEquivalentOf("host=db");
    }

    [Theory]
    [InlineData("Host=db;Password='hunter2")]
    [InlineData("Host=db;Password=\"hunter2")]
    [InlineData("=hunter2")]
    public void RedactConnectionString_Unparseable_HidesEverything(string connectionString)
    {
        SecretRedactor.RedactConnectionString(connectionString).Should().Be(SecretRedactor.Mask);
    }

    [Theory]
    [InlineData("rtsp://admin:hunter2@10.0.0.5:554/stream1", "rtsp://admin:***@10.0.0.5:554/stream1")]
    [InlineData("rtsp://admin@10.0.0.5/stream1", "rtsp://admin@10.0.0.5/stream1")]
    [InlineData("rtsp://10.0.0.5/stream1", "rtsp://10.0.0.5/stream1")]
    [InlineData("rtsp://admin:hun@ter2@10.0.0.5/s", "rtsp://admin:***@10.0.0.5/s")]
    [InlineData("rtsp://admin:hun/ter2@10.0.0.5/s", "rtsp://admin:***@10.0.0.5/s")]
    [InlineData("postgresql://nightjar:hunter2@db:5432/nightjar", "postgresql://nightjar:***@db:5432/nightjar")]
    [InlineData("https://node-2:8080/lobby/index.m3u8?token=hunter2&x=1", "https://node-2:8080/lobby/index.m3u8?token=***&x=1")]
    [InlineData("/lobby/index.m3u8?x=1&api_key=hunter2#t", "/lobby/index.m3u8?x=1&api_key=***#t")]
    [InlineData("http://host/path?password", "http://host/path?password")]
    [InlineData("", "")]
    [InlineData("://", "://")]
    [InlineData("a://@", "a://@")]
    public void RedactUrl_HidesUserPasswordAndSecretQueryParameters(string url, string expected)
    {
        SecretRedactor.RedactUrl(url).Should().Be(expected);
    }

    [Fact]
    public void Redactors_RandomInput_NeverThrowAndNeverLeakAPlantedPassword()
    {
        var random = new Random(42);
        const string alphabet = "abc:/@?&=#;'\" %.-_\\\0\n";
        string[] templates =
        [
            "rtsp://user:{0}@cam/{1}",
            "Host={1};Password={0}",
            "Host={1};Password='{0}'",
            "{1}?token={0}&{1}",
            "postgresql://u:{0}@{1}/db",
        ];
        for (var i = 0; i < 5_000; i++)
        {
            var noise = new string(Enumerable.Range(0, random.Next(0, 16)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var password = "PW" + random.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var template = templates[random.Next(templates.Length)];
            var input = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, password, noise);

            var fromUrl = SecretRedactor.RedactUrl(input);
            var fromConnectionString = SecretRedactor.RedactConnectionString(input);
            SecretRedactor.RedactUrl(noise);
            SecretRedactor.RedactConnectionString(noise);

            if (template.Contains("://", StringComparison.Ordinal) || template.Contains("token", StringComparison.Ordinal))
            {
                fromUrl.Should().NotContain(password, "input was {0}", input);
            }

            if (template.StartsWith("Host", StringComparison.Ordinal) || template.Contains("://", StringComparison.Ordinal))
            {
                fromConnectionString.Should().NotContain(password, "input was {0}", input);
            }
        }
    }

    [Fact]
    public void OptionsToString_NeverShowsSecrets()
    {
        var auth = new AuthOptions { BootstrapAdminKey = "admin-key-hunter2" };
        var cluster = new ClusterOptions { Key = "cluster-key-hunter2" };
        var database = new DatabaseOptions { ConnectionString = "Host=db;Password=hunter2" };

        $"{auth} {cluster} {database}".Should().NotContain("hunter2");
        auth.ToString().Should().Be("BootstrapAdminKey=***");
        new AuthOptions().ToString().Should().Be("BootstrapAdminKey=(not set)");
        new DatabaseOptions().ToString().Should().Be("embedded SQLite");
    }
}
