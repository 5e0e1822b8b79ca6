using System.Text.Json.Serialization;

namespace Nightjar.Recording.Access;

/// <summary>What an API key may do. Each role has every permission of the roles below it: admin ⊇ operator ⊇ viewer.</summary>
/// <remarks>The numeric values order the roles and are never stored: JSON uses the lowercase names.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<Role>))]
public enum Role
{
    /// <summary>Watches live and recorded video and reads camera state.</summary>
    [JsonStringEnumMemberName("viewer")]
    Viewer = 0,

    /// <summary>A viewer who also configures cameras and retention, exports and protects evidence.</summary>
    [JsonStringEnumMemberName("operator")]
    Operator = 1,

    /// <summary>An operator who also manages API keys and the system (nodes, sites).</summary>
    [JsonStringEnumMemberName("admin")]
    Admin = 2,
}
