using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nightjar.Media.Rtsp;
using Nightjar.Recording.Access;
using Nightjar.Server.Configuration;
using Nightjar.Server.Health;

namespace Nightjar.Server.Security;

internal static class SecurityServiceCollectionExtensions
{
    /// <summary>The Data Protection application name: changing it makes every stored camera password unreadable.</summary>
    public const string DataProtectionApplicationName = "nightjar";

    /// <summary>The category of ASP.NET Core's request-line logs, which hold the full URL with its query.</summary>
    public const string RequestLineLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// API keys, playback tokens, authentication (the <see cref="NightjarAuthenticationSchemes"/>), the permission
    /// policies, Data Protection for secrets at rest, and the RTSP authenticator. Register after the storage
    /// services (the key store reads the journal they migrate) and before the recording engine (it protects secrets).
    /// The pipeline needs <c>UseAuthentication()</c> and <c>UseAuthorization()</c> after <c>UseRouting()</c>.
    /// </summary>
    public static IServiceCollection AddNightjarSecurity(this IServiceCollection services, NightjarSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dataPath = settings.Data.GetFullPath();

        services.TryAddSingleton<SecurityMetrics>();
        services.TryAddSingleton<AuthProblemResponder>();
        services.TryAddSingleton<ApiKeyStore>();
        services.AddOptions<ApiKeyStoreOptions>();
        services.TryAddSingleton(_ => new ClusterKey(settings.Cluster.Key));
        services.TryAddSingleton(_ => new AdminKeyAnnouncer(Console.Out));
        services.TryAddSingleton(_ => PlaybackTokenKey.Resolve(settings.Cluster.Key, dataPath));
        services.TryAddSingleton(sp => new PlaybackTokenService(sp.GetRequiredService<PlaybackTokenKey>().Key, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ApiKeyStartupService>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyStartupService>());
        services.AddReadinessCheck<ApiKeyReadinessCheck>();

        // Camera passwords at rest. On Linux the node's key ring is plain XML protected by the directory's mode (700).
        // With a cluster key every node reads every node's secrets (a camera moves with its password): they are sealed
        // under a key derived from it, and the node's ring only reads what it protected before.
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(SecurityDirectories.KeyRingPath(dataPath)))
            .SetApplicationName(DataProtectionApplicationName);
        services.TryAddSingleton<DataProtectionSecretProtector>();
        if (string.IsNullOrEmpty(settings.Cluster.Key))
        {
            services.TryAddSingleton<ISecretProtector>(sp => sp.GetRequiredService<DataProtectionSecretProtector>());
        }
        else
        {
            var clusterKey = settings.Cluster.Key;
            services.TryAddSingleton<ISecretProtector>(sp => new ClusterSecretProtector(
                System.Text.Encoding.UTF8.GetBytes(clusterKey),
                sp.GetRequiredService<DataProtectionSecretProtector>()));
        }

        // Not TryAdd: this replaces the relay's default (nobody may read) whichever is registered first.
        services.AddSingleton<IRtspAuthenticator, NightjarRtspAuthenticator>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = NightjarAuthenticationSchemes.Default;
                o.DefaultChallengeScheme = NightjarAuthenticationSchemes.Default;
                o.DefaultForbidScheme = NightjarAuthenticationSchemes.Default;
            })
            .AddPolicyScheme(NightjarAuthenticationSchemes.Default, "API key, playback token or cluster key", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(NightjarAuthenticationSchemes.ApiKey, displayName: null, _ => { })
            .AddScheme<AuthenticationSchemeOptions, PlaybackTokenAuthenticationHandler>(NightjarAuthenticationSchemes.PlaybackToken, displayName: null, _ => { })
            .AddScheme<AuthenticationSchemeOptions, ClusterKeyAuthenticationHandler>(NightjarAuthenticationSchemes.ClusterKey, displayName: null, _ => { });
        services.AddAuthorization(NightjarPolicies.AddTo);

        // "Request starting GET /lobby/index.m3u8?token=..." would put every playback token into the log: the
        // request lines stay off even when an operator turns Microsoft.AspNetCore up (spans carry path and route).
        services.AddLogging(logging => logging.AddFilter(RequestLineLogCategory, LogLevel.Warning));
        return services;
    }

    /// <summary>
    /// The cluster key scheme whenever <c>X-Nightjar-Cluster-Key</c> is sent (a forwarded request keeps the caller's
    /// <c>?token=</c> in its URL, which must not decide); a playback token only when there is no Authorization header,
    /// the URL has <c>?token=</c> and the request reads media; everything else is the API key scheme (which answers
    /// 401 when nothing usable was sent).
    /// </summary>
    internal static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(ClusterKeyHeaders.Key))
        {
            return NightjarAuthenticationSchemes.ClusterKey;
        }

        return context.Request.Headers.Authorization.Count == 0
            && context.Request.Query.ContainsKey(MediaRequestScope.TokenQueryName)
            && MediaRequestScope.IsMediaRequest(context.Request)
                ? NightjarAuthenticationSchemes.PlaybackToken
                : NightjarAuthenticationSchemes.ApiKey;
    }
}
