using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Tests.Validation;

public sealed class ValidationErrorTests
{
    [Fact]
    public void ToDictionary_GroupsMessagesByField()
    {
        var errors = new[] { new ValidationError("name", "is required"), new ValidationError("streams[0].url", "a"), new ValidationError("name", "b") };

        var dictionary = ValidationError.ToDictionary(errors);

        dictionary.Should().HaveCount(2);
        dictionary["name"].Should().Equal("is required", "b");
        dictionary["streams[0].url"].Should().Equal("a");
    }

    [Fact]
    public void Result_IsEitherValidOrHasErrors()
    {
        var ok = ValidationResult.Success("value");
        var bad = ValidationResult.Failure<string>("name", "is required");

        ok.IsValid.Should().BeTrue();
        ok.Errors.Should().BeEmpty();
        ok.GetValueOrThrow().Should().Be("value");
        bad.IsValid.Should().BeFalse();
        bad.Value.Should().BeNull();
        FluentActions.Invoking(() => bad.GetValueOrThrow()).Should().Throw<InvalidOperationException>().WithMessage("*name: is required*");
        FluentActions.Invoking(() => ValidationResult.Failure<string>([])).Should().Throw<ArgumentException>();
        bad.ToString().Should().Be("Invalid(name: is required)");
    }
}
