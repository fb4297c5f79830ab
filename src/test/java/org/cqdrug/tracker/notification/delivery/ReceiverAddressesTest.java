package org.cqdrug.tracker.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;

import org.cqdrug.tracker.notification.config.WebhookConfig;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which receivers are called: public https ones, unless the operator allows private ones. */
@Tag(Lanes.UNIT)
class ReceiverAddressesTest {

    static ReceiverAddresses addresses(boolean allowPrivate) {
        WebhookConfig config = (WebhookConfig) Proxy.newProxyInstance(WebhookConfig.class.getClassLoader(),
                new Class<?>[] {WebhookConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("allowPrivate")) {
                        return allowPrivate;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new ReceiverAddresses(config);
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefusedByDefault() {
        ReceiverAddresses strict = addresses(false);
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook",
                "https://172.16.0.9/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[::1]/hook", "https://[fd00::1]/hook",
                "https://[fe80::1]/hook", "https://[::ffff:10.0.0.1]/hook", "https://224.0.0.1/hook",
                "https://[2002:7f00:1::]/hook", "https://[64:ff9b::a9fe:a9fe]/hook")) {
            String refusal = strict.refusal(url);
            assertNotNull(refusal, url + " was allowed");
            assertTrue(refusal.contains("private, loopback or link-local"), url + ": " + refusal);
        }
        assertNotNull(strict.refusal("http://93.184.215.14/hook"), "plain http");
        assertNotNull(strict.refusal("https://user:pw@93.184.215.14/hook"), "user information");
        assertNotNull(strict.refusal("https:///nohost"));
        assertNull(strict.refusal("https://93.184.215.14/hook"), "a public address");
        assertNull(strict.refusal("https://[2606:2800:220:1:248:1893:25c8:1946]/hook"), "a public IPv6 address");
    }

    @Test
    void theOperatorMayAllowPrivateReceiversAndPlainHttp() {
        ReceiverAddresses open = addresses(true);
        assertNull(open.refusal("http://127.0.0.1:8080/hook"));
        assertNull(open.refusal("https://10.1.2.3/hook"));
        assertNotNull(open.refusal("ftp://10.1.2.3/hook"), "still http or https only");
        assertNotNull(open.refusal("http://127.0.0.1:99999/hook"), "no such port");
        assertNotNull(open.refusal("http://127.0.0.1:0/hook"), "no such port");
    }
}
