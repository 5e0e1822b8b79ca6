using System.Diagnostics.CodeAnalysis;

namespace Nightjar.Recording.Access;

/// <summary>Role names and the role → permissions table.</summary>
public static class Roles
{
    private const Permissions ViewerPermissions = Permissions.ViewCameras | Permissions.PlayLive | Permissions.PlayArchive;
    private const Permissions OperatorPermissions = ViewerPermissions | Permissions.Export | Permissions.Protect | Permissions.ManageCameras | Permissions.RaiseAlarms;
    private const Permissions AdminPermissions = OperatorPermissions | Permissions.ManageKeys | Permissions.ManageSystem;

    /// <summary>The names accepted in requests, lowest role first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["viewer", "operator", "admin"];

    /// <summary>Everything <paramref name="role"/> may do.</summary>
    public static Permissions PermissionsOf(Role role) => role switch
    {
        Role.Viewer => ViewerPermissions,
        Role.Operator => OperatorPermissions,
        Role.Admin => AdminPermissions,
        _ => Permissions.None,
    };

    /// <summary>True when <paramref name="role"/> has every permission in <paramref name="required"/>.</summary>
    public static bool Has(this Role role, Permissions required) => (PermissionsOf(role) & required) == required;

    /// <summary>The lowercase name of a role (<c>admin</c>).</summary>
    public static string NameOf(Role role) => role switch
    {
        Role.Viewer => "viewer",
        Role.Operator => "operator",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>Parses an exact lowercase role name; anything else (including <c>Admin</c> or <c>2</c>) fails.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out Role role)
    {
        switch (name)
        {
            case "viewer":
                role = Role.Viewer;
                return true;
            case "operator":
                role = Role.Operator;
                return true;
            case "admin":
                role = Role.Admin;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
