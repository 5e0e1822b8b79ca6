namespace Nightjar.Recording.Tests.Retention;

/// <summary>Oracle seeds from 1 (<see cref="RetentionOracleTests.Seeds"/>).</summary>
public sealed class RetentionOracleSeeds01Tests : RetentionOracleTests
{
    [Theory]
    [MemberData(nameof(Seeds), 1)]
    public Task SimulatedMonth_AfterEveryPass_KeepsExactlyWhatTheReferenceKeeps(int seed) => RunSeedAsync(seed);
}
