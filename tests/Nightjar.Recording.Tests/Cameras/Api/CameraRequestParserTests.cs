using System.Text;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Tests.Support;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Tests.Cameras.Api;

public sealed class CameraRequestParserTests
{
    [Fact]
    public void Parse_TheDesignExample_Succeeds()
    {
        var result = CameraRequestParser.Parse(Samples.FullRequestJson);

        result.IsValid.Should().BeTrue(string.Join("; ", result.Errors));
        result.Value!.Id.Should().Be("lobby");
        result.Value.Streams.Should().HaveCount(2);
        result.Value.Streams![1]!.Password.Should().Be(Samples.StreamPassword);
        result.Value.Labels.Should().ContainKey("site");
    }

    [Theory]
    [InlineData("""{"foo": 1}""", "foo", "is not a known field")]
    [InlineData("""{"Name": "x"}""", "Name", "is not a known field")]
    [InlineData("""{"streams": [{"name": "main", "bitrate": 5}]}""", "streams[0].bitrate", "is not a known field")]
    [InlineData("""{"dvr": {"retention": "7d"}}""", "dvr.retention", "is not a known field")]
    [InlineData("""{"events": {"kind": "hikvision", "token": "x"}}""", "events.token", "is not a known field")]
    [InlineData("""{"weird key": 1}""", "['weird key']", "is not a known field")]
    [InlineData("""{"name": 5}""", "name", "must be a string")]
    [InlineData("""{"name": {}}""", "name", "must be a string")]
    [InlineData("""{"enabled": "yes"}""", "enabled", "must be true or false")]
    [InlineData("""{"streams": {}}""", "streams", "must be an array")]
    [InlineData("""{"streams": [5]}""", "streams[0]", "must be an object")]
    [InlineData("""{"streams": [{"expectedBitrateKbps": "1000"}]}""", "streams[0].expectedBitrateKbps", "must be a whole number")]
    [InlineData("""{"streams": [{"expectedBitrateKbps": 1.5}]}""", "streams[0].expectedBitrateKbps", "must be a whole number")]
    [InlineData("""{"streams": [{"expectedBitrateKbps": 1e40}]}""", "streams[0].expectedBitrateKbps", "must be a whole number")]
    [InlineData("""{"streams": [{}, {"record": 1}]}""", "streams[1].record", "must be true or false")]
    [InlineData("""{"labels": []}""", "labels", "must be an object of strings")]
    [InlineData("""{"labels": {"a": 1}}""", "labels.a", "must be a string")]
    [InlineData("""{"labels": {"a b": true}}""", "labels['a b']", "must be a string")]
    [InlineData("""{"dvr": "7d"}""", "dvr", "must be an object")]
    [InlineData("""{"dvr": {"depth": 7}}""", "dvr.depth", "must be a string")]
    [InlineData("""{"events": {"channel": "1"}}""", "events.channel", "must be a whole number")]
    [InlineData("""[]""", "$", "must be an object")]
    [InlineData("""5""", "$", "must be an object")]
    [InlineData("""null""", "$", "must be a JSON object")]
    public void Parse_UnknownFieldsAndWrongTypes_NameTheField(string json, string field, string message)
    {
        var result = CameraRequestParser.Parse(json);

        result.IsValid.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Be(new ValidationError(field, result.Errors[0].Message));
        result.Errors[0].Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("""{"name": "a", "name": "b"}""", "name")]
    [InlineData("""{"streams": [{"name": "main"}, {"password": "a", "password": "b"}]}""", "streams[1].password")]
    [InlineData("""{"labels": {"a": "1", "a": "2"}}""", "labels.a")]
    public void Parse_RepeatedFields_AreRejectedWithTheirPath(string json, string field)
    {
        var result = CameraRequestParser.Parse(json);

        result.Errors.Should().ContainSingle().Which.Should().Be(new ValidationError(field, "is given more than once"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("""{"name": "a",}""")]
    [InlineData("""{"name": "a"} x""")]
    [InlineData("""{"name": "a"}{}""")]
    [InlineData("""{/* c */ "name": "a"}""")]
    [InlineData("""{'name': 'a'}""")]
    [InlineData("""{"name": "a\q"}""")]
    [InlineData("""{"name": tru}""")]
    public void Parse_InvalidJson_IsOneBodyError(string json)
    {
        var result = CameraRequestParser.Parse(json);

        result.Errors.Should().ContainSingle().Which.Field.Should().Be(ValidationError.Body);
        result.Errors[0].Message.Should().Contain("not valid JSON");
    }

    [Fact]
    public void Parse_InvalidUtf8_IsABodyError()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"name": "ab"}""");
        bytes[10] = 0xFF;

        var result = CameraRequestParser.Parse(bytes);

        result.Errors.Should().ContainSingle().Which.Field.Should().Be(ValidationError.Body);
    }

    [Fact]
    public void Parse_LoneSurrogate_IsABodyError()
    {
        CameraRequestParser.Parse("{\"name\": \"a\uD800\"}").Errors.Should().ContainSingle().Which.Field.Should().Be(ValidationError.Body);
        CameraRequestParser.Parse("""{"name": "a\uD800"}""").Errors.Should().ContainSingle().Which.Field.Should().Be(ValidationError.Body);
    }

    [Fact]
    public void Parse_TooDeep_IsABodyError()
    {
        var json = """{"labels": """ + new string('[', 20) + new string(']', 20) + "}";

        var result = CameraRequestParser.Parse(json);

        result.Errors.Should().ContainSingle().Which.Should().Be(new ValidationError(ValidationError.Body, "is nested deeper than 8 levels"));
    }

    [Fact]
    public void Parse_TooLarge_IsRefusedBeforeReading()
    {
        var json = """{"name": """ + "\"" + new string('a', CameraRequestParser.MaxBodyBytes) + "\"}";

        CameraRequestParser.Parse(json).Errors.Should().ContainSingle().Which.Message.Should().Contain("larger than 65536 bytes");
        CameraRequestParser.Parse(Encoding.UTF8.GetBytes(json)).Errors.Should().ContainSingle().Which.Message.Should().Contain("larger than");
    }

    [Fact]
    public void Parse_HugeUnknownFieldName_IsShownTruncated()
    {
        var name = new string('x', 30_000);

        var result = CameraRequestParser.Parse("{\"" + name + "\": 1}");

        result.Errors.Should().ContainSingle().Which.Field.Length.Should().BeLessThanOrEqualTo(201);
        result.Errors[0].Message.Should().Be("is not a known field");
    }

    [Fact]
    public void Parse_ReadOnlyPasswordSet_IsAcceptedAndIgnored()
    {
        var result = CameraRequestParser.Parse("""{"streams": [{"name": "main", "passwordSet": true}], "events": {"passwordSet": false}}""");

        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public void Parse_ControlCharacterInFieldName_IsShownPrintable()
    {
        var result = CameraRequestParser.Parse("{\"a\\u0000\\n\": 1}");

        result.Errors.Should().ContainSingle().Which.Field.Should().Be("['a??']");
    }
}
