using Nightjar.Media.Segments;

namespace Nightjar.Media.Tests.Segments;

public sealed class SafePathResolverTests : IDisposable
{
    private readonly TempDirectory _temp = new("nj-safe");
    private readonly string _root;
    private readonly string _outside;

    public SafePathResolverTests()
    {
        _root = _temp.Combine("root");
        _outside = _temp.Combine("outside");
        Directory.CreateDirectory(Path.Combine(_root, "lobby", "main"));
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "not yours");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Resolve_ValidRelativePath_GivesAPathUnderTheRoot()
    {
        var resolver = new SafePathResolver(_root);

        var full = resolver.Resolve("lobby/main/2026/11/21/1795267725000/1795267725.ts");

        full.Should().Be(Path.Combine(_root, "lobby", "main", "2026", "11", "21", "1795267725000", "1795267725.ts"));
        resolver.ToRelative(full).Should().Be("lobby/main/2026/11/21/1795267725000/1795267725.ts");
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../outside/secret.txt")]
    [InlineData("lobby/../../outside/secret.txt")]
    [InlineData("lobby/./main")]
    [InlineData("lobby//main")]
    [InlineData("lobby/main/")]
    [InlineData("/etc/passwd")]
    [InlineData("//server/share")]
    [InlineData("\\etc\\passwd")]
    [InlineData("lobby\\..\\..\\outside")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("lobby/main\0/x")]
    [InlineData("lobby/\n/x")]
    [InlineData("lobby/%2e%2e/x:y")]
    public void Resolve_HostileInput_IsRejected(string hostile)
    {
        var resolver = new SafePathResolver(_root);

        var act = () => resolver.Resolve(hostile);

        act.Should().Throw<UnsafePathException>();
        resolver.TryResolve(hostile, out _).Should().BeFalse();
    }

    [Fact]
    public void Resolve_OverlongPath_IsRejected()
    {
        var resolver = new SafePathResolver(_root);

        var act = () => resolver.Resolve(string.Join('/', Enumerable.Repeat("abcdefgh", 200)));

        act.Should().Throw<UnsafePathException>().WithMessage("*longer*");
    }

    [Fact]
    public void Resolve_SymlinkPointingOutOfTheRoot_IsRejected()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "escape"), _outside);
        var resolver = new SafePathResolver(_root);

        var act = () => resolver.Resolve("escape/secret.txt");

        act.Should().Throw<UnsafePathException>().WithMessage("*link*");
    }

    [Fact]
    public void Resolve_RelativeSymlinkClimbingOut_IsRejected()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "lobby", "up"), "../../outside");
        var resolver = new SafePathResolver(_root);

        var act = () => resolver.Resolve("lobby/up/secret.txt");

        act.Should().Throw<UnsafePathException>();
    }

    [Fact]
    public void Resolve_DanglingSymlinkToOutside_IsRejectedBeforeAnythingIsCreatedThere()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "lobby", "main", "trap.ts"), Path.Combine(_outside, "new.ts"));
        var resolver = new SafePathResolver(_root);

        var act = () => resolver.Resolve("lobby/main/trap.ts");

        act.Should().Throw<UnsafePathException>();
    }

    [Fact]
    public void Resolve_SymlinkLoop_IsRejected()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "a"), Path.Combine(_root, "b"));
        File.CreateSymbolicLink(Path.Combine(_root, "b"), Path.Combine(_root, "a"));
        var resolver = new SafePathResolver(_root);

        var act = () => resolver.Resolve("a/x");

        act.Should().Throw<UnsafePathException>().WithMessage("*links*");
    }

    [Fact]
    public void Resolve_SymlinkStayingInsideTheRoot_IsAllowed()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "alias"), Path.Combine(_root, "lobby"));
        var resolver = new SafePathResolver(_root);

        resolver.Resolve("alias/main/x.ts").Should().Be(Path.Combine(_root, "alias", "main", "x.ts"));
    }

    [Fact]
    public void Resolve_RootThatIsItselfASymlink_Works()
    {
        var link = _temp.Combine("root-link");
        Directory.CreateSymbolicLink(link, _root);
        var resolver = new SafePathResolver(link);

        resolver.Resolve("lobby/main/x.ts").Should().Be(Path.Combine(link, "lobby", "main", "x.ts"));
    }

    [Fact]
    public void Constructor_RelativeRoot_Throws()
    {
        var act = () => new SafePathResolver("relative/root");

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ToRelative_PathOutsideTheRoot_Throws()
    {
        var resolver = new SafePathResolver(_root);

        var act = () => resolver.ToRelative(Path.Combine(_outside, "secret.txt"));

        act.Should().Throw<UnsafePathException>();
    }

    [Fact]
    public void Resolve_RandomPathsFromAHostileAlphabet_NeverLeaveTheRoot()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "l"), _outside);
        var resolver = new SafePathResolver(_root);
        var random = new Random(99);
        const string alphabet = "./\\l.a:%\0~";
        for (var i = 0; i < 5000; i++)
        {
            var candidate = new string([.. Enumerable.Range(0, random.Next(0, 16)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            if (resolver.TryResolve(candidate, out var full))
            {
                full.Should().StartWith(_root + Path.DirectorySeparatorChar);
                full.Split(Path.DirectorySeparatorChar).Should().NotContain([".."]);
                candidate.Split('/')[0].Should().NotBe("l", "the link leaves the root");
            }
        }
    }
}
