using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nightjar.Server.Api.Locks;

/// <summary>
/// Times in lock bodies: ISO-8601 / RFC 3339 strings with seconds and an explicit offset (<c>2026-11-21T08:00:00Z</c>,
/// <c>2026-11-21T09:00:00.5+01:00</c>), converted to UTC. Anything else (unix seconds, no offset, a date alone) is refused:
/// a time without an offset means a different instant on every machine.
/// </summary>
internal static class IsoTime
{
    public const string Rule = "must be an ISO-8601 time with an offset, such as 2026-11-21T08:00:00Z";

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static bool TryParse([NotNullWhen(true)] string? text, out DateTimeOffset time)
    {
        time = default;
        if (text is not { Length: >= 20 and <= 40 } || (text[^1] != 'Z' && text[^6] is not ('+' or '-')))
        {
            return false;
        }

        if (!DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        time = parsed.ToUniversalTime();
        return true;
    }
}
