using System.Text.Json;

namespace Nightjar.Persistence.Serialization;

/// <summary>Turns payload objects into (stable type name, JSON) and back, through the <see cref="EventTypeRegistry"/>.</summary>
internal sealed class JournalSerializer(EventTypeRegistry registry)
{
    public EventTypeRegistry Registry => registry;

    /// <exception cref="UnregisteredEventTypeException">The payload's type has no registered name.</exception>
    public (string TypeName, string Json) Serialize(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var type = payload.GetType();
        var name = registry.GetName(type);
        return (name, JsonSerializer.Serialize(payload, type, registry.SerializerOptions));
    }

    /// <exception cref="UnknownEventTypeException">No type is registered under <paramref name="typeName"/>.</exception>
    public object Deserialize(string typeName, string json, string persistenceId, long sequenceNr)
    {
        var type = registry.Resolve(typeName);
        try
        {
            return JsonSerializer.Deserialize(json, type, registry.SerializerOptions)
                ?? throw new JsonException("The payload is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new JsonException(
                $"Stored '{typeName}' at '{persistenceId}' #{sequenceNr} does not deserialize into '{type.FullName}': {ex.Message}", ex);
        }
    }
}
