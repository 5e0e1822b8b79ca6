namespace Nightjar.Persistence;

/// <summary>An event or snapshot state of a CLR type without a registered stable name was handed to the journal; nothing was written.</summary>
public sealed class UnregisteredEventTypeException : Exception
{
    public UnregisteredEventTypeException(Type clrType)
        : base($"Type '{clrType?.FullName}' has no stable journal name: mark it [EventType(\"area.what.v1\")] and register it in the EventTypeRegistry.")
    {
        ClrType = clrType;
    }

    public UnregisteredEventTypeException()
        : base("The type has no stable journal name.")
    {
    }

    public UnregisteredEventTypeException(string message)
        : base(message)
    {
    }

    public UnregisteredEventTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Type? ClrType { get; }
}
