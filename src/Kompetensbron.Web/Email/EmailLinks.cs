using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Email;

/// <summary>
/// Absolute links for e-mail, in one place: the configured <see cref="EmailOptions.PublicAddress"/>, else the first
/// address this server itself listens on (Kestrel's own, as printed at start: the README's run gets clickable links),
/// never the address of an incoming request, which a caller controls. Null when neither is a usable address.
/// </summary>
public sealed class EmailLinks(IOptions<EmailOptions> options, IServer server)
{
    /// <summary>The absolute address of <paramref name="path"/>, or null when the site's address is unknown.</summary>
    public string? To(string path)
    {
        var configured = options.Value.PublicAddress;
        var site = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(IsReachable);
        return Uri.TryCreate(site, UriKind.Absolute, out var root) ? new Uri(root, path).ToString() : null;
    }

    // A wildcard or "any address" binding (http://*:80, http://+:80, 0.0.0.0, [::]) is no address a reader can open.
    private static bool IsReachable(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && uri.Host is not ("*" or "+" or "0.0.0.0" or "[::]");
}
