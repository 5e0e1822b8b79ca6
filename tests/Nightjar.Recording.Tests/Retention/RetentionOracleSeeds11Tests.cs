namespace Nightjar.Recording.Tests.Retention;

/// <summary>Oracle seeds from 11 (<see cref="RetentionOracleTests.Seeds"/>).</summary>
public sealed class RetentionOracleSeeds11Tests : RetentionOracleTests
{
    [Theory]
    [MemberData(nameof(Seeds), 11)]
    public Task SimulatedMonth_AfterEveryPass_KeepsExactlyWhatTheReferenceKeeps(int seed) => RunSeedAsync(seed);
}
