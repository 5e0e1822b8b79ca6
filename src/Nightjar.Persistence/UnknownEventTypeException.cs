namespace Nightjar.Persistence;

/// <summary>A stored event or snapshot names a type that is not registered in this process's <see cref="EventTypeRegistry"/>.</summary>
public sealed class UnknownEventTypeException : Exception
{
    public UnknownEventTypeException(string typeName)
        : base($"The journal holds an event of type '{typeName}', which is not registered in the EventTypeRegistry; register a type under that name (or keep the old type around for reading).")
    {
        TypeName = typeName;
    }

    public UnknownEventTypeException()
        : this(string.Empty)
    {
    }

    public UnknownEventTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
        TypeName = string.Empty;
    }

    /// <summary>The stored type name that could not be resolved.</summary>
    public string TypeName { get; }
}
