using Microsoft.Extensions.Logging;

namespace Nightjar.Server.Tests.Security.Support;

internal sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message, string Values, string? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId}] {Message} | {Values} | {Exception}";
}
