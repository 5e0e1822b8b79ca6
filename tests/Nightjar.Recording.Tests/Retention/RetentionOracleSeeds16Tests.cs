namespace Nightjar.Recording.Tests.Retention;

/// <summary>Oracle seeds from 16 (<see cref="RetentionOracleTests.Seeds"/>).</summary>
public sealed class RetentionOracleSeeds16Tests : RetentionOracleTests
{
    [Theory]
    [MemberData(nameof(Seeds), 16)]
    public Task SimulatedMonth_AfterEveryPass_KeepsExactlyWhatTheReferenceKeeps(int seed) => RunSeedAsync(seed);
}
