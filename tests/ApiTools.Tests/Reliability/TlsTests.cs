using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ApiTools.Evotor;
using ApiTools.Http;
using ApiTools.Errors;

namespace ApiTools.Tests.Reliability;

/// <summary>Certificate validation is never turned off: an HTTPS server whose certificate is not trusted is refused, at once.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task A_self_signed_certificate_is_refused_and_not_asked_again()
    {
        using var certificate = SelfSigned();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var handshakes = 0;
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref handshakes);
                await using var tls = new SslStream(client.GetStream());
                try { await tls.AuthenticateAsServerAsync(certificate); }
                catch (Exception) { /* the client refused the certificate: expected */ }
            }
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var client = new EvotorClient(EvotorConnection.Create(Secret.FromString("t"), new Uri($"https://127.0.0.1:{port}/evotor"), "test", FaultMatrix.PatientRetry));

        var error = await Assert.ThrowsAsync<ApiException>(async () => { await foreach (var _ in client.GetStoresAsync()) { } });

        Assert.Contains("certificate was refused", error.Message);
        Assert.Equal(1, Volatile.Read(ref handshakes));
        stop.Cancel();
        listener.Stop();
        // The accept loop ends either on the cancelled accept or, when it was between clients, on its own.
        try { await serving; }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Export and load again so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }
}
