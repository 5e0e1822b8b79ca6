using System.Text.Json;
using Nightjar.Persistence.Serialization;
using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests;

public sealed class EventTypeRegistryTests
{
    [Fact]
    public void RegisterAssembly_FindsAttributedTypesUnderTheirNames()
    {
        var registry = new EventTypeRegistry().RegisterAssembly(typeof(ItemAdded).Assembly);

        registry.GetName(typeof(ItemAdded)).Should().Be("test.item-added.v1");
        registry.Resolve("test.counter-state.v1").Should().Be<CounterState>();
        registry.TryGetName(typeof(NotRegisteredEvent), out _).Should().BeFalse();
    }

    [Fact]
    public void Register_SameNameForAnotherType_Throws()
    {
        var registry = new EventTypeRegistry().Register<ItemAdded>("shared.name");

        var clash = () => registry.Register<CounterState>("shared.name");

        clash.Should().Throw<ArgumentException>().WithMessage("*'shared.name'*already registered*ItemAdded*");
    }

    [Fact]
    public void Register_SameTypeUnderASecondName_ThrowsButRepeatingIsFine()
    {
        var registry = new EventTypeRegistry().Register<ItemAdded>("first.v1");

        registry.Invoking(r => r.Register<ItemAdded>("first.v1")).Should().NotThrow();
        registry.Invoking(r => r.Register<ItemAdded>("second.v1")).Should().Throw<ArgumentException>().WithMessage("*already registered as 'first.v1'*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("quote'")]
    [InlineData("ünïcode")]
    public void Register_BadName_Throws(string name)
    {
        var register = () => new EventTypeRegistry().Register<ItemAdded>(name);

        register.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Register_OverlongNameOrAbstractTypeOrNoAttribute_Throws()
    {
        var registry = new EventTypeRegistry();

        registry.Invoking(r => r.Register<ItemAdded>(new string('a', EventTypeRegistry.MaxNameLength + 1))).Should().Throw<ArgumentException>();
        registry.Invoking(r => r.Register<IDisposable>("iface")).Should().Throw<ArgumentException>().WithMessage("*concrete*");
        registry.Invoking(r => r.Register<NotRegisteredEvent>()).Should().Throw<ArgumentException>().WithMessage("*[EventType*");
    }

    [Fact]
    public void Resolve_UnknownName_ThrowsNamingIt()
    {
        var resolve = () => new EventTypeRegistry().Resolve("camera.vanished.v9");

        resolve.Should().Throw<UnknownEventTypeException>().WithMessage("*'camera.vanished.v9'*").Which.TypeName.Should().Be("camera.vanished.v9");
    }

    [Fact]
    public void Serializer_RoundTripsWithCamelCaseByDefault()
    {
        var serializer = new JournalSerializer(TestTypes.Registry());

        var (type, json) = serializer.Serialize(new ItemAdded("lobby", 3));

        type.Should().Be("test.item-added.v1");
        json.Should().Be("""{"name":"lobby","value":3}""");
        serializer.Deserialize(type, json, "p", 1).Should().Be(new ItemAdded("lobby", 3));
    }

    [Fact]
    public void Serializer_CorruptPayload_ThrowsJsonExceptionNamingWhere()
    {
        var serializer = new JournalSerializer(TestTypes.Registry());

        var corrupt = () => serializer.Deserialize("test.item-added.v1", "{\"value\": \"not a number\"", "camera-7", 12);
        var jsonNull = () => serializer.Deserialize("test.item-added.v1", "null", "camera-7", 13);

        corrupt.Should().Throw<JsonException>().WithMessage("*'test.item-added.v1'*'camera-7' #12*");
        jsonNull.Should().Throw<JsonException>().WithMessage("*#13*");
    }
}
