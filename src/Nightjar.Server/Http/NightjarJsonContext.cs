using System.Text.Json;
using System.Text.Json.Serialization;
using Nightjar.Server.Api.Node;
using Nightjar.Server.Health;

namespace Nightjar.Server.Http;

/// <summary>Source-generated JSON for the API's own types; the reflection resolver stays behind it as a fallback.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(NodeInfoResponse))]
[JsonSerializable(typeof(ReadinessResponse))]
[JsonSerializable(typeof(LivenessResponse))]
internal sealed partial class NightjarJsonContext : JsonSerializerContext;
