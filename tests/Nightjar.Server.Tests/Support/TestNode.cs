using System.Collections;
using Microsoft.AspNetCore.TestHost;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Tests.Support;

/// <summary>A node host on TestServer (or on Kestrel at 127.0.0.1:0), hermetic: no process environment is read.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    /// <summary>The bootstrap admin key every test node starts with; <see cref="Client"/> sends it.</summary>
    public const string AdminKey = "test-node-admin-key-0123456789";

    private readonly TempDirectory _data;

    private TestNode(WebApplication app, TempDirectory data)
    {
        App = app;
        _data = data;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => App.Services;

    public static NightjarHostOptions Options(
        TempDirectory data,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? configureApp = null,
        bool useTestServer = true)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Http:Port"] = "0",
            ["Http:BindAddress"] = "127.0.0.1",
            ["Data:Path"] = data.Path,
            ["Rtsp:Port"] = "0",
            ["Rtsp:BindAddress"] = "127.0.0.1",
            ["Rtsp:UdpRtpPort"] = "0",
            ["Node:Id"] = "test-node",
            ["Auth:BootstrapAdminKey"] = AdminKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        return new NightjarHostOptions
        {
            EnvironmentVariables = new Hashtable(),
            Overrides = overrides,
            ConfigureBuilder = builder =>
            {
                if (useTestServer)
                {
                    builder.WebHost.UseTestServer();
                }

                configure?.Invoke(builder);
            },
            ConfigureApp = configureApp,
        };
    }

    public static async Task<TestNode> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? configureApp = null,
        bool useTestServer = true)
    {
        var data = new TempDirectory();
        var app = NightjarHost.Build(Options(data, settings, configure, configureApp, useTestServer));
        var node = new TestNode(app, data);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        node.Client = useTestServer ? app.GetTestClient() : new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        node.Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await App.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await App.DisposeAsync();
        _data.Dispose();
    }
}
