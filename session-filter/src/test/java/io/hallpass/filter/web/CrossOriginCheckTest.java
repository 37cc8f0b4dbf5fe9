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
        assertTrue(!refused(strict, RequestStub.post().header("Origin", "https://shop.example")));
        assertTrue(!refused(strict, RequestStub.post().method("DELETE").header("Origin", "http://SHOP.example")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "https://evil.example")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "https://shop.example.evil.example")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "https://shop.example:8443")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "null")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "https://user@shop.example")));
        assertTrue(refused(strict, RequestStub.post().header("Origin", "garbage")));
    }

    @Test
    void aRequestWithNeitherHeaderIsNotFromABrowserAndPasses() {
        assertTrue(!refused(strict, RequestStub.post()));
        assertTrue(!refused(strict, RequestStub.post().method("PATCH")));
    }
}
