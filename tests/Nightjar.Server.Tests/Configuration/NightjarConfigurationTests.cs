using System.Collections;
using Nightjar.Server.Configuration;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Configuration;

public sealed class NightjarConfigurationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_EnvironmentVariables_MapDoubleUnderscoreToSections()
    {
        var environment = new Hashtable
        {
            ["NIGHTJAR__HTTP__PORT"] = "9090",
            ["NIGHTJAR__STORAGE__ROOTS__0__LIMIT"] = "50% 7d",
            ["nightjar__node__id"] = "lower-case-prefix",
            ["HTTP__PORT"] = "1", // unprefixed: not ours
            ["NIGHTJAR__"] = "empty key",
        };

        var configuration = NightjarConfiguration.Load(null, environment);

        configuration["Http:Port"].Should().Be("9090");
        configuration["Storage:Roots:0:Limit"].Should().Be("50% 7d");
        configuration["Node:Id"].Should().Be("lower-case-prefix");
        configuration.GetChildren().Select(c => c.Key).Should().NotContain(k => k.Length == 0);
    }

    [Fact]
    public void Load_EnvironmentOverridesFile_AndOverridesWinOverBoth()
    {
        var file = _dir.File("node.json", """{ "Http": { "Port": 1111, "BindAddress": "127.0.0.1" }, "Node": { "Id": "from-file" } }""");
        var environment = new Hashtable { ["NIGHTJAR__HTTP__PORT"] = "2222", ["NIGHTJAR__NODE__ID"] = "from-env" };

        var configuration = NightjarConfiguration.Load(file, environment, new Dictionary<string, string?> { ["Node:Id"] = "from-override" });

        configuration["Http:Port"].Should().Be("2222");
        configuration["Http:BindAddress"].Should().Be("127.0.0.1");
        configuration["Node:Id"].Should().Be("from-override");
    }

    [Fact]
    public void Load_JsonAllowsCommentsAndTrailingCommas()
    {
        var file = _dir.File("node.json", "{\n // operators annotate\n \"Http\": { \"Port\": 8081, },\n}");

        NightjarConfiguration.Load(file, new Hashtable())["Http:Port"].Should().Be("8081");
    }

    [Fact]
    public void Load_DefaultsKeepAspNetCoreQuietButOverridable()
    {
        NightjarConfiguration.Load(null, new Hashtable())["Logging:LogLevel:Microsoft.AspNetCore"].Should().Be("Warning");
        NightjarConfiguration.Load(null, new Hashtable { ["NIGHTJAR__LOGGING__LOGLEVEL__DEFAULT"] = "Debug" })["Logging:LogLevel:Default"]
            .Should().Be("Debug");
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(_dir.Path, "missing.json");

        var error = LoadError(path);

        error.Should().Be($"config file '{path}': not found");
    }

    [Fact]
    public void Load_Directory_NamesTheFile()
    {
        LoadError(_dir.Path).Should().Be($"config file '{_dir.Path}': is a directory, expected a JSON file");
    }

    [Theory]
    [InlineData("{ \"Http\": { \"Port\": 1 }", "is not valid JSON at line")]
    [InlineData("{ \"Http\": { \"Port\" 1 } }", "is not valid JSON at line 1")]
    [InlineData("", "is not valid JSON")]
    [InlineData("[1, 2]", "is not a valid configuration file")]
    [InlineData("{ \"a\": 1, \"A\": 2 }", "is not a valid configuration file")]
    public void Load_MalformedFile_NamesTheFileAndWhere(string content, string expected)
    {
        var file = _dir.File("bad.json", content);

        var error = LoadError(file);

        error.Should().StartWith($"config file '{file}': ").And.Contain(expected);
        error.Should().NotContain("\n");
    }

    [Fact]
    public void Load_OversizedFile_IsRefusedWithoutParsing()
    {
        var file = Path.Combine(_dir.Path, "huge.json");
        File.WriteAllBytes(file, new byte[NightjarConfiguration.MaxFileBytes + 1]);

        LoadError(file).Should().Contain("larger than the 1048576 bytes");
    }

    [Theory]
    [InlineData("Http:Port", "NIGHTJAR__HTTP__PORT")]
    [InlineData("Storage:Roots:0:Limit", "NIGHTJAR__STORAGE__ROOTS__0__LIMIT")]
    [InlineData("Node:Capacity:IngestMbps", "NIGHTJAR__NODE__CAPACITY__INGESTMBPS")]
    public void ToEnvironmentVariable_IsTheInverseOfTheMapping(string key, string variable)
    {
        NightjarConfiguration.ToEnvironmentVariable(key).Should().Be(variable);
        var mapped = NightjarConfiguration.FromEnvironment(new Hashtable { [variable] = "x" }).Single();
        mapped.Key.Should().BeEquivalentTo(key);
    }

    private static string LoadError(string path)
    {
        var load = () => NightjarConfiguration.Load(path, new Hashtable());
        return load.Should().Throw<ConfigurationException>().Which.Errors.Should().ContainSingle().Which.ToString();
    }
}
