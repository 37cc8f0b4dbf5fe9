package io.hallpass.filter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrossOriginCheckTest {

    private final CrossOriginCheck strict = new CrossOriginCheck(false, new ClientAddress(List.of()));
    private final CrossOriginCheck sameSiteTrusted = new CrossOriginCheck(true, new ClientAddress(List.of()));

    private static boolean refused(CrossOriginCheck check, RequestStub request) {
        return check.check(request.header("Host", "shop.example").build()).isPresent();
    }

    @Test
    void safeMethodsAlwaysPass() {
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            assertEquals(Optional.empty(), strict.check(RequestStub.get().method(method)
                    .header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example").build()));
        }
    }

    @Test
    void fetchMetadataDecidesWhenPresent() {
        assertTrue(!refused(strict, RequestStub.post().header("Sec-Fetch-Site", "same-origin")));
        assertTrue(!refused(strict, RequestStub.post().header("Sec-Fetch-Site", "none")));
        assertTrue(refused(strict, RequestStub.post().header("Sec-Fetch-Site", "cross-site")));
        assertTrue(refused(strict, RequestStub.post().header("Sec-Fetch-Site", "same-site")));
        assertTrue(!refused(sameSiteTrusted, RequestStub.post().header("Sec-Fetch-Site", "same-site")));
        assertTrue(refused(strict, RequestStub.post().header("Sec-Fetch-Site", "something-new")));
    }

    @Test
    void fetchMetadataWinsOverAMatchingOrigin() {
        assertTrue(refused(strict, RequestStub.post().header("Sec-Fetch-Site", "cross-site")
                .header("Origin", "https://shop.example")));
    }

    @Test
    void withoutFetchMetadataTheOriginMustBeThisHost() {
        assertTrue(!refused(strict, RequestStub.post().https().header("Origin", "https://shop.example")));
        assertTrue(!refused(strict, RequestStub.post().method("DELETE").header("Origin", "http://SHOP.example")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "https://evil.example")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "https://shop.example.evil.example")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "https://shop.example:8443")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "null")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "https://user@shop.example")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "garbage")));
    }

    @Test
    void anOriginOfAnotherSchemeIsAnotherOrigin() {
        assertTrue(refused(strict, RequestStub.post().header("Origin", "https://shop.example")), "https page to http");
        assertTrue(refused(strict, RequestStub.post().https().header("Origin", "http://shop.example")),
                "a plain-http page (anyone on the network can write it) to https");
        assertTrue(refused(strict, RequestStub.post().https().header("Origin", "wss://shop.example")));
        assertTrue(!refused(strict, RequestStub.post().https().header("Origin", "HTTPS://shop.example")));
    }

    @Test
    void theDefaultPortOfTheSchemeIsThePortNotWritten() {
        assertTrue(!refused(strict, RequestStub.post().https().header("Origin", "https://shop.example:443")));
        assertTrue(!refused(strict, RequestStub.post().header("Origin", "http://shop.example:80")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "http://shop.example:443")));
        assertTrue(!strict.check(RequestStub.post().header("Host", "shop.example:8080")
                .header("Origin", "http://shop.example:8080").build()).isPresent());
        assertTrue(strict.check(RequestStub.post().header("Host", "shop.example:8080")
                .header("Origin", "http://shop.example").build()).isPresent());
        assertTrue(!strict.check(RequestStub.post().https().header("Host", "shop.example:443")
                .header("Origin", "https://shop.example").build()).isPresent());
        assertTrue(!strict.check(RequestStub.post().header("Host", "[::1]:8080")
                .header("Origin", "http://[::1]:8080").build()).isPresent());
        assertTrue(!strict.check(RequestStub.post().header("Host", "my_app:8080")
                .header("Origin", "http://my_app:8080").build()).isPresent(), "a service name with an underscore");
        assertTrue(strict.check(RequestStub.post().header("Host", "[::1]:8080")
                .header("Origin", "http://[::1]").build()).isPresent());
        assertTrue(strict.check(RequestStub.post().header("Host", "shop.example")
                .header("Origin", "http://shop.example:").build()).isEmpty(),
                "an empty port is the default one, as URL parsers read it");
        assertTrue(strict.check(RequestStub.post().header("Host", "shop.example")
                .header("Origin", "http://shop.example:8x").build()).isPresent());
    }

    @Test
    void behindATrustedProxyTheForwardedSchemeAndHostCountAndOtherwiseNot() {
        CrossOriginCheck proxied = new CrossOriginCheck(false,
                new ClientAddress(List.of(io.hallpass.filter.config.Cidr.parse("10.0.0.0/8"))));
        RequestStub throughProxy = RequestStub.post().from("10.1.2.3").header("Host", "app.internal:8080")
                .header("X-Forwarded-Host", "shop.example").header("X-Forwarded-Proto", "https")
                .header("Origin", "https://shop.example");
        assertTrue(proxied.check(throughProxy.build()).isEmpty());
        RequestStub spoofed = RequestStub.post().from("192.0.2.9").header("Host", "shop.example")
                .header("X-Forwarded-Proto", "https").header("Origin", "https://shop.example");
        assertTrue(proxied.check(spoofed.build()).isPresent(), "X-Forwarded-Proto from an untrusted peer");
    }

    @Test
    void aRequestWithNeitherHeaderIsNotFromABrowserAndPasses() {
        assertTrue(!refused(strict, RequestStub.post()));
        assertTrue(!refused(strict, RequestStub.post().method("PATCH")));
    }
}
