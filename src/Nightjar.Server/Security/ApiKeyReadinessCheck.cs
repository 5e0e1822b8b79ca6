using Nightjar.Server.Health;

namespace Nightjar.Server.Security;

/// <summary>Not ready until the API keys are loaded: before that every request would be refused.</summary>
internal sealed class ApiKeyReadinessCheck(ApiKeyStore store) : IReadinessCheck
{
    public string Name => "apikeys";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(store.IsLoaded
            ? ReadinessResult.Ready($"{store.Current.Keys.Count(k => !k.IsRevoked)} active keys")
            : ReadinessResult.NotReady("API keys not loaded yet"));
}
