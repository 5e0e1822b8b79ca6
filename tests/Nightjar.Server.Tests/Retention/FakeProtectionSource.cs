using Nightjar.Recording.Retention;

namespace Nightjar.Server.Tests.Retention;

/// <summary>A protection source holding whatever snapshot the test sets (nothing protected by default).</summary>
internal sealed class FakeProtectionSource : IProtectionSource
{
    public ProtectionSnapshot Snapshot { get; set; } = ProtectionSnapshot.Empty;

    public ValueTask<ProtectionSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Snapshot);
}
