using System.Globalization;
using System.Text;
using OpenTelemetry.Metrics;

namespace Nightjar.Server.Telemetry;

/// <summary>
/// Renders OpenTelemetry metrics in the Prometheus text format 0.0.4, following the compatible
/// subset of the OTel→Prometheus rules: dots become underscores, the unit becomes a suffix
/// (<c>s</c>→<c>_seconds</c>, <c>By</c>→<c>_bytes</c>), monotonic sums are counters with <c>_total</c>,
/// other sums and gauges are gauges, histograms are cumulative <c>_bucket{le}</c>, <c>_sum</c>, <c>_count</c>.
/// </summary>
internal sealed class PrometheusTextFormatter
{
    // A family's lines must be contiguous and typed once, even when two meters share a name.
    private readonly Dictionary<string, Family> _families = new(StringComparer.Ordinal);
    private readonly List<Family> _order = [];

    public void Add(Metric metric)
    {
        var type = metric.MetricType switch
        {
            MetricType.LongSum or MetricType.DoubleSum => "counter",
            MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic
                or MetricType.LongGauge or MetricType.DoubleGauge => "gauge",
            MetricType.Histogram => "histogram",
            _ => null, // exponential histograms are not configured anywhere
        };
        if (type is null)
        {
            return;
        }

        var name = MetricName(metric.Name, metric.Unit, type);
        if (!_families.TryGetValue(name, out var family))
        {
            family = new Family(name, type, metric.Description);
            _families.Add(name, family);
            _order.Add(family);
        }
        else if (family.Type != type)
        {
            return; // the same name with another type would make the whole scrape invalid
        }

        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var labels = Labels(point);
            switch (metric.MetricType)
            {
                case MetricType.LongSum or MetricType.LongSumNonMonotonic:
                    family.Sample(name, labels, point.GetSumLong());
                    break;
                case MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic:
                    family.Sample(name, labels, point.GetSumDouble());
                    break;
                case MetricType.LongGauge:
                    family.Sample(name, labels, point.GetGaugeLastValueLong());
                    break;
                case MetricType.DoubleGauge:
                    family.Sample(name, labels, point.GetGaugeLastValueDouble());
                    break;
                case MetricType.Histogram:
                    AddHistogram(family, name, labels, point);
                    break;
            }
        }
    }

    /// <summary>The resource as <c>target_info</c>, so service name, version and instance join every series.</summary>
    public void AddTargetInfo(IEnumerable<KeyValuePair<string, object>> attributes)
    {
        var labels = string.Join(',', attributes.Select(a => $"{LabelName(a.Key)}=\"{EscapeLabelValue(Format(a.Value))}\""));
        if (labels.Length == 0)
        {
            return;
        }

        var family = new Family("target_info", "gauge", "Target metadata");
        family.Sample("target_info", labels, 1L);
        _order.Add(family);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var family in _order)
        {
            family.WriteTo(text);
        }

        return text.ToString();
    }

    public static string MetricName(string name, string? unit, string type)
    {
        var result = SanitizeName(name);
        var suffix = UnitSuffix(unit, type);
        if (suffix.Length > 0 && !result.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            result += "_" + suffix;
        }

        if (type == "counter" && !result.EndsWith("_total", StringComparison.Ordinal))
        {
            result += "_total";
        }

        return result;
    }

    public static string UnitSuffix(string? unit, string type)
    {
        if (string.IsNullOrEmpty(unit))
        {
            return string.Empty;
        }

        var slash = unit.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var per = unit[(slash + 1)..] switch { "s" => "second", "m" => "minute", "h" => "hour", "d" => "day", var other => SanitizeName(other) };
            var head = UnitSuffix(unit[..slash], type);
            return head.Length == 0 ? "per_" + per : $"{head}_per_{per}";
        }

        if (unit.StartsWith('{'))
        {
            return string.Empty; // {request}, {segment}: annotations, not units
        }

        if (unit == "1")
        {
            return type == "gauge" ? "ratio" : string.Empty;
        }

        return unit switch
        {
            "s" => "seconds",
            "ms" => "milliseconds",
            "us" => "microseconds",
            "ns" => "nanoseconds",
            "min" => "minutes",
            "h" => "hours",
            "d" => "days",
            "By" => "bytes",
            "KiBy" => "kibibytes",
            "MiBy" => "mebibytes",
            "GiBy" => "gibibytes",
            "KBy" => "kilobytes",
            "MBy" => "megabytes",
            "GBy" => "gigabytes",
            "bit" => "bits",
            "%" => "percent",
            _ => SanitizeName(unit),
        };
    }

    public static string SanitizeName(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c is '_' or ':';
            var next = valid ? c : '_';
            if (next == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }

            builder.Append(next);
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    public static string LabelName(string key)
    {
        var builder = new StringBuilder(key.Length + 1);
        foreach (var c in key)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    public static string FormatValue(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static void AddHistogram(Family family, string name, string labels, in MetricPoint point)
    {
        var separator = labels.Length > 0 ? "," : string.Empty;
        long cumulative = 0;
        foreach (var bucket in point.GetHistogramBuckets())
        {
            cumulative += bucket.BucketCount;
            var le = FormatValue(bucket.ExplicitBound);
            family.Sample(name + "_bucket", $"{labels}{separator}le=\"{le}\"", cumulative);
        }

        family.Sample(name + "_sum", labels, point.GetHistogramSum());
        family.Sample(name + "_count", labels, point.GetHistogramCount());
    }

    private static string Labels(in MetricPoint point)
    {
        var builder = new StringBuilder();
        foreach (var tag in point.Tags)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(LabelName(tag.Key)).Append("=\"").Append(EscapeLabelValue(Format(tag.Value))).Append('"');
        }

        return builder.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private sealed class Family(string name, string type, string? help)
    {
        private readonly StringBuilder _samples = new();

        public string Type { get; } = type;

        public void Sample(string sampleName, string labels, long value) =>
            Line(sampleName, labels).Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

        public void Sample(string sampleName, string labels, double value) =>
            Line(sampleName, labels).Append(FormatValue(value)).Append('\n');

        public void WriteTo(StringBuilder text)
        {
            if (!string.IsNullOrEmpty(help))
            {
                text.Append("# HELP ").Append(name).Append(' ')
                    .Append(help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal))
                    .Append('\n');
            }

            text.Append("# TYPE ").Append(name).Append(' ').Append(Type).Append('\n').Append(_samples);
        }

        private StringBuilder Line(string sampleName, string labels)
        {
            _samples.Append(sampleName);
            if (labels.Length > 0)
            {
                _samples.Append('{').Append(labels).Append('}');
            }

            return _samples.Append(' ');
        }
    }
}
