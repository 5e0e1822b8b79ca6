using System.Net;

namespace Nightjar.Server.Configuration;

/// <summary>Identity and capacity of this node.</summary>
internal sealed class NodeOptions : INightjarOptions
{
    public const int MaxIdLength = 63;

    public static string SectionName => "Node";

    /// <summary>Unique within the site; defaults to the host name (the pod name under Kubernetes).</summary>
    public string Id { get; set; } = Dns.GetHostName();

    /// <summary>How other nodes and clients reach this node; null derives it from the host name and Http:Port.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Comma-separated roles: <c>streamer</c>, <c>supervisor</c>.</summary>
    public string Roles { get; set; } = "streamer";

    /// <summary>How other nodes and RTSP clients reach this node's RTSP server; null derives it from the host name and Rtsp:Port.</summary>
    public string? RtspUrl { get; set; }

    /// <summary>Labels placement matches against cameras' required labels (<c>Node:Labels:site</c> = <c>paris</c>).</summary>
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    public NodeCapacityOptions Capacity { get; set; } = new();

    public IReadOnlyList<NodeRole> GetRoles() => ParseRoles(Roles, out var roles, out _) ? roles : [];

    public Uri GetPublicUrl(HttpOptions http) =>
        PublicUrl is not null ? new Uri(PublicUrl) : new UriBuilder(Uri.UriSchemeHttp, Dns.GetHostName(), http.Port).Uri;

    public Uri GetRtspUrl(RtspOptions rtsp) =>
        RtspUrl is not null ? new Uri(RtspUrl) : new UriBuilder("rtsp", Dns.GetHostName(), rtsp.Port).Uri;

    public void Validate(ConfigurationErrorCollector errors)
    {
        if (!IsValidId(Id))
        {
            errors.Add(nameof(Id), $"must be 1 to {MaxIdLength} letters, digits, '.', '_' or '-', starting with a letter or digit (got '{Printable(Id)}'; the default is the host name)");
        }

        errors.AbsoluteHttpUrl(nameof(PublicUrl), PublicUrl);
        if (RtspUrl is not null && (!Uri.TryCreate(RtspUrl, UriKind.Absolute, out var rtspUrl) || rtspUrl.Scheme != "rtsp"))
        {
            errors.Add(nameof(RtspUrl), $"must be an absolute rtsp:// URL (got '{Printable(RtspUrl)}')");
        }

        foreach (var (key, value) in Labels)
        {
            if (!IsValidId(key) || string.IsNullOrEmpty(value) || value.Length > MaxIdLength || value.Any(char.IsControl))
            {
                errors.Add($"{nameof(Labels)}:{Printable(key)}", $"a label needs a name of letters, digits, '.', '_' or '-' and a value of 1 to {MaxIdLength} printable characters");
            }
        }

        if (!ParseRoles(Roles, out _, out var error))
        {
            errors.Add(nameof(Roles), error);
        }

        var capacity = errors.Nested(nameof(Capacity));
        Capacity.Validate(capacity);
        errors.AddFrom(capacity);
    }

    private static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id)
        && id.Length <= MaxIdLength
        && char.IsAsciiLetterOrDigit(id[0])
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static bool ParseRoles(string? text, out IReadOnlyList<NodeRole> roles, out string error)
    {
        var parsed = new List<NodeRole>();
        roles = parsed;
        error = string.Empty;
        foreach (var name in (text ?? string.Empty).Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            // Enum.TryParse would also accept numbers ("1"), which no operator means.
            var role = Enum.GetValues<NodeRole>().Cast<NodeRole?>()
                .FirstOrDefault(r => string.Equals(r.ToString(), name, StringComparison.OrdinalIgnoreCase));
            if (role is null)
            {
                error = $"unknown role '{Printable(name)}' (known roles: streamer, supervisor)";
                return false;
            }

            if (!parsed.Contains(role.Value))
            {
                parsed.Add(role.Value);
            }
        }

        if (parsed.Count == 0)
        {
            error = "must name at least one role (streamer, supervisor)";
            return false;
        }

        return true;
    }

    private static string Printable(string? text) =>
        new((text ?? string.Empty).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
