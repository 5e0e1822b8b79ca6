using System.Diagnostics.Metrics;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Security;

/// <summary>The <c>Nightjar.Security</c> meter: refused requests and RTSP clients, by reason.</summary>
internal sealed class SecurityMetrics
{
    public const string MeterName = "Nightjar.Security";

    private readonly Counter<long> _failures;

    public SecurityMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(new MeterOptions(MeterName) { Version = NightjarVersion.Short });
        _failures = Meter.CreateCounter<long>(
            "nightjar.auth.failures",
            unit: "{failure}",
            description: "Requests refused with 401 or 403 (HTTP) and RTSP clients refused, by reason and protocol.");
    }

    public Meter Meter { get; }

    public void AuthFailed(AuthFailureReason reason, string protocol) =>
        _failures.Add(
            1,
            new KeyValuePair<string, object?>("reason", AuthFailureReasons.TagOf(reason)),
            new KeyValuePair<string, object?>("protocol", protocol));
}
