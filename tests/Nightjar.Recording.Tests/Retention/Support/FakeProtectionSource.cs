using Nightjar.Recording.Retention;

namespace Nightjar.Recording.Tests.Retention.Support;

/// <summary>A protection read model whose snapshot the test sets; can be made to fail.</summary>
internal sealed class FakeProtectionSource : IProtectionSource
{
    public ProtectionSnapshot Snapshot { get; set; } = ProtectionSnapshot.Empty;

    public ValueTask<ProtectionSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Snapshot);
}
