using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;

namespace Nightjar.Persistence;

/// <summary>
/// Maps event and snapshot-state types to the stable names stored in the journal, and holds the JSON options used
/// for their payloads. Register every type at start (usually <see cref="RegisterAssembly"/> over
/// <see cref="EventTypeAttribute"/>-marked types); registering is thread-safe, and a name or type can be bound only once.
/// </summary>
public sealed class EventTypeRegistry
{
    /// <summary>Longest accepted name; keeps the event_type column and log lines sane.</summary>
    public const int MaxNameLength = 200;

    private readonly ConcurrentDictionary<string, Type> _typesByName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _namesByType = new();
    private readonly Lock _registration = new();

    /// <param name="serializerOptions">
    /// Payload JSON options; defaults to <see cref="JsonSerializerDefaults.Web"/> (camelCase). They are made read-only
    /// here: the stored shape of every event depends on them, so they are picked once.
    /// </param>
    public EventTypeRegistry(JsonSerializerOptions? serializerOptions = null)
    {
        SerializerOptions = serializerOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
        SerializerOptions.MakeReadOnly(populateMissingResolver: true);
    }

    public JsonSerializerOptions SerializerOptions { get; }

    /// <summary>The registered types, by name (a snapshot).</summary>
    public IReadOnlyDictionary<string, Type> Types => new Dictionary<string, Type>(_typesByName, StringComparer.Ordinal);

    public EventTypeRegistry Register<T>(string name) => Register(typeof(T), name);

    /// <summary>Registers <typeparamref name="T"/> under the name of its <see cref="EventTypeAttribute"/>.</summary>
    public EventTypeRegistry Register<T>() => Register(typeof(T));

    public EventTypeRegistry Register(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var attribute = type.GetCustomAttribute<EventTypeAttribute>()
            ?? throw new ArgumentException($"Type '{type.FullName}' has no [EventType(\"...\")] attribute; register it with an explicit name.", nameof(type));
        return Register(type, attribute.Name);
    }

    /// <summary>Registers every class or struct of <paramref name="assembly"/> marked with <see cref="EventTypeAttribute"/>.</summary>
    public EventTypeRegistry RegisterAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes())
        {
            if (type.GetCustomAttribute<EventTypeAttribute>() is { } attribute)
            {
                Register(type, attribute.Name);
            }
        }

        return this;
    }

    public EventTypeRegistry Register(Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        ValidateName(name);
        if (type.IsAbstract || type.IsInterface || type.ContainsGenericParameters)
        {
            throw new ArgumentException($"Type '{type.FullName}' cannot be stored: it must be a concrete, closed type.", nameof(type));
        }

        lock (_registration)
        {
            if (_typesByName.TryGetValue(name, out var existingType) && existingType != type)
            {
                throw new ArgumentException($"Event type name '{name}' is already registered for '{existingType.FullName}'.", nameof(name));
            }

            if (_namesByType.TryGetValue(type, out var existingName) && !string.Equals(existingName, name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Type '{type.FullName}' is already registered as '{existingName}'.", nameof(type));
            }

            _typesByName[name] = type;
            _namesByType[type] = name;
        }

        return this;
    }

    public bool TryGetName(Type type, [NotNullWhen(true)] out string? name) => _namesByType.TryGetValue(type, out name);

    public bool TryResolve(string name, [NotNullWhen(true)] out Type? type) => _typesByName.TryGetValue(name, out type);

    /// <exception cref="UnregisteredEventTypeException">The type has no registered name.</exception>
    public string GetName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _namesByType.TryGetValue(type, out var name) ? name : throw new UnregisteredEventTypeException(type);
    }

    /// <exception cref="UnknownEventTypeException">No type is registered under the name.</exception>
    public Type Resolve(string name) =>
        _typesByName.TryGetValue(name, out var type) ? type : throw new UnknownEventTypeException(name);

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > MaxNameLength)
        {
            throw new ArgumentException($"Event type name is longer than {MaxNameLength} characters.", nameof(name));
        }

        foreach (var c in name)
        {
            // Names travel in logs, URLs and SQL text columns: keep them to a boring, case-sensitive alphabet.
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_' or ':'))
            {
                throw new ArgumentException($"Event type name '{name}' may only contain ASCII letters, digits and '.', '-', '_', ':'.", nameof(name));
            }
        }
    }
}
