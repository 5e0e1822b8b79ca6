using System.Globalization;
using System.Security.Claims;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Security;

/// <summary>The claims the Nightjar authentication handlers put on a caller.</summary>
internal static class NightjarClaims
{
    /// <summary>The caller's permissions as the integer value of <see cref="Permissions"/>.</summary>
    public const string PermissionsClaimType = "nightjar:permissions";

    /// <summary>The API key id (never the key) or, for a playback token, <c>token:</c> and its scope.</summary>
    public const string KeyId = "nightjar:key";

    /// <summary>The scope of a playback token (<c>lobby</c> or <c>lobby/main</c>).</summary>
    public const string TokenScope = "nightjar:scope";

    /// <summary>What the caller may do; <see cref="Permissions.None"/> for anonymous or foreign principals.</summary>
    public static Permissions GetPermissions(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Permissions.None;
        }

        var value = user.FindFirst(PermissionsClaimType)?.Value;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var flags)
            ? (Permissions)flags
            : Permissions.None;
    }

    public static Claim ForPermissions(Permissions permissions) =>
        new(PermissionsClaimType, ((int)permissions).ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32);
}
