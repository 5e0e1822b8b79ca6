using Nightjar.Persistence;
using Nightjar.Server.Health;

namespace Nightjar.Server.Storage;

/// <summary>Ready when the journal's database answers and every migration has been applied at start.</summary>
internal sealed class JournalReadinessCheck(IEventJournal journal, DatabaseStartupService startup) : IReadinessCheck
{
    public string Name => "journal";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (!startup.Migrated)
        {
            return ReadinessResult.NotReady("migrations not applied yet");
        }

        var health = await journal.CheckHealthAsync(cancellationToken);
        return health.IsReady
            ? ReadinessResult.Ready(journal.Backend)
            : ReadinessResult.NotReady($"{journal.Backend}: {health.Error}");
    }
}
