namespace Nightjar.Persistence;

/// <summary>
/// The stable name an event (or snapshot state) type is stored under, e.g. <c>[EventType("camera.added.v1")]</c>.
/// The name, not the CLR type name, is what the journal keeps, so classes can be renamed or moved freely; a new
/// incompatible shape gets a new name (<c>.v2</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
