package org.cqdrug.tracker.notification.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import org.cqdrug.tracker.notification.config.WebhookConfig;

/**
 * Which receivers the service may call: https at public addresses only, checked on the addresses the name resolves
 * to, when an endpoint is subscribed and again before every attempt (so a name that later resolves to a private
 * address is refused then). Redirects are never followed. {@code tracker.webhook.allow-private} lifts both rules,
 * for local receivers and tests.
 */
@ApplicationScoped
public class ReceiverAddresses {

    private final WebhookConfig config;

    public ReceiverAddresses(WebhookConfig config) {
        this.config = config;
    }

    /** Why the service will not call this address, or null when it will. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not an address (" + e.getReason() + ")";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(config.allowPrivate() && scheme.equals("http"))) {
            return "must be an https address" + (config.allowPrivate() ? " or an http one" : "");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return "must name a host, without user information or a fragment";
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return "names port " + uri.getPort() + ", which is not a port (1 to 65535)";
        }
        if (config.allowPrivate()) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "names a host that does not resolve (" + uri.getHost() + ")";
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "resolves to " + address.getHostAddress() + ", a private, loopback or link-local address;"
                        + " only public receivers are called";
            }
        }
        return null;
    }

    /** Not loopback, link-local, private (RFC 1918, unique local fc00::/7), shared (100.64/10), unspecified or multicast. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 192 && second == 0
                    && (bytes[2] & 0xff) == 0) && !(first == 198 && (second == 18 || second == 19)) && first < 240;
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;
            }
            // an IPv4 address carried inside: 6to4 (2002:a.b.c.d::/48) and NAT64 (64:ff9b::a.b.c.d)
            if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
                return embeddedIsPublic(bytes, 2);
            }
            boolean nat64 = (bytes[0] & 0xff) == 0 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                    && (bytes[3] & 0xff) == 0x9b;
            for (int i = 4; i < 12 && nat64; i++) {
                nat64 = bytes[i] == 0;
            }
            if (nat64) {
                return embeddedIsPublic(bytes, 12);
            }
            boolean mapped = true; // ::ffff:a.b.c.d, an IPv4 address in IPv6 form
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                return embeddedIsPublic(bytes, 12);
            }
        }
        return true;
    }

    private static boolean embeddedIsPublic(byte[] bytes, int from) {
        try {
            return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, from, from + 4)));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
