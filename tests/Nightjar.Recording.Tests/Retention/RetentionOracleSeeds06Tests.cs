namespace Nightjar.Recording.Tests.Retention;

/// <summary>Oracle seeds from 6 (<see cref="RetentionOracleTests.Seeds"/>).</summary>
public sealed class RetentionOracleSeeds06Tests : RetentionOracleTests
{
    [Theory]
    [MemberData(nameof(Seeds), 6)]
    public Task SimulatedMonth_AfterEveryPass_KeepsExactlyWhatTheReferenceKeeps(int seed) => RunSeedAsync(seed);
}
