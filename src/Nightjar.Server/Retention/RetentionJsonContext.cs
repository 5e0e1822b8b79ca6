using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nightjar.Server.Retention;

/// <summary>Source-generated JSON for the retention report (camelCase, as the whole API).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RetentionResponse))]
internal sealed partial class RetentionJsonContext : JsonSerializerContext;
