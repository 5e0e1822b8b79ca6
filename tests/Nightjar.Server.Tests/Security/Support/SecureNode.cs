using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Nightjar.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Hosting;
using Nightjar.Server.Security;
using Nightjar.Server.Tests.Api;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Security.Support;

/// <summary>
/// A node on TestServer with the whole real pipeline (authentication, policies, endpoints, SQLite journal in a temp
/// data directory), a <see cref="FakeCameraManager"/> in place of the recording engine's, every log captured at every
/// level, and standard-output announcements captured in <see cref="Stdout"/>.
/// </summary>
internal sealed class SecureNode : IAsyncDisposable
{
    /// <summary>The configured bootstrap admin key (a key in the "other format": at least 16 printable characters).</summary>
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    private readonly TempDirectory? _ownedData;

    private SecureNode(WebApplication app, TempDirectory data, TempDirectory? ownedData, CapturingLoggerProvider logs, StringWriter stdout)
    {
        App = app;
        Data = data;
        _ownedData = ownedData;
        Logs = logs;
        Stdout = stdout;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public TempDirectory Data { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>What the node wrote through <see cref="AdminKeyAnnouncer"/> (standard output in production).</summary>
    public StringWriter Stdout { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Client { get; }

    public FakeCameraManager Cameras => (FakeCameraManager)Services.GetRequiredService<ICameraManager>();

    public ApiKeyStore Keys => Services.GetRequiredService<ApiKeyStore>();

    public static async Task<SecureNode> StartAsync(SecureNodeOptions? options = null)
    {
        options ??= new SecureNodeOptions();
        var owned = options.Data is null ? new TempDirectory() : null;
        var data = options.Data ?? owned!;
        var logs = new CapturingLoggerProvider();
        var stdout = new StringWriter();
        var settings = new Dictionary<string, string?>(options.Settings) { ["Auth:BootstrapAdminKey"] = options.BootstrapKey };
        if (options.VerboseLogging)
        {
            settings["Logging:LogLevel:Default"] = "Trace";
            settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        }

        var hostOptions = TestNode.Options(
            data,
            settings,
            configure: builder =>
            {
                builder.Logging.AddProvider(logs);
                if (!options.VerboseLogging)
                {
                    builder.Logging.AddFilter<CapturingLoggerProvider>("Nightjar", LogLevel.Trace);
                }

                builder.Services.AddSingleton(new AdminKeyAnnouncer(stdout));
                builder.Services.AddSingleton<ICameraManager>(sp => new FakeCameraManager(sp.GetRequiredService<ISecretProtector>()));
                if (options.Time is { } time)
                {
                    builder.Services.AddSingleton(time);
                }
            },
            configureApp: options.MediaProbes ? MediaProbeEndpoints.Map : null);
        var app = NightjarHost.Build(hostOptions);
        try
        {
            await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await app.DisposeAsync();
            owned?.Dispose();
            throw;
        }

        return new SecureNode(app, data, owned, logs, stdout);
    }

    /// <summary>A client sending <c>Authorization: Bearer <paramref name="key"/></c>.</summary>
    public HttpClient ClientWithKey(string key)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public HttpClient AdminClient() => ClientWithKey(AdminKey);

    /// <summary>Creates a key through the API as the bootstrap admin.</summary>
    public async Task<(string Id, string Key)> CreateKeyAsync(string role, string name = "test key")
    {
        using var admin = AdminClient();
        using var content = Json($$"""{"name": "{{name}}", "role": "{{role}}"}""");
        using var response = await admin.PostAsync(new Uri("/api/v1/keys", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, body);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("id").GetString()!, json.RootElement.GetProperty("key").GetString()!);
    }

    /// <summary>The journal's highest sequence number of the API keys: unchanged means nothing was written.</summary>
    public Task<long> KeyJournalSequenceAsync() =>
        Services.GetRequiredService<IEventJournal>().ReadHighestSequenceNrAsync(ApiKeyStore.PersistenceId, CancellationToken.None);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await App.DisposeAsync();
        _ownedData?.Dispose();
    }
}
