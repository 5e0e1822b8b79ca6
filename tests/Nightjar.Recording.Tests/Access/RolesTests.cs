using System.Text.Json;
using Nightjar.Recording.Access;

namespace Nightjar.Recording.Tests.Access;

public sealed class RolesTests
{
    [Fact]
    public void PermissionsOf_EachRoleContainsTheOneBelow()
    {
        var viewer = Roles.PermissionsOf(Role.Viewer);
        var @operator = Roles.PermissionsOf(Role.Operator);
        var admin = Roles.PermissionsOf(Role.Admin);

        (@operator & viewer).Should().Be(viewer);
        (admin & @operator).Should().Be(@operator);
        @operator.Should().NotBe(viewer);
        admin.Should().NotBe(@operator);
    }

    [Theory]
    [InlineData(Role.Viewer, Permissions.ViewCameras | Permissions.PlayLive | Permissions.PlayArchive)]
    [InlineData(Role.Operator, Permissions.ViewCameras | Permissions.PlayLive | Permissions.PlayArchive | Permissions.Export | Permissions.Protect | Permissions.ManageCameras | Permissions.RaiseAlarms)]
    [InlineData(Role.Admin, Permissions.ViewCameras | Permissions.PlayLive | Permissions.PlayArchive | Permissions.Export | Permissions.Protect | Permissions.ManageCameras | Permissions.ManageKeys | Permissions.ManageSystem | Permissions.RaiseAlarms)]
    public void PermissionsOf_IsTheDocumentedTable(Role role, Permissions expected) =>
        Roles.PermissionsOf(role).Should().Be(expected);

    [Fact]
    public void Has_ChecksEveryRequestedPermission()
    {
        Role.Viewer.Has(Permissions.PlayLive).Should().BeTrue();
        Role.Viewer.Has(Permissions.PlayLive | Permissions.Export).Should().BeFalse();
        Role.Operator.Has(Permissions.ManageCameras).Should().BeTrue();
        Role.Operator.Has(Permissions.ManageKeys).Should().BeFalse();
        Role.Admin.Has(Permissions.ManageKeys | Permissions.ManageSystem).Should().BeTrue();
        ((Role)42).Has(Permissions.ViewCameras).Should().BeFalse();
    }

    [Theory]
    [InlineData("viewer", Role.Viewer)]
    [InlineData("operator", Role.Operator)]
    [InlineData("admin", Role.Admin)]
    public void TryParse_ExactNames(string name, Role role)
    {
        Roles.TryParse(name, out var parsed).Should().BeTrue();
        parsed.Should().Be(role);
        Roles.NameOf(role).Should().Be(name);
        JsonSerializer.Serialize(role).Should().Be("\"" + name + "\"");
        JsonSerializer.Deserialize<Role>("\"" + name + "\"").Should().Be(role);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Admin")]
    [InlineData("2")]
    [InlineData("root")]
    [InlineData(" admin")]
    public void TryParse_AnythingElse_Fails(string? name) => Roles.TryParse(name, out _).Should().BeFalse();
}
