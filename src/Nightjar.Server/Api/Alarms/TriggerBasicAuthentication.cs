using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Primitives;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Alarms;

/// <summary>
/// Lets devices that cannot set an <c>Authorization: Bearer</c> header call the trigger: on
/// <see cref="TriggerEndpoints.Path"/> only, <c>Authorization: Basic base64(user:password)</c> is turned into
/// <c>Bearer password</c> before authentication, so the password must be an API key (the user name is ignored) and the
/// API key scheme checks it, counts and logs failures as for any key. A 401 there also offers a Basic challenge, which
/// clients that send credentials only when asked need. Runs before <c>UseAuthentication()</c>.
/// </summary>
internal static class TriggerBasicAuthentication
{
    private const string BasicPrefix = "Basic ";

    private static readonly string Challenge = $"Basic realm=\"{NightjarAuthenticationSchemes.Realm}\", charset=\"UTF-8\"";

    public static IApplicationBuilder UseTriggerBasicAuthentication(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            if (context.Request.Path.Equals(TriggerEndpoints.Path, StringComparison.OrdinalIgnoreCase))
            {
                Apply(context);
            }

            return next(context);
        });

    internal static void Apply(HttpContext context)
    {
        var response = context.Response;
        response.OnStarting(static state =>
        {
            var r = (HttpResponse)state;
            if (r.StatusCode == StatusCodes.Status401Unauthorized)
            {
                r.Headers.WWWAuthenticate = StringValues.Concat(r.Headers.WWWAuthenticate, Challenge);
            }

            return Task.CompletedTask;
        }, response);

        var headers = context.Request.Headers.Authorization;
        if (headers.Count == 1 && headers[0] is { } header && header.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // An undecodable header becomes an empty key: the API key scheme answers 401 "not valid" without detail.
            context.Request.Headers.Authorization = "Bearer " + (TryGetPassword(header.AsSpan(BasicPrefix.Length).Trim(), out var password) ? password : string.Empty);
        }
    }

    /// <summary>The password of <c>base64(user:password)</c>; false for anything else.</summary>
    internal static bool TryGetPassword(ReadOnlySpan<char> encoded, out string password)
    {
        password = string.Empty;
        if (encoded.IsEmpty || encoded.Length > 4096)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var written))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[..written]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || colon == text.Length - 1)
        {
            return false;
        }

        password = text[(colon + 1)..];
        return true;
    }
}
