using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Nightjar.Recording.Devices;
using Nightjar.Recording.Tests.Devices.Support;

namespace Nightjar.Recording.Tests.Devices;

/// <summary>HTTPS devices with the self-signed certificate cameras ship with.</summary>
public sealed class HikvisionTlsTests : IDisposable
{
    private const string User = "admin";
    private const string Password = "Dev1cePa55word";

    private readonly X509Certificate2 _certificate = SelfSigned();

    [Fact]
    public async Task SelfSignedCertificate_IsRejectedByDefault()
    {
        await using var device = new IsapiDeviceSimulator(User, Password, certificate: _certificate);
        await using var rig = new DeviceRig();

        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)));
        await rig.UntilAsync(() => rig.Status("lobby")?.LastError is not null, "the first attempt failed");

        rig.Status("lobby")!.LastError.Should().Contain("TLS handshake failed").And.Contain("acceptSelfSignedCertificate");
        device.StreamsOpened.Should().Be(0);
    }

    [Fact]
    public async Task SelfSignedCertificate_IsAccepted_WhenTheCameraSaysSo()
    {
        await using var device = new IsapiDeviceSimulator(User, Password, certificate: _certificate);
        await using var rig = new DeviceRig();

        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password, acceptSelfSigned: true)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);
        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD")));
        await rig.UntilSignalsAsync(1);

        rig.Status("lobby")!.State.Should().Be(EventSourceState.Connected);
        device.BaseUrl.Should().StartWith("https://");
    }

    public void Dispose() => _certificate.Dispose();

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=IPC", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // A PFX round trip gives a key SslStream can use on Linux.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
