using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Signals;

namespace Nightjar.Recording.Tests.Signals;

public sealed class SignalStateTests
{
    private static readonly CameraId Camera = new("lobby");
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Plan_RandomReports_WindowsAlternateAndOneConditionIsOneEventPerChange(int seed)
    {
        var random = new Random(seed);
        var state = SignalState.Empty(Camera);
        var journal = new List<object>();
        var at = T0;
        for (var i = 0; i < 2000; i++)
        {
            // Mostly forward, sometimes late by up to 5 s: out-of-order reports must change nothing.
            at = at.AddMilliseconds(random.Next(0, 3000));
            var reportedAt = random.Next(10) == 0 ? at.AddSeconds(-random.Next(1, 6)) : at;
            var type = random.Next(4) switch { 0 => "VMD", 1 => "linedetection", 2 => "tamperdetection", _ => "motion" };
            var source = type == "motion" ? "api" : "hikvision";
            var signalState = (AlarmState)random.Next(3);
            var signal = new CameraSignal(Camera, source, type, signalState, reportedAt, MotionTypes.IsMotion(type), Region: random.Next(2) == 0 ? "1" : null);

            foreach (var @event in state.Plan(signal, reportedAt))
            {
                state = state.Apply(@event);
                journal.Add(@event);
            }
        }

        // Motion events alternate started/stopped, each stop closes the window just started, never before it.
        MotionStarted? open = null;
        foreach (var @event in journal)
        {
            switch (@event)
            {
                case MotionStarted started:
                    open.Should().BeNull();
                    open = started;
                    break;
                case MotionStopped stopped:
                    open.Should().NotBeNull();
                    stopped.StartedAt.Should().Be(open!.At);
                    stopped.At.Should().BeOnOrAfter(stopped.StartedAt);
                    open = null;
                    break;
            }
        }

        (state.Window is null).Should().Be(open is null);

        // Per condition, active and inactive alternate; no report is older than the one before it.
        var byKey = journal.OfType<CameraEventReported>().GroupBy(e => (e.Type.ToUpperInvariant(), e.Region));
        foreach (var group in byKey)
        {
            var states = group.Where(e => e.State != AlarmState.Pulse).Select(e => e.State).ToList();
            states.Zip(states.Skip(1)).Should().AllSatisfy(pair => pair.First.Should().NotBe(pair.Second));
            group.Select(e => e.At).Should().BeInAscendingOrder();
        }

        // Replaying the journal rebuilds the same state (what recovery does).
        var replayed = journal.Aggregate(SignalState.Empty(Camera), (s, e) => s.Apply(e));
        replayed.Window.Should().Be(state.Window);
        replayed.Keys.Should().BeEquivalentTo(state.Keys);
    }
}
