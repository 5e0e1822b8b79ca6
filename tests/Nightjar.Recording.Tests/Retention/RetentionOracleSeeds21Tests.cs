namespace Nightjar.Recording.Tests.Retention;

/// <summary>Oracle seeds from 21 (<see cref="RetentionOracleTests.Seeds"/>).</summary>
public sealed class RetentionOracleSeeds21Tests : RetentionOracleTests
{
    [Theory]
    [MemberData(nameof(Seeds), 21)]
    public Task SimulatedMonth_AfterEveryPass_KeepsExactlyWhatTheReferenceKeeps(int seed) => RunSeedAsync(seed);
}
